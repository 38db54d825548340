/** @odoo-module **/
// Everyday plan journeys; the Python side (tests/test_tour_everyday.py)
// prepares the records and checks them afterwards. Selectors use field,
// button and model names, not labels: the demo users work in Vietnamese.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The Chief finds the plan submitted to them in their activities (the clock
// of the systray), opens it from there and issues it.
tours.add("tdkt_journey_chief_issue_from_activities", {
    steps: () => [
        { trigger: ".o_menu_systray .o-mail-ActivityMenu-counter" },
        { trigger: ".o_menu_systray i[aria-label='Activities']", run: "click" },
        { trigger: ".o-mail-ActivityGroup[data-model_name='tdkt.plan']", run: "click" },
        {
            trigger:
                ".o_data_row:contains('Kế hoạch trình Chánh Thanh tra') td.o_data_cell, .o_kanban_record:contains('Kế hoạch trình Chánh Thanh tra')",
            run: "click",
        },
        { trigger: ".o_form_view .o_field_widget[name='name']:contains('Kế hoạch trình Chánh Thanh tra'), .o_form_view .o_field_widget[name='name'] input" },
        { trigger: ".o_form_view button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_form_view button[name='action_close']" },
    ],
});

// The Office plans the next year from an issued plan: a new draft opens.
tours.add("tdkt_journey_office_roll_over", {
    steps: () => [
        { trigger: ".o_form_view .o_tdkt_roll_over_button", run: "click" },
        { trigger: ".o_breadcrumb .active:contains('2031')" },
        { trigger: ".o_form_view button[name='action_submit']" },
    ],
});
