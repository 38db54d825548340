from odoo import api, fields, models


class TdktPlanTemplateSection(models.Model):
    """A section of a plan template (see tdkt.section.mixin)."""

    _name = "tdkt.plan.template.section"
    _inherit = ["tdkt.section.mixin", "tdkt.checked.mixin"]
    _description = "Section of a Plan Template"
    _order = "template_id, sequence, id"
    _tdkt_text_limits = {"name": 500, "body": 50000}

    template_id = fields.Many2one(
        "tdkt.plan.template", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="template_id.company_id", store=True, index=True
    )
    parent_id = fields.Many2one(
        "tdkt.plan.template.section",
        string="Main Section",
        ondelete="cascade",
        domain="[('template_id', '=', template_id), ('parent_id', '=', False), "
        "('id', '!=', id)]",
        help="Leave empty for a main section; set it for a sub-section.",
    )

    def _tdkt_section_siblings(self):
        self.ensure_one()
        return self.template_id.section_ids

    @api.constrains("kind", "parent_id")
    def _check_structure(self):
        self._tdkt_check_structure()
