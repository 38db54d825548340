from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon
from .pdf_tools import flat, pdf_pages, render_pdf

REVIEW_REPORT = "tdkt_emulation.action_report_tdkt_plan_review"


@tagged("post_install", "-at_install")
class TestPlanReview(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.create_plan(year=2024, tasks_per_quarter=(3, 2, 1, 1))
        tasks = plan.task_ids.sorted(lambda t: (t.quarter, t.row_number))
        q1a, q1b, q1c, q2a, q2b, q3a, _q4a = tasks
        q1c.is_conditional = True
        q2b.lead_unit_id = cls.unit_clusters
        cls.plan = cls.issue(plan)
        q1a.write({"state": "done", "done_date": date(2024, 3, 10)})  # on time
        q1b.write({"state": "done", "done_date": date(2024, 4, 2)})  # late
        q1c.write({"state": "not_applicable", "not_applicable_reason": "Không có đợt"})
        q2a.write({"state": "in_progress"})  # overdue on 1 July, not yet due in June
        q3a.write({"state": "done", "done_date": date(2024, 8, 1)})
        cls.tasks = tasks

    def _review(self, period="half_year", day=date(2024, 7, 1), user=None):
        return (
            self.env["tdkt.plan.review"]
            .with_user(user or self.office)
            .create({"plan_id": self.plan.id, "period": period, "date_reference": day})
        )

    def _counts(self, review, section):
        return [
            (
                line.label,
                line.task_count,
                line.done_on_time_count,
                line.done_late_count,
                line.overdue_count,
                line.not_applicable_count,
                line.pending_count,
            )
            for line in review._tdkt_print_lines(section)
        ]

    def test_half_year_results(self):
        review = self._review()
        self.assertEqual(
            review.name, "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024"
        )
        self.assertEqual(
            self._counts(review, "quarter"),
            [("Quarter I", 3, 1, 1, 0, 1, 0), ("Quarter II", 2, 0, 0, 2, 0, 0)],
        )
        self.assertEqual(
            self._counts(review, "unit"),
            [
                ("Văn phòng Thanh tra tỉnh", 4, 1, 1, 1, 1, 0),
                ("Các cụm thi đua", 1, 0, 0, 1, 0, 0),
            ],
        )
        self.assertEqual(
            (
                review.task_count,
                review.done_on_time_count,
                review.done_late_count,
                review.overdue_count,
                review.not_applicable_count,
                review.pending_count,
            ),
            (5, 1, 1, 2, 1, 0),
        )
        self.assertEqual(review.recipient_ids.mapped("name"), ["Lưu: VT, TĐKT."])
        self.assertEqual(review.signer_name, "Đậu Trường An")

    def test_year_end_results_as_of_reference_date(self):
        # On 20 June: Q2 is not yet due; the Q3 task done in August is not done yet.
        review = self._review(period="year", day=date(2024, 6, 20))
        self.assertEqual(review.name, "Tổng kết công tác thi đua, khen thưởng năm 2024")
        self.assertEqual(
            [row[1:] for row in self._counts(review, "quarter")],
            [
                (3, 1, 1, 0, 1, 0),
                (2, 0, 0, 0, 0, 2),
                (1, 0, 0, 0, 0, 1),
                (1, 0, 0, 0, 0, 1),
            ],
        )
        review.date_reference = date(2025, 1, 15)
        review.action_compute_results()
        self.assertEqual(
            [row[1:] for row in self._counts(review, "quarter")],
            [
                (3, 1, 1, 0, 1, 0),
                (2, 0, 0, 2, 0, 0),
                (1, 1, 0, 0, 0, 0),
                (1, 0, 0, 1, 0, 0),
            ],
        )

    def test_one_review_per_period(self):
        self._review()
        with self.assertRaises(ValidationError):
            self._review()
        self._review(period="year")

    def test_workflow_number_and_lock(self):
        review = self._review()
        with self.assertRaises(AccessError):
            review.with_user(self.office).action_issue()
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.review"].with_user(self.staff).create(
                {"plan_id": self.plan.id}
            )
        # Staff read issued reports only.
        self.assertFalse(self.env["tdkt.plan.review"].with_user(self.staff).search([]))
        review.with_user(self.chief).action_issue()
        self.assertEqual(review.state, "issued")
        self.assertEqual(review.document_number, "01/BC-TTr")
        self.assertTrue(review.issue_date)
        self.assertEqual(
            self.env["tdkt.plan.review"].with_user(self.staff).search([]), review
        )
        with self.assertRaises(UserError):
            review.with_user(self.office).results = "<p>Sửa</p>"
        with self.assertRaises(UserError):
            review.with_user(self.office).action_compute_results()
        with self.assertRaises(AccessError):
            review.with_user(self.office).action_cancel()
        self.cancel_with_reason(review)
        review.with_user(self.office).action_reset_to_draft()
        self.assertEqual(review.state, "draft")

    def test_review_printout(self):
        review = self._review()
        review.write(
            {
                "results": "<p>Các phong trào thi đua được triển khai kịp thời.</p>",
                "shortcomings": "<p>Một số nhiệm vụ còn chậm.</p>",
                "next_direction": "<p>Tập trung hoàn thành các nhiệm vụ còn lại.</p>",
            }
        )
        pdf = render_pdf(self.env, REVIEW_REPORT, review)
        text = flat(" ".join(pdf_pages(pdf)))
        parts = [
            "DỰ THẢO",
            "UBND TỈNH THỬ NGHIỆM",
            "THANH TRA TỈNH",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: /BC-TTr",
            "BÁO CÁO",
            "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024",
            "Kế hoạch số 01/KH-TTr",
            "số liệu tính đến ngày 01/07/2024",
            "I. KẾT QUẢ THỰC HIỆN",
            (
                "Tổng số 5 nhiệm vụ; đã hoàn thành đúng hạn 1, hoàn thành chậm 1, "
                "quá hạn chưa hoàn thành 2, không thực hiện 1, chưa đến hạn 0."
            ),
            "1 Quý I 3 1 1 0 1 0",
            "2 Quý II 2 0 0 2 0 0",
            "1 Văn phòng Thanh tra tỉnh 4 1 1 1 1 0",
            "2 Các cụm thi đua 1 0 0 1 0 0",
            "c) Nhiệm vụ hoàn thành chậm:",
            "STT Nội dung Đơn vị chủ trì Thời hạn Hoàn thành Số ngày chậm",
            "1 Nhiệm vụ 2 quý 1 Văn phòng Thanh tra tỉnh 31/03/2024 02/04/2024 2",
            "2. Kết quả đạt được",
            "Các phong trào thi đua được triển khai kịp thời.",
            "II. TỒN TẠI, HẠN CHẾ",
            "Một số nhiệm vụ còn chậm.",
            "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
            "Tập trung hoàn thành các nhiệm vụ còn lại.",
            "Nơi nhận:",
            "- Lưu: VT, TĐKT.",
            "CHÁNH THANH TRA",
            "Đậu Trường An",
        ]
        self.assertInOrder(text, parts)
        review.with_user(self.chief).action_issue()
        text = flat(" ".join(pdf_pages(render_pdf(self.env, REVIEW_REPORT, review))))
        self.assertIn("Số: 01/BC-TTr", text)
        self.assertNotIn("DỰ THẢO", text)
        self.assertEqual(review._tdkt_print_filename("BC"), "BC_01-BC-TTr_2024")
