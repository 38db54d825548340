from odoo import fields, models

CHECK_STATUSES = [
    ("pass", "Passed"),
    ("fail", "Failed"),
    ("needs_data", "Needs Data"),
    ("info", "Note"),
]


class TdktAwardProposalCheck(models.Model):
    """One eligibility check of a proposal: the rule, its basis and period,
    and whether the proposal meets it. Written by the eligibility engine
    (``tdkt.award.proposal._tdkt_refresh_checks``), read by everyone who
    reads the proposal."""

    _name = "tdkt.award.proposal.check"
    _description = "Eligibility Check"
    _order = "proposal_id, sequence, id"

    proposal_id = fields.Many2one(
        "tdkt.award.proposal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="proposal_id.company_id", string="Agency", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    status = fields.Selection(CHECK_STATUSES, required=True)
    rule_id = fields.Many2one("tdkt.legal.rule", ondelete="set null")
    name = fields.Char(string="Rule Text", required=True)
    basis = fields.Char(string="Legal Basis")
    detail = fields.Char(string="Finding")
