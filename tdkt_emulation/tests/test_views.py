from odoo.tests import Form, tagged

from .common import TdktCommon

# Default view of each type: the addon's view and a marker only it has.
PLAN_VIEWS = {
    "list": ("tdkt_plan_view_list", 'name="document_number"'),
    "kanban": ("tdkt_plan_view_kanban", 'name="document_number"'),
    "form": ("tdkt_plan_view_form", 'name="task_q1_ids"'),
    "search": ("tdkt_plan_view_search", 'name="submitted"'),
}
TASK_VIEWS = {
    "kanban": ("tdkt_plan_task_view_kanban", 'default_group_by="quarter"'),
    "list": ("tdkt_plan_task_view_list", 'name="cooperating_units_text"'),
    "form": ("tdkt_plan_task_view_form", 'name="action_start"'),
    "pivot": ("tdkt_plan_task_view_pivot", 'name="lead_unit_id"'),
    "graph": ("tdkt_plan_task_view_graph", 'stacked="1"'),
    "search": ("tdkt_plan_task_view_search", 'name="my_unit"'),
}


@tagged("post_install", "-at_install")
class TestViewsPerRole(TdktCommon):
    """Every role opens the screens it has a menu for, with the fields shown."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.issue(cls.create_plan())

    def load_views(self, model, user, expected):
        """Open the default views of a model as a user: they must be ours.

        Odoo synthesises a list, form, search, kanban, pivot or graph view for
        any model that has none (its id is then False), so checking that a
        view type comes back proves nothing: check that it is the addon's
        view, with a field or attribute that only that view has.
        """
        records = self.env[model].with_user(user)
        views = records.get_views([(False, t) for t in expected])["views"]
        for view_type, (xmlid, marker) in expected.items():
            with self.subTest(model=model, view_type=view_type):
                self.assertEqual(
                    views[view_type]["id"],
                    self.env.ref(f"tdkt_emulation.{xmlid}").id,
                    f"{model} {view_type}: not the addon's view",
                )
                self.assertIn(marker, views[view_type]["arch"])
        return records

    def test_every_role_opens_plan_and_tasks(self):
        for user in (
            self.staff,
            self.council,
            self.office,
            self.chief,
            self.admin_tdkt,
        ):
            with self.subTest(user=user.login):
                self.load_views("tdkt.plan", user, PLAN_VIEWS)
                with Form(self.plan.with_user(user)) as form:
                    self.assertEqual(form.document_number, "01/KH-TTr")
                    self.assertEqual(len(form.task_q1_ids), 2)
                    self.assertEqual(form.signer_id, self.chief_employee)
                tasks = self.load_views("tdkt.plan.task", user, TASK_VIEWS)
                groups = tasks.web_read_group(
                    [("plan_id", "=", self.plan.id)], ["quarter"], ["quarter"]
                )
                self.assertEqual(len(groups["groups"]), 4)
                task = self.plan.task_ids[0].with_user(user)
                with Form(task) as form:
                    self.assertEqual(form.lead_unit_id, self.unit_office)

    def test_plan_form_creates_tasks_per_quarter(self):
        with Form(self.env["tdkt.plan"].with_user(self.office)) as form:
            form.year = 2025
            form.signer_id = self.chief_employee
            with form.task_q2_ids.new() as line:
                line.name = "Sơ kết 6 tháng"
                line.lead_unit_id = self.unit_office
            with form.task_q4_ids.new() as line:
                line.name = "Tổng kết năm"
            with form.task_q4_ids.new() as line:
                line.name = "Họp Hội đồng"
        plan = form.record
        self.assertEqual(
            [(t.quarter, t.row_number, t.name) for t in plan.task_ids],
            [
                ("2", 1, "Sơ kết 6 tháng"),
                ("4", 1, "Tổng kết năm"),
                ("4", 2, "Họp Hội đồng"),
            ],
        )
        self.assertEqual(plan.signer_position, "CHÁNH THANH TRA")
