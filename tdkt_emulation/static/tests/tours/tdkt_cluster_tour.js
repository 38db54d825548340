/** @odoo-module **/
// A cluster's scores: the member enters its self-score in the scoring grid,
// the head's Office enters the final score and publishes the ranking. The
// Python side (tests/test_cluster_tour.py) prepares the covenant and checks
// the records. Selectors use field and button names: the demo users work in
// Vietnamese.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const AGENCY = "Thanh tra tỉnh Lạng Sơn";

function enterScore(field, value) {
    return [
        { trigger: ".o_form_view button[name='action_open_scores']", run: "click" },
        { trigger: `.o_list_view .o_group_header:contains('${AGENCY}')`, run: "click" },
        { trigger: `.o_list_view .o_data_row .o_data_cell[name='${field}']`, run: "click" },
        { trigger: `.o_list_view .o_data_row .o_field_widget[name='${field}'] input`, run: `edit ${value}` },
        { trigger: ".o_list_view .o_list_button_save", run: "click" },
        {
            trigger: `.o_list_view .o_data_row:not(.o_selected_row) .o_data_cell[name='${field}']:contains('${value}')`,
        },
    ];
}

tours.add("tdkt_cluster_member_self_score", {
    steps: () => enterScore("self_score", "9,00"),
});

tours.add("tdkt_cluster_head_final_score", {
    steps: () => enterScore("final_score", "8,50"),
});

tours.add("tdkt_cluster_head_publish", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_publish']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='published']" },
    ],
});
