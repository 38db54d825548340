from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    tdkt_award_record_ids = fields.One2many(
        "tdkt.award.record",
        "employee_id",
        string="Awards",
        groups="tdkt_emulation.group_tdkt_user",
        help="Titles and forms of commendation received, year by year.",
    )
