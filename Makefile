# The two commands: `make run` (set up and serve the demo) and `make test`.
.PHONY: setup run test lint bench load

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

# Province-scale benchmark table (bench/README in the main README).
bench:
	bash bench/bench.sh

# Concurrent JSON-RPC load with a server kill, on 127.0.0.1.
load:
	bash bench/load.sh
