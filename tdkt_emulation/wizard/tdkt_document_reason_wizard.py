import ast

from odoo import api, fields, models
from odoo.exceptions import UserError


class TdktDocumentReasonWizard(models.TransientModel):
    """Asks the reason of a move that needs one (cancelling an issued
    document, reopening a closed plan, returning a submitted one), then makes
    the move through the document's transition table."""

    _name = "tdkt.document.reason.wizard"
    _description = "Reason for a Change of Status"

    res_model = fields.Char(string="Document Model", required=True)
    res_ids = fields.Char(string="Documents", required=True)
    action = fields.Char(string="Change of Status", required=True)
    message = fields.Text(readonly=True)
    reason = fields.Text(required=True)

    @api.constrains("reason")
    def _check_reason(self):
        for wizard in self:
            if not (wizard.reason or "").strip():
                raise UserError(self.env._("Write the reason."))
            if len(wizard.reason) > 2000:
                raise UserError(
                    self.env._("The reason is too long: at most 2.000 characters.")
                )

    def action_confirm(self):
        self.ensure_one()
        if self.res_model not in self.env or not getattr(
            self.env[self.res_model], "_tdkt_has_workflow", False
        ):
            raise UserError(self.env._("This is not an official document."))
        try:
            ids = [int(res_id) for res_id in ast.literal_eval(self.res_ids)]
        except (ValueError, SyntaxError, TypeError):
            raise UserError(self.env._("This is not an official document.")) from None
        documents = self.env[self.res_model].browse(ids).exists()
        # Every check (group, state, rights) is the table's, as the user.
        documents._tdkt_do(self.action, reason=self.reason.strip())
        # The kanban that asked (a card dropped in a column) reloads on "done".
        return {"type": "ir.actions.act_window_close", "infos": {"done": True}}
