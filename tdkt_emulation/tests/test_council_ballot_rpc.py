"""Secret ballots as an RPC client sees them: nobody but the voter reads a
secret vote, the Office and the Administrator included."""

import xmlrpc.client

from odoo.tests import HttpCase, tagged

from .common import xmlrpc_call
from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
class TestCouncilBallotRpc(HttpCase, TdktCouncilCommon):
    def call(self, user, model, method, *args, **kwargs):
        return xmlrpc_call(self, user, model, method, *args, **kwargs)

    def test_secret_votes_are_read_by_their_voter_only(self):
        _staff, _head, collective = self.under_review()
        self.env["tdkt.council.rule"].create(
            {
                "name": "Bỏ phiếu kín",
                "company_id": self.company.id,
                "award_type_ids": [(6, 0, self.ttldtt.ids)],
                "ballot": "secret",
                "quorum_percent": 50,
            }
        )
        self.open_session()
        collective.with_user(self.member1).action_vote_disagree()
        collective.with_user(self.member2).action_vote_agree()
        # sudo: the test knows the ballots' ids, to try reading them
        ballots = (
            self.env["tdkt.council.ballot"]
            .sudo()  # sudo: see above
            .search([("proposal_id", "=", collective.id)])
        )
        self.assertEqual(len(ballots), 2)
        domain = [("proposal_id", "=", collective.id)]
        # The voter reads their own vote, and only theirs.
        own = self.call(
            self.member1, "tdkt.council.ballot", "search_read", domain, ["choice"]
        )
        self.assertEqual([row["choice"] for row in own], ["disagree"])
        for user in (self.member3, self.office, self.chief, self.admin_tdkt):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.call(
                        user,
                        "tdkt.council.ballot",
                        "search_read",
                        domain,
                        ["member_id", "choice"],
                    ),
                    [],
                )
                groups = self.call(
                    user,
                    "tdkt.council.ballot",
                    "read_group",
                    domain,
                    ["choice"],
                    ["choice"],
                )
                self.assertEqual(groups, [])
                with self.assertRaises(xmlrpc.client.Fault):
                    self.call(
                        user, "tdkt.council.ballot", "read", ballots.ids, ["choice"]
                    )
                # Nor through the proposal: its vote field is the reader's own.
                rows = self.call(
                    user, "tdkt.award.proposal", "read", [collective.id], ["my_vote"]
                )
                self.assertFalse(rows[0]["my_vote"])
