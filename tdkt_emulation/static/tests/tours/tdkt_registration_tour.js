/** @odoo-module **/
// A unit's registration: the unit submits, the Office returns it with a
// reason, the unit edits and resubmits, the Office accepts. The Python side
// (tests/test_registration_tour.py) prepares the records and checks them.
// Selectors use field and button names: the demo users work in Vietnamese.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const current = (state) => `.o_statusbar_status .o_arrow_button_current[data-value='${state}']`;

tours.add("tdkt_registration_unit_submit", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_submit']", run: "click" },
        { trigger: current("submitted") },
    ],
});

tours.add("tdkt_registration_office_return", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_return']", run: "click" },
        { trigger: ".modal .o_field_widget[name='reason'] textarea", run: "edit Bổ sung chức vụ của cán bộ" },
        { trigger: ".modal-footer button[name='action_confirm']", run: "click" },
        { trigger: current("returned") },
    ],
});

tours.add("tdkt_registration_unit_resubmit", {
    steps: () => [
        { trigger: ".o_notebook .nav-link[name='signature']", run: "click" },
        { trigger: ".o_field_widget[name='note'] textarea", run: "edit Đã bổ sung chức vụ" },
        // The button saves the change before submitting.
        { trigger: ".o_form_view button[name='action_submit']", run: "click" },
        { trigger: current("submitted") },
    ],
});

tours.add("tdkt_registration_office_accept", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_accept']", run: "click" },
        { trigger: current("accepted") },
    ],
});

// A member agency in the sector's movement: the Office enters the agency's
// people by name (the agency is not in this Odoo's HR), then submits.
tours.add("tdkt_registration_agency_named_people", {
    steps: () => [
        // No employee column for a member agency: its people are named.
        {
            trigger:
                ".o_field_widget[name='line_ids'] table:has(th[data-name='person_name']):not(:has(th[data-name='employee_id']))",
        },
        { trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a", run: "click" },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row [name='person_name'] input",
            run: "edit Đinh Văn Giao",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row [name='job_title'] input",
            run: "edit Thanh tra viên",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row [name='award_type_id'] input",
            run: "edit Giấy khen",
        },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Giấy khen - cá nhân')", run: "click" },
        // The button saves the new line before submitting.
        { trigger: ".o_form_view button[name='action_submit']", run: "click" },
        { trigger: current("submitted") },
    ],
});
