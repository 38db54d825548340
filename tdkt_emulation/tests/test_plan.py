from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestPlan(TdktCommon):
    def test_defaults_from_agency(self):
        plan = self.create_plan()
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.agency_name, "THANH TRA TỈNH")
        self.assertEqual(plan.parent_agency_name, "UBND TỈNH THỬ NGHIỆM")
        self.assertEqual(plan.place, "Lạng Sơn")
        self.assertEqual(plan.document_number, "/KH-TTr")
        self.assertEqual(plan.signer_name, "Đậu Trường An")
        self.assertEqual(plan.signer_position, "CHÁNH THANH TRA")
        self.assertEqual(plan.task_count, 5)

    def test_form_proposes_title_from_year(self):
        with Form(self.env["tdkt.plan"].with_user(self.office)) as form:
            form.year = 2025
            self.assertEqual(
                form.name, "Implementing emulation and commendation work in 2025"
            )

    def test_issue_takes_number_from_yearly_sequence(self):
        first = self.issue(self.create_plan())
        second = self.issue(self.create_plan(name="Kế hoạch bổ sung"))
        other_year = self.issue(self.create_plan(year=2025))
        self.assertEqual(first.state, "issued")
        self.assertEqual((first.number, second.number, other_year.number), (1, 2, 1))
        self.assertEqual(first.document_number, "01/KH-TTr")
        self.assertEqual(second.display_name, "02/KH-TTr - Kế hoạch bổ sung")
        self.assertTrue(first.issue_date)

    def test_issue_skips_numbers_taken_by_hand(self):
        self.create_plan(number=1)
        plan = self.issue(self.create_plan(name="Khác"))
        self.assertEqual(plan.number, 2)

    def test_sequences_are_per_agency(self):
        self.issue(self.create_plan())
        self.env["tdkt.unit"].create(
            {"name": "VP", "company_id": self.other_company.id}
        )
        other = self.env["tdkt.plan"].create(
            {
                "name": "Kế hoạch",
                "company_id": self.other_company.id,
                "year": 2024,
                "task_ids": [(0, 0, {"name": "Nhiệm vụ", "quarter": "1"})],
            }
        )
        other.signer_name = "Người ký"
        other.signer_id = self.env["hr.employee"].create(
            {"name": "Người ký", "company_id": self.other_company.id}
        )
        other.action_issue()
        self.assertEqual(other.number, 1)

    def test_workflow(self):
        plan = self.create_plan()
        plan.with_user(self.office).action_submit()
        self.assertEqual(plan.state, "submitted")
        plan.with_user(self.office).action_reset_to_draft()
        self.assertEqual(plan.state, "draft")
        plan.with_user(self.office).action_submit()
        plan.with_user(self.chief).action_issue()
        self.assertEqual(plan.state, "issued")
        self.close_plan(plan)
        self.assertEqual(plan.state, "closed")
        with self.assertRaises(UserError):
            plan.with_user(self.chief).action_cancel()

    def test_progress_counts_applicable_tasks(self):
        plan = self.create_plan(tasks_per_quarter=(2, 1, 1, 0))
        plan.task_ids.sorted("id")[3].is_conditional = True
        self.issue(plan)
        tasks = plan.task_ids.sorted("id")
        self.assertEqual(plan.progress, 0.0)
        tasks[0].action_done()
        self.assertAlmostEqual(plan.progress, 25.0)
        tasks[1].write({"state": "done"})
        self.assertAlmostEqual(plan.progress, 50.0)
        tasks[3].write({"state": "not_applicable", "not_applicable_reason": "Không có"})
        self.assertAlmostEqual(plan.progress, 200.0 / 3)

    # --- bad input -------------------------------------------------------------
    def test_issue_without_tasks_fails(self):
        plan = self.create_plan(tasks_per_quarter=(0, 0, 0, 0))
        with self.assertRaisesRegex(UserError, "has no tasks"):
            plan.with_user(self.chief).action_issue()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.number)

    def test_issue_without_signer_fails(self):
        plan = self.create_plan(signer_id=False)
        with self.assertRaisesRegex(UserError, "has no signer"):
            plan.with_user(self.chief).action_issue()
        with self.assertRaisesRegex(UserError, "has no signer"):
            plan.with_user(self.office).action_submit()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.number)

    def test_issued_content_is_read_only(self):
        plan = self.issue(self.create_plan())
        title = plan.name
        for vals in (
            {"name": "Sửa"},
            {"year": 2025},
            {"introduction": "Khác"},
            {"legal_basis_layout": "lines"},
            {"number": 9},
            {"signer_name": "Người khác"},
        ):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                plan.with_user(self.office).write(vals)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            plan.legal_basis_ids.with_user(self.office).write({"name": "Khác"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.document.recipient"].create(
                {"res_model": "tdkt.plan", "res_id": plan.id, "name": "Mới"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            plan.recipient_ids.unlink()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.plan.task"].create(
                {"plan_id": plan.id, "name": "Thêm", "quarter": "2"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            plan.task_ids[0].with_user(self.office).write({"name": "Khác"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            plan.task_ids[0].unlink()
        plan.invalidate_recordset()
        self.assertEqual(plan.name, title)
        self.assertEqual(plan.task_count, 5)
        # chatter and activities still work on an issued plan
        plan.with_user(self.office).message_post(body="Đã gửi bản giấy")

    def test_issued_plan_cannot_be_deleted(self):
        plan = self.issue(self.create_plan())
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            plan.unlink()

    def test_duplicate_number_fails(self):
        self.create_plan(number=3)
        with self.assertRaisesRegex(
            ValidationError, "already used by another document"
        ):
            self.create_plan(number=3, name="Trùng số")
        self.assertEqual(self.env["tdkt.plan"].search_count([("number", "=", 3)]), 1)
        # the same number in another year or agency is fine
        self.create_plan(number=3, year=2025)

    def test_invalid_year_fails(self):
        with self.assertRaisesRegex(ValidationError, "year 24 of .* is not valid"):
            self.create_plan(year=24)

    def test_state_cannot_be_forced_by_write(self):
        plan = self.create_plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.office).write({"state": "issued"})
        self.assertEqual(plan.state, "draft")
