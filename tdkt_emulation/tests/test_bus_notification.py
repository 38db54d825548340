import json

from odoo.tests import tagged

from odoo.addons.bus.tests.common import WebsocketCase


@tagged("post_install", "-at_install")
class TestBusNotification(WebsocketCase):
    """The kanban's live update: a websocket as the web client opens it."""

    def test_assigned_user_is_notified_of_a_change(self):
        staff = self.env.ref("tdkt_emulation.user_staff_demo")
        office = self.env.ref("tdkt_emulation.user_office_demo")
        task = self.env.ref("tdkt_emulation.tdkt_plan_2024_q4_t4_demo")
        task.user_ids = [(4, staff.id)]
        self.assertEqual(task.state, "todo")
        # The staff member's browser: logged in, websocket open, and the
        # web client's 'subscribe' (no explicit channel: the server adds the
        # user's own partner channel).
        session = self.authenticate(staff.login, staff.login)
        websocket = self.websocket_connect(cookie=f"session_id={session.sid}")
        self.subscribe(websocket, [], self.env["bus.bus"]._bus_last_id())
        # Someone else completes the task, over JSON-RPC like the web client,
        # in a session of their own (authenticate() would delete the staff
        # member's session, which closes its websocket).
        self.session = None
        self.authenticate(office.login, office.login)
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/tdkt.plan.task/action_done",
            {
                "model": "tdkt.plan.task",
                "method": "action_done",
                "args": [task.ids],
                "kwargs": {},
            },
        )
        # Tests never commit, so PostgreSQL's NOTIFY is simulated here.
        self.trigger_notification_dispatching([staff.partner_id])
        messages = [
            notification["message"] for notification in json.loads(websocket.recv())
        ]
        self.assertIn(
            {
                "type": "tdkt.plan.task/updated",
                "payload": {
                    "id": task.id,
                    "plan_id": task.plan_id.id,
                    "state": "done",
                    "quarter": task.quarter,
                },
            },
            messages,
        )

    def test_unassigned_user_is_notified_too(self):
        staff = self.env.ref("tdkt_emulation.user_staff_demo")
        task = self.env.ref("tdkt_emulation.tdkt_plan_2024_q4_t6_demo")
        task.user_ids = [(4, staff.id)]
        session = self.authenticate(staff.login, staff.login)
        websocket = self.websocket_connect(cookie=f"session_id={session.sid}")
        self.subscribe(websocket, [], self.env["bus.bus"]._bus_last_id())
        task.user_ids = [(3, staff.id)]
        self.trigger_notification_dispatching([staff.partner_id])
        payloads = [
            notification["message"]["payload"]
            for notification in json.loads(websocket.recv())
            if notification["message"]["type"] == "tdkt.plan.task/updated"
        ]
        self.assertEqual([payload["id"] for payload in payloads], task.ids)
