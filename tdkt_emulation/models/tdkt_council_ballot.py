from odoo import api, fields, models
from odoo.exceptions import AccessError

CHOICES = [
    ("agree", "Agree"),
    ("disagree", "Disagree"),
    ("abstain", "Abstain"),
]


class TdktCouncilBallot(models.Model):
    """One member's vote on one proposal of a session's agenda.

    One ballot per member and proposal: voting again replaces the choice.
    Nobody writes a ballot directly: the session's vote method checks who
    votes and writes it (``tdkt.council.session._tdkt_vote``). With a secret
    ballot, a ballot is readable by its voter only (record rule without
    group, which holds for the Administrator too). No one2many on the
    session or the proposal leads to the ballots: a relational field's value
    is cached for the whole request, whoever read it first, so the only way
    in is a search under the reader's own rules.
    """

    _name = "tdkt.council.ballot"
    _description = "Council Ballot"
    _order = "session_id, proposal_id, id"
    _rec_name = "proposal_id"

    session_id = fields.Many2one(
        "tdkt.council.session",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, readonly=True
    )
    proposal_id = fields.Many2one(
        "tdkt.award.proposal",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    member_id = fields.Many2one(
        "tdkt.council.member",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Voter", required=True, index=True, readonly=True
    )
    choice = fields.Selection(CHOICES, required=True, readonly=True)
    is_written = fields.Boolean(
        string="Written Opinion",
        readonly=True,
        help="An absent member's written opinion, recorded by the secretary.",
    )
    is_secret = fields.Boolean(
        string="Secret Ballot",
        readonly=True,
        help="Cast by secret ballot: only the voter reads it.",
    )

    _sql_constraints = [
        (
            "vote_uniq",
            "unique(session_id, proposal_id, member_id)",
            "A member votes once on a proposal.",
        ),
    ]

    def _tdkt_refuse(self):
        raise AccessError(
            self.env._(
                "Votes are cast with the buttons of the session's agenda; they "
                "are not written by hand."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._tdkt_refuse()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._tdkt_refuse()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._tdkt_refuse()
        return super().unlink()
