from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_cluster_inspection import generate_pairings
from .tdkt_official_document_mixin import (
    GROUP_OFFICE,
    TdktOfficialDocumentMixin,
    Transition,
)

# States in which the scores are entered, and those that lock them.
SCORING_STATES = ("signed",)


class TdktClusterCovenant(models.Model):
    """The emulation covenant of a cluster for a year (Giao ước thi đua).

    Its members sign measurable targets and the scoring table adopted for
    the year (``tdkt.cluster.criterion``); signing locks the table and
    opens the scores (``tdkt.cluster.score``): each member's self-score, the
    cross-inspection's and the head's final one. Publishing the scores
    ranks the members and locks the scores. Kept by the cluster's managing
    agency, printed under the cluster's name, signed by every member.
    """

    _name = "tdkt.cluster.covenant"
    _description = "Emulation Covenant"
    _inherit = ["tdkt.cluster.document.mixin"]
    _order = "year desc, cluster_id, id"
    _tdkt_document_type = "GƯ"
    _tdkt_print_prefix = "GUTD"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_cluster_covenant"
    _tdkt_states = ("draft", "signed", "published", "closed", "cancelled")
    _tdkt_signed_states = ("signed", "published", "closed")
    _tdkt_locked_states = ("signed", "published", "closed", "cancelled")
    _tdkt_base_transitions = ()
    _tdkt_extra_transitions = (
        Transition(
            "sign",
            ("draft",),
            "signed",
            GROUP_OFFICE,
            "_tdkt_check_sign",
            ("number", "date", "revision", "scores"),
        ),
        Transition(
            "publish",
            ("signed",),
            "published",
            GROUP_OFFICE,
            "_tdkt_check_publish",
            ("ranks",),
        ),
        Transition("close", ("published",), "closed", GROUP_OFFICE),
        Transition("cancel", ("draft",), "cancelled", GROUP_OFFICE),
        Transition("cancel", ("signed",), "cancelled", GROUP_OFFICE, reason=True),
        Transition("reset", ("cancelled",), "draft", GROUP_OFFICE),
    )
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "content": 20000,
    }

    state = fields.Selection(
        selection_add=[
            ("signed", "Signed"),
            ("published", "Scores Published"),
            ("issued",),
        ],
        ondelete={"signed": "set default", "published": "set default"},
    )
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    cluster_id = fields.Many2one(
        "tdkt.cluster", required=True, index=True, tracking=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="cluster_id.company_id", store=True, readonly=True, precompute=True
    )
    issue_date = fields.Date(string="Signing Date")
    place = fields.Char(string="Signing Place")
    content = fields.Text(
        string="Preamble", help="What the members agree on, before the targets."
    )
    target_ids = fields.One2many(
        "tdkt.cluster.covenant.target",
        "res_id",
        string="Targets",
        domain=[("res_model", "=", "tdkt.cluster.covenant")],
        copy=True,
    )
    criterion_ids = fields.One2many(
        "tdkt.cluster.criterion", "covenant_id", string="Scoring Table", copy=True
    )
    score_ids = fields.One2many("tdkt.cluster.score", "covenant_id", string="Scores")
    member_ids = fields.One2many(
        "tdkt.cluster.member", compute="_compute_member_ids", string="Members"
    )
    head_partner_id = fields.Many2one(
        "res.partner",
        string="Head Agency",
        compute="_compute_head_partner_id",
        store=True,
        index=True,
    )
    gap_tolerance = fields.Float(
        default=2.0,
        tracking=True,
        help="Points by which the self-score, the cross-inspection's and the "
        "final score of a criterion may differ without a note.",
    )
    max_total = fields.Float(
        string="Maximum (without bonus)", compute="_compute_max_total"
    )

    _sql_constraints = [
        (
            "cluster_year_uniq",
            "unique(cluster_id, year)",
            "The cluster already has a covenant for this year.",
        ),
    ]

    # --- computes ------------------------------------------------------------------
    @api.depends("cluster_id", "year")
    def _compute_name(self):
        for covenant in self:
            covenant.name = (
                f"Giao ước thi đua {covenant.cluster_id.name} năm {covenant.year}"
                if covenant.cluster_id
                else covenant.name or f"Giao ước thi đua năm {covenant.year}"
            )

    @api.depends("cluster_id.member_ids.year", "year")
    def _compute_member_ids(self):
        for covenant in self:
            covenant.member_ids = covenant.cluster_id._tdkt_members(covenant.year)

    @api.depends("cluster_id.member_ids.role", "cluster_id.member_ids.year", "year")
    def _compute_head_partner_id(self):
        for covenant in self:
            head = covenant.cluster_id.member_ids.filtered(
                lambda m, c=covenant: m.year == c.year and m.role == "head"
            )
            covenant.head_partner_id = head.partner_id[:1]

    @api.depends("criterion_ids.max_points", "criterion_ids.kind")
    def _compute_max_total(self):
        for covenant in self:
            covenant.max_total = sum(
                covenant.criterion_ids.filtered(
                    lambda c: c.kind == "normal" and not c.child_ids
                ).mapped("max_points")
            )

    # --- lines follow the covenant -------------------------------------------------
    @api.model
    def _tdkt_own_lines(self, vals):
        vals = super()._tdkt_own_lines(vals)
        for command in vals.get("target_ids") or []:
            if command[0] == Command.CREATE:
                command[2]["res_model"] = self._name
        return vals

    def unlink(self):
        targets = self.target_ids
        result = super().unlink()
        # sudo: the targets of a deleted (draft) covenant go with it; the
        # covenant's own unlink checked the rights.
        targets.sudo().unlink()
        return result

    # --- who acts ------------------------------------------------------------------
    def _tdkt_action_label(self, action):
        labels = {
            "sign": self.env._("sign"),
            "publish": self.env._("publish the scores of"),
        }
        return labels.get(action) or super()._tdkt_action_label(action)

    # --- constraints ---------------------------------------------------------------
    @api.constrains("gap_tolerance")
    def _check_gap_tolerance(self):
        for covenant in self:
            if covenant.gap_tolerance < 0:
                raise ValidationError(
                    self.env._("The gap tolerance cannot be negative.")
                )

    # --- lifecycle -----------------------------------------------------------------
    def _tdkt_check_sign(self):
        for covenant in self:
            covenant.cluster_id._tdkt_check_roles(covenant.year)
            leaves = covenant.criterion_ids.filtered(lambda c: not c.child_ids)
            if not leaves.filtered(lambda c: c.kind == "normal"):
                raise UserError(
                    self.env._(
                        "'%(covenant)s' has no scoring table: add its criteria "
                        "before signing.",
                        covenant=covenant.display_name,
                    )
                )
            if not covenant.place:
                raise UserError(
                    self.env._(
                        "Where is '%(covenant)s' signed? Fill in the signing place.",
                        covenant=covenant.display_name,
                    )
                )

    def _tdkt_check_publish(self):
        for covenant in self:
            missing = covenant.score_ids.filtered(lambda s: not s.final_entered)
            if missing:
                raise UserError(
                    self.env._(
                        "%(count)s final scores of '%(covenant)s' are missing, "
                        "e.g. '%(criterion)s' of %(member)s.",
                        count=len(missing),
                        covenant=covenant.display_name,
                        criterion=missing[0].criterion_id.display_name,
                        member=missing[0].member_id.partner_id.name,
                    )
                )
            unexplained = covenant.score_ids.filtered(
                lambda s: s.gap_flag and not (s.gap_note or "").strip()
            )
            if unexplained:
                raise UserError(
                    self.env._(
                        "%(count)s scores of '%(covenant)s' differ by more than "
                        "%(tolerance)s points and need a note, e.g. "
                        "'%(criterion)s' of %(member)s.",
                        count=len(unexplained),
                        covenant=covenant.display_name,
                        tolerance=covenant.gap_tolerance,
                        criterion=unexplained[0].criterion_id.display_name,
                        member=unexplained[0].member_id.partner_id.name,
                    )
                )

    def _tdkt_effects(self, row):
        vals = super()._tdkt_effects(row)
        if "scores" in row.effects:
            self._tdkt_create_scores()
        if "ranks" in row.effects:
            self._tdkt_write_ranks()
        return vals

    def _tdkt_create_scores(self):
        """One score per member and criterion, created when the covenant is
        signed. sudo: the rows are the system's (no client creates them),
        created once the move has been checked."""
        self.ensure_one()
        leaves = self.criterion_ids.filtered(lambda c: not c.child_ids)
        existing = {(s.member_id.id, s.criterion_id.id) for s in self.score_ids}
        values = [
            {"covenant_id": self.id, "member_id": member.id, "criterion_id": leaf.id}
            for member in self.member_ids
            for leaf in leaves
            if (member.id, leaf.id) not in existing
        ]
        self.env["tdkt.cluster.score"].sudo().with_context(  # sudo: see docstring
            tracking_disable=True
        ).create(values)  # sudo: see docstring

    def _tdkt_ranking(self):
        """Members by final total, best first: [(rank, member, total)];
        equal totals share a rank. From the members' stored totals (kept by
        every score change), not from the scores."""
        self.ensure_one()
        self.check_access("read")
        # sudo: the members' totals and names, for a covenant the user may
        # read (checked above), whose members every member of the cluster
        # sees; the record rules' path domains (member partners) would
        # otherwise be evaluated again in Python for every member. The
        # members go back to the caller as the user.
        members = self.sudo().member_ids
        members.fetch(["final_total", "partner_id"])
        members.partner_id.fetch(["name"])
        members = members.sorted(lambda m: (-m.final_total, m.partner_id.name or ""))
        ranking = []
        previous = None
        for index, member in enumerate(members):
            total = member.final_total
            rank = (
                ranking[-1][0]
                if previous is not None and total == previous
                else index + 1
            )
            ranking.append((rank, member.sudo(False), total))
            previous = total
        return ranking

    def _tdkt_write_ranks(self):
        """sudo: the rank is the system's, written when the scores are
        published (after the move's checks)."""
        for rank, member, _total in self._tdkt_ranking():
            member.sudo().write({"rank": rank})  # sudo: see docstring

    def action_sign(self):
        return self._tdkt_do("sign")

    def action_publish(self):
        return self._tdkt_do("publish")

    def action_generate_inspections(self):
        """Propose the cross-inspection: each member inspected by another,
        at the inspected member's site; the head edits the teams after."""
        self.ensure_one()
        self._tdkt_check_manager(self.env._("plan the cross-inspection of"))
        if self.state not in SCORING_STATES:
            raise UserError(
                self.env._(
                    "The cross-inspection is planned once the covenant is signed."
                )
            )
        Inspection = self.env["tdkt.cluster.inspection"]
        if Inspection.search_count(
            [("covenant_id", "=", self.id), ("state", "!=", "cancelled")], limit=1
        ):
            raise UserError(
                self.env._(
                    "'%(covenant)s' already has its cross-inspection teams: edit "
                    "them, or cancel them to propose new ones.",
                    covenant=self.display_name,
                )
            )
        members = self.member_ids
        if len(members) < 2:
            raise UserError(
                self.env._("A cross-inspection needs at least two members.")
            )
        pairs = generate_pairings(len(members), seed=self.id)
        Inspection.create(
            [
                {
                    "covenant_id": self.id,
                    "team_member_ids": [(6, 0, members[index].ids)],
                    "inspected_member_ids": [(6, 0, members[target].ids)],
                    "host_member_id": members[target].id,
                    "signer_id": False,
                }
                for index, target in enumerate(pairs)
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cross-Inspections"),
            "res_model": "tdkt.cluster.inspection",
            "view_mode": "list,form",
            "domain": [("covenant_id", "=", self.id)],
            "context": {"default_covenant_id": self.id},
        }

    def action_open_scores(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Scoring Grid"),
            "res_model": "tdkt.cluster.score",
            "view_mode": "list,pivot",
            "domain": [("covenant_id", "=", self.id)],
            "context": {
                "search_default_group_member": 1,
                "default_covenant_id": self.id,
            },
        }

    # --- printout ------------------------------------------------------------------
    def _tdkt_print_signers(self):
        """Every member signs, head first: 'THANH TRA TỈNH LẠNG SƠN' over
        'CỤM TRƯỞNG' and so on."""
        self.ensure_one()
        role = {"head": "CỤM TRƯỞNG", "deputy": "CỤM PHÓ", "member": ""}
        return [
            (role[member.role], (member.partner_id.name or "").upper(), "")
            for member in self.member_ids
        ]

    def _tdkt_print_criteria(self):
        """Rows of the scoring table: (number, criterion, is_group)."""
        self.ensure_one()
        rows = []

        def walk(criteria, prefix):
            for index, criterion in enumerate(criteria, start=1):
                number = f"{prefix}{index}" if prefix else self._tdkt_print_roman(index)
                rows.append((number, criterion, bool(criterion.child_ids)))
                walk(
                    criterion.child_ids.sorted(lambda c: (c.sequence, c.id)),
                    f"{index}." if not prefix else f"{number}.",
                )

        walk(
            self.criterion_ids.filtered(lambda c: not c.parent_id).sorted(
                lambda c: (c.sequence, c.id)
            ),
            "",
        )
        return rows

    def _tdkt_check_table_editable(self):
        """The targets and the scoring table: the covenant's managers change
        them while it is a draft."""
        self._tdkt_check_manager(self.env._("change the scoring table of"))
        self._tdkt_check_editable()
