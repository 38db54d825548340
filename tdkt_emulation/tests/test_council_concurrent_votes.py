"""A vote is counted once however many times it is clicked at once.

Real concurrent transactions: each thread casts a vote in its own database
cursor and commits, as members double-clicking on a phone. A vote that
meets a concurrent vote on the same ballot fails to serialise and is run
again, as every RPC call is (``odoo.service.model.retrying``): the last
vote replaces the others, never adds to them.
"""

import uuid

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tools import SQL

from .concurrent_common import TdktConcurrentCase

CLICKS = 6  # per member


@tagged("post_install", "-at_install")
class TestCouncilConcurrentVotes(TdktConcurrentCase):
    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            company = env["res.company"].create(
                {"name": f"Thanh tra thử biểu quyết {tag}", "tdkt_agency_code": "TTBQ"}
            )
            council_group = env.ref("tdkt_emulation.group_tdkt_council")
            users = env["res.users"].create(
                [
                    {
                        "name": f"Thành viên {index}",
                        "login": f"tdkt_vote_{tag}_{index}",
                        "email": f"tdkt_vote_{tag}_{index}@example.com",
                        "company_id": company.id,
                        "company_ids": [(6, 0, company.ids)],
                        "groups_id": [(6, 0, council_group.ids)],
                    }
                    for index in range(2)
                ]
            )
            department = env["hr.department"].create(
                {"name": "Văn phòng", "company_id": company.id}
            )
            nominee = env["hr.employee"].create(
                {
                    "name": "Người được đề nghị",
                    "company_id": company.id,
                    "department_id": department.id,
                }
            )
            unit = env["tdkt.unit"].create(
                {
                    "name": "Văn phòng",
                    "company_id": company.id,
                    "unit_type": "department",
                    "department_ids": [(6, 0, department.ids)],
                }
            )
            council = env["tdkt.council"].create(
                {
                    "company_id": company.id,
                    "date_from": "2024-01-01",
                    "member_ids": [
                        (0, 0, {"user_id": user.id, "role": role})
                        for user, role in zip(
                            users, ("chair", "secretary"), strict=True
                        )
                    ],
                }
            )
            dossier = env["tdkt.award.dossier"].create(
                {"company_id": company.id, "year": 2024, "unit_id": unit.id}
            )
            proposal = env["tdkt.award.proposal"].create(
                {
                    "dossier_id": dossier.id,
                    "award_type_id": env.ref("tdkt_emulation.tdkt_award_type_ldtt").id,
                    "employee_id": nominee.id,
                    "performance_rating": "htt",
                    "start_date": "2020-01-01",
                }
            )
            proposal.write({"state": "council"})
            session = env["tdkt.council.session"].create(
                {"council_id": council.id, "date": "2024-12-20 02:00:00"}
            )
            proposal.write({"council_session_id": session.id})
            session.write({"state": "open"})
            self.ids = {
                "company": company.id,
                "users": users.ids,
                "employees": nominee.ids,
                "unit": unit.id,
                "department": department.id,
                "council": council.id,
                "dossier": dossier.id,
                "proposal": proposal.id,
                "session": session.id,
            }
        self.addCleanup(self._remove_data)

    def _remove_data(self):
        """Remove what the test committed (the open session with SQL: the
        ORM keeps an opened session, as it should)."""
        ids = self.ids
        with self.registry.cursor() as cr:
            for query in (
                SQL(
                    "DELETE FROM tdkt_council_ballot WHERE session_id = %s",
                    ids["session"],
                ),
                SQL("DELETE FROM tdkt_council_session WHERE id = %s", ids["session"]),
                SQL(
                    "DELETE FROM mail_message WHERE model = 'tdkt.award.dossier'"
                    " AND res_id = %s",
                    ids["dossier"],
                ),
                SQL("DELETE FROM tdkt_award_proposal WHERE id = %s", ids["proposal"]),
                SQL("DELETE FROM tdkt_award_dossier WHERE id = %s", ids["dossier"]),
                SQL("DELETE FROM tdkt_council WHERE id = %s", ids["council"]),
                SQL("DELETE FROM tdkt_unit WHERE id = %s", ids["unit"]),
            ):
                cr.execute(query)
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["hr.employee"].browse(ids["employees"]).unlink()
            env["hr.department"].browse(ids["department"]).unlink()
            # Archived, not deleted: the users and the company keep
            # references (partners, settings) that the ORM protects.
            env["res.users"].browse(ids["users"]).active = False
            env["res.company"].browse(ids["company"]).active = False

    def test_double_clicks_count_once_the_last_choice_wins(self):
        clicks = [
            (user_id, "agree" if index % 2 else "disagree")
            for user_id in self.ids["users"]
            for index in range(CLICKS)
        ]

        def vote(barrier, user_id, choice):
            with self.registry.cursor() as cr:
                env = api.Environment(cr, user_id, {})
                proposal = env["tdkt.award.proposal"].browse(self.ids["proposal"])
                # Read first: every transaction starts before any votes.
                proposal.fetch(["state", "council_session_id"])
                barrier.wait(timeout=60)
                retrying(
                    lambda: (
                        env["tdkt.award.proposal"]
                        .browse(self.ids["proposal"])
                        ._tdkt_vote(choice)
                    ),
                    env,
                )

        errors = self.run_threads(vote, clicks)
        self.assertEqual(errors, [])
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT user_id, count(*) FROM tdkt_council_ballot"
                    " WHERE session_id = %s GROUP BY user_id",
                    self.ids["session"],
                )
            )
            counts = dict(cr.fetchall())
        self.assertEqual(counts, dict.fromkeys(self.ids["users"], 1))

    def _ballots(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT user_id, choice FROM tdkt_council_ballot"
                    " WHERE session_id = %s",
                    self.ids["session"],
                )
            )
            return dict(cr.fetchall())

    def _close(self, cr):
        env = api.Environment(cr, self.ids["users"][0], {})
        env["tdkt.council.session"].browse(self.ids["session"]).action_close()

    def test_vote_that_read_the_session_open_is_refused_after_the_closing(self):
        """A vote whose transaction read the session still open while the
        chair closed it does not land after the tally: it fails to
        serialise, and run again it is refused (the session is closed)."""
        member = self.ids["users"][1]
        with self.registry.cursor() as vote_cr:
            env = api.Environment(vote_cr, member, {})
            proposal = env["tdkt.award.proposal"].browse(self.ids["proposal"])
            # The vote's snapshot: the session is open.
            self.assertEqual(proposal.council_session_id.state, "open")
            with self.registry.cursor() as close_cr:
                self._close(close_cr)
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                proposal._tdkt_vote("agree")
            vote_cr.rollback()
            with self.assertRaisesRegex(UserError, "votes are cast while it is open"):
                env["tdkt.award.proposal"].browse(self.ids["proposal"])._tdkt_vote(
                    "agree"
                )
        self.assertEqual(self._ballots(), {})

    def test_closing_that_missed_a_vote_is_run_again_and_counts_it(self):
        """A vote committed after the closing's snapshot makes the closing
        fail to serialise; run again, its tally counts that vote."""
        chair, member = self.ids["users"]
        with self.registry.cursor() as cr:
            api.Environment(cr, chair, {})["tdkt.award.proposal"].browse(
                self.ids["proposal"]
            )._tdkt_vote("agree")
        with self.registry.cursor() as close_cr:
            session = api.Environment(close_cr, chair, {})[
                "tdkt.council.session"
            ].browse(self.ids["session"])
            # The closing's snapshot: the chair's ballot only.
            self.assertEqual(session.state, "open")
            close_cr.execute(SQL("SELECT count(*) FROM tdkt_council_ballot"))
            with self.registry.cursor() as vote_cr:
                api.Environment(vote_cr, member, {})["tdkt.award.proposal"].browse(
                    self.ids["proposal"]
                )._tdkt_vote("agree")
            with self.assertRaises(psycopg2.errors.SerializationFailure):
                session.action_close()
            close_cr.rollback()
            close_env = api.Environment(close_cr, chair, {})
            retrying(
                lambda: (
                    close_env["tdkt.council.session"]
                    .browse(self.ids["session"])
                    .action_close()
                ),
                close_env,
            )
        self.assertEqual(self._ballots(), {chair: "agree", member: "agree"})
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT s.state, p.vote_agree FROM tdkt_council_session s"
                    " JOIN tdkt_award_proposal p ON p.council_session_id = s.id"
                    " WHERE s.id = %s",
                    self.ids["session"],
                )
            )
            self.assertEqual(cr.fetchall(), [("closed", 2)])
