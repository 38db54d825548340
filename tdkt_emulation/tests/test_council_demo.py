from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCouncilDemo(TransactionCase):
    """The demo agency's 2024 council: its members, the year-end session
    closed after a real vote, the session still to hold, and the decision
    and submission demos resting on the same council."""

    def ref(self, xmlid):
        return self.env.ref(f"tdkt_emulation.{xmlid}")

    def test_members_and_roles(self):
        council = self.ref("tdkt_council_2024_demo")
        roles = {m.user_id.login: m.role for m in council.member_ids}
        self.assertEqual(
            roles, {"chief": "chair", "office": "secretary", "council": "member"}
        )
        self.assertEqual(council.founding_decision_number, "12/QĐ-TTr")

    def test_closed_session_tally(self):
        session = self.ref("tdkt_council_session_2024_demo")
        self.assertEqual(session.state, "closed")
        self.assertEqual(session.place, "Phòng họp Thanh tra tỉnh")
        self.assertEqual(session.plan_task_id, self.ref("tdkt_plan_2024_q4_t5_demo"))
        self.assertEqual(session.attendance_ids.mapped("has_voted"), [True, True, True])
        # Approved, then recognised by the demo's titles decision.
        head = self.ref("tdkt_award_proposal_division2_head_ldtt_demo")
        self.assertEqual(
            (head.vote_agree, head.vote_disagree, head.state), (3, 0, "decided")
        )
        staff_ldtt = self.ref("tdkt_award_proposal_division2_staff_ldtt_demo")
        self.assertEqual(
            (staff_ldtt.vote_agree, staff_ldtt.vote_abstain, staff_ldtt.state),
            (2, 1, "decided"),
        )
        # Secret ballot, 80% of all members: 2 of 3 is not enough.
        cstdcs = self.ref("tdkt_award_proposal_division2_staff_cstdcs_demo")
        self.assertEqual(
            (cstdcs.vote_agree, cstdcs.vote_disagree, cstdcs.state),
            (2, 1, "rejected"),
        )
        self.assertAlmostEqual(cstdcs.vote_percent_members, 66.67, places=2)
        self.assertTrue(session.secret_ballot)
        self.assertEqual(
            self.env["tdkt.council.ballot"].search_count(
                [("session_id", "=", session.id), ("is_secret", "=", True)]
            ),
            0,
        )
        # Division 1's titles for the Tờ trình, the Office's Giấy khen for
        # the decision: voted at the same session.
        cstd = self.ref("tdkt_award_proposal_division1_head_cstd_tinh_demo")
        self.assertEqual(
            (cstd.vote_agree, cstd.vote_base, cstd.council_session_id),
            (3, 3, session),
        )
        # The secretary does not vote on her own Giấy khen: 2 of 3 present,
        # over half of those present (the agency's rule).
        own = self.ref("tdkt_award_proposal_office_giay_khen_demo")
        self.assertEqual((own.vote_agree, own.vote_abstain), (2, 0))
        self.assertEqual(own.council_session_id, session)
        self.assertEqual(len(session.proposal_ids), 11)
        self.assertEqual(
            self.env["tdkt.council.session"].search_count(
                [("council_id", "=", session.council_id.id), ("state", "=", "closed")]
            ),
            1,
        )

    def test_minutes_cited_by_the_decision_and_the_submission(self):
        session = self.ref("tdkt_council_session_2024_demo")
        minutes = session.minutes_ids
        self.assertEqual(minutes.state, "issued")
        self.assertEqual(minutes.document_number, "01/BB-TTr")
        citation = (
            "Biên bản họp Hội đồng Thi đua - Khen thưởng số 01/BB-TTr ngày 20/12/2024"
        )
        decision = self.ref("tdkt_award_decision_2024_demo")
        bases = decision.legal_basis_ids.sorted("sequence").mapped("name")
        self.assertIn(citation, bases)
        self.assertEqual(
            bases[-1],
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh tại "
            "cuộc họp ngày 20/12/2024 và Chánh Văn phòng Thanh tra tỉnh.",
        )
        submission = self.ref("tdkt_award_submission_2024_demo")
        self.assertEqual(submission.council_session_id, session)
        self.assertIn(citation, submission._tdkt_print_minutes_basis())

    def test_session_to_hold_has_an_agenda(self):
        session = self.ref("tdkt_council_session_2025_draft_demo")
        self.assertEqual(session.state, "draft")
        self.assertEqual(
            set(session.proposal_ids.mapped("nominee_name")),
            {"Phòng Nghiệp vụ 3", "Nông Văn Bình", "Lăng Thị Hoa"},
        )
        self.assertEqual(session.present_count, 3)

    def test_one_council_for_the_year(self):
        council = self.ref("tdkt_council_2024_demo")
        self.assertEqual(
            self.env["tdkt.council"].search_count(
                [("company_id", "=", council.company_id.id)]
            ),
            1,
        )
        submission = self.ref("tdkt_award_submission_2024_demo")
        self.assertEqual(submission.council_session_id.council_id, council)
        decision = self.ref("tdkt_award_decision_2024_demo")
        # Both rest on the session the council voted at, not on one closed
        # without ballots.
        voted = self.ref("tdkt_council_session_2024_demo")
        self.assertEqual(decision.line_ids.proposal_id.council_session_id, voted)
        self.assertEqual(submission.line_ids.proposal_id.council_session_id, voted)
        self.assertEqual(decision.council_session_id, voted)

    def test_open_button_for_the_officers_only(self):
        session = self.ref("tdkt_council_session_2025_draft_demo")
        for login, can_open in (("chief", True), ("office", True), ("council", False)):
            user = self.env["res.users"].search([("login", "=", login)])
            actions = session.with_user(user).allowed_actions.split()
            self.assertEqual("open" in actions, can_open, login)

    def test_prepare_decision_from_the_closed_session(self):
        closed = self.ref("tdkt_council_session_2024_demo")
        chief = self.ref("user_chief_demo")
        action = closed.with_user(chief).action_prepare_decision()
        decision = self.env["tdkt.award.decision"].browse(action["res_id"])
        self.assertEqual((decision.council_session_id, decision.year), (closed, 2024))
        # The demo's two decisions hold every award the session approved
        # within the Chief's authority: nothing is left to take.
        self.assertFalse(closed.proposal_ids.filtered(lambda p: p.state == "approved"))
        with self.assertRaisesRegex(UserError, "no approved proposal"):
            decision.with_user(chief).action_take_approved()
        self.assertFalse(decision.line_ids)
        with self.assertRaisesRegex(UserError, "has not closed"):
            self.ref("tdkt_council_session_2025_draft_demo").with_user(
                chief
            ).action_prepare_decision()
        with self.assertRaises(AccessError):
            closed.with_user(self.ref("user_council_demo")).action_prepare_decision()

    def test_demo_votes_go_through_the_member_checks(self):
        session = self.ref("tdkt_council_session_2025_draft_demo")
        session.with_user(self.ref("user_chief_demo")).action_open()
        proposal = session.proposal_ids[:1]
        with self.assertRaises(AccessError):
            session._tdkt_vote_as(
                [(self.ref("user_staff_demo").id, proposal.id, "agree")]
            )
        session._tdkt_vote_as(
            [(self.ref("user_council_demo").id, proposal.id, "agree")]
        )
        self.assertEqual(
            proposal.with_user(self.ref("user_council_demo")).my_vote, "agree"
        )
