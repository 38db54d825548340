from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

CLUSTER_LEVELS = [
    ("central", "Central (ministry, Government Inspectorate)"),
    ("province", "Province"),
    ("sector", "Own sector"),
]


class TdktCluster(models.Model):
    """An emulation cluster (Cụm thi đua) of peer agencies.

    Its organiser (an upper body, or this agency for its own sector's
    clusters) sets it up; its members and their roles change every year
    (``tdkt.cluster.member``). The agency of this Odoo that keeps the
    cluster's records (``company_id``) manages it; member agencies see it.
    """

    _name = "tdkt.cluster"
    _description = "Emulation Cluster"
    _inherit = ["mail.thread", "tdkt.access.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True
    _tdkt_text_limits = {"name": 200, "code": 20}

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    code = fields.Char(
        string="Document Code",
        default="CTĐ",
        required=True,
        tracking=True,
        help="Code of the cluster's own documents, e.g. 'CTĐ' in '74/KH-CTĐ'.",
    )
    level = fields.Selection(CLUSTER_LEVELS, required=True, default="province")
    organiser_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
        help="The body that sets up the cluster and awards on its proposals: "
        "an upper body, or this agency for its own sector's clusters.",
    )
    organiser_company_id = fields.Many2one(
        "res.company",
        string="Organiser in this System",
        compute="_compute_organiser_company_id",
        compute_sudo=True,
        help="The organiser when it is an agency of this system: the cluster's "
        "votes to honour become award proposals of that agency.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Managing Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The agency of this Odoo whose Office keeps the cluster's records.",
    )
    year_from = fields.Integer(string="Active From")
    year_to = fields.Integer(string="Active Until")
    member_ids = fields.One2many("tdkt.cluster.member", "cluster_id", string="Members")
    flag_award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Flag for the Leader",
        domain="[('subject', '=', 'collective')]",
        help="The award the cluster proposes for the member it honours first, "
        "e.g. the organiser's emulation flag.",
    )
    merit_award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Award for the Next",
        domain="[('subject', '=', 'collective')]",
        help="The award the cluster proposes for the next members, e.g. the "
        "organiser's Bằng khen.",
    )
    merit_proposal_count = fields.Integer(
        string="Members Proposed for it",
        default=2,
        help="How many members after the first the cluster proposes for it.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A cluster with this name already exists for this agency.",
        ),
    ]

    @api.depends("organiser_id")
    def _compute_organiser_company_id(self):
        companies = self.env["res.company"].search(
            [("partner_id", "in", self.organiser_id.ids)]
        )
        by_partner = {company.partner_id: company for company in companies}
        for cluster in self:
            cluster.organiser_company_id = by_partner.get(cluster.organiser_id, False)

    @api.constrains("year_from", "year_to", "merit_proposal_count")
    def _check_years(self):
        for cluster in self:
            if cluster.merit_proposal_count < 0:
                raise ValidationError(
                    self.env._("The number of members proposed cannot be negative.")
                )
            for year in (cluster.year_from, cluster.year_to):
                if year and not 2000 <= year <= 2100:
                    raise ValidationError(
                        self.env._("The year %(year)s is not valid.", year=year)
                    )
            if (
                cluster.year_from
                and cluster.year_to
                and (cluster.year_to < cluster.year_from)
            ):
                raise ValidationError(
                    self.env._(
                        "The cluster '%(cluster)s' ends before it starts.",
                        cluster=cluster.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("create a cluster"))
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("change a cluster"))
        self._tdkt_check_vals([vals])
        return super().write(vals)

    def _tdkt_members(self, year):
        """Members of the cluster in ``year``, head and deputy first."""
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.year == year).sorted(
            lambda m: (ROLE_ORDER[m.role], m.sequence, m.partner_id.name or "", m.id)
        )

    def _tdkt_check_roles(self, year):
        """Exactly one head and one deputy in ``year`` (checked when the
        cluster acts for the year, e.g. signs its covenant)."""
        self.ensure_one()
        members = self._tdkt_members(year)
        for role, label in (
            ("head", self.env._("head")),
            ("deputy", self.env._("deputy head")),
        ):
            if len(members.filtered(lambda m, r=role: m.role == r)) != 1:
                raise UserError(
                    self.env._(
                        "The cluster '%(cluster)s' has no %(role)s in %(year)s: "
                        "record the one elected at the year-end conference.",
                        cluster=self.name,
                        role=label,
                        year=year,
                    )
                )

    def action_prepare_next_year(self):
        """Copy the members of the last year to the next one, with the head
        and deputy suggested in turn (a default: the conference elects them)."""
        self.ensure_one()
        self._tdkt_check_group(GROUP_OFFICE, self.env._("prepare the next year"))
        years = self.member_ids.mapped("year")
        if not years:
            raise UserError(
                self.env._(
                    "The cluster '%(cluster)s' has no members yet: add them for "
                    "the first year.",
                    cluster=self.name,
                )
            )
        year = max(years)
        members = self._tdkt_members(year).sorted(
            lambda m: (m.sequence, m.partner_id.name or "", m.id)
        )
        roles = suggest_roles(
            len(members),
            _index_of(members, "head"),
            _index_of(members, "deputy"),
        )
        self.write(
            {
                "member_ids": [
                    Command.create(
                        {
                            "year": year + 1,
                            "partner_id": member.partner_id.id,
                            "sequence": member.sequence,
                            "role": roles[index],
                        }
                    )
                    for index, member in enumerate(members)
                ]
            }
        )
        return True


ROLE_ORDER = {"head": 0, "deputy": 1, "member": 2}


def _index_of(members, role):
    for index, member in enumerate(members):
        if member.role == role:
            return index
    return None


def suggest_roles(count, head, deputy):
    """Roles of the next year in turn: the head passes to the next member in
    the list, the deputy too; never the same member for both."""
    roles = ["member"] * count
    if count == 0:
        return roles
    new_head = 0 if head is None else (head + 1) % count
    roles[new_head] = "head"
    if count > 1:
        new_deputy = (new_head + 1) % count if deputy is None else (deputy + 1) % count
        if new_deputy == new_head:
            new_deputy = (new_head + 1) % count
        roles[new_deputy] = "deputy"
    return roles
