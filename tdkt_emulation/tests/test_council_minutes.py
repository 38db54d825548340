from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users, warmup

from ..models.tdkt_council_minutes import day_text
from .council_common import TdktCouncilCommon
from .pdf_tools import flat, pdf_pages, render_pdf

MINUTES_PDF = "tdkt_emulation.action_report_tdkt_council_minutes"
SMALL, LARGE = 5, 50
# Printout: the minutes, the session, roll, members and their employees,
# the agenda with its titles and units, the rules, the report.
PRINT_BUDGET = {"t_office": 22, "t_chief": 22}


@tagged("post_install", "-at_install")
@freeze_time("2024-12-20")
class TestCouncilMinutes(TdktCouncilCommon):
    """Minutes (Biên bản họp Hội đồng, BB) made from a closed session: the
    secretary or the Office prepares them, the chair or the Chief issues
    them; secretary and chair both sign."""

    def setUp(self):
        super().setUp()
        self.staff_ldtt, self.head_ldtt, self.collective = self.under_review()

    def vote(self, proposal, **choices):
        for choice, voters in choices.items():
            for user in voters:
                getattr(proposal.with_user(user), f"action_vote_{choice}")()

    def closed_session(self, secret=False, head_absent=False):
        if secret:
            self.env["tdkt.council.rule"].create(
                {
                    "name": "Bỏ phiếu kín",
                    "company_id": self.company.id,
                    "award_type_ids": [(6, 0, self.ttldtt.ids)],
                    "ballot": "secret",
                    "quorum_percent": 50,
                }
            )
        session = self.session()
        if head_absent:
            # The unit head is away and sent a written opinion.
            session.attendance_ids.filtered(lambda a: a.user_id == self.head).with_user(
                self.office
            ).write({"status": "absent_written"})
        session.with_user(self.office).action_take_proposals()
        session.with_user(self.office).action_open()
        head = () if head_absent else (self.head,)
        self.vote(
            self.staff_ldtt,
            agree=(self.chief, self.office, self.member1, self.member2),
            disagree=(self.member3,),
            abstain=head,
        )
        self.vote(
            self.head_ldtt,
            agree=(self.chief, self.office),
            disagree=(self.member1, self.member2, self.member3),
        )
        self.vote(
            self.collective,
            agree=(self.chief, self.office, self.member1, self.member2),
            disagree=(self.member3, *head),
        )
        session.with_user(self.chief).action_close()
        return session

    def minutes_of(self, session, user=None):
        action = session.with_user(user or self.office).action_minutes()
        return self.env["tdkt.council.minutes"].browse(action["res_id"])

    def test_made_from_a_closed_session_once(self):
        session = self.open_session()
        with self.assertRaisesRegex(UserError, "is not closed yet"):
            session.with_user(self.office).action_minutes()
        with self.assertRaisesRegex(UserError, "is not closed yet"):
            self.env["tdkt.council.minutes"].with_user(self.office).create(
                {"session_id": session.id}
            )
        self.assertFalse(session.minutes_ids)
        self.vote(self.collective, agree=(self.chief,))
        session.with_user(self.chief).action_close()
        minutes = self.minutes_of(session)
        self.assertEqual(minutes.state, "draft")
        self.assertEqual(minutes.company_id, self.company)
        self.assertEqual(minutes.year, 2024)
        self.assertEqual(minutes.signer_name, self.chief.name)
        self.assertEqual(minutes.signer_position, "CHỦ TỊCH HỘI ĐỒNG")
        # The button opens the same minutes; a second set is refused.
        self.assertEqual(self.minutes_of(session), minutes)
        with self.assertRaisesRegex(UserError, "already has its minutes"):
            self.env["tdkt.council.minutes"].with_user(self.office).create(
                {"session_id": session.id}
            )
        with self.assertRaisesRegex(UserError, "stay with the session"):
            minutes.with_user(self.office).write({"session_id": session.id})

    def test_rights(self):
        session = self.closed_session()
        Minutes = self.env["tdkt.council.minutes"]
        # A council member who is not an officer of the session, and staff,
        # do not prepare them, whatever the context.
        for user in (self.member1, self.staff):
            with self.assertRaises(AccessError):
                Minutes.with_user(user).with_context(force=True).create(
                    {"session_id": session.id}
                )
        minutes = self.minutes_of(session)
        self.assertEqual(minutes.with_user(self.member1).session_id, session)
        with self.assertRaises(AccessError):
            minutes.with_user(self.member1).with_context(force=True).write(
                {"conclusion": "Ghi thêm"}
            )
        with self.assertRaises(AccessError):
            minutes.with_user(self.member1).unlink()
        with self.assertRaises(AccessError):
            minutes.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            minutes.with_user(self.outsider).read(["name"])
        # The secretary (here the Office) prepares; the text is bounded.
        minutes.with_user(self.office).write({"conclusion": "Hội đồng thống nhất."})
        with self.assertRaisesRegex(UserError, "5.000"):
            minutes.with_user(self.office).write({"conclusion": "x" * 5001})
        # Only the chair or the Chief issues: not the secretary, not a member,
        # nor through write() with any context.
        self.assertNotIn("issue", minutes.with_user(self.member1).allowed_actions)
        self.assertNotIn("issue", minutes.with_user(self.office).allowed_actions)
        self.assertIn("issue", minutes.with_user(self.chief).allowed_actions)
        for user in (self.member1, self.office):
            with self.assertRaises(AccessError):
                minutes.with_user(user).action_issue()
            with self.assertRaises(AccessError):
                minutes.with_user(user).with_context(force=True).write(
                    {"state": "issued"}
                )
        self.assertEqual(minutes.state, "draft")
        minutes.with_user(self.chief).action_issue()
        self.assertEqual(minutes.state, "issued")
        self.assertEqual(minutes.document_number, "01/BB-TTr")
        self.assertEqual(minutes.issue_date, date(2024, 12, 20))
        # Locked once issued, for everyone.
        for user in (self.office, self.chief):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                minutes.with_user(user).write({"conclusion": "Sửa"})

    def test_form_follows_who_prepares(self):
        """The session's Minutes button and the minutes' editable fields
        show to who may write them (can_prepare): the Office and the
        session's chair or secretary, not another member."""
        session = self.closed_session()
        minutes = self.minutes_of(session)
        for user, expected in (
            (self.office, True),
            (self.chief, True),
            (self.member1, False),
            (self.head, False),
        ):
            self.assertEqual(session.with_user(user).can_prepare, expected, user.name)
            self.assertEqual(minutes.with_user(user).can_prepare, expected, user.name)
        # A member made secretary of the session prepares its minutes.
        secretary = self.council_record.member_ids.filtered(
            lambda m: m.user_id == self.member2
        )
        session.sudo().secretary_id = secretary  # sudo: the set-up only
        self.assertTrue(minutes.with_user(self.member2).can_prepare)
        minutes.with_user(self.member2).write({"conclusion": "Hội đồng thống nhất."})
        self.assertFalse(minutes.with_user(self.member1).can_prepare)

    def test_cited_by_submission_and_decision(self):
        session = self.closed_session()
        submission = self.env["tdkt.award.submission"].create(
            {
                "company_id": self.company.id,
                "year": 2024,
                "council_session_id": session.id,
            }
        )
        decision = self.env["tdkt.award.decision"].create(
            {
                "company_id": self.company.id,
                "year": 2024,
                "council_session_id": session.id,
            }
        )
        # No issued minutes: the session's date.
        self.assertIn("ngày 20/12/2024", submission._tdkt_print_minutes_basis())
        self.assertNotIn("BB-", submission._tdkt_print_minutes_basis())
        self.assertFalse(
            [b for b in decision._tdkt_generated_bases() if "Biên bản" in b]
        )
        minutes = self.minutes_of(session)
        minutes.with_user(self.chief).action_issue()
        cited = (
            "Biên bản họp Hội đồng Thi đua - Khen thưởng số 01/BB-TTr ngày 20/12/2024"
        )
        self.assertEqual(submission._tdkt_print_minutes_basis(), f"Căn cứ {cited}.")
        bases = decision._tdkt_generated_bases()
        self.assertIn(cited, bases)
        self.assertTrue(bases[-1].startswith("Xét đề nghị"))
        self.assertEqual(bases.index(cited), len(bases) - 2)

    def test_printout(self):
        session = self.closed_session(secret=True, head_absent=True)
        # The Chief let the collective go on (its reason is printed).
        self.collective.sudo().write({"override_reason": "Đơn vị mới sáp nhập"})
        minutes = self.minutes_of(session)
        minutes.with_user(self.office).write(
            {"conclusion": "Hội đồng thống nhất đề nghị Chánh Thanh tra khen thưởng."}
        )
        minutes.with_user(self.chief).action_issue()
        pdf = render_pdf(self.env, MINUTES_PDF, minutes)
        start = day_text(fields.Datetime.context_timestamp(minutes, session.date))
        end = day_text(fields.Datetime.context_timestamp(minutes, session.closed_date))
        self.assertEqual(minutes.end_date, session.closed_date)
        text = flat(" ".join(pdf_pages(pdf)))
        self.assertInOrder(
            text,
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 01/BB-TTr",
                "BIÊN BẢN",
                f"Vào lúc {start}, tại Phòng họp Thanh tra tỉnh",
                f"Chủ trì: {self.chief.name}.",
                f"Thư ký: {self.office.name}.",
                "Thành viên có mặt: 5/6.",
                f"- {self.chief.name}, Chánh Thanh tra, Chủ tịch Hội đồng;",
                f"- {self.office.name}, Thư ký Hội đồng;",
                "Thành viên vắng mặt có ý kiến bằng văn bản:",
                f"- {self.head.name}",
                "Hình thức biểu quyết: biểu quyết giơ tay và bỏ phiếu kín.",
                "I. Cá nhân",
                "1. Lao động tiên tiến",
                (
                    f"- {self.head_ldtt.nominee_name}; Văn phòng Thanh tra tỉnh: 2 "
                    "tán thành, 3 không tán thành, 0 không biểu quyết (33,33% tổng số "
                    "thành viên) - Không đạt."
                ),
                (
                    f"- {self.staff_ldtt.nominee_name}; Văn phòng Thanh tra tỉnh: 4 "
                    "tán thành, 1 không tán thành, 0 không biểu quyết (66,67% tổng số "
                    "thành viên) - Đạt."
                ),
                "II. Tập thể",
                "1. Tập thể lao động tiên tiến",
                (
                    "- Văn phòng Thanh tra tỉnh; Văn phòng Thanh tra tỉnh: 4 tán "
                    "thành, 1 không tán thành"
                ),
                "cho phép tiếp tục xem xét và lý do",
                (
                    "Văn phòng Thanh tra tỉnh (Tập thể lao động tiên tiến): Đơn vị mới "
                    "sáp nhập;"
                ),
                "BIÊN BẢN KIỂM PHIẾU",
                "Số phiếu phát ra: 5",
                "Số phiếu thu về: 5",
                "Số phiếu hợp lệ: 5",
                "Số phiếu không hợp lệ: 0",
                "KẾT LUẬN",
                "Hội đồng thống nhất đề nghị",
                f"Cuộc họp kết thúc vào lúc {end}./.",
                # Two signers side by side: the secretary left, the chair right.
                f"THƯ KÝ {self.office.name}",
                f"CHỦ TỊCH HỘI ĐỒNG {self.chief.name}",
            ],
        )

    def test_other_documents_keep_one_signer(self):
        session = self.closed_session()
        minutes = self.minutes_of(session)
        self.assertEqual(
            [signer[1] for signer in minutes._tdkt_print_signers()],
            ["THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG"],
        )
        submission = self.env["tdkt.award.submission"].create(
            {
                "company_id": self.company.id,
                "year": 2024,
                "council_session_id": session.id,
            }
        )
        self.assertEqual(len(submission._tdkt_print_signers()), 1)


@tagged("post_install", "-at_install")
@freeze_time("2024-12-20")
class TestCouncilMinutesQueryBudget(TdktCouncilCommon):
    """The minutes' printout costs the same for 5 proposals as for 50."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.minutes = {}
        for size in (SMALL, LARGE):
            session, _proposals = cls.voted_session(env, size)
            session.with_user(cls.chief).action_close()
            cls.minutes[size] = env["tdkt.council.minutes"].create(
                {"session_id": session.id}
            )
        cls.env.flush_all()

    def test_data_set(self):
        large = self.minutes[LARGE].session_id
        self.assertEqual(large.state, "closed")
        self.assertEqual(len(large.proposal_ids), LARGE)
        self.assertEqual(set(large.proposal_ids.mapped("vote_agree")), {4})

    @users("t_office", "t_chief")
    @warmup
    def test_printout(self):
        Report = self.env["ir.actions.report"]

        def render(minutes):
            html, _fmt = Report._render_qweb_html(MINUTES_PDF, minutes.ids)
            assert "BIÊN BẢN".encode() in html

        self.assert_same_budget(
            PRINT_BUDGET,
            [
                (size, lambda m=self.minutes[size]: render(m.with_env(self.env)))
                for size in (SMALL, LARGE)
            ],
        )
