from odoo import models
from odoo.tools.mail import html_to_inner_content

from ..models.tdkt_official_document_mixin import roman

STATE_LABELS = {
    "todo": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "not_applicable": "Không thực hiện",
}
COLUMNS = [
    ("Quý", 7),
    ("STT", 6),
    ("Nội dung", 60),
    ("Đơn vị chủ trì", 28),
    ("Đơn vị phối hợp", 40),
    ("Thời hạn", 12),
    ("Trạng thái", 16),
    ("Ngày hoàn thành", 14),
    ("Kết quả", 50),
]


class ReportTdktPlanTaskXlsx(models.AbstractModel):
    """The task table of each selected plan, one sheet per plan."""

    _name = "report.tdkt_emulation.report_tdkt_plan_task_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Plan Task Table (XLSX)"

    def generate_xlsx_report(self, workbook, data, plans):
        plans.check_access("read")
        styles = _styles(workbook)
        for plan in plans:
            number = plan.document_number.replace("/", "-") if plan.number else "KH"
            sheet = workbook.add_worksheet(f"{number} {plan.year}"[:31])
            _write_header(sheet, styles, COLUMNS)
            tasks = plan._tdkt_print_tasks()
            for row, task in enumerate(tasks, start=1):
                sheet.write_string(row, 0, roman(int(task.quarter)), styles["center"])
                sheet.write_number(row, 1, task.row_number, styles["center"])
                sheet.write_string(row, 2, task.name or "", styles["text"])
                sheet.write_string(row, 3, task.lead_unit_id.name or "", styles["text"])
                sheet.write_string(
                    row,
                    4,
                    plan._tdkt_print_units(task.cooperating_unit_ids),
                    styles["text"],
                )
                _write_date(sheet, row, 5, task.date_deadline, styles)
                sheet.write_string(
                    row, 6, STATE_LABELS.get(task.state, ""), styles["text"]
                )
                _write_date(sheet, row, 7, task.done_date, styles)
                note = html_to_inner_content(task.result_note or "")
                sheet.write_string(row, 8, note.strip(), styles["text"])
            sheet.autofilter(0, 0, max(len(tasks), 1), len(COLUMNS) - 1)


def _styles(workbook):
    return {
        "header": workbook.add_format(
            {
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "border": 1,
                "bg_color": "#D9E1F2",
            }
        ),
        "text": workbook.add_format({"text_wrap": True, "valign": "top", "border": 1}),
        "center": workbook.add_format(
            {"align": "center", "valign": "top", "border": 1}
        ),
        "number": workbook.add_format({"valign": "top", "border": 1}),
        "bold_number": workbook.add_format(
            {"bold": True, "valign": "top", "border": 1}
        ),
        "bold": workbook.add_format({"bold": True, "valign": "top", "border": 1}),
        "date": workbook.add_format(
            {
                "num_format": "dd/mm/yyyy",
                "align": "center",
                "valign": "top",
                "border": 1,
            }
        ),
    }


def _write_header(sheet, styles, columns):
    for col, (label, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, label, styles["header"])
    sheet.set_row(0, 30)
    sheet.freeze_panes(1, 0)


def _write_date(sheet, row, col, value, styles):
    """Dates as real Excel dates, blanks as empty bordered cells."""
    if value:
        sheet.write_datetime(row, col, value, styles["date"])
    else:
        sheet.write_blank(row, col, None, styles["date"])
