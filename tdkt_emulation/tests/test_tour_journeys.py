"""Browser journeys, one per role, in headless Chromium (Odoo tours).

The tours are in static/tests/tours/tdkt_journeys.js; each test prepares the
records, runs its tour as the demo user of the role and checks the records
afterwards.
"""

import time
from unittest.mock import patch

from odoo.tests import tagged

from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestTourJourneys(TdktTourCase):
    def plan_url(self, plan):
        return f"/odoo/action-tdkt_emulation.tdkt_plan_action/{plan.id}"

    def test_office_creates_and_submits(self):
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_plan_action/new",
            "tdkt_journey_office_plan",
            login="office",
        )
        plan = self.env["tdkt.plan"].search(
            [("name", "=", "Kế hoạch hành trình văn phòng")]
        )
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.create_uid.login, "office")
        self.assertEqual(plan.signer_id, self.chief_employee)
        self.assertEqual(
            sorted(plan.task_ids.mapped(lambda t: (t.quarter, t.row_number, t.name))),
            [
                ("1", 1, "Nhiệm vụ hành trình quý I"),
                ("3", 1, "Nhiệm vụ hành trình quý III"),
            ],
        )

    def test_chief_issues(self):
        plan = self.make_plan(
            "Kế hoạch chờ ban hành", [("1", "Nhiệm vụ cần ban hành", self.unit_office)]
        )
        plan.action_submit()
        self.start_tour(self.plan_url(plan), "tdkt_journey_chief_issue", login="chief")
        self.assertEqual(plan.state, "issued")
        self.assertTrue(plan.number)
        self.assertTrue(plan.issue_date)
        self.assertEqual(
            plan.message_ids[:1].author_id,
            self.env.ref("tdkt_emulation.user_chief_demo").partner_id,
        )

    def test_staff_moves_own_task_only(self):
        # Only this journey's tasks on the kanban: the demo plan is closed.
        self.env.ref("tdkt_emulation.tdkt_plan_2024_demo").write({"state": "closed"})
        plan = self.make_plan(
            "Kế hoạch của nhân viên",
            [
                ("1", "Nhiệm vụ của Văn phòng", self.unit_office),
                ("1", "Nhiệm vụ của phòng khác", self.unit_division),
            ],
        )
        plan.action_issue()
        own, other = plan.task_ids.sorted("id")
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_plan_task_action_my",
            "tdkt_journey_staff_kanban",
            login="staff",
        )
        self.assertEqual(own.state, "done")
        self.assertEqual(own.done_by_id.login, "staff")
        self.assertEqual(other.state, "todo")
        self.assertFalse(other.done_by_id)

    def test_office_prints(self):
        """The Print button renders the plan's printout for the Office.

        In test mode Odoo answers a download with the report's HTML (a real
        PDF would need wkhtmltopdf to fetch assets from this very server, on
        the test cursor); the PDF itself is tested in test_plan_printout.
        """
        plan = self.env.ref("tdkt_emulation.tdkt_plan_2024_demo")
        report_model = type(self.env["ir.actions.report"])
        render = report_model._render_qweb_pdf
        rendered = []

        def spy(report, report_ref, res_ids=None, data=None):
            result = render(report, report_ref, res_ids, data)
            rendered.append((report.env.user.login, report_ref, res_ids, result[0]))
            return result

        with patch.object(report_model, "_render_qweb_pdf", spy):
            self.start_tour(
                self.plan_url(plan), "tdkt_journey_office_print", login="office"
            )
            for _attempt in range(100):  # the download may still be on its way
                if rendered:
                    break
                time.sleep(0.2)
        self.assertEqual(len(rendered), 1)
        login, report_ref, res_ids, content = rendered[0]
        self.assertEqual(login, "office")
        self.assertEqual(report_ref, "tdkt_emulation.report_tdkt_plan")
        self.assertEqual(list(res_ids), plan.ids)
        text = content.decode()
        for expected in ("Số: 01/KH-TTr", "KẾ HOẠCH", "QUÝ IV", "Đậu Trường An"):
            self.assertIn(expected, text)
        self.assertEqual(plan.state, "issued")
