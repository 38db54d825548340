from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import TdktOfficialDocumentMixin

VOTE_METHODS = [
    ("hands", "Show of Hands"),
    ("ballot", "Secret Ballot"),
]
POSITIONS = {1: "Thứ nhất", 2: "Thứ nhì", 3: "Thứ ba"}


class TdktClusterHonour(models.Model):
    """The cluster's review and vote to honour (bình xét, suy tôn) at its
    year-end conference, and its minutes.

    Kept apart from the scores: once they are published, the members vote
    an ordered result (first, second, third) and proposals to the organiser
    (the cluster's flag for the leader, Bằng khen for others). Each proposal
    keeps its own state, because the organiser's council can cut it.

    When the organiser is an agency of this Odoo, the proposals are that
    agency's award proposals (``tdkt.award.proposal``, in a dossier of each
    member agency), made from the result when the minutes are signed: the
    first for the cluster's flag, the next for its Bằng khen. The
    organiser's Office and council handle them like any other proposal.
    For an organiser outside this Odoo, they are lines of the cluster
    (``tdkt.cluster.proposal``) on which the Office records its decision.
    """

    _name = "tdkt.cluster.honour"
    _description = "Cluster Review and Vote to Honour"
    _inherit = ["tdkt.cluster.minutes.mixin"]
    _order = "year desc, covenant_id, id"
    _tdkt_print_prefix = "BBST"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_cluster_honour"
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "chair_name": 100,
        "secretary_name": 100,
        "minutes": 20000,
    }

    covenant_id = fields.Many2one(domain="[('state', 'in', ('published', 'closed'))]")
    meeting_date = fields.Date()
    attendee_ids = fields.Many2many(
        "tdkt.cluster.member",
        "tdkt_cluster_honour_attendee_rel",
        "honour_id",
        "member_id",
        string="Members Present",
        domain="[('cluster_id', '=', cluster_id), ('year', '=', year)]",
    )
    vote_method = fields.Selection(VOTE_METHODS, default="ballot", required=True)
    agreement_pct = fields.Float(
        string="Agreement (%)", help="Share of the members present who agreed."
    )
    chair_name = fields.Char(string="Chair")
    secretary_name = fields.Char(string="Secretary")
    minutes = fields.Text(string="Proceedings")
    result_ids = fields.One2many("tdkt.cluster.honour.result", "honour_id", copy=False)
    organiser_company_id = fields.Many2one(related="cluster_id.organiser_company_id")
    proposal_ids = fields.One2many(
        "tdkt.cluster.proposal",
        "honour_id",
        string="Proposals",
        copy=False,
        help="The proposals to an organiser outside this system.",
    )
    award_proposal_ids = fields.One2many(
        "tdkt.award.proposal",
        "cluster_honour_id",
        string="Award Proposals",
        copy=False,
        help="The proposals in the organiser's dossiers, made from the result "
        "when the minutes are signed.",
    )

    _sql_constraints = [
        (
            "agreement_pct_range",
            "CHECK (agreement_pct >= 0 AND agreement_pct <= 100)",
            "The agreement is a percentage, from 0 to 100.",
        ),
    ]

    @api.depends("covenant_id")
    def _compute_name(self):
        for honour in self:
            honour.name = (
                f"Bình xét, suy tôn {honour.covenant_id.cluster_id.name} năm "
                f"{honour.covenant_id.year}"
                if honour.covenant_id
                else honour.name or "Bình xét, suy tôn"
            )

    def _tdkt_check_lines_editable(self, action):
        """Its result and proposals: the managers change them on a draft,
        once the scores are published."""
        self._tdkt_check_manager(action)
        self._tdkt_check_editable()
        self._tdkt_check_published()

    def _tdkt_check_published(self):
        """The members vote once the scores are published (the minutes may
        be prepared before: date, place, who attends)."""
        for honour in self:
            if honour.covenant_id.state not in ("published", "closed"):
                raise UserError(
                    self.env._(
                        "The cluster votes to honour once the scores of "
                        "'%(covenant)s' are published.",
                        covenant=honour.covenant_id.display_name,
                    )
                )

    @api.constrains("agreement_pct")
    def _check_agreement_pct(self):
        for honour in self:
            if not 0 <= honour.agreement_pct <= 100:
                raise ValidationError(
                    self.env._("The agreement is a percentage, from 0 to 100.")
                )

    # --- the vote ----------------------------------------------------------------
    def action_fill_from_ranking(self):
        """Propose the result from the published ranking: the first three,
        the cluster's flag for the first and Bằng khen for the next."""
        self.ensure_one()
        self._tdkt_check_manager(self.env._("fill in"))
        self._tdkt_check_editable()
        self._tdkt_check_published()
        ranking = self.covenant_id._tdkt_ranking()
        cluster = self.cluster_id
        awards = [cluster.flag_award_type_id] + [cluster.merit_award_type_id] * (
            cluster.merit_proposal_count
        )
        self.result_ids.unlink()
        self.proposal_ids.unlink()
        vals = {
            "result_ids": [
                (0, 0, {"position": index + 1, "member_id": member.id})
                for index, (_rank, member, _total) in enumerate(ranking[:3])
            ],
        }
        if not self.organiser_company_id:
            vals["proposal_ids"] = [
                (0, 0, {"member_id": member.id, "award_type_id": award.id})
                for (_rank, member, _total), award in zip(ranking, awards, strict=False)
                if award
            ]
        self.write(vals)
        return True

    # --- the proposals of an organiser of this Odoo --------------------------------
    def _tdkt_voted_awards(self):
        """[(member, award)] the result proposes to an organiser of this
        Odoo: the first place for the cluster's flag, the next places (as
        many as the cluster proposes) for its Bằng khen."""
        self.ensure_one()
        cluster = self.cluster_id
        awards = [cluster.flag_award_type_id] + [cluster.merit_award_type_id] * (
            cluster.merit_proposal_count
        )
        return [
            (line.member_id, award)
            for line, award in zip(
                self.result_ids.sorted(lambda r: (r.position, r.id)),
                awards,
                strict=False,
            )
            if award
        ]

    def _tdkt_sync_award_proposals(self):
        """Make the organiser's award proposals follow the signed result:
        one per member proposed, in a draft dossier of the member agency
        for the year; a proposal no longer voted (the minutes cancelled) is
        removed. A proposal the organiser already handles is left alone and
        the change is refused."""
        for honour in self.filtered("organiser_company_id"):
            company = honour.organiser_company_id
            wanted = honour._tdkt_voted_awards() if honour.state == "issued" else []
            units = self.env["tdkt.unit"]._tdkt_agency_units(
                company,
                self.env["tdkt.cluster.member"].union(*(m for m, _a in wanted)),
            )
            # sudo: the proposals belong to the organiser's agency, which the
            # cluster's managers (another agency's Office) may not write;
            # they are made here from the signed minutes only, after the
            # table checked the manager's right to sign or cancel them.
            existing = honour.sudo().award_proposal_ids
            by_unit = {proposal.nominee_unit_id: proposal for proposal in existing}
            kept = existing.browse()
            for member, award in wanted:
                unit = units[member]
                proposal = by_unit.get(unit)
                if proposal and proposal.award_type_id == award:
                    kept |= proposal
                    continue
                if proposal:
                    honour._tdkt_check_organiser_untouched(proposal)
                    proposal.write({"award_type_id": award.id})
                    kept |= proposal
                    continue
                kept |= existing.create(
                    {
                        "dossier_id": honour._tdkt_member_dossier(unit).id,
                        "award_type_id": award.id,
                        "nominee_unit_id": unit.id,
                        "cluster_honour_id": honour.id,
                        "achievement_summary": honour._tdkt_voted_summary(member),
                    }
                )
            stale = existing - kept
            for proposal in stale:
                honour._tdkt_check_organiser_untouched(proposal)
            stale.unlink()

    def _tdkt_member_dossier(self, unit):
        """The organiser's draft dossier of the member agency ``unit`` for
        the year (made if none)."""
        self.ensure_one()
        # sudo: the organiser's dossier (see _tdkt_sync_award_proposals)
        return self.env["tdkt.award.dossier"].sudo()._tdkt_open_dossier(unit, self.year)

    def _tdkt_voted_summary(self, member):
        self.ensure_one()
        line = self.result_ids.filtered(lambda r: r.member_id == member)[:1]
        return (
            f"{self.cluster_id.name} bình xét, suy tôn năm {self.year}: "
            f"{self._tdkt_print_position(line.position)} "
            f"({self._tdkt_print_points(member.final_total)} điểm)."
        )

    def _tdkt_check_organiser_untouched(self, proposal):
        if proposal.state not in ("draft", "returned") or (
            proposal.dossier_id.state not in ("draft", "returned")
        ):
            raise UserError(
                self.env._(
                    "The organiser already handles the proposal for %(agency)s "
                    "(%(award)s): its Office must return it before the cluster's "
                    "vote changes.",
                    agency=proposal.nominee_unit_id.name,
                    award=proposal.award_type_id.name,
                )
            )

    def _tdkt_post_transition(self, row, reason):
        result = super()._tdkt_post_transition(row, reason)
        if row.action in ("issue", "cancel"):
            self._tdkt_sync_award_proposals()
        return result

    def _tdkt_check_minutes(self):
        self._tdkt_check_published()
        for honour in self:
            if not honour.result_ids:
                raise UserError(
                    self.env._(
                        "'%(honour)s' has no result: record who the members honoured.",
                        honour=honour.display_name,
                    )
                )
            if not honour.meeting_date:
                raise UserError(
                    self.env._(
                        "When did the cluster meet? Fill in the meeting date of "
                        "'%(honour)s'.",
                        honour=honour.display_name,
                    )
                )

    def _tdkt_action_label(self, action):
        labels = {"issue": self.env._("sign the minutes of")}
        return labels.get(action) or super()._tdkt_action_label(action)

    # --- printout -----------------------------------------------------------------
    def _tdkt_print_signers(self):
        self.ensure_one()
        return [
            ("", "THƯ KÝ", self.secretary_name or ""),
            (
                "CHỦ TRÌ",
                (self.head_partner_id.name or "").upper(),
                self.chair_name or "",
            ),
        ]

    def _tdkt_print_position(self, position):
        return POSITIONS.get(position, f"Thứ {position}")

    def _tdkt_print_ranking(self):
        """(rank, member, self total, cross total, final total)."""
        self.ensure_one()
        return [
            (rank, member, member.self_total, member.cross_total, total)
            for rank, member, total in self.covenant_id._tdkt_ranking()
        ]

    def _tdkt_print_proposals(self):
        """[(agency, award)] the cluster proposes, as voted."""
        self.ensure_one()
        if self.organiser_company_id:
            pairs = [(m.partner_id.name, a.name) for m, a in self._tdkt_voted_awards()]
        else:
            pairs = [
                (p.partner_id.name, p.award_type_id.name) for p in self.proposal_ids
            ]
        return pairs

    def _tdkt_print_vote(self):
        self.ensure_one()
        method = (
            "bỏ phiếu kín" if self.vote_method == "ballot" else "biểu quyết giơ tay"
        )
        present = len(self.attendee_ids) or len(self.covenant_id.member_ids)
        total = len(self.covenant_id.member_ids)
        pct = self.covenant_id._tdkt_print_points(self.agreement_pct)
        return (
            f"Có {present}/{total} đơn vị thành viên dự họp. Hội nghị đã thảo "
            f"luận, {method}, kết quả nhất trí {pct}%."
        )
