"""Query budgets of the hot paths: the same for 25 tasks as for 2,500.

The kanban and the form are loaded with the RPC calls of the web client
(``webclient.py``, shared with ``make bench``).  Budgets count queries, never
time.
"""

from odoo.tests import tagged, users, warmup

from .common import TdktCommon
from .webclient import form_spec, kanban_info, load_form, load_kanban, load_pivot

SMALL, LARGE = 25, 2500
# Queries of the web client's calls, warm caches, for 25 and 2,500 tasks alike.
# Kanban: web_read_group + read_progress_bar + per column (4) the search with
# its window count, the fetch, the activities, the responsible users and the
# cooperating units, plus the plan, units, users and partners read once.
# A Staff member's cards say whether they may act on each task
# (can_update_progress: one query of their units per column).
KANBAN_PLAN_BUDGET = {"t_staff": 33, "t_office": 29}
KANBAN_YEAR_BUDGET = {"t_staff": 33, "t_office": 31}
KANBAN_STATE_BUDGET = {"t_staff": 34, "t_office": 31}
# The plan form: its sections (search and read) and its template's name
# count for 3 of these.
FORM_BUDGET = {"t_staff": 26, "t_office": 26}
# Printouts: the QWeb body of the plan PDF (what wkhtmltopdf is then given)
# and the XLSX task table, for a plan of 25 and one of 2,500 tasks. The
# plan's sections: one search, one read.
PLAN_PRINT_BUDGET = {"t_staff": 14, "t_office": 14}
TASK_XLSX_BUDGET = {"t_staff": 8, "t_office": 8}
# The Office's overview: the pivot by lead unit x quarter x status (6 grouped
# queries) and the chart of overdue tasks by unit and quarter (3); two more
# read what the groups are named.
OVERVIEW_BUDGET = {"t_office": 11}


@tagged("post_install", "-at_install")
class TestQueryBudget(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_small = cls.issue(cls.make_plan(2023, SMALL))
        cls.plan_large = cls.issue(cls.make_plan(2024, LARGE))
        for plan in cls.plan_small | cls.plan_large:
            tasks = plan.task_ids.sorted("id")
            # Every column holds cards in every state, as in a real year.
            tasks[0::3].write({"state": "done"})
            tasks[1::3].write({"state": "in_progress"})
            tasks[2::6].write({"user_ids": [(6, 0, (cls.staff | cls.office).ids)]})
        cls.env.flush_all()

    @classmethod
    def make_plan(cls, year, count):
        units = (
            cls.unit_office | cls.unit_division | cls.unit_clusters | cls.unit_sectors
        )
        rows = {}
        tasks = []
        for index in range(count):
            quarter = str(index % 4 + 1)
            rows[quarter] = rows.get(quarter, 0) + 1
            tasks.append(
                {
                    "quarter": quarter,
                    "row_number": rows[quarter],
                    "name": f"Nhiệm vụ {index + 1}",
                    # Every other task is the Office's, so Staff sees half.
                    "lead_unit_id": units[index % 2 * (1 + index % 3)].id,
                    "cooperating_unit_ids": [
                        (6, 0, units[index % 3 : index % 3 + 2].ids)
                    ],
                }
            )
        return cls.create_plan(
            year=year,
            tasks_per_quarter=(0, 0, 0, 0),
            task_ids=[(0, 0, vals) for vals in tasks],
        )

    def kanban(self, plan_or_domain, group_by=None):
        info = kanban_info(self.env, "tdkt.plan.task")
        domain = (
            plan_or_domain
            if isinstance(plan_or_domain, list)
            else [("plan_id", "=", plan_or_domain.id)]
        )
        return lambda: load_kanban(self.env["tdkt.plan.task"], info, domain, group_by)

    def assert_same_budget(self, budget, loads):
        """Each load (small, large) runs within the same budget."""
        for size, load in loads:
            with self.subTest(tasks=size):
                self.env.invalidate_all()
                with self.assertQueryCount(**budget):
                    cards = load()
                if isinstance(cards, dict):
                    self.assertTrue(cards, "the kanban shows no card")

    def test_data_set(self):
        self.assertEqual(len(self.plan_small.task_ids), SMALL)
        self.assertEqual(len(self.plan_large.task_ids), LARGE)
        self.assertEqual(
            set(self.plan_large.task_ids.mapped("state")),
            {"todo", "in_progress", "done"},
        )

    @users("t_staff", "t_office")
    @warmup
    def test_kanban_of_one_plan(self):
        self.assert_same_budget(
            KANBAN_PLAN_BUDGET,
            [
                (SMALL, self.kanban(self.plan_small)),
                (LARGE, self.kanban(self.plan_large)),
            ],
        )

    @users("t_staff", "t_office")
    @warmup
    def test_kanban_of_a_year(self):
        self.assert_same_budget(
            KANBAN_YEAR_BUDGET,
            [
                (SMALL, self.kanban([("year", "=", 2023)])),
                (LARGE, self.kanban([("year", "=", 2024)])),
            ],
        )

    @users("t_staff", "t_office")
    @warmup
    def test_kanban_by_status(self):
        """The 'My Unit's Tasks' layout: grouped by status, my unit only."""
        self.assert_same_budget(
            KANBAN_STATE_BUDGET,
            [
                (
                    size,
                    self.kanban(
                        [("plan_id", "=", plan.id), ("is_my_unit", "=", True)], "state"
                    ),
                )
                for size, plan in ((SMALL, self.plan_small), (LARGE, self.plan_large))
            ],
        )

    @users("t_staff", "t_office")
    @warmup
    def test_plan_form(self):
        spec = form_spec(self.env, "tdkt.plan")
        self.assert_same_budget(
            FORM_BUDGET,
            [
                (size, lambda plan=plan: load_form(plan.with_env(self.env), spec))
                for size, plan in ((SMALL, self.plan_small), (LARGE, self.plan_large))
            ],
        )

    def printout(self, report, plan, render="_render_qweb_html"):
        reports = self.env["ir.actions.report"]
        return lambda: getattr(reports, render)(report, plan.ids)

    @users("t_staff", "t_office")
    @warmup
    def test_plan_printout(self):
        self.assert_same_budget(
            PLAN_PRINT_BUDGET,
            [
                (size, self.printout("tdkt_emulation.report_tdkt_plan", plan))
                for size, plan in ((SMALL, self.plan_small), (LARGE, self.plan_large))
            ],
        )

    @users("t_staff", "t_office")
    @warmup
    def test_task_table_export(self):
        self.assert_same_budget(
            TASK_XLSX_BUDGET,
            [
                (
                    size,
                    self.printout(
                        "tdkt_emulation.report_tdkt_plan_task_xlsx", plan, "_render"
                    ),
                )
                for size, plan in ((SMALL, self.plan_small), (LARGE, self.plan_large))
            ],
        )

    @users("t_staff")
    def test_cards_match_the_records(self):
        """What the kanban shows is what the database holds, for Staff."""
        cards = self.kanban(self.plan_large)()
        self.assertEqual(sorted(cards), ["1", "2", "3", "4"])
        shown = [card for column in cards.values() for card in column]
        self.assertEqual(len(shown), 4 * 40)
        tasks = self.env["tdkt.plan.task"].browse([card["id"] for card in shown])
        for card, task in zip(shown, tasks, strict=True):
            self.assertEqual(card["state"], task.state)
            self.assertEqual(card["plan_id"]["id"], self.plan_large.id)
            self.assertEqual(
                card["cooperating_units_text"], task.cooperating_units_text
            )

    @users("t_office")
    @warmup
    def test_overview(self):
        """The overview's pivot and overdue chart: grouped in the database."""
        Task = self.env["tdkt.plan.task"]

        def overview(year):
            def load():
                domain = [("year", "=", year), ("plan_state", "=", "issued")]
                groups = load_pivot(
                    Task, domain, ["lead_unit_id"], ["quarter", "state"]
                )
                load_pivot(
                    Task,
                    [("year", "=", year), ("is_overdue", "=", True)],
                    ["lead_unit_id", "quarter"],
                )
                return groups

            return load

        self.assert_same_budget(
            OVERVIEW_BUDGET, [(SMALL, overview(2023)), (LARGE, overview(2024))]
        )
        groups = overview(2024)()
        self.assertEqual(sum(group["__count"] for group in groups), LARGE)
