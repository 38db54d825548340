"""The council voting phase of `make load`.

A council of 15 members (users with passwords) and an open session with 500
LĐTT proposals on its agenda are prepared directly in the database (a new
session each run). Then one JSON-RPC client per member, over real HTTP
against the multi-worker server, votes on every proposal with the Agree /
Disagree / Abstain buttons (``action_vote_*``); about one vote in ten is
changed once afterwards. The chair then closes the session over RPC.

Checked, from the database:

* before the closing, every (member, proposal) ballot exists exactly once
  and holds the choice the member last got a success for;
* after the closing, every proposal is approved or rejected and its counts
  (for, against, abstain) equal the recount of those last choices.

With a fault (``kill``), the whole server is killed with SIGKILL half-way
through the voting and restarted; a client whose call was cut (maybe
applied, maybe not) or refused sends it again until it succeeds, which is
safe since a vote replaces the member's previous vote. The same checks
hold: each vote counted exactly once.
"""

import itertools
import random
import threading
import time

import _odoo
import requests
from _rpc import Cut, Down, RpcClient

LOGIN = "load.council.{:02d}"
COUNCIL_NAME = "Hội đồng tải thử biểu quyết"
UNIT_NAME = "Phòng Tải thử biểu quyết"
CHOICES = ("agree", "disagree", "abstain")
CHANGED_SHARE = 0.1  # of the votes, changed once


# --- preparation (directly in the database) ---------------------------------------
def prepare(registry, members, proposals):
    """The members (once), the nominees (once), then a new open session of
    ``proposals`` proposals; returns the ids the clients need."""
    with _odoo.environment(registry, context={"tracking_disable": True}) as env:
        company = env.ref("base.main_company")
        Users = env["res.users"].with_context(no_reset_password=True)
        council_group = env.ref("tdkt_emulation.group_tdkt_council")
        users = Users
        for index in range(1, members + 1):
            login = LOGIN.format(index)
            user = Users.search([("login", "=", login)]) or Users.create(
                {
                    "name": f"Thành viên tải thử {index:02d}",
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [(6, 0, council_group.ids)],
                }
            )
            users |= user
        council = env["tdkt.council"].search(
            [("name", "=", COUNCIL_NAME), ("company_id", "=", company.id)],
            order="id desc",
            limit=1,
        )
        if not council or council.member_ids.user_id != users:
            council = env["tdkt.council"].create(
                {
                    "name": COUNCIL_NAME,
                    "company_id": company.id,
                    "date_from": "2024-01-01",
                    "member_ids": [
                        (0, 0, {"user_id": u.id, "role": "member" if i else "chair"})
                        for i, u in enumerate(users)
                    ],
                }
            )
        unit = env["tdkt.unit"].search([("name", "=", UNIT_NAME)], limit=1)
        if not unit:
            department = env["hr.department"].create(
                {"name": UNIT_NAME, "company_id": company.id}
            )
            unit = env["tdkt.unit"].create(
                {
                    "name": UNIT_NAME,
                    "company_id": company.id,
                    "unit_type": "department",
                    "department_ids": [(6, 0, department.ids)],
                }
            )
        department = unit.department_ids[:1]
        Employee = env["hr.employee"]
        employees = Employee.search([("department_id", "=", department.id)])
        if len(employees) < proposals:
            employees |= Employee.create(
                [
                    {
                        "name": f"Cán bộ tải thử biểu quyết {index:03d}",
                        "company_id": company.id,
                        "department_id": department.id,
                    }
                    for index in range(len(employees), proposals)
                ]
            )
        ldtt = env.ref("tdkt_emulation.tdkt_award_type_ldtt")
        # A nominee is proposed for a title once a year: each run its year.
        years = (
            env["tdkt.award.proposal"]
            .search(
                [("employee_id", "in", employees.ids), ("award_type_id", "=", ldtt.id)]
            )
            .mapped("year")
        )
        dossier = env["tdkt.award.dossier"].create(
            {
                "company_id": company.id,
                "year": max(years, default=2023) + 1,
                "unit_id": unit.id,
            }
        )
        records = env["tdkt.award.proposal"].create(
            [
                {
                    "dossier_id": dossier.id,
                    "award_type_id": ldtt.id,
                    "employee_id": employee.id,
                    "performance_rating": "htt",
                    "start_date": "2015-01-01",
                }
                for employee in employees[:proposals]
            ]
        )
        # Straight to the council: the proposals' lifecycle is not measured.
        records.write({"state": "council"})
        session = env["tdkt.council.session"].create({"council_id": council.id})
        records.write({"council_session_id": session.id})
        session.write({"state": "open"})
        return {
            "session_id": session.id,
            "proposal_ids": records.ids,
            "logins": users.mapped("login"),
            "chair": session.chair_id.user_id.login,
        }


def ballots(registry, session_id):
    """{(login, proposal_id): [choice, …]} of the session's ballots."""
    with _odoo.environment(registry) as env:
        env.cr.execute(
            "SELECT u.login, b.proposal_id, b.choice FROM tdkt_council_ballot b"
            " JOIN res_users u ON u.id = b.user_id WHERE b.session_id = %s",
            (session_id,),
        )
        found = {}
        for login, proposal_id, choice in env.cr.fetchall():
            found.setdefault((login, proposal_id), []).append(choice)
        return found


def results(registry, proposal_ids):
    with _odoo.environment(registry) as env:
        env.cr.execute(
            "SELECT id, state, vote_agree, vote_disagree, vote_abstain"
            " FROM tdkt_award_proposal WHERE id IN %s",
            (tuple(proposal_ids),),
        )
        return {row[0]: row[1:] for row in env.cr.fetchall()}


# --- clients -----------------------------------------------------------------------
class Voter(RpcClient, threading.Thread):
    """One member: logs in, then votes on the whole agenda in a random
    order, changing some votes once; a cut or refused call is sent again
    until it succeeds."""

    def __init__(self, number, login, proposal_ids, server, go):
        super().__init__(daemon=True)
        self.login = login
        self.server = server
        self.go = go
        self.ready = threading.Event()
        self.http = requests.Session()
        self.down = threading.Event()  # never set: a kill cuts the connection
        self.serial = itertools.count(1)
        rng = random.Random(number)
        order = list(proposal_ids)
        rng.shuffle(order)
        first, changes = [], []
        for proposal_id in order:
            # The final choice: a majority for, so that no tally is tied.
            # members with (number + id) % k == 0, k in 3..7, do not agree.
            against = (number + proposal_id) % (3 + proposal_id % 5) == 0
            final = CHOICES[1 + number % 2] if against else "agree"
            if rng.random() < CHANGED_SHARE:
                other = [choice for choice in CHOICES if choice != final]
                first.append((proposal_id, rng.choice(other)))
                changes.append((proposal_id, final))
            else:
                first.append((proposal_id, final))
        # The changes come after the first pass over the agenda.
        self.plan = first + changes
        self.acked = {}  # proposal id -> the choice last acknowledged
        self.latencies = []
        self.errors = []
        self.cut = 0
        self.in_flight = False
        self.deadline = time.monotonic() + 900

    def until_done(self, function):
        while time.monotonic() < self.deadline:
            try:
                return function()
            except Down:
                time.sleep(0.3)
            except Cut:
                self.cut += 1
                time.sleep(0.3)
        raise RuntimeError("the server did not come back")

    def log_in(self):
        self.until_done(lambda: self.authenticate(self.login))
        self.latencies.clear()

    def vote(self, proposal_id, choice):
        self.in_flight = True
        try:
            self.call("tdkt.award.proposal", f"action_vote_{choice}", [proposal_id])
        finally:
            self.in_flight = False
        self.acked[proposal_id] = choice

    def run(self):
        try:
            self.log_in()
        except Exception as error:  # noqa: BLE001 - reported by the phase
            self.errors.append(f"log in: {error}")
            return
        finally:
            self.ready.set()
        self.go.wait()
        for proposal_id, choice in self.plan:
            try:
                self.until_done(lambda p=proposal_id, c=choice: self.vote(p, c))
            except Exception as error:  # noqa: BLE001 - reported by the phase
                self.errors.append(str(error)[:200])


def kill_half_way(server, voters, total):
    """SIGKILL the whole server once half the votes are acknowledged, with
    votes on the wire, then restart it."""
    while sum(len(v.latencies) for v in voters) < total / 2:
        time.sleep(0.05)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and sum(v.in_flight for v in voters) < 2:
        time.sleep(0.002)
    in_flight = sum(v.in_flight for v in voters)
    killed = time.monotonic()
    server.kill()
    print(f"  killed the server with {in_flight} votes on the wire", flush=True)
    time.sleep(2)
    server.start()
    downtime = time.monotonic() - killed
    print(f"  restarted; the server was down {downtime:.1f} s", flush=True)
    return {"votes_in_flight_at_kill": in_flight, "downtime_s": round(downtime, 1)}


def run_phase(registry, server, name, members, proposals, kill=False):
    """Prepare a session, vote, close, check; the phase's result row."""
    prepared = prepare(registry, members, proposals)
    session_id, proposal_ids = prepared["session_id"], prepared["proposal_ids"]
    go = threading.Event()
    voters = [
        Voter(number, login, proposal_ids, server, go)
        for number, login in enumerate(prepared["logins"], start=1)
    ]
    for voter in voters:
        voter.start()
    for voter in voters:
        voter.ready.wait(300)
    total = sum(len(v.plan) for v in voters)
    start = time.monotonic()
    go.set()
    extra = kill_half_way(server, voters, total) if kill else {}
    for voter in voters:
        voter.join(timeout=900)
    elapsed = time.monotonic() - start
    errors = [error for v in voters for error in v.errors]
    # Every ballot once, holding the member's last acknowledged choice.
    found = ballots(registry, session_id)
    expected = {
        (v.login, proposal_id): choice
        for v in voters
        for proposal_id, choice in v.acked.items()
    }
    doubled = [key for key, choices in found.items() if len(choices) > 1]
    wrong = [
        key for key, choice in expected.items() if found.get(key, [None])[-1] != choice
    ]
    unexplained = [key for key in found if key not in expected]
    latencies = sorted(lat for v in voters for lat in v.latencies)
    # The chair closes the session over RPC.
    chair = next(v for v in voters if v.login == prepared["chair"])
    close_start = time.perf_counter()
    try:
        chair.until_done(
            lambda: chair.call("tdkt.council.session", "action_close", [session_id])
        )
    except Exception as error:  # noqa: BLE001 - reported below
        errors.append(f"closing: {error}")
    close_s = time.perf_counter() - close_start
    recount = {}
    for (_login, proposal_id), choice in expected.items():
        counts = recount.setdefault(proposal_id, [0, 0, 0])
        counts[CHOICES.index(choice)] += 1
    tallied = results(registry, proposal_ids)
    tally_mismatch = [
        proposal_id
        for proposal_id, (state, *counts) in tallied.items()
        if state not in ("approved", "rejected")
        or counts != recount.get(proposal_id, [0, 0, 0])
    ]

    def percentile(q):
        if not latencies:
            return 0
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000)

    result = {
        "phase": name,
        "clients": len(voters),
        "proposals": len(proposal_ids),
        "duration_s": round(elapsed, 1),
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "errors": len(errors),
        "requests_cut": sum(v.cut for v in voters),
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "p99_ms": percentile(0.99),
        "votes_sent": total,
        "ballots_expected": len(expected),
        "ballots_doubled": len(doubled),
        "ballots_wrong_or_missing": len(wrong),
        "ballots_unexplained": len(unexplained),
        "closing_s": round(close_s, 1),
        "approved": sum(1 for state, *_c in tallied.values() if state == "approved"),
        "tally_mismatches": len(tally_mismatch),
        **extra,
    }
    for error in errors[:5]:
        print(f"    ! {error}", flush=True)
    for key in (doubled + wrong + unexplained)[:5]:
        print(f"    ! ballot {key}: {found.get(key)}", flush=True)
    print(
        f"    {result['requests']} votes, {result['requests_per_s']} votes/s, "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"{result['errors']} errors, {result['requests_cut']} cut; closing "
        f"{result['closing_s']} s, {result['tally_mismatches']} tally mismatches",
        flush=True,
    )
    return result


def failed(result):
    return bool(
        result["errors"]
        or result["ballots_doubled"]
        or result["ballots_wrong_or_missing"]
        or result["ballots_unexplained"]
        or result["tally_mismatches"]
        or result["ballots_expected"] != result["clients"] * result["proposals"]
    )
