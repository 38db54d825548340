from collections import Counter

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoPlan(TransactionCase):
    """The seed plan, as the demo data holds it."""

    def test_seed_plan(self):
        plan = self.env.ref("tdkt_emulation.tdkt_plan_2024_demo")
        self.assertEqual(plan.state, "issued")
        self.assertEqual(plan.document_number, "01/KH-TTr")
        self.assertEqual(plan.name, "Thực hiện công tác thi đua, khen thưởng năm 2024")
        self.assertEqual(plan.year, 2024)
        self.assertEqual(plan.parent_agency_name, "UBND TỈNH LẠNG SƠN")
        self.assertEqual(plan.agency_name, "THANH TRA TỈNH")
        self.assertEqual(plan.place, "Lạng Sơn")
        self.assertEqual(plan.signer_name, "Đậu Trường An")
        self.assertEqual(plan.signer_position, "CHÁNH THANH TRA")
        self.assertEqual(len(plan.legal_basis_ids), 3)
        self.assertEqual(
            plan.legal_basis_ids.mapped("reference"),
            [False, "64/KH-TTTP", "241/KH-UBND"],
        )
        self.assertEqual(len(plan.recipient_ids), 7)
        self.assertEqual(plan.recipient_ids[-1].name, "Lưu: VT, TĐKT.")
        self.assertEqual(
            [
                (section.name, level)
                for section, level in plan.section_ids._tdkt_reading_order()
            ],
            [
                ("I. MỤC ĐÍCH, YÊU CẦU", 0),
                ("1. Mục đích", 1),
                ("2. Yêu cầu", 1),
                ("II. NỘI DUNG, THỜI GIAN THỰC HIỆN", 0),
                ("III. TỔ CHỨC THỰC HIỆN", 0),
            ],
        )
        implementation = plan.section_ids.filtered(
            lambda s: s.name == "III. TỔ CHỨC THỰC HIỆN"
        )
        self.assertIn("Giao Văn phòng Thanh tra tỉnh theo dõi", implementation.body)
        self.assertEqual(len(plan.task_ids), 23)
        self.assertEqual(
            Counter(plan.task_ids.mapped("quarter")), {"1": 6, "2": 6, "3": 3, "4": 8}
        )
        for quarter in "1234":
            rows = plan.task_ids.filtered(lambda t, q=quarter: t.quarter == q)
            self.assertEqual(
                sorted(rows.mapped("row_number")), list(range(1, len(rows) + 1))
            )
        cross = plan.task_ids.filtered(lambda t: t.quarter == "2" and t.row_number == 6)
        self.assertEqual(cross.lead_unit_id.name, "Các cụm thi đua")
        self.assertEqual(
            cross.cooperating_unit_ids.mapped("name"),
            ["Thanh tra các sở, ban, ngành", "Thanh tra các huyện, thành phố"],
        )
        meeting = plan.task_ids.filtered(
            lambda t: t.quarter == "4" and t.row_number == 5
        )
        self.assertEqual(meeting.lead_unit_id.name, "Hội đồng thi đua khen thưởng")
        self.assertEqual(
            plan.task_ids.filtered("is_conditional").mapped("row_number"), [5, 2, 7]
        )

    def test_demo_runs_in_vietnamese(self):
        for xmlid in ("base.user_admin", "tdkt_emulation.user_staff_demo"):
            self.assertEqual(self.env.ref(xmlid).lang, "vi_VN")

    def test_demo_chatter_reads_in_vietnamese(self):
        """The demo records' chatter (creation, statuses, issuing) is in
        Vietnamese, although the demo loads before the module's translations."""
        plan = self.env.ref("tdkt_emulation.tdkt_plan_2024_demo")
        records = [
            plan,
            *plan.task_ids,
            self.env.ref("tdkt_emulation.tdkt_movement_2024_demo"),
        ]
        messages = self.env["mail.message"].browse()
        for record in records:
            messages |= record.message_ids
        texts = [message.body or "" for message in messages] + [
            value
            for tracking in messages.tracking_value_ids
            for value in (tracking.old_value_char, tracking.new_value_char)
            if value
        ]
        joined = "\n".join(texts)
        self.assertIn("Nhiệm vụ của kế hoạch được tạo", joined)
        self.assertIn("Đã ban hành, số 01/KH-TTr", joined)
        self.assertIn("Hoàn thành", joined)
        for english in (
            "created",
            "Issued as",
            "Plan Task",
            "Draft",
            "To Do",
            "Done",
            "Status:",
        ):
            with self.subTest(english=english):
                self.assertNotIn(english, joined)
