"""Query budgets of the council's voting screen and of a vote: the agenda
of a session costs the same for 5 proposals as for 120, and so does one
vote. Budgets count queries, never time."""

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged, users, warmup

from .council_common import TdktCouncilCommon
from .webclient import arch_spec

SMALL, LARGE = 5, 120
# The agenda's cards: the proposals, their titles, units, the session's
# state and the user's own votes (one query whatever the agenda).
AGENDA_BUDGET = {"t_member1": 9, "t_office": 9}
# One vote: the member's roll row written first (so that the closing and
# the vote serialise), the proposal and its session, the council, roll and
# rule, then one upsert.
VOTE_BUDGET = {"t_member1": 16}
# The tally of a session (the agenda, its rules, the roll, one grouped count
# of the ballots): the same for 5 and 120 proposals.
TALLY_BUDGET = {"__system__": 13}


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestCouncilQueryBudget(TdktCouncilCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.sessions = {}
        for size in (SMALL, LARGE):
            session, proposals = cls.voted_session(env, size)
            cls.sessions[size] = session
            # Every member but one votes on every proposal.
            session.with_user(cls.member1)._tdkt_vote(proposals[0], "abstain")
        cls.env.flush_all()

    def test_data_set(self):
        large = self.sessions[LARGE]
        self.assertEqual(len(large.proposal_ids), LARGE)
        ballots = self.env["tdkt.council.ballot"].search_count(
            [("session_id", "=", large.id)]
        )
        self.assertEqual(ballots, 4 * LARGE + 1)

    @users("t_member1", "t_office")
    @warmup
    def test_voting_screen(self):
        Proposal = self.env["tdkt.award.proposal"]
        view = self.env.ref("tdkt_emulation.tdkt_award_proposal_view_kanban_vote")
        arch = Proposal.get_views([(view.id, "kanban")])["views"]["kanban"]["arch"]
        spec = arch_spec(self.env, Proposal, etree.fromstring(arch))
        self.assertIn("my_vote", spec)

        def load(session):
            result = Proposal.web_search_read(
                [("council_session_id", "=", session.id)], spec, limit=None
            )
            self.assertEqual(len(result["records"]), len(session.proposal_ids))
            if self.env.user == self.member1:
                self.assertEqual(result["records"][0]["my_vote"], "abstain")

        self.assert_same_budget(
            AGENDA_BUDGET,
            [
                (size, lambda s=self.sessions[size]: load(s.with_env(self.env)))
                for size in (SMALL, LARGE)
            ],
        )

    def test_tally(self):
        """The closing's tally: the ballots counted in one grouped query,
        whatever the size of the agenda."""
        self.assert_same_budget(
            TALLY_BUDGET,
            [(size, self.sessions[size]._tdkt_tally) for size in (SMALL, LARGE)],
        )

    @users("t_member1")
    @warmup
    def test_one_vote(self):
        self.assert_same_budget(
            VOTE_BUDGET,
            [
                (
                    size,
                    lambda s=self.sessions[size]: (
                        s.with_env(self.env)
                        .proposal_ids.sorted("id")[-1]
                        .action_vote_disagree()
                    ),
                )
                for size in (SMALL, LARGE)
            ],
        )
