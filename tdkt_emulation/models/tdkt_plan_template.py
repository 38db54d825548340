from odoo import fields, models


class TdktPlanTemplate(models.Model):
    """The body structure a new plan starts from: its sections, in order.

    The seed's structure ships as the default template (for every agency);
    the Office keeps its agency's own templates.
    """

    _name = "tdkt.plan.template"
    _description = "Plan Template"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty for a template shared by every agency.",
    )
    section_ids = fields.One2many(
        "tdkt.plan.template.section", "template_id", string="Sections", copy=True
    )
