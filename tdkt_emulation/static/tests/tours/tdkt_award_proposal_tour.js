/** @odoo-module **/
// Award proposals: the unit proposes its collective title and sees the check
// that fails with its article; the Chief overrides it with a reason; the unit
// submits the dossier; the Office sends it to the council. The Python side
// (tests/test_award_proposal_tour.py) prepares the dossier and checks it.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const current = (state) => `.o_statusbar_status .o_arrow_button_current[data-value='${state}']`;

tours.add("tdkt_award_unit_proposes", {
    steps: () => [
        { trigger: ".o_form_view div[name='proposal_ids'] .o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".modal .o_field_widget[name='award_type_id'] input", run: "edit Tập thể lao động tiên" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Tập thể lao động tiên tiến')", run: "click" },
        { trigger: ".modal .o_notebook .nav-link[name='facts']", run: "click" },
        { trigger: ".modal .o_field_widget[name='performance_rating'] select", run: "select \"htt\"" },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_button_save", run: "click" },
        // The list shows the result; the proposal shows the check and its article.
        { trigger: "div[name='proposal_ids'] .o_data_row td[name='eligibility'] .badge:contains('fail'), div[name='proposal_ids'] .o_data_row td[name='eligibility'] .text-bg-danger" },
        { trigger: "div[name='proposal_ids'] .o_data_row td[name='nominee_name']", run: "click" },
        { trigger: ".modal div[name='check_ids'] .o_data_row td[name='basis']:contains('Điều 28')" },
        { trigger: ".modal .o_form_button_cancel, .modal .btn-close", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});

tours.add("tdkt_award_chief_overrides", {
    steps: () => [
        { trigger: ".o_form_view div[name='check_ids'] td[name='basis']:contains('Điều 28')" },
        { trigger: ".o_form_view button[name='action_override']", run: "click" },
        { trigger: ".modal .o_field_widget[name='reason'] textarea", run: "edit Đơn vị có thành tích đột xuất trong năm" },
        { trigger: ".modal-footer button[name='action_confirm']", run: "click" },
        { trigger: ".o_form_view .ribbon:contains('Overridden'), .o_form_view .o_widget_web_ribbon .text-bg-warning" },
    ],
});

tours.add("tdkt_award_unit_submits", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_submit']", run: "click" },
        { trigger: current("submitted") },
    ],
});

tours.add("tdkt_award_office_sends_to_council", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_send_council']", run: "click" },
        { trigger: current("council") },
    ],
});

// The Office drags a submitted proposal on the kanban grouped by status
// (columns by position: Draft, Submitted, Under Council Review, Approved,
// Rejected, Returned, Decided, Forwarded Upward, Conferred). Approved is
// not a move it may make from Submitted (the council comes first): the drop
// is refused with a message and the card stays. Returned is: the dialog asks the reason, and the card
// moves once it is given.
tours.add("tdkt_award_kanban_drag", {
    steps: () => [
        { trigger: ".o_kanban_group:eq(1) .o_kanban_record:contains('Phòng Kéo Thả')" },
        {
            trigger: ".o_kanban_group:eq(1) .o_kanban_record:contains('Phòng Kéo Thả')",
            run: "drag_and_drop(.o_kanban_group:eq(3))",
        },
        { trigger: ".o_notification:contains('Phòng Kéo Thả')" },
        { trigger: ".o_kanban_group:eq(1) .o_kanban_record:contains('Phòng Kéo Thả')" },
        { trigger: ".o_kanban_group:eq(3):not(:has(.o_kanban_record:contains('Phòng Kéo Thả')))" },
        {
            trigger: ".o_kanban_group:eq(1) .o_kanban_record:contains('Phòng Kéo Thả')",
            run: "drag_and_drop(.o_kanban_group:eq(5))",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Thiếu báo cáo thành tích của đơn vị",
        },
        { trigger: ".modal-footer button[name='action_confirm']", run: "click" },
        { trigger: ".o_kanban_group:eq(5) .o_kanban_record:contains('Phòng Kéo Thả')" },
        { trigger: "body:not(:has(.modal))" },
    ],
});
