from odoo import api, fields, models

from .tdkt_plan import QUARTERS


class TdktPlanReviewLine(models.Model):
    """Counts of tasks by outcome for one row of a review report's tables."""

    _name = "tdkt.plan.review.line"
    _description = "Plan Review Result"
    _order = "review_id, section, sequence, id"

    review_id = fields.Many2one(
        "tdkt.plan.review",
        string="Review Report",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="review_id.company_id", string="Agency", store=True, index=True
    )
    section = fields.Selection(
        [
            ("quarter", "By Quarter"),
            ("unit", "By Lead Unit"),
            ("award", "Awards Conferred"),
        ],
        required=True,
        help="Table of the report the line belongs to.",
    )
    sequence = fields.Integer(default=10)
    quarter = fields.Selection(QUARTERS)
    unit_id = fields.Many2one("tdkt.unit", string="Lead Unit")
    award_type_id = fields.Many2one("tdkt.award.type", string="Title or Form")
    issuer_level = fields.Selection(
        [("own", "Own Agency"), ("higher", "Higher Level")], string="Decided By"
    )
    collective_count = fields.Integer(string="Collectives")
    individual_count = fields.Integer(string="Individuals")
    label = fields.Char(compute="_compute_label", string="Row")
    task_count = fields.Integer(string="Tasks")
    done_on_time_count = fields.Integer(string="Done on Time")
    done_late_count = fields.Integer(string="Done Late")
    overdue_count = fields.Integer(string="Overdue")
    not_applicable_count = fields.Integer(string="Not Applicable")
    pending_count = fields.Integer(string="Not Yet Due")
    done_rate = fields.Float(
        compute="_compute_done_rate",
        string="Done (%)",
        help="Done tasks out of the applicable ones, in percent.",
    )

    @api.depends("section", "quarter", "unit_id", "award_type_id")
    def _compute_label(self):
        quarters = dict(self._fields["quarter"]._description_selection(self.env))
        for line in self:
            if line.section == "quarter":
                line.label = quarters.get(line.quarter, "")
            elif line.section == "unit":
                line.label = line.unit_id.name or self.env._("No lead unit")
            elif line.section == "award":
                line.label = line.award_type_id.name
            else:
                line.label = False

    @api.depends(
        "task_count", "done_on_time_count", "done_late_count", "not_applicable_count"
    )
    def _compute_done_rate(self):
        for line in self:
            applicable = line.task_count - line.not_applicable_count
            done = line.done_on_time_count + line.done_late_count
            line.done_rate = 100.0 * done / applicable if applicable else 0.0
