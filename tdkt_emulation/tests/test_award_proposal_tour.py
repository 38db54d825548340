from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAwardProposalTour(HttpCase):
    """A unit proposes and sees the failing check with its article, the
    Chief overrides it with a reason, the unit submits, the Office sends the
    dossier to the council: four browser journeys on one dossier."""

    def test_propose_override_submit_send_to_council(self):
        ref = self.env.ref
        dossier = self.env["tdkt.award.dossier"].create(
            {
                "company_id": ref("base.main_company").id,
                "year": 2024,
                "unit_id": ref("tdkt_emulation.tdkt_unit_division1_demo").id,
            }
        )
        url = f"/odoo/action-tdkt_emulation.tdkt_award_dossier_action/{dossier.id}"
        # staff2 proposes for Phòng Nghiệp vụ 1 (named by the Office).
        self.start_tour(url, "tdkt_award_unit_proposes", login="staff2")
        self.env.invalidate_all()
        proposal = dossier.proposal_ids
        self.assertEqual(
            proposal.award_type_id, ref("tdkt_emulation.tdkt_award_type_ttldtt")
        )
        self.assertEqual(proposal.eligibility, "fail")
        proposal_url = (
            f"/odoo/action-tdkt_emulation.tdkt_award_proposal_action/{proposal.id}"
        )
        self.start_tour(proposal_url, "tdkt_award_chief_overrides", login="chief")
        self.env.invalidate_all()
        self.assertTrue(proposal.is_overridden)
        self.assertIn(
            "Đơn vị có thành tích đột xuất trong năm", proposal.message_ids[0].body
        )
        self.start_tour(url, "tdkt_award_unit_submits", login="staff2")
        self.env.invalidate_all()
        self.assertEqual(dossier.state, "submitted")
        self.start_tour(url, "tdkt_award_office_sends_to_council", login="office")
        self.env.invalidate_all()
        self.assertEqual(dossier.state, "council")
        self.assertEqual(proposal.state, "council")
