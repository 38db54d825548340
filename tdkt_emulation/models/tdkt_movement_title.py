from odoo import api, fields, models


class TdktMovementTitle(models.Model):
    """A title or form a movement opens for registration, with its criteria.

    Lines of the launching plan: they follow its lock (nothing changes once
    the movement is launched) and its rights (the Office drafts them).
    """

    _name = "tdkt.movement.title"
    _description = "Title Open in a Movement"
    _inherit = ["tdkt.access.mixin"]
    _order = "movement_id, sequence, id"
    _check_company_auto = True
    _tdkt_text_limits = {"criteria": 5000}

    movement_id = fields.Many2one(
        "tdkt.movement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="movement_id.company_id", string="Agency", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    award_type_id = fields.Many2one(
        "tdkt.award.type",
        string="Title or Form",
        required=True,
        index=True,
        check_company=True,
    )
    subject = fields.Selection(related="award_type_id.subject")
    kind = fields.Selection(related="award_type_id.kind")
    criteria = fields.Text(help="What the movement asks for this title.")

    _sql_constraints = [
        (
            "award_uniq",
            "unique(movement_id, award_type_id)",
            "This title is already open in the movement.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        movements = self.env["tdkt.movement"].browse(
            {vals["movement_id"] for vals in vals_list if vals.get("movement_id")}
        )
        movements._tdkt_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self._tdkt_check_vals([vals])
        self.movement_id._tdkt_check_editable()
        if vals.get("movement_id"):
            self.env["tdkt.movement"].browse(vals["movement_id"])._tdkt_check_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.movement_id._tdkt_check_editable()
        return super().unlink()
