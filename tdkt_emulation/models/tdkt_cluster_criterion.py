from odoo import api, fields, models
from odoo.exceptions import ValidationError

CRITERION_KINDS = [
    ("normal", "Scored"),
    ("bonus", "Bonus"),
    ("penalty", "Penalty"),
]


class TdktClusterCriterion(models.Model):
    """A criterion of a covenant's scoring table, or a group of criteria.

    Groups hold criteria (a tree); only the criteria without children are
    scored. Bonus points are added to the total (which may then pass 100),
    penalty points are taken off. The table follows its covenant: it is
    locked once the covenant is signed.
    """

    _name = "tdkt.cluster.criterion"
    _description = "Covenant Scoring Criterion"
    _inherit = ["tdkt.access.mixin"]
    _order = "covenant_id, sequence, id"
    _parent_store = True
    _tdkt_text_limits = {"name": 1000, "guidance": 5000}

    covenant_id = fields.Many2one(
        "tdkt.cluster.covenant", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="covenant_id.company_id", string="Managing Agency", store=True
    )
    parent_id = fields.Many2one(
        "tdkt.cluster.criterion",
        string="Group",
        index=True,
        ondelete="cascade",
        domain="[('covenant_id', '=', covenant_id)]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "tdkt.cluster.criterion", "parent_id", string="Criteria"
    )
    sequence = fields.Integer(default=10)
    group_sequence = fields.Integer(
        compute="_compute_group_sequence",
        store=True,
        help="Sequence of the criterion's group (its own for a top criterion): "
        "the scores follow the table's order.",
    )
    name = fields.Text(string="Criterion", required=True)
    kind = fields.Selection(CRITERION_KINDS, required=True, default="normal")
    max_points = fields.Float(string="Maximum Points", digits=(6, 2))
    guidance = fields.Text(help="How the criterion is scored and what proves it.")
    is_group = fields.Boolean(compute="_compute_is_group")

    @api.depends("sequence", "parent_id.sequence")
    def _compute_group_sequence(self):
        for criterion in self:
            criterion.group_sequence = (criterion.parent_id or criterion).sequence

    @api.depends("child_ids")
    def _compute_is_group(self):
        for criterion in self:
            criterion.is_group = bool(criterion.child_ids)

    @api.depends("name")
    def _compute_display_name(self):
        for criterion in self:
            name = (criterion.name or "").strip().splitlines()
            criterion.display_name = name[0][:120] if name else ""

    @api.constrains("max_points", "parent_id", "covenant_id")
    def _check_points(self):
        for criterion in self:
            if criterion.max_points < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum points of '%(criterion)s' cannot be negative.",
                        criterion=criterion.display_name,
                    )
                )
            parent = criterion.parent_id
            if parent and parent.covenant_id != criterion.covenant_id:
                raise ValidationError(
                    self.env._(
                        "'%(criterion)s' and its group belong to different covenants.",
                        criterion=criterion.display_name,
                    )
                )
            if parent and parent.max_points:
                total = sum(
                    parent.child_ids.filtered(lambda c: c.kind == "normal").mapped(
                        "max_points"
                    )
                )
                if total > parent.max_points + 1e-6:
                    raise ValidationError(
                        self.env._(
                            "The criteria of '%(group)s' add up to %(total)s "
                            "points, more than the group's %(max)s.",
                            group=parent.display_name,
                            total=total,
                            max=parent.max_points,
                        )
                    )
        if self._has_cycle():
            raise ValidationError(self.env._("A criterion cannot be its own group."))

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        covenants = self.env["tdkt.cluster.covenant"].browse(
            {vals["covenant_id"] for vals in vals_list if vals.get("covenant_id")}
        )
        covenants._tdkt_check_table_editable()
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        self.covenant_id._tdkt_check_table_editable()
        if vals.get("covenant_id"):
            self.env["tdkt.cluster.covenant"].browse(
                vals["covenant_id"]
            )._tdkt_check_table_editable()
        return super().write(vals)

    def unlink(self):
        self.covenant_id.exists()._tdkt_check_table_editable()
        return super().unlink()
