from odoo import models

from .tdkt_award_record_xlsx import write_in_chunks
from .tdkt_plan_task_xlsx import _styles, _write_header

COLUMNS = [
    ("STT", 7),
    ("Năm", 7),
    ("Đơn vị đề nghị", 28),
    ("Họ và tên / Tập thể", 32),
    ("Chức vụ", 24),
    ("Danh hiệu, hình thức", 40),
    ("Kết quả kiểm tra", 16),
    ("Thủ trưởng cho phép", 14),
    ("Trạng thái", 18),
]


class ReportTdktAwardProposalXlsx(models.AbstractModel):
    """The selected award proposals with their eligibility."""

    _name = "report.tdkt_emulation.report_tdkt_award_proposal_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Award Proposals (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, proposals):
        proposals.check_access("read")
        proposals = proposals.search(
            [("id", "in", proposals.ids)],
            order="year desc, unit_id, award_type_id, nominee_name",
        )
        styles = _styles(workbook)
        sheet = workbook.add_worksheet("De nghi khen thuong")
        _write_header(sheet, styles, COLUMNS)
        env = proposals.env
        results = dict(proposals._fields["eligibility"]._description_selection(env))
        states = dict(proposals._fields["state"]._description_selection(env))

        def write_row(row, proposal):
            sheet.write_number(row, 0, row, styles["center"])
            sheet.write_number(row, 1, proposal.year, styles["center"])
            sheet.write_string(row, 2, proposal.unit_id.name or "", styles["text"])
            sheet.write_string(row, 3, proposal.nominee_name or "", styles["text"])
            sheet.write_string(row, 4, proposal.job_title or "", styles["text"])
            sheet.write_string(row, 5, proposal.award_type_id.name, styles["text"])
            sheet.write_string(
                row, 6, results.get(proposal.eligibility, ""), styles["text"]
            )
            sheet.write_string(
                row, 7, "Có" if proposal.is_overridden else "", styles["center"]
            )
            sheet.write_string(row, 8, states[proposal.state], styles["text"])

        write_in_chunks(
            proposals,
            ["year", "unit_id", "nominee_name", "job_title", "award_type_id"]
            + ["eligibility", "is_overridden", "state"],
            write_row,
        )
