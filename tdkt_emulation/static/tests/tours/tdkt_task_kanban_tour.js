import { registry } from "@web/core/registry";

// Staff of the lead department completes tasks on the kanban grouped by
// status: once by dragging a card to the Done column, once with the card's
// Done button. Columns are addressed by position (To Do, In Progress, Done,
// Not Applicable): their titles are translated.
registry.category("web_tour.tours").add("tdkt_task_kanban_done", {
    steps: () => [
        {
            trigger: ".o_kanban_group:eq(2) .o_column_title",
        },
        {
            trigger: ".o_kanban_group:eq(0) .o_kanban_record:contains('Tham mưu nội dung')",
            run: "drag_and_drop(.o_kanban_group:eq(2))",
        },
        {
            trigger: ".o_kanban_group:eq(2) .o_kanban_record:contains('Tham mưu nội dung')",
        },
        {
            trigger:
                ".o_kanban_group:eq(0) .o_kanban_record:contains('Trình Chánh Thanh tra ban hành') .o_tdkt_task_done_button",
            run: "click",
        },
        {
            trigger: ".o_kanban_group:eq(2) .o_kanban_record:contains('Trình Chánh Thanh tra ban hành')",
        },
    ],
});
