"""The JSON-RPC client side shared by the load phases (bench/load.py,
bench/load_vote.py): one call, the errors that tell a request not sent from
one that may have been applied, the log-in."""

import time

import requests

# Server-side errors of a request whose database connection was cut.
CUT_ERRORS = {"psycopg2.OperationalError", "psycopg2.InterfaceError"}


class Cut(Exception):
    """The request may or may not have reached the server (the kill)."""


class Down(Exception):
    """The server refused the connection: nothing was sent."""


class RpcClient:
    """Needs ``server`` (``url()``, ``database``), ``http`` (a requests
    session), ``down`` (an event set during a fault), ``serial`` (an
    iterator of ids) and ``latencies`` (a list)."""

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
            # The balancer's 502/503: the node died under the request.
            raise Cut()
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code} on {path}")
        body = response.json()
        if "error" in body:
            error = body["error"].get("data", {})
            if self.down.is_set() and error.get("name") in CUT_ERRORS:
                # The database connection of the request was cut (the replica
                # restarting under a read): nothing was written.
                raise Cut()
            raise RuntimeError(error.get("message") or body["error"])
        self.latencies.append(elapsed)
        return body.get("result")

    def authenticate(self, login):
        """Log in as ``login`` (password = login)."""
        self.post(
            "/web/session/authenticate",
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "db": self.server.database,
                    "login": login,
                    "password": login,
                },
            },
        )
