from odoo import fields, models


class TdktDocumentRecipient(models.Model):
    """A line of 'Nơi nhận:' of an official document."""

    _name = "tdkt.document.recipient"
    _inherit = "tdkt.document.line.mixin"
    _description = "Recipient of an Official Document"

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="Agency or person receiving the document, when it is a contact.",
    )
