# The two commands: `make run` (set up and serve the demo) and `make test`
# (set up, lint, then the whole test suite on a fresh database).
.PHONY: setup run test lint i18n bench load

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

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
