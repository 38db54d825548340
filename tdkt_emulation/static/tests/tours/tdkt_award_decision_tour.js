/** @odoo-module **/
// Award decision: the Chief opens the decision the Office prepared, issues
// it (confirming) and prints it. The Python side
// (tests/test_award_decision_tour.py) prepares the decision and checks it.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("tdkt_award_chief_issues_decision", {
    steps: () => [
        { trigger: ".o_form_view div[name='line_ids'] .o_data_row td[name='nominee_text']:contains('Nông Thị Hằng')" },
        { trigger: ".o_form_view button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='issued']" },
        { trigger: ".o_form_view .o_field_widget[name='document_number']:contains('/QĐ-')" },
        { trigger: ".o_form_view .o_tdkt_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button:enabled" },
    ],
});
