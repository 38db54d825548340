from odoo import api, fields, models


class TdktPlanLineMixin(models.AbstractModel):
    """Ordered text line of a plan (legal basis, recipient).

    The lines are part of the plan's content: they follow the plan's lock.
    """

    _name = "tdkt.plan.line.mixin"
    _description = "Plan Line"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "tdkt.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", string="Agency", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Text", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        # Rights before the plan's status, so the error says what is wrong.
        self.check_access("create")
        plan_ids = {vals.get("plan_id") for vals in vals_list}
        self.env["tdkt.plan"].browse(plan_ids - {None})._check_content_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        self.plan_id._check_content_editable()
        if vals.get("plan_id"):
            self.env["tdkt.plan"].browse(vals["plan_id"])._check_content_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self.plan_id._check_content_editable()
        return super().unlink()
