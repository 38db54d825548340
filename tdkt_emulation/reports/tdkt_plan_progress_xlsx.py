from collections import defaultdict

from odoo import models

from ..models.tdkt_official_document_mixin import roman
from .tdkt_plan_task_xlsx import _styles, _write_header

COLUMNS = [
    ("Quý", 8),
    ("Đơn vị chủ trì", 40),
    ("Tổng số", 10),
    ("Đã hoàn thành", 14),
    ("Quá hạn", 10),
    ("Không thực hiện", 16),
]
NO_UNIT = "(Chưa giao đơn vị chủ trì)"


class ReportTdktPlanProgressXlsx(models.AbstractModel):
    """Tasks by quarter and lead unit: one sheet per plan year."""

    _name = "report.tdkt_emulation.report_tdkt_plan_progress_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Plan Progress Workbook (XLSX)"

    def _progress_counts(self, plans):
        """{year: {(quarter, unit): {total, done, overdue, not_applicable}}}."""
        Task = self.env["tdkt.plan.task"]
        domain = [("plan_id", "in", plans.ids)]
        counts = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        groups = Task._read_group(
            domain, ["year", "quarter", "lead_unit_id", "state"], ["__count"]
        )
        for year, quarter, unit, state, count in groups:
            cell = counts[year][(quarter, unit)]
            cell["total"] += count
            if state in ("done", "not_applicable"):
                cell[state] += count
        overdue = Task._read_group(
            domain + [("is_overdue", "=", True)],
            ["year", "quarter", "lead_unit_id"],
            ["__count"],
        )
        for year, quarter, unit, count in overdue:
            counts[year][(quarter, unit)]["overdue"] += count
        return counts

    def generate_xlsx_report(self, workbook, data, plans):
        plans.check_access("read")
        styles = _styles(workbook)
        counts = self._progress_counts(plans)
        for year in sorted(counts):
            sheet = workbook.add_worksheet(f"Năm {year}")
            _write_header(sheet, styles, COLUMNS)
            cells = counts[year]
            keys = sorted(
                cells,
                key=lambda k: (
                    k[0],
                    not k[1],
                    k[1].sequence if k[1] else 0,
                    k[1].name or "",
                ),
            )
            row = 0
            for quarter, unit in keys:
                row += 1
                cell = cells[(quarter, unit)]
                sheet.write_string(row, 0, roman(int(quarter)), styles["center"])
                sheet.write_string(
                    row, 1, unit.name if unit else NO_UNIT, styles["text"]
                )
                for col, key in enumerate(
                    ("total", "done", "overdue", "not_applicable"), 2
                ):
                    sheet.write_number(row, col, cell[key], styles["number"])
            row += 1
            sheet.write_blank(row, 0, None, styles["bold"])
            sheet.write_string(row, 1, "Tổng cộng", styles["bold"])
            for col, key in enumerate(
                ("total", "done", "overdue", "not_applicable"), 2
            ):
                total = sum(cell[key] for cell in cells.values())
                sheet.write_number(row, col, total, styles["bold_number"])
