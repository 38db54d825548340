from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAwardDecisionDemo(TransactionCase):
    """The demo agency's 2024 decision, issued by its Chief."""

    def test_issued_decision(self):
        ref = self.env.ref
        decision = ref("tdkt_emulation.tdkt_award_decision_2024_demo")
        self.assertEqual(decision.state, "issued")
        self.assertRegex(decision.document_number, r"^\d{2}/QĐ-")
        self.assertEqual(str(decision.issue_date), "2025-01-10")
        proposals = decision.line_ids.proposal_id
        self.assertEqual(set(proposals.mapped("state")), {"decided"})
        records = decision.line_ids.record_id
        self.assertEqual(len(records), 2)
        self.assertEqual(
            set(records.mapped("decision_number")), {decision.document_number}
        )
        self.assertEqual(set(records.mapped("issuer")), {"Chánh Thanh tra"})
        # Giấy khen: 0.6 × 2.340.000 đ for the collective, rounded up; the
        # individual amount was not found in the law.
        amounts = {line.subject: line.amount for line in decision.line_ids}
        self.assertEqual(amounts, {"collective": 1410000, "individual": 0})
        self.assertTrue(all(decision.line_ids.mapped("register_number")))
        self.assertIn(
            "Nghị định số 98/2023/NĐ-CP",
            "\n".join(decision.legal_basis_ids.mapped("name")),
        )

    def test_titles_decision(self):
        """The titles the council's session approved within the Chief's
        authority, recognised by a second decision: LĐTT at 0.3 × 2.340.000
        đ, rounded up to 710.000 đ."""
        ref = self.env.ref
        decision = ref("tdkt_emulation.tdkt_award_decision_titles_2024_demo")
        self.assertEqual(decision.state, "issued")
        session = ref("tdkt_emulation.tdkt_council_session_2024_demo")
        self.assertEqual(decision.council_session_id, session)
        codes = sorted(decision.line_ids.award_type_id.mapped("code"))
        self.assertEqual(codes, ["CSTDCS", "LDTT", "TTLDTT"])
        self.assertEqual(len(decision.line_ids), 5)
        self.assertEqual(
            set(decision.line_ids.proposal_id.mapped("state")), {"decided"}
        )
        ldtt = decision.line_ids.filtered(
            lambda line: line.award_type_id.code == "LDTT"
        )
        self.assertEqual(set(ldtt.mapped("amount")), {710000})
        # Each decision took its number from the same yearly register.
        first = ref("tdkt_emulation.tdkt_award_decision_2024_demo")
        self.assertEqual(
            (first.document_number, decision.document_number),
            ("01/QĐ-TTr", "02/QĐ-TTr"),
        )
