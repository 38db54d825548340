#!/usr/bin/env bash
# `make load`: set up, create the load database once (tdkt_emulation + demo),
# then run the concurrent load with the kill-and-restart fault run against a
# multi-worker server on 127.0.0.1.  LOAD_DB (default tdkt_load), LOAD_PORT
# (default HTTP_PORT + 20; the next port is the gevent port), LOAD_CLIENTS
# (20), LOAD_DURATION (60 s per phase), LOAD_WORKERS (4) can be set;
# LOAD_PHASES (normal,kill,vote,vote-kill) chooses the phases: the daily mix
# without and with a server kill, then the council voting (bench/load_vote.py:
# LOAD_VOTE_MEMBERS (15) clients voting on LOAD_VOTE_PROPOSALS (500)
# proposals, then the chair's closing) without and with a server kill.
# TOPOLOGY=1 (make load-cluster): the same load against the topology of
# deploy/ (2 nodes, a hot standby, HAProxy; see deploy/cluster.sh for its
# ports) with its fault phases, then the capacity table for LOAD_CAPACITY
# clients (20,50,100; empty: none), LOAD_CAPACITY_DURATION (30 s) per cell.
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
ODOO=$(odoo_dir)
LOAD_DB=${LOAD_DB:-tdkt_load}
if [ -n "${TOPOLOGY:-}" ]; then
    source "$PROJECT_DIR/deploy/cluster.sh"
    topology_env
    export PYTHONPATH=$ODOO
    exec timeout 3000 "$VENV/bin/python" "$PROJECT_DIR/bench/load.py" --topology \
        -d "$CLUSTER_DB" --clients "${LOAD_CLIENTS:-20}" \
        --duration "${LOAD_DURATION:-40}" --workers "${LOAD_WORKERS:-2}" \
        --capacity "${LOAD_CAPACITY-20,50,100}" \
        --capacity-duration "${LOAD_CAPACITY_DURATION:-30}" "$@"
fi
LOAD_PORT=${LOAD_PORT:-$((HTTP_PORT + 20))}
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$LOAD_DB'" | grep -q 1; then
    log "creating the load database $LOAD_DB (tdkt_emulation + demo)"
    "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$LOAD_DB" \
        -i tdkt_emulation --stop-after-init --log-level=warn
else
    log "updating tdkt_emulation in $LOAD_DB"
    "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$LOAD_DB" \
        -u tdkt_emulation --stop-after-init --log-level=warn
fi
export PYTHONPATH=$ODOO ODOO_DIR=$ODOO
exec timeout 1200 "$VENV/bin/python" "$PROJECT_DIR/bench/load.py" -c "$ODOO_CONF" -d "$LOAD_DB" \
    --port "$LOAD_PORT" --clients "${LOAD_CLIENTS:-20}" --duration "${LOAD_DURATION:-60}" \
    --workers "${LOAD_WORKERS:-4}" --server-log "$STATE_DIR/load-server.log" \
    --phases "${LOAD_PHASES:-normal,kill,vote,vote-kill}" \
    --vote-members "${LOAD_VOTE_MEMBERS:-15}" \
    --vote-proposals "${LOAD_VOTE_PROPOSALS:-500}" "$@"
