from odoo import fields, models


class TdktPlanLegalBasis(models.Model):
    _name = "tdkt.plan.legal.basis"
    _inherit = "tdkt.plan.line.mixin"
    _description = "Legal Basis of a Plan"

    reference = fields.Char(
        string="Upstream Document",
        help="Number and symbol of the document this basis cites, e.g. '64/KH-TTTP'.",
    )
