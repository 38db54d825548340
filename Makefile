# The two commands: `make run` (set up and serve the demo) and `make test`
# (set up, lint, then the whole test suite on a fresh database).
.PHONY: setup run run-check test lint i18n bench load load-vote load-cluster cluster

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

# make run survives a request over limit_time_real (the server reloads).
run-check:
	bash scripts/run_check.sh

# Lint first, so that pytest's summary is the last thing printed.
test: setup lint
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

# Re-export the .pot, merge it and i18n-fragments/*.po into vi.po, report.
i18n:
	bash scripts/i18n.sh

# Province-scale benchmark table (see Performance in README.md).
bench:
	bash bench/bench.sh

# Concurrent JSON-RPC load with a server kill, on 127.0.0.1.
load:
	bash bench/load.sh

# Only the council voting phases of make load (with and without a kill).
load-vote:
	LOAD_PHASES=vote,vote-kill bash bench/load.sh

# The production topology on this machine (deploy/): PostgreSQL primary and
# hot standby, two Odoo nodes, HAProxy; in the foreground until Ctrl+C.
cluster: setup
	bash deploy/cluster.sh

# make load against that topology: fault phases and the capacity table.
load-cluster:
	TOPOLOGY=1 bash bench/load.sh
