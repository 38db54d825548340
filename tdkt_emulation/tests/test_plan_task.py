from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestPlanTask(TdktCommon):
    def rows(self, plan):
        return [
            (t.quarter, t.row_number, t.name)
            for t in plan.task_ids.sorted(lambda t: (t.quarter, t.row_number))
        ]

    def test_deadline_defaults_to_quarter_end(self):
        plan = self.create_plan(year=2024)
        deadlines = {t.quarter: t.date_deadline for t in plan.task_ids}
        self.assertEqual(
            deadlines,
            {
                "1": date(2024, 3, 31),
                "2": date(2024, 6, 30),
                "3": date(2024, 9, 30),
                "4": date(2024, 12, 31),
            },
        )

    def test_deadline_outside_year_fails(self):
        plan = self.create_plan(year=2024)
        task = plan.task_ids[0]
        with self.assertRaisesRegex(ValidationError, "outside the plan's year 2024"):
            task.write({"date_deadline": "2025-01-10", "name": "Đổi tên"})
        task.invalidate_recordset()
        self.assertEqual(task.date_deadline, date(2024, 3, 31))
        self.assertNotEqual(task.name, "Đổi tên")
        with self.assertRaisesRegex(ValidationError, "31/12/2023"):
            self.env["tdkt.plan.task"].create(
                {"plan_id": plan.id, "name": "X", "date_deadline": "2023-12-31"}
            )

    def test_row_numbers_stay_consecutive(self):
        plan = self.create_plan(tasks_per_quarter=(3, 1, 0, 0))
        self.assertEqual(
            [(q, s) for q, s, _n in self.rows(plan)],
            [("1", 1), ("1", 2), ("1", 3), ("2", 1)],
        )
        # removing the first row renumbers the others
        first = plan.task_ids.filtered(lambda t: t.quarter == "1" and t.row_number == 1)
        first.unlink()
        self.assertEqual(
            self.rows(plan),
            [
                ("1", 1, "Nhiệm vụ 2 quý 1"),
                ("1", 2, "Nhiệm vụ 3 quý 1"),
                ("2", 1, "Nhiệm vụ 1 quý 2"),
            ],
        )
        # a task moved to another quarter goes last there; the gap closes
        moved = plan.task_ids.filtered(lambda t: t.name == "Nhiệm vụ 2 quý 1")
        moved.quarter = "2"
        self.assertEqual(
            self.rows(plan),
            [
                ("1", 1, "Nhiệm vụ 3 quý 1"),
                ("2", 1, "Nhiệm vụ 1 quý 2"),
                ("2", 2, "Nhiệm vụ 2 quý 1"),
            ],
        )
        # a new task goes last; an inserted one shifts the following rows
        self.env["tdkt.plan.task"].create(
            {"plan_id": plan.id, "name": "Mới", "quarter": "1"}
        )
        self.env["tdkt.plan.task"].create(
            {"plan_id": plan.id, "name": "Chen", "quarter": "1", "row_number": 1}
        )
        self.assertEqual(
            [r for r in self.rows(plan) if r[0] == "1"],
            [("1", 1, "Chen"), ("1", 2, "Nhiệm vụ 3 quý 1"), ("1", 3, "Mới")],
        )

    def test_cooperating_units_print_as_the_plan_writes_them(self):
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        task = plan.task_ids
        task.cooperating_unit_ids = (
            self.unit_clusters | self.unit_sectors | self.unit_division
        )
        self.assertEqual(
            task.cooperating_units_text,
            "Các Phòng nghiệp vụ; Các cụm thi đua and Thanh tra các sở, ban, ngành",
        )
        task.cooperating_unit_ids = self.unit_division
        self.assertEqual(task.cooperating_units_text, "Các Phòng nghiệp vụ")

    @freeze_time("2024-06-14 10:00:00")
    def test_complete_and_reopen(self):
        plan = self.issue(self.create_plan())
        task = plan.task_ids[0]
        task.with_user(self.staff).action_start()
        self.assertEqual(task.state, "in_progress")
        task.with_user(self.staff).write({"state": "done"})
        self.assertEqual(task.done_by_id, self.staff)
        self.assertEqual(task.done_date, date(2024, 6, 14))
        task.with_user(self.staff).action_reopen()
        self.assertEqual(task.state, "in_progress")
        self.assertFalse(task.done_date)
        self.assertFalse(task.done_by_id)

    def test_complete_task_of_draft_or_cancelled_plan_fails(self):
        plan = self.create_plan()
        task = plan.task_ids[0]
        with self.assertRaisesRegex(UserError, "its plan is not issued"):
            task.action_done()
        plan.with_user(self.office).action_cancel()
        with self.assertRaisesRegex(UserError, "its plan is not issued"):
            task.with_user(self.office).write(
                {"state": "done", "result_note": "<p>x</p>"}
            )
        task.invalidate_recordset()
        self.assertEqual(task.state, "todo")
        self.assertFalse(task.result_note)
        self.assertFalse(task.done_date)

    def test_move_task_to_other_quarter_of_issued_plan_fails(self):
        plan = self.issue(self.create_plan())
        task = plan.task_ids.filtered(lambda t: t.quarter == "1")[0]
        with self.assertRaisesRegex(UserError, "only while their plan is a draft"):
            task.with_user(self.office).write({"quarter": "3"})
        task.invalidate_recordset()
        self.assertEqual(task.quarter, "1")
        # the same move on a submitted plan fails too; in a draft it works
        draft = self.create_plan()
        draft.task_ids[0].quarter = "4"
        draft.with_user(self.office).action_submit()
        with self.assertRaisesRegex(UserError, "only while their plan is a draft"):
            draft.task_ids[0].write({"quarter": "2"})

    def test_not_applicable_needs_condition_and_reason(self):
        plan = self.create_plan()
        conditional = plan.task_ids[0]
        conditional.is_conditional = True
        self.issue(plan)
        # Without a reason, the button asks for it in a dialog.
        action = conditional.action_mark_not_applicable()
        self.assertEqual(action["res_model"], "tdkt.plan.task.not.applicable.wizard")
        self.assertEqual(conditional.state, "todo")
        with self.assertRaisesRegex(ValidationError, "Give the reason"):
            conditional.write({"state": "not_applicable"})
        conditional.not_applicable_reason = "Không có đợt thi đua chuyên đề"
        conditional.action_mark_not_applicable()
        self.assertEqual(conditional.state, "not_applicable")
        other = plan.task_ids[1]
        other.not_applicable_reason = "Lý do"
        with self.assertRaisesRegex(ValidationError, "marked 'if any'"):
            other.action_mark_not_applicable()
        self.assertEqual(other.state, "todo")
        # reopening clears the reason
        conditional.action_reopen()
        self.assertFalse(conditional.not_applicable_reason)

    def test_overdue(self):
        plan = self.issue(self.create_plan(year=2024))
        Task = self.env["tdkt.plan.task"]
        with freeze_time("2024-04-02"):
            plan.task_ids.invalidate_recordset(["is_overdue"])
            q1 = plan.task_ids.filtered(lambda t: t.quarter == "1")
            self.assertTrue(all(q1.mapped("is_overdue")))
            self.assertEqual(
                Task.search([("plan_id", "=", plan.id), ("is_overdue", "=", True)]), q1
            )
            self.assertEqual(plan.task_overdue_count, 2)
            q1[0].action_done()
            self.assertFalse(q1[0].is_overdue)
            self.assertEqual(
                Task.search([("plan_id", "=", plan.id), ("is_overdue", "=", False)]),
                plan.task_ids - q1[1],
            )

    def test_current_quarter_filter(self):
        plan = self.create_plan(year=2024)
        with freeze_time("2024-05-15"):
            found = self.env["tdkt.plan.task"].search(
                [("plan_id", "=", plan.id), ("is_current_quarter", "=", True)]
            )
        self.assertEqual(found.mapped("quarter"), ["2"])

    def test_my_unit_filter(self):
        plan = self.issue(self.create_plan(tasks_per_quarter=(1, 1, 0, 0)))
        q1 = plan.task_ids.sorted("quarter")[0]
        Task = self.env["tdkt.plan.task"]
        mine = Task.with_user(self.staff).search([("is_my_unit", "=", True)])
        self.assertEqual(mine, plan.task_ids)  # Văn phòng leads both
        mine_div = Task.with_user(self.staff_division).search(
            [("is_my_unit", "=", True)]
        )
        self.assertEqual(mine_div, plan.task_ids)  # cooperating on both
        self.assertFalse(
            Task.with_user(self.council).search([("is_my_unit", "=", True)])
        )
        self.assertTrue(q1.with_user(self.staff).is_my_unit)
        self.assertFalse(q1.with_user(self.council).is_my_unit)

    def test_kanban_shows_all_quarters_and_states(self):
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 0))
        Task = self.env["tdkt.plan.task"]
        groups = Task.web_read_group(
            [("plan_id", "=", plan.id)], ["quarter"], ["quarter"]
        )
        self.assertEqual([g["quarter"] for g in groups["groups"]], ["1", "2", "3", "4"])
        self.assertEqual([g["quarter_count"] for g in groups["groups"]], [1, 0, 0, 0])
        groups = Task.web_read_group([("plan_id", "=", plan.id)], ["state"], ["state"])
        self.assertEqual(
            [g["state"] for g in groups["groups"]],
            ["todo", "in_progress", "done", "not_applicable"],
        )
