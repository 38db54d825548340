/** @odoo-module **/
// The task kanban: dropping a card in a status column that needs an answer
// first (the reason a task did not apply, the result of a task completed
// late) runs the same server action as the form's button; the dialog it
// opens decides. Cancelled, the card stays where it was: nothing was moved.
import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { RelationalModel } from "@web/model/relational_model/relational_model";

// Status column -> the task's method that makes the move (or asks first).
const STATE_ACTIONS = {
    done: "action_complete",
    not_applicable: "action_mark_not_applicable",
};

export class TdktPlanTaskDynamicGroupList extends RelationalModel.DynamicGroupList {
    async moveRecord(dataRecordId, dataGroupId, refId, targetGroupId) {
        const targetGroup = this.groups.find((g) => g.id === targetGroupId);
        const method =
            dataGroupId !== targetGroupId &&
            this.groupByField.name === "state" &&
            STATE_ACTIONS[targetGroup?.value];
        if (!method) {
            return super.moveRecord(...arguments);
        }
        const sourceGroup = this.groups.find((g) => g.id === dataGroupId);
        const record = sourceGroup?.list.records.find((r) => r.id === dataRecordId);
        if (!record) {
            return; // dropped while the columns were being reloaded
        }
        const action = await this.model.orm.call(this.resModel, method, [[record.resId]], {
            context: this.context,
        });
        const reload = () => this.model.load();
        if (action && typeof action === "object") {
            // The dialog's Confirm says {done: true}; cancelled, nothing moved.
            return this.model.action.doAction(action, {
                onClose: (info) => info?.done && reload(),
            });
        }
        return reload();
    }
}

export class TdktPlanTaskKanbanModel extends RelationalModel {}
TdktPlanTaskKanbanModel.DynamicGroupList = TdktPlanTaskDynamicGroupList;

registry.category("views").add("tdkt_plan_task_kanban", {
    ...kanbanView,
    Model: TdktPlanTaskKanbanModel,
});
