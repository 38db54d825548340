from odoo import api, fields, models

from ..models.tdkt_council_ballot import CHOICES


class TdktCouncilWrittenOpinionWizard(models.TransientModel):
    """The secretary records the written opinion of an absent member on
    proposals of the open session."""

    _name = "tdkt.council.written.opinion.wizard"
    _description = "Record a Written Opinion"

    session_id = fields.Many2one("tdkt.council.session", required=True)
    member_id = fields.Many2one(
        "tdkt.council.member",
        string="Absent Member",
        required=True,
        domain="[('id', 'in', absent_member_ids)]",
    )
    absent_member_ids = fields.Many2many(
        "tdkt.council.member",
        string="Members Absent with an Opinion",
        compute="_compute_absent_member_ids",
    )
    proposal_ids = fields.Many2many(
        "tdkt.award.proposal",
        string="Proposals",
        required=True,
        domain="[('council_session_id', '=', session_id)]",
    )
    choice = fields.Selection(CHOICES, string="Opinion", required=True)

    @api.depends("session_id")
    def _compute_absent_member_ids(self):
        for wizard in self:
            wizard.absent_member_ids = wizard.session_id.attendance_ids.filtered(
                lambda a: a.status == "absent_written"
            ).member_id

    def action_confirm(self):
        self.ensure_one()
        self.session_id._tdkt_record_written(
            self.member_id, self.proposal_ids, self.choice
        )
        return {"type": "ir.actions.act_window_close"}
