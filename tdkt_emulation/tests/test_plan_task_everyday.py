"""Everyday task screens: who sees which action, in their own words."""

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

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

    def test_late_completion_asks_the_result_and_is_recorded(self):
        task = self.office_task  # deadline 31/03/2024, today 30/11/2024
        action = task.with_user(self.staff).action_complete()
        self.assertEqual(action["res_model"], "tdkt.plan.task.done.wizard")
        self.assertEqual(task.state, "todo")  # nothing done before the answer
        Wizard = (
            self.env[action["res_model"]]
            .with_user(self.staff)
            .with_context(**action["context"])
        )
        wizard = Wizard.create({})
        self.assertIn("31/03/2024, 244 days late", wizard.lateness)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(task.state, "todo")
        wizard.result_note = "<p>Đã tổ chức hội nghị, chậm do dịch bệnh.</p>"
        wizard.action_confirm()
        self.assertEqual(task.state, "done")
        self.assertIn("chậm do dịch bệnh", task.result_note)
        self.assertEqual((task.is_done_late, task.days_late), (True, 244))
        # reopened, the record of lateness goes with the completion
        task.with_user(self.staff).action_reopen()
        self.assertEqual((task.is_done_late, task.days_late), (False, 0))
        # nobody writes the record of lateness by hand, whatever the path
        for vals in ({"days_late": 0}, {"is_done_late": False}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                task.with_user(self.office).with_context(tracking_disable=False).write(
                    vals
                )

    def test_completion_on_time_needs_no_dialog(self):
        task = self.division_task  # deadline 31/12/2024
        self.assertIs(task.with_user(self.staff_division).action_complete(), True)
        self.assertEqual(task.state, "done")
        self.assertEqual((task.is_done_late, task.days_late), (False, 0))
        # done again later (a second click): it keeps the day it was done
        with freeze_time("2025-02-01"):
            self.assertIs(task.with_user(self.staff_division).action_complete(), True)
        self.assertEqual(str(task.done_date), "2024-11-30")
        self.assertEqual((task.is_done_late, task.days_late), (False, 0))

    def test_late_completion_of_another_units_task_is_refused(self):
        task = self.division_task
        with freeze_time("2025-01-15"):  # past its deadline
            with self.assertRaises(AccessError):
                task.with_user(self.staff).action_complete()
            with self.assertRaises(AccessError):
                self.env["tdkt.plan.task.done.wizard"].with_user(self.staff).create(
                    {"task_ids": task.ids, "result_note": "<p>Xong</p>"}
                ).action_confirm()
        self.assertEqual(task.state, "todo")


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


@tagged("post_install", "-at_install")
class TestThisYearFilter(TdktCommon):
    def _default_filter_domain(self, action_xmlid):
        """The action's default 'This Year' filter, its domain evaluated as
        the web client does (context_today is the user's today)."""
        action = self.env.ref(action_xmlid)
        context = safe_eval(action.context, {"uid": self.env.uid})
        self.assertEqual(context.get("search_default_this_year"), 1)
        model = self.env[action.res_model]
        arch = model.get_view(action.search_view_id.id, "search")["arch"]
        [node] = etree.fromstring(arch).xpath("//filter[@name='this_year']")
        today = fields.Date.context_today(model)
        return safe_eval(node.get("domain"), {"context_today": lambda: today})

    @freeze_time("2026-05-04")
    def test_task_and_plan_screens_open_on_this_year(self):
        this_year = self.issue(self.create_plan(year=2026))
        other_years = self.create_plan(year=2025) | self.create_plan(year=2027)
        for action, records, others in (
            ("tdkt_emulation.tdkt_plan_action", this_year, other_years),
            (
                "tdkt_emulation.tdkt_plan_task_action",
                this_year.task_ids,
                other_years.task_ids,
            ),
            (
                "tdkt_emulation.tdkt_plan_task_action_my",
                this_year.task_ids,
                other_years.task_ids,
            ),
        ):
            with self.subTest(action=action):
                domain = self._default_filter_domain(action)
                self.assertEqual(domain, [("year", "=", 2026)])
                found = records.search(domain)
                self.assertEqual(found & (records | others), records)


@tagged("post_install", "-at_install")
class TestYearFormat(TdktCommon):
    def test_year_reads_without_thousands_separator(self):
        plan = self.create_plan()
        message = plan.message_post(body="Năm của kế hoạch")
        trackings = self.env["mail.tracking.value"].create(
            {
                "mail_message_id": message.id,
                "field_id": self.env["ir.model.fields"]._get("tdkt.plan", "year").id,
                "old_value_integer": 2024,
                "new_value_integer": 2025,
            }
        )
        value = trackings._tracking_value_format()[0]
        self.assertEqual(value["fieldType"], "char")
        self.assertEqual(
            (value["oldValue"]["value"], value["newValue"]["value"]), ("2024", "2025")
        )
        for model, view_type in (
            ("tdkt.plan", "list"),
            ("tdkt.plan", "kanban"),
            ("tdkt.plan", "form"),
            ("tdkt.plan.review", "list"),
            ("tdkt.plan.task", "list"),
            ("tdkt.plan.task", "kanban"),
        ):
            with self.subTest(model=model, view_type=view_type):
                arch = self.env[model].get_views([(False, view_type)])["views"][
                    view_type
                ]["arch"]
                self.assertRegex(
                    arch,
                    r"name=\"year\"[^>]*enable_formatting&quot;: false|"
                    r"name=\"year\"[^>]*'enable_formatting': false",
                )
                if view_type == "kanban":
                    # Odoo's kanban prints a field without a widget as its
                    # formatted value, ignoring the options ("2.024").
                    self.assertRegex(arch, r"name=\"year\"[^>]*widget=\"integer\"")


@tagged("post_install", "-at_install")
class TestRolesOnTheUserForm(TdktCommon):
    def test_roles_are_one_selection_on_the_user_form(self):
        category = self.env.ref("tdkt_emulation.module_category_tdkt")
        kinds = {
            app: (kind, groups)
            for app, kind, groups, _section in self.env[
                "res.groups"
            ].get_groups_by_application()
        }
        kind, groups = kinds[category]
        self.assertEqual(kind, "selection")
        self.assertEqual(
            [group.get_external_id()[group.id].split(".")[1] for group in groups],
            [
                "group_tdkt_user",
                "group_tdkt_council",
                "group_tdkt_office",
                "group_tdkt_chief",
                "group_tdkt_admin",
            ],
        )
        form = self.env.ref("base.view_users_form")
        arch = (
            self.env["res.users"]
            .with_context(lang="vi_VN")
            .get_views([(form.id, "form")])["views"]["form"]["arch"]
        )
        field = f"sel_groups_{'_'.join(str(gid) for gid in sorted(groups.ids))}"
        self.assertIn(field, arch)
        label = (
            self.env["res.users"]
            .with_context(lang="vi_VN")
            .fields_get([field], ["string"])[field]["string"]
        )
        self.assertEqual(label, "Thi đua, khen thưởng")


@tagged("post_install", "-at_install")
class TestClosePlan(TdktCommon):
    def test_closing_with_unfinished_tasks_asks_why(self):
        plan = self.issue(self.create_plan(tasks_per_quarter=(2, 0, 0, 1)))
        plan.task_ids[0].with_user(self.staff).action_done()
        action = plan.with_user(self.chief).action_close()
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        self.assertIn("2 of the 3 tasks", action["context"]["default_message"])
        self.assertEqual(plan.state, "issued")
        self.env[action["res_model"]].with_user(self.chief).with_context(
            **action["context"]
        ).create({"reason": "Chuyển sang kế hoạch năm sau"}).action_confirm()
        self.assertEqual(plan.state, "closed")
        self.assertIn("Chuyển sang kế hoạch năm sau", plan.message_ids[0].body)
        # all finished: closes at once
        done = self.issue(self.create_plan(year=2025, tasks_per_quarter=(1, 0, 0, 0)))
        done.task_ids.with_user(self.staff).action_done()
        self.assertIs(done.with_user(self.chief).action_close(), True)
        self.assertEqual(done.state, "closed")


@tagged("post_install", "-at_install")
class TestHandOffs(TdktCommon):
    def test_submit_issue_return_tell_who_acts_next(self):
        self.chief_employee.user_id = self.chief
        plan = self.create_plan(tasks_per_quarter=(1, 0, 0, 1))
        plan.task_ids.sorted("quarter")[1].lead_unit_id = self.unit_division
        plan.with_user(self.office).action_submit()
        activity = plan.activity_ids
        self.assertEqual(activity.user_id, self.chief)
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo")
        )
        # returned: the Office gets a to-do with the reason
        action = plan.with_user(self.chief).action_return()
        self.env[action["res_model"]].with_user(self.chief).with_context(
            **action["context"]
        ).create({"reason": "Bổ sung căn cứ"}).action_confirm()
        self.assertEqual(plan.state, "draft")
        self.assertIn("Bổ sung căn cứ", plan.activity_ids.summary)
        plan.with_user(self.office).action_submit()
        plan.with_user(self.chief).action_issue()
        self.assertFalse(plan.activity_ids)
        office_task, division_task = plan.task_ids.sorted("quarter")
        self.assertIn(self.staff.partner_id, office_task.message_partner_ids)
        self.assertIn(self.staff_division.partner_id, office_task.message_partner_ids)
        self.assertIn(self.staff_division.partner_id, division_task.message_partner_ids)
        self.assertNotIn(self.staff.partner_id, division_task.message_partner_ids)
        notice = plan.message_ids.filtered(
            lambda m: self.staff.partner_id in m.partner_ids
        )
        self.assertTrue(notice)

    @freeze_time("2024-03-25")
    def test_deadline_reminders_and_digest(self):
        plan = self.create_plan(tasks_per_quarter=(1, 1, 0, 0))
        q1, q2 = plan.task_ids.sorted("quarter")
        q1.user_ids = self.staff
        self.issue(plan)
        Task = self.env["tdkt.plan.task"]
        Task._cron_deadline_reminders()
        reminder = self.env.ref("tdkt_emulation.mail_activity_type_tdkt_deadline")
        self.assertEqual(q1.activity_ids.activity_type_id, reminder)
        self.assertEqual(q1.activity_ids.user_id, self.staff)
        self.assertEqual(str(q1.activity_ids.date_deadline), "2024-03-31")
        self.assertFalse(q2.activity_ids)  # due 30/06, beyond 7 days
        Task._cron_deadline_reminders()
        self.assertEqual(len(q1.activity_ids), 1)  # not twice
        self.company.tdkt_reminder_days = 100
        Task._cron_deadline_reminders()
        # q2 has no responsible user: the lead unit's people are reminded
        self.assertEqual(
            set(q2.activity_ids.user_id.ids),
            set(self.unit_office.member_user_ids.filtered(lambda u: not u.share).ids),
        )
        # the weekly digest lists the overdue tasks to the Office
        with freeze_time("2024-04-10"):
            self.office.email = "office@example.com"
            digest = self.company.tdkt_overdue_digest()
            self.assertEqual(
                [unit for unit, _tasks in digest], ["Văn phòng Thanh tra tỉnh"]
            )
            Task._cron_weekly_digest()
            mail = self.env["mail.mail"].search(
                [("recipient_ids", "in", self.office.partner_id.id)], limit=1
            )
            self.assertIn("Nhiệm vụ 1 quý 1", mail.body_html)
            self.assertIn("31/03/2024", mail.body_html)
