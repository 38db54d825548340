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

    def test_kanban_drag_follows_the_table(self):
        ref = self.env.ref
        company = ref("base.main_company")
        unit = self.env["tdkt.unit"].create(
            {"name": "Phòng Kéo Thả", "company_id": company.id}
        )
        dossier = self.env["tdkt.award.dossier"].create(
            {"company_id": company.id, "year": 2024, "unit_id": unit.id}
        )
        proposal = self.env["tdkt.award.proposal"].create(
            {
                "dossier_id": dossier.id,
                "award_type_id": ref("tdkt_emulation.tdkt_award_type_ttldtt").id,
            }
        )
        # Submitted with its dossier (as the system: the tour is about the
        # kanban, the submission has its own tests).
        dossier.write({"state": "submitted"})
        proposal.write({"state": "submitted"})
        office = ref("tdkt_emulation.user_office_demo")
        self.assertEqual(
            proposal.with_user(office).allowed_moves,
            "council:send_council:0 returned:return:1",
        )
        # Staff may make no move from Submitted: every drop is refused.
        staff = ref("tdkt_emulation.user_staff_demo")
        self.assertFalse(proposal.with_user(staff).allowed_moves)
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_award_proposal_action",
            "tdkt_award_kanban_drag",
            login="office",
        )
        self.env.invalidate_all()
        self.assertEqual(proposal.state, "returned")
        self.assertIn(
            "Thiếu báo cáo thành tích của đơn vị",
            " ".join(proposal.message_ids.mapped("body")),
        )
