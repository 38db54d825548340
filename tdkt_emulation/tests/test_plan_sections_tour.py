"""Browser journey of the free structure: the Office creates a plan from a
template, moves a section, writes a section's text and prints."""

from odoo.tests import tagged

from .pdf_tools import flat
from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestPlanSectionsTour(TdktTourCase):
    def test_office_plans_from_a_template(self):
        self.env["tdkt.plan.template"].create(
            {
                "name": "Mẫu của tour",
                "company_id": self.company.id,
                "section_ids": [
                    (0, 0, {"sequence": 1, "name": "I. MỤC ĐÍCH VÀ YÊU CẦU"}),
                    (0, 0, {"sequence": 2, "name": "II. NHIỆM VỤ", "kind": "table"}),
                    (0, 0, {"sequence": 3, "name": "III. TỔ CHỨC THỰC HIỆN"}),
                ],
            }
        )
        with self.capture_reports() as rendered:
            self.start_tour(
                "/odoo/action-tdkt_emulation.tdkt_plan_action/new",
                "tdkt_plan_sections",
                login="office",
            )
        plan = self.env["tdkt.plan"].search(
            [("name", "=", "Kế hoạch theo mẫu của tour")]
        )
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.create_uid.login, "office")
        self.assertEqual(
            [
                section.name
                for section, _level in plan.section_ids._tdkt_reading_order()
            ],
            ["I. MỤC ĐÍCH VÀ YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN", "II. NHIỆM VỤ"],
        )
        first = plan.section_ids.filtered(lambda s: s.name.startswith("I. "))
        self.assertIn("Đẩy mạnh phong trào thi đua", first.body)
        self.assertEqual(len(rendered), 1)
        login, _report, res_ids, content = rendered[0]
        self.assertEqual((login, res_ids), ("office", plan.ids))
        text = flat(content.decode())
        position = 0
        for part in (
            "I. MỤC ĐÍCH VÀ YÊU CẦU",
            "1. Đẩy mạnh phong trào thi đua trong năm.",
            "III. TỔ CHỨC THỰC HIỆN",
            "II. NHIỆM VỤ",
            "QUÝ I",
        ):
            position = text.find(part, position)
            self.assertNotEqual(position, -1, part)
