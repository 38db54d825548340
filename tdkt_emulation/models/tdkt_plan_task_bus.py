from odoo import models

# A change to one of these fields moves or redraws the task's kanban card.
CARD_FIELDS = {"state", "quarter", "name", "user_ids", "date_deadline", "result_note"}
NOTIFICATION = "tdkt.plan.task/updated"


class TdktPlanTask(models.Model):
    """Live update of the kanban: tell the assigned users a task changed.

    The bus notification goes to the partner of every user assigned to the
    task, before and after the change (an unassigned user's card must go
    too).  The web client subscribes to its user's partner channel on every
    websocket (bus's ir.websocket), so whatever node of the cluster serves
    the write, the gevent process that holds the user's websocket gets it
    through PostgreSQL's NOTIFY.
    """

    _inherit = "tdkt.plan.task"

    def write(self, vals):
        if self.env.context.get("tdkt_renumbering") or not CARD_FIELDS & set(vals):
            return super().write(vals)
        # sudo: the assignees' partners are only read to address the message.
        before = {task.id: task.sudo().user_ids.partner_id for task in self}
        result = super().write(vals)
        self._notify_assignees(before)
        return result

    def _notify_assignees(self, before=None):
        for task in self:
            partners = task.sudo().user_ids.partner_id  # see write()
            if before:
                partners |= before.get(task.id, partners.browse())
            partners._bus_send(
                NOTIFICATION,
                {
                    "id": task.id,
                    "plan_id": task.plan_id.id,
                    "state": task.state,
                    "quarter": task.quarter,
                },
            )
