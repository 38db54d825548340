from odoo import models

from .tdkt_plan_task_xlsx import _styles, _write_date, _write_header

CHUNK = 2000
COLUMNS = [
    ("STT", 7),
    ("Năm", 7),
    ("Họ và tên / Tập thể", 32),
    ("Danh hiệu, hình thức", 40),
    ("Số quyết định", 18),
    ("Ngày quyết định", 14),
    ("Người ký", 28),
    ("Cấp quyết định", 14),
]
LEVELS = {"own": "Cơ quan", "higher": "Cấp trên"}


def write_in_chunks(records, fields, write_row):
    """Call ``write_row(row, record)`` for each record, fetching them by
    chunks and emptying the cache after each: memory stays bounded whatever
    the number of rows (the workbook itself is written in constant-memory
    mode)."""
    ids = records.ids
    for start in range(0, len(ids), CHUNK):
        chunk = records.browse(ids[start : start + CHUNK])
        chunk.fetch(fields)
        for offset, record in enumerate(chunk):
            write_row(start + offset + 1, record)
        records.env.invalidate_all()


class ReportTdktAwardRecordXlsx(models.AbstractModel):
    """The award history (selected rows) by year, title and unit."""

    _name = "report.tdkt_emulation.report_tdkt_award_record_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Award History (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, records):
        records.check_access("read")
        records = records.search(
            [("id", "in", records.ids)], order="year desc, award_type_id, nominee_name"
        )
        styles = _styles(workbook)
        sheet = workbook.add_worksheet("Lich su khen thuong")
        _write_header(sheet, styles, COLUMNS)
        names = {}

        def award_name(award):
            if award.id not in names:
                names[award.id] = award.name
            return names[award.id]

        def write_row(row, record):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_number(row, 1, record.year, styles["center"])
            sheet.write_string(row, 2, record.nominee_name or "", styles["text"])
            sheet.write_string(row, 3, award_name(record.award_type_id), styles["text"])
            sheet.write_string(row, 4, record.decision_number or "", styles["text"])
            _write_date(sheet, row, 5, record.decision_date, styles)
            sheet.write_string(row, 6, record.issuer or "", styles["text"])
            sheet.write_string(
                row, 7, LEVELS.get(record.issuer_level, ""), styles["text"]
            )

        write_in_chunks(
            records,
            ["year", "nominee_name", "award_type_id", "decision_number"]
            + ["decision_date", "issuer", "issuer_level"],
            write_row,
        )
