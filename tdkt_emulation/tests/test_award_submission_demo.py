from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAwardSubmissionDemo(TransactionCase):
    """The demo's 2024 submission upward, issued and answered by the
    province's decision: its proposals are in the award history."""

    def test_demo_submission_decided(self):
        submission = self.env.ref("tdkt_emulation.tdkt_award_submission_2024_demo")
        self.assertEqual(submission.state, "decided")
        self.assertEqual(submission.symbol, "TTr-TTr")
        self.assertEqual(str(submission.issue_date), "2025-01-08")
        self.assertEqual(
            (submission.collective_count, submission.individual_count), (1, 2)
        )
        proposals = submission.line_ids.proposal_id
        self.assertEqual(set(proposals.mapped("state")), {"conferred"})
        records = self.env["tdkt.award.record"].search(
            [("proposal_id", "in", proposals.ids)]
        )
        self.assertEqual(len(records), 3)
        self.assertEqual(set(records.mapped("issuer_level")), {"higher"})
        self.assertEqual(set(records.mapped("decision_number")), {"120/QĐ-UBND"})
