#!/usr/bin/env bash
# Set up, install the addon into a fresh test database, run every test.
# Extra arguments go to pytest (e.g. -k kanban, or a test file).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
ODOO=$(odoo_dir)
log "fresh test database $TEST_DB"
dropdb --if-exists "$TEST_DB"
install_log=$STATE_DIR/test-install.log
: > "$install_log"
if ! "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$TEST_DB" \
        -i tdkt_emulation --load-language=vi_VN --stop-after-init \
        --log-level=warn --logfile="$install_log"; then
    tail -50 "$install_log"; log "installing the addon failed"; exit 1
fi
if grep -E " (ERROR|CRITICAL) |failed to install" "$install_log"; then
    log "the install logged errors (full log: $install_log)"; exit 1
fi
log "running the test suite"
cd "$PROJECT_DIR"
# PYTHONPATH: the report_xlsx wheel leaves a plain site-packages/odoo folder
# that would otherwise shadow the Odoo source tree for pytest.
export PYTHONPATH=$ODOO
exec "$VENV/bin/pytest" -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http "${@:-tdkt_emulation/tests}"
