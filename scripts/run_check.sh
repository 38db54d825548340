#!/usr/bin/env bash
# `make run-check`: see scripts/run_check.py.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
export DB_NAME HTTP_PORT
exec timeout 1500 "$VENV/bin/python" "$PROJECT_DIR/scripts/run_check.py" "$@"
