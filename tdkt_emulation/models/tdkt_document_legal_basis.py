from odoo import fields, models


class TdktDocumentLegalBasis(models.Model):
    """A legal basis ('Căn cứ …') of an official document."""

    _name = "tdkt.document.legal.basis"
    _inherit = "tdkt.document.line.mixin"
    _description = "Legal Basis of an Official Document"

    reference = fields.Char(
        string="Upstream Document",
        help="Number and symbol of the document this basis cites, e.g. '64/KH-TTTP'.",
    )
