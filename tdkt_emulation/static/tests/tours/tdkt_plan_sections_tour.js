/** @odoo-module **/
// The Office creates a plan from a template, moves a section, writes a
// section's text and prints (tests/test_plan_sections_tour.py prepares the
// template and checks the plan and the printout afterwards).
import { registry } from "@web/core/registry";

const SECTIONS = "div[name='section_ids']";

registry.category("web_tour.tours").add("tdkt_plan_sections", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name='name'] input", run: "edit Kế hoạch theo mẫu của tour" },
        { trigger: ".o_form_view .o_field_widget[name='template_id'] input", run: "edit Mẫu của tour" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Mẫu của tour')", run: "click" },
        { trigger: ".o_form_view .o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: ".o_notebook .nav-link[name='sections']", run: "click" },
        // The template's sections, in its order.
        { trigger: `${SECTIONS} .o_data_row:eq(2):contains('III. TỔ CHỨC THỰC HIỆN')` },
        {
            trigger: `${SECTIONS} .o_data_row:contains('III. TỔ CHỨC THỰC HIỆN') .o_row_handle`,
            run: `drag_and_drop(${SECTIONS} .o_data_row:contains('II. NHIỆM VỤ'))`,
        },
        { trigger: `${SECTIONS} .o_data_row:eq(1):contains('III. TỔ CHỨC THỰC HIỆN')` },
        { trigger: ".o_form_view .o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        // The section's own form, for its text.
        {
            trigger: `${SECTIONS} .o_data_row:contains('I. MỤC ĐÍCH VÀ YÊU CẦU') .o_list_record_open_form_view button`,
            run: "click",
        },
        {
            trigger: ".o_form_view div[name='body'] .odoo-editor-editable",
            run: "editor 1. Đẩy mạnh phong trào thi đua trong năm.",
        },
        { trigger: ".o_form_view .o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: ".o_breadcrumb .breadcrumb-item a:contains('Kế hoạch theo mẫu của tour')", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button", run: "click" },
        { trigger: ".o_form_view .o_tdkt_print_button:enabled" },
    ],
});
