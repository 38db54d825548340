import io
from datetime import date, datetime

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TdktCommon

TASKS_XLSX = "tdkt_emulation.report_tdkt_plan_task_xlsx"
PROGRESS_XLSX = "tdkt_emulation.report_tdkt_plan_progress_xlsx"


@tagged("post_install", "-at_install")
class TestXlsxReports(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.create_plan(year=2024, tasks_per_quarter=(2, 1, 1, 1))
        q1_tasks = cls.plan.task_ids.filtered(lambda t: t.quarter == "1").sorted(
            "row_number"
        )
        q1_tasks[1].is_conditional = True
        cls.issue(cls.plan)
        q1_tasks[0].write(
            {
                "state": "done",
                "done_date": date(2024, 3, 20),
                "result_note": "<p>Đã <b>xong</b></p>",
            }
        )
        q1_tasks[1].write(
            {"state": "not_applicable", "not_applicable_reason": "Không có"}
        )
        cls.plan_2025 = cls.create_plan(year=2025, tasks_per_quarter=(1, 0, 0, 1))
        cls.plan_2025.task_ids.filtered(lambda t: t.quarter == "4").lead_unit_id = False
        cls.issue(cls.plan_2025)

    def _workbook(self, report, plans):
        content, fmt = (
            self.env["ir.actions.report"]
            .with_user(self.office)
            ._render(report, plans.ids)
        )
        self.assertEqual(fmt, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_task_table(self):
        workbook = self._workbook(TASKS_XLSX, self.plan | self.plan_2025)
        self.assertEqual(workbook.sheetnames, ["01-KH-TTr 2024", "01-KH-TTr 2025"])
        sheet = workbook["01-KH-TTr 2024"]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[0],
            (
                "Quý",
                "STT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
                "Trạng thái",
                "Ngày hoàn thành",
                "Kết quả",
            ),
        )
        self.assertEqual(len(rows), 1 + 5)
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertGreater(sheet.column_dimensions["C"].width, 30)
        self.assertEqual([row[0] for row in rows[1:]], ["I", "I", "II", "III", "IV"])
        self.assertEqual([row[1] for row in rows[1:]], [1, 2, 1, 1, 1])
        first = rows[1]
        self.assertEqual(first[2], "Nhiệm vụ 1 quý 1")
        self.assertEqual(first[3], "Văn phòng Thanh tra tỉnh")
        self.assertEqual(first[4], "Các Phòng nghiệp vụ")
        self.assertEqual(first[5], datetime(2024, 3, 31))  # a real Excel date
        self.assertEqual(sheet["F2"].number_format, "dd/mm/yyyy")
        self.assertEqual(first[6], "Hoàn thành")
        self.assertEqual(first[7], datetime(2024, 3, 20))
        self.assertEqual(first[8], "Đã xong")
        self.assertEqual(rows[2][6], "Không thực hiện")
        self.assertIsNone(rows[2][7])
        self.assertEqual(rows[3][6], "Chưa thực hiện")

    def test_progress_one_sheet_per_year(self):
        # Mid-August 2024: the second quarter's task is overdue, the third's
        # and the fourth's are not due yet.
        with freeze_time("2024-08-15 10:00:00"):
            workbook = self._workbook(PROGRESS_XLSX, self.plan | self.plan_2025)
        self.assertEqual(workbook.sheetnames, ["Năm 2024", "Năm 2025"])
        sheet = workbook["Năm 2024"]
        self.assertEqual(sheet.freeze_panes, "A2")
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[0],
            (
                "Quý",
                "Đơn vị chủ trì",
                "Tổng số",
                "Đã hoàn thành",
                "Quá hạn",
                "Không thực hiện",
            ),
        )
        # Every task is led by the Office: one row per quarter, then the total.
        self.assertEqual(
            rows[1:],
            [
                ("I", "Văn phòng Thanh tra tỉnh", 2, 1, 0, 1),
                ("II", "Văn phòng Thanh tra tỉnh", 1, 0, 1, 0),
                ("III", "Văn phòng Thanh tra tỉnh", 1, 0, 0, 0),
                ("IV", "Văn phòng Thanh tra tỉnh", 1, 0, 0, 0),
                (None, "Tổng cộng", 5, 1, 1, 1),
            ],
        )
        rows_2025 = list(workbook["Năm 2025"].iter_rows(values_only=True))
        self.assertEqual(
            [row[:3] for row in rows_2025[1:]],
            [
                ("I", "Văn phòng Thanh tra tỉnh", 1),
                ("IV", "(Chưa giao đơn vị chủ trì)", 1),
                (None, "Tổng cộng", 2),
            ],
        )

    def test_staff_cannot_export_draft_plans(self):
        draft = self.create_plan(year=2026)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.staff)._render(
                TASKS_XLSX, draft.ids
            )

    def _query_count(self, report, plans):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self._workbook(report, plans)
        return self.cr.sql_log_count - before

    def test_progress_queries_independent_of_plan_count(self):
        self._query_count(PROGRESS_XLSX, self.plan)  # warm the caches
        one = self._query_count(PROGRESS_XLSX, self.plan)
        two = self._query_count(PROGRESS_XLSX, self.plan | self.plan_2025)
        self.assertEqual(one, two)
        self.assertLessEqual(one, 12)
