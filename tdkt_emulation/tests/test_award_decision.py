from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .decision_common import TdktDecisionCommon


@tagged("post_install", "-at_install")
@freeze_time("2025-01-15")
class TestAwardDecision(TdktDecisionCommon):
    """The Office prepares the decision from the approved proposals within the
    agency's authority; the Chief issues it (the awards enter the history)
    and alone revokes it, with a reason, keeping the history."""

    def test_take_approved_within_the_authority(self):
        proposals = self.approved_set()
        draft = self.approved(
            self.ldtt,
            self.head_div_employee,
            self.dossier(unit=self.unit_div1, user=self.head_div),
            user=self.head_div,
            performance_rating="htt",
        )
        draft.sudo().write({"state": "submitted"})  # sudo: not approved, see above
        decision = self.decision()
        decision.action_take_approved()
        self.assertEqual(
            set(decision.line_ids.proposal_id.ids),
            {proposals[key].id for key in ("ldtt", "cstdcs", "ttldtt", "giay_khen")},
            "neither the proposal beyond art. 80 nor the one not approved",
        )
        line = decision.line_ids.filtered(
            lambda l: l.proposal_id == proposals["cstdcs"]
        )
        self.assertEqual(
            line.nominee_text,
            "Hoàng Văn Trưởng; Chánh Văn phòng; Văn phòng Thanh tra tỉnh",
        )
        # Once taken, they are in no other decision.
        with self.assertRaisesRegex(UserError, "no approved proposal"):
            self.decision().action_take_approved()

    def test_amounts_from_the_base_salary_of_the_decision_date(self):
        proposals = self.approved_set()
        decision = self.decision()
        decision.action_take_approved()
        amounts = {line.proposal_id.id: line.amount for line in decision.line_ids}
        # 2.340.000 đ from 01/07/2024 (Decree 73/2024), rounded up to 10.000 đ.
        self.assertEqual(amounts[proposals["ldtt"].id], 710000)  # 0.3 × 2.340.000
        self.assertEqual(amounts[proposals["cstdcs"].id], 2340000)
        self.assertEqual(amounts[proposals["ttldtt"].id], 1880000)  # 0.8 ×
        self.assertEqual(amounts[proposals["giay_khen"].id], 0, "no multiple found")
        self.assertEqual(decision.amount_total, 710000 + 2340000 + 1880000)
        # A decision dated before 01/07/2024 pays on 1.800.000 đ (Decree 24/2023).
        decision.write({"issue_date": date(2024, 6, 30)})
        self.assertEqual(
            decision.line_ids.filtered(
                lambda l: l.proposal_id == proposals["ldtt"]
            ).amount,
            540000,
        )

    def test_reward_rounding_and_missing_base_salary(self):
        Salary = self.env["tdkt.award.base.salary"]
        self.assertEqual(Salary._tdkt_reward(0.3, date(2024, 7, 1)), 710000)
        self.assertEqual(Salary._tdkt_reward(0.6, date(2024, 7, 1)), 1410000)
        self.assertEqual(Salary._tdkt_reward(1.0, date(2023, 7, 1)), 1800000)
        self.assertEqual(Salary._tdkt_reward(0.3, date(2026, 7, 1)), 760000)
        with self.assertRaisesRegex(UserError, "No base salary is set for 30/06/2023"):
            Salary._tdkt_reward(0.3, date(2023, 6, 30))
        with self.assertRaises(AccessError):
            Salary.with_user(self.staff).create(
                {"valid_from": date(2027, 1, 1), "amount": 1, "basis": "x"}
            )
        with self.assertRaises(ValidationError):
            Salary.with_user(self.office).create(
                {"valid_from": date(2027, 1, 1), "amount": -5, "basis": "x"}
            )

    def test_issue_confers_and_numbers(self):
        decision, proposals = self.issued()
        self.assertEqual(decision.state, "issued")
        self.assertEqual(decision.document_number, "01/QĐ-TTr")
        self.assertEqual(decision.issue_date, date(2025, 1, 15))
        decided = proposals["ldtt"] | proposals["cstdcs"] | proposals["ttldtt"]
        self.assertEqual(set(decided.mapped("state")), {"decided"})
        self.assertEqual(proposals["cstd_tinh"].state, "approved")
        records = decision.line_ids.record_id
        self.assertEqual(len(records), 4)
        self.assertEqual(set(records.mapped("decision_number")), {"01/QĐ-TTr"})
        self.assertEqual(set(records.mapped("issuer")), {"Chánh Thanh tra"})
        self.assertEqual(set(records.mapped("issuer_level")), {"own"})
        # The golden book numbers the awards with a certificate, in order.
        numbers = {
            line.award_type_id.code: line.register_number for line in decision.line_ids
        }
        self.assertEqual(numbers["LDTT"], 0, "LĐTT has no certificate")
        self.assertEqual(numbers["TTLDTT"], 0)
        self.assertEqual(sorted([numbers["CSTDCS"], numbers["GIAY_KHEN_CN"]]), [1, 2])
        # A second decision of the year continues the golden book.
        other = self.approved(self.giay_khen_cn, self.head_employee)
        second = self.decision()
        second.action_take_approved()
        second.with_user(self.chief).action_issue()
        self.assertEqual(second.document_number, "02/QĐ-TTr")
        self.assertEqual(second.line_ids.register_number, 3)
        self.assertEqual(other.state, "decided")

    def test_only_the_chief_issues(self):
        self.approved_set()
        decision = self.decision()
        decision.action_take_approved()
        self.assertNotIn("issue", decision.allowed_actions)
        for user in (self.office, self.council, self.staff):
            with self.assertRaises(AccessError):
                decision.with_user(user).with_context(tdkt_system=True).action_issue()
        with self.assertRaises(AccessError):
            decision.with_user(self.office).with_context(tdkt_system=True).write(
                {"state": "issued"}
            )
        self.assertEqual(decision.state, "draft")
        self.assertFalse(decision.number)
        self.assertIn("issue", decision.with_user(self.chief).allowed_actions)

    def test_bad_decisions_are_refused(self):
        proposals = self.approved_set()
        no_signer = self.decision(signer_id=False)
        no_signer.action_take_approved()
        with self.assertRaisesRegex(UserError, "has no signer"):
            no_signer.with_user(self.chief).action_issue()
        empty = self.decision()
        with self.assertRaisesRegex(UserError, "decides no award"):
            empty.with_user(self.chief).action_issue()
        Line = self.env["tdkt.award.decision.line"].with_user(self.office)
        with self.assertRaisesRegex(UserError, "already in the decision"):
            Line.create({"decision_id": empty.id, "proposal_id": proposals["ldtt"].id})
        with self.assertRaisesRegex(UserError, "art. 80"):
            Line.create(
                {"decision_id": empty.id, "proposal_id": proposals["cstd_tinh"].id}
            )
        fresh = self.propose(
            self.dossier(unit=self.unit_div1, user=self.head_div),
            self.ldtt,
            self.head_div_employee,
            user=self.head_div,
        )
        with self.assertRaisesRegex(UserError, "only proposals approved"):
            Line.create({"decision_id": empty.id, "proposal_id": fresh.id})
        self.assertFalse(empty.line_ids, "nothing half-written")
        # A proposal approved after the decision was prepared, then sent back:
        # the issue checks again.
        proposals["ldtt"].sudo().write({"state": "returned"})  # sudo: see approved()
        with self.assertRaisesRegex(UserError, "only proposals approved"):
            no_signer.write({"signer_id": self.chief_employee.id})
            no_signer.with_user(self.chief).action_issue()
        self.assertEqual(no_signer.state, "draft")
        self.assertEqual(proposals["cstdcs"].state, "approved", "nothing half-written")

    def test_an_issued_decision_is_locked(self):
        decision, _proposals = self.issued()
        for user in (self.office, self.chief):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                decision.with_user(user).write({"achievement": "Khác"})
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                decision.line_ids[0].with_user(user).write({"nominee_text": "Khác"})
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                decision.line_ids[0].with_user(user).unlink()
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                decision.with_user(user).action_take_approved()
        with self.assertRaises(AccessError):
            decision.line_ids[0].with_user(self.office).with_context(
                tdkt_system=True
            ).write({"register_number": 99})
        with self.assertRaises(UserError):
            decision.with_user(self.chief).unlink()

    def test_revoke_keeps_the_history_marked(self):
        decision, proposals = self.issued()
        records = decision.line_ids.record_id
        with self.assertRaises(AccessError):
            decision.with_user(self.office).action_revoke()
        dialog = decision.with_user(self.chief).action_revoke()
        self.assertEqual(dialog["res_model"], "tdkt.document.reason.wizard")
        self.assertEqual(decision.state, "issued", "no revocation without a reason")
        decision.with_user(self.chief)._tdkt_do("cancel", reason="Sai đối tượng")
        self.assertEqual(decision.state, "cancelled")
        self.assertEqual(len(records.exists()), 4, "the history stays")
        self.assertEqual(set(records.mapped("revoked")), {True})
        self.assertEqual(set(records.mapped("revoked_reason")), {"Sai đối tượng"})
        self.assertTrue(proposals["ldtt"].revoked)
        self.assertEqual(proposals["ldtt"].revocation_reason, "Sai đối tượng")
        self.assertEqual(proposals["ldtt"].state, "decided")
        # The eligibility engine no longer counts them.
        history = self.env["tdkt.award.eligibility"]._tdkt_load_history(
            self.staff_employee | self.head_employee,
            self.unit_office,
            2014,
            2024,
        )
        for key in (
            (("e", self.staff_employee.id), "LDTT"),
            (("e", self.head_employee.id), "CSTDCS"),
            (("u", self.unit_office.id), "TTLDTT"),
        ):
            self.assertFalse(history.get(key), key)
        # Nobody writes a revocation by hand, nor undoes it.
        with self.assertRaisesRegex(UserError, "kept by the system"):
            records[0].with_user(self.office).with_context(tdkt_system=True).write(
                {"revoked": False}
            )
        with self.assertRaises(AccessError):
            proposals["ldtt"].with_user(self.chief).write({"revoked": False})
        self.assertFalse(decision.with_user(self.office).allowed_actions)
        with self.assertRaises(UserError):
            decision.with_user(self.office).write({"state": "draft"})
        # Its certificates are no longer printed.
        with self.assertRaisesRegex(UserError, "not revoked"):
            decision.with_user(self.chief).action_print_certificates()

    def test_legal_bases_in_the_order_of_the_law(self):
        self.company.tdkt_award_regulation = (
            "Quyết định số 15/QĐ-TTr ngày 10/3/2024 của Chánh Thanh tra tỉnh ban "
            "hành Quy chế thi đua, khen thưởng"
        )
        self.env["tdkt.council"].create(
            {
                "company_id": self.company.id,
                "date_from": date(2024, 1, 1),
                "founding_decision_number": "12/QĐ-TTr",
                "founding_decision_date": date(2024, 2, 1),
                "founding_decision_issuer": "Chánh Thanh tra tỉnh",
            }
        )
        decision = self.decision()
        bases = decision.legal_basis_ids.sorted("sequence").mapped("name")
        self.assertEqual(len(bases), 6)
        self.assertInOrder(
            "\n".join(bases),
            [
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Nghị định số 98/2023/NĐ-CP",
                "Thông tư số 01/2024/TT-BNV",
                "Quyết định số 15/QĐ-TTr",
                (
                    "Quyết định số 12/QĐ-TTr ngày 01/02/2024 của Chánh Thanh tra tỉnh "
                    "về việc thành lập Hội đồng Thi đua - Khen thưởng"
                ),
                (
                    "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Thanh tra tỉnh và "
                    "Chánh Văn phòng Thanh tra tỉnh."
                ),
            ],
        )
        printed = decision._tdkt_print_legal_bases()
        self.assertEqual(len(printed), 2)
        self.assertTrue(printed[0].startswith("Căn cứ Luật Thi đua"))
        self.assertTrue(printed[1].startswith("Xét đề nghị của"))
        # After 01/07/2025 the decree of the period is Decree 152/2025.
        with freeze_time("2025-09-01"):
            later = self.decision(year=2025)
            names = "\n".join(later.legal_basis_ids.mapped("name"))
        self.assertIn("Nghị định số 152/2025/NĐ-CP", names)
        self.assertIn("Thông tư số 15/2025/TT-BNV", names)
        self.assertNotIn("98/2023", names)
        # Editable before the issue, through the legal-basis lines.
        decision.legal_basis_ids[0].with_user(self.office).write({"name": "Luật khác"})
        self.assertIn("Luật khác", decision.legal_basis_ids.mapped("name"))

    def test_rights_per_role(self):
        decision, _proposals = self.issued()
        draft = self.decision()
        # Staff and the Council never prepare a decision.
        for user in (self.staff, self.council):
            with self.assertRaises(AccessError):
                self.env["tdkt.award.decision"].with_user(user).with_context(
                    tdkt_system=True
                ).create({"company_id": self.company.id, "year": 2024})
            with self.assertRaises(AccessError):
                draft.with_user(user).write({"achievement": "x"})
            with self.assertRaises(AccessError):
                draft.with_user(user).action_take_approved()
        # The Council reads them all; staff the issued ones and their own awards.
        self.assertEqual(
            self.env["tdkt.award.decision"].with_user(self.council).search([]),
            decision | draft,
        )
        self.assertEqual(
            self.env["tdkt.award.decision"].with_user(self.staff).search([]), decision
        )
        lines = self.env["tdkt.award.decision.line"].with_user(self.staff).search([])
        self.assertEqual(
            set(lines.mapped("award_type_id.code")),
            {"LDTT", "TTLDTT"},
            "their own award and their unit's",
        )
        own = lines.filtered(lambda l: l.user_id == self.staff)
        self.assertEqual(own.record_id.employee_id, self.staff_employee)
        # Another agency's Office sees nothing of this agency's decisions.
        stranger = new_test_user(
            self.env,
            login="t_office_other",
            groups="base.group_user,tdkt_emulation.group_tdkt_office",
            company_id=self.other_company.id,
            company_ids=[(6, 0, self.other_company.ids)],
        )
        self.assertFalse(self.env["tdkt.award.decision"].with_user(stranger).search([]))
        with self.assertRaises(AccessError):
            decision.with_user(stranger).read(["name"])

    def test_certificates(self):
        decision, proposals = self.issued()
        ldtt = decision.line_ids.filtered(lambda l: l.proposal_id == proposals["ldtt"])
        with self.assertRaisesRegex(UserError, "has no certificate"):
            ldtt.with_user(self.office).action_print_certificate()
        action = decision.with_user(self.office).action_print_certificates()
        self.assertEqual(
            action["report_name"], "tdkt_emulation.report_tdkt_award_certificate"
        )
        self.assertEqual(
            set(action["context"]["active_ids"]),
            set(decision.line_ids.filtered("has_certificate").ids),
        )
        record = decision.line_ids.filtered(
            lambda l: l.proposal_id == proposals["giay_khen"]
        ).record_id
        action = record.with_user(self.office).action_print_certificate()
        self.assertEqual(
            action["report_name"], "tdkt_emulation.report_tdkt_award_certificate"
        )
        entered = self.history(self.staff_employee, self.giay_khen_cn, 2022)
        with self.assertRaisesRegex(
            UserError, "not conferred by a decision issued here"
        ):
            entered.action_print_certificate()
        with self.assertRaisesRegex(UserError, "has no certificate"):
            ldtt.record_id.with_user(self.staff).action_print_certificate()
        draft = self.decision()
        self.approved(self.giay_khen_cn, self.staff_employee)
        draft.action_take_approved()
        with self.assertRaisesRegex(UserError, "once its decision is issued"):
            draft.action_print_certificates()
