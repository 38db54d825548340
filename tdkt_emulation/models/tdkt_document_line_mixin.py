from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class TdktDocumentLineMixin(models.AbstractModel):
    """Ordered text line of any official document (recipient, legal basis).

    A line points to its document by model and id, like an activity or an
    attachment, so that every document type shares the same lines. Its
    rights are its document's: read it if the document can be read, change
    it if the document can be written and is not locked.
    """

    _name = "tdkt.document.line.mixin"
    _inherit = "tdkt.access.mixin"
    _description = "Official Document Line"
    _order = "res_model, res_id, sequence, id"
    _tdkt_text_limits = {"name": 1000}

    res_model = fields.Char(string="Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", required=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        compute="_compute_company_id",
        store=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Text", required=True)

    @api.depends("res_model", "res_id")
    def _compute_company_id(self):
        for line in self:
            document = line._tdkt_document()
            line.company_id = document.company_id if document else False

    def _tdkt_document(self):
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env or not self.res_id:
            return None
        # sudo: the company of the document is needed whatever the user's
        # rights on it; access is checked in _check_access.
        return self.env[self.res_model].sudo().browse(self.res_id).exists() or None

    def _tdkt_documents(self):
        """Documents of the lines, by model: {model: recordset} (as the user)."""
        ids = defaultdict(set)
        for line in self.sudo():  # sudo: res_model/res_id only, see above
            ids[line.res_model].add(line.res_id)
        return {
            model: self.env[model].browse(sorted(res_ids))
            for model, res_ids in ids.items()
            if model in self.env
            and getattr(self.env[model], "_tdkt_is_official_document", False)
        }

    def _check_access(self, operation):
        result = super()._check_access(operation)
        lines = self - result[0] if result else self
        if not lines:
            return result
        documents = lines._tdkt_documents()
        # A line follows its document: read it if the document can be read,
        # change it if the document can be written.
        allowed = set()
        for model, records in documents.items():
            denied = records._check_access("read" if operation == "read" else "write")
            denied_ids = set(denied[0].ids) if denied else set()
            allowed.update((model, rid) for rid in records.ids if rid not in denied_ids)
        forbidden = (
            lines.sudo()  # sudo: res_model/res_id only
            .filtered(lambda line: (line.res_model, line.res_id) not in allowed)
            .sudo(False)
        )
        if result:
            forbidden |= result[0]
        if not forbidden:
            return None
        return forbidden, lambda: AccessError(
            self.env._(
                "You may not see or change these lines of a document you cannot access."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        lines = super().create(vals_list)
        lines._tdkt_check_documents_editable()
        return lines

    def write(self, vals):
        if {"res_model", "res_id", "company_id"} & set(vals) and not self.env.su:
            raise UserError(self.env._("A line cannot be moved to another document."))
        self._tdkt_check_vals([vals])
        self.check_access("write")
        self._tdkt_check_documents_editable()
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self._tdkt_check_documents_editable()
        return super().unlink()

    def _tdkt_check_documents_editable(self):
        """Lines follow their document's lock, for everyone (the superuser
        too), except when the addon itself is uninstalled."""
        if self.env.su and self.env.context.get(MODULE_UNINSTALL_FLAG):
            return
        documents = self._tdkt_documents()
        if any(
            model not in documents
            for model in set(self.sudo().mapped("res_model"))  # sudo: models only
        ):
            raise UserError(self.env._("These lines belong to no official document."))
        for records in documents.values():
            # A deleted document's lines go with it (see the document's unlink).
            records.exists()._tdkt_check_editable()
