"""Query budgets of the clusters' hot paths: the same for a small cluster as
for a grid of 40 members x 60 criteria, and for the ranking of 20 clusters of
15 members (``cluster_load.py``, shared with ``make bench``)."""

from odoo.tests import tagged, users, warmup

from .cluster_load import build_clusters, list_spec, load_grid, load_ranking
from .common import TdktCommon
from .webclient import arch_spec

GRID_VIEW = "tdkt_emulation.tdkt_cluster_score_view_list"
RANKING_VIEW = "tdkt_emulation.tdkt_cluster_member_view_list_ranking"
# web_read_group by member, then the rows of the first member: the search,
# the fetch, the criteria and members shown, the user's rights (the
# inspections of their agencies, the covenants).
GRID_BUDGET = {"t_staff": 14, "t_office": 14}
# One page of 80 ranked members (of 90 or 300) and its count, the clusters
# and agencies shown.
RANKING_BUDGET = {"t_staff": 7, "t_office": 7}
# The XLSX of a covenant (table, details, ranking).
XLSX_BUDGET = {"t_office": 16}


@tagged("post_install", "-at_install")
class TestClusterQueryBudget(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # This agency heads every cluster: its Office enters the final scores.
        cls.small = build_clusters(
            cls.env, cls.company, members=4, per_group=3, name="Nhỏ"
        )
        cls.large = build_clusters(
            cls.env, cls.company, members=40, groups=6, per_group=10, name="Lớn"
        )
        cls.ranked_small = build_clusters(
            cls.env,
            cls.company,
            clusters=6,
            members=15,
            per_group=2,
            publish=True,
            name="Xếp hạng nhỏ",
        )
        cls.ranked_large = build_clusters(
            cls.env,
            cls.company,
            clusters=20,
            members=15,
            per_group=2,
            publish=True,
            name="Xếp hạng lớn",
        )

    def assert_same_budget(self, budget, loads):
        for size, load in loads:
            with self.subTest(size=size):
                self.env.invalidate_all()
                with self.assertQueryCount(**budget):
                    rows = load()
                self.assertTrue(rows)

    def test_data_set(self):
        self.assertEqual(len(self.large.score_ids), 40 * 62)
        self.assertEqual(len(self.small.score_ids), 4 * 8)
        self.assertEqual(len(self.ranked_small.member_ids), 6 * 15)
        self.assertEqual(len(self.ranked_large.member_ids), 20 * 15)
        self.assertEqual(set(self.ranked_large.mapped("state")), {"published"})

    @users("t_staff", "t_office")
    @warmup
    def test_scoring_grid(self):
        spec = list_spec(self.env, "tdkt.cluster.score", GRID_VIEW, arch_spec)
        Score = self.env["tdkt.cluster.score"]
        self.assert_same_budget(
            GRID_BUDGET,
            [
                (
                    size,
                    lambda c=covenant: load_grid(
                        Score, spec, [("covenant_id", "=", c.id)]
                    ),
                )
                for size, covenant in (("4x6", self.small), ("40x60", self.large))
            ],
        )

    @users("t_staff", "t_office")
    @warmup
    def test_ranking(self):
        spec = list_spec(self.env, "tdkt.cluster.member", RANKING_VIEW, arch_spec)
        Member = self.env["tdkt.cluster.member"]
        self.assert_same_budget(
            RANKING_BUDGET,
            [
                (
                    size,
                    lambda d=[("cluster_id", "in", covenants.cluster_id.ids)]: (
                        load_ranking(Member, spec, d)
                    ),
                )
                for size, covenants in (
                    ("6x15", self.ranked_small),
                    ("20x15", self.ranked_large),
                )
            ],
        )

    @users("t_office")
    @warmup
    def test_scores_xlsx(self):
        Report = self.env["ir.actions.report"]
        self.assert_same_budget(
            XLSX_BUDGET,
            [
                (
                    size,
                    lambda c=covenant: Report._render(
                        "tdkt_emulation.report_tdkt_cluster_score_xlsx", c.ids
                    )[0],
                )
                for size, covenant in (("4x6", self.small), ("40x60", self.large))
            ],
        )
