"""Regression tests of the holes a hostile, logged-in client found (issue 7).

Each test goes through the path the probe used: ``with_user`` plus
``write``/``create`` with whatever context the client sends.
"""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TdktCommon
from .pdf_tools import flat, pdf_pages, render_pdf

PLAN_REPORT = "tdkt_emulation.action_report_tdkt_plan"
MEGABYTE = "Nội dung rất dài. " * 60_000  # about 1 MB


@tagged("post_install", "-at_install")
class TestDocumentLifecycle(TdktCommon):
    # 1. A client-set context key switched off every task write check.
    def test_no_context_key_opens_task_writes(self):
        plan = self.issue(self.create_plan())
        task = plan.task_ids[0]
        other_plan = self.create_plan(year=2025)
        context = {"tdkt_renumbering": True}
        for vals in (
            {"name": "Đổi tên"},
            {"quarter": "3"},
            {"plan_id": other_plan.id},
        ):
            with self.assertRaises(AccessError):
                task.with_user(self.staff).with_context(**context).write(vals)
        with self.assertRaises(UserError):
            task.with_user(self.staff).with_context(**context).write(
                {
                    "state": "done",
                    "done_by_id": self.chief.id,
                    "done_date": "2024-01-02",
                }
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            task.with_user(self.office).with_context(**context).write({"name": "Khác"})
        task.with_user(self.staff).write({"state": "done"})
        self.assertEqual(task.done_by_id, self.staff)
        self.assertEqual(task.plan_id, plan)
        self.assertNotEqual(task.name, "Đổi tên")

    def test_row_numbers_stay_consecutive_without_the_orm(self):
        plan = self.create_plan(tasks_per_quarter=(3, 0, 0, 0))
        first, second, third = plan.task_ids.sorted("row_number")
        third.with_user(self.office).write({"row_number": 1})
        self.assertEqual(
            plan.task_ids.sorted("row_number").mapped("id"),
            [third.id, first.id, second.id],
        )
        self.assertEqual(
            plan.task_ids.sorted("row_number").mapped("row_number"), [1, 2, 3]
        )
        second.with_user(self.office).unlink()
        self.assertEqual(sorted(plan.task_ids.mapped("row_number")), [1, 2])

    # 2. The Office un-issued or un-closed a plan with write({'state': 'draft'}).
    def test_office_cannot_unissue_or_unclose(self):
        plan = self.issue(self.create_plan())
        for state in ("draft", "submitted", "cancelled"):
            with self.assertRaises(UserError):
                plan.with_user(self.office).write({"state": state})
        self.close_plan(plan)
        for state in ("draft", "issued"):
            with self.assertRaises(UserError):
                plan.with_user(self.office).write({"state": state})
        with self.assertRaises(UserError):
            plan.with_user(self.office).unlink()
        self.assertEqual(plan.state, "closed")
        # the Chief reopens with a reason, kept in the chatter
        action = plan.with_user(self.chief).action_reopen()
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        self.env["tdkt.document.reason.wizard"].with_user(self.chief).with_context(
            **action["context"]
        ).create({"reason": "Bổ sung kết quả quý IV"}).action_confirm()
        self.assertEqual(plan.state, "issued")
        self.assertIn("Bổ sung kết quả quý IV", plan.message_ids[0].body)

    # 5. Review reports: issued, un-issued or cancelled by writing the state.
    def test_review_state_only_through_the_table(self):
        plan = self.issue(self.create_plan())
        Review = self.env["tdkt.plan.review"].with_user(self.office)
        review = Review.create({"plan_id": plan.id, "state": "issued", "number": 0})
        self.assertEqual(review.state, "draft")
        with self.assertRaises(AccessError):
            review.write({"state": "issued"})
        review.with_user(self.chief).write({"state": "issued"})
        self.assertEqual(review.document_number, "01/BC-TTr")
        for state in ("draft", "cancelled"):
            with self.assertRaises(UserError):
                review.write({"state": state})
        # result lines are the system's: nobody edits, adds or deletes them
        line = review.line_ids[0]
        with self.assertRaises(AccessError):
            line.with_user(self.office).write({"task_count": 99})
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.review.line"].with_user(self.office).create(
                {"review_id": review.id, "section": "quarter", "quarter": "1"}
            )
        with self.assertRaises(AccessError):
            line.with_user(self.office).unlink()
        self.assertEqual(review.state, "issued")

    def test_second_draft_review_of_the_year(self):
        plan = self.issue(self.create_plan())
        Review = self.env["tdkt.plan.review"].with_user(self.office)
        Review.create({"plan_id": plan.id, "period": "half_year"})
        second = Review.create({"plan_id": plan.id, "period": "year"})
        self.assertEqual(second.number, 0)

    # 6. Plans created already issued; the Chief's write skipped the checks.
    def test_plan_created_as_issued_starts_as_draft(self):
        plan = (
            self.env["tdkt.plan"]
            .with_user(self.office)
            .create(
                {
                    "name": "Kế hoạch",
                    "company_id": self.company.id,
                    "year": 2024,
                    "state": "issued",
                    "number": 0,
                }
            )
        )
        self.assertEqual(plan.state, "draft")
        with self.assertRaisesRegex(UserError, "has no tasks"):
            plan.with_user(self.chief).write({"state": "issued"})
        self.assertEqual(plan.state, "draft")
        ready = self.create_plan()
        ready.with_user(self.chief).write({"state": "issued"})
        self.assertEqual((ready.state, ready.number), ("issued", 1))
        self.assertTrue(ready.issue_date)

    # 8. Read-only mirror fields could be written.
    def test_mirror_fields_cannot_be_written(self):
        plan = self.create_plan()
        task = plan.task_ids[0]
        with self.assertRaisesRegex(UserError, "follows another record"):
            task.with_user(self.office).write({"plan_state": "issued"})
        with self.assertRaisesRegex(UserError, "follows another record"):
            task.with_user(self.office).write({"company_id": self.other_company.id})
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            plan.legal_basis_ids.with_user(self.office).write(
                {"company_id": self.other_company.id}
            )
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.legal_basis_ids.company_id, self.company)
        self.assertFalse(
            self.env["tdkt.plan.task"]
            .with_user(self.staff)
            .search([("plan_id", "=", plan.id)])
        )

    # 9. Workflow methods returned None (an XML-RPC fault).
    def test_workflow_methods_return_a_value(self):
        plan = self.create_plan()
        self.assertIs(plan.with_user(self.office).action_submit(), True)
        self.assertIs(plan.with_user(self.chief).action_issue(), True)
        tasks = plan.task_ids.with_user(self.office)
        self.assertIs(tasks[0].action_start(), True)
        self.assertIs(tasks.action_done(), True)
        self.assertIs(tasks[0].action_reopen(), True)
        self.assertIs(tasks[0].action_done(), True)
        self.assertIs(plan.with_user(self.chief).action_close(), True)

    # 6 (printing). A 1 MB text makes a printout take the server down.
    def test_megabyte_of_text_is_refused(self):
        plan = self.create_plan()
        for model, vals in (
            (plan.section_ids[0], {"body": f"<p>{MEGABYTE}</p>"}),
            (plan.section_ids[0], {"name": MEGABYTE}),
            (plan, {"name": MEGABYTE}),
            (plan.task_ids[0], {"name": MEGABYTE}),
            (plan.legal_basis_ids, {"name": MEGABYTE}),
        ):
            with self.assertRaisesRegex(UserError, "is too long"):
                model.with_user(self.office).write(vals)
        with self.assertRaisesRegex(UserError, "is too long"):
            self.create_plan(introduction=MEGABYTE)
        self.assertLess(len(plan.section_ids[0].body or ""), 1000)


@tagged("post_install", "-at_install")
class TestSignedCopy(TdktCommon):
    """7. The archived PDF of an issued plan was not protected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.create_plan(issue_date=date(2024, 1, 5))

    def test_signed_copy_taken_whoever_prints_first_and_protected(self):
        plan = self.issue(self.plan)
        # a file planted before the first print is never served
        planted = (
            self.env["ir.attachment"]
            .with_user(self.office)
            .create(
                {
                    "name": "KH_01-KH-TTr_2024.pdf",
                    "raw": b"%PDF-1.4 planted",
                    "res_model": "tdkt.plan",
                    "res_id": plan.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.office).create(
                {"name": "x.pdf", "raw": b"x", "tdkt_signed_copy": True}
            )
        pdf = render_pdf(
            self.env(user=self.staff), PLAN_REPORT, plan.with_user(self.staff)
        )
        self.assertNotIn(b"planted", pdf)
        copy = plan.signed_pdf_id
        self.assertTrue(copy.tdkt_signed_copy)
        self.assertEqual(copy.name, "KH_01-KH-TTr_2024_r1.pdf")
        self.assertEqual(copy.raw, pdf)
        for user in (self.office, self.chief, self.admin_tdkt):
            with self.assertRaises(AccessError):
                copy.with_user(user).write({"raw": b"%PDF-1.4 forged"})
            with self.assertRaises(AccessError):
                copy.with_user(user).unlink()
            with self.assertRaises(AccessError):
                plan.with_user(user).write({"signed_pdf_id": planted.id})
        # later prints serve the signed copy as it is
        self.assertEqual(render_pdf(self.env(user=self.office), PLAN_REPORT, plan), pdf)
        self.assertEqual(plan.signed_pdf_id, copy)

    def test_reissue_serves_a_new_copy_and_keeps_the_old(self):
        plan = self.issue(self.plan)
        first = render_pdf(self.env(user=self.office), PLAN_REPORT, plan)
        old_copy = plan.signed_pdf_id
        self.cancel_with_reason(plan)
        self.assertEqual(plan.state, "cancelled")
        plan.with_user(self.office).action_reset_to_draft()
        plan.task_ids[0].with_user(self.office).write({"name": "Nhiệm vụ đã sửa"})
        plan.with_user(self.chief).action_issue()
        self.assertEqual((plan.number, plan.revision), (1, 2))
        self.assertFalse(plan.signed_pdf_id)
        second = render_pdf(self.env(user=self.office), PLAN_REPORT, plan)
        self.assertNotEqual(first, second)
        self.assertIn("Nhiệm vụ đã sửa", flat(" ".join(pdf_pages(second))))
        self.assertEqual(plan.signed_pdf_id.name, "KH_01-KH-TTr_2024_r2.pdf")
        self.assertTrue(old_copy.exists())
        history = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "tdkt.plan"),
                ("res_id", "=", plan.id),
                ("tdkt_signed_copy", "=", True),
            ]
        )
        self.assertEqual(history, old_copy | plan.signed_pdf_id)

    def test_draft_prints_are_never_archived(self):
        render_pdf(self.env(user=self.office), PLAN_REPORT, self.plan)
        self.assertFalse(self.plan.signed_pdf_id)
