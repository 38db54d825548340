from odoo import api, fields, models
from odoo.exceptions import UserError

from .tdkt_official_document_mixin import GROUP_OFFICE

# What the Office records from the higher level's decision, on an issued
# submission (the rest of the line follows the submission's lock).
HIGHER_LINE_FIELDS = {"higher_conferred", "higher_note"}


class TdktAwardSubmissionLine(models.Model):
    """One approved proposal submitted upward, and what the higher level's
    decision made of it."""

    _name = "tdkt.award.submission.line"
    _description = "Award Submission Line"
    _inherit = ["tdkt.document.child.mixin"]
    _order = "submission_id, sequence, id"
    _check_company_auto = True
    _tdkt_text_limits = {"higher_note": 500}
    _tdkt_parent_field = "submission_id"

    submission_id = fields.Many2one(
        "tdkt.award.submission",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="submission_id.company_id", string="Agency", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    proposal_id = fields.Many2one(
        "tdkt.award.proposal",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    # Printed on the list: kept on the line, readable with the submission.
    nominee_name = fields.Char(related="proposal_id.nominee_name", store=True)
    job_title = fields.Char(related="proposal_id.job_title", store=True)
    unit_id = fields.Many2one(
        related="proposal_id.unit_id", string="Proposing Unit", store=True
    )
    award_type_id = fields.Many2one(
        related="proposal_id.award_type_id", string="Title or Form", store=True
    )
    subject = fields.Selection(related="proposal_id.subject", store=True)
    proposal_state = fields.Selection(
        related="proposal_id.state", string="Proposal Status"
    )
    higher_conferred = fields.Boolean(
        string="Conferred by the Higher Level",
        default=True,
        help="Untick the proposals the higher level's decision left out: they "
        "stay forwarded, with the note below.",
    )
    higher_note = fields.Char(
        string="Note", help="Why the higher level did not confer it, if known."
    )

    # --- CRUD ---------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._tdkt_check_proposals()
        return lines

    def write(self, vals):
        self.check_access("write")
        self._tdkt_check_vals([vals])
        if "submission_id" in vals and not self.env.su:
            raise UserError(self.env._("A line cannot be moved to another submission."))
        submissions = self.submission_id
        submissions.check_access("write")
        if set(vals) <= HIGHER_LINE_FIELDS:
            self._tdkt_check_group(
                GROUP_OFFICE, self.env._("record the higher level's decision")
            )
            for submission in submissions:
                if submission.state != "issued":
                    raise UserError(
                        self.env._(
                            "What the higher level conferred is recorded on an "
                            "issued submission awaiting its decision: "
                            "'%(submission)s' is not.",
                            submission=submission.display_name,
                        )
                    )
            return super().write(vals)
        submissions._tdkt_check_editable()
        result = super().write(vals)
        if "proposal_id" in vals:
            self._tdkt_check_proposals()
        return result

    # --- checks -------------------------------------------------------------------
    @api.model
    def _tdkt_taken_proposals(self, excluded=None):
        """Ids of the proposals held by a submission that is not cancelled
        (other than ``excluded`` lines)."""
        domain = [("submission_id.state", "!=", "cancelled")]
        if excluded:
            domain.append(("id", "not in", excluded.ids))
        # sudo: a proposal is submitted once, whatever submissions the user
        # may read; only ids come back.
        lines = self.sudo().search_fetch(domain, ["proposal_id"])
        return set(lines.proposal_id.ids)

    def _tdkt_check_proposals(self):
        """Only approved proposals beyond the agency's authority, of the
        cited council session and year, each in one submission only."""
        if not self:
            return
        taken = self._tdkt_taken_proposals(excluded=self)
        seen = set()
        for line in self:
            proposal = line.proposal_id
            submission = line.submission_id
            if proposal.id in taken or proposal.id in seen:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is already in a submission upward.",
                        proposal=proposal.display_name,
                    )
                )
            seen.add(proposal.id)
            if proposal.award_type_id.conferring_level == "unit":
                raise UserError(
                    self.env._(
                        "'%(award)s' is conferred by the head of the agency (Law "
                        "2022, art. 80): '%(proposal)s' is decided by the agency's "
                        "own decision, not submitted upward.",
                        award=proposal.award_type_id.name,
                        proposal=proposal.display_name,
                    )
                )
            if proposal.state != "approved":
                states = dict(
                    proposal._fields["state"]._description_selection(self.env)
                )
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is %(state)s: only proposals the council "
                        "approved are submitted upward.",
                        proposal=proposal.display_name,
                        state=states[proposal.state].lower(),
                    )
                )
            if proposal.council_session_id != submission.council_session_id:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' was not approved at the council session "
                        "the submission cites.",
                        proposal=proposal.display_name,
                    )
                )
            if proposal.year != submission.year:
                raise UserError(
                    self.env._(
                        "'%(proposal)s' is a proposal of %(proposal_year)s, not of "
                        "%(year)s.",
                        proposal=proposal.display_name,
                        proposal_year=proposal.year,
                        year=submission.year,
                    )
                )
