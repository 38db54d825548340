/** @odoo-module **/
// The task kanban: dropping a card in a status column that needs an answer
// first (the reason a task did not apply, the result of a task completed
// late) runs the same server action as the form's button; the dialog it
// opens decides. Cancelled, the card stays where it was: nothing was moved.
import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { RelationalModel } from "@web/model/relational_model/relational_model";
import { TdktStateDynamicGroupList } from "./tdkt_state_kanban";

// Status column -> the task's method that makes the move (or asks first).
const STATE_ACTIONS = {
    done: "action_complete",
    not_applicable: "action_mark_not_applicable",
};

export class TdktPlanTaskDynamicGroupList extends TdktStateDynamicGroupList {
    dropRule(record, sourceGroup, targetGroup) {
        const method = STATE_ACTIONS[targetGroup.value];
        return method ? { method } : null;
    }
}

export class TdktPlanTaskKanbanModel extends RelationalModel {}
TdktPlanTaskKanbanModel.DynamicGroupList = TdktPlanTaskDynamicGroupList;

registry.category("views").add("tdkt_plan_task_kanban", {
    ...kanbanView,
    Model: TdktPlanTaskKanbanModel,
});
