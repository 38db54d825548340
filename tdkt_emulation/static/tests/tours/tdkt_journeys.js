/** @odoo-module **/
// One browser journey per role; the Python side (tests/test_tour_journeys.py)
// prepares the records and checks them afterwards.  Selectors use field and
// button names, not labels: the demo users work in Vietnamese.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("tdkt_journey_office_plan", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name='name'] input", run: "edit Kế hoạch hành trình văn phòng" },
        { trigger: "div[name='task_q1_ids'] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: "div[name='task_q1_ids'] .o_selected_row div[name='name'] textarea", run: "edit Nhiệm vụ hành trình quý I" },
        { trigger: "div[name='task_q3_ids'] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: "div[name='task_q3_ids'] .o_selected_row div[name='name'] textarea", run: "edit Nhiệm vụ hành trình quý III" },
        { trigger: ".o_notebook .nav-link[name='signature']", run: "click" },
        { trigger: ".o_field_widget[name='signer_id'] input", run: "edit Đậu Trường" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Đậu Trường An')", run: "click" },
        // The button saves the new plan before submitting it.
        { trigger: "button[name='action_submit']", run: "click" },
        { trigger: "button[name='action_reset_to_draft']" },
    ],
});

tours.add("tdkt_journey_chief_issue", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_form_view button[name='action_close']" },
    ],
});

tours.add("tdkt_journey_staff_kanban", {
    steps: () => [
        // The journey's plan is of 2030: the 'This Year' filter (first facet) off.
        { trigger: ".o_searchview_facet:eq(2)" },
        { trigger: ".o_searchview_facet:first .o_facet_remove", run: "click" },
        { trigger: ".o_kanban_view .o_kanban_record:contains('Nhiệm vụ của Văn phòng')" },
        // The 'My Unit's Tasks' filter off: the other department's task shows too.
        { trigger: ".o_searchview_facet:first .o_facet_remove", run: "click" },
        { trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ của phòng khác')" },
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ của Văn phòng')",
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        { trigger: ".o_kanban_group:eq(2) .o_kanban_record:contains('Nhiệm vụ của Văn phòng')" },
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ của phòng khác')",
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        // The server refuses: an error dialog, and the card goes back.
        { trigger: ".modal .o_error_dialog, .modal-dialog:contains('Access')" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ của phòng khác')" },
    ],
});

tours.add("tdkt_journey_office_print", {
    steps: () => [
        { trigger: ".o_form_view .o_tdkt_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button:enabled" },
    ],
});

tours.add("tdkt_journey_office_review_from_plan", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_half_year_review']", run: "click" },
        // The review report of the plan opens, its results counted.
        { trigger: ".o_form_view div[name='line_ids'] .o_data_row" },
        { trigger: ".o_notebook .nav-link[name='text']", run: "click" },
        {
            trigger: ".o_form_view div[name='results'] .odoo-editor-editable",
            run: "editor Các phong trào thi đua được triển khai kịp thời.",
        },
        { trigger: ".o_form_view .o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: ".o_form_view .o_tdkt_review_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_review_print_button:enabled" },
    ],
});

tours.add("tdkt_journey_staff_task_actions", {
    steps: () => [
        // Another unit's task: no action to take, nothing editable.
        { trigger: ".o_form_view .o_field_widget[name='name']:contains('Nhiệm vụ của phòng khác')" },
        {
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_complete'])):not(:has(button[name='action_start']))",
        },
        { trigger: ".o_form_view .o_field_widget.o_readonly_modifier[name='result_note']" },
        { trigger: ".o_breadcrumb .breadcrumb-item:not(.active) a, .o_breadcrumb .o_back_button", run: "click" },
        // The journey's plan is of 2030: the 'This Year' filter (first facet) off.
        { trigger: ".o_kanban_view .o_searchview_facet:eq(1)" },
        { trigger: ".o_searchview_facet:first .o_facet_remove", run: "click" },
        { trigger: ".o_kanban_record:contains('Nhiệm vụ của Văn phòng')", run: "click" },
        // Their own unit's task: the actions are there.
        { trigger: ".o_form_view .o_field_widget[name='name']:contains('Nhiệm vụ của Văn phòng')" },
        { trigger: ".o_form_view button[name='action_complete']", run: "click" },
        { trigger: ".o_form_view button[name='action_reopen']" },
    ],
});
