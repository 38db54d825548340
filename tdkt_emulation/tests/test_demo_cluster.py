from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoCluster(TransactionCase):
    """The seed's two clusters, as the demo data holds them."""

    def test_clusters(self):
        iv = self.env.ref("tdkt_emulation.tdkt_cluster_iv_demo")
        ii = self.env.ref("tdkt_emulation.tdkt_cluster_ii_demo")
        self.assertEqual(iv.name, "Cụm thi đua số IV")
        self.assertEqual(ii.name, "Cụm II - Các cơ quan quản lý chuyên ngành")
        agency = self.env.ref("base.main_partner")
        for cluster, count in ((iv, 5), (ii, 6)):
            members = cluster._tdkt_members(2024)
            self.assertEqual(len(members), count)
            self.assertEqual(members[0].partner_id, agency)
            self.assertEqual(members[0].role, "head")
            cluster._tdkt_check_roles(2024)
        unit = self.env.ref("tdkt_emulation.tdkt_unit_clusters_demo")
        self.assertEqual(unit.cluster_ids, iv | ii)

    def test_scored_year(self):
        covenant = self.env.ref("tdkt_emulation.tdkt_cluster_covenant_iv_2024_demo")
        self.assertEqual(covenant.state, "published")
        groups = covenant.criterion_ids.filtered("child_ids")
        self.assertEqual(len(groups), 5)
        leaves = covenant.criterion_ids - groups
        self.assertEqual(len(leaves), 22)
        self.assertEqual(covenant.max_total, 100)
        self.assertEqual(len(covenant.target_ids), 4)
        self.assertEqual(len(covenant.score_ids), 5 * 22)
        ranking = covenant._tdkt_ranking()
        self.assertEqual(ranking[0][1].partner_id, self.env.ref("base.main_partner"))
        self.assertEqual(ranking[0][2], 90)
        self.assertEqual(
            [member.rank for _rank, member, _total in ranking], [1, 2, 2, 4, 5]
        )
        inspections = self.env["tdkt.cluster.inspection"].search(
            [("covenant_id", "=", covenant.id)]
        )
        self.assertEqual(len(inspections), 5)
        self.assertEqual(set(inspections.mapped("state")), {"issued"})
        honour = self.env.ref("tdkt_emulation.tdkt_cluster_honour_iv_2024_demo")
        self.assertEqual(honour.state, "issued")
        self.assertEqual(len(honour.result_ids), 3)
        self.assertEqual(
            honour.proposal_ids.award_type_id.mapped("code"),
            ["CO_THI_DUA_TTCP", "BANG_KHEN_TONG_TTCP_TT"],
        )

    def test_open_year(self):
        covenant = self.env.ref("tdkt_emulation.tdkt_cluster_covenant_ii_2024_demo")
        self.assertEqual(covenant.state, "signed")
        missing = covenant.score_ids.filtered(lambda s: not s.final_entered)
        self.assertEqual(len(missing), 1)
        self.assertEqual(missing.partner_id, self.env.ref("base.main_partner"))
        self.assertFalse(missing.self_entered)
