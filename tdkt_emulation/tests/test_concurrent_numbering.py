"""Numbers stay unique when many documents are issued at the same time.

Real concurrent transactions: each thread issues one plan in its own
database cursor and commits, as twenty Chiefs clicking "Issue" at once.
"""

import uuid

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged
from odoo.tools import SQL

from .concurrent_common import TdktConcurrentCase

CLIENTS = 20
YEAR = 2097


@tagged("post_install", "-at_install")
class TestConcurrentNumbering(TdktConcurrentCase):
    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].create(
                {"name": f"Thanh tra thử đồng thời {tag}", "tdkt_agency_code": "TTĐT"}
            )
            chief = env["res.users"].create(
                {
                    "name": "Chánh Thanh tra thử",
                    "login": f"tdkt_concurrency_{tag}",
                    "email": f"chief.{tag}@example.com",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [
                        (6, 0, [env.ref("tdkt_emulation.group_tdkt_chief").id])
                    ],
                }
            )
            employee = env["hr.employee"].create(
                {"name": chief.name, "user_id": chief.id, "company_id": company.id}
            )
            plans = env["tdkt.plan"].create(
                [
                    {
                        "name": f"Kế hoạch {index}",
                        "company_id": company.id,
                        "year": YEAR,
                        "signer_id": employee.id,
                        "task_ids": [(0, 0, {"name": "Nhiệm vụ", "quarter": "1"})],
                    }
                    for index in range(CLIENTS)
                ]
            )
            self.company_id, self.chief_id = company.id, chief.id
            self.plan_ids = plans.ids
        self.addCleanup(self._remove_data)

    def _remove_data(self):
        """Remove what the test committed (the documents with SQL: issued
        documents are kept from deletion by the ORM, as they should be)."""
        with self.registry.cursor() as cr:
            plans = tuple(self.plan_ids)
            for query in (
                SQL(
                    "DELETE FROM tdkt_document_register WHERE company_id = %s",
                    self.company_id,
                ),
                SQL(
                    "DELETE FROM mail_message"
                    " WHERE model = 'tdkt.plan' AND res_id IN %s",
                    plans,
                ),
                SQL(
                    "DELETE FROM tdkt_document_recipient WHERE company_id = %s",
                    self.company_id,
                ),
                SQL("DELETE FROM tdkt_plan WHERE id IN %s", plans),
            ):
                cr.execute(query)
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["hr.employee"].search([("user_id", "=", self.chief_id)]).unlink()
            self.archive(cr, self.chief_id, self.company_id)

    def test_twenty_concurrent_first_issues_of_a_year(self):
        errors = self.run_at_once(
            self.chief_id, "tdkt.plan", self.plan_ids, "action_issue"
        )
        self.assertEqual(errors, [])
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT state, number FROM tdkt_plan WHERE id IN %s",
                    tuple(self.plan_ids),
                )
            )
            rows = cr.fetchall()
            cr.execute(
                SQL(
                    "SELECT number FROM tdkt_document_register WHERE company_id = %s",
                    self.company_id,
                )
            )
            register = sorted(row[0] for row in cr.fetchall())
        self.assertEqual({state for state, _number in rows}, {"issued"})
        self.assertEqual(
            sorted(number for _state, number in rows), list(range(1, CLIENTS + 1))
        )
        self.assertEqual(register, list(range(1, CLIENTS + 1)))
