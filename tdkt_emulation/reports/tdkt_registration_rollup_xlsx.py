from collections import defaultdict

from odoo import models
from odoo.exceptions import AccessError

from .tdkt_plan_task_xlsx import _styles, _write_header

# Registrations the roll-up counts: sent to the Office and not returned.
COUNTED_STATES = ("submitted", "accepted")
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

    def _rollup(self, movement):
        """{(award, unit): count} of the lines and collective titles counted,
        in two grouped queries."""
        counts = defaultdict(int)
        for award, unit, count in self.env["tdkt.registration.line"]._read_group(
            [("movement_id", "=", movement.id), ("state", "in", COUNTED_STATES)],
            ["award_type_id", "unit_id"],
            ["__count"],
        ):
            counts[(award, unit)] += count
        for award, unit, count in self.env["tdkt.registration"]._read_group(
            [
                ("movement_id", "=", movement.id),
                ("state", "in", COUNTED_STATES),
                ("collective_award_type_id", "!=", False),
            ],
            ["collective_award_type_id", "unit_id"],
            ["__count"],
        ):
            counts[(award, unit)] += count
        return counts

    def generate_xlsx_report(self, workbook, data, movements):
        user = self.env.user
        if not self.env.su and not (
            user.has_group("tdkt_emulation.group_tdkt_office")
            or user.has_group("tdkt_emulation.group_tdkt_council")
        ):
            raise AccessError(
                self.env._("Only the Office and the Council see the roll-up.")
            )
        movements.check_access("read")
        styles = _styles(workbook)
        for movement in movements:
            label = (movement.document_number or str(movement.id)).replace("/", "-")
            self._write_rollup(workbook, styles, movement, label)
            self._write_missing(workbook, styles, movement, label)
            self._write_lines(workbook, styles, movement, label)

    def _write_rollup(self, workbook, styles, movement, label):
        counts = self._rollup(movement)
        units = movement._tdkt_scope_units() | self.env["tdkt.unit"].browse(
            {unit.id for _award, unit in counts}
        )
        units = units.sorted(lambda u: (u.sequence, u.name, u.id))
        sheet = workbook.add_worksheet(f"Tổng hợp {label}"[:31])
        columns = [("STT", 6), ("Danh hiệu, hình thức", 40)]
        columns += [(unit.name, 16) for unit in units] + [("Tổng cộng", 12)]
        _write_header(sheet, styles, columns)
        for row, title in enumerate(movement.title_ids, 1):
            award = title.award_type_id
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_string(row, 1, award.name, styles["text"])
            values = [counts.get((award, unit), 0) for unit in units]
            for col, value in enumerate(values, 2):
                sheet.write_number(row, col, value, styles["number"])
            sheet.write_number(row, len(units) + 2, sum(values), styles["bold_number"])

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
        lines.fetch(["unit_id", "employee_id", "job_title", "award_type_id", "state"])
        for row, line in enumerate(lines, 1):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_string(row, 1, line.unit_id.name or "", styles["text"])
            sheet.write_string(row, 2, line.employee_id.name or "", styles["text"])
            sheet.write_string(row, 3, line.job_title or "", styles["text"])
            sheet.write_string(row, 4, line.award_type_id.name or "", styles["text"])
            sheet.write_string(row, 5, STATE_LABELS.get(line.state, ""), styles["text"])
