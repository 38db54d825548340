"""The Office's overview of the year, and the screen each role lands on."""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.tests import tagged
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

from .common import TdktCommon

DASHBOARD = "tdkt_emulation.tdkt_dashboard_menu_root"


@tagged("post_install", "-at_install")
@freeze_time("2024-05-20")
class TestPlanTaskDashboard(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Q1: 2 tasks (overdue on 20/05, one of them done late), Q2: 2 tasks
        # due 30/06 (one of the division), Q3, Q4: not yet due.
        cls.plan = cls.create_plan(tasks_per_quarter=(2, 2, 1, 1))
        cls.tasks = cls.plan.task_ids.sorted(lambda t: (t.quarter, t.row_number))
        cls.q1a, cls.q1b, cls.q2a, cls.q2b, cls.q3, cls.q4 = cls.tasks
        cls.q2b.lead_unit_id = cls.unit_division
        cls.issue(cls.plan)
        cls.q1b.write({"state": "done", "done_date": date(2024, 4, 10)})
        cls.q2a.write({"state": "in_progress"})
        cls.next_year = cls.issue(cls.create_plan(year=2025))

    def _action(self, xmlid, user):
        """The action's records as its default filters show them to ``user``,
        the filters' domains evaluated as the web client does."""
        action = self.env.ref(xmlid)
        Task = self.env["tdkt.plan.task"].with_user(user)
        context = safe_eval(action.context, {"uid": user.id})
        arch = etree.fromstring(
            Task.get_view(action.search_view_id.id, "search")["arch"]
        )
        today = fields.Date.context_today(Task)
        domain = []
        for key, value in context.items():
            if key.startswith("search_default_") and value:
                name = key.removeprefix("search_default_")
                [node] = arch.xpath(f"//filter[@name='{name}']")
                domain += safe_eval(
                    node.get("domain"),
                    {"context_today": lambda: today, "datetime": safe_datetime},
                )
        return Task, domain

    def test_progress_by_quarter_and_unit(self):
        Task, domain = self._action(
            "tdkt_emulation.tdkt_plan_task_action_dashboard_progress", self.office
        )
        groups = Task.read_group(
            domain, ["__count"], ["lead_unit_id", "quarter", "state"], lazy=False
        )
        counts = {
            (group["lead_unit_id"][1], group["quarter"], group["state"]): group[
                "__count"
            ]
            for group in groups
        }
        # This year's plan only (the 2025 plan is not in the overview).
        self.assertEqual(
            counts,
            {
                ("Văn phòng Thanh tra tỉnh", "1", "todo"): 1,
                ("Văn phòng Thanh tra tỉnh", "1", "done"): 1,
                ("Văn phòng Thanh tra tỉnh", "2", "in_progress"): 1,
                ("Các Phòng nghiệp vụ", "2", "todo"): 1,
                ("Văn phòng Thanh tra tỉnh", "3", "todo"): 1,
                ("Văn phòng Thanh tra tỉnh", "4", "todo"): 1,
            },
        )

    def test_overdue_tasks_by_unit(self):
        Task, domain = self._action(
            "tdkt_emulation.tdkt_plan_task_action_dashboard_overdue", self.office
        )
        self.assertEqual(Task.search(domain), self.q1a)
        with freeze_time("2024-07-02"):
            Task, domain = self._action(
                "tdkt_emulation.tdkt_plan_task_action_dashboard_overdue", self.chief
            )
            groups = Task.read_group(domain, ["__count"], ["lead_unit_id"])
            self.assertEqual(
                {
                    group["lead_unit_id"][1]: group["lead_unit_id_count"]
                    for group in groups
                },
                {"Văn phòng Thanh tra tỉnh": 2, "Các Phòng nghiệp vụ": 1},
            )

    def test_deadlines_of_the_next_30_days(self):
        with freeze_time("2024-06-05"):
            Task, domain = self._action(
                "tdkt_emulation.tdkt_plan_task_action_dashboard_deadlines", self.office
            )
            self.assertEqual(Task.search(domain), self.q2a | self.q2b)
        with freeze_time("2024-05-20"):  # 30/06 is 41 days away
            Task, domain = self._action(
                "tdkt_emulation.tdkt_plan_task_action_dashboard_deadlines", self.office
            )
            self.assertFalse(Task.search(domain))
        self.q2b.write({"state": "done"})
        with freeze_time("2024-06-05"):
            Task, domain = self._action(
                "tdkt_emulation.tdkt_plan_task_action_dashboard_deadlines", self.office
            )
            self.assertEqual(Task.search(domain), self.q2a)

    def test_overview_menu_for_the_office_and_chief_only(self):
        menu = self.env.ref(DASHBOARD).with_context(**{"ir.ui.menu.full_list": True})
        self.assertEqual(len(menu.child_id), 3)
        for user, visible in (
            (self.office, True),
            (self.chief, True),
            (self.admin_tdkt, True),
            (self.staff, False),
            (self.council, False),
        ):
            with self.subTest(user=user.login):
                menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)
                self.assertEqual(
                    all(child.id in menus for child in menu.child_id), visible
                )

    def test_each_role_lands_on_its_screen(self):
        root = self.env.ref("tdkt_emulation.tdkt_emulation_menu_root")
        self.assertEqual(root.action._name, "ir.actions.server")
        for user, landing in (
            (self.staff, "tdkt_emulation.tdkt_plan_task_action_my"),
            (self.council, "tdkt_emulation.tdkt_plan_task_action_my"),
            (self.office, "tdkt_emulation.tdkt_plan_action"),
            (self.chief, "tdkt_emulation.tdkt_plan_action"),
        ):
            with self.subTest(user=user.login):
                result = root.action.with_user(user).run()
                self.assertEqual(result["id"], self.env.ref(landing).id)
        with self.assertRaises(Exception):  # noqa: B017 - any refusal
            root.action.with_user(self.outsider).run()
