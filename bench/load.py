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

import psycopg2
import requests
import websocket

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _odoo
import load_vote
from _rpc import Cut, Down, RpcClient

WEBSOCKET_VERSION = "18.0-3"  # bus.websocket.WebsocketConnectionHandler._VERSION
NOTIFICATION = "tdkt.plan.task/updated"
TOKEN = re.compile(r"LT-[0-9a-z]+-c\d+-\d+")
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
    """One multi-worker Odoo (master, HTTP workers, gevent process)."""

    def __init__(self, args):
        self.args = args
        self.database = args.database
        # Without a proxy in front, /websocket is the gevent process's port.
        self.websocket_url = f"ws://127.0.0.1:{args.port + 1}/websocket"
        self.process = None
        self.log = open(args.server_log, "ab")  # noqa: SIM115

    def start(self):
        command = [
            sys.executable,
            str(Path(os.environ["ODOO_DIR"]) / "odoo-bin"),
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
        # The HTTP workers, and the gevent process that serves /websocket.
        pending = {
            self.url("/web/login"),
            f"http://127.0.0.1:{self.args.port + 1}/websocket/health",
        }
        while time.monotonic() < deadline:
            for url in sorted(pending):
                try:
                    if requests.get(url, timeout=5).ok:
                        pending.discard(url)
                except requests.RequestException:
                    pass
            if not pending:
                return
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped; see {self.args.server_log}")
            time.sleep(0.5)
        self.kill()
        raise SystemExit(f"the server did not answer within 120 s: {sorted(pending)}")

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
# Sessions survive the phases (they live in the shared filestore): each
# client logs in once per run, a few at a time (a log-in hashes a password).
SESSIONS = {}
LOGIN_SLOTS = threading.Semaphore(4)


class Client(RpcClient, threading.Thread):
    def __init__(self, number, login, owned, server, run_id, go, down):
        super().__init__(daemon=True)
        self.number = number
        self.login = login
        self.plan_id = owned["plan_id"]
        self.task_ids = owned["task_ids"]
        self.server = server
        self.run_id = run_id
        self.stop_at = time.monotonic() + 600  # log-in deadline; then the phase's
        self.ready = threading.Event()  # logged in, states read
        self.go = go  # the measured window starts
        self.down = down  # set during a fault (kill, restart, reload) and just after
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

    def login_(self):
        self.authenticate(self.login)

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
            with LOGIN_SLOTS:
                if self.login in SESSIONS:
                    self.http.cookies.update(SESSIONS[self.login])
                else:
                    self.retrying(self.login_)
                    SESSIONS[self.login] = self.http.cookies.copy()
            self.sync_states()
            self.latencies.clear()  # the log-in is not part of the daily mix
            self.cut = 0
        except Exception as error:  # noqa: BLE001
            self.errors.append(f"start: {error}")
            return
        finally:
            self.ready.set()
        self.go.wait()
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


# --- live notifications and the replica ------------------------------------------
class Watcher(threading.Thread):
    """The web client of one load user: a websocket, subscribed as it does.

    It collects the bus notifications about its user's tasks
    (tdkt.plan.task/updated, sent to the assignees' partners).  When its
    websocket is cut (its node killed) it reconnects through the same URL
    and subscribes again from the last notification it got, as the web
    client does, so nothing is missed.
    """

    def __init__(self, server, login, task_ids, last_id):
        super().__init__(daemon=True)
        self.server = server
        self.login = login
        self.task_ids = set(task_ids)
        self.last = last_id
        self.done = threading.Event()  # set by the phase when it has checked
        self.seen = set()  # bus.bus ids of notifications about our tasks
        self.connects = 0
        self.error = None

    def connect(self):
        http = requests.Session()
        response = http.post(
            self.server.url("/web/session/authenticate"),
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "db": self.server.database,
                    "login": self.login,
                    "password": self.login,
                },
            },
            timeout=30,
        )
        response.raise_for_status()
        # Odoo serves a logged-in websocket only if Origin matches its Host.
        origin = self.server.websocket_url.replace("ws://", "http://", 1)
        origin = origin.removesuffix("/websocket")
        ws = websocket.create_connection(
            f"{self.server.websocket_url}?version={WEBSOCKET_VERSION}",
            cookie=f"session_id={http.cookies['session_id']}",
            origin=origin,
            timeout=1,
        )
        ws.send(
            json.dumps(
                {"event_name": "subscribe", "data": {"channels": [], "last": self.last}}
            )
        )
        self.connects += 1
        return ws

    def run(self):
        ws = None
        while not self.done.is_set():
            try:
                if ws is None:
                    ws = self.connect()
                frame = ws.recv()
                if not frame:
                    continue
                for notification in json.loads(frame):
                    self.last = max(self.last, notification["id"])
                    message = notification["message"]
                    if (
                        message["type"] == NOTIFICATION
                        and message["payload"].get("id") in self.task_ids
                    ):
                        self.seen.add(notification["id"])
            except websocket.WebSocketTimeoutException:
                continue
            except Exception as error:  # noqa: BLE001 (cut: reconnect)
                self.error = f"{type(error).__name__}: {error}"
                if ws is not None:
                    ws.close()
                ws = None
                time.sleep(0.5)
        if ws is not None:
            ws.close()


class DatabaseProbe(threading.Thread):
    """Samples the replica (and the primary) while a phase runs.

    Counts the transactions of the load database on each server
    (pg_stat_database, summed over the samples so that a restart's reset
    of the standby's counters loses nothing) and how often a query of the
    load database was active on the standby (pg_stat_activity).
    """

    QUERY = (
        "SELECT (SELECT coalesce(sum(xact_commit + xact_rollback), 0)"
        " FROM pg_stat_database WHERE datname = %(db)s)::bigint,"
        " (SELECT count(*) FROM pg_stat_activity WHERE datname = %(db)s"
        " AND state = 'active' AND pid <> pg_backend_pid())"
    )

    def __init__(self, topology, database):
        super().__init__(daemon=True)
        self.topology = topology
        self.database = database
        self.stop = threading.Event()
        self.transactions = {"primary": 0, "replica": 0}
        self.active_samples = 0
        self.samples = 0
        self.timeline = []  # (time, replica transactions so far)
        self.fault_at = None

    def _read(self, port):
        with (
            psycopg2.connect(
                host="127.0.0.1",
                port=port,
                user="postgres",
                dbname="postgres",
                connect_timeout=2,
            ) as cnx,
            cnx.cursor() as cr,
        ):
            cr.execute(self.QUERY, {"db": self.database})
            return cr.fetchone()

    def run(self):
        last = {}
        ports = {"primary": self.topology.primary_port}
        if self.topology.replica:
            ports["replica"] = self.topology.replica_port
        while True:
            stopping = self.stop.wait(0.5)
            for role, port in ports.items():
                try:
                    count, active = self._read(port)
                except psycopg2.Error:
                    continue  # the standby is restarting
                previous = last.get(role)
                if previous is not None:
                    # A restarted standby starts its counters again.
                    self.transactions[role] += (
                        count - previous if count >= previous else count
                    )
                last[role] = count
                if role == "replica":
                    self.samples += 1
                    self.active_samples += bool(active)
                    self.timeline.append((time.monotonic(), self.transactions[role]))
            if stopping:
                return

    def replica_after_fault(self):
        """Replica transactions in the last third of the phase."""
        if not self.timeline:
            return 0
        end = self.timeline[-1][0]
        start = end - (end - self.timeline[0][0]) / 3
        before = [count for moment, count in self.timeline if moment <= start]
        return self.timeline[-1][1] - (before[-1] if before else 0)


# --- phases and checks --------------------------------------------------------
def wait_for_writes(clients, seconds=5):
    """Return when at least two writes are on the wire (or after a while)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and sum(c.writing for c in clients) < 2:
        time.sleep(0.005)
    return sum(c.writing for c in clients)


def server_kill(server):
    """Single node: SIGKILL the whole server half-way and restart it."""

    def fault(clients, down):
        in_flight = wait_for_writes(clients)
        down.set()
        killed = time.monotonic()
        server.kill()
        print("  killed the server (SIGKILL to master, workers, gevent)", flush=True)
        time.sleep(2)
        server.start()
        downtime = time.monotonic() - killed
        down.clear()
        print(f"  restarted; the server was down {downtime:.1f} s", flush=True)
        return {
            "writes_in_flight_at_fault": in_flight,
            "downtime_s": round(downtime, 1),
        }

    return fault


def node_kill(topology, phase_duration):
    """Topology: SIGKILL node2 half-way; it comes back at three quarters."""

    def fault(clients, down):
        in_flight = wait_for_writes(clients)
        down.set()
        topology.kill_node(2)
        print("  killed node2 (SIGKILL to master, workers, gevent)", flush=True)
        time.sleep(3)  # the balancer's health check marks it down in 2 s
        down.clear()
        time.sleep(max(0, phase_duration / 4 - 3))
        started = time.monotonic()
        topology.start_node(2)
        print(
            f"  node2 back, serving after {time.monotonic() - started:.1f} s",
            flush=True,
        )
        return {"writes_in_flight_at_fault": in_flight}

    return fault


def replica_restart(topology):
    def fault(clients, down):
        in_flight = wait_for_writes(clients)
        down.set()
        started = time.monotonic()
        topology.restart_replica()
        print(
            f"  restarted the replica (pg_ctl restart -m fast) in "
            f"{time.monotonic() - started:.1f} s",
            flush=True,
        )
        time.sleep(2)
        down.clear()
        return {"writes_in_flight_at_fault": in_flight}

    return fault


def lb_reload(topology):
    def fault(clients, down):
        in_flight = wait_for_writes(clients)
        down.set()
        topology.reload_lb()
        print("  reloaded HAProxy (SIGUSR2 to its master)", flush=True)
        time.sleep(2)
        down.clear()
        return {"writes_in_flight_at_fault": in_flight}

    return fault


def check_writes(registry, run_id, task_ids, clients, changes_before):
    """Exactly once: every acknowledged write is there once, a cut one at most."""
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
    return {
        "acked": acked,
        "cut": cut,
        "counts": counts,
        "lost": lost,
        "doubled": doubled,
        "unknown": unknown,
        "bad_changes": bad_changes,
    }


def finish(watcher, expected):
    """Stop the websocket client once it has what it should, or after 15 s.

    The server is up by now: after a kill, it may have been down past the
    end of the phase; the client reconnects and fetches what it missed,
    from its last notification.
    """
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and len(watcher.seen) < expected:
        time.sleep(0.2)
    watcher.done.set()
    watcher.join(timeout=30)


def run_phase(
    args, registry, server, owned, name, n_clients, duration, fault=None, topology=None
):
    run_id = f"{int(time.time()):x}{len(name)}"
    logins = sorted(owned)[:n_clients]
    task_ids = [tid for login in logins for tid in owned[login]["task_ids"]]
    _notes, changes_before = snapshot(registry, task_ids)
    with _odoo.environment(registry) as env:
        last_bus_id = env["bus.bus"]._bus_last_id()
    down = threading.Event()
    go = threading.Event()
    clients = [
        Client(number, login, owned[login], server, run_id, go, down)
        for number, login in enumerate(logins, start=1)
    ]
    # Log in (once per run) and read the tasks' states before the window.
    for client in clients:
        client.start()
    deadline = time.monotonic() + 600
    for client in clients:
        client.ready.wait(max(0, deadline - time.monotonic()))
    start = time.monotonic()
    stop_at = start + duration
    for client in clients:
        client.stop_at = stop_at
    watcher = Watcher(server, logins[0], owned[logins[0]]["task_ids"], last_bus_id)
    probe = DatabaseProbe(topology, server.database) if topology else None
    watcher.start()
    if probe:
        probe.start()
    go.set()
    extra = {}
    if fault is not None:
        time.sleep(max(0, start + duration / 2 - time.monotonic()))
        extra = fault(clients, down) or {}
    for client in clients:
        client.join(timeout=duration + 180)
    elapsed = time.monotonic() - start
    first = clients[0]
    notified_low = sum(first.changes_ok.values()) + len(first.notes_ok)
    finish(watcher, notified_low)
    if probe:
        time.sleep(1.5)  # backends report their statistics at most once a second
        probe.stop.set()
        probe.join(timeout=30)
    outcome = check_writes(registry, run_id, task_ids, clients, changes_before)
    acked, cut, counts = outcome["acked"], outcome["cut"], outcome["counts"]
    lost, doubled, bad_changes = (
        outcome["lost"],
        outcome["doubled"],
        outcome["bad_changes"],
    )
    latencies = sorted(lat for c in clients for lat in c.latencies)
    errors = [error for c in clients for error in c.errors]
    # Live notifications: one per write of the watched user that was applied.
    notified_high = (
        notified_low + sum(first.changes_cut.values()) + len(first.notes_cut)
    )
    notified = len(watcher.seen)

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
        "requests_cut": sum(c.cut for c in clients),
        "writes_in_flight_at_fault": extra.get("writes_in_flight_at_fault", 0),
        "p50_ms": round(percentile(0.50)),
        "p95_ms": round(percentile(0.95)),
        "p99_ms": round(percentile(0.99)),
        "mean_ms": round(statistics.mean(latencies) * 1000) if latencies else 0,
        "notes_acknowledged": len(acked),
        "notes_cut": len(cut),
        "notes_cut_applied": sum(1 for token in cut if counts.get(token)),
        "notes_lost": len(lost),
        "notes_doubled": len(doubled),
        "notes_unexplained": len(outcome["unknown"]),
        "status_changes_acknowledged": sum(sum(c.changes_ok.values()) for c in clients),
        "status_changes_cut": sum(sum(c.changes_cut.values()) for c in clients),
        "status_changes_out_of_bounds": len(bad_changes),
        "live_notifications": notified,
        "live_notifications_expected": f"{notified_low}..{notified_high}",
        "live_notifications_ok": notified_low <= notified <= notified_high,
        "websocket_connects": watcher.connects,
    }
    if "downtime_s" in extra:
        result["downtime_s"] = extra["downtime_s"]
    if probe:
        result["primary_transactions"] = probe.transactions["primary"]
        result["replica_transactions"] = probe.transactions["replica"]
        result["replica_transactions_last_third"] = probe.replica_after_fault()
        result["replica_active_samples"] = f"{probe.active_samples}/{probe.samples}"
        result["replica_used"] = (
            not topology.replica or probe.transactions["replica"] > 0
        )
    kinds = {}
    for error in errors:
        kinds[error[:100]] = kinds.get(error[:100], 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"    ! {count} x {kind}", flush=True)
    for line in lost[:5] + doubled[:5] + bad_changes[:5]:
        print(f"    ! {line}", flush=True)
    if not result["live_notifications_ok"]:
        print(
            f"    ! live notifications: {notified}, expected {notified_low}.."
            f"{notified_high} (last websocket error: {watcher.error})",
            flush=True,
        )
    print(
        f"    {result['requests']} requests, {result['requests_per_s']}/s, "
        f"{result['errors']} errors, {result['requests_cut']} cut, p95 "
        f"{result['p95_ms']} ms",
        flush=True,
    )
    return result


def failed(result):
    if result["phase"].startswith("vote"):
        return load_vote.failed(result)
    return bool(
        result["errors"]
        or result["notes_lost"]
        or result["notes_doubled"]
        or result["notes_unexplained"]
        or result["status_changes_out_of_bounds"]
        or not result["live_notifications_ok"]
        or not result.get("replica_used", True)
    )


def print_table(results, keys=None):
    keys = keys or [key for key in results[0] if key != "phase"]
    width = max(len(k) for k in keys)
    cell = max(10, *(len(str(r["phase"])) for r in results))
    print()
    print(
        f"| {'':{width}} | "
        + " | ".join(f"{r['phase']:>{cell}}" for r in results)
        + " |"
    )
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * (cell + 2) for _ in results) + "|")
    for key in keys:
        print(
            f"| {key:{width}} | "
            + " | ".join(f"{r.get(key, '')!s:>{cell}}" for r in results)
            + " |"
        )


class ClusterTarget:
    """What the clients talk to in the topology: the balancer."""

    def __init__(self, topology):
        self.topology = topology
        self.database = topology.database
        self.websocket_url = f"ws://127.0.0.1:{topology.lb_port}/websocket"

    def url(self, path):
        return self.topology.url(path)


def run_single(args, registry, owned):
    server = Server(args)
    results, votes = [], []
    try:
        server.start()
        print(
            f"Load: {args.clients} clients, {args.workers} workers, "
            f"{args.duration:.0f} s per phase, 127.0.0.1:{args.port}",
            flush=True,
        )
        if "normal" in args.phases:
            print("- normal run", flush=True)
            results.append(
                run_phase(
                    args, registry, server, owned, "normal", args.clients, args.duration
                )
            )
        if "kill" in args.phases:
            print("- fault run", flush=True)
            results.append(
                run_phase(
                    args,
                    registry,
                    server,
                    owned,
                    "kill",
                    args.clients,
                    args.duration,
                    fault=server_kill(server),
                )
            )
        for name in ("vote", "vote-kill"):
            if name in args.phases:
                print(
                    f"- council voting ({args.vote_members} members, "
                    f"{args.vote_proposals} proposals"
                    f"{', server killed half-way' if name == 'vote-kill' else ''})",
                    flush=True,
                )
                votes.append(
                    load_vote.run_phase(
                        registry,
                        server,
                        name,
                        args.vote_members,
                        args.vote_proposals,
                        kill=name == "vote-kill",
                    )
                )
    finally:
        server.stop()
    if results:
        print_table(results)
    if votes:
        print_table(votes)
    return results + votes


CAPACITY_CONFIGS = [
    ("1 node × 2 workers", 1, False),
    ("2 nodes × 2 workers", 2, False),
    ("2 nodes + replica", 2, True),
]


def run_topology(args, topology, registry, owned):
    target = ClusterTarget(topology)
    results, capacity = [], []
    try:
        topology.up(database=False)
        print(
            f"Topology load: {args.clients} clients, 2 nodes × {topology.workers} "
            f"workers, replica, HAProxy on 127.0.0.1:{topology.lb_port}, "
            f"{args.duration:.0f} s per phase",
            flush=True,
        )
        phases = [
            ("normal", None),
            ("node killed", node_kill(topology, args.duration)),
            ("replica restarted", replica_restart(topology)),
            ("balancer reloaded", lb_reload(topology)),
        ]
        for name, fault in phases:
            print(f"- {name}", flush=True)
            results.append(
                run_phase(
                    args,
                    registry,
                    target,
                    owned,
                    name,
                    args.clients,
                    args.duration,
                    fault=fault,
                    topology=topology,
                )
            )
        print_table(results)
        counts = [int(n) for n in args.capacity.split(",") if n]
        if counts:
            print(
                f"\nCapacity: the daily mix, {args.capacity_duration:.0f} s per cell",
                flush=True,
            )
            for label, nodes, replica in CAPACITY_CONFIGS:
                topology.down(postgres=False)
                topology.nodes, topology.replica = nodes, replica
                topology.up(database=False)
                for n in counts:
                    print(f"- {label}, {n} clients", flush=True)
                    result = run_phase(
                        args,
                        registry,
                        target,
                        owned,
                        f"{label}, {n} clients",
                        n,
                        args.capacity_duration,
                        topology=topology,
                    )
                    result["config"] = label
                    capacity.append(result)
            print(
                "\n| configuration | clients | requests/s | p50 ms | p95 ms | p99 ms "
                "| errors | replica transactions |"
            )
            print("|---|---|---|---|---|---|---|---|")
            for r in capacity:
                on_replica = (
                    r["replica_transactions"] if "replica" in r["config"] else "-"
                )
                print(
                    f"| {r['config']} | {r['clients']} | {r['requests_per_s']} | "
                    f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['errors']} | "
                    f"{on_replica} |"
                )
    finally:
        topology.down()
    return results + capacity


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", help="Odoo configuration (single node)")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8291)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60, help="seconds per phase")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--server-log", default="/tmp/tdkt-load-server.log")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument(
        "--topology",
        action="store_true",
        help="run against deploy/cluster.py's topology (2 nodes, replica, HAProxy)",
    )
    parser.add_argument(
        "--capacity",
        default="",
        help="topology: client counts of the capacity table, e.g. 20,50,100",
    )
    parser.add_argument("--capacity-duration", type=float, default=30)
    parser.add_argument(
        "--phases",
        default="normal,kill,vote,vote-kill",
        help="single node: the phases to run (normal, kill, vote, vote-kill)",
    )
    parser.add_argument("--vote-members", type=int, default=15)
    parser.add_argument("--vote-proposals", type=int, default=500)
    args = parser.parse_args(argv)
    # The timeout around make load sends SIGTERM: still stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    counts = [int(n) for n in args.capacity.split(",") if n]
    most = max([args.clients, *counts])
    if not 1 <= most <= 100 or not 5 <= args.duration <= 600:
        parser.error("1..100 clients and 5..600 seconds per phase")
    if args.topology:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
        import cluster

        topology = cluster.Topology(
            nodes=2,
            workers=args.workers,
            replica=True,
            cron_threads=0,
            log=lambda line: print(line, flush=True),
        )
        topology.database = args.database
        topology.start_primary()
        topology.ensure_database()
        registry = _odoo.init(str(topology.write_admin_conf()), args.database)
        owned = prepare(registry, most)
        results = run_topology(args, topology, registry, owned)
    else:
        if not args.config:
            parser.error("--config is needed without --topology")
        registry = _odoo.init(args.config, args.database)
        args.phases = args.phases.split(",")
        owned = prepare(registry, args.clients)
        results = run_single(args, registry, owned)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    bad = [r["phase"] for r in results if failed(r)]
    print(
        "\nRESULT:",
        f"FAILED in {', '.join(bad)}"
        if bad
        else "OK: no error, nothing lost or "
        "applied twice, every live notification received",
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
