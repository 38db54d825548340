"""`make run-check`: make run keeps serving after a request hits limit_time_real.

Starts `scripts/run.sh` (the threaded server of make run) with a short
limit_time_real on 127.0.0.1, logs in as admin, and sends a write that cannot
finish: the partner it writes is locked by this script's own database
transaction.  Odoo's threaded server sees the request over the limit (it
checks once a minute), dumps its stack and reloads itself with os.execve.
The check passes when the reloaded server answers again (same process id,
the session still valid) and its log holds no import error.  Bounded: the
check gives up 4 minutes after the server first answered and always stops the server.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2
import requests

PROJECT = Path(__file__).resolve().parent.parent


def wait_up(url, process, deadline):
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("run-check: the server stopped")
        try:
            if requests.get(url + "/web/login", timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("run-check: the server did not answer in time")


def rpc(session, url, path, params, timeout=30):
    response = session.post(
        url + path,
        json={"jsonrpc": "2.0", "method": "call", "params": params},
        timeout=timeout,
    )
    response.raise_for_status()
    body = response.json()
    if "error" in body:
        raise RuntimeError(body["error"]["data"]["message"])
    return body["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("DB_NAME", "tdkt"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("HTTP_PORT", "8069"))
    )
    parser.add_argument("--limit", type=int, default=5, help="limit_time_real, seconds")
    parser.add_argument("--log", default=str(PROJECT / ".state/run-check.log"))
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    Path(args.log).unlink(missing_ok=True)
    process = subprocess.Popen(
        [
            "bash",
            str(PROJECT / "scripts/run.sh"),
            f"--http-port={args.port}",
            f"--limit-time-real={args.limit}",
            "--max-cron-threads=0",
            f"--logfile={args.log}",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    lock = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # still stop the server
    try:
        # make run first creates or updates the demo database.
        wait_up(url, process, time.monotonic() + 900)
        deadline = time.monotonic() + 240
        http = requests.Session()
        user = rpc(
            http,
            url,
            "/web/session/authenticate",
            {"db": args.database, "login": "admin", "password": "admin"},
        )
        partner_id = user["partner_id"]
        lock = psycopg2.connect(dbname=args.database)
        with lock.cursor() as cr:
            cr.execute(
                "SELECT id FROM res_partner WHERE id = %s FOR UPDATE", (partner_id,)
            )
        outcome = {}

        def blocked_write():
            try:
                rpc(
                    http,
                    url,
                    "/web/dataset/call_kw/res.partner/write",
                    {
                        "model": "res.partner",
                        "method": "write",
                        "args": [[partner_id], {"comment": "run-check"}],
                        "kwargs": {},
                    },
                    timeout=200,
                )
                outcome["write"] = "answered"
            except Exception as error:  # noqa: BLE001
                outcome["write"] = f"cut: {type(error).__name__}"

        writer = threading.Thread(target=blocked_write, daemon=True)
        writer.start()
        started = time.monotonic()
        print(
            "run-check: a write is blocked on a row lock; "
            f"limit_time_real={args.limit}s; waiting for the reload "
            "(Odoo checks once a minute)",
            flush=True,
        )
        log = Path(args.log)
        while "Initiating server reload" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline:
                raise SystemExit("run-check: no reload was logged")
            if process.poll() is not None:
                raise SystemExit("run-check: the server stopped")
            time.sleep(1)
        print(f"run-check: reload after {time.monotonic() - started:.0f} s", flush=True)
        lock.rollback()
        wait_up(url, process, deadline)
        writer.join(timeout=30)
        # The session survives the reload (sessions live in the filestore).
        count = rpc(
            http,
            url,
            "/web/dataset/call_kw/tdkt.plan/search_count",
            {
                "model": "tdkt.plan",
                "method": "search_count",
                "args": [[]],
                "kwargs": {},
            },
        )
        text = log.read_text(errors="replace")
        problems = re.findall(r"(?:No module named|ModuleNotFoundError).*", text)
        if problems:
            raise SystemExit(f"run-check: the reloaded server failed: {problems[0]}")
        print(
            f"run-check: OK: time limit hit, server reloaded in place (pid "
            f"{process.pid}), serving again (the blocked write: {outcome.get('write')};"
            f" {count} plans read with the same session)",
            flush=True,
        )
        return 0
    finally:
        if lock is not None:
            lock.close()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
