# The two commands: `make run` (set up and serve the demo) and `make test`.
.PHONY: setup run test lint

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh
