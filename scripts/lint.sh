#!/usr/bin/env bash
# Lint gate: ruff (check and format), pylint-odoo, OCA's XML/CSV/PO checks.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$PROJECT_DIR"
[ -x "$VENV/bin/ruff" ] || bash scripts/setup.sh
status=0
run() { log "$*"; "$@" || status=1; }
run "$VENV/bin/ruff" check tdkt_emulation scripts bench deploy
run "$VENV/bin/ruff" format --check --diff tdkt_emulation scripts bench deploy
run "$VENV/bin/pylint" --rcfile=.pylintrc tdkt_emulation
run "$VENV/bin/oca-checks-odoo-module" tdkt_emulation/__manifest__.py
po_files=(tdkt_emulation/i18n/*.po*)
# po-pretty-format is left out: it empties every translation equal to its
# source ("ID", file-name expressions), and vi.po must stay checkably complete.
if [ -e "${po_files[0]}" ]; then
    run "$VENV/bin/oca-checks-po" --disable=po-pretty-format "${po_files[@]}"
fi
if [ $status -ne 0 ]; then log "lint: findings above"; else log "lint: clean"; fi
exit $status
