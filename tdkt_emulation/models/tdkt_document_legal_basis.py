from odoo import api, fields, models
from odoo.exceptions import ValidationError


class TdktDocumentLegalBasis(models.Model):
    """A legal basis ('Căn cứ …') of an official document."""

    _name = "tdkt.document.legal.basis"
    _inherit = "tdkt.document.line.mixin"
    _description = "Legal Basis of an Official Document"

    reference = fields.Char(
        string="Upstream Document",
        help="Number and symbol of the document this basis cites, e.g. '64/KH-TTTP'.",
    )
    document_ref = fields.Reference(
        selection="_selection_document_ref",
        string="Document in Odoo",
        help="The cited document, when it is an official document kept here "
        "(a plan, a decision…): its number and citation fill the basis.",
    )

    @api.model
    def _selection_document_ref(self):
        return [
            (name, self.env[name]._description)
            for name in sorted(self.env.registry)
            if not self.env[name]._abstract
            and getattr(self.env[name], "_tdkt_is_official_document", False)
        ]

    @api.onchange("document_ref")
    def _onchange_document_ref(self):
        document = self.document_ref
        if not document:
            return
        if document.number:
            self.reference = document.document_number
        if not self.name:
            self.name = document._tdkt_citation()

    @api.constrains("document_ref", "res_model", "res_id")
    def _check_document_ref(self):
        for basis in self.filtered("document_ref"):
            # Only a document the writer may read can be cited (its number
            # and title are shown with the basis).
            basis.document_ref.check_access("read")
            if (
                basis.document_ref._name == basis.res_model
                and basis.document_ref.id == basis.res_id
            ):
                raise ValidationError(
                    self.env._("A document cannot be its own legal basis.")
                )
