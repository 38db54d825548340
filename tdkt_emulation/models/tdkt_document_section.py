from odoo import api, fields, models


class TdktDocumentSection(models.Model):
    """A section of an official document's body (see tdkt.section.mixin); a
    line of its document, whose rights and lock it follows."""

    _name = "tdkt.document.section"
    # The section's fields (a Char heading) over the line's plain text.
    _inherit = ["tdkt.section.mixin", "tdkt.document.line.mixin"]
    _description = "Section of an Official Document"
    _order = "res_model, res_id, sequence, id"
    _tdkt_text_limits = {"name": 500, "body": 50000}

    parent_id = fields.Many2one(
        "tdkt.document.section",
        string="Main Section",
        ondelete="cascade",
        domain="[('res_model', '=', res_model), ('res_id', '=', res_id), "
        "('parent_id', '=', False), ('id', '!=', id)]",
        help="Leave empty for a main section; set it for a sub-section "
        "('1. Mục đích' under 'I. MỤC ĐÍCH, YÊU CẦU').",
    )

    is_locked = fields.Boolean(
        string="Locked",
        compute="_compute_is_locked",
        help="The document is issued, closed or cancelled: its sections stay as "
        "they are.",
    )

    @api.depends("res_model", "res_id")
    def _compute_is_locked(self):
        for section in self:
            document = section._tdkt_document()
            section.is_locked = bool(document and document.is_locked)

    def _tdkt_section_siblings(self):
        self.ensure_one()
        return self.search(
            [("res_model", "=", self.res_model), ("res_id", "=", self.res_id)]
        )

    @api.constrains("kind", "parent_id")
    def _check_structure(self):
        self._tdkt_check_structure()
