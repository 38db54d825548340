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

    The proposals are lines of the cluster (``tdkt.cluster.proposal``): the
    award proposals of the organiser's agency (``tdkt.award.proposal``, a
    later issue) do not exist yet.
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
    proposal_ids = fields.One2many(
        "tdkt.cluster.proposal", "honour_id", string="Proposals", copy=False
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
        self.write(
            {
                "result_ids": [
                    (0, 0, {"position": index + 1, "member_id": member.id})
                    for index, (_rank, member, _total) in enumerate(ranking[:3])
                ],
                "proposal_ids": [
                    (0, 0, {"member_id": member.id, "award_type_id": award.id})
                    for (_rank, member, _total), award in zip(
                        ranking, awards, strict=False
                    )
                    if award
                ],
            }
        )
        return True

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
