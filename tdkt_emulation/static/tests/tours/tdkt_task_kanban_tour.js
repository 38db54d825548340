import { registry } from "@web/core/registry";

// Columns are addressed by position (To Do, In Progress, Done, Not
// Applicable): their titles are translated. The first facet is the 'This
// Year' filter: the journeys' plans are of other years.
const yearFilterOff = (card) => [
    { trigger: ".o_searchview_facet:eq(1)" },
    { trigger: ".o_searchview_facet:first .o_facet_remove", run: "click" },
    { trigger: `.o_kanban_group:eq(0) .o_kanban_record:contains('${card}')` },
];

// Staff of the lead department completes the 2024 plan's tasks on the kanban
// grouped by status, after their deadline: once by dragging a card to the
// Done column, once with the card's Done button. Each time a dialog says how
// late and asks for the result.
registry.category("web_tour.tours").add("tdkt_task_kanban_done", {
    steps: () => [
        ...yearFilterOff("Tham mưu nội dung"),
        // The year reads without a thousands separator (not "2.024").
        {
            trigger: ".o_kanban_record:contains('Tham mưu nội dung') .o_tdkt_task_period:contains('/ 2024')",
        },
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Tham mưu nội dung')",
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        { trigger: ".modal .o_field_widget[name='lateness']:contains('31/12/2024')" },
        {
            trigger: ".modal .o_field_widget[name='result_note'] .odoo-editor-editable",
            run: "editor Đã họp Hội đồng ngày 15/01/2025.",
        },
        { trigger: ".modal button[name='action_confirm']", run: "click" },
        {
            trigger: ".o_kanban_group:eq(2) .o_kanban_record:contains('Tham mưu nội dung') .o_tdkt_done_late_badge",
        },
        {
            trigger:
                ".o_kanban_group:eq(0) .o_kanban_record:contains('Trình Chánh Thanh tra ban hành') .o_tdkt_task_done_button",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='result_note'] .odoo-editor-editable",
            run: "editor Đã trình ban hành các quyết định.",
        },
        { trigger: ".modal button[name='action_confirm']", run: "click" },
        {
            trigger: ".o_kanban_group:eq(2) .o_kanban_record:contains('Trình Chánh Thanh tra ban hành')",
        },
    ],
});

// Staff closes two 'if any' tasks as not applicable: by dragging a card to
// the Not Applicable column (a first time cancelled: the card stays), and
// with the task's button. Each time the dialog asks the reason.
registry.category("web_tour.tours").add("tdkt_task_not_applicable", {
    steps: () => [
        ...yearFilterOff("Nhiệm vụ kéo thả"),
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ kéo thả')",
            run: "drag_and_drop(.o_kanban_group:eq(3))",
        },
        { trigger: ".modal .o_field_widget[name='reason'] textarea" },
        { trigger: ".modal .modal-footer button[special='cancel']", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ kéo thả')" },
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Nhiệm vụ kéo thả')",
            run: "drag_and_drop(.o_kanban_group:eq(3))",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Trong năm không có đợt thi đua chuyên đề.",
        },
        { trigger: ".modal button[name='action_confirm']", run: "click" },
        { trigger: ".o_kanban_group:eq(3) .o_kanban_record:contains('Nhiệm vụ kéo thả')" },
        { trigger: ".o_kanban_record:contains('Nhiệm vụ bấm nút')", run: "click" },
        { trigger: ".o_form_view button[name='action_mark_not_applicable']", run: "click" },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Cấp trên không tổ chức hội nghị.",
        },
        { trigger: ".modal button[name='action_confirm']", run: "click" },
        { trigger: ".o_form_view button[name='action_reopen']" },
    ],
});
