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
