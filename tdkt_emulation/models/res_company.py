from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    tdkt_agency_code = fields.Char(
        string="Agency Abbreviation",
        help="Abbreviation of the agency in document symbols, e.g. 'TTr' in "
        "'01/KH-TTr' (Decree 30/2020, appendix III).",
    )
    tdkt_header_name = fields.Char(
        string="Agency Name in Headers",
        help="Name of the issuing agency as printed in the document header, "
        "e.g. 'THANH TRA TỈNH'. Defaults to the company name.",
    )
    tdkt_parent_agency_name = fields.Char(
        string="Parent Agency",
        help="Governing agency printed above the issuing agency, e.g. "
        "'UBND TỈNH LẠNG SƠN'. Defaults to the parent company's name.",
    )
    tdkt_place_name = fields.Char(
        string="Place Name",
        help="Place name written before the date of documents, e.g. 'Lạng Sơn'.",
    )
