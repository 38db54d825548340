from odoo import api, fields, models

from .tdkt_official_document_mixin import LEGAL_BASIS_LAYOUTS


class ResCompany(models.Model):
    _inherit = "res.company"

    tdkt_agency_code = fields.Char(
        string="Agency Abbreviation",
        help="Abbreviation of the agency in document symbols, e.g. 'TTr' in "
        "'01/KH-TTr' (Decree 30/2020, appendix III).",
    )
    # Text: each line printed on its own line of the header, as the agency
    # breaks its name ('ỦY BAN NHÂN DÂN' / 'TỈNH SƠN LA').
    tdkt_header_name = fields.Text(
        string="Agency Name in Headers",
        help="Name of the issuing agency as printed in the document header, "
        "one printed line per line, e.g. 'THANH TRA TỈNH', or 'ỦY BAN NHÂN "
        "DÂN' then 'TỈNH SƠN LA' on the next line. Defaults to the company name.",
    )
    tdkt_parent_agency_name = fields.Text(
        string="Parent Agency",
        help="Governing agency printed above the issuing agency, one printed "
        "line per line, e.g. 'UBND TỈNH LẠNG SƠN'; optional. Defaults to the "
        "parent company's name.",
    )
    tdkt_legal_basis_layout = fields.Selection(
        LEGAL_BASIS_LAYOUTS,
        string="Legal Bases Printed",
        default="paragraph",
        help="How the agency's documents print their legal bases by default: "
        "one paragraph, or one 'Căn cứ …;' per line.",
    )
    tdkt_plan_template_id = fields.Many2one(
        "tdkt.plan.template",
        string="Default Plan Template",
        domain="[('company_id', 'in', [id, False])]",
        help="The sections a new plan of the agency starts from; the shared "
        "default template when empty.",
    )
    tdkt_reminder_days = fields.Integer(
        string="Task Reminder (days before the deadline)",
        default=7,
        help="How many days before a task's deadline its people get a to-do.",
    )
    tdkt_place_name = fields.Char(
        string="Place Name",
        help="Place name written before the date of documents, e.g. 'Lạng Sơn'.",
    )
    tdkt_award_regulation = fields.Char(
        string="Own Emulation Regulation",
        help="The agency's own regulation on emulation and commendation as its "
        "award decisions cite it, e.g. 'Quyết định số 15/QĐ-TTr ngày 10/3/2024 "
        "của Chánh Thanh tra tỉnh ban hành Quy chế thi đua, khen thưởng'.",
    )

    @api.private
    def tdkt_overdue_digest(self):
        """Overdue tasks of the agency by lead unit, for the weekly digest:
        [(unit name, [tasks])]."""
        self.ensure_one()
        tasks = self.env["tdkt.plan.task"].search(
            [("company_id", "=", self.id), ("is_overdue", "=", True)],
            order="lead_unit_id, date_deadline, id",
        )
        by_unit = {}
        for task in tasks:
            name = task.lead_unit_id.name or self.env._("No lead unit")
            by_unit.setdefault(name, []).append(task)
        return list(by_unit.items())
