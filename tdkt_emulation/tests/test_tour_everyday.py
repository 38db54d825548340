"""Everyday journeys in the browser: the review report from its plan, a
Staff member who sees only the actions they may take, the Chief issuing from
their activities, the Office planning the next year."""

import time
from unittest.mock import patch

from odoo.tests import tagged

from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestTourEveryday(TdktTourCase):
    def make_issued_plan(self, name, tasks):
        plan = self.make_plan(name, [("1", task, unit) for task, unit in tasks])
        plan.action_issue()
        return plan

    def test_office_writes_and_prints_the_review_from_the_plan(self):
        plan = self.make_issued_plan(
            "Kế hoạch có sơ kết", [("Nhiệm vụ sơ kết", self.unit_office)]
        )
        report_model = type(self.env["ir.actions.report"])
        render = report_model._render_qweb_pdf
        rendered = []

        def spy(report, report_ref, res_ids=None, data=None):
            result = render(report, report_ref, res_ids, data)
            rendered.append((report.env.user.login, report_ref, result[0]))
            return result

        with patch.object(report_model, "_render_qweb_pdf", spy):
            self.start_tour(
                f"/odoo/action-tdkt_emulation.tdkt_plan_action/{plan.id}",
                "tdkt_journey_office_review_from_plan",
                login="office",
            )
            for _attempt in range(100):  # the download may still be on its way
                if rendered:
                    break
                time.sleep(0.2)
        review = self.env["tdkt.plan.review"].search([("plan_id", "=", plan.id)])
        self.assertEqual(len(review), 1)
        self.assertEqual((review.period, review.state), ("half_year", "draft"))
        self.assertIn("triển khai kịp thời", review.results)
        self.assertEqual(len(rendered), 1)
        login, report_ref, content = rendered[0]
        self.assertEqual(
            (login, report_ref), ("office", "tdkt_emulation.report_tdkt_plan_review")
        )
        text = content.decode()
        for expected in ("BÁO CÁO", "Sơ kết công tác thi đua", "triển khai kịp thời"):
            self.assertIn(expected, text)

    def test_staff_sees_only_their_actions(self):
        plan = self.make_issued_plan(
            "Kế hoạch nhiều đơn vị",
            [
                ("Nhiệm vụ của phòng khác", self.unit_division),
                ("Nhiệm vụ của Văn phòng", self.unit_office),
            ],
        )
        other, own = plan.task_ids.sorted("id")
        self.start_tour(
            f"/odoo/action-tdkt_emulation.tdkt_plan_task_action/{other.id}",
            "tdkt_journey_staff_task_actions",
            login="staff",
        )
        self.assertEqual(other.state, "todo")
        self.assertEqual(own.state, "done")
        self.assertEqual(own.done_by_id.login, "staff")

    def test_chief_issues_from_their_activities(self):
        chief = self.env.ref("tdkt_emulation.user_chief_demo")
        self.assertEqual(self.chief_employee.user_id, chief)
        plan = self.make_plan(
            "Kế hoạch trình Chánh Thanh tra", [("2", "Nhiệm vụ", self.unit_office)]
        )
        plan.with_user(self.env.ref("tdkt_emulation.user_office_demo")).action_submit()
        self.assertEqual(plan.activity_ids.user_id, chief)
        self.start_tour(
            "/odoo", "tdkt_journey_chief_issue_from_activities", login="chief"
        )
        self.assertEqual(plan.state, "issued")
        self.assertTrue(plan.number)
        self.assertFalse(plan.activity_ids)  # done by issuing

    def test_office_plans_the_next_year(self):
        plan = self.make_issued_plan(
            "Kế hoạch thi đua năm 2030",
            [("Tổng kết công tác thi đua năm 2030", self.unit_office)],
        )
        self.start_tour(
            f"/odoo/action-tdkt_emulation.tdkt_plan_action/{plan.id}",
            "tdkt_journey_office_roll_over",
            login="office",
        )
        new = self.env["tdkt.plan"].search([("year", "=", 2031)])
        self.assertEqual(len(new), 1)
        self.assertEqual(
            (new.state, new.name, new.number), ("draft", "Kế hoạch thi đua năm 2031", 0)
        )
        self.assertEqual(new.task_ids.name, "Tổng kết công tác thi đua năm 2031")
        self.assertEqual(new.task_ids.state, "todo")
        self.assertEqual(plan.state, "issued")
