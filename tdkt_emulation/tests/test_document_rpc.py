"""The lifecycle as an XML-RPC client sees it (hole 9 and the write path)."""

import xmlrpc.client

from odoo.tests import HttpCase, new_test_user, tagged

from .common import xmlrpc_call


@tagged("post_install", "-at_install")
class TestDocumentRpc(HttpCase):
    def setUp(self):
        super().setUp()
        groups = "base.group_user,tdkt_emulation.group_tdkt_"
        self.office = new_test_user(self.env, "t_rpc_office", groups=groups + "office")
        self.chief = new_test_user(self.env, "t_rpc_chief", groups=groups + "chief")
        signer = self.env["hr.employee"].create(
            {"name": "Người ký", "user_id": self.chief.id}
        )
        self.plan = self.env["tdkt.plan"].create(
            {
                "name": "Kế hoạch thử qua XML-RPC",
                "year": 2031,
                "signer_id": signer.id,
                "task_ids": [(0, 0, {"name": "Nhiệm vụ", "quarter": "1"})],
            }
        )

    def call(self, user, method, *args, **kwargs):
        return xmlrpc_call(self, user, "tdkt.plan", method, *args, **kwargs)

    def test_moves_answer_over_xmlrpc(self):
        self.assertIs(self.call(self.office, "action_submit", [self.plan.id]), True)
        # A client's write of the state is the same move as the button.
        with self.assertRaisesRegex(xmlrpc.client.Fault, "Chief"):
            self.call(self.office, "write", [self.plan.id], {"state": "issued"})
        self.assertIs(
            self.call(
                self.chief,
                "write",
                [self.plan.id],
                {"state": "issued"},
                context={"tdkt_renumbering": True},
            ),
            True,
        )
        self.plan.invalidate_recordset()
        self.assertEqual((self.plan.state, self.plan.number), ("issued", 1))
        # Cancelling an issued plan needs a reason: the button answers with
        # the reason dialog, which XML-RPC can marshal.
        action = self.call(self.chief, "action_cancel", [self.plan.id])
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        with self.assertRaisesRegex(xmlrpc.client.Fault, "needs a reason"):
            self.call(self.chief, "write", [self.plan.id], {"state": "cancelled"})
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.state, "issued")
