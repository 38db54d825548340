#!/usr/bin/env bash
# `make bench`: set up, create the benchmark database once (tdkt_emulation,
# its demo data and Odoo's project for the baseline), generate the
# province-scale data set once per seed, then print the benchmark table.
# BENCH_DB (default tdkt_bench) and BENCH_SEED (default 2024) can be set.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
ODOO=$(odoo_dir)
BENCH_DB=${BENCH_DB:-tdkt_bench}
BENCH_SEED=${BENCH_SEED:-2024}
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
    log "creating the benchmark database $BENCH_DB (tdkt_emulation + demo, project)"
    "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" \
        -i tdkt_emulation,project --stop-after-init --log-level=warn
else
    log "updating tdkt_emulation in $BENCH_DB (the views measured are the current ones)"
    "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" \
        -u tdkt_emulation --stop-after-init --log-level=warn
fi
export PYTHONPATH=$ODOO
log "data set (generated once per seed)"
"$VENV/bin/python" "$PROJECT_DIR/bench/generate.py" -c "$ODOO_CONF" -d "$BENCH_DB" \
    --seed "$BENCH_SEED" "$@"
log "benchmark"
exec "$VENV/bin/python" "$PROJECT_DIR/bench/bench.py" -c "$ODOO_CONF" -d "$BENCH_DB"
