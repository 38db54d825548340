/** @odoo-module **/
// Kanbans grouped by status. A card dropped in another status column makes
// the move the record's buttons make: the view's drop rule says how (write
// the status, or call the button's method, which may open a dialog first),
// or refuses the drop with a message, the card staying where it was. The
// server checks every move again through its transition table.
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { RelationalModel } from "@web/model/relational_model/relational_model";

export class TdktStateDynamicGroupList extends RelationalModel.DynamicGroupList {
    /**
     * How dropping `record` from `sourceGroup` into `targetGroup` is made:
     * null to write the new status, {method} to call the record's method
     * (a dialog it opens decides; cancelled, nothing moved), {refuse} to
     * leave the card with that message.
     */
    dropRule(record, sourceGroup, targetGroup) {
        return null;
    }

    async moveRecord(dataRecordId, dataGroupId, refId, targetGroupId) {
        if (dataGroupId === targetGroupId || this.groupByField.name !== "state") {
            return super.moveRecord(...arguments);
        }
        const targetGroup = this.groups.find((g) => g.id === targetGroupId);
        const sourceGroup = this.groups.find((g) => g.id === dataGroupId);
        const record = sourceGroup?.list.records.find((r) => r.id === dataRecordId);
        if (!record || !targetGroup) {
            return; // dropped while the columns were being reloaded
        }
        const rule = this.dropRule(record, sourceGroup, targetGroup);
        if (!rule) {
            return super.moveRecord(...arguments);
        }
        if (rule.refuse) {
            this.model.notification.add(rule.refuse, { type: "danger" });
            return;
        }
        const action = await this.model.orm.call(this.resModel, rule.method, [[record.resId]], {
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

// Records with a transition table (tdkt.workflow.mixin): a card goes only
// to a status the current user may move it to from its own, as its
// ``allowed_moves`` says ("status:move:reason"); a move that asks for a
// reason opens the same dialog as the button.
export class TdktWorkflowDynamicGroupList extends TdktStateDynamicGroupList {
    dropRule(record, sourceGroup, targetGroup) {
        const moves = (record.data.allowed_moves || "").split(" ").filter(Boolean);
        const move = moves
            .map((item) => item.split(":"))
            .find(([state]) => state === targetGroup.value);
        if (!move) {
            return {
                refuse: _t(
                    "“%(record)s” cannot go from “%(from)s” to “%(to)s”: you may not make this change from its status.",
                    {
                        record: record.data.display_name || "",
                        from: sourceGroup.displayName,
                        to: targetGroup.displayName,
                    }
                ),
            };
        }
        const [, action, reason] = move;
        return reason === "1" ? { method: `action_${action}` } : null;
    }
}

export class TdktWorkflowKanbanModel extends RelationalModel {}
TdktWorkflowKanbanModel.DynamicGroupList = TdktWorkflowDynamicGroupList;

registry.category("views").add("tdkt_workflow_kanban", {
    ...kanbanView,
    Model: TdktWorkflowKanbanModel,
});
