# Shared settings for the project's scripts; sourced, never run.
# Every value can be overridden from the environment.
PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PROJECT_DIR
# Fixed, conventional location of an Odoo 18.0 source tree (see README).
ODOO_SYSTEM_SRC=${ODOO_SYSTEM_SRC:-/opt/odoo18}
VENV=${VENV:-$PROJECT_DIR/.venv}
STATE_DIR=${STATE_DIR:-$PROJECT_DIR/.state}
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# 'postgres' system user and lives where that user can reach it.
if [ "$(id -u)" = 0 ]; then
    PG_OS_USER=${PG_OS_USER:-postgres}
    PG_DIR=${PG_DIR:-/var/lib/tdkt_emulation/pg15}
else
    PG_OS_USER=${PG_OS_USER:-$(id -un)}
    PG_DIR=${PG_DIR:-$STATE_DIR/pg15}
fi
PGPORT=${PGPORT:-5433}
PGHOST=${PGHOST:-$PG_DIR/run}
PGUSER=${PGUSER:-odoo}
export PGPORT PGHOST PGUSER
DB_NAME=${DB_NAME:-tdkt}
TEST_DB=${TEST_DB:-tdkt_test}
HTTP_PORT=${HTTP_PORT:-8069}
ODOO_CONF=$STATE_DIR/odoo.conf
PY=${PYTHON:-$(command -v python3.11 || command -v python3)}

log() { printf '\033[1m[tdkt]\033[0m %s\n' "$*" >&2; }

# Where Odoo comes from, in this order: an odoo importable in the venv, the
# tree named by ODOO_SRC, the fixed system location, a shallow clone of 18.0.
odoo_dir() {
    local d
    if [ -x "$VENV/bin/python" ]; then
        d=$(cd / && env -u PYTHONPATH "$VENV/bin/python" -c \
            'import os, odoo.release as r; assert r.series == "18.0"; print(os.path.dirname(os.path.dirname(r.__file__)))' 2>/dev/null) \
            && [ -f "$d/odoo/release.py" ] && { echo "$d"; return; }
    fi
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo-bin" ] || { log "ODOO_SRC=$ODOO_SRC holds no odoo-bin"; return 1; }
        echo "$ODOO_SRC"; return
    fi
    if [ -f "$ODOO_SYSTEM_SRC/odoo-bin" ]; then echo "$ODOO_SYSTEM_SRC"; return; fi
    d=$STATE_DIR/odoo-src
    if [ ! -f "$d/odoo-bin" ]; then
        log "no Odoo 18 source found; cloning the official 18.0 branch into $d"
        git clone -q --depth 1 --branch 18.0 https://github.com/odoo/odoo.git "$d" || return 1
    fi
    echo "$d"
}

addons_path() {
    local odoo=$1
    echo "$odoo/odoo/addons,$odoo/addons,$PROJECT_DIR"
}

# Run a command as the owner of the PostgreSQL cluster.
as_pg() {
    if [ "$(id -un)" = "$PG_OS_USER" ]; then "$@"; else runuser -u "$PG_OS_USER" -- "$@"; fi
}
