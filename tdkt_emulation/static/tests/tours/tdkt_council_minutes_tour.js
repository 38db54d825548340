/** @odoo-module **/
// The minutes (BB) of a closed council session in the browser: the secretary
// makes them from the session, writes the conclusion and submits them to the
// chair (without an Issue button of her own); a plain member reads them
// without Issue and cannot edit them; the chair issues and prints them. The Python side
// (tests/test_council_minutes_tour.py) closes the session, chains the tours
// and checks the records and the printout.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const NO_ISSUE = ".o_form_view .o_form_statusbar:not(:has(button[name='action_issue']))";

tours.add("tdkt_council_minutes_secretary_submits", {
    steps: () => [
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='closed']" },
        { trigger: ".o_form_view .o_form_statusbar button[name='action_minutes']", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='session_id']:contains('Hội đồng')" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='draft']" },
        { trigger: ".o_form_view .o_form_statusbar button[name='action_submit']" },
        { trigger: NO_ISSUE },
        {
            trigger: ".o_form_view .o_field_widget[name='conclusion'] textarea",
            run: "edit Hội đồng thống nhất đề nghị Chánh Thanh tra tặng Giấy khen cho các trường hợp đạt.",
        },
        { trigger: ".o_form_view .o_form_statusbar button[name='action_submit']", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='submitted']" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: NO_ISSUE },
    ],
});

tours.add("tdkt_council_minutes_chair_issues", {
    steps: () => [
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='submitted']" },
        { trigger: ".o_form_view .o_form_statusbar button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='issued']" },
        { trigger: ".o_form_view .o_field_widget[name='document_number']:contains('/BB-')" },
        { trigger: ".o_form_view .o_tdkt_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button:enabled" },
    ],
});

// A plain member of the council neither makes the minutes of the session...
tours.add("tdkt_council_minutes_member_cannot_make", {
    steps: () => [
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='closed']" },
        { trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_minutes']))" },
    ],
});

// ... nor edits or issues them: the form is read-only to her.
tours.add("tdkt_council_minutes_member_reads", {
    steps: () => [
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='submitted']" },
        { trigger: ".o_form_view .o_field_widget[name='conclusion']:contains('Hội đồng thống nhất')" },
        { trigger: ".o_form_view .o_field_widget[name='conclusion']:not(:has(textarea))" },
        { trigger: NO_ISSUE },
    ],
});
