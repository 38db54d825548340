from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestAccess(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.create_plan(name="Dự thảo")
        cls.issued = cls.create_plan(name="Đã ban hành", tasks_per_quarter=(1, 1, 0, 0))
        cls.task_office, cls.task_other = cls.issued.task_ids.sorted("quarter")
        # The second task belongs to the clusters only: no staff of ours acts for it.
        cls.task_other.write(
            {"lead_unit_id": cls.unit_clusters.id, "cooperating_unit_ids": [(5,)]}
        )
        cls.issue(cls.issued)

    def test_staff_sees_issued_plans_only(self):
        Plan = self.env["tdkt.plan"].with_user(self.staff)
        self.assertEqual(
            Plan.search([("company_id", "=", self.company.id)]), self.issued
        )
        with self.assertRaises(AccessError):
            self.draft.with_user(self.staff).read(["name"])
        Task = self.env["tdkt.plan.task"].with_user(self.staff)
        self.assertEqual(Task.search([]), self.issued.task_ids)

    def test_staff_updates_own_unit_tasks(self):
        task = self.task_office.with_user(self.staff)
        task.write({"state": "done", "result_note": "<p>Đã ban hành văn bản</p>"})
        self.assertEqual(self.task_office.state, "done")
        self.assertEqual(self.task_office.done_by_id, self.staff)
        # a cooperating department's staff may update it as well
        self.task_office.with_user(self.staff_division).action_reopen()
        self.assertEqual(self.task_office.state, "in_progress")

    def test_staff_cannot_change_another_units_task(self):
        with self.assertRaises(AccessError):
            self.task_other.with_user(self.staff).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.task_other.with_user(self.staff).action_done()
        self.task_other.invalidate_recordset()
        self.assertEqual(self.task_other.state, "todo")
        # once made responsible, the staff member may
        self.task_other.user_ids = self.staff
        self.task_other.with_user(self.staff).action_done()
        self.assertEqual(self.task_other.state, "done")

    def test_staff_cannot_change_task_content_or_plans(self):
        with self.assertRaisesRegex(AccessError, "Only the Office"):
            self.task_office.with_user(self.staff).write(
                {"date_deadline": "2024-02-01"}
            )
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.task"].with_user(self.staff).create(
                {"plan_id": self.issued.id, "name": "X"}
            )
        with self.assertRaises(AccessError):
            self.task_office.with_user(self.staff).unlink()
        with self.assertRaises(AccessError):
            self.env["tdkt.plan"].with_user(self.staff).create(
                {"name": "X", "year": 2024}
            )
        with self.assertRaises(AccessError):
            self.issued.with_user(self.staff).write({"name": "X"})

    def test_office_manages_but_cannot_issue(self):
        plan = self.create_plan()
        Plan = self.env["tdkt.plan"].with_user(self.office)
        created = Plan.create(
            {"name": "Kế hoạch mới", "year": 2025, "company_id": self.company.id}
        )
        created.write({"task_ids": [(0, 0, {"name": "Nhiệm vụ", "quarter": "2"})]})
        self.assertEqual(created.task_ids.date_deadline.isoformat(), "2025-06-30")
        plan.with_user(self.office).action_submit()
        with self.assertRaisesRegex(AccessError, "Chief"):
            plan.with_user(self.office).action_issue()
        with self.assertRaisesRegex(AccessError, "Chief"):
            self.issued.with_user(self.office).action_close()
        with self.assertRaisesRegex(AccessError, "Chief"):
            self.issued.with_user(self.office).action_cancel()
        self.assertEqual(plan.state, "submitted")
        created.with_user(self.office).unlink()

    def test_chief_issues_and_closes(self):
        plan = self.create_plan()
        plan.with_user(self.chief).action_issue()
        self.close_plan(plan)
        self.assertEqual(plan.state, "closed")

    def test_council_reads_everything_but_writes_nothing(self):
        Plan = self.env["tdkt.plan"].with_user(self.council)
        self.assertEqual(
            Plan.search([("company_id", "=", self.company.id)]),
            self.draft | self.issued,
        )
        with self.assertRaises(AccessError):
            self.draft.with_user(self.council).write({"name": "X"})
        with self.assertRaises(AccessError):
            self.draft.with_user(self.council).action_submit()
        with self.assertRaises(AccessError):
            self.draft.with_user(self.council).action_issue()
        with self.assertRaises(AccessError):
            self.task_other.with_user(self.council).action_done()

    def test_users_without_group_see_nothing(self):
        with self.assertRaises(AccessError):
            self.env["tdkt.plan"].with_user(self.outsider).search([])
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.task"].with_user(self.outsider).search([])

    def test_other_agency_is_invisible(self):
        other_office = self.env["res.users"].create(
            {
                "name": "VP khác",
                "login": "t_other_office",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "groups_id": [
                    (6, 0, [self.env.ref("tdkt_emulation.group_tdkt_office").id])
                ],
            }
        )
        self.assertFalse(self.env["tdkt.plan"].with_user(other_office).search([]))
        with self.assertRaises(AccessError):
            self.issued.with_user(other_office).read(["name"])
        with self.assertRaises(AccessError):
            self.issued.task_ids.with_user(other_office).write({"state": "done"})

    def test_admin_configures_units(self):
        unit = (
            self.env["tdkt.unit"]
            .with_user(self.admin_tdkt)
            .create({"name": "Phòng mới", "company_id": self.company.id})
        )
        unit.with_user(self.admin_tdkt).write({"sequence": 5})
        with self.assertRaises(AccessError):
            self.env["tdkt.unit"].with_user(self.office).create({"name": "Không được"})

    def test_workflow_methods_check_groups_not_only_views(self):
        """Buttons are hidden with groups=; the methods refuse anyway."""
        for user in (self.staff, self.council):
            with self.assertRaises(AccessError):
                self.draft.with_user(user).action_submit()
        self.assertEqual(self.draft.state, "draft")

    def test_moving_an_employee_moves_their_rights(self):
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        plan.task_ids.cooperating_unit_ids = False
        task = self.issue(plan).task_ids
        with self.assertRaises(AccessError):
            task.with_user(self.staff_division).action_start()
        employees = self.env["hr.employee"].with_context(active_test=False)
        moved = employees.search([("user_id", "=", self.staff_division.id)])
        self.assertEqual(moved.department_id, self.dep_division)
        moved.department_id = self.dep_office
        self.assertIn(self.staff_division, self.unit_office.member_user_ids)
        task.with_user(self.staff_division).action_start()
        self.assertEqual(task.state, "in_progress")
        employees.search(
            [("user_id", "=", self.staff.id)]
        ).department_id = self.dep_division
        with self.assertRaises(AccessError):
            task.with_user(self.staff).action_done()
