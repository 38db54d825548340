import io

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.tdkt_cluster_inspection import generate_pairings
from .cluster_common import TdktClusterCommon
from .pdf_tools import flat, pdf_pages, render_pdf

SCORES_XLSX = "tdkt_emulation.report_tdkt_cluster_score_xlsx"
INSPECTION_REPORT = "tdkt_emulation.action_report_tdkt_cluster_inspection"


@tagged("post_install", "-at_install")
class TestClusterScore(TdktClusterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.covenant = cls.sign(cls.create_covenant())
        cls.leaves = cls.covenant.criterion_ids.filtered(lambda c: not c.child_ids)
        cls.bonus = cls.leaves.filtered(lambda c: c.kind == "bonus")
        cls.penalty = cls.leaves.filtered(lambda c: c.kind == "penalty")
        cls.normal = cls.leaves.filtered(lambda c: c.kind == "normal")
        # The deputy (an agency of this Odoo) inspects Cao Bằng.
        cls.inspection = (
            cls.env["tdkt.cluster.inspection"]
            .with_user(cls.office)
            .create(
                {
                    "covenant_id": cls.covenant.id,
                    "team_member_ids": [(6, 0, cls.m_deputy.ids)],
                    "inspected_member_ids": [(6, 0, cls.m_a.ids)],
                    "host_member_id": cls.m_a.id,
                }
            )
        )

    def score(self, member, criterion):
        return self.covenant.score_ids.filtered(
            lambda s: s.member_id == member and s.criterion_id == criterion
        )

    def fill_finals(self, value=20.0):
        for score in self.covenant.score_ids:
            points = value if score.kind == "normal" else 0.0
            score.with_user(self.office).final_score = points

    def test_self_score_only_own(self):
        own = self.score(self.m_deputy, self.normal[0])
        own.with_user(self.other_staff).write(
            {"self_score": 20, "self_note": "Hoàn thành 100% kế hoạch"}
        )
        self.assertTrue(own.self_entered)
        self.assertTrue(own.with_user(self.other_staff).can_edit_self)
        # Another member's self-score: refused, even with a context key, for
        # the member it inspects (visible) as for the others (hidden).
        inspected = self.score(self.m_a, self.normal[0])
        with self.assertRaisesRegex(AccessError, "self-score"):
            inspected.with_user(self.other_staff).with_context(
                tdkt_force=True
            ).self_score = 25
        with self.assertRaises(AccessError):
            self.score(self.m_head, self.normal[0]).with_user(
                self.other_staff
            ).self_score = 25
        # The member sees only its own scores (and the inspected member's).
        visible = self.env["tdkt.cluster.score"].with_user(self.other_staff).search([])
        self.assertEqual(
            visible.partner_id, self.other_company.partner_id | self.outside_a
        )
        # Only the scores can be written.
        with self.assertRaises(AccessError):
            own.with_user(self.other_staff).member_id = self.m_b
        with self.assertRaises(AccessError):
            own.with_user(self.other_staff).self_entered = False

    def test_cross_score_only_team(self):
        inspected = self.score(self.m_a, self.normal[0])
        inspected.with_user(self.other_staff).cross_score = 18
        self.assertTrue(inspected.cross_entered)
        with self.assertRaisesRegex(AccessError, "cross-inspection score"):
            self.score(self.m_b, self.normal[0]).with_user(self.office).cross_score = 1
        # A member it does not inspect: hidden to the team.
        with self.assertRaises(AccessError):
            self.score(self.m_b, self.normal[0]).with_user(
                self.other_staff
            ).cross_score = 1

    def test_final_score_only_head(self):
        score = self.score(self.m_a, self.normal[0])
        score.with_user(self.office).final_score = 22
        self.assertTrue(score.final_entered)
        with self.assertRaisesRegex(AccessError, "final score"):
            score.with_user(self.other_office).final_score = 23
        with self.assertRaisesRegex(AccessError, "final score"):
            score.with_user(self.staff).final_score = 23

    def test_evidence_and_tracking(self):
        own = self.score(self.m_deputy, self.normal[0]).with_user(self.other_staff)
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.other_staff)
            .create(
                {
                    "name": "bao_cao_thanh_tra_2024.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "tdkt.cluster.score",
                    "res_id": own.id,
                }
            )
        )
        own.with_context(tracking_disable=False).write(
            {"self_score": 21, "attachment_ids": [(4, evidence.id)]}
        )
        # Tracking is written when the transaction commits.
        self.env.cr.precommit.run()
        self.assertEqual(own.attachment_ids, evidence)
        tracked = own.sudo().message_ids.tracking_value_ids  # sudo: the chatter
        self.assertEqual(tracked.field_id.mapped("name"), ["self_score"])
        self.assertEqual(tracked.new_value_float, 21)
        # Evidence goes with the self-score: another member's is refused.
        with self.assertRaisesRegex(AccessError, "self-score"):
            self.score(self.m_a, self.normal[0]).with_user(self.other_staff).write(
                {"attachment_ids": [(4, evidence.id)]}
            )

    def test_scored_member_stays(self):
        with self.assertRaisesRegex(UserError, "has scores under the covenant of 2024"):
            self.m_b.with_user(self.office).unlink()

    def test_bad_points(self):
        score = self.score(self.m_head, self.normal[0])
        with self.assertRaisesRegex(UserError, "from 0 to the criterion's maximum, 25"):
            score.with_user(self.staff).self_score = 26
        with self.assertRaisesRegex(UserError, "from 0"):
            score.with_user(self.office).final_score = -1
        self.assertFalse(score.self_entered)

    def test_gap_needs_note(self):
        score = self.score(self.m_a, self.normal[0])
        score.sudo().self_score = 25  # sudo: an outside agency, entered for it
        score.with_user(self.other_staff).cross_score = 20
        self.assertEqual(score.gap, 5)
        self.assertTrue(score.gap_flag)
        self.fill_finals()
        self.assertEqual(score.gap, 5)
        with self.assertRaisesRegex(UserError, "need a note"):
            self.covenant.with_user(self.office).action_publish()
        score.with_user(self.office).gap_note = "Đoàn kiểm tra không thấy hồ sơ"
        self.covenant.with_user(self.office).action_publish()
        self.assertEqual(self.covenant.state, "published")

    def test_publish_needs_finals_and_locks(self):
        with self.assertRaisesRegex(UserError, "final scores of .* are missing"):
            self.covenant.with_user(self.office).action_publish()
        self.fill_finals()
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.other_office).action_publish()
        self.covenant.with_user(self.office).action_publish()
        score = self.score(self.m_head, self.normal[0])
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            score.with_user(self.office).final_score = 1
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            score.sudo().final_score = 1  # sudo: the lock holds for the system too
        # Published: the whole cluster sees the scores.
        visible = self.env["tdkt.cluster.score"].with_user(self.other_staff).search([])
        self.assertEqual(len(visible), 24)

    def test_totals_bonus_penalty_ranking(self):
        self.fill_finals(20.0)
        # Cao Bằng: 4 x 20 + 10 bonus = 90; Lào Cai: 4 x 20 - 5 = 75;
        # the head 4 x 25 + 10 = 110 (above 100).
        self.score(self.m_a, self.bonus).with_user(self.office).final_score = 10
        self.score(self.m_b, self.penalty).with_user(self.office).final_score = 5
        for criterion in self.normal:
            self.score(self.m_head, criterion).with_user(self.office).final_score = 25
        self.score(self.m_head, self.bonus).with_user(self.office).final_score = 10
        self.assertEqual(self.m_head.final_total, 110)
        self.assertEqual(self.m_a.final_total, 90)
        self.assertEqual(self.m_b.final_total, 75)
        self.assertEqual(self.m_deputy.final_total, 80)
        self.covenant.with_user(self.office).action_publish()
        self.assertEqual(
            [(self.m_head.rank, self.m_a.rank, self.m_deputy.rank, self.m_b.rank)],
            [(1, 2, 3, 4)],
        )

    def test_ties_share_a_rank(self):
        self.fill_finals(20.0)
        ranking = self.covenant._tdkt_ranking()
        self.assertEqual([rank for rank, _member, _total in ranking], [1, 1, 1, 1])

    def test_self_inspection_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot inspect itself"):
            self.inspection.with_user(self.office).write(
                {"inspected_member_ids": [(4, self.m_deputy.id)]}
            )
        stranger = (
            self.env["tdkt.cluster.member"]
            .with_user(self.office)
            .create(
                {
                    "cluster_id": self.cluster.id,
                    "year": 2025,
                    "partner_id": self.outside_a.id,
                }
            )
        )
        with self.assertRaisesRegex(
            ValidationError, "not a member of the cluster in 2024"
        ):
            self.inspection.with_user(self.office).write(
                {"inspected_member_ids": [(4, stranger.id)]}
            )
        with self.assertRaises(AccessError):
            self.inspection.with_user(self.other_office).conclusion = "Tốt"

    def test_minutes(self):
        with self.assertRaisesRegex(UserError, "has not scored"):
            self.inspection.with_user(self.office).action_issue()
        for criterion in self.leaves:
            score = self.score(self.m_a, criterion)
            # sudo: the self-score of an outside agency, entered for it
            score.sudo().self_score = 5 if criterion.kind != "normal" else 20
            score.with_user(self.other_staff).cross_score = (
                0 if criterion.kind != "normal" else 19
            )
        self.inspection.with_user(self.office).write(
            {"conclusion": "Đơn vị thực hiện tốt giao ước."}
        )
        self.inspection.with_user(self.office).action_issue()
        self.assertEqual(self.inspection.state, "issued")
        # Minutes signed: the team's scores are final for it.
        with self.assertRaisesRegex(AccessError, "cross-inspection score"):
            self.score(self.m_a, self.normal[0]).with_user(
                self.other_staff
            ).cross_score = 10
        pdf = render_pdf(self.env, INSPECTION_REPORT, self.inspection)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "CỤM THI ĐUA SỐ IV",
                "BIÊN BẢN KIỂM TRA CHÉO",
                "Công tác thi đua, khen thưởng năm 2024",
                "đoàn kiểm tra gồm: Thanh tra tỉnh Khác.",
                "Địa điểm: trụ sở Thanh tra tỉnh Cao Bằng.",
                "1. Kết quả kiểm tra Thanh tra tỉnh Cao Bằng",
                "STT Tiêu chí Điểm tối đa Tự chấm Đoàn kiểm tra chấm",
                "1.1 Công tác thanh tra - tiêu chí 1 25 20 19",
                "Tổng điểm tự chấm: 80 điểm; tổng điểm đoàn kiểm tra chấm: 76 điểm.",
                "Kết luận",
                "Đơn vị thực hiện tốt giao ước.",
                "ĐẠI DIỆN ĐOÀN KIỂM TRA",
                "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA",
            ],
        )

    def test_generate_inspections(self):
        self.inspection.with_user(self.office).action_cancel()
        action = self.covenant.with_user(self.office).action_generate_inspections()
        inspections = (
            self.env["tdkt.cluster.inspection"]
            .search(action["domain"])
            .filtered(lambda i: i.state == "draft")
        )
        self.assertEqual(len(inspections), 4)
        self.assertEqual(
            sorted(inspections.team_member_ids.ids),
            sorted(self.covenant.member_ids.ids),
        )
        self.assertEqual(
            sorted(inspections.inspected_member_ids.ids),
            sorted(self.covenant.member_ids.ids),
        )
        with self.assertRaisesRegex(UserError, "already has its cross-inspection"):
            self.covenant.with_user(self.office).action_generate_inspections()
        with self.assertRaises(AccessError):
            self.covenant.with_user(self.other_office).action_generate_inspections()

    def test_pairing_generator_property(self):
        self.assertEqual(generate_pairings(0), [])
        self.assertEqual(generate_pairings(1), [])
        self.assertEqual(generate_pairings(2, seed=7), [1, 0])
        for count in range(3, 80):
            for seed in range(15):
                pairs = generate_pairings(count, seed=seed)
                self.assertEqual(sorted(pairs), list(range(count)), (count, seed))
                for member, target in enumerate(pairs):
                    self.assertNotEqual(member, target, (count, seed))
                    self.assertNotEqual(pairs[target], member, (count, seed))

    def _workbook(self, user):
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(SCORES_XLSX, self.covenant.ids)
        )
        self.assertEqual(fmt, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_xlsx(self):
        self.fill_finals(20.0)
        self.score(self.m_a, self.bonus).with_user(self.office).final_score = 10
        self.score(self.m_a, self.normal[0]).sudo().self_score = 24  # sudo: outside
        self.score(self.m_a, self.normal[0]).with_user(
            self.office
        ).gap_note = "Thiếu minh chứng"
        self.covenant.with_user(self.office).action_publish()
        book = self._workbook(self.office)
        self.assertEqual(
            book.sheetnames,
            ["Bảng điểm CTĐ 2024", "Chi tiết CTĐ 2024", "Xếp hạng CTĐ 2024"],
        )
        table = [list(row) for row in book["Bảng điểm CTĐ 2024"].values]
        self.assertEqual(
            table[0][:5],
            [
                "STT",
                "Tiêu chí",
                "Điểm tối đa",
                "Thanh tra tỉnh Thử nghiệm",
                "Thanh tra tỉnh Khác",
            ],
        )
        self.assertEqual(table[1][:3], ["I", "Công tác thanh tra", 50])
        self.assertEqual(table[1][3], None)  # a group is not scored
        self.assertEqual(
            table[2][:4], ["1.1", "Công tác thanh tra - tiêu chí 1", 25, 20]
        )
        self.assertEqual(
            table[7][:3],
            ["III", "Được tặng Cờ thi đua của Thanh tra Chính phủ (Điểm thưởng)", 10],
        )
        self.assertEqual(table[-1][1], "Tổng điểm")
        self.assertEqual(table[-1][3:7], [80, 80, 90, 80])
        details = [list(row) for row in book["Chi tiết CTĐ 2024"].values]
        cao_bang = [row for row in details if row[0] == "Thanh tra tỉnh Cao Bằng"]
        self.assertEqual(
            cao_bang[0][1:9],
            ["1.1", "Công tác thanh tra - tiêu chí 1", "", 25, 24, None, 20, 4],
        )
        ranking = [list(row) for row in book["Xếp hạng CTĐ 2024"].values]
        self.assertEqual(
            ranking[1], [1, "Thanh tra tỉnh Cao Bằng", "Thành viên", 24, 0, 90]
        )
        self.assertEqual(len(ranking), 5)

    def test_xlsx_member_sees_its_own(self):
        self.fill_finals(20.0)
        book = self._workbook(self.other_staff)
        table = [list(row) for row in book["Bảng điểm CTĐ 2024"].values]
        # Its own scores and those of the member it inspects, nothing else.
        self.assertEqual(
            table[0][3:], ["Thanh tra tỉnh Khác", "Thanh tra tỉnh Cao Bằng"]
        )
