"""Concurrent load with a server kill (`make load`).

N JSON-RPC clients (default 20), each logged in as a different Staff user,
run the daily mix against a multi-worker Odoo on 127.0.0.1 for a fixed time:
read the kanban of their plan, read the plan, complete and reopen their
tasks, add a result note.  Two phases: a normal run, then a fault run where
the whole server (master and workers) is killed with SIGKILL half-way, while
writes are on the wire, and restarted.  After each phase the database is
checked:

* every result note a client got a success for is there exactly once;
* a note whose request was cut by the kill is there at most once;
* the tracked status changes of each task are between the changes the
  client got a success for and that number plus its cut requests.

Everything is bounded: the phases stop by themselves, the server is stopped
at the end, the exit status is non-zero on any error, loss or double write.
"""

import argparse
import itertools
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _odoo

CLIENTS_PER_PLAN = 4
TASKS_PER_CLIENT = 3
PLAN_NAME = "Kế hoạch tải thử số {}"
LOGIN = "load.staff.{:02d}"
KANBAN_SPEC = {
    "state": {},
    "quarter": {},
    "row_number": {},
    "name": {},
    "company_id": {"fields": {"display_name": {}}},
    "plan_state": {},
    "lead_unit_id": {"fields": {"display_name": {}}},
    "cooperating_units_text": {},
    "plan_id": {"fields": {"display_name": {}}},
    "date_deadline": {},
    "is_overdue": {},
    "user_ids": {"fields": {"display_name": {}}},
}
PLAN_SPEC = {
    "name": {},
    "document_number": {},
    "state": {},
    "progress": {},
    "task_count": {},
    "task_done_count": {},
    "task_ids": {"fields": {"name": {}, "state": {}, "quarter": {}}, "limit": 40},
}
TOKEN = re.compile(r"LT-[0-9a-z]+-c\d+-\d+")


class Cut(Exception):
    """The request may or may not have reached the server (the kill)."""


class Down(Exception):
    """The server refused the connection: nothing was sent."""


# --- preparation (directly in the database) ---------------------------------------
def prepare(registry, clients):
    """Staff users, their department, unit and issued plans; idempotent."""
    with _odoo.environment(registry, context={"tracking_disable": True}) as env:
        company = env.ref("base.main_company")
        Users = env["res.users"]
        department = env["hr.department"].search(
            [("name", "=", "Phòng Tải thử"), ("company_id", "=", company.id)], limit=1
        ) or env["hr.department"].create(
            {"name": "Phòng Tải thử", "company_id": company.id}
        )
        unit = env["tdkt.unit"].search([("name", "=", "Phòng Tải thử")], limit=1)
        if not unit:
            unit = env["tdkt.unit"].create(
                {
                    "name": "Phòng Tải thử",
                    "company_id": company.id,
                    "department_ids": [(6, 0, department.ids)],
                }
            )
        users = Users
        for index in range(1, clients + 1):
            login = LOGIN.format(index)
            user = Users.search([("login", "=", login)])
            if not user:
                user = Users.with_context(no_reset_password=True).create(
                    {
                        "name": f"Nhân viên tải thử {index:02d}",
                        "login": login,
                        "password": login,
                        "company_id": company.id,
                        "company_ids": [(6, 0, company.ids)],
                        "groups_id": [
                            (
                                6,
                                0,
                                [
                                    env.ref("base.group_user").id,
                                    env.ref("tdkt_emulation.group_tdkt_user").id,
                                ],
                            )
                        ],
                    }
                )
                env["hr.employee"].create(
                    {
                        "name": user.name,
                        "user_id": user.id,
                        "company_id": company.id,
                        "department_id": department.id,
                    }
                )
            users |= user
        Plan = env["tdkt.plan"]
        plans = Plan.search([("name", "=like", PLAN_NAME.format("%"))], order="year")
        needed = -(-clients // CLIENTS_PER_PLAN)
        signer = env["hr.employee"].search(
            [("company_id", "=", company.id), ("user_id", "!=", False)], limit=1
        )
        for index in range(len(plans), needed):
            plan = Plan.create(
                {
                    "name": PLAN_NAME.format(index + 1),
                    "company_id": company.id,
                    "year": 2040 + index,
                    "signer_id": signer.id,
                    "task_ids": [
                        (
                            0,
                            0,
                            {
                                "quarter": str(q % 4 + 1),
                                "name": f"Nhiệm vụ {q + 1}",
                                "lead_unit_id": unit.id,
                            },
                        )
                        for q in range(CLIENTS_PER_PLAN * TASKS_PER_CLIENT + 4)
                    ],
                }
            )
            plan.action_issue()
            plans |= plan
        # Each client owns TASKS_PER_CLIENT tasks of "its" plan (user_ids).
        owned = {}
        for index, user in enumerate(users):
            plan = plans[index // CLIENTS_PER_PLAN]
            tasks = plan.task_ids.filtered(lambda t, u=user: u in t.user_ids)
            missing = TASKS_PER_CLIENT - len(tasks)
            if missing > 0:
                free = plan.task_ids.filtered(lambda t: not t.user_ids)
                if len(free) < missing:
                    raise SystemExit("not enough free tasks in the load plans")
                free[:missing].write({"user_ids": [(6, 0, user.ids)]})
                tasks = plan.task_ids.filtered(lambda t, u=user: u in t.user_ids)
            owned[user.login] = {"plan_id": plan.id, "task_ids": tasks.ids}
        all_tasks = env["tdkt.plan.task"].browse(
            [tid for value in owned.values() for tid in value["task_ids"]]
        )
        all_tasks.write({"state": "in_progress", "result_note": False})
        return owned


def snapshot(registry, task_ids):
    """Result notes and tracked status changes of the tasks."""
    with _odoo.environment(registry) as env:
        env.invalidate_all()
        tasks = env["tdkt.plan.task"].browse(task_ids)
        field = env["ir.model.fields"]._get("tdkt.plan.task", "state")
        trackings = env["mail.tracking.value"].search(
            [
                ("field_id", "=", field.id),
                ("mail_message_id.model", "=", "tdkt.plan.task"),
                ("mail_message_id.res_id", "in", task_ids),
            ]
        )
        changes = {}
        for tracking in trackings:
            task_id = tracking.mail_message_id.res_id
            changes.setdefault(task_id, set()).add(tracking.id)
        notes = {task.id: str(task.result_note or "") for task in tasks}
        return notes, changes


# --- server ------------------------------------------------------------------------
class Server:
    def __init__(self, args):
        self.args = args
        self.process = None
        self.log = open(args.server_log, "ab")  # noqa: SIM115

    def start(self):
        command = [
            sys.executable,
            str(Path(__file__).resolve().parent / "serve.py"),
            "-c",
            self.args.config,
            "-d",
            self.args.database,
            f"--db-filter=^{self.args.database}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.args.port}",
            f"--gevent-port={self.args.port + 1}",
            f"--workers={self.args.workers}",
            "--max-cron-threads=0",
            "--limit-time-cpu=600",
            "--limit-time-real=1200",
            "--limit-memory-soft=4294967296",
            "--limit-memory-hard=5368709120",
            "--log-level=warn",
        ]
        # A session of its own: the kill reaches the master and all workers.
        self.process = subprocess.Popen(
            command, stdout=self.log, stderr=self.log, start_new_session=True
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url("/web/login"), timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped; see {self.args.server_log}")
            time.sleep(0.5)
        self.kill()
        raise SystemExit("the server did not answer within 120 s")

    def url(self, path):
        return f"http://127.0.0.1:{self.args.port}{path}"

    def kill(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


# --- clients -----------------------------------------------------------------------
class Client(threading.Thread):
    def __init__(self, number, login, owned, server, run_id, stop_at, down):
        super().__init__(daemon=True)
        self.number = number
        self.login = login
        self.plan_id = owned["plan_id"]
        self.task_ids = owned["task_ids"]
        self.server = server
        self.run_id = run_id
        self.stop_at = stop_at
        self.down = down  # set while the server is being killed and restarted
        self.http = requests.Session()
        self.rng = random.Random(number)
        self.serial = itertools.count(1)
        self.latencies = []
        self.errors = []
        self.cut = 0
        self.notes_ok, self.notes_cut = set(), set()
        self.changes_ok, self.changes_cut = {}, {}
        self.states = {}
        self.writing = False  # a write request is on the wire

    # one RPC; raises Down (not sent), Cut (maybe sent) or returns the result
    def call(self, model, method, *args, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self.serial),
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs,
            },
        }
        return self.post(f"/web/dataset/call_kw/{model}/{method}", payload)

    def post(self, path, payload):
        start = time.perf_counter()
        try:
            response = self.http.post(self.server.url(path), json=payload, timeout=60)
        except requests.ConnectionError as error:
            if "refused" in str(error).lower():
                raise Down() from error
            raise Cut() from error
        except requests.Timeout as error:
            raise Cut() from error
        if response.status_code >= 500 and self.down.is_set():
            raise Cut()
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code} on {path}")
        body = response.json()
        if "error" in body:
            raise RuntimeError(
                body["error"].get("data", {}).get("message") or body["error"]
            )
        self.latencies.append(elapsed)
        return body.get("result")

    def login_(self):
        self.post(
            "/web/session/authenticate",
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "db": self.server.args.database,
                    "login": self.login,
                    "password": self.login,
                },
            },
        )

    def retrying(self, function):
        """Run a read (or a not-yet-sent write) until the server answers."""
        while time.monotonic() < self.stop_at + 60:
            try:
                return function()
            except Down:
                time.sleep(0.5)
            except Cut:
                self.cut += 1
                time.sleep(0.5)
        raise RuntimeError("the server did not come back")

    def sync_states(self):
        records = self.retrying(
            lambda: self.call(
                "tdkt.plan.task", "web_read", self.task_ids, {"state": {}}
            )
        )
        self.states = {record["id"]: record["state"] for record in records}

    def run(self):
        try:
            self.retrying(self.login_)
            self.sync_states()
            self.latencies.clear()  # the log-in is not part of the daily mix
        except Exception as error:  # noqa: BLE001
            self.errors.append(f"start: {error}")
            return
        actions = (
            [self.read_kanban] * 4
            + [self.read_plan] * 2
            + [self.toggle] * 3
            + [self.add_note] * 2
        )
        while time.monotonic() < self.stop_at:
            action = self.rng.choice(actions)
            try:
                action()
            except Down:
                time.sleep(0.5)
            except Cut:
                self.cut += 1
                time.sleep(0.5)
            except Exception as error:  # noqa: BLE001
                self.errors.append(f"{action.__name__}: {error}")
                time.sleep(0.2)
            time.sleep(self.rng.uniform(0.02, 0.1))

    def read_kanban(self):
        domain = [["plan_id", "=", self.plan_id]]
        groups = self.call(
            "tdkt.plan.task",
            "web_read_group",
            domain,
            ["row_number:sum"],
            ["quarter"],
            limit=10,
            orderby="quarter ASC",
            lazy=True,
        )["groups"]
        for group in groups:
            if group["quarter_count"]:
                self.call(
                    "tdkt.plan.task",
                    "web_search_read",
                    group["__domain"],
                    KANBAN_SPEC,
                    limit=40,
                    order="quarter, row_number, id",
                    count_limit=10001,
                )

    def read_plan(self):
        self.call("tdkt.plan", "web_read", [self.plan_id], PLAN_SPEC)

    def toggle(self):
        task_id = self.rng.choice(self.task_ids)
        if task_id not in self.states:
            self.sync_states()
        state = self.states[task_id]
        method = "action_reopen" if state == "done" else "action_done"
        try:
            self.writing = True
            self.call("tdkt.plan.task", method, [task_id])
        except Cut:
            self.changes_cut[task_id] = self.changes_cut.get(task_id, 0) + 1
            self.states.pop(task_id, None)  # unknown: read it again next time
            raise
        finally:
            self.writing = False
        self.changes_ok[task_id] = self.changes_ok.get(task_id, 0) + 1
        self.states[task_id] = "in_progress" if state == "done" else "done"

    def add_note(self):
        task_id = self.rng.choice(self.task_ids)
        token = f"LT-{self.run_id}-c{self.number}-{next(self.serial)}"
        [record] = self.call(
            "tdkt.plan.task", "web_read", [task_id], {"result_note": {}}
        )
        note = record["result_note"] or ""
        try:
            self.writing = True
            self.call(
                "tdkt.plan.task",
                "web_save",
                [task_id],
                {"result_note": f"{note}<p>{token}</p>"},
                {"result_note": {}},
            )
        except Cut:
            self.notes_cut.add(token)
            raise
        finally:
            self.writing = False
        self.notes_ok.add(token)


# --- phases and checks --------------------------------------------------------
def run_phase(args, registry, server, owned, name, kill_at=None):
    run_id = f"{int(time.time()):x}{name[0]}"
    task_ids = [tid for value in owned.values() for tid in value["task_ids"]]
    _notes, changes_before = snapshot(registry, task_ids)
    down = threading.Event()
    start = time.monotonic()
    stop_at = start + args.duration
    clients = [
        Client(number, login, owned[login], server, run_id, stop_at, down)
        for number, login in enumerate(sorted(owned), start=1)
    ]
    for client in clients:
        client.start()
    downtime = 0.0
    in_flight = 0
    if kill_at is not None:
        time.sleep(max(0, start + kill_at - time.monotonic()))
        # Kill while writes are on the wire, so that their fate is tested too.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and sum(c.writing for c in clients) < 2:
            time.sleep(0.005)
        in_flight = sum(c.writing for c in clients)
        down.set()
        killed = time.monotonic()
        server.kill()
        print(
            f"  killed the server (SIGKILL to master and workers) at {kill_at:.0f} s",
            flush=True,
        )
        time.sleep(2)
        server.start()
        downtime = time.monotonic() - killed
        down.clear()
        print(f"  restarted; the server was down {downtime:.1f} s", flush=True)
    for client in clients:
        client.join(timeout=args.duration + 180)
    elapsed = time.monotonic() - start
    notes, changes_after = snapshot(registry, task_ids)
    counts = {}
    for note in notes.values():
        for token in TOKEN.findall(note):
            if token.startswith(f"LT-{run_id}-"):
                counts[token] = counts.get(token, 0) + 1
    acked = set().union(*(c.notes_ok for c in clients))
    cut = set().union(*(c.notes_cut for c in clients))
    lost = sorted(token for token in acked if counts.get(token, 0) == 0)
    doubled = sorted(token for token, count in counts.items() if count > 1)
    unknown = sorted(token for token in counts if token not in acked | cut)
    bad_changes = []
    for client in clients:
        for task_id in client.task_ids:
            new = len(
                changes_after.get(task_id, set()) - changes_before.get(task_id, set())
            )
            low = client.changes_ok.get(task_id, 0)
            high = low + client.changes_cut.get(task_id, 0)
            if not low <= new <= high:
                bad_changes.append(
                    f"task {task_id}: {new} changes, expected {low}..{high}"
                )
    latencies = sorted(lat for c in clients for lat in c.latencies)
    errors = [error for c in clients for error in c.errors]

    def percentile(q):
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    result = {
        "phase": name,
        "clients": len(clients),
        "duration_s": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "cut_by_kill": sum(c.cut for c in clients),
        "writes_in_flight_at_kill": in_flight,
        "p50_ms": round(percentile(0.50)),
        "p95_ms": round(percentile(0.95)),
        "p99_ms": round(percentile(0.99)),
        "mean_ms": round(statistics.mean(latencies) * 1000) if latencies else 0,
        "notes_acknowledged": len(acked),
        "notes_cut": len(cut),
        "notes_cut_applied": sum(1 for token in cut if counts.get(token)),
        "notes_lost": len(lost),
        "notes_doubled": len(doubled),
        "notes_unexplained": len(unknown),
        "status_changes_acknowledged": sum(sum(c.changes_ok.values()) for c in clients),
        "status_changes_cut": sum(sum(c.changes_cut.values()) for c in clients),
        "status_changes_out_of_bounds": len(bad_changes),
        "downtime_s": round(downtime, 1),
    }
    kinds = {}
    for error in errors:
        kinds[error[:100]] = kinds.get(error[:100], 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"    ! {count} x {kind}", flush=True)
    for line in lost[:5] + doubled[:5] + bad_changes[:5]:
        print(f"    ! {line}", flush=True)
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8291)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60, help="seconds per phase")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--server-log", default="/tmp/tdkt-load-server.log")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 100 or not 5 <= args.duration <= 600:
        parser.error("1..100 clients and 5..600 seconds per phase")
    registry = _odoo.init(args.config, args.database)
    owned = prepare(registry, args.clients)
    server = Server(args)
    results = []
    try:
        server.start()
        print(
            f"Load: {args.clients} clients, {args.workers} workers, "
            f"{args.duration:.0f} s per phase, 127.0.0.1:{args.port}",
            flush=True,
        )
        print("- normal run", flush=True)
        results.append(run_phase(args, registry, server, owned, "normal"))
        print("- fault run", flush=True)
        results.append(
            run_phase(args, registry, server, owned, "kill", kill_at=args.duration / 2)
        )
    finally:
        server.stop()
    keys = list(results[0])
    width = max(len(k) for k in keys)
    print()
    print(f"| {'':{width}} | " + " | ".join(f"{r['phase']:>8}" for r in results) + " |")
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * 10 for _ in results) + "|")
    for key in keys[1:]:
        print(
            f"| {key:{width}} | " + " | ".join(f"{r[key]!s:>8}" for r in results) + " |"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    failed = any(
        r["errors"]
        or r["notes_lost"]
        or r["notes_doubled"]
        or r["notes_unexplained"]
        or r["status_changes_out_of_bounds"]
        for r in results
    )
    print(
        "\nRESULT:",
        "FAILED" if failed else "OK: no error, nothing lost or applied twice",
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
