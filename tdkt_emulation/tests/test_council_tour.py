"""Browser journey of the council's vote: the chair opens the demo session
still to hold, three members vote with the buttons of the voting screen
(each logged in as themselves), the chair closes it and sees the results,
then the Chief prepares the decision from the session, issues and prints it.
"""

import re

from odoo.tests import tagged

from .pdf_tools import flat
from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestCouncilTour(TdktTourCase):
    def test_chair_opens_members_vote_chief_decides(self):
        ref = self.env.ref
        session = ref("tdkt_emulation.tdkt_council_session_2025_draft_demo")
        proposals = session.proposal_ids
        self.assertEqual(len(proposals), 3)
        url = f"/odoo/action-tdkt_emulation.tdkt_council_session_action/{session.id}"
        self.start_tour(url, "tdkt_council_chair_opens", login="chief")
        self.env.invalidate_all()
        self.assertEqual(session.state, "open")
        # A plain member sees the voting screen but neither Open nor Close.
        self.start_tour(url, "tdkt_council_member_cannot_open", login="council")
        for login in ("chief", "office", "council"):
            self.start_tour(url, "tdkt_council_member_votes", login=login)
        self.env.invalidate_all()
        self.assertEqual(
            self.env["tdkt.council.ballot"]
            .sudo()  # sudo: the test counts every member's ballots
            .search_count([("session_id", "=", session.id), ("choice", "=", "agree")]),
            9,
        )
        with self.capture_reports() as rendered:
            self.start_tour(url, "tdkt_council_chair_closes_and_decides", login="chief")
        self.env.invalidate_all()
        self.assertEqual(session.state, "closed")
        self.assertEqual(
            {(p.vote_agree, p.vote_disagree, p.state) for p in proposals},
            {(3, 0, "decided")},
        )
        decision = self.env["tdkt.award.decision"].search(
            [("council_session_id", "=", session.id)]
        )
        self.assertEqual(decision.state, "issued")
        self.assertEqual(decision.line_ids.proposal_id, proposals)
        self.assertEqual(len(rendered), 1)
        login, _report, res_ids, content = rendered[0]
        self.assertEqual((login, res_ids), ("chief", decision.ids))
        text = flat(content.decode())
        parts = (
            f"Số: {decision.document_number}",
            "QUYẾT ĐỊNH",
            "Điều 1.",
            "Nông Văn Bình",
        )
        # In this order.
        self.assertRegex(text, "(?s)" + ".*".join(map(re.escape, parts)))
