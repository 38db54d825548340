from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .tdkt_cluster_covenant import SCORING_STATES
from .tdkt_official_document_mixin import GROUP_OFFICE, GROUP_USER

# The three columns of a score, who enters each, and what goes with it.
STAGES = {
    "self": ("self_score", "self_note", "attachment_ids"),
    "cross": ("cross_score", "cross_note"),
    "final": ("final_score", "gap_note"),
}
ENTERED = {"self": "self_entered", "cross": "cross_entered", "final": "final_entered"}
SIGN = {"normal": 1, "bonus": 1, "penalty": -1}


class TdktClusterScore(models.Model):
    """The score of a member on a criterion of its cluster's covenant.

    Side by side: the member's self-score (with its evidence), the
    cross-inspection team's score and the head's final score. A gap larger
    than the covenant's tolerance between any two of them is flagged and
    needs a note before the scores are published. Every change is tracked;
    publishing the scores locks them.
    """

    _name = "tdkt.cluster.score"
    _description = "Covenant Score"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _order = "covenant_id, member_id, group_sequence, criterion_sequence, criterion_id"
    _rec_name = "criterion_id"
    _tdkt_text_limits = {"self_note": 2000, "cross_note": 2000, "gap_note": 2000}

    covenant_id = fields.Many2one(
        "tdkt.cluster.covenant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="covenant_id.company_id", string="Managing Agency", store=True
    )
    covenant_state = fields.Selection(
        related="covenant_id.state", string="Covenant Status"
    )
    member_id = fields.Many2one(
        "tdkt.cluster.member", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="member_id.partner_id", string="Member Agency", store=True
    )
    criterion_id = fields.Many2one(
        "tdkt.cluster.criterion", required=True, index=True, ondelete="cascade"
    )
    criterion_sequence = fields.Integer(related="criterion_id.sequence", store=True)
    group_sequence = fields.Integer(related="criterion_id.group_sequence", store=True)
    group_id = fields.Many2one(
        related="criterion_id.parent_id", string="Criteria Group", store=True
    )
    kind = fields.Selection(related="criterion_id.kind", store=True)
    max_points = fields.Float(related="criterion_id.max_points", string="Maximum")
    self_score = fields.Float(string="Self-Score", digits=(6, 2), tracking=True)
    self_note = fields.Text(string="Self-Assessment")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "tdkt_cluster_score_attachment_rel",
        "score_id",
        "attachment_id",
        string="Evidence",
    )
    cross_score = fields.Float(
        string="Cross-Inspection Score", digits=(6, 2), tracking=True
    )
    cross_note = fields.Text(string="Inspection Note")
    final_score = fields.Float(digits=(6, 2), tracking=True)
    self_entered = fields.Boolean(readonly=True)
    cross_entered = fields.Boolean(readonly=True)
    final_entered = fields.Boolean(readonly=True)
    gap = fields.Float(compute="_compute_gap", store=True, digits=(6, 2))
    gap_flag = fields.Boolean(
        string="Gap to Explain", compute="_compute_gap", store=True, index=True
    )
    gap_note = fields.Text(string="Note on the Gap", tracking=True)
    is_mine = fields.Boolean(
        string="My Agency",
        compute="_compute_is_mine",
        search="_search_is_mine",
        help="Scores of the agencies the current user works for.",
    )
    can_edit_self = fields.Boolean(compute="_compute_can_edit")
    can_edit_cross = fields.Boolean(compute="_compute_can_edit")
    can_edit_final = fields.Boolean(compute="_compute_can_edit")

    _sql_constraints = [
        (
            "member_criterion_uniq",
            "unique(member_id, criterion_id)",
            "The member already has a score for this criterion.",
        ),
    ]

    # --- computes ------------------------------------------------------------------
    @api.depends(
        "self_score",
        "cross_score",
        "final_score",
        "self_entered",
        "cross_entered",
        "final_entered",
        "covenant_id.gap_tolerance",
    )
    def _compute_gap(self):
        for score in self:
            values = [
                score[name]
                for stage, name in (
                    ("self", "self_score"),
                    ("cross", "cross_score"),
                    ("final", "final_score"),
                )
                if score[ENTERED[stage]]
            ]
            score.gap = max(values) - min(values) if len(values) > 1 else 0.0
            score.gap_flag = score.gap > score.covenant_id.gap_tolerance + 1e-6

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_is_mine(self):
        partners = self.env.user.company_ids.partner_id
        for score in self:
            score.is_mine = score.partner_id in partners

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        positive = (operator == "=") == value
        return [
            (
                "partner_id",
                "in" if positive else "not in",
                self.env.user.company_ids.partner_id.ids,
            )
        ]

    @api.depends("covenant_id.state", "member_id")
    @api.depends_context("uid")
    def _compute_can_edit(self):
        rights = self._tdkt_rights()
        for score in self:
            stages = rights.get(score.id, set())
            score.can_edit_self = "self" in stages
            score.can_edit_cross = "cross" in stages
            score.can_edit_final = "final" in stages

    def _tdkt_rights(self):
        """{score id: stages the current user may enter}, in a few queries
        for the whole grid."""
        user = self.env.user
        if not self.ids or not user.has_group(GROUP_USER):
            return {}
        partners = self.env.user.company_ids.partner_id
        office = user.has_group(GROUP_OFFICE)
        # sudo: which members each team inspects, read to decide the user's
        # rights (the inspections of other teams stay hidden). A team scores
        # until its minutes are signed.
        inspections = (
            self.env["tdkt.cluster.inspection"]
            .sudo()  # sudo: see above
            .search(
                [
                    ("covenant_id", "in", self.covenant_id.ids),
                    ("team_member_ids.partner_id", "in", partners.ids),
                    ("state", "=", "draft"),
                ]
            )
        )
        inspected = set(inspections.inspected_member_ids.ids)
        rights = {}
        for score in self:
            if score.covenant_id.state not in SCORING_STATES:
                continue
            stages = set()
            if score.member_id.partner_id in partners:
                stages.add("self")
            if score.member_id.id in inspected:
                stages.add("cross")
            if office and score.covenant_id.head_partner_id in partners:
                stages.add("final")
            rights[score.id] = stages
        return rights

    # --- totals --------------------------------------------------------------------
    def _tdkt_totals(self):
        """{member id: {'self', 'cross', 'final': total}}: scored criteria
        and bonuses added, penalties taken off (a total may pass 100)."""
        totals = defaultdict(lambda: {"self": 0.0, "cross": 0.0, "final": 0.0})
        for score in self:
            sign = SIGN[score.kind or "normal"]
            entry = totals[score.member_id.id]
            entry["self"] += sign * score.self_score
            entry["cross"] += sign * score.cross_score
            entry["final"] += sign * score.final_score
        return dict(totals)

    # --- checks --------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The scores are laid out when the covenant is signed; they "
                    "cannot be added by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        stages = {stage for stage, names in STAGES.items() if set(names) & set(vals)}
        other = set(vals) - {n for names in STAGES.values() for n in names}
        other = {n for n in other if not n.startswith(("message_", "activity_"))}
        if not self.env.su:
            if other:
                raise AccessError(
                    self.env._(
                        "Only the scores, their notes and evidence can be changed."
                    )
                )
            self._tdkt_check_stages(stages)
        else:
            self._tdkt_check_open()
        self._tdkt_check_points(vals)
        vals = dict(vals)
        for stage in stages:
            score_field = STAGES[stage][0]
            if score_field in vals:
                vals[ENTERED[stage]] = vals[score_field] is not False
        return super().write(vals)

    def _tdkt_check_open(self):
        closed = self.filtered(lambda s: s.covenant_id.state not in SCORING_STATES)
        if closed:
            states = dict(
                closed.covenant_id._fields["state"]._description_selection(self.env)
            )
            covenant = closed[0].covenant_id
            raise UserError(
                self.env._(
                    "The scores of '%(covenant)s' cannot be changed: the covenant "
                    "is %(state)s (scores are entered between its signing and "
                    "their publication).",
                    covenant=covenant.display_name,
                    state=states[covenant.state].lower(),
                )
            )

    def _tdkt_check_stages(self, stages):
        self.check_access("write")
        self._tdkt_check_open()
        rights = self._tdkt_rights()
        labels = {
            "self": self.env._("the self-score (only the member itself enters it)"),
            "cross": self.env._(
                "the cross-inspection score (only the team inspecting the member "
                "enters it)"
            ),
            "final": self.env._(
                "the final score (only the Office of the cluster's head enters it)"
            ),
        }
        for score in self:
            for stage in stages:
                if stage not in rights.get(score.id, set()):
                    raise AccessError(
                        self.env._(
                            "You may not enter %(what)s of %(member)s.",
                            what=labels[stage],
                            member=score.member_id.partner_id.name,
                        )
                    )

    def _tdkt_check_points(self, vals):
        for names in STAGES.values():
            name = names[0]
            if name not in vals or vals[name] is False:
                continue
            value = vals[name]
            for score in self:
                if value < 0 or value > score.max_points + 1e-6:
                    raise UserError(
                        self.env._(
                            "%(value)s points for '%(criterion)s': a score goes "
                            "from 0 to the criterion's maximum, %(max)s.",
                            value=value,
                            criterion=score.criterion_id.display_name,
                            max=score.max_points,
                        )
                    )
