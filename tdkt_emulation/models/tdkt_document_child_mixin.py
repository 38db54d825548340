from odoo import api, models


class TdktDocumentChildMixin(models.AbstractModel):
    """Row of one official document, held by a many2one to it (an award of
    a decision, a proposal of a Tờ trình).

    A row is created or deleted only by who may change its document, and
    only while the document is not locked. The model names the many2one in
    ``_tdkt_parent_field``; its ``write`` checks what its own fields need
    (``_tdkt_check_parents`` does the common part).
    """

    _name = "tdkt.document.child.mixin"
    _inherit = ["tdkt.access.mixin"]
    _description = "Row of an Official Document"
    _tdkt_parent_field = None

    def _tdkt_parents(self):
        """The documents of these rows."""
        return self[self._tdkt_parent_field]

    @api.model
    def _tdkt_parents_of(self, vals_list):
        """The documents ``vals_list`` put rows into."""
        field = self._tdkt_parent_field
        return self.env[self._fields[field].comodel_name].browse(
            {vals[field] for vals in vals_list if vals.get(field)}
        )

    @api.model
    def _tdkt_check_parents(self, documents):
        """Rows of ``documents`` change only if the user may write them and
        they are not locked (the lock holds for the superuser too)."""
        if not self.env.su:
            documents.check_access("write")
        documents._tdkt_check_editable()

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        self._tdkt_check_vals(vals_list)
        self._tdkt_check_parents(self._tdkt_parents_of(vals_list))
        return super().create(vals_list)

    def unlink(self):
        self.check_access("unlink")
        self._tdkt_check_parents(self._tdkt_parents())
        return super().unlink()
