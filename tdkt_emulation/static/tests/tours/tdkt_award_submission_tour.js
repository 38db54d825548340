/** @odoo-module **/
// Submission upward (Tờ trình): the Office prepares it from the approved
// proposals of a closed council session and submits it; the Chief issues and
// prints it; the Office records the higher level's decision. The Python side
// (tests/test_award_submission_tour.py) prepares the session and checks.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const current = (state) => `.o_statusbar_status .o_arrow_button_current[data-value='${state}']`;

tours.add("tdkt_award_submission_office_prepares", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name='council_session_id'] input", run: "edit 27/12/2024" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('27/12/2024')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='year'] input:value(2024)" },
        { trigger: ".o_form_view button[name='action_take_proposals']", run: "click" },
        { trigger: ".o_form_view div[name='line_ids'] .o_data_row:nth-child(2) td[name='nominee_name']:contains('Cán bộ tour')" },
        { trigger: ".o_form_view .o_field_widget[name='individual_count']:contains('2')" },
        { trigger: ".o_form_view .o_notebook .nav-link[name='signature']", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='signer_id'] input", run: "edit Đậu Trường" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Đậu Trường An')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='signer_position'] input:value('CHÁNH THANH TRA')" },
        { trigger: ".o_form_view button[name='action_submit']", run: "click" },
        { trigger: current("submitted") },
    ],
});

tours.add("tdkt_award_submission_chief_issues", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: current("issued") },
        { trigger: ".o_form_view .o_field_widget[name='document_number']:contains('TTr-')" },
        { trigger: ".o_form_view .o_tdkt_submission_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_submission_print_button:enabled" },
    ],
});

tours.add("tdkt_award_submission_office_records_decision", {
    steps: () => {
        // The higher decision is dated the day the submission was issued, read on
        // its form: "today" is the agency's day, which the browser's clock (in
        // another time zone) may not share.
        let issued = "";
        return [
            { trigger: ".o_form_view .o_field_widget[name='higher_decision_number'] input", run: "edit 130/QĐ-UBND" },
            { trigger: ".o_form_view .o_notebook .nav-link[name='signature']", run: "click" },
            {
                trigger: ".o_form_view .o_field_widget[name='issue_date']:contains('/')",
                run() {
                    issued = this.anchor.textContent.trim();
                },
            },
            {
                trigger: ".o_form_view .o_field_widget[name='higher_decision_date'] input",
                async run(helpers) {
                    await helpers.edit(issued);
                },
            },
            { trigger: ".o_form_view .o_field_widget[name='higher_decision_issuer'] input", run: "click" },
            { trigger: ".o_form_view button[name='action_record_decision']", run: "click" },
            { trigger: ".modal-footer .btn-primary", run: "click" },
            { trigger: current("decided") },
        ];
    },
});
