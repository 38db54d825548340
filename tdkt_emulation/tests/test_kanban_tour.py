from odoo.tests import tagged

from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestKanbanTour(TdktTourCase):
    def test_staff_completes_tasks_on_kanban(self):
        staff = self.env.ref("tdkt_emulation.user_staff_demo")
        dragged = self.env.ref("tdkt_emulation.tdkt_plan_2024_q4_t4_demo")
        clicked = self.env.ref("tdkt_emulation.tdkt_plan_2024_q4_t6_demo")
        self.assertEqual((dragged.state, clicked.state), ("todo", "todo"))
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_plan_task_action_my",
            "tdkt_task_kanban_done",
            login=staff.login,
        )
        for task in dragged | clicked:
            task.invalidate_recordset()
            self.assertEqual(task.state, "done")
            self.assertEqual(task.done_by_id, staff)
            self.assertTrue(task.done_date)
            # done after the deadline of 31/12/2024: recorded, with the result
            self.assertTrue(task.is_done_late)
            self.assertEqual(task.days_late, (task.done_date - task.date_deadline).days)
        self.assertIn("Hội đồng ngày 15/01/2025", dragged.result_note)
        self.assertIn("các quyết định", clicked.result_note)

    def test_staff_closes_tasks_as_not_applicable(self):
        # Only this journey's tasks on the kanban: the demo plan is closed.
        self.env.ref("tdkt_emulation.tdkt_plan_2024_demo").write({"state": "closed"})
        plan = self.make_plan(
            "Kế hoạch có nhiệm vụ nếu có",
            [
                ("2", "Nhiệm vụ kéo thả (nếu có)", self.unit_office),
                ("2", "Nhiệm vụ bấm nút (nếu có)", self.unit_office),
            ],
            is_conditional=True,
        )
        plan.action_issue()
        dragged, clicked = plan.task_ids.sorted("id")
        self.start_tour(
            "/odoo/action-tdkt_emulation.tdkt_plan_task_action_my",
            "tdkt_task_not_applicable",
            login="staff",
        )
        self.assertEqual(
            (dragged.state, dragged.not_applicable_reason),
            ("not_applicable", "Trong năm không có đợt thi đua chuyên đề."),
        )
        self.assertEqual(
            (clicked.state, clicked.not_applicable_reason),
            ("not_applicable", "Cấp trên không tổ chức hội nghị."),
        )
