import random

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import TdktOfficialDocumentMixin


def generate_pairings(count, seed=None):
    """Who inspects whom among ``count`` members: ``pairs[i]`` is the member
    that member ``i`` inspects.

    Every member inspects one other and is inspected by one other, never
    itself; with three members or more no two members inspect each other
    (one cycle through all members, in a shuffled order). With two members
    they can only inspect each other.
    """
    if count < 2:
        return []
    order = list(range(count))
    random.Random(seed).shuffle(order)
    pairs = [None] * count
    for position, member in enumerate(order):
        pairs[member] = order[(position + 1) % count]
    return pairs


class TdktClusterInspection(models.Model):
    """A cross-inspection of a cluster (Kiểm tra chéo) and its minutes.

    The head forms teams: a team (one or more member agencies) inspects one
    or more members at a host site, on given dates, and scores each
    inspected member on the covenant's criteria while the minutes are a
    draft (``tdkt.cluster.score``, column of the cross-inspection). The
    minutes (Biên bản kiểm tra chéo) are an official document.
    """

    _name = "tdkt.cluster.inspection"
    _description = "Cross-Inspection"
    _inherit = ["tdkt.cluster.minutes.mixin"]
    _order = "year desc, covenant_id, date_from, id"
    _tdkt_print_prefix = "BBKTC"
    _tdkt_report = "tdkt_emulation.action_report_tdkt_cluster_inspection"
    _tdkt_text_limits = {
        **TdktOfficialDocumentMixin._tdkt_text_limits,
        "conclusion": 20000,
    }

    covenant_id = fields.Many2one(
        ondelete="cascade", domain="[('state', '=', 'signed')]"
    )
    team_member_ids = fields.Many2many(
        "tdkt.cluster.member",
        "tdkt_cluster_inspection_team_rel",
        "inspection_id",
        "member_id",
        string="Inspecting Team",
        domain="[('cluster_id', '=', cluster_id), ('year', '=', year)]",
    )
    inspected_member_ids = fields.Many2many(
        "tdkt.cluster.member",
        "tdkt_cluster_inspection_inspected_rel",
        "inspection_id",
        "member_id",
        string="Inspected Members",
        domain="[('cluster_id', '=', cluster_id), ('year', '=', year)]",
    )
    host_member_id = fields.Many2one(
        "tdkt.cluster.member",
        string="Host",
        domain="[('cluster_id', '=', cluster_id), ('year', '=', year)]",
        help="The member whose premises receive the team.",
    )
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    conclusion = fields.Text()

    @api.depends("covenant_id", "inspected_member_ids")
    def _compute_name(self):
        for inspection in self:
            names = ", ".join(inspection.inspected_member_ids.partner_id.mapped("name"))
            inspection.name = (
                f"Kiểm tra chéo năm {inspection.covenant_id.year}: {names}"
                if names
                else inspection.name
                or f"Kiểm tra chéo {inspection.covenant_id.cluster_id.name or ''}"
            )

    @api.constrains(
        "team_member_ids", "inspected_member_ids", "host_member_id", "covenant_id"
    )
    def _check_members(self):
        for inspection in self:
            inspection._tdkt_check_members_of_year(
                inspection.team_member_ids
                | inspection.inspected_member_ids
                | inspection.host_member_id,
                inspection.year,
            )
            itself = inspection.team_member_ids & inspection.inspected_member_ids
            if itself:
                raise ValidationError(
                    self.env._(
                        "%(agency)s cannot inspect itself: take it out of the team "
                        "or of the inspected members.",
                        agency=itself[0].partner_id.name,
                    )
                )
            if (
                inspection.date_from
                and inspection.date_to
                and inspection.date_to < inspection.date_from
            ):
                raise ValidationError(
                    self.env._("The inspection ends before it starts.")
                )

    def _tdkt_check_minutes(self):
        for inspection in self:
            if not inspection.team_member_ids or not inspection.inspected_member_ids:
                raise UserError(
                    self.env._(
                        "'%(inspection)s' needs a team and the members it inspects.",
                        inspection=inspection.display_name,
                    )
                )
            scores = inspection._tdkt_scores()
            missing = scores.filtered(lambda s: not s.cross_entered)
            if missing:
                raise UserError(
                    self.env._(
                        "The team has not scored '%(criterion)s' of %(member)s "
                        "yet (%(count)s scores missing).",
                        criterion=missing[0].criterion_id.display_name,
                        member=missing[0].member_id.partner_id.name,
                        count=len(missing),
                    )
                )

    def _tdkt_scores(self):
        self.ensure_one()
        return self.covenant_id.score_ids.filtered(
            lambda s: s.member_id in self.inspected_member_ids
        )

    def _tdkt_action_label(self, action):
        labels = {"issue": self.env._("issue the minutes of")}
        return labels.get(action) or super()._tdkt_action_label(action)

    # --- printout ------------------------------------------------------------------
    def _tdkt_print_signers(self):
        self.ensure_one()
        return [
            (
                "",
                "ĐẠI DIỆN ĐOÀN KIỂM TRA",
                self._tdkt_print_agencies(self.team_member_ids),
            ),
            (
                "",
                "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA",
                self._tdkt_print_agencies(self.inspected_member_ids),
            ),
        ]

    def _tdkt_print_agencies(self, members):
        return ", ".join(members.partner_id.mapped("name"))

    def _tdkt_print_dates(self):
        self.ensure_one()
        days = [d.strftime("%d/%m/%Y") for d in (self.date_from, self.date_to) if d]
        return " - ".join(dict.fromkeys(days))

    def _tdkt_print_results(self):
        """(member, [(number, criterion, is_group, score)], self total, cross
        total) for each inspected member."""
        self.ensure_one()
        rows = self.covenant_id._tdkt_print_criteria()
        scores = self._tdkt_scores()
        totals = scores._tdkt_totals()
        by_key = {(s.member_id.id, s.criterion_id.id): s for s in scores}
        result = []
        for member in self.inspected_member_ids:
            lines = [
                (number, criterion, is_group, by_key.get((member.id, criterion.id)))
                for number, criterion, is_group in rows
            ]
            total = totals.get(member.id, {"self": 0.0, "cross": 0.0})
            result.append((member, lines, total["self"], total["cross"]))
        return result
