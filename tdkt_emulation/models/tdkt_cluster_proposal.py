from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

PROPOSAL_STATES = [
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("cut", "Not Approved"),
]


class TdktClusterProposal(models.Model):
    """A cluster's proposal to its organiser (the cluster's flag for the
    leader, Bằng khen for others), voted at the year-end conference.

    Its own state: the organiser's council approves or cuts each proposal
    (recorded by the Office of the agency that keeps the cluster's records)
    once the minutes are signed. Only for an organiser outside this Odoo:
    an organiser of this Odoo receives ``tdkt.award.proposal`` records in
    its own dossiers (see ``tdkt.cluster.honour``).
    """

    _name = "tdkt.cluster.proposal"
    _description = "Cluster Award Proposal"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _order = "honour_id, sequence, id"
    _tdkt_text_limits = {"decision_note": 2000}

    honour_id = fields.Many2one(
        "tdkt.cluster.honour", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="honour_id.company_id", string="Managing Agency", store=True
    )
    honour_state = fields.Selection(related="honour_id.state", string="Minutes")
    sequence = fields.Integer(default=10)
    member_id = fields.Many2one(
        "tdkt.cluster.member", string="Member Agency", required=True
    )
    partner_id = fields.Many2one(
        related="member_id.partner_id", string="Agency", store=True
    )
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Proposed Award",
        required=True,
        domain="[('subject', '=', 'collective')]",
    )
    state = fields.Selection(
        PROPOSAL_STATES, default="proposed", required=True, tracking=True, copy=False
    )
    decision_note = fields.Text(
        string="Organiser's Decision", tracking=True, copy=False
    )

    @api.constrains("member_id", "award_type_id")
    def _check_line(self):
        for proposal in self:
            if proposal.honour_id.organiser_company_id:
                raise ValidationError(
                    self.env._(
                        "%(organiser)s is an agency of this system: the cluster's "
                        "proposals become its award proposals when the minutes are "
                        "signed.",
                        organiser=proposal.honour_id.organiser_company_id.name,
                    )
                )
            proposal.honour_id._tdkt_check_members_of_year(
                proposal.member_id, proposal.honour_id.year
            )
            if proposal.award_type_id.subject != "collective":
                raise ValidationError(
                    self.env._(
                        "'%(award)s' is for individuals: a cluster proposes its "
                        "member agencies.",
                        award=proposal.award_type_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        for vals in vals_list:
            if vals.get("state", "proposed") != "proposed" and not self.env.su:
                raise UserError(self.env._("A new proposal starts as proposed."))
        honours = self.env["tdkt.cluster.honour"].browse(
            {vals["honour_id"] for vals in vals_list if vals.get("honour_id")}
        )
        honours._tdkt_check_lines_editable(self.env._("change the proposals of"))
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        if not self.env.su and "state" in vals:
            raise UserError(
                self.env._(
                    "Use the buttons to record the organiser's decision on a proposal."
                )
            )
        decision = {"decision_note", "state"}
        content = {n for n in vals if not n.startswith(("message_", "activity_"))}
        if content - decision:
            self.honour_id._tdkt_check_lines_editable(
                self.env._("change the proposals of")
            )
        elif content:
            self._tdkt_check_decider()
        return super().write(vals)

    def unlink(self):
        self.honour_id._tdkt_check_lines_editable(self.env._("change the proposals of"))
        return super().unlink()

    # --- the organiser's decision -----------------------------------------------
    def _tdkt_check_decider(self):
        user = self.env.user
        for proposal in self:
            if not self.env.su and not (
                user.has_group(GROUP_OFFICE) and proposal.company_id in user.company_ids
            ):
                raise AccessError(
                    self.env._(
                        "Only the Office of the agency that keeps the cluster's "
                        "records records the organiser's decision."
                    )
                )
            if proposal.honour_id.state != "issued":
                raise UserError(
                    self.env._(
                        "The proposal for %(agency)s is decided once the minutes "
                        "of the vote are signed.",
                        agency=proposal.partner_id.name,
                    )
                )

    def _tdkt_decide(self, state):
        self._tdkt_check_decider()
        # sudo: the state is written by these buttons only, after the checks
        # above (write() refuses it to any client).
        self.sudo().write({"state": state})
        return True

    def action_approve(self):
        return self._tdkt_decide("approved")

    def action_cut(self):
        return self._tdkt_decide("cut")

    def action_reset(self):
        return self._tdkt_decide("proposed")
