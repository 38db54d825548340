"""Everyday task screens: who sees which action, in their own words."""

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-11-30")
class TestPlanTaskEveryday(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.create_plan(tasks_per_quarter=(1, 0, 0, 1))
        cls.plan.task_ids.sorted("quarter")[1].lead_unit_id = cls.unit_division
        cls.plan.task_ids.is_conditional = True
        cls.issue(cls.plan)
        cls.office_task, cls.division_task = cls.plan.task_ids.sorted("quarter")

    def test_actions_follow_the_users_rights(self):
        for user, task, expected in (
            (self.staff, self.office_task, True),
            (self.staff, self.division_task, False),
            (self.staff_division, self.division_task, True),
            (self.office, self.division_task, True),
            (self.council, self.office_task, False),
        ):
            with self.subTest(user=user.login, task=task.name):
                self.assertEqual(task.with_user(user).can_update_progress, expected)
        draft = self.create_plan(year=2025)
        self.assertFalse(draft.task_ids[0].with_user(self.office).can_update_progress)

    def test_refusal_speaks_the_users_terms(self):
        with self.assertRaises(AccessError) as caught:
            self.division_task.with_user(self.staff).action_done()
        message = str(caught.exception)
        self.assertIn("is led by Các Phòng nghiệp vụ", message)
        self.assertIn("you can only update the tasks of your own unit", message)
        self.assertNotIn("tdkt.plan.task", message)
        self.assertNotIn("write", message)
        with self.assertRaises(AccessError) as caught:
            self.division_task.with_user(self.staff).with_context(
                lang="vi_VN"
            ).action_done()
        self.assertIn(
            "chỉ cập nhật được nhiệm vụ của đơn vị mình", str(caught.exception)
        )
        self.assertEqual(self.division_task.state, "todo")

    def test_a_draft_plan_has_nothing_overdue(self):
        draft = self.create_plan(year=2024, name="Kế hoạch bổ sung")
        self.assertFalse(any(draft.task_ids.mapped("is_overdue")))
        self.assertEqual(draft.task_overdue_count, 0)
        Task = self.env["tdkt.plan.task"]
        overdue = Task.search([("is_overdue", "=", True)])
        self.assertEqual(overdue, self.office_task)  # Q1, issued, not done
        self.assertFalse(overdue & draft.task_ids)
        self.assertEqual(
            Task.search([("is_overdue", "=", False), ("plan_id", "=", draft.id)]),
            draft.task_ids,
        )

    def test_not_applicable_through_the_dialog(self):
        task = self.office_task
        action = task.with_user(self.staff).action_mark_not_applicable()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.staff)
            .with_context(**action["context"])
            .create({"reason": "Trong kỳ không có đợt thi đua chuyên đề"})
        )
        wizard.action_confirm()
        self.assertEqual(task.state, "not_applicable")
        self.assertEqual(
            task.not_applicable_reason, "Trong kỳ không có đợt thi đua chuyên đề"
        )
        # the dialog cannot close another unit's task
        with self.assertRaises(AccessError):
            self.env[action["res_model"]].with_user(self.staff).create(
                {"task_ids": self.division_task.ids, "reason": "Không"}
            ).action_confirm()
        self.assertEqual(self.division_task.state, "todo")


@tagged("post_install", "-at_install")
@freeze_time("2024-12-15")
class TestPlanNextYearAndReviews(TdktCommon):
    def test_roll_over_to_next_year(self):
        plan = self.create_plan(
            tasks_per_quarter=(1, 0, 0, 1),
            introduction="Thanh tra tỉnh xây dựng Kế hoạch năm 2024, cụ thể như sau:",
        )
        plan.task_ids[0].write(
            {"name": "Đăng ký thi đua năm 2024", "is_conditional": True}
        )
        self.issue(plan)
        plan.task_ids[0].with_user(self.staff).action_done()
        action = plan.with_user(self.office).action_roll_over()
        new = self.env["tdkt.plan"].browse(action["res_id"])
        self.assertEqual((new.year, new.state, new.number), (2025, "draft", 0))
        self.assertFalse(new.issue_date)
        self.assertEqual(new.name, "Thực hiện công tác thi đua, khen thưởng năm 2025")
        self.assertIn("Kế hoạch năm 2025", new.introduction)
        self.assertEqual(len(new.task_ids), 2)
        first = new.task_ids.sorted(lambda t: (t.quarter, t.row_number))[0]
        self.assertEqual(first.name, "Đăng ký thi đua năm 2025")
        self.assertTrue(first.is_conditional)
        self.assertEqual(set(new.task_ids.mapped("state")), {"todo"})
        self.assertEqual(first.date_deadline.year, 2025)
        self.assertEqual(new.task_overdue_count, 0)
        self.assertEqual(new.signer_id, plan.signer_id)
        self.assertEqual(new.recipient_ids.mapped("name"), ["Lưu: VT, TĐKT."])
        self.assertEqual(new.recipient_ids.res_model, "tdkt.plan")
        # the old plan is untouched
        self.assertEqual(plan.task_ids.sorted("quarter")[0].state, "done")
        with self.assertRaises(AccessError):
            plan.with_user(self.staff).action_roll_over()

    def test_review_reports_from_the_plan(self):
        plan = self.create_plan()
        with self.assertRaisesRegex(Exception, "not issued yet"):
            plan.with_user(self.office).action_half_year_review()
        self.issue(plan)
        action = plan.with_user(self.office).action_half_year_review()
        review = self.env["tdkt.plan.review"].browse(action["res_id"])
        self.assertEqual((review.plan_id, review.period), (plan, "half_year"))
        # the same button opens the report in progress
        again = plan.with_user(self.office).action_half_year_review()
        self.assertEqual(again["res_id"], review.id)
        year_end = plan.with_user(self.office).action_year_review()
        self.assertNotEqual(year_end["res_id"], review.id)
        with self.assertRaises(AccessError):
            plan.with_user(self.staff).action_year_review()
