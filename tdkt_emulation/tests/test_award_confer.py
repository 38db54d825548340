from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .proposal_common import TdktProposalCommon


@tagged("post_install", "-at_install")
@freeze_time("2025-01-15")
class TestAwardConfer(TdktProposalCommon):
    """Decided and conferred proposals enter the award history; the moves are
    made only by the decision that decides them."""

    def approved(self, award, employee, **facts):
        proposal = self.propose(self.dossier(), award, employee, **facts)
        # sudo: the council's vote is another issue's journey; here the
        # proposal only needs to be approved.
        proposal.sudo().write({"state": "approved"})
        return proposal

    def test_own_decision_decides_and_records_the_award(self):
        proposal = self.approved(
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            start_date=date(2020, 1, 1),
        )
        records = proposal.with_user(self.chief)._tdkt_confer_awards(
            "25/QĐ-TTr", date(2025, 1, 10), "Chánh Thanh tra tỉnh", "own"
        )
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(
            (
                records.employee_id,
                records.award_type_id,
                records.year,
                records.decision_number,
                records.source,
                records.proposal_id,
            ),
            (
                self.staff_employee,
                self.ldtt,
                2024,
                "25/QĐ-TTr",
                "proposal",
                proposal,
            ),
        )
        # The history keeps it: not changed nor deleted by hand.
        with self.assertRaisesRegex(UserError, "through its proposal"):
            records.with_user(self.office).write({"decision_number": "1/QĐ-TTr"})
        with self.assertRaisesRegex(UserError, "stays in the history"):
            records.with_user(self.office).unlink()

    def test_beyond_the_authority_is_not_decided_here(self):
        proposal = self.approved(
            self.cstd_tinh, self.head_employee, performance_rating="htxs"
        )
        with self.assertRaisesRegex(UserError, "art. 80"):
            proposal.with_user(self.chief)._tdkt_confer_awards(
                "25/QĐ-TTr", date(2025, 1, 10), "Chánh Thanh tra tỉnh", "own"
            )
        self.assertEqual(proposal.state, "approved")
        self.assertFalse(
            self.env["tdkt.award.record"].search([("proposal_id", "=", proposal.id)])
        )

    def test_higher_level_decision_confers_a_forwarded_proposal(self):
        proposal = self.approved(
            self.cstd_tinh, self.head_employee, performance_rating="htxs"
        )
        # The issued submission upward makes this move (test_award_submission).
        proposal.with_user(self.chief)._tdkt_do("forward")
        records = proposal.with_user(self.office)._tdkt_confer_awards(
            "120/QĐ-UBND", date(2025, 3, 1), "Chủ tịch UBND tỉnh", "higher"
        )
        self.assertEqual(proposal.state, "conferred")
        self.assertEqual(records.issuer_level, "higher")

    def test_only_the_chief_decides(self):
        proposal = self.approved(
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            start_date=date(2020, 1, 1),
        )
        with self.assertRaises(AccessError):
            proposal.with_user(self.office)._tdkt_confer_awards(
                "25/QĐ-TTr", date(2025, 1, 10), "Chánh Thanh tra tỉnh", "own"
            )
        self.assertEqual(proposal.state, "approved")

    def test_no_one_writes_the_decided_status(self):
        proposal = self.approved(
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            start_date=date(2020, 1, 1),
        )
        self.assertNotIn("decide", proposal.with_user(self.chief).allowed_actions)
        for state in ("decided", "forwarded", "conferred"):
            with self.assertRaises(UserError):
                proposal.with_user(self.chief).with_context(tdkt_system=True).write(
                    {"state": state}
                )
        self.assertEqual(proposal.state, "approved")
