from odoo import fields, models


class TdktPlanRecipient(models.Model):
    _name = "tdkt.plan.recipient"
    _inherit = "tdkt.plan.line.mixin"
    _description = "Recipient of a Plan"

    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="Agency or person receiving the plan, when it is a contact.",
    )
