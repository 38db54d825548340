from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestCouncilBallot(TdktCouncilCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ballot = cls.env["tdkt.council.ballot"]

    def setUp(self):
        super().setUp()
        self.staff_ldtt, self.head_ldtt, self.collective = self.under_review()

    def ballots(self, session, proposal=None):
        domain = [("session_id", "=", session.id)]
        if proposal:
            domain.append(("proposal_id", "=", proposal.id))
        # sudo: the test counts every ballot, whoever cast it
        return self.Ballot.sudo().search(domain)

    def test_present_members_vote_once_and_may_change_their_vote(self):
        session = self.open_session()
        self.staff_ldtt.with_user(self.member1).action_vote_agree()
        self.staff_ldtt.with_user(self.member2).action_vote_disagree()
        self.staff_ldtt.with_user(self.chief).action_vote_abstain()
        ballots = self.ballots(session, self.staff_ldtt)
        self.assertEqual(len(ballots), 3)
        # Voting again replaces the vote: still one ballot per member.
        self.staff_ldtt.with_user(self.member2).action_vote_agree()
        self.staff_ldtt.with_user(self.member2).action_vote_agree()
        ballots = self.ballots(session, self.staff_ldtt)
        self.assertEqual(len(ballots), 3)
        self.assertEqual(
            sorted(ballots.mapped("choice")), ["abstain", "agree", "agree"]
        )
        # Each member sees their own vote on the agenda.
        for user, vote in (
            (self.member1, "agree"),
            (self.member2, "agree"),
            (self.chief, "abstain"),
            (self.member3, False),
        ):
            self.assertEqual(self.staff_ldtt.with_user(user).my_vote, vote)
        # The voting screen: the agenda with the buttons, opened by a member.
        action = session.with_user(self.member1).action_open_agenda()
        agenda = self.env["tdkt.award.proposal"].with_user(self.member1)
        cards = agenda.search(action["domain"])
        self.assertEqual(cards, self.staff_ldtt | self.head_ldtt | self.collective)
        views = agenda.get_views(action["views"])["views"]
        self.assertIn("action_vote_agree", views["kanban"]["arch"])
        self.assertIn("my_vote", views["list"]["arch"])
        # Closed: no more votes, and the votes are kept.
        session.with_user(self.chief).action_close()
        with self.assertRaisesRegex(UserError, "is closed: votes are cast while"):
            self.staff_ldtt.with_user(self.member1).action_vote_disagree()
        self.assertEqual(self.staff_ldtt.with_user(self.member1).my_vote, "agree")

    def test_refused_voters(self):
        session = self.session()
        session.with_user(self.office).action_take_proposals()
        # Not open yet.
        with self.assertRaisesRegex(UserError, "is draft: votes are cast while"):
            self.staff_ldtt.with_user(self.member1).action_vote_agree()
        absent = session.attendance_ids.filtered(lambda a: a.user_id == self.member3)
        absent.with_user(self.office).status = "absent_written"
        session.with_user(self.office).action_open()
        # Not a member of the council, whatever the group (the Council
        # group gives no vote; an Administrator neither).
        for user in (self.council, self.admin_tdkt, self.staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.staff_ldtt.with_user(user).action_vote_agree()
        # Absent: no vote, also by calling the session's method directly.
        with self.assertRaisesRegex(AccessError, "marked absent"):
            self.staff_ldtt.with_user(self.member3).action_vote_agree()
        with self.assertRaisesRegex(AccessError, "marked absent"):
            session.with_user(self.member3)._tdkt_vote(self.staff_ldtt, "agree")
        # Not on one's own proposal.
        with self.assertRaisesRegex(UserError, "does not vote on their own proposal"):
            self.head_ldtt.with_user(self.head).action_vote_agree()
        # A choice that does not exist.
        with self.assertRaisesRegex(UserError, "Vote 'agree'"):
            session.with_user(self.member1)._tdkt_vote(self.staff_ldtt, "maybe")
        # Nothing was written by the refused votes.
        self.assertFalse(self.ballots(session))
        # Nobody writes a ballot by hand, not even the Administrator.
        self.staff_ldtt.with_user(self.member1).action_vote_agree()
        ballot = self.ballots(session)
        for user in (self.member1, self.office, self.admin_tdkt):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    ballot.with_user(user).write({"choice": "disagree"})
                with self.assertRaises(AccessError):
                    ballot.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.Ballot.with_user(user).create(
                        {
                            "session_id": session.id,
                            "company_id": self.company.id,
                            "proposal_id": self.head_ldtt.id,
                            "member_id": ballot.member_id.id,
                            "user_id": user.id,
                            "choice": "agree",
                        }
                    )
        self.assertEqual(ballot.choice, "agree")

    def test_a_proposal_of_another_session_or_out_of_review(self):
        session = self.open_session()
        draft = self.propose(
            self.dossier(unit=self.unit_div1, user=self.head_div),
            self.ldtt,
            self.staff_div_employee,
            user=self.head_div,
        )
        with self.assertRaisesRegex(UserError, "on no council session's agenda"):
            draft.with_user(self.member1).action_vote_agree()
        with self.assertRaisesRegex(UserError, "not on the agenda"):
            session.with_user(self.member1)._tdkt_vote(draft, "agree")
        self.assertFalse(self.ballots(session))

    def test_own_unit_when_the_rule_says_so(self):
        rule = self.env["tdkt.council.rule"].create(
            {
                "name": "Quy chế: không biểu quyết cho đơn vị mình",
                "company_id": self.company.id,
                "award_type_ids": [(6, 0, self.ttldtt.ids)],
                "quorum_percent": 50,
                "exclude_own_unit": True,
            }
        )
        self.open_session()
        # The head works in the Office's unit proposed as a collective.
        with self.assertRaisesRegex(UserError, "does not vote on their own unit"):
            self.collective.with_user(self.head).action_vote_agree()
        # Members of another unit vote on it.
        self.collective.with_user(self.member1).action_vote_agree()
        rule.exclude_own_unit = False
        self.collective.with_user(self.head).action_vote_agree()
        self.assertEqual(self.collective.with_user(self.head).my_vote, "agree")

    def test_secretary_records_written_opinions_of_absent_members(self):
        session = self.session()
        session.with_user(self.office).action_take_proposals()
        lines = session.attendance_ids
        lines.filtered(lambda a: a.user_id == self.member3).with_user(
            self.office
        ).status = "absent_written"
        member3 = lines.filtered(lambda a: a.user_id == self.member3).member_id
        member2 = lines.filtered(lambda a: a.user_id == self.member2).member_id
        session.with_user(self.office).action_open()
        # The dialog, as the secretary (the Office demo role).
        action = session.with_user(self.office).action_record_written_opinion()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.office)
            .with_context(**action["context"])
            .create({"member_id": member3.id, "choice": "agree"})
        )
        self.assertEqual(wizard.absent_member_ids, member3)
        self.assertEqual(len(wizard.proposal_ids), 3)
        wizard.action_confirm()
        ballots = self.ballots(session).filtered(lambda b: b.member_id == member3)
        self.assertEqual(len(ballots), 3)
        self.assertTrue(all(ballots.mapped("is_written")))
        self.assertEqual(self.staff_ldtt.with_user(self.member3).my_vote, "agree")
        # Only the secretary, and only for a member absent with an opinion.
        with self.assertRaisesRegex(AccessError, "Only the secretary"):
            session.with_user(self.chief)._tdkt_record_written(
                member3, self.staff_ldtt, "disagree"
            )
        with self.assertRaisesRegex(UserError, "not marked absent with a written"):
            session.with_user(self.office)._tdkt_record_written(
                member2, self.staff_ldtt, "disagree"
            )
        # Not on the absent member's own proposal either.
        head = lines.filtered(lambda a: a.user_id == self.head).member_id
        self.assertTrue(head)
        session.with_user(self.office).action_close()
        with self.assertRaisesRegex(UserError, "is closed"):
            session.with_user(self.office)._tdkt_record_written(
                member3, self.staff_ldtt, "disagree"
            )

    def test_show_of_hands_votes_are_named_secret_ones_are_not(self):
        # LĐTT under the default rule: show of hands; make TTLĐTT secret.
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
        for user in (self.member1, self.member2):
            self.staff_ldtt.with_user(user).action_vote_agree()
            self.collective.with_user(user).action_vote_disagree()
        # Show of hands: the council reads who voted what.
        named = self.Ballot.with_user(self.member3).search(
            [("proposal_id", "=", self.staff_ldtt.id)]
        )
        self.assertEqual(len(named), 2)
        # Secret: each voter reads their own ballot; nobody else, the Office
        # and the Administrator included.
        for user, count in (
            (self.member1, 1),
            (self.member3, 0),
            (self.office, 0),
            (self.admin_tdkt, 0),
        ):
            with self.subTest(user=user.login):
                secret = self.Ballot.with_user(user).search(
                    [("proposal_id", "=", self.collective.id)]
                )
                self.assertEqual(len(secret), count)
                self.assertEqual(
                    self.collective.with_user(user).my_vote,
                    "disagree" if count else False,
                )
        self.assertEqual(len(self.ballots(session, self.collective)), 2)
        self.assertTrue(all(self.ballots(session, self.collective).mapped("is_secret")))
