from freezegun import freeze_time

from odoo.tests import tagged

from .proposal_common import TdktProposalCommon

# The hints of units: the user and the units, the history kept and the
# proposals, the departments, their members and their titles, the rules and
# the titles' names.
UNIT_HINT_BUDGET = 16


@tagged("post_install", "-at_install")
@freeze_time("2025-03-01")
class TestNextEligible(TdktProposalCommon):
    def test_next_eligible_from_the_history(self):
        self.history(self.staff_employee, self.cstdcs, 2024)
        self.history(self.head_employee, self.cstdcs, 2023, 2024, 2025)
        staff = self.staff_employee.with_user(self.office).tdkt_next_eligible
        self.assertIn(
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh 2026: needs Chiến sĩ thi đua "
            "cơ sở in 2025, 2026.",
            staff,
        )
        self.assertIn(
            "(Bằng khen của Chủ tịch UBND tỉnh) - cá nhân 2026: needs Chiến sĩ thi "
            "đua cơ sở in 2025, 2026.",
            staff,
        )
        head = self.head_employee.with_user(self.office).tdkt_next_eligible
        self.assertIn(
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh 2026: can be proposed (Chiến sĩ "
            "thi đua cơ sở in 2023, 2024, 2025).",
            head,
        )

    def test_next_eligible_of_a_unit(self):
        # The Office's unit: TTLĐXS in 2024 and 2025; its members in 2025: one
        # CSTĐCS (also LĐTT) and one LĐTT.
        self.history(None, self.ttldxs, 2024, 2025, unit=self.unit_office)
        self.history(self.head_employee, self.ldtt, 2025)
        self.history(self.head_employee, self.cstdcs, 2025)
        self.history(self.staff_employee, self.ldtt, 2025)
        people = len(self.unit_office.department_ids.member_ids)
        hint = self.unit_office.with_user(self.staff).next_eligible
        self.assertInOrder(
            hint,
            [
                (
                    "Tập thể lao động tiên tiến 2026: needs the rating of the year "
                    "(completed well or better) and more than 50% of its members with "
                    "Lao động tiên tiến; in 2025, 2 of "
                    f"{people} members held or were proposed for Lao động tiên tiến "
                    "and 1 for Chiến sĩ thi đua cơ sở."
                ),
                (
                    "Tập thể lao động xuất sắc 2026: needs the rating of the year "
                    "(completed excellently), at least 70% of its members"
                ),
                "Giấy khen",
                (
                    "2026: needs the rating of the year (completed well or better) and "
                    "achievements in the movement."
                ),
                (
                    "2026: can be proposed (completed excellently, Tập thể lao động "
                    "xuất sắc in 2024, 2025)."
                ),
                (
                    "2026: only for the collective leading its emulation cluster or "
                    "block (Law 2022, art. 26)."
                ),
            ],
        )
        # The division: no history, no member with a title.
        division = self.unit_div1.with_user(self.office).next_eligible
        self.assertIn("in 2025, 0 of", division)
        self.assertIn(
            "needs two consecutive years completed excellently (Tập thể lao động "
            "xuất sắc in 2025, 2026).",
            division,
        )
        # A member agency: its members are not people of this agency.
        agency = self.env["tdkt.unit"].create(
            {"name": "Thanh tra Sở Thử nghiệm", "unit_type": "agency"}
        )
        self.assertIn("its members' titles are not kept here", agency.next_eligible)
        # Other kinds of units get no hint.
        council = self.env["tdkt.unit"].create(
            {"name": "Hội đồng TĐKT", "unit_type": "council"}
        )
        self.assertFalse(council.next_eligible)

    def test_next_eligible_of_units_query_budget(self):
        """The same number of queries for one unit as for twenty."""
        departments = self.env["hr.department"].create(
            [{"name": f"Phòng {i}", "company_id": self.company.id} for i in range(20)]
        )
        self.env["hr.employee"].create(
            [
                {
                    "name": f"Cán bộ {i}",
                    "department_id": d.id,
                    "company_id": self.company.id,
                }
                for i, d in enumerate(departments)
            ]
        )
        units = self.env["tdkt.unit"].create(
            [
                {
                    "name": f"Đơn vị {i}",
                    "company_id": self.company.id,
                    "unit_type": "department",
                    "department_ids": [(6, 0, d.ids)],
                }
                for i, d in enumerate(departments)
            ]
        )
        self.history(None, self.ttldxs, 2024, 2025, unit=units[0])
        counts = []
        # Warm-up (the access rules' caches), then one unit and twenty.
        for batch in (units[5:6], units[:1], units):
            batch = batch.with_user(self.office)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            batch.mapped("next_eligible")
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2])
        self.assertLessEqual(counts[2], UNIT_HINT_BUDGET)
