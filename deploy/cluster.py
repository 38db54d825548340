"""The production topology on one machine, loopback only (`make cluster`).

    HAProxy 127.0.0.1:LB_PORT  ──/────────→ node1, node2 (odoo-bin --workers)
                                ──/websocket→ their gevent processes
    node1, node2 ── writes ──→ PostgreSQL primary  (PRIMARY_PORT)
                 ── reads ───→ PostgreSQL hot standby (REPLICA_PORT),
                               streaming from the primary

Every piece is a separate process with its own port; the configuration
files are in deploy/ (postgresql/, odoo/node.conf.in, haproxy/haproxy.cfg).
`python deploy/cluster.py up` starts everything and stays in the foreground
until Ctrl+C (or --ttl seconds), then stops everything it started.
bench/load.py drives the same class for the load and fault runs.

Run it through deploy/cluster.sh (make cluster), which supplies the
project's settings through the environment.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

DEPLOY = Path(__file__).resolve().parent
ENV = os.environ


def env_int(name, default):
    return int(ENV.get(name, default))


class Topology:
    """Start, stop and break the pieces of the topology."""

    def __init__(self, nodes=2, workers=2, replica=True, cron_threads=0, log=print):
        self.nodes = nodes
        self.workers = workers
        self.replica = replica
        self.cron_threads = cron_threads
        self.log = log
        self.database = ENV.get("CLUSTER_DB", "tdkt_cluster")
        self.venv_python = ENV.get("VENV_PYTHON", sys.executable)
        self.odoo = Path(ENV["ODOO_DIR"])
        self.addons_path = ENV["ADDONS_PATH"]
        self.state = Path(ENV["TOPO_STATE"])  # confs, logs, filestore
        self.pg_root = Path(ENV.get("TOPO_PG_DIR", "/var/lib/tdkt_emulation/topology"))
        self.pg_user = ENV.get("PG_OS_USER", "postgres")
        self.pg_bin = Path(ENV["PG_BIN"])
        self.primary_port = env_int("PRIMARY_PORT", 5440)
        self.replica_port = env_int("REPLICA_PORT", 5441)
        self.lb_port = env_int("LB_PORT", 8280)
        self.lb_stats_port = env_int("LB_STATS_PORT", 8289)
        self.node_ports = [
            (
                env_int(f"NODE{i}_HTTP_PORT", 8279 + 2 * i),
                env_int(f"NODE{i}_GEVENT_PORT", 8280 + 2 * i),
            )
            for i in (1, 2)
        ]
        self.processes = {}  # name -> Popen (Odoo nodes, HAProxy)
        self.state.mkdir(parents=True, exist_ok=True)

    # --- PostgreSQL --------------------------------------------------------------
    def _as_pg(self, *command, check=True, **kwargs):
        if os.geteuid() == 0 and self.pg_user != "root":
            command = ("runuser", "-u", self.pg_user, "--", *command)
        return subprocess.run(command, check=check, **kwargs)

    def _pg_ctl(self, data, *args, check=True):
        return self._as_pg(
            str(self.pg_bin / "pg_ctl"),
            "-D",
            str(data),
            *args,
            check=check,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @property
    def primary_data(self):
        return self.pg_root / "primary"

    @property
    def replica_data(self):
        return self.pg_root / "replica"

    @property
    def socket_dir(self):
        return self.pg_root / "run"

    def _pg_running(self, data):
        return self._pg_ctl(data, "status", check=False).returncode == 0

    def _pg_start(self, data, port, logname):
        if self._pg_running(data):
            return
        self._pg_ctl(
            data,
            "start",
            "-w",
            "-t",
            "60",
            "-l",
            str(self.pg_root / logname),
            "-o",
            f"-p {port} -k {self.socket_dir}",
        )

    def psql(self, port, sql, database="postgres", user="postgres"):
        result = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                user,
                "-d",
                database,
                "-XtAc",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def start_primary(self):
        self.pg_root.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.pg_root, self.pg_user)
        self._as_pg("mkdir", "-p", str(self.socket_dir))
        if not (self.primary_data / "PG_VERSION").exists():
            self.log(f"  initdb of the primary in {self.primary_data}")
            self._as_pg(
                str(self.pg_bin / "initdb"),
                "-D",
                str(self.primary_data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                stdout=subprocess.DEVNULL,
            )
            self._install_conf(self.primary_data, "primary.conf", "tdkt_primary.conf")
        self._pg_start(self.primary_data, self.primary_port, "primary.log")
        roles = self.psql(
            self.primary_port, "SELECT string_agg(rolname, ',') FROM pg_roles"
        )
        if "replicator" not in roles.split(","):
            self.psql(self.primary_port, "CREATE ROLE replicator REPLICATION LOGIN")
        if "odoo" not in roles.split(","):
            self.psql(self.primary_port, "CREATE ROLE odoo LOGIN CREATEDB")

    def _install_conf(self, data, source, name):
        """Copy deploy/postgresql/<source> into the data directory, include it."""
        self._as_pg("cp", str(DEPLOY / "postgresql" / source), str(data / name))
        self._as_pg(
            "cp", str(DEPLOY / "postgresql" / "pg_hba.conf"), str(data / "pg_hba.conf")
        )
        conf = (data / "postgresql.conf").read_text()
        if f"include = '{name}'" not in conf:
            self._as_pg(
                "sh", "-c", f"echo \"include = '{name}'\" >> {data}/postgresql.conf"
            )

    def start_replica(self):
        if not (self.replica_data / "standby.signal").exists():
            self.log(f"  pg_basebackup of the primary into {self.replica_data}")
            self._as_pg("rm", "-rf", str(self.replica_data))
            self._as_pg(
                str(self.pg_bin / "pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.primary_port),
                "-U",
                "replicator",
                "-D",
                str(self.replica_data),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            )
            self._install_conf(self.replica_data, "replica.conf", "tdkt_replica.conf")
        self._pg_start(self.replica_data, self.replica_port, "replica.log")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if (
                self.psql(
                    self.primary_port,
                    "SELECT count(*) FROM pg_stat_replication "
                    "WHERE state = 'streaming'",
                )
                != "0"
            ):
                return
            time.sleep(0.5)
        raise SystemExit("the replica does not stream from the primary")

    def restart_replica(self):
        """pg_ctl restart -m fast: the standby's sessions are cut."""
        self._pg_ctl(
            self.replica_data,
            "restart",
            "-m",
            "fast",
            "-w",
            "-t",
            "60",
            "-l",
            str(self.pg_root / "replica.log"),
            "-o",
            f"-p {self.replica_port} -k {self.socket_dir}",
        )

    def replica_lag_bytes(self):
        return int(
            self.psql(
                self.primary_port,
                "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(),"
                " replay_lsn)), 0)::bigint FROM pg_stat_replication",
            )
            or 0
        )

    def stop_postgres(self):
        for data in (self.replica_data, self.primary_data):
            if (data / "PG_VERSION").exists() and self._pg_running(data):
                self._pg_ctl(data, "stop", "-m", "fast", "-w", check=False)

    def ensure_database(self):
        """Create the database on the primary (addon + demo) or update it."""
        names = self.psql(self.primary_port, "SELECT datname FROM pg_database")
        exists = self.database in names.split()
        admin = self.write_admin_conf()
        command = [
            self.venv_python,
            str(self.odoo / "odoo-bin"),
            "-c",
            str(admin),
            "-d",
            self.database,
            "--stop-after-init",
            "--log-level=warn",
        ]
        if exists:
            self.log(f"  updating tdkt_emulation in {self.database}")
            subprocess.run([*command, "-u", "tdkt_emulation"], check=True)
        else:
            self.log(
                f"  creating {self.database} on the primary (tdkt_emulation + demo)"
            )
            subprocess.run([*command, "-i", "tdkt_emulation"], check=True)

    # --- Odoo nodes --------------------------------------------------------------
    def write_admin_conf(self):
        """Odoo configuration for scripts: the primary only, no HTTP."""
        return self._write_conf(
            "admin", http_port=0, gevent_port=0, workers=0, replica=False
        )

    def _write_conf(self, name, http_port, gevent_port, workers, replica):
        text = (DEPLOY / "odoo" / "node.conf.in").read_text()
        values = {
            "ADDONS_PATH": self.addons_path,
            "DATA_DIR": str(self.state / "data"),
            "DB_NAME": self.database,
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(self.primary_port),
            "DB_REPLICA_HOST": "127.0.0.1" if replica else "False",
            "DB_REPLICA_PORT": str(self.replica_port) if replica else "False",
            "HTTP_PORT": str(http_port),
            "GEVENT_PORT": str(gevent_port),
            "WORKERS": str(workers),
            "CRON_THREADS": str(self.cron_threads),
            "LIMIT_REQUEST": ENV.get("LIMIT_REQUEST", "256"),
            "LOGFILE": str(self.state / f"{name}.log"),
        }
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        if name == "admin":
            text = text.replace("logfile = ", "; logfile = ")
        path = self.state / f"{name}.conf"
        path.write_text(text)
        return path

    def start_node(self, index, wait=True):
        http_port, gevent_port = self.node_ports[index - 1]
        conf = self._write_conf(
            f"node{index}", http_port, gevent_port, self.workers, self.replica
        )
        name = f"node{index}"
        self.processes[name] = subprocess.Popen(
            [self.venv_python, str(self.odoo / "odoo-bin"), "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.state / f"{name}.err", "ab"),  # noqa: SIM115
            start_new_session=True,  # the kill reaches master, workers and gevent
        )
        if wait:
            self.wait_node(index)

    def wait_node(self, index, timeout=180):
        http_port, gevent_port = self.node_ports[index - 1]
        process = self.processes[f"node{index}"]
        deadline = time.monotonic() + timeout
        pending = {
            f"http://127.0.0.1:{http_port}/web/health",
            f"http://127.0.0.1:{gevent_port}/websocket/health",
        }
        while pending and time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(
                    f"node{index} stopped; see {self.state}/node{index}.log"
                )
            for url in sorted(pending):
                try:
                    if requests.get(url, timeout=5).ok:
                        pending.discard(url)
                except requests.RequestException:
                    pass
            time.sleep(0.3)
        if pending:
            raise SystemExit(f"node{index} does not answer on {sorted(pending)}")

    def kill_node(self, index):
        """SIGKILL to the node's master, HTTP workers and gevent process."""
        process = self.processes.pop(f"node{index}")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def _stop(self, name):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)

    # --- balancer ------------------------------------------------------------------
    def _lb_env(self):
        env = dict(
            ENV,
            TOPO_DIR=str(self.state),
            LB_PORT=str(self.lb_port),
            LB_STATS_PORT=str(self.lb_stats_port),
        )
        for i in range(1, 3):
            env.pop(f"NODE{i}_HTTP_PORT", None)
            env.pop(f"NODE{i}_GEVENT_PORT", None)
        for i in range(1, self.nodes + 1):
            env[f"NODE{i}_HTTP_PORT"] = str(self.node_ports[i - 1][0])
            env[f"NODE{i}_GEVENT_PORT"] = str(self.node_ports[i - 1][1])
        return env

    def start_lb(self):
        cfg = str(DEPLOY / "haproxy" / "haproxy.cfg")
        env = self._lb_env()
        subprocess.run(["haproxy", "-c", "-q", "-f", cfg], check=True, env=env)
        self.processes["haproxy"] = subprocess.Popen(
            ["haproxy", "-W", "-f", cfg],
            env=env,
            stdout=open(self.state / "haproxy.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url("/web/health"), timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise SystemExit("HAProxy does not answer")

    def reload_lb(self):
        """Seamless reload (SIGUSR2 to the master): the socket stays open."""
        os.kill(self.processes["haproxy"].pid, signal.SIGUSR2)

    def url(self, path=""):
        return f"http://127.0.0.1:{self.lb_port}{path}"

    # --- all ------------------------------------------------------------------------
    def up(self, database=True):
        """Start what is not running yet; database: create or update it."""
        self.log(f"- PostgreSQL primary on 127.0.0.1:{self.primary_port}")
        self.start_primary()
        if database:
            self.ensure_database()
        if self.replica:
            self.log(f"- PostgreSQL hot standby on 127.0.0.1:{self.replica_port}")
            self.start_replica()
        for index in range(1, self.nodes + 1):
            http_port, gevent_port = self.node_ports[index - 1]
            self.log(
                f"- Odoo node{index}: {self.workers} workers on 127.0.0.1:{http_port}, "
                f"gevent on {gevent_port}"
            )
            self.start_node(index, wait=False)
        for index in range(1, self.nodes + 1):
            self.wait_node(index)
        self.log(
            f"- HAProxy on 127.0.0.1:{self.lb_port} (stats on {self.lb_stats_port})"
        )
        self.start_lb()

    def down(self, postgres=True):
        for name in list(self.processes):
            self._stop(name)
        if postgres:
            self.stop_postgres()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "stop-postgres"])
    parser.add_argument("--nodes", type=int, choices=[1, 2], default=2)
    parser.add_argument("--workers", type=int, default=env_int("CLUSTER_WORKERS", 2))
    parser.add_argument("--no-replica", action="store_true")
    parser.add_argument(
        "--ttl",
        type=float,
        default=float(ENV.get("CLUSTER_TTL", 3600)),
        help="stop everything after this many seconds",
    )
    args = parser.parse_args()
    topology = Topology(
        args.nodes,
        args.workers,
        not args.no_replica,
        cron_threads=1,
        log=lambda line: print(line, flush=True),
    )
    if args.command == "stop-postgres":
        topology.stop_postgres()
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        topology.up()
        print(
            f"\n  The topology answers on {topology.url('/')}  (database "
            f"{topology.database}; logins as in make run)\n"
            f"  HAProxy statistics: http://127.0.0.1:{topology.lb_stats_port}/\n"
            f"  Logs: {topology.state}/   Stop with Ctrl+C "
            f"(or it stops by itself after {args.ttl:.0f} s).\n",
            flush=True,
        )
        deadline = time.monotonic() + args.ttl
        while time.monotonic() < deadline:
            for name, process in topology.processes.items():
                if process.poll() is not None:
                    print(f"{name} stopped (exit {process.returncode})", flush=True)
                    return 1
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        print("stopping the topology", flush=True)
        topology.down()
    return 0


if __name__ == "__main__":
    sys.exit(main())
