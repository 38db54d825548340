from datetime import date

from odoo.tests import tagged

from .pdf_tools import flat, pdf_pages, render_pdf
from .proposal_common import TdktProposalCommon

REVIEW_REPORT = "tdkt_emulation.action_report_tdkt_plan_review"


@tagged("post_install", "-at_install")
class TestPlanReviewAwards(TdktProposalCommon):
    """The year-end review report counts the awards conferred for its year,
    by title and by who decided them, and prints them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.issue(cls.create_plan(year=2024))

    def setUp(self):
        super().setUp()
        self.history(self.staff_employee, self.ldtt, 2023, 2024)
        self.history(self.head_employee, self.ldtt, 2024)
        self.history(None, self.ttldtt, 2024, unit=self.unit_office)
        self.env["tdkt.award.record"].create(
            {
                "company_id": self.company.id,
                "award_type_id": self.cstd_tinh.id,
                "employee_id": self.head_employee.id,
                "year": 2024,
                "decision_number": "120/QĐ-UBND",
                "decision_date": date(2025, 3, 1),
                "issuer": "Chủ tịch UBND tỉnh",
                "issuer_level": "higher",
            }
        )
        # Another agency's awards are not this agency's results.
        self.env["tdkt.award.record"].create(
            {
                "company_id": self.other_company.id,
                "award_type_id": self.ldtt.id,
                "year": 2024,
                "unit_id": False,
                "employee_id": self.env["hr.employee"]
                .create({"name": "Người ngoài", "company_id": self.other_company.id})
                .id,
                "decision_number": "1/QĐ",
                "decision_date": date(2025, 1, 5),
            }
        )

    def review(self, period):
        return (
            self.env["tdkt.plan.review"]
            .with_user(self.office)
            .create(
                {
                    "plan_id": self.plan.id,
                    "period": period,
                    "date_reference": date(2024, 12, 31),
                }
            )
        )

    def test_year_end_awards(self):
        review = self.review("year")
        self.assertEqual(
            [
                (
                    line.award_type_id,
                    line.issuer_level,
                    line.collective_count,
                    line.individual_count,
                )
                for line in review._tdkt_print_lines("award")
            ],
            [
                (self.ldtt, "own", 0, 2),
                (self.ttldtt, "own", 1, 0),
                (self.cstd_tinh, "higher", 0, 1),
            ],
        )
        # Only the year-end review counts them.
        self.assertFalse(self.review("half_year")._tdkt_print_lines("award"))
        text = flat(" ".join(pdf_pages(render_pdf(self.env, REVIEW_REPORT, review))))
        self.assertInOrder(
            text,
            [
                "2. Kết quả đạt được",
                "3. Kết quả khen thưởng năm 2024",
                "Năm 2024, đã khen thưởng cho 1 lượt tập thể và 3 lượt cá nhân",
                "Danh hiệu, hình thức khen thưởng Cấp quyết định Tập thể Cá nhân",
                "1 Lao động tiên tiến Thủ trưởng cơ quan 0 2",
                "2 Tập thể lao động tiên tiến Thủ trưởng cơ quan 1 0",
                "3 Chiến sĩ thi đua Bộ, ban, ngành, tỉnh Cấp trên 0 1",
                "Tổng cộng 1 3",
                "II. TỒN TẠI, HẠN CHẾ",
            ],
        )

    def test_award_pivot_by_year_title_and_unit(self):
        Record = self.env["tdkt.award.record"].with_user(self.staff)
        views = Record.get_views([(False, "pivot"), (False, "graph")])["views"]
        self.assertIn('name="award_type_id"', views["pivot"]["arch"])
        self.assertIn('name="year"', views["graph"]["arch"])
        groups = Record._read_group(
            [("year", "=", 2024)],
            ["award_type_id", "department_id", "unit_id"],
            ["__count"],
        )
        self.assertIn(
            (self.ldtt, self.dep_office, self.unit_office.browse(), 1), groups
        )
        self.assertIn(
            (self.ttldtt, self.dep_office.browse(), self.unit_office, 1), groups
        )
