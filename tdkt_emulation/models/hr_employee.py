from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    tdkt_award_record_ids = fields.One2many(
        "tdkt.award.record",
        "employee_id",
        string="Awards",
        groups="tdkt_emulation.group_tdkt_user",
        help="Titles and forms of commendation received, year by year.",
    )
    tdkt_next_eligible = fields.Text(
        string="Next Eligible",
        compute="_compute_tdkt_next_eligible",
        groups="tdkt_emulation.group_tdkt_user",
        help="Titles that rest on a run of titles: whether the person may be "
        "proposed next year, or which years are still missing.",
    )

    @api.depends("tdkt_award_record_ids")
    @api.depends_context("uid")
    def _compute_tdkt_next_eligible(self):
        year = fields.Date.context_today(self).year + 1
        hints = self.env["tdkt.award.eligibility"]._tdkt_next_eligible(
            self.filtered("id"), year
        )
        for employee in self:
            employee.tdkt_next_eligible = "\n".join(hints.get(employee.id, []))
