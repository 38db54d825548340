/** @odoo-module **/
// Task charts: one fixed colour per status, the same as the kanban's and the
// lists' (done green, in progress blue, to do grey, not applicable muted),
// whatever the order in which the statuses come.
import { registry } from "@web/core/registry";
import { graphView } from "@web/views/graph/graph_view";
import { GraphRenderer } from "@web/views/graph/graph_renderer";

// The colours of the kanban's progress bar (tdkt_plan_task_view_kanban).
const STATE_COLORS = {
    todo: ["--gray-300", "#dee2e6"],
    in_progress: ["--info", "#17a2b8"],
    done: ["--success", "#28a745"],
    not_applicable: ["--gray-600", "#6c757d"],
};

function stateColor(state) {
    const [variable, fallback] = STATE_COLORS[state];
    const style = getComputedStyle(document.documentElement);
    return style.getPropertyValue(variable).trim() || fallback;
}

export class TdktPlanTaskGraphRenderer extends GraphRenderer {
    getBarChartData() {
        const data = super.getBarChartData();
        const { groupBy, fields } = this.model.metaData;
        const stateOf = Object.fromEntries(
            (fields.state?.selection || []).map(([value, label]) => [label, value])
        );
        const names = groupBy.map((group) => group.fieldName);
        if (names[0] === "state") {
            // The statuses are the bars.
            for (const dataset of data.datasets) {
                dataset.backgroundColor = data.labels.map((label) =>
                    label in stateOf ? stateColor(stateOf[label]) : dataset.backgroundColor
                );
            }
        } else if (names[1] === "state") {
            // The statuses are the stacked series.
            for (const dataset of data.datasets) {
                if (dataset.label in stateOf) {
                    dataset.backgroundColor = stateColor(stateOf[dataset.label]);
                }
            }
        }
        return data;
    }
}

registry.category("views").add("tdkt_plan_task_graph", {
    ...graphView,
    Renderer: TdktPlanTaskGraphRenderer,
});
