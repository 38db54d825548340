from datetime import date as Date

from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .tdkt_plan_task_xlsx import _styles, _write_header

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
# Day 0 of Excel's date serial numbers (1900 system, after its 1900 leap bug).
EXCEL_EPOCH = Date(1899, 12, 30)


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
        """Tens of thousands of rows: the rows the user selected (all of which
        they must be allowed to read) are read in one ordered query, by
        batches of ``CHUNK`` from the cursor, as plain values; no ORM record
        per row. The award types' names are read once."""
        Record = self.env["tdkt.award.record"]
        # The rights on the model, then the record rules on the rows in one
        # query (check_access() on the records would evaluate the rules row
        # by row in Python).
        Record.check_access("read")
        ids = list(set(records.ids))
        if Record.search_count([("id", "in", ids)]) != len(ids):
            raise AccessError(
                self.env._(
                    "Some of the selected awards are not yours to read: export "
                    "only the history you may see."
                )
            )
        query = Record._search(
            [("id", "in", ids)],
            order="year desc, award_type_id, nominee_name",
        )
        table = query.table
        select = query.select(
            *(
                SQL.identifier(table, name)
                for name in ("year", "nominee_name", "award_type_id")
                + ("decision_number", "decision_date", "issuer", "issuer_level")
            )
        )
        awards = {
            award.id: award.name
            for award in self.env["tdkt.award.type"]
            .with_context(active_test=False)
            .search_fetch([], ["name"])
        }
        styles = _styles(workbook)
        sheet = workbook.add_worksheet("Lich su khen thuong")
        _write_header(sheet, styles, COLUMNS)
        center, text, day = styles["center"], styles["text"], styles["date"]
        row = 0
        cr = self.env.cr
        cr.execute(select)
        while batch := cr.fetchmany(CHUNK):
            for year, name, award, number, date, issuer, level in batch:
                row += 1
                sheet.write_number(row, 0, row, center)
                sheet.write_number(row, 1, year, center)
                sheet.write_string(row, 2, name or "", text)
                sheet.write_string(row, 3, awards.get(award, ""), text)
                sheet.write_string(row, 4, number or "", text)
                if date:
                    # An Excel date is its serial number, with the date format.
                    sheet.write_number(row, 5, (date - EXCEL_EPOCH).days, day)
                else:
                    sheet.write_blank(row, 5, None, day)
                sheet.write_string(row, 6, issuer or "", text)
                sheet.write_string(row, 7, LEVELS.get(level, ""), text)
