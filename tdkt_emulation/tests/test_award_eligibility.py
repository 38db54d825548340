"""One test per eligibility rule, naming its article and period (R1: Decree
98/2023, dossiers submitted until 30/06/2025; R2: Decree 152/2025)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .proposal_common import TdktProposalCommon


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestEligibility(TdktProposalCommon):
    def test_ldtt_rating_law_art24(self):
        dossier = self.dossier()
        good = self.propose(
            dossier, self.ldtt, self.staff_employee, performance_rating="htt"
        )
        status, basis, _ = self.check(good, "LDTT_RATING")
        self.assertEqual(status, "pass")
        self.assertIn(
            "khoản 1 Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15", basis
        )
        weak = self.propose(
            dossier, self.ldtt, self.head_employee, performance_rating="ht"
        )
        self.assertEqual(self.check(weak, "LDTT_RATING")[0], "fail")
        self.assertEqual(weak.eligibility, "fail")
        unknown = self.propose(dossier, self.ldtt, self.office_employee)
        self.assertEqual(self.check(unknown, "LDTT_RATING")[0], "needs_data")
        self.assertEqual(unknown.eligibility, "needs_data")

    def test_ldtt_recruited_under_six_months_r1_circular_01_2024(self):
        dossier = self.dossier()
        late = self.propose(
            dossier,
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            start_date=date(2024, 7, 15),
        )
        status, basis, detail = self.check(late, "EXCL_LDTT_RECRUITED")
        self.assertEqual(status, "fail")
        self.assertIn("Điều 1 Thông tư 01/2024/TT-BNV", basis)
        self.assertIn("15/04/2024", basis)
        self.assertIn("15/07/2024", detail)
        early = self.propose(
            dossier,
            self.ldtt,
            self.head_employee,
            performance_rating="htt",
            start_date=date(2024, 6, 30),
        )
        self.assertEqual(self.check(early, "EXCL_LDTT_RECRUITED")[0], "pass")
        self.assertEqual(early.eligibility, "pass")

    def test_ldtt_recruited_rule_not_in_force_r2(self):
        with freeze_time("2025-12-10"):
            dossier = self.dossier(year=2025)
            late = self.propose(
                dossier,
                self.ldtt,
                self.staff_employee,
                performance_rating="htt",
                start_date=date(2025, 9, 1),
            )
        self.assertNotIn("EXCL_LDTT_RECRUITED", late.check_ids.mapped("code"))
        self.assertEqual(late.eligibility, "pass")

    def test_discipline_and_investigation_r1_decree_98(self):
        dossier = self.dossier()
        probed = self.propose(
            dossier,
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            under_investigation=True,
        )
        status, basis, _ = self.check(probed, "EXCL_DISCIPLINE")
        self.assertEqual(status, "fail")
        self.assertIn("khoản 4 Điều 4 Nghị định 98/2023/NĐ-CP", basis)
        punished = self.propose(
            dossier,
            self.ldtt,
            self.head_employee,
            performance_rating="htt",
            discipline="reprimand",
            discipline_date=date(2024, 5, 2),
        )
        self.assertEqual(self.check(punished, "EXCL_DISCIPLINE")[0], "fail")
        old = self.propose(
            dossier,
            self.ldtt,
            self.office_employee,
            performance_rating="htt",
            discipline="reprimand",
            discipline_date=date(2022, 5, 2),
        )
        self.assertEqual(self.check(old, "EXCL_DISCIPLINE")[0], "pass")

    def test_discipline_r2_decree_152(self):
        with freeze_time("2025-12-10"):
            dossier = self.dossier(year=2025)
            probed = self.propose(
                dossier,
                self.ldtt,
                self.staff_employee,
                performance_rating="htt",
                under_investigation=True,
            )
        status, basis, _ = self.check(probed, "EXCL_DISCIPLINE")
        self.assertEqual(status, "fail")
        self.assertIn("Nghị định 152/2025/NĐ-CP", basis)

    def test_dossier_submitted_before_july_2025_follows_decree_98(self):
        """A 2025 dossier submitted on 20/06/2025 is judged by R1 rules."""
        with freeze_time("2025-06-20"):
            dossier = self.dossier(year=2025)
            probed = self.propose(
                dossier,
                self.ldtt,
                self.staff_employee,
                performance_rating="htt",
                under_investigation=True,
            )
        self.assertIn(
            "Nghị định 98/2023/NĐ-CP", self.check(probed, "EXCL_DISCIPLINE")[1]
        )

    def test_maternity_leave_counted_r1_and_r2(self):
        dossier = self.dossier()
        mother = self.propose(
            dossier,
            self.ldtt,
            self.staff_employee,
            performance_rating="htt",
            maternity_leave=True,
            start_date=date(2020, 1, 1),
        )
        status, basis, _ = self.check(mother, "COUNT_MATERNITY")
        self.assertEqual(status, "info")
        self.assertIn("khoản 5 Điều 4 Nghị định 98/2023/NĐ-CP", basis)
        self.assertEqual(mother.eligibility, "pass")
        with freeze_time("2025-12-10"):
            later = self.propose(
                self.dossier(year=2025),
                self.ldtt,
                self.staff_employee,
                performance_rating="htt",
                maternity_leave=True,
            )
        self.assertIn(
            "Nghị định 152/2025/NĐ-CP", self.check(later, "COUNT_MATERNITY")[1]
        )

    def test_cstdcs_needs_ldtt_of_the_same_year_law_art23(self):
        dossier = self.dossier()
        alone = self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        status, basis, _ = self.check(alone, "REG_CSTDCS_WITH_LDTT")
        self.assertEqual(status, "fail")
        self.assertIn("Điều 23 Luật Thi đua, khen thưởng", basis)
        self.propose(dossier, self.ldtt, self.staff_employee, performance_rating="htxs")
        alone.action_check_eligibility()
        self.assertEqual(self.check(alone, "REG_CSTDCS_WITH_LDTT")[0], "pass")
        # An LĐTT kept in the history counts as well.
        self.history(self.head_employee, self.ldtt, 2024)
        kept = self.propose(
            dossier, self.cstdcs, self.head_employee, performance_rating="htxs"
        )
        self.assertEqual(self.check(kept, "REG_CSTDCS_WITH_LDTT")[0], "pass")

    def test_cstdcs_initiative_not_mandatory_law_art23(self):
        dossier = self.dossier()
        self.history(self.staff_employee, self.ldtt, 2024)
        self.history(self.head_employee, self.ldtt, 2024)
        self.history(self.office_employee, self.ldtt, 2024)
        excellent = self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        self.assertEqual(self.check(excellent, "CSTDCS_MERIT")[0], "pass")
        self.assertEqual(excellent.eligibility, "pass")
        inventive = self.propose(
            dossier,
            self.cstdcs,
            self.head_employee,
            performance_rating="htt",
            innovation_kind="initiative",
            innovation_reference="QĐ 15/QĐ-TTr ngày 10/11/2024",
        )
        self.assertEqual(self.check(inventive, "CSTDCS_MERIT")[0], "pass")
        plain = self.propose(
            dossier, self.cstdcs, self.office_employee, performance_rating="htt"
        )
        status, basis, _ = self.check(plain, "CSTDCS_MERIT")
        self.assertEqual(status, "fail")
        self.assertIn("Điều 23", basis)

    def test_cstd_province_three_consecutive_cstdcs_law_art22(self):
        self.history(self.staff_employee, self.cstdcs, 2022, 2023)
        dossier = self.dossier()
        self.propose(dossier, self.ldtt, self.staff_employee, performance_rating="htxs")
        self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        fighter = self.propose(
            dossier,
            self.cstd_tinh,
            self.staff_employee,
            performance_rating="htxs",
            innovation_kind="initiative",
            innovation_reference="QĐ 90/QĐ-UBND",
            innovation_scope="ministry_province",
        )
        status, basis, detail = self.check(fighter, "CSTD_TINH_STREAK")
        self.assertEqual(status, "pass")
        self.assertIn("Điều 22 Luật Thi đua, khen thưởng", basis)
        self.assertIn("2022, 2023, 2024", detail)
        self.assertEqual(self.check(fighter, "CSTD_TINH_SCOPE")[0], "pass")
        # A gap in the run fails, naming the missing year.
        self.history(self.head_employee, self.cstdcs, 2022, 2024)
        gap = self.propose(
            dossier,
            self.cstd_tinh,
            self.head_employee,
            performance_rating="htxs",
            innovation_kind="initiative",
            innovation_reference="QĐ 1",
            innovation_scope="unit",
        )
        status, _basis, detail = self.check(gap, "CSTD_TINH_STREAK")
        self.assertEqual(status, "fail")
        self.assertIn("missing: 2023", detail)
        self.assertEqual(self.check(gap, "CSTD_TINH_SCOPE")[0], "fail")
        self.assertEqual(gap.eligibility, "fail")

    def test_bang_khen_two_consecutive_cstdcs_law_art74(self):
        self.history(self.staff_employee, self.cstdcs, 2023, 2024)
        dossier = self.dossier()
        streak = self.propose(dossier, self.bang_khen_cn, self.staff_employee)
        status, basis, _ = self.check(streak, "BANG_KHEN_STREAK")
        self.assertEqual(status, "pass")
        self.assertIn("khoản 1 điểm d Điều 74", basis)
        none = self.propose(dossier, self.bang_khen_cn, self.head_employee)
        self.assertEqual(self.check(none, "BANG_KHEN_STREAK")[0], "needs_data")

    def test_giay_khen_rating_law_art75(self):
        dossier = self.dossier()
        weak = self.propose(
            dossier, self.giay_khen_cn, self.staff_employee, performance_rating="ht"
        )
        status, basis, _ = self.check(weak, "GIAY_KHEN_RATING")
        self.assertEqual(status, "fail")
        self.assertIn("khoản 2 Điều 75", basis)
        good = self.propose(
            dossier, self.giay_khen_cn, self.head_employee, performance_rating="htt"
        )
        self.assertEqual(self.check(good, "GIAY_KHEN_RATING")[0], "pass")

    def test_ttldtt_share_of_ldtt_law_art28(self):
        dossier = self.dossier()
        # The Office's department: t_staff, t_office and its head.
        self.propose(dossier, self.ldtt, self.staff_employee, performance_rating="htt")
        unit = self.propose(dossier, self.ttldtt, performance_rating="htt")
        status, basis, detail = self.check(unit, "TTLDTT_CRITERIA")
        self.assertEqual(status, "fail")
        self.assertIn("Điều 28", basis)
        self.assertIn("1 of 3", detail)
        self.propose(dossier, self.ldtt, self.head_employee, performance_rating="htt")
        unit.action_check_eligibility()
        self.assertEqual(self.check(unit, "TTLDTT_CRITERIA")[0], "pass")
        unit.write({"discipline": "warning"})
        self.assertEqual(self.check(unit, "TTLDTT_CRITERIA")[0], "fail")

    def test_ttldxs_law_art27(self):
        dossier = self.dossier()
        for employee in (self.staff_employee, self.head_employee, self.office_employee):
            self.propose(dossier, self.ldtt, employee, performance_rating="htxs")
        unit = self.propose(dossier, self.ttldxs, performance_rating="htxs")
        status, basis, detail = self.check(unit, "TTLDXS_CRITERIA")
        self.assertEqual(status, "fail")
        self.assertIn("khoản 1 Điều 27", basis)
        self.assertIn("Chiến sĩ thi đua cơ sở", detail)
        self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        unit.action_check_eligibility()
        self.assertEqual(self.check(unit, "TTLDXS_CRITERIA")[0], "pass")

    def test_authority_of_the_head_law_art80(self):
        dossier = self.dossier()
        ldtt = self.propose(
            dossier, self.ldtt, self.staff_employee, performance_rating="htt"
        )
        status, basis, detail = self.check(ldtt, "AUTHORITY_HEAD")
        self.assertEqual(status, "info")
        self.assertIn("Điều 80", basis)
        self.assertIn("head of the agency confers", detail)
        province = self.propose(dossier, self.cstd_tinh, self.staff_employee)
        self.assertIn("forwards it upward", self.check(province, "AUTHORITY_HEAD")[2])

    def test_ratio_cap_is_configuration_with_its_basis(self):
        self.env["tdkt.legal.rule"].create(
            {
                "code": "RATIO_CSTDCS_AGENCY",
                "name": "Chiến sĩ thi đua cơ sở không quá 1/3 số cán bộ của đơn vị",
                "kind": "ratio_cap",
                "is_agency_config": True,
                "award_type_ids": [(6, 0, self.cstdcs.ids)],
                "valid_from": date(2024, 1, 1),
                "value": 0.34,
                "confidence": "C",
            }
        )
        dossier = self.dossier()
        first = self.propose(
            dossier, self.cstdcs, self.staff_employee, performance_rating="htxs"
        )
        self.assertEqual(self.check(first, "RATIO_CSTDCS_AGENCY")[0], "pass")
        second = self.propose(
            dossier, self.cstdcs, self.head_employee, performance_rating="htxs"
        )
        status, basis, detail = self.check(second, "RATIO_CSTDCS_AGENCY")
        self.assertEqual(status, "fail")
        self.assertIn("Agency configuration", basis)
        self.assertIn("2 proposed in the unit for at most 1", detail)
