from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class TdktPlanTaskDoneWizard(models.TransientModel):
    """Asks the result of tasks completed after their deadline, then
    completes them (the task records how many days late)."""

    _name = "tdkt.plan.task.done.wizard"
    _description = "Complete Tasks after their Deadline"

    task_ids = fields.Many2many("tdkt.plan.task", string="Tasks", required=True)
    lateness = fields.Text(compute="_compute_lateness", string="Late")
    result_note = fields.Html(string="Result", sanitize=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        task_ids = values.get("task_ids")
        if "result_note" in fields_list and task_ids:
            tasks = self.env["tdkt.plan.task"].browse(task_ids[0][2])
            if len(tasks) == 1:
                values["result_note"] = tasks.result_note
        return values

    @api.depends("task_ids")
    @api.depends_context("tz")
    def _compute_lateness(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            wizard.lateness = "\n".join(
                self.env._(
                    "%(task)s: deadline %(deadline)s, %(days)s days late",
                    task=task.name,
                    deadline=task.date_deadline.strftime("%d/%m/%Y"),
                    days=(today - task.date_deadline).days,
                )
                for task in wizard.task_ids
                if task.date_deadline and task.date_deadline < today
            )

    def action_confirm(self):
        self.ensure_one()
        if is_html_empty(self.result_note):
            raise UserError(
                self.env._("Write the result: what was done, even if late.")
            )
        # The task's own write checks the rights and the plan's status.
        self.task_ids.write({"result_note": self.result_note, "state": "done"})
        # 'done': the kanban that opened the dialog reloads its columns.
        return {"type": "ir.actions.act_window_close", "infos": {"done": True}}
