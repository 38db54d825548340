from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .cluster_common import TdktClusterCommon
from .pdf_tools import flat, pdf_pages, render_pdf

HONOUR_REPORT = "tdkt_emulation.action_report_tdkt_cluster_honour"


@tagged("post_install", "-at_install")
class TestClusterHonour(TdktClusterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.flag = cls.env.ref("tdkt_emulation.tdkt_award_type_co_thi_dua_ttcp")
        cls.merit = cls.env.ref("tdkt_emulation.tdkt_award_type_bang_khen_tong_ttcp_tt")
        cls.cluster.write(
            {"flag_award_type_id": cls.flag.id, "merit_award_type_id": cls.merit.id}
        )
        cls.covenant = cls.sign(cls.create_covenant())
        # Finals: Cao Bằng 95, the head 90, Lào Cai 85, the deputy 80.
        points = {cls.m_a: 95, cls.m_head: 90, cls.m_b: 85, cls.m_deputy: 80}
        for score in cls.covenant.score_ids:
            if score.kind == "normal":
                value = points[score.member_id] / 4
            else:
                value = 0
            score.with_user(cls.office).final_score = value

    def publish(self):
        self.covenant.with_user(self.office).action_publish()

    def create_honour(self):
        return (
            self.env["tdkt.cluster.honour"]
            .with_user(self.office)
            .create(
                {
                    "covenant_id": self.covenant.id,
                    "meeting_date": "2024-12-15",
                    "place": "Thành phố Lạng Sơn",
                    "chair_name": "Đậu Trường An",
                    "secretary_name": "Nguyễn Văn Thư",
                    "agreement_pct": 100,
                    "attendee_ids": [(6, 0, self.covenant.member_ids.ids)],
                }
            )
        )

    def test_not_before_publication(self):
        # The minutes can be prepared; the vote waits for the published scores.
        honour = self.create_honour()
        with self.assertRaisesRegex(UserError, "once the scores .* are published"):
            honour.with_user(self.office).action_fill_from_ranking()
        with self.assertRaisesRegex(UserError, "once the scores .* are published"):
            honour.with_user(self.office).write(
                {"result_ids": [(0, 0, {"position": 1, "member_id": self.m_a.id})]}
            )
        with self.assertRaisesRegex(UserError, "once the scores .* are published"):
            honour.with_user(self.office).action_issue()

    def test_vote_and_proposals(self):
        self.publish()
        honour = self.create_honour()
        honour.action_fill_from_ranking()
        self.assertEqual(
            honour.result_ids.mapped("member_id"), self.m_a | self.m_head | self.m_b
        )
        self.assertEqual(honour.result_ids.mapped("position"), [1, 2, 3])
        self.assertEqual(
            [(p.member_id, p.award_type_id) for p in honour.proposal_ids],
            [(self.m_a, self.flag), (self.m_head, self.merit), (self.m_b, self.merit)],
        )
        # The vote is apart from the scores: the members may honour the
        # second by points first.
        first, second = honour.result_ids[:2]
        for line, position in ((first, 9), (second, 1), (first, 2)):
            line.with_user(self.office).position = position
            self.env.flush_all()
        self.assertEqual(honour.result_ids.sorted("position")[0].member_id, self.m_head)
        self.assertEqual(self.m_a.rank, 1)
        # Deciding a proposal waits for the signed minutes.
        proposal = honour.proposal_ids[0]
        with self.assertRaisesRegex(UserError, "once the minutes of the vote"):
            proposal.with_user(self.office).action_approve()
        honour.with_user(self.office).action_issue()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            honour.result_ids[0].with_user(self.office).position = 5
        # Each proposal has its own state: the organiser approves one, cuts one.
        proposal.with_user(self.office).action_approve()
        honour.proposal_ids[2].with_user(self.office).action_cut()
        self.assertEqual(
            honour.proposal_ids.mapped("state"), ["approved", "proposed", "cut"]
        )
        self.assertEqual(
            [(self.m_a.final_total, self.m_a.rank)], [(95, 1)]
        )  # the scores did not move
        # Nobody writes the state by hand, and a member agency does not decide.
        with self.assertRaises(UserError):
            honour.proposal_ids[1].with_user(self.office).state = "approved"
        with self.assertRaises(AccessError):
            honour.proposal_ids[1].with_user(self.other_office).action_approve()

    def test_rights(self):
        self.publish()
        with self.assertRaises(AccessError):
            self.env["tdkt.cluster.honour"].with_user(self.other_office).create(
                {"covenant_id": self.covenant.id}
            )
        honour = self.create_honour()
        with self.assertRaises(AccessError):
            honour.with_user(self.other_office).action_fill_from_ranking()
        with self.assertRaises(AccessError):
            honour.with_user(self.staff).action_issue()
        # Members read the vote of their cluster.
        self.assertEqual(
            self.env["tdkt.cluster.honour"].with_user(self.other_staff).search([]),
            honour,
        )
        with self.assertRaisesRegex(UserError, "has no result"):
            honour.with_user(self.office).action_issue()
        with self.assertRaisesRegex(ValidationError, "from 0 to 100"):
            honour.with_user(self.office).agreement_pct = 120

    def test_printout(self):
        self.publish()
        honour = self.create_honour()
        honour.action_fill_from_ranking()
        honour.with_user(self.office).action_issue()
        text = flat(" ".join(pdf_pages(render_pdf(self.env, HONOUR_REPORT, honour))))
        self.assertInOrder(
            text,
            [
                "THANH TRA CHÍNH PHỦ",
                "CỤM THI ĐUA SỐ IV",
                "BIÊN BẢN HỌP BÌNH XÉT, SUY TÔN",
                "Cụm thi đua số IV năm 2024",
                "Thời gian: ngày 15/12/2024.",
                "Địa điểm: Thành phố Lạng Sơn.",
                "Chủ trì: Đậu Trường An, Thanh tra tỉnh Thử nghiệm (Cụm trưởng).",
                "Có 4/4 đơn vị thành viên dự họp",
                "bỏ phiếu kín, kết quả nhất trí 100%.",
                "I. KẾT QUẢ CHẤM ĐIỂM THI ĐUA",
                "1 Thanh tra tỉnh Cao Bằng 0 0 95",
                "2 Thanh tra tỉnh Thử nghiệm 0 0 90",
                "II. KẾT QUẢ SUY TÔN",
                "Thứ nhất: Thanh tra tỉnh Cao Bằng.",
                "Thứ nhì: Thanh tra tỉnh Thử nghiệm.",
                "Thứ ba: Thanh tra tỉnh Lào Cai.",
                "III. ĐỀ NGHỊ KHEN THƯỞNG",
                "1 Thanh tra tỉnh Cao Bằng Cờ thi đua của Thanh tra Chính phủ",
                "THƯ KÝ",
                "CHỦ TRÌ",
                "THANH TRA TỈNH THỬ NGHIỆM",
                "Đậu Trường An",
            ],
        )
