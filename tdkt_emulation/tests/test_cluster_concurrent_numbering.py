"""A cluster's register stays gapless and unique when many of its papers
are signed at the same time, and two clusters of one agency never share it.

Real concurrent transactions, as in ``test_concurrent_numbering``: each
thread signs one cross-inspection's minutes in its own cursor and commits.
"""

import uuid

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged
from odoo.tools import SQL

from .concurrent_common import TdktConcurrentCase

PER_CLUSTER = 10
YEAR = 2097


@tagged("post_install", "-at_install")
class TestClusterConcurrentNumbering(TdktConcurrentCase):
    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            company = env["res.company"].create(
                {"name": f"Thanh tra thử cụm đồng thời {tag}"}
            )
            office = env["res.users"].create(
                {
                    "name": "Thường trực thử",
                    "login": f"tdkt_cluster_concurrency_{tag}",
                    "email": f"office.{tag}@example.com",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [
                        (6, 0, [env.ref("tdkt_emulation.group_tdkt_office").id])
                    ],
                }
            )
            deputy = env["res.partner"].create(
                {"name": f"Thanh tra tỉnh bạn {tag}", "is_company": True}
            )
            clusters = env["tdkt.cluster"].create(
                [
                    {
                        "name": f"Cụm {code} {tag}",
                        "code": code,
                        "organiser_id": deputy.id,
                        "company_id": company.id,
                        "member_ids": [
                            (0, 0, {"year": YEAR, "partner_id": partner.id, "role": r})
                            for partner, r in (
                                (company.partner_id, "head"),
                                (deputy, "deputy"),
                            )
                        ],
                    }
                    for code in ("CA", "CB")
                ]
            )
            inspections = env["tdkt.cluster.inspection"]
            for cluster in clusters:
                covenant = env["tdkt.cluster.covenant"].create(
                    {
                        "cluster_id": cluster.id,
                        "year": YEAR,
                        "place": "Lạng Sơn",
                        "criterion_ids": [
                            (0, 0, {"name": "Công tác thanh tra", "max_points": 100})
                        ],
                    }
                )
                covenant._tdkt_do("sign")
                head, deputy_member = cluster._tdkt_members(YEAR)
                covenant.score_ids.filtered(
                    lambda s, m=head: s.member_id == m
                ).cross_score = 80
                inspections |= inspections.create(
                    [
                        {
                            "covenant_id": covenant.id,
                            "team_member_ids": [(6, 0, deputy_member.ids)],
                            "inspected_member_ids": [(6, 0, head.ids)],
                        }
                        for _index in range(PER_CLUSTER)
                    ]
                )
            self.company_id, self.office_id = company.id, office.id
            self.cluster_ids, self.inspection_ids = clusters.ids, inspections.ids
        self.addCleanup(self._remove_data)

    def _remove_data(self):
        """Remove what the test committed (with SQL: signed papers are kept
        from deletion by the ORM, as they should be)."""
        with self.registry.cursor() as cr:
            clusters = tuple(self.cluster_ids)
            covenants = SQL(
                "SELECT id FROM tdkt_cluster_covenant WHERE cluster_id IN %s", clusters
            )
            for query in (
                SQL(
                    "DELETE FROM tdkt_document_register WHERE cluster_id IN %s",
                    clusters,
                ),
                SQL(
                    "DELETE FROM tdkt_cluster_inspection WHERE cluster_id IN %s",
                    clusters,
                ),
                SQL(
                    "DELETE FROM tdkt_cluster_score WHERE covenant_id IN (%s)",
                    covenants,
                ),
                SQL(
                    "DELETE FROM tdkt_cluster_criterion WHERE covenant_id IN (%s)",
                    covenants,
                ),
                SQL(
                    "DELETE FROM tdkt_cluster_covenant WHERE cluster_id IN %s", clusters
                ),
                SQL("DELETE FROM tdkt_cluster_member WHERE cluster_id IN %s", clusters),
            ):
                cr.execute(query)
            cr.execute(SQL("DELETE FROM tdkt_cluster WHERE id IN %s", clusters))
            self.archive(cr, self.office_id, self.company_id)

    def test_twenty_concurrent_minutes_of_two_clusters(self):
        errors = self.run_at_once(
            self.office_id,
            "tdkt.cluster.inspection",
            self.inspection_ids,
            "action_issue",
        )
        self.assertEqual(errors, [])
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT cluster_id, state, number FROM tdkt_cluster_inspection"
                    " WHERE id IN %s",
                    tuple(self.inspection_ids),
                )
            )
            rows = cr.fetchall()
            cr.execute(
                SQL(
                    "SELECT cluster_id, code, number FROM tdkt_document_register"
                    " WHERE company_id = %s",
                    self.company_id,
                )
            )
            register = cr.fetchall()
        self.assertEqual({state for _c, state, _n in rows}, {"issued"})
        expected = list(range(1, PER_CLUSTER + 1))
        for cluster_id in self.cluster_ids:
            # Each cluster: 01 to 10, in its own register; the covenant (GƯ)
            # is its number 01 of another type.
            self.assertEqual(
                sorted(n for c, _s, n in rows if c == cluster_id), expected
            )
            self.assertEqual(
                sorted(
                    n for c, code, n in register if c == cluster_id and code == "BB"
                ),
                expected,
            )
            self.assertEqual(
                [n for c, code, n in register if c == cluster_id and code == "GƯ"], [1]
            )
        # Nothing went to the agency's own register.
        self.assertFalse([row for row in register if not row[0]])
