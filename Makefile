# The two commands: `make run` (set up and serve the demo) and `make test`.
.PHONY: setup run test lint i18n

setup:
	bash scripts/setup.sh

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

# Re-export the .pot, merge it and i18n-fragments/*.po into vi.po, report.
i18n:
	bash scripts/i18n.sh
