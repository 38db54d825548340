"""Print the benchmark table on the generated data set (`make bench`).

Each row is one function decorated with ``@row``; it returns the callable to
measure (or a string saying why it is pending) and the number of records it
handles.  Every callable is run once to warm the caches, then measured for
query count (one run), wall time (median of ``--repeat`` runs) and peak Python
memory (one run under tracemalloc).  Nothing is written: the transaction is
rolled back at the end.
"""

import argparse
import importlib.util
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
import _odoo
from generate import META_KEY

_spec = importlib.util.spec_from_file_location(
    "tdkt_webclient", ROOT.parent / "tdkt_emulation" / "tests" / "webclient.py"
)
webclient = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(webclient)

ROWS = []
PENDING_PRINTOUTS = "pending: printouts not merged"


def row(label):
    def decorate(function):
        ROWS.append((label, function))
        return function

    return decorate


class Bench:
    def __init__(self, env, meta, repeat):
        self.env = env
        self.meta = meta
        self.repeat = repeat

    def as_user(self, uid, companies=None):
        user = self.env["res.users"].browse(uid)
        company_ids = companies or user.company_ids.ids
        return self.env(
            user=uid,
            su=False,
            context={
                "lang": "vi_VN",
                "tz": "Asia/Ho_Chi_Minh",
                "allowed_company_ids": [user.company_id.id]
                + [c for c in company_ids if c != user.company_id.id],
            },
        )

    def fresh(self):
        """What a new request starts with: an empty record cache."""
        self.env.invalidate_all()

    def measure(self, function):
        cr = self.env.cr
        self.fresh()
        function()  # warm the registry caches (rules, groups, views)
        self.fresh()
        before = cr.sql_log_count
        function()
        queries = cr.sql_log_count - before
        times = []
        for _ in range(self.repeat):
            self.fresh()
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        self.fresh()
        tracemalloc.start()
        function()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return queries, statistics.median(times), peak

    # --- helpers for the rows --------------------------------------------------
    def kanban(self, env, model, domain, view_ref=None, group_by=None):
        info = webclient.kanban_info(env, model, view_ref)

        def load():
            webclient.load_kanban(
                env[model], info, domain, group_by=group_by, between_calls=self.fresh
            )

        return load

    def report(self, model, report_type):
        return self.env["ir.actions.report"].search(
            [("model", "=", model), ("report_type", "=", report_type)], limit=1
        )


# --- rows ------------------------------------------------------------------------
@row("Kanban, one plan, Staff (tdkt.plan.task by quarter)")
def kanban_plan_staff(bench):
    env = bench.as_user(bench.meta["staff_uid"])
    domain = [("plan_id", "=", bench.meta["plan_id"])]
    return bench.kanban(env, "tdkt.plan.task", domain), bench.meta["plan_tasks"]


@row("Kanban, one plan, Office (tdkt.plan.task by quarter)")
def kanban_plan_office(bench):
    env = bench.as_user(bench.meta["office_uid"])
    domain = [("plan_id", "=", bench.meta["plan_id"])]
    return bench.kanban(env, "tdkt.plan.task", domain), bench.meta["plan_tasks"]


@row("Kanban, all tasks of a year, 40 agencies (by quarter)")
def kanban_year(bench):
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    domain = [("year", "=", bench.meta["year"])]
    count = env["tdkt.plan.task"].search_count(domain)
    return bench.kanban(env, "tdkt.plan.task", domain), count


@row("Kanban, all tasks of a year, by status (My Unit's Tasks layout)")
def kanban_year_state(bench):
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    domain = [("year", "=", bench.meta["year"])]
    count = env["tdkt.plan.task"].search_count(domain)
    return bench.kanban(env, "tdkt.plan.task", domain, group_by="state"), count


@row("Baseline: project.task kanban, as many tasks as one plan")
def baseline_plan(bench):
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    domain = [("project_id", "=", bench.meta["baseline_project_ids"]["plan"])]
    count = env["project.task"].search_count(domain)
    return bench.kanban(env, "project.task", domain, "project.view_task_kanban"), count


@row("Baseline: project.task kanban, as many tasks as a year")
def baseline_year(bench):
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    domain = [("project_id", "=", bench.meta["baseline_project_ids"]["year"])]
    count = env["project.task"].search_count(domain)
    return bench.kanban(env, "project.task", domain, "project.view_task_kanban"), count


@row("Plan form load (web_read, 4 quarter lists)")
def plan_form(bench):
    env = bench.as_user(bench.meta["office_uid"])
    plan = env["tdkt.plan"].browse(bench.meta["plan_id"])
    spec = webclient.form_spec(env, "tdkt.plan")
    return (lambda: webclient.load_form(plan, spec)), len(plan.task_ids)


def _plan_pdf(bench, plan, env=None):
    report = bench.report("tdkt.plan", "qweb-pdf")
    if not report:
        return PENDING_PRINTOUTS, len(plan.task_ids)
    if not env:
        # An Office user of the plan's own agency prints it.
        office = bench.env["res.users"].search(
            [
                (
                    "groups_id",
                    "in",
                    bench.env.ref("tdkt_emulation.group_tdkt_office").id,
                ),
                ("company_ids", "in", plan.company_id.id),
            ],
            limit=1,
        )
        env = bench.as_user(office.id, plan.company_id.ids)
    # Measure the rendering, not the archived copy of an issued plan.
    report.sudo().attachment_use = False
    report = report.with_env(env)

    def render():
        report._render_qweb_pdf(report.report_name, plan.ids)

    return render, len(plan.task_ids)


@row("Plan PDF, seed plan")
def pdf_seed(bench):
    plan = bench.env.ref("tdkt_emulation.tdkt_plan_2024_demo", raise_if_not_found=False)
    if not plan:
        return "no seed plan (database without demo data)", 0
    # The seed plan's own Office, in the seed plan's agency.
    office = bench.env.ref("tdkt_emulation.user_office_demo")
    return _plan_pdf(bench, plan, bench.as_user(office.id, plan.company_id.ids))


@row("Plan PDF, largest generated plan")
def pdf_largest(bench):
    return _plan_pdf(
        bench, bench.env["tdkt.plan"].browse(bench.meta["largest_plan_id"])
    )


@row("XLSX export, all tasks")
def xlsx_all(bench):
    tasks = bench.env["tdkt.plan.task"].search([])
    report = bench.report("tdkt.plan.task", "xlsx") or bench.report("tdkt.plan", "xlsx")
    if not report:
        return PENDING_PRINTOUTS, len(tasks)
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    report = report.with_env(env)
    records = tasks if report.model == "tdkt.plan.task" else env["tdkt.plan"].search([])

    def render():
        report._render_xlsx(report.report_name, records.ids, {})

    return render, len(tasks)


# --- table ------------------------------------------------------------------------
def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", help="run the rows whose label contains this")
    args = parser.parse_args(argv)
    registry = _odoo.init(args.config, args.database)
    with registry.cursor() as cr:
        env = _odoo.odoo.api.Environment(cr, _odoo.odoo.SUPERUSER_ID, {})
        raw = env["ir.config_parameter"].get_param(META_KEY)
        if not raw:
            sys.exit(f"No bench data in {args.database}: run bench/generate.py first.")
        meta = json.loads(raw)
        bench = Bench(env, meta, args.repeat)
        lines = []
        header = ("Measurement", "Records", "Queries", "Wall time", "Peak memory")
        for label, function in ROWS:
            if args.only and args.only.lower() not in label.lower():
                continue
            target, count = function(bench)
            if isinstance(target, str):
                lines.append((label, f"{count} tasks", target, "", ""))
            else:
                queries, seconds, peak = bench.measure(target)
                lines.append(
                    (
                        label,
                        f"{count} tasks",
                        f"{queries} queries",
                        fmt_time(seconds),
                        f"{peak / 2**20:.1f} MiB",
                    )
                )
            print(f"  measured: {label}", file=sys.stderr, flush=True)
        cr.rollback()
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(5)]

    def show(line):
        return (
            "| "
            + " | ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True))
            + " |"
        )

    print()
    print(
        f"Data set: seed {meta['seed']}, {len(meta['company_ids'])} agencies, "
        f"{meta['departments']} departments, {meta['employees']} employees with users, "
        f"{meta['plans']} plans, {meta['tasks']} tasks; "
        f"generated in {meta['total_s']} s."
    )
    print(show(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print(show(line))
    return lines


if __name__ == "__main__":
    main()
