from odoo import fields, models
from odoo.exceptions import UserError


class TdktPlanTaskNotApplicableWizard(models.TransientModel):
    """Asks why 'if any' tasks did not apply, then closes them (like Odoo's
    lost reason)."""

    _name = "tdkt.plan.task.not.applicable.wizard"
    _description = "Close Tasks as Not Applicable"

    task_ids = fields.Many2many("tdkt.plan.task", string="Tasks", required=True)
    reason = fields.Text(string="Why Not Applicable", required=True)

    def action_confirm(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Write the reason."))
        # The task's own write checks the rights and the plan's status.
        self.task_ids.write(
            {"not_applicable_reason": reason, "state": "not_applicable"}
        )
        # 'done': the kanban that opened the dialog reloads its columns.
        return {"type": "ir.actions.act_window_close", "infos": {"done": True}}
