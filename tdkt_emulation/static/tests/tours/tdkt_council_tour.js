/** @odoo-module **/
// The council's vote in the browser: the chair opens the session, each
// member votes on the voting screen (one tour per member, logged in as
// themselves), the chair closes it and sees the results, then the Chief
// prepares the decision from the session, issues and prints it. The Python
// side (tests/test_council_tour.py) chains the tours and checks the records.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("tdkt_council_chair_opens", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_open']", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='open']" },
        { trigger: ".o_form_view .o_tdkt_voting_screen" },
    ],
});

tours.add("tdkt_council_member_votes", {
    steps: () => [
        { trigger: ".o_form_view .o_tdkt_voting_screen", run: "click" },
        ...[1, 2, 3].flatMap((n) => [
            {
                trigger: `.o_tdkt_vote_kanban .o_kanban_record:nth-child(${n}) .o_tdkt_vote_agree`,
                run: "click",
            },
            {
                trigger: `.o_tdkt_vote_kanban .o_kanban_record:nth-child(${n}) .o_tdkt_vote_agree.btn-success`,
            },
        ]),
    ],
});

tours.add("tdkt_council_member_cannot_open", {
    steps: () => [
        { trigger: ".o_form_view .o_tdkt_voting_screen" },
        { trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_open'])):not(:has(button[name='action_close']))" },
    ],
});

tours.add("tdkt_council_chair_closes_and_decides", {
    steps: () => [
        { trigger: ".o_form_view button[name='action_close']", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='closed']" },
        { trigger: ".o_form_view .o_notebook a[name='agenda']", run: "click" },
        { trigger: ".o_form_view div[name='proposal_ids'] .o_data_row td[name='vote_agree']:contains('3')" },
        { trigger: ".o_form_view div[name='proposal_ids'] .o_data_row td[name='state'] .text-bg-success" },
        { trigger: ".o_form_view button[name='action_prepare_decision']", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='council_session_id'] input" },
        { trigger: ".o_form_view .o_notebook a[name='signature']", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='signer_id'] input", run: "edit Đậu Trường" },
        { trigger: ".o-autocomplete--dropdown-item:contains('Đậu Trường An')", run: "click" },
        { trigger: ".o_form_view button[name='action_take_approved']", run: "click" },
        { trigger: ".o_form_view .o_notebook a[name='awards']", run: "click" },
        { trigger: ".o_form_view div[name='line_ids'] .o_data_row" },
        { trigger: ".o_form_view button[name='action_issue']", run: "click" },
        { trigger: ".modal-footer .btn-primary", run: "click" },
        { trigger: ".o_statusbar_status .o_arrow_button_current[data-value='issued']" },
        { trigger: ".o_form_view .o_tdkt_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button:enabled" },
    ],
});
