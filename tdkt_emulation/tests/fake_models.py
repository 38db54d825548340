"""A test-only document type, to test the official document mixin on its own.

It is what a new document type writes: class attributes and its body.
"""

from odoo import fields, models


class TdktTestDocument(models.Model):
    _name = "tdkt.test.document"
    _description = "Test Official Document"
    _inherit = ["tdkt.official.document.mixin"]
    _tdkt_document_type = "TD"
    _tdkt_print_prefix = "TD"
    _tdkt_states = ("draft", "issued", "cancelled")
    _tdkt_signed_states = ("issued",)

    company_id = fields.Many2one(default=lambda self: self.env.company)
    year = fields.Integer(default=2024)
    body = fields.Text()
    second_signer_name = fields.Char()
    addressee = fields.Char()
    annex = fields.Char()

    def _tdkt_print_signers(self):
        signers = super()._tdkt_print_signers()
        if self.second_signer_name:
            signers.append(("", "THƯ KÝ", self.second_signer_name))
        return signers

    def _tdkt_print_addressees(self):
        return [
            name.strip() for name in (self.addressee or "").split(";") if name.strip()
        ]

    def _tdkt_print_annex_template(self):
        return self.annex or ""
