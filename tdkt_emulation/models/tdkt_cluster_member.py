from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE

CLUSTER_ROLES = [
    ("head", "Head"),
    ("deputy", "Deputy Head"),
    ("member", "Member"),
]

# The head's duties of the year, as tasks of its agency's plan: quarter and
# wording (the seed plan's rows 6 of Q1 and Q2, row 8 of Q4).
HEAD_DUTIES = (
    ("1", "Chủ trì tổ chức Hội nghị ký kết giao ước thi đua {cluster} năm {year}"),
    (
        "2",
        (
            "Chủ trì thực hiện kiểm tra chéo công tác thi đua, khen thưởng giữa "
            "các đơn vị trong {cluster} năm {year}"
        ),
    ),
    (
        "4",
        "Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng {cluster} năm {year}",
    ),
)


class TdktClusterMember(models.Model):
    """A member agency of a cluster in one year, with its role.

    The head and the deputy are elected at the previous year-end conference
    (the meeting is recorded); the cluster's "prepare the next year" only
    suggests them in turn. An agency of this Odoo is its company's partner.
    """

    _name = "tdkt.cluster.member"
    _description = "Emulation Cluster Member"
    _inherit = ["tdkt.access.mixin"]
    _order = "cluster_id, year desc, sequence, id"
    _rec_name = "partner_id"
    _tdkt_text_limits = {"election_reference": 300}

    cluster_id = fields.Many2one(
        "tdkt.cluster", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="cluster_id.company_id", string="Managing Agency", store=True
    )
    year = fields.Integer(required=True, index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner",
        string="Member Agency",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', True)]",
    )
    member_company_id = fields.Many2one(
        "res.company",
        string="Agency in this Odoo",
        compute="_compute_member_company_id",
        store=True,
        index=True,
        help="The agency of this Odoo the member is, if any: its users then "
        "work in the cluster.",
    )
    role = fields.Selection(CLUSTER_ROLES, required=True, default="member")
    elected_date = fields.Date(
        string="Elected On", help="Date of the conference that elected the member."
    )
    score_ids = fields.One2many("tdkt.cluster.score", "member_id", string="Scores")
    self_total = fields.Float(
        string="Self-Assessed Total", compute="_compute_totals", store=True
    )
    cross_total = fields.Float(
        string="Cross-Inspection Total", compute="_compute_totals", store=True
    )
    final_total = fields.Float(compute="_compute_totals", store=True)
    rank = fields.Integer(
        readonly=True,
        copy=False,
        help="Place of the member in the cluster's ranking, set when the "
        "scores are published.",
    )
    inspection_ids = fields.Many2many(
        "tdkt.cluster.inspection",
        "tdkt_cluster_inspection_inspected_rel",
        "member_id",
        "inspection_id",
        string="Inspected By",
    )
    election_reference = fields.Char(
        string="Election Record",
        help="The meeting that elected the head or deputy, e.g. 'Biên bản Hội "
        "nghị tổng kết Cụm năm 2023'.",
    )

    _sql_constraints = [
        (
            "partner_year_uniq",
            "unique(cluster_id, year, partner_id)",
            "This agency is already a member of the cluster in this year.",
        ),
    ]

    @api.depends("partner_id")
    def _compute_member_company_id(self):
        partners = self.partner_id
        companies = self.env["res.company"]
        if partners:
            # sudo: which agency a partner stands for, whatever companies the
            # user may read; only the link is kept.
            companies = (
                self.env["res.company"]
                .sudo()  # sudo: see above
                .search([("partner_id", "in", partners.ids)])
            )
        by_partner = {company.partner_id.id: company.id for company in companies}
        for member in self:
            member.member_company_id = by_partner.get(member.partner_id.id, False)

    @api.depends(
        "score_ids.self_score",
        "score_ids.cross_score",
        "score_ids.final_score",
        "score_ids.kind",
    )
    def _compute_totals(self):
        totals = self.score_ids._tdkt_totals()
        for member in self:
            entry = totals.get(member.id, {})
            member.self_total = entry.get("self", 0.0)
            member.cross_total = entry.get("cross", 0.0)
            member.final_total = entry.get("final", 0.0)

    @api.constrains("year")
    def _check_year(self):
        for member in self:
            if not 2000 <= member.year <= 2100:
                raise ValidationError(
                    self.env._("The year %(year)s is not valid.", year=member.year)
                )

    @api.constrains("cluster_id", "year", "role")
    def _check_one_head(self):
        for member in self.filtered(lambda m: m.role in ("head", "deputy")):
            twice = self.search_count(
                [
                    ("id", "!=", member.id),
                    ("cluster_id", "=", member.cluster_id.id),
                    ("year", "=", member.year),
                    ("role", "=", member.role),
                ],
                limit=1,
            )
            if twice:
                role = dict(self._fields["role"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "The cluster '%(cluster)s' already has a %(role)s in "
                        "%(year)s: a cluster has one head and one deputy a year.",
                        cluster=member.cluster_id.name,
                        role=role[member.role].lower(),
                        year=member.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("change a cluster's members"))
        self._tdkt_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_group(GROUP_OFFICE, self.env._("change a cluster's members"))
        self._tdkt_check_vals([vals])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scored(self):
        """A member scored under a signed covenant stays: its scores (and
        the ranking) would go with it."""
        # sudo: whether scores exist, whoever may read them; only a yes or no.
        scored = self.sudo().filtered("score_ids")
        if scored:
            raise UserError(
                self.env._(
                    "%(agency)s has scores under the covenant of %(year)s: it "
                    "cannot be taken out of the cluster for that year.",
                    agency=scored[0].partner_id.name,
                    year=scored[0].year,
                )
            )

    # --- the head's duties ---------------------------------------------------------
    def action_create_head_tasks(self):
        """Put the head's duties of the year in its agency's draft plan."""
        self.ensure_one()
        if self.role != "head":
            raise UserError(
                self.env._(
                    "Only the head of the cluster hosts its conferences and "
                    "cross-inspection."
                )
            )
        company = self.member_company_id
        if not company:
            raise UserError(
                self.env._(
                    "'%(agency)s' is not an agency of this system: its plan is "
                    "kept elsewhere.",
                    agency=self.partner_id.name,
                )
            )
        user = self.env.user
        if not self.env.su and (
            company not in user.company_ids or not user.has_group(GROUP_OFFICE)
        ):
            raise AccessError(
                self.env._(
                    "Only the Office of '%(agency)s' may put the head's duties "
                    "in its plan.",
                    agency=self.partner_id.name,
                )
            )
        plan = self.env["tdkt.plan"].search(
            [
                ("company_id", "=", company.id),
                ("year", "=", self.year),
                ("state", "=", "draft"),
            ],
            order="id desc",
            limit=1,
        )
        if not plan:
            raise UserError(
                self.env._(
                    "'%(agency)s' has no draft plan for %(year)s: the head's "
                    "duties are added to the plan before it is issued.",
                    agency=self.partner_id.name,
                    year=self.year,
                )
            )
        unit = self._tdkt_cluster_unit(company)
        existing = set(plan.task_ids.mapped("name"))
        values = []
        for quarter, wording in HEAD_DUTIES:
            name = wording.format(cluster=self.cluster_id.name, year=self.year)
            if name not in existing:
                values.append(
                    {
                        "plan_id": plan.id,
                        "quarter": quarter,
                        "name": name,
                        "lead_unit_id": unit.id,
                    }
                )
        self.env["tdkt.plan.task"].with_company(company).create(values)
        return plan._tdkt_form_action()

    def _tdkt_cluster_unit(self, company):
        """The unit of ``company``'s plans that stands for this cluster
        (created once)."""
        Unit = self.env["tdkt.unit"]
        unit = Unit.search(
            [
                ("company_id", "=", company.id),
                ("unit_type", "=", "cluster"),
                "|",
                ("cluster_ids", "=", self.cluster_id.id),
                ("name", "=", self.cluster_id.name),
            ],
            limit=1,
        )
        if unit:
            return unit
        # sudo: the units are configured by the administrators; the Office
        # needs the one that names this cluster in its plan, made once with
        # fixed values.
        return Unit.sudo().create(
            {
                "name": self.cluster_id.name,
                "unit_type": "cluster",
                "company_id": company.id,
                "cluster_ids": [(6, 0, self.cluster_id.ids)],
                "sequence": 50,
            }
        )
