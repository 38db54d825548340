from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .cluster_common import TdktClusterCommon
from .pdf_tools import flat, pdf_pages, render_pdf

COVENANT_REPORT = "tdkt_emulation.action_report_tdkt_cluster_covenant"


@tagged("post_install", "-at_install")
class TestClusterCovenant(TdktClusterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.covenant = cls.create_covenant()

    def leaves(self):
        return self.covenant.criterion_ids.filtered(lambda c: not c.child_ids)

    def test_table(self):
        self.assertEqual(len(self.covenant.criterion_ids), 8)
        self.assertEqual(self.covenant.max_total, 100)
        rows = self.covenant._tdkt_print_criteria()
        self.assertEqual(
            [row[0] for row in rows],
            ["I", "1.1", "1.2", "II", "2.1", "2.2", "III", "IV"],
        )
        self.assertEqual(self.covenant.head_partner_id, self.company.partner_id)
        self.assertEqual(self.covenant.symbol, "GƯ-CTĐ")

    def test_table_bad_input(self):
        Criterion = self.env["tdkt.cluster.criterion"].with_user(self.office)
        group = self.covenant.criterion_ids.filtered(lambda c: c.child_ids)[0]
        with self.assertRaisesRegex(ValidationError, "add up to 75"):
            Criterion.create(
                {
                    "covenant_id": self.covenant.id,
                    "parent_id": group.id,
                    "name": "Quá điểm",
                    "max_points": 25,
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            Criterion.create(
                {"covenant_id": self.covenant.id, "name": "Âm", "max_points": -1}
            )
        with self.assertRaises(AccessError):
            self.env["tdkt.cluster.criterion"].with_user(self.staff).create(
                {"covenant_id": self.covenant.id, "name": "X", "max_points": 1}
            )

    def test_sign_needs_head_deputy_and_table(self):
        self.m_deputy.with_user(self.office).role = "member"
        with self.assertRaisesRegex(UserError, "no deputy head in 2024"):
            self.covenant.with_user(self.office).action_sign()
        self.m_deputy.with_user(self.office).role = "deputy"
        self.covenant.place = False
        with self.assertRaisesRegex(UserError, "signing place"):
            self.covenant.with_user(self.office).action_sign()

    def test_sign_locks_table_and_lays_out_scores(self):
        self.sign(self.covenant)
        self.assertEqual(self.covenant.state, "signed")
        self.assertTrue(self.covenant.issue_date)
        # 4 members x 6 scored criteria (groups are not scored).
        self.assertEqual(len(self.covenant.score_ids), 24)
        criterion = self.leaves()[0]
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            criterion.with_user(self.office).max_points = 20
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.cluster.criterion"].with_user(self.office).create(
                {"covenant_id": self.covenant.id, "name": "Mới", "max_points": 1}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.covenant.target_ids[0].with_user(self.office).name = "Khác"
        # Nobody adds scores by hand.
        with self.assertRaises(AccessError):
            self.env["tdkt.cluster.score"].with_user(self.office).create(
                {
                    "covenant_id": self.covenant.id,
                    "member_id": self.m_a.id,
                    "criterion_id": criterion.id,
                }
            )

    def test_rights_on_moves(self):
        # A member agency's Office neither manages nor heads the cluster.
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.other_office).action_sign()
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.staff).action_sign()
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.other_office).write({"place": "Hà Nội"})
        # write({'state': ...}) goes through the same table.
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.other_office).write({"state": "signed"})
        self.assertEqual(self.covenant.state, "draft")
        # The member agency reads its cluster's covenant; an outsider does not.
        Covenant = self.env["tdkt.cluster.covenant"]
        self.assertEqual(Covenant.with_user(self.other_staff).search([]), self.covenant)
        self.assertFalse(Covenant.with_user(self.third_office).search([]))

    def test_printout(self):
        self.sign(self.covenant)
        text = flat(
            " ".join(pdf_pages(render_pdf(self.env, COVENANT_REPORT, self.covenant)))
        )
        self.assertInOrder(
            text,
            [
                "THANH TRA CHÍNH PHỦ",
                "CỤM THI ĐUA SỐ IV",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "GIAO ƯỚC THI ĐUA",
                "Cụm thi đua số IV năm 2024",
                "thống nhất ký kết Giao ước thi đua năm 2024",
                "I. CÁC CHỈ TIÊU THI ĐUA",
                "1. 100% đơn vị hoàn thành tốt nhiệm vụ trở lên",
                "II. BẢNG TIÊU CHÍ, THANG ĐIỂM THI ĐUA",
                "I Công tác thanh tra 50",
                "1.1 Công tác thanh tra - tiêu chí 1 25",
                "III Được tặng Cờ thi đua của Thanh tra Chính phủ (Điểm thưởng) 10",
                "IV Chậm gửi báo cáo (Điểm trừ) 5",
                "Tổng điểm tối đa (chưa kể điểm thưởng): 100 điểm.",
                "CỤM TRƯỞNG",
                "THANH TRA TỈNH THỬ NGHIỆM",
                "CỤM PHÓ",
                "THANH TRA TỈNH KHÁC",
                "THANH TRA TỈNH CAO BẰNG",
                "THANH TRA TỈNH LÀO CAI",
            ],
        )
        self.assertNotIn("DỰ THẢO", text)
