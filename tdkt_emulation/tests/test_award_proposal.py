from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .proposal_common import TdktProposalCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestAwardProposal(TdktProposalCommon):
    def good_ldtt(self, dossier, employee, user=None):
        return self.propose(
            dossier,
            self.ldtt,
            employee,
            user=user,
            performance_rating="htt",
            start_date=date(2020, 1, 1),
        )

    def override(self, proposal, user, reason):
        action = proposal.with_user(user).action_override()
        return self.with_reason(user, action, reason)

    # --- lifecycle ------------------------------------------------------------------
    def test_unit_proposes_office_sends_to_council_chief_forwards(self):
        dossier = self.dossier()
        ldtt = self.good_ldtt(dossier, self.staff_employee)
        self.history(self.head_employee, self.cstdcs, 2022, 2023)
        self.history(self.head_employee, self.ldtt, 2024)
        self.propose(
            dossier, self.cstdcs, self.head_employee, performance_rating="htxs"
        )
        province = self.propose(
            dossier,
            self.cstd_tinh,
            self.head_employee,
            performance_rating="htxs",
            innovation_kind="research",
            innovation_reference="QĐ 7/QĐ-UBND",
            innovation_scope="ministry_province",
        )
        self.assertEqual(province.eligibility, "pass")
        dossier.with_user(self.head).action_submit()
        self.assertEqual(dossier.state, "submitted")
        self.assertEqual(dossier.submitted_date, date(2024, 12, 10))
        self.assertEqual(set(dossier.proposal_ids.mapped("state")), {"submitted"})
        dossier.with_user(self.office).action_send_council()
        self.assertEqual(set(dossier.proposal_ids.mapped("state")), {"council"})
        ldtt.with_user(self.office).action_approve()
        province.with_user(self.office).action_approve()
        # Beyond the authority, the proposal goes upward only with the
        # submission the Chief issues (test_award_submission): no one
        # forwards it by hand.
        self.assertNotIn("forward", province.with_user(self.chief).allowed_actions)
        for proposal in (ldtt, province):
            with self.assertRaisesRegex(UserError, "only from the document"):
                proposal.with_user(self.chief).write({"state": "forwarded"})
        self.assertEqual(province.state, "approved")

    def test_failing_proposal_goes_on_only_with_the_chiefs_override(self):
        dossier = self.dossier()
        failing = self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        self.assertEqual(failing.eligibility, "fail")
        with self.assertRaisesRegex(UserError, "Điều 23") as error:
            dossier.with_user(self.head).action_submit()
        self.assertIn("Chief's override", str(error.exception))
        self.assertEqual(dossier.state, "draft")
        # Not the Office, not the unit, not without a reason, not by write().
        for user in (self.office, self.head):
            with self.assertRaises(AccessError):
                failing.with_user(user).action_override()
        action = failing.with_user(self.chief).action_override()
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        self.assertFalse(failing.is_overridden)
        with self.assertRaises(AccessError):
            failing.with_user(self.chief).write({"override_reason": "x"})
        with self.assertRaises(UserError):
            self.override(failing, self.chief, "   ")
        self.override(failing, self.chief, "Thành tích đột xuất được Hội đồng ghi nhận")
        self.assertTrue(failing.is_overridden)
        self.assertEqual(failing.override_user_id, self.chief)
        self.assertIn(
            "Thành tích đột xuất được Hội đồng ghi nhận",
            failing.message_ids[0].body,
        )
        dossier.with_user(self.head).action_submit()
        dossier.with_user(self.office).action_send_council()
        self.assertEqual(failing.state, "council")

    def test_needs_data_stops_the_council_not_the_submission(self):
        dossier = self.dossier()
        unknown = self.propose(dossier, self.ldtt, self.staff_employee)
        self.assertEqual(unknown.eligibility, "needs_data")
        dossier.with_user(self.head).action_submit()
        with self.assertRaisesRegex(UserError, "Give the rating"):
            dossier.with_user(self.office).action_send_council()
        self.assertEqual(dossier.state, "submitted")

    def test_return_needs_a_reason_and_reopens_the_proposals(self):
        dossier = self.dossier()
        proposal = self.good_ldtt(dossier, self.staff_employee)
        dossier.with_user(self.head).action_submit()
        action = dossier.with_user(self.office).action_return()
        self.with_reason(self.office, action, "Thiếu báo cáo thành tích")
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(proposal.state, "returned")
        proposal.with_user(self.head).write({"achievement_summary": "Báo cáo bổ sung"})
        dossier.with_user(self.head).action_submit()
        self.assertEqual(proposal.state, "submitted")

    def test_reject_needs_a_reason(self):
        dossier = self.dossier()
        proposal = self.good_ldtt(dossier, self.staff_employee)
        dossier.with_user(self.head).action_submit()
        dossier.with_user(self.office).action_send_council()
        with self.assertRaisesRegex(UserError, "needs a reason"):
            proposal.with_user(self.office).write({"state": "rejected"})
        action = proposal.with_user(self.office).action_reject()
        self.with_reason(self.office, action, "Không đủ phiếu")
        self.assertEqual(proposal.state, "rejected")

    # --- bad input ------------------------------------------------------------------
    def test_nominee_of_another_agency(self):
        stranger = self.env["hr.employee"].create(
            {"name": "Người Cơ Quan Khác", "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "not a person of"):
            self.propose(self.dossier(), self.ldtt, stranger)

    def test_person_of_another_department(self):
        with self.assertRaisesRegex(ValidationError, "does not work in"):
            self.propose(self.dossier(), self.ldtt, self.staff_div_employee)

    def test_title_for_the_wrong_subject(self):
        dossier = self.dossier()
        with self.assertRaisesRegex(ValidationError, "is for collectives"):
            self.propose(dossier, self.ttldtt, self.staff_employee)
        with self.assertRaisesRegex(ValidationError, "Choose the employee"):
            self.propose(dossier, self.ldtt)

    def test_same_nominee_and_title_twice_a_year(self):
        self.good_ldtt(self.dossier(), self.staff_employee)
        other = self.dossier(unit=self.unit_office, user=self.office)
        with self.assertRaisesRegex(ValidationError, "already proposed"):
            self.good_ldtt(other, self.staff_employee, user=self.office)

    def test_submitted_proposal_cannot_be_edited(self):
        dossier = self.dossier()
        proposal = self.good_ldtt(dossier, self.staff_employee)
        dossier.with_user(self.head).action_submit()
        for user in (self.head, self.office):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                proposal.with_user(user).write({"performance_rating": "htxs"})
        with self.assertRaises(UserError):
            self.good_ldtt(dossier, self.head_employee)
        with self.assertRaises(AccessError):
            proposal.with_user(self.head).write({"eligibility": "pass"})
        with self.assertRaisesRegex(UserError, "has been submitted"):
            dossier.with_user(self.head).unlink()
        with self.assertRaises(UserError):
            proposal.with_user(self.head).unlink()

    def test_state_cannot_be_written_past_the_table(self):
        dossier = self.dossier()
        proposal = self.good_ldtt(dossier, self.staff_employee)
        with self.assertRaises(UserError):
            proposal.with_user(self.head).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "moves with its dossier"):
            proposal.with_user(self.head).write({"state": "submitted"})
        created = (
            self.env["tdkt.award.proposal"]
            .with_user(self.head)
            .create(
                {
                    "dossier_id": dossier.id,
                    "award_type_id": self.ldtt.id,
                    "employee_id": self.head_employee.id,
                    "state": "approved",
                    "eligibility": "pass",
                    "override_reason": "tự cho phép",
                }
            )
        )
        self.assertEqual(created.state, "draft")
        self.assertFalse(created.is_overridden)

    # --- roles ------------------------------------------------------------------------
    def test_staff_calling_the_methods_directly(self):
        dossier = self.dossier()
        proposal = self.good_ldtt(dossier, self.staff_employee)
        staff = self.staff_division  # neither head nor named for the unit
        with self.assertRaises(AccessError):
            self.dossier(user=staff)
        with self.assertRaises(AccessError):
            dossier.with_user(staff).action_submit()
        with self.assertRaises(AccessError):
            self.good_ldtt(dossier, self.head_employee, user=staff)
        with self.assertRaises(AccessError):
            proposal.with_user(staff).write({"performance_rating": "htxs"})
        with self.assertRaises(AccessError):
            proposal.with_user(staff)._tdkt_do("override", reason="x")
        dossier.with_user(self.head).action_submit()
        for user in (staff, self.head, self.council):
            with self.assertRaises(AccessError):
                dossier.with_user(user).action_send_council()
        dossier.with_user(self.office).action_send_council()
        for user in (staff, self.head, self.council):
            with self.assertRaises(AccessError):
                proposal.with_user(user).action_approve()

    def test_who_reads_what(self):
        dossier = self.dossier()
        own = self.good_ldtt(dossier, self.staff_employee)
        self.good_ldtt(dossier, self.head_employee)
        Proposal = self.env["tdkt.award.proposal"]
        # Staff read their own proposal and its checks, nothing else.
        self.assertEqual(Proposal.with_user(self.staff).search([]), own)
        self.assertTrue(own.with_user(self.staff).check_ids)
        self.assertFalse(Proposal.with_user(self.staff_division).search([]))
        # The unit's head, the Office and the council read the unit's.
        for user in (self.head, self.office, self.council):
            self.assertEqual(Proposal.with_user(user).search_count([]), 2)
        with self.assertRaises(AccessError):
            own.with_user(self.council).write({"achievement_summary": "x"})

    def test_registrar_named_by_the_office_proposes(self):
        self.unit_office.registrar_user_ids = self.staff
        dossier = self.dossier(user=self.staff)
        self.good_ldtt(dossier, self.head_employee, user=self.staff)
        dossier.with_user(self.staff).action_submit()
        self.assertEqual(dossier.state, "submitted")

    # --- from a registration ----------------------------------------------------------
    def test_propose_in_one_click_from_an_accepted_registration(self):
        with freeze_time("2024-02-01"):
            registration = self.register()
            registration.with_user(self.head).action_submit()
            with self.assertRaisesRegex(UserError, "not accepted"):
                registration.with_user(self.head).action_create_proposals()
            registration.with_user(self.office).action_accept()
        line = registration.line_ids[0]
        action = line.with_user(self.head).action_create_proposal()
        dossier = self.env["tdkt.award.dossier"].browse(action["res_id"])
        self.assertEqual(dossier.proposal_ids.registration_line_id, line)
        registration.with_user(self.head).action_create_proposals()
        registration.with_user(self.head).action_create_proposals()
        self.assertEqual(
            sorted(
                dossier.proposal_ids.mapped(
                    lambda p: (p.nominee_name, p.award_type_id.code)
                )
            ),
            sorted(
                [
                    (self.unit_office.name, "TTLDTT"),
                    (self.staff_employee.name, "LDTT"),
                    (self.staff_employee.name, "CSTDCS"),
                    (self.head_employee.name, "LDTT"),
                ]
            ),
        )
        self.assertEqual(
            dossier.proposal_ids.filtered(lambda p: p.award_type_id == self.cstdcs)
            .check_ids.filtered(lambda c: c.code == "REG_CSTDCS_WITH_LDTT")
            .status,
            "pass",
        )
