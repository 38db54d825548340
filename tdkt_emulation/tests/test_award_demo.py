from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAwardDemo(TransactionCase):
    """The demo's history and 2024 proposals: eligible ones, failing ones
    with their article, each dossier judged by the rules of its date."""

    def check(self, xmlid, code):
        proposal = self.env.ref(f"tdkt_emulation.{xmlid}")
        return proposal.check_ids.filtered(lambda c: c.code == code)

    def test_history_gives_the_streak(self):
        streak = self.check(
            "tdkt_award_proposal_office_cstd_tinh_demo", "CSTD_TINH_STREAK"
        )
        self.assertEqual(streak.status, "pass")
        self.assertIn("Điều 22", streak.basis)
        self.assertEqual(
            self.env.ref(
                "tdkt_emulation.tdkt_award_proposal_office_cstd_tinh_demo"
            ).eligibility,
            "pass",
        )

    def test_failing_proposals_show_their_article(self):
        discipline = self.check(
            "tdkt_award_proposal_staff_ldtt_demo", "EXCL_DISCIPLINE"
        )
        self.assertEqual(discipline.status, "fail")
        self.assertIn("Điều 4", discipline.basis)
        merit = self.check(
            "tdkt_award_proposal_division2_staff_cstdcs_demo", "CSTDCS_MERIT"
        )
        self.assertEqual(merit.status, "fail")
        self.assertIn("Điều 23", merit.basis)

    def test_submitted_dossier_follows_the_rules_of_its_date(self):
        dossier = self.env.ref("tdkt_emulation.tdkt_award_dossier_division2_2024_demo")
        self.assertEqual(str(dossier.submitted_date), "2024-12-05")
        discipline = self.check(
            "tdkt_award_proposal_division2_head_ldtt_demo", "EXCL_DISCIPLINE"
        )
        self.assertIn("Nghị định 98/2023/NĐ-CP", discipline.basis)
        recruited = self.check(
            "tdkt_award_proposal_division2_head_ldtt_demo", "EXCL_LDTT_RECRUITED"
        )
        self.assertEqual(recruited.status, "pass")

    def test_next_eligible_on_real_data(self):
        employee = self.env.ref("tdkt_emulation.hr_employee_office_demo")
        self.assertIn(
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", employee.tdkt_next_eligible
        )
