from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-20")
class TestCouncilClosing(TdktCouncilCommon):
    """Closing a session tallies every proposal under its rule and approves
    or rejects it; a secret ballot keeps only the counts."""

    def setUp(self):
        super().setUp()
        self.staff_ldtt, self.head_ldtt, self.collective = self.under_review()
        self.Ballot = self.env["tdkt.council.ballot"]

    def vote(self, proposal, **choices):
        for choice, users in choices.items():
            for user in users:
                getattr(proposal.with_user(user), f"action_vote_{choice}")()

    def cast_votes(self):
        # 6 members present; the default rule: a majority of those present.
        self.vote(
            self.staff_ldtt,
            agree=(self.chief, self.office, self.member1, self.member2),
            disagree=(self.member3,),
            abstain=(self.head,),
        )
        # The head is the nominee: he does not vote.
        self.vote(
            self.head_ldtt,
            agree=(self.chief, self.office),
            disagree=(self.member1, self.member2, self.member3),
        )
        self.vote(
            self.collective,
            agree=(self.chief, self.office, self.member1),
            disagree=(self.member2, self.member3, self.head),
        )

    def test_closing_tallies_approves_and_rejects(self):
        session = self.open_session()
        self.cast_votes()
        # A tie under a re-vote rule: the session does not close, nothing
        # changes.
        with self.assertRaisesRegex(UserError, "tied on"):
            session.with_user(self.chief).action_close()
        self.assertEqual(session.state, "open")
        self.assertEqual(self.collective.state, "council")
        self.assertEqual(self.staff_ldtt.vote_agree, 0)
        # Only the chair or the secretary closes.
        self.vote(self.collective, agree=(self.member2,))
        with self.assertRaises(AccessError):
            session.with_user(self.member1).action_close()
        session.with_user(self.chief).action_close()
        self.assertEqual(session.state, "closed")
        self.assertEqual(
            (
                self.staff_ldtt.state,
                self.head_ldtt.state,
                self.collective.state,
            ),
            ("approved", "rejected", "approved"),
        )
        self.assertEqual(
            (
                self.staff_ldtt.vote_agree,
                self.staff_ldtt.vote_disagree,
                self.staff_ldtt.vote_abstain,
                self.staff_ldtt.vote_base,
                self.staff_ldtt.vote_percent_present,
                self.staff_ldtt.vote_percent_members,
            ),
            (4, 1, 1, 6, 66.67, 66.67),
        )
        self.assertEqual(
            (self.head_ldtt.vote_agree, self.head_ldtt.vote_disagree), (2, 3)
        )
        self.assertIn(
            "4 for, 1 against, 1 abstaining",
            self.staff_ldtt.message_ids[:1].body,
        )
        # The votes stay named (show of hands) and frozen.
        self.assertEqual(len(self.Ballot.with_user(self.member3).search([])), 17)
        with self.assertRaisesRegex(UserError, "is closed"):
            self.staff_ldtt.with_user(self.member1).action_vote_disagree()
        self.assertTrue(all(session.attendance_ids.mapped("has_voted")))

    def test_the_result_cannot_disagree_with_the_vote(self):
        session = self.open_session()
        self.cast_votes()
        # On the agenda, the Office does not approve by hand...
        with self.assertRaisesRegex(UserError, "the council's vote decides it"):
            self.head_ldtt.with_user(self.office).action_approve()
        # ...nor through write(), whatever the context.
        for user in (self.office, self.chief, self.admin_tdkt):
            with self.assertRaises(UserError):
                self.head_ldtt.with_user(user).with_context(
                    tdkt_vote=True, force=True
                ).write({"state": "approved"})
            with self.assertRaises(AccessError):
                self.head_ldtt.with_user(user).write({"vote_agree": 6})
        self.assertEqual(self.head_ldtt.state, "council")
        self.vote(self.collective, agree=(self.member2,))
        session.with_user(self.office).action_close()
        self.assertEqual(self.head_ldtt.state, "rejected")

    def test_secret_ballot_keeps_counts_and_who_took_part_only(self):
        self.env["tdkt.council.rule"].create(
            {
                "name": "Bỏ phiếu kín",
                "company_id": self.company.id,
                "award_type_ids": [(6, 0, self.ttldtt.ids)],
                "ballot": "secret",
                "quorum_percent": 50,
            }
        )
        session = self.open_session()
        self.cast_votes()
        self.vote(self.collective, agree=(self.member2,))
        session.with_user(self.chief).action_close()
        self.assertEqual(self.collective.state, "approved")
        self.assertEqual(
            (self.collective.vote_agree, self.collective.vote_disagree), (4, 2)
        )
        # Not even the database links a member to a secret choice any more.
        self.env.cr.execute(
            "SELECT count(*) FROM tdkt_council_ballot WHERE proposal_id = %s",
            (self.collective.id,),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.assertFalse(self.collective.with_user(self.member1).my_vote)
        # The counts of the vote-count minutes and who took part are kept.
        self.assertEqual(
            (
                session.secret_ballot,
                session.ballots_issued,
                session.ballots_returned,
                session.ballots_valid,
                session.ballots_invalid,
            ),
            (True, 6, 6, 6, 0),
        )
        self.assertEqual(set(session.attendance_ids.mapped("has_voted")), {True})
        # The show-of-hands votes of the same session stay named (sudo: the
        # test counts every ballot).
        named = self.Ballot.sudo().search([("proposal_id", "=", self.staff_ldtt.id)])
        self.assertEqual(
            len(named),
            6,
        )
