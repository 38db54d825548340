{
    "name": "Emulation and Commendation (TĐKT)",
    "summary": "Yearly emulation and commendation plans of a Vietnamese public "
    "agency: quarterly tasks on a kanban, roles, official printouts",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/tdkt-emulation/tdkt_emulation",
    "author": "tdkt_emulation developers",
    "license": "LGPL-3",
    "application": True,
    "depends": ["mail", "hr", "report_xlsx"],
    "data": [
        "security/tdkt_emulation_security.xml",
        "security/ir.model.access.csv",
        "security/tdkt_emulation_rules.xml",
        "data/tdkt_plan_task_reminder_data.xml",
        "reports/tdkt_report_paperformat.xml",
        "reports/tdkt_official_document_templates.xml",
        "reports/tdkt_plan_report.xml",
        "reports/tdkt_plan_review_report.xml",
        "reports/tdkt_plan_xlsx_reports.xml",
        "views/tdkt_unit_views.xml",
        "views/tdkt_plan_task_views.xml",
        "views/tdkt_plan_views.xml",
        "views/tdkt_plan_review_views.xml",
        "views/res_company_views.xml",
        "wizard/tdkt_document_reason_wizard_views.xml",
        "wizard/tdkt_plan_task_not_applicable_wizard_views.xml",
        "views/tdkt_emulation_menus.xml",
    ],
    "demo": [
        "demo/tdkt_emulation_demo.xml",
        "demo/tdkt_plan_2024_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "tdkt_emulation/static/src/scss/tdkt_emulation.scss",
        ],
        "web.assets_tests": [
            "tdkt_emulation/static/tests/tours/*.js",
        ],
    },
}
