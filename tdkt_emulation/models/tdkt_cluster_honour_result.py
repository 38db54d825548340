from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktClusterHonourResult(models.Model):
    """A place of the cluster's ordered result (first, second, third), as
    the members voted it; it may differ from the ranking by points."""

    _name = "tdkt.cluster.honour.result"
    _description = "Cluster Vote Result"
    _inherit = ["tdkt.access.mixin"]
    _order = "honour_id, position, id"

    honour_id = fields.Many2one(
        "tdkt.cluster.honour", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="honour_id.company_id", string="Managing Agency", store=True
    )
    position = fields.Integer(required=True, default=1)
    member_id = fields.Many2one(
        "tdkt.cluster.member", string="Member Agency", required=True
    )
    final_total = fields.Float(related="member_id.final_total")
    rank = fields.Integer(related="member_id.rank", string="Rank by Points")
    votes = fields.Integer(help="Votes received, with a secret ballot.")

    _sql_constraints = [
        (
            "position_uniq",
            "unique(honour_id, position)",
            "Two members cannot hold the same place.",
        ),
        (
            "member_uniq",
            "unique(honour_id, member_id)",
            "A member holds one place only.",
        ),
    ]

    @api.constrains("position", "member_id", "votes")
    def _check_line(self):
        for line in self:
            if line.position < 1 or line.votes < 0:
                raise ValidationError(
                    self.env._("A place starts at 1 and votes cannot be negative.")
                )
            line.honour_id._tdkt_check_members_of_year(
                line.member_id, line.honour_id.year
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        honours = self.env["tdkt.cluster.honour"].browse(
            {vals["honour_id"] for vals in vals_list if vals.get("honour_id")}
        )
        honours._tdkt_check_lines_editable(self.env._("change the result of"))
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        self.honour_id._tdkt_check_lines_editable(self.env._("change the result of"))
        return super().write(vals)

    def unlink(self):
        self.honour_id._tdkt_check_lines_editable(self.env._("change the result of"))
        return super().unlink()
