"""Print the benchmark table on the generated data set (`make bench`).

Each row is one function decorated with ``@row``; it returns the callable to
measure (or a string saying why it is pending) and the number of records it
handles.  Every callable is run once to warm the caches, then measured for
query count (one run), wall time (median of ``--repeat`` runs), peak Python
memory (one run under tracemalloc) and peak resident memory (the first timed
run): how far the process's RSS rose above where it started, and the peak RSS
of the largest child process (wkhtmltopdf) when the row runs one.  Nothing is
written: the transaction is rolled back at the end.
"""

import argparse
import base64
import importlib.util
import io
import json
import os
import resource
import statistics
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
import _odoo
from generate import META_KEY, TASK_VERBS

_spec = importlib.util.spec_from_file_location(
    "tdkt_webclient", ROOT.parent / "tdkt_emulation" / "tests" / "webclient.py"
)
webclient = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(webclient)
_spec = importlib.util.spec_from_file_location(
    "tdkt_cluster_load", ROOT.parent / "tdkt_emulation" / "tests" / "cluster_load.py"
)
cluster_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cluster_load)

ROWS = []
PENDING_PRINTOUTS = "pending: printouts not merged"
BIG_PLAN_TASKS = 2500


def _status_kib(path, field):
    """A memory field of /proc/<pid>/status, in KiB (0 when unreadable)."""
    try:
        with open(path, encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class PeakRss:
    """Peak resident memory of this process and of its children during a block.

    tracemalloc sees only Python's own allocations: not C extensions' buffers
    (lxml, zlib), nor wkhtmltopdf, a child process.  This process's peak is its
    high-water mark (VmHWM), reset before the block when the kernel allows it
    (/proc/self/clear_refs), minus its RSS at the start; without the reset, the
    difference of getrusage's maximum (0 when an earlier row went higher).
    Children are sampled every 20 ms for their own high-water mark; their
    getrusage maximum backs that up when a child ended between two samples.
    """

    def __enter__(self):
        self.reset = True
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
                refs.write("5")
        except OSError:
            self.reset = False
        self.start_rss = _status_kib("/proc/self/status", "VmRSS")
        self.start_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.children_max = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.child_peak = 0
        self.done = threading.Event()
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()
        return self

    def _sample(self):
        tasks = f"/proc/{os.getpid()}/task"
        while not self.done.wait(0.02):
            try:
                threads = os.listdir(tasks)
            except OSError:
                continue
            for tid in threads:
                try:
                    with open(f"{tasks}/{tid}/children", encoding="ascii") as file:
                        pids = file.read().split()
                except OSError:
                    continue
                for pid in pids:
                    peak = _status_kib(f"/proc/{pid}/status", "VmHWM")
                    self.child_peak = max(self.child_peak, peak)

    def __exit__(self, *_exc):
        self.done.set()
        self.sampler.join()
        if self.reset:
            self.rss_delta = _status_kib("/proc/self/status", "VmHWM") - self.start_rss
        else:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            self.rss_delta = peak - self.start_max
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if children > self.children_max:
            self.child_peak = max(self.child_peak, children)
        return False

    def describe(self):
        text = f"+{max(self.rss_delta, 0) / 1024:.0f} MiB"
        if self.child_peak:
            text += f"; child {self.child_peak / 1024:.0f} MiB"
        return text


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
        rss = None
        for _ in range(self.repeat):
            self.fresh()
            with PeakRss() as measured:
                start = time.perf_counter()
                function()
                times.append(time.perf_counter() - start)
            rss = rss or measured
        self.fresh()
        tracemalloc.start()
        function()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return queries, statistics.median(times), peak, rss.describe()

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


@row("Overview: progress pivot (unit x quarter x status) + overdue chart, a year")
def overview_year(bench):
    env = bench.as_user(bench.meta["province_uid"], bench.meta["company_ids"])
    Task = env["tdkt.plan.task"]
    year = bench.meta["year"]
    domain = [("year", "=", year), ("plan_state", "=", "issued")]
    count = Task.search_count(domain)

    def load():
        webclient.load_pivot(Task, domain, ["lead_unit_id"], ["quarter", "state"])
        webclient.load_pivot(
            Task,
            [("year", "=", year), ("is_overdue", "=", True)],
            ["lead_unit_id", "quarter"],
        )

    return load, count


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


@row("New plan from its agency's default template (5 sections, Office)")
def plan_from_template(bench):
    env = bench.as_user(bench.meta["office_uid"])
    company = env["tdkt.plan"].browse(bench.meta["plan_id"]).company_id
    plans = env["tdkt.plan"].with_context(tracking_disable=True)

    def create():
        plan = plans.create(
            {"name": "Kế hoạch mới", "company_id": company.id, "year": 2099}
        )
        plan.env.flush_all()

    return create, 0


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
    # The real PDF, through wkhtmltopdf (the key tests need for that; outside
    # tests Odoo renders the PDF anyway).
    report = report.with_env(env).with_context(force_report_rendering=True)

    def render():
        # Measure the rendering, not the signed copy of an issued plan: the
        # copy its first print archives is rolled back after every run.
        with env.cr.savepoint() as savepoint:
            report._render_qweb_pdf(report.report_name, plan.ids)
            savepoint.close(rollback=True)
        env.invalidate_all(flush=False)

    return render, len(plan.task_ids)


def _big_plan(bench, task_count):
    """A plan of task_count tasks, in the largest generated plan's agency.

    Created in the benchmark's transaction, which is rolled back at the end:
    the generated data set stays as it is.  Task texts of 100-200 characters,
    one or two cooperating units, as in the generated plans but many more.
    """
    model = bench.env["tdkt.plan"].browse(bench.meta["largest_plan_id"])
    units = bench.env["tdkt.unit"].search([("company_id", "=", model.company_id.id)])
    tasks = []
    for index in range(task_count):
        quarter = str(index * 4 // task_count + 1)
        verb = TASK_VERBS[index % len(TASK_VERBS)]
        tasks.append(
            {
                "quarter": quarter,
                "name": f"{verb} năm {model.year + 1}: "
                + "tổ chức thực hiện, theo dõi, đôn đốc và báo cáo kết quả "
                * (1 + index % 3)
                + f"(nhiệm vụ {index + 1})",
                "lead_unit_id": units[index % len(units)].id,
                "cooperating_unit_ids": [(6, 0, units[(index + 1) % len(units)].ids)],
            }
        )
    plan = (
        bench.env["tdkt.plan"]
        .with_context(tracking_disable=True)
        .create(
            {
                "name": f"Kế hoạch {task_count} nhiệm vụ",
                "company_id": model.company_id.id,
                "year": model.year + 1,
                "signer_id": model.signer_id.id,
                "introduction": model.introduction,
                "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, Khen thưởng"})],
                "recipient_ids": [(0, 0, {"name": "Lưu: VT."})],
                "task_ids": [(0, 0, vals) for vals in tasks],
            }
        )
    )
    plan.env.flush_all()
    return plan


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


@row(f"Plan PDF, {BIG_PLAN_TASKS:,} tasks (created for the row, rolled back)")
def pdf_big(bench):
    return _plan_pdf(bench, _big_plan(bench, BIG_PLAN_TASKS))


# --- movements and registrations (issue 8) ----------------------------------------
ROLLUP_PEOPLE = 2500  # two titles each: 5,000 registration lines
IMPORT_ROWS = 1000


def _big_movement(bench, people, units_count=10):
    """A launched movement of the largest plan's agency, with ``people`` new
    employees in ``units_count`` new departments and units, each department
    with a draft registration (no lines yet). Rolled back after the row."""
    env = bench.env(context=dict(bench.env.context, tracking_disable=True))
    ref = env.ref
    plan = env["tdkt.plan"].browse(bench.meta["largest_plan_id"])
    company = plan.company_id
    ldtt = ref("tdkt_emulation.tdkt_award_type_ldtt")
    cstdcs = ref("tdkt_emulation.tdkt_award_type_cstdcs")
    departments = env["hr.department"].create(
        [
            {"name": f"Phòng đo tải {index}", "company_id": company.id}
            for index in range(units_count)
        ]
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": f"Cán bộ đo tải {index:05d}",
                "company_id": company.id,
                "department_id": departments[index % units_count].id,
            }
            for index in range(people)
        ]
    )
    units = env["tdkt.unit"].create(
        [
            {
                "name": f"Đơn vị đo tải {index}",
                "company_id": company.id,
                "unit_type": "department",
                "department_ids": [(6, 0, department.ids)],
            }
            for index, department in enumerate(departments)
        ]
    )
    # This year's movement, its deadline at the end of the year: registering
    # is still open today.
    year = time.localtime().tm_year
    movement = env["tdkt.movement"].create(
        {
            "name": f"Phong trào thi đua năm {year}",
            "company_id": company.id,
            "year": year,
            "kind": "regular",
            "signer_id": plan.signer_id.id,
            "registration_deadline": f"{year}-12-31",
            "proposal_deadline": f"{year}-12-31",
            "title_ids": [
                (0, 0, {"sequence": 1, "award_type_id": ldtt.id}),
                (0, 0, {"sequence": 2, "award_type_id": cstdcs.id}),
            ],
        }
    )
    movement.action_launch()
    registrations = env["tdkt.registration"].create(
        [
            {
                "movement_id": movement.id,
                "unit_id": unit.id,
                "signer_id": plan.signer_id.id,
            }
            for unit in units
        ]
    )
    env.flush_all()
    return movement, registrations, employees, (ldtt, cstdcs)


def _office_of(bench, company):
    office = bench.env["res.users"].search(
        [
            ("groups_id", "in", bench.env.ref("tdkt_emulation.group_tdkt_office").id),
            ("company_ids", "in", company.id),
        ],
        limit=1,
    )
    return bench.as_user(office.id, company.ids)


@row(f"Registration roll-up, {2 * ROLLUP_PEOPLE:,} lines (title x unit)")
def registration_rollup(bench):
    movement, registrations, employees, awards = _big_movement(bench, ROLLUP_PEOPLE)
    by_department = {reg.unit_id.department_ids.id: reg for reg in registrations}
    bench.env["tdkt.registration.line"].with_context(tracking_disable=True).create(
        [
            {
                "registration_id": by_department[employee.department_id.id].id,
                "employee_id": employee.id,
                "award_type_id": award.id,
            }
            for employee in employees
            for award in awards
        ]
    )
    registrations.action_submit()
    bench.env.flush_all()
    env = _office_of(bench, movement.company_id)
    office_movement = movement.with_env(env)

    def rollup():
        office_movement._tdkt_rollup_table()

    return rollup, f"{2 * ROLLUP_PEOPLE} lines"


@row(f"Registration XLSX import, {IMPORT_ROWS:,} rows (all checked, then created)")
def registration_import(bench):
    people = IMPORT_ROWS // 2
    movement, registrations, employees, awards = _big_movement(
        bench, people, units_count=1
    )
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["Họ và tên", "Mã danh hiệu", "Ghi chú"])
    row_index = 1
    for employee in employees:
        for award in awards:
            sheet.write_row(row_index, 0, [employee.name, award.code, ""])
            row_index += 1
    workbook.close()
    content = base64.b64encode(output.getvalue())
    env = _office_of(bench, movement.company_id)
    Import = env["tdkt.registration.import"]

    def run_import():
        with env.cr.savepoint() as savepoint:
            wizard = Import.create(
                {
                    "registration_id": registrations.id,
                    "file": content,
                    "filename": "dang_ky.xlsx",
                }
            )
            wizard.action_import()
            assert wizard.imported_count == IMPORT_ROWS, wizard.error_count
            savepoint.close(rollback=True)
        env.invalidate_all(flush=False)

    return run_import, f"{IMPORT_ROWS} rows"


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


def _cluster_office(bench):
    """The largest plan's agency and its Office, which heads the clusters
    built for a row."""
    company = bench.env["tdkt.plan"].browse(bench.meta["largest_plan_id"]).company_id
    return company, _office_of(bench, company)


@row("Cluster scoring grid, 40 members x 60 criteria (by member, head Office)")
def cluster_grid(bench):
    company, env = _cluster_office(bench)
    covenant = cluster_load.build_clusters(
        bench.env, company, members=40, groups=6, per_group=10, name="Bench lưới"
    )
    spec = cluster_load.list_spec(
        env,
        "tdkt.cluster.score",
        "tdkt_emulation.tdkt_cluster_score_view_list",
        webclient.arch_spec,
    )
    Score = env["tdkt.cluster.score"]
    domain = [("covenant_id", "=", covenant.id)]

    def load():
        cluster_load.load_grid(Score, spec, domain)

    return load, f"{len(covenant.score_ids)} scores"


@row("Cluster ranking, 20 clusters x 15 members (ranked, then the list)")
def cluster_ranking(bench):
    company, env = _cluster_office(bench)
    covenants = cluster_load.build_clusters(
        bench.env,
        company,
        clusters=20,
        members=15,
        groups=6,
        per_group=10,
        publish=True,
        name="Bench xếp hạng",
    ).with_env(env)
    spec = cluster_load.list_spec(
        env,
        "tdkt.cluster.member",
        "tdkt_emulation.tdkt_cluster_member_view_list_ranking",
        webclient.arch_spec,
    )
    Member = env["tdkt.cluster.member"]
    domain = [("cluster_id", "in", covenants.cluster_id.ids)]

    def rank():
        for covenant in covenants:
            covenant._tdkt_ranking()
        cluster_load.load_ranking(Member, spec, domain)

    return rank, f"{len(covenants.score_ids)} scores"


# --- award proposals and history (issue 9) ---------------------------------------
HISTORY_STAFF = 5000
HISTORY_YEARS = 10  # 50,000 history rows
ELIGIBILITY_PROPOSALS = 1000
DOSSIER_LINES = 300
COUNCIL_PROPOSALS = 500
COUNCIL_MEMBERS = 15


def _award_history(bench):
    """``HISTORY_STAFF`` new employees of the largest plan's agency in 10
    departments and units, each with a title a year for 10 years (LĐTT, and
    CSTĐCS every other year): 50,000 history rows. Rolled back after the row."""
    movement, registrations, employees, (ldtt, cstdcs) = _big_movement(
        bench, HISTORY_STAFF
    )
    env = registrations.env
    company = movement.company_id
    first = movement.year - HISTORY_YEARS
    Record = env["tdkt.award.record"]
    for start in range(0, len(employees), 1000):
        Record.create(
            [
                {
                    "company_id": company.id,
                    "employee_id": employee.id,
                    "award_type_id": (cstdcs if year % 2 else ldtt).id,
                    "year": year,
                    "decision_number": f"{year % 100:02d}/QĐ-TTr",
                    "decision_date": f"{year + 1}-01-10",
                }
                for employee in employees[start : start + 1000]
                for year in range(first, movement.year)
            ]
        )
    env.flush_all()
    return movement, registrations, employees


def _dossiers(bench, registrations, employees, per_unit):
    """A draft dossier per unit of the movement, ``per_unit`` people of the
    unit proposed for LĐTT, CSTĐCS and CSTĐ tỉnh in turn."""
    env = registrations.env
    ref = env.ref
    awards = (
        ref("tdkt_emulation.tdkt_award_type_ldtt"),
        ref("tdkt_emulation.tdkt_award_type_cstdcs"),
        ref("tdkt_emulation.tdkt_award_type_cstd_bo_tinh"),
    )
    dossiers = env["tdkt.award.dossier"].create(
        [
            {
                "company_id": reg.company_id.id,
                "year": reg.year,
                "unit_id": reg.unit_id.id,
                "signer_id": reg.signer_id.id,
            }
            for reg in registrations
        ]
    )
    by_department = {d.unit_id.department_ids.id: d for d in dossiers}
    counts = {}
    values = []
    for index, employee in enumerate(employees):
        dossier = by_department.get(employee.department_id.id)
        if not dossier or counts.get(dossier.id, 0) >= per_unit:
            continue
        counts[dossier.id] = counts.get(dossier.id, 0) + 1
        values.append(
            {
                "dossier_id": dossier.id,
                "employee_id": employee.id,
                "award_type_id": awards[index % 3].id,
                "performance_rating": "htxs",
                "start_date": "2015-01-01",
            }
        )
    env["tdkt.award.proposal"].create(values)
    env.flush_all()
    return dossiers


@row(
    f"Awards: eligibility of {ELIGIBILITY_PROPOSALS:,} proposals "
    f"({HISTORY_STAFF:,} staff, {HISTORY_YEARS} years of history)"
)
def award_eligibility(bench):
    movement, registrations, employees = _award_history(bench)
    dossiers = _dossiers(
        bench, registrations, employees, ELIGIBILITY_PROPOSALS // len(registrations)
    )
    env = _office_of(bench, movement.company_id)
    proposals = dossiers.with_env(env).proposal_ids
    Engine = env["tdkt.award.eligibility"]

    def evaluate():
        Engine._tdkt_evaluate(proposals.with_env(env))

    return evaluate, f"{len(proposals)} proposals"


@row(f"Awards: dossier form load, {DOSSIER_LINES} proposals")
def award_dossier_form(bench):
    movement, registrations, employees, _awards = _big_movement(
        bench, DOSSIER_LINES, units_count=1
    )
    dossier = _dossiers(bench, registrations, employees, DOSSIER_LINES)
    env = _office_of(bench, movement.company_id)
    spec = webclient.form_spec(env, "tdkt.award.dossier")

    def load():
        webclient.load_form(dossier.with_env(env), spec)

    return load, f"{len(dossier.proposal_ids)} proposals"


@row(f"Awards: XLSX of the history, {HISTORY_STAFF * HISTORY_YEARS:,} rows")
def award_history_xlsx(bench):
    movement, _registrations, _employees = _award_history(bench)
    env = _office_of(bench, movement.company_id)
    records = env["tdkt.award.record"].search(
        [("company_id", "=", movement.company_id.id)]
    )
    report = bench.report("tdkt.award.record", "xlsx").with_env(env)

    def render():
        report._render_xlsx(report.report_name, records.ids, {})

    return render, f"{len(records)} rows"


# --- award decisions (issue 10) -------------------------------------------------
DECISION_LINES = 500


@row(f"Awards: decision PDF, {DECISION_LINES} awards in the annex")
def award_decision_pdf(bench):
    """A draft decision of the largest plan's agency deciding LĐTT and Giấy
    khen of ``DECISION_LINES`` people (approved directly: the council's vote
    is another row). Rolled back after the row."""
    movement, registrations, employees, _awards = _big_movement(
        bench, DECISION_LINES, units_count=1
    )
    env = registrations.env
    ref = env.ref
    dossier = _dossiers(bench, registrations, employees, 0)
    awards = (
        ref("tdkt_emulation.tdkt_award_type_ldtt"),
        ref("tdkt_emulation.tdkt_award_type_giay_khen_cn"),
    )
    proposals = env["tdkt.award.proposal"].create(
        [
            {
                "dossier_id": dossier.id,
                "employee_id": employee.id,
                "award_type_id": awards[index % 2].id,
                "performance_rating": "htt",
                "start_date": "2015-01-01",
            }
            for index, employee in enumerate(employees)
        ]
    )
    proposals.write({"state": "approved"})
    decision = env["tdkt.award.decision"].create(
        {
            "company_id": movement.company_id.id,
            "year": movement.year,
            "signer_id": registrations[:1].signer_id.id,
        }
    )
    env["tdkt.award.decision.line"].create(
        [{"decision_id": decision.id, "proposal_id": p.id} for p in proposals]
    )
    env.flush_all()
    office = _office_of(bench, movement.company_id)
    report = (
        bench.report("tdkt.award.decision", "qweb-pdf")
        .with_env(office)
        .with_context(force_report_rendering=True)
    )

    def render():
        report._render_qweb_pdf(report.report_name, decision.ids)

    return render, f"{len(decision.line_ids)} awards"


# --- submissions upward (issue 10) -----------------------------------------------
SUBMISSION_LINES = 500


def _movement_dossier(movement, registrations):
    """A dossier of the registrations' unit for the movement's year."""
    return registrations.env["tdkt.award.dossier"].create(
        {
            "company_id": movement.company_id.id,
            "year": movement.year,
            "unit_id": registrations.unit_id.id,
        }
    )


def _submission(bench, lines):
    """An issued submission upward of ``lines`` approved proposals beyond
    the agency's authority (CSTĐ tỉnh and Bằng khen of the province in turn,
    a collective among them), cited from a closed session of a new council.
    Rolled back after the row."""
    movement, registrations, employees, _awards = _big_movement(
        bench, lines, units_count=1
    )
    env = registrations.env
    ref = env.ref
    company = movement.company_id
    awards = (
        ref("tdkt_emulation.tdkt_award_type_cstd_bo_tinh"),
        ref("tdkt_emulation.tdkt_award_type_bang_khen_bo_tinh_cn"),
    )
    dossier = _movement_dossier(movement, registrations)
    proposals = env["tdkt.award.proposal"].create(
        [
            {
                "dossier_id": dossier.id,
                "employee_id": employee.id,
                "award_type_id": awards[index % 2].id,
                "performance_rating": "htxs",
            }
            for index, employee in enumerate(employees[: lines - 1])
        ]
        + [
            {
                "dossier_id": dossier.id,
                "award_type_id": ref(
                    "tdkt_emulation.tdkt_award_type_bang_khen_bo_tinh_tt"
                ).id,
            }
        ]
    )
    council = env["tdkt.council"].create(
        {
            "name": "Hội đồng Thi đua - Khen thưởng (đo tải)",
            "company_id": company.id,
            "date_from": f"{movement.year}-01-01",
        }
    )
    session = env["tdkt.council.session"].create(
        {"council_id": council.id, "date": f"{movement.year}-12-20 02:00:00"}
    )
    # The superuser stands for the council's vote (another feature).
    session.write({"state": "closed"})
    proposals.write({"state": "approved", "council_session_id": session.id})
    submission = env["tdkt.award.submission"].create(
        {
            "company_id": company.id,
            "year": movement.year,
            "council_session_id": session.id,
            "signer_id": movement.signer_id.id,
            "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, Khen thưởng 2022"})],
            "recipient_ids": [(0, 0, {"name": "Lưu: VT, VP."})],
        }
    )
    submission.action_take_proposals()
    submission.action_issue()
    env.flush_all()
    return submission


@row(f"Submission upward PDF, {SUBMISSION_LINES} lines in the attached list")
def submission_pdf(bench):
    submission = _submission(bench, SUBMISSION_LINES)
    env = _office_of(bench, submission.company_id)
    report = (
        bench.report("tdkt.award.submission", "qweb-pdf")
        .with_env(env)
        .with_context(force_report_rendering=True)
    )

    def render():
        # The rendering, not the signed copy its first print archives.
        with env.cr.savepoint() as savepoint:
            report._render_qweb_pdf(report.report_name, submission.ids)
            savepoint.close(rollback=True)
        env.invalidate_all(flush=False)

    return render, f"{len(submission.line_ids)} lines"


def _council_session(bench, proposals_count, members_count):
    """An open session of a new council of ``members_count`` members of the
    largest plan's agency, ``proposals_count`` LĐTT proposals under review on
    its agenda, each voted by every member but the first. Rolled back
    after the row."""
    movement, registrations, employees, (ldtt, _cstdcs) = _big_movement(
        bench, proposals_count, units_count=1
    )
    env = registrations.env
    company = movement.company_id
    council_group = env.ref("tdkt_emulation.group_tdkt_council")
    users = env["res.users"].create(
        [
            {
                "name": f"Thành viên đo tải {index:02d}",
                "login": f"bench_council_{index:02d}",
                "email": f"bench_council_{index:02d}@example.com",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [(6, 0, council_group.ids)],
            }
            for index in range(members_count)
        ]
    )
    council = env["tdkt.council"].create(
        {
            "name": "Hội đồng đo tải",
            "company_id": company.id,
            "date_from": f"{movement.year}-01-01",
            "member_ids": [
                (0, 0, {"user_id": user.id, "role": "chair" if not i else "member"})
                for i, user in enumerate(users)
            ],
        }
    )
    dossier = _movement_dossier(movement, registrations)
    proposals = env["tdkt.award.proposal"].create(
        [
            {
                "dossier_id": dossier.id,
                "award_type_id": ldtt.id,
                "employee_id": employee.id,
                "performance_rating": "htt",
                "start_date": "2015-01-01",
            }
            for employee in employees
        ]
    )
    # Straight to the council (the lifecycle is not what is measured).
    proposals.write({"state": "council"})
    session = env["tdkt.council.session"].create({"council_id": council.id})
    proposals.write({"council_session_id": session.id})
    session.write({"state": "open"})
    env["tdkt.council.ballot"].create(
        [
            {
                "session_id": session.id,
                "company_id": company.id,
                "proposal_id": proposal.id,
                "member_id": member.id,
                "user_id": member.user_id.id,
                "choice": "agree",
            }
            for member in council.member_ids[1:]
            for proposal in proposals
        ]
    )
    env.flush_all()
    voter = bench.as_user(council.member_ids[0].user_id.id, company.ids)
    return session.with_env(voter), proposals.with_env(voter)


@row(
    f"Council: voting screen, {COUNCIL_PROPOSALS} proposals x {COUNCIL_MEMBERS} members"
)
def council_voting_screen(bench):
    session, _proposals = _council_session(bench, COUNCIL_PROPOSALS, COUNCIL_MEMBERS)
    env = session.env
    Proposal = env["tdkt.award.proposal"]
    view = env.ref("tdkt_emulation.tdkt_award_proposal_view_kanban_vote")
    arch = Proposal.get_views([(view.id, "kanban")])["views"]["kanban"]["arch"]
    spec = webclient.arch_spec(env, Proposal, webclient.etree.fromstring(arch))

    def load():
        Proposal.web_search_read(
            [("council_session_id", "=", session.id)],
            spec,
            limit=webclient.GROUP_LIMIT,
        )

    return load, f"{len(session.proposal_ids)} proposals"


@row(f"Council: one vote, agenda of {COUNCIL_PROPOSALS} proposals")
def council_vote(bench):
    _session, proposals = _council_session(bench, COUNCIL_PROPOSALS, COUNCIL_MEMBERS)
    proposal = proposals[-1]

    def vote():
        proposal.action_vote_agree()

    return vote, "1 vote"


@row(f"Council: tally, {COUNCIL_PROPOSALS} proposals x {COUNCIL_MEMBERS} ballots")
def council_tally(bench):
    session, _proposals = _council_session(bench, COUNCIL_PROPOSALS, COUNCIL_MEMBERS)

    def tally():
        session._tdkt_tally()

    return tally, f"{len(session.proposal_ids)} proposals"


@row(f"Council: closing, {COUNCIL_PROPOSALS} proposals approved or rejected")
def council_close(bench):
    session, _proposals = _council_session(bench, COUNCIL_PROPOSALS, COUNCIL_MEMBERS)
    chair = bench.as_user(session.chair_id.user_id.id, session.company_id.ids)

    def close():
        session.with_env(chair).action_close()

    return close, f"{len(session.proposal_ids)} proposals"


@row(f"Council minutes PDF, session of {COUNCIL_PROPOSALS} proposals")
def council_minutes_pdf(bench):
    """The minutes of a closed session of ``COUNCIL_PROPOSALS`` proposals
    (closed by its chair; the closing is not measured), printed by the
    Office. Rolled back after the row."""
    session, _proposals = _council_session(bench, COUNCIL_PROPOSALS, COUNCIL_MEMBERS)
    session.action_close()
    minutes = bench.env["tdkt.council.minutes"].create({"session_id": session.id})
    bench.env.flush_all()
    office = _office_of(bench, session.company_id)
    report = (
        bench.report("tdkt.council.minutes", "qweb-pdf")
        .with_env(office)
        .with_context(force_report_rendering=True)
    )

    def render():
        report._render_qweb_pdf(report.report_name, minutes.ids)

    return render, f"{len(session.proposal_ids)} proposals"


# --- table ------------------------------------------------------------------------
def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _records(count):
    """The Records column: a number of tasks, or a label a row gives."""
    return count if isinstance(count, str) else f"{count} tasks"


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
        header = (
            "Measurement",
            "Records",
            "Queries",
            "Wall time",
            "Peak memory",
            "Peak RSS (+ child)",
        )
        for label, function in ROWS:
            if args.only and args.only.lower() not in label.lower():
                continue
            # What a row creates or changes (the 2,500-task plan) is rolled
            # back before the next row.
            with cr.savepoint() as savepoint:
                target, count = function(bench)
                if isinstance(target, str):
                    lines.append((label, _records(count), target, "", "", ""))
                else:
                    queries, seconds, peak, rss = bench.measure(target)
                    lines.append(
                        (
                            label,
                            _records(count),
                            f"{queries} queries",
                            fmt_time(seconds),
                            f"{peak / 2**20:.1f} MiB",
                            rss,
                        )
                    )
                env.flush_all()
                savepoint.close(rollback=True)
            env.invalidate_all(flush=False)
            print(f"  measured: {label}", file=sys.stderr, flush=True)
        cr.rollback()
    widths = [
        max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))
    ]

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
