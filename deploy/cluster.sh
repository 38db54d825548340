#!/usr/bin/env bash
# `make cluster`: set up, then start the whole topology in the foreground
# (deploy/cluster.py up; Ctrl+C stops it).  Also sourced by bench/load.sh
# for the topology run (TOPOLOGY=1).  Ports and places, all overridable:
#   LB_PORT 8280 (HAProxy), LB_STATS_PORT 8289, NODE1_HTTP_PORT 8281,
#   NODE1_GEVENT_PORT 8282, NODE2_HTTP_PORT 8283, NODE2_GEVENT_PORT 8284,
#   PRIMARY_PORT 5440, REPLICA_PORT 5441, TOPO_PG_DIR, CLUSTER_DB.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
topology_env() {
    ODOO_DIR=$(odoo_dir)
    ADDONS_PATH=$(addons_path "$ODOO_DIR")
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    TOPO_STATE=${TOPO_STATE:-$STATE_DIR/topology}
    if [ "$(id -u)" = 0 ]; then
        TOPO_PG_DIR=${TOPO_PG_DIR:-/var/lib/tdkt_emulation/topology}
    else
        TOPO_PG_DIR=${TOPO_PG_DIR:-$STATE_DIR/topology-pg}
    fi
    CLUSTER_DB=${CLUSTER_DB:-${LOAD_DB:-tdkt_load}}
    VENV_PYTHON=$VENV/bin/python
    export ODOO_DIR ADDONS_PATH PG_BIN TOPO_STATE TOPO_PG_DIR CLUSTER_DB VENV_PYTHON PG_OS_USER
    # odoo-bin may re-exec itself: the venv's python first on PATH.
    export VIRTUAL_ENV=$VENV PATH=$VENV/bin:$PATH
    # HAProxy and graphviz from Debian.
    for p in haproxy graphviz; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && continue
        SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$p"
    done
}
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    bash "$PROJECT_DIR/scripts/setup.sh"
    topology_env
    exec "$VENV/bin/python" "$PROJECT_DIR/deploy/cluster.py" up "$@"
fi
