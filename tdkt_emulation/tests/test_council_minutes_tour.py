"""Browser journey of the council minutes (BB): the demo session still to
hold is voted and closed by the ORM, then the secretary makes its minutes
with the session's button, writes the conclusion and submits them to the
chair (who alone, with the Chief, issues them); a plain member can neither
make, edit nor issue them; the chair issues and prints them.
"""

import re

from odoo import fields
from odoo.tests import tagged

from ..models.tdkt_council_minutes import day_text
from .pdf_tools import flat
from .tour_common import TdktTourCase

CONCLUSION = (
    "Hội đồng thống nhất đề nghị Chánh Thanh tra tặng Giấy khen cho các trường hợp đạt."
)


def html_text(content):
    """The text of a rendered report's HTML, tags dropped, on one line."""
    return flat(re.sub(r"<[^>]*>", " ", content.decode()))


@tagged("post_install", "-at_install")
class TestCouncilMinutesTour(TdktTourCase):
    def test_secretary_prepares_chair_issues_member_reads(self):
        ref = self.env.ref
        chief = ref("tdkt_emulation.user_chief_demo")
        office = ref("tdkt_emulation.user_office_demo")
        member = ref("tdkt_emulation.user_council_demo")
        session = ref("tdkt_emulation.tdkt_council_session_2025_draft_demo")
        self.assertEqual(
            (session.chair_id.user_id, session.secretary_id.user_id), (chief, office)
        )
        collective, head, staff = (
            ref(f"tdkt_emulation.tdkt_award_proposal_division3_{name}_demo")
            for name in ("giay_khen_tt", "head_giay_khen", "staff_giay_khen")
        )
        self.assertEqual(session.proposal_ids, collective | head | staff)
        session.with_user(chief).action_open()
        votes = {
            collective: ("agree", "agree", "agree"),
            head: ("agree", "agree", "abstain"),
            staff: ("agree", "disagree", "disagree"),
        }
        for proposal, choices in votes.items():
            for user, choice in zip((chief, office, member), choices, strict=True):
                getattr(proposal.with_user(user), f"action_vote_{choice}")()
        session.with_user(chief).action_close()
        self.assertEqual(session.state, "closed")
        self.assertFalse(session.minutes_ids)

        session_url = (
            f"/odoo/action-tdkt_emulation.tdkt_council_session_action/{session.id}"
        )
        self.start_tour(
            session_url, "tdkt_council_minutes_member_cannot_make", login="council"
        )
        self.start_tour(
            session_url, "tdkt_council_minutes_secretary_submits", login="office"
        )
        self.env.invalidate_all()
        minutes = session.minutes_ids
        self.assertEqual(len(minutes), 1)
        self.assertEqual(minutes.state, "submitted")
        self.assertEqual(minutes.conclusion, CONCLUSION)
        self.assertFalse(minutes.number)

        minutes_url = (
            f"/odoo/action-tdkt_emulation.tdkt_council_minutes_action/{minutes.id}"
        )
        self.start_tour(
            minutes_url, "tdkt_council_minutes_member_reads", login="council"
        )
        self.env.invalidate_all()
        self.assertEqual((minutes.state, minutes.conclusion), ("submitted", CONCLUSION))
        with self.capture_reports() as rendered:
            self.start_tour(
                minutes_url, "tdkt_council_minutes_chair_issues", login="chief"
            )
        self.env.invalidate_all()
        self.assertEqual(minutes.state, "issued")
        self.assertEqual(minutes.session_id, session)
        self.assertTrue(minutes.is_locked)
        self.assertRegex(minutes.document_number, r"^\d+/BB-TTr$")
        self.assertEqual(minutes.signer_name, chief.name)

        self.assertEqual(len(rendered), 1)
        login, _report, res_ids, content = rendered[0]
        self.assertEqual((login, res_ids), ("chief", minutes.ids))
        text = html_text(content)
        # Times in the time zone of the chair, who printed them.
        self.assertEqual(chief.tz, "Asia/Ho_Chi_Minh")
        as_chief = minutes.with_context(tz=chief.tz)
        end = day_text(fields.Datetime.context_timestamp(as_chief, session.closed_date))
        unit = "Phòng Nghiệp vụ 3"
        self.assertEqual(
            [(p.vote_agree, p.vote_disagree, p.vote_abstain) for p in votes],
            [(3, 0, 0), (2, 0, 1), (1, 2, 0)],
        )
        # The agency's rule for Giấy khen: over half of the members present
        # (show of hands): 2 of 3 pass, 1 of 3 does not.
        self.assertEqual([p.state for p in votes], ["approved", "approved", "rejected"])
        parts = [
            f"Số: {minutes.document_number}",
            "BIÊN BẢN",
            (
                "Vào lúc 09 giờ 00, ngày 06/01/2025, tại Phòng họp Thanh tra tỉnh, "
                f"{session.council_id.name} họp xét thi đua, khen thưởng."
            ),
            f"Chủ trì: {chief.name}.",
            f"Thư ký: {office.name}.",
            "Thành viên có mặt: 3/3.",
            "Hình thức biểu quyết: biểu quyết giơ tay.",
            "I. Cá nhân",
            # Within a title, by name.
            (
                f"- {staff.nominee_name}; {unit}: 1 tán thành, 2 không tán thành, "
                "0 không biểu quyết (33,33% tổng số thành viên) - Không đạt."
            ),
            (
                f"- {head.nominee_name}; {unit}: 2 tán thành, 0 không tán thành, "
                "1 không biểu quyết (66,67% tổng số thành viên) - Đạt."
            ),
            "II. Tập thể",
            (
                f"- {unit}; {unit}: 3 tán thành, 0 không tán thành, 0 không biểu "
                "quyết (100,00% tổng số thành viên) - Đạt."
            ),
            "KẾT LUẬN",
            CONCLUSION,
            f"Cuộc họp kết thúc vào lúc {end}./.",
            # Two signers side by side: the secretary left, the chair right.
            f"THƯ KÝ {office.name}",
            f"CHỦ TỊCH HỘI ĐỒNG {chief.name}",
        ]
        position = 0
        for part in parts:
            found = text.find(part, position)
            self.assertNotEqual(found, -1, f"{part!r} missing after {position}")
            position = found + len(part)
