#!/usr/bin/env bash
# Lint gate: ruff (check and format), pylint-odoo, OCA's XML/CSV/PO checks.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$PROJECT_DIR"
[ -x "$VENV/bin/ruff" ] || bash scripts/setup.sh
status=0
run() { log "$*"; "$@" || status=1; }
run "$VENV/bin/ruff" check tdkt_emulation scripts
run "$VENV/bin/ruff" format --check --diff tdkt_emulation scripts
run "$VENV/bin/pylint" --rcfile=.pylintrc tdkt_emulation
run "$VENV/bin/oca-checks-odoo-module" tdkt_emulation/__manifest__.py
po_files=(tdkt_emulation/i18n/*.po*)
if [ -e "${po_files[0]}" ]; then run "$VENV/bin/oca-checks-po" "${po_files[@]}"; fi
if [ $status -ne 0 ]; then log "lint: findings above"; else log "lint: clean"; fi
exit $status
