from odoo import models

from .tdkt_plan_task_xlsx import _styles, _write_header

STATE_LABELS = {
    "draft": "Dự thảo",
    "submitted": "Đã gửi",
    "accepted": "Đã chấp nhận",
    "returned": "Bị trả lại",
}


class ReportTdktRegistrationRollupXlsx(models.AbstractModel):
    """The Office's roll-up of a movement's registrations: titles × units,
    the units that have not registered, and every registered person."""

    _name = "report.tdkt_emulation.report_tdkt_registration_rollup_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Registration Roll-up Workbook (XLSX)"

    def generate_xlsx_report(self, workbook, data, movements):
        movements._tdkt_check_rollup_access()
        styles = _styles(workbook)
        for movement in movements:
            label = (movement.document_number or str(movement.id)).replace("/", "-")
            self._write_rollup(workbook, styles, movement, label)
            self._write_missing(workbook, styles, movement, label)
            self._write_lines(workbook, styles, movement, label)

    def _write_rollup(self, workbook, styles, movement, label):
        units, table = movement._tdkt_rollup_table()
        sheet = workbook.add_worksheet(f"Tổng hợp {label}"[:31])
        columns = [("STT", 6), ("Danh hiệu, hình thức", 40)]
        columns += [(unit.name, 16) for unit in units] + [("Tổng cộng", 12)]
        _write_header(sheet, styles, columns)
        for row, (award, values, total) in enumerate(table, 1):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_string(row, 1, award.name, styles["text"])
            for col, value in enumerate(values, 2):
                sheet.write_number(row, col, value, styles["number"])
            sheet.write_number(row, len(units) + 2, total, styles["bold_number"])

    def _write_missing(self, workbook, styles, movement, label):
        sheet = workbook.add_worksheet(f"Chưa đăng ký {label}"[:31])
        _write_header(sheet, styles, [("STT", 6), ("Đơn vị chưa đăng ký", 50)])
        for row, unit in enumerate(movement.missing_unit_ids, 1):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_string(row, 1, unit.name, styles["text"])

    def _write_lines(self, workbook, styles, movement, label):
        sheet = workbook.add_worksheet(f"Danh sách {label}"[:31])
        _write_header(
            sheet,
            styles,
            [
                ("STT", 6),
                ("Đơn vị", 30),
                ("Họ và tên", 30),
                ("Chức vụ", 24),
                ("Danh hiệu, hình thức", 36),
                ("Trạng thái", 16),
            ],
        )
        lines = self.env["tdkt.registration.line"].search(
            [("movement_id", "=", movement.id)],
            order="unit_id, award_type_id, id",
        )
        lines.fetch(["unit_id", "person_name", "job_title", "award_type_id", "state"])
        for row, line in enumerate(lines, 1):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_string(row, 1, line.unit_id.name or "", styles["text"])
            sheet.write_string(row, 2, line.person_name or "", styles["text"])
            sheet.write_string(row, 3, line.job_title or "", styles["text"])
            sheet.write_string(row, 4, line.award_type_id.name or "", styles["text"])
            sheet.write_string(row, 5, STATE_LABELS.get(line.state, ""), styles["text"])
