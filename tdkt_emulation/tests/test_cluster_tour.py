from odoo.tests import tagged

from .tour_common import TdktTourCase


@tagged("post_install", "-at_install")
class TestClusterTour(TdktTourCase):
    """A member enters its self-score, the head enters the final score and
    publishes the ranking: two browser journeys on one covenant."""

    def test_self_score_final_score_publish(self):
        agency = self.company.partner_id
        neighbour = self.env["res.partner"].create(
            {"name": "Thanh tra tỉnh Láng giềng", "is_company": True}
        )
        cluster = self.env["tdkt.cluster"].create(
            {
                "name": "Cụm thi đua hành trình",
                "organiser_id": neighbour.id,
                "company_id": self.company.id,
                "member_ids": [
                    (0, 0, {"year": 2030, "partner_id": agency.id, "role": "head"}),
                    (
                        0,
                        0,
                        {"year": 2030, "partner_id": neighbour.id, "role": "deputy"},
                    ),
                ],
            }
        )
        covenant = self.env["tdkt.cluster.covenant"].create(
            {"cluster_id": cluster.id, "year": 2030, "place": "Lạng Sơn"}
        )
        group = self.env["tdkt.cluster.criterion"].create(
            {"covenant_id": covenant.id, "name": "Công tác thanh tra", "max_points": 10}
        )
        self.env["tdkt.cluster.criterion"].create(
            {
                "covenant_id": covenant.id,
                "parent_id": group.id,
                "name": "Kế hoạch thanh tra đúng tiến độ",
                "max_points": 10,
            }
        )
        covenant.action_sign()
        theirs = covenant.score_ids.filtered(lambda s: s.partner_id == neighbour)
        theirs.write({"self_score": 8, "final_score": 8})
        ours = covenant.score_ids - theirs
        url = f"/odoo/action-tdkt_emulation.tdkt_cluster_covenant_action/{covenant.id}"
        self.start_tour(url, "tdkt_cluster_member_self_score", login="staff")
        self.env.invalidate_all()
        self.assertEqual(ours.self_score, 9)
        self.assertTrue(ours.self_entered)
        self.assertFalse(ours.final_entered)
        self.start_tour(url, "tdkt_cluster_head_final_score", login="office")
        self.env.invalidate_all()
        self.assertEqual(ours.final_score, 8.5)
        self.assertEqual(covenant.state, "signed")
        self.start_tour(url, "tdkt_cluster_head_publish", login="office")
        self.env.invalidate_all()
        self.assertEqual(covenant.state, "published")
        self.assertEqual(
            [(m.partner_id, m.rank) for m in covenant.member_ids.sorted("rank")],
            [(agency, 1), (neighbour, 2)],
        )
