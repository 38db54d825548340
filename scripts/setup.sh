#!/usr/bin/env bash
# Idempotent set-up: system packages, Odoo source, virtualenv, local PostgreSQL.
set -euo pipefail
source "$(dirname "$0")/env.sh"

# --- system packages (Debian/Ubuntu), only those missing -----------------
APT_PACKAGES="postgresql wkhtmltopdf fonts-liberation chromium poppler-utils
    libpq-dev libldap2-dev libsasl2-dev gcc python3-venv git gettext"
missing=()
for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- virtualenv and Python dependencies ----------------------------------
mkdir -p "$STATE_DIR"
[ -x "$VENV/bin/python" ] || { log "creating virtualenv $VENV"; "$PY" -m venv "$VENV"; }
ODOO=$(odoo_dir)
log "Odoo source: $ODOO"
stamp=$VENV/.tdkt-requirements
want=$(cat "$ODOO/requirements.txt" "$PROJECT_DIR/requirements.txt" | sha1sum | cut -c1-40)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python dependencies"
    # Some of Odoo's pinned sdists still import pkg_resources at build time.
    constraint=$STATE_DIR/build-constraints.txt
    echo 'setuptools<70' > "$constraint"
    export PIP_CONSTRAINT=$constraint PIP_DISABLE_PIP_VERSION_CHECK=1
    pip_install() {  # the machine's pip config lists index folders that may be absent
        "$VENV/bin/pip" install -q "$@" 2>&1 | { grep -v 'is ignored: it is neither' || true; }
    }
    pip_install 'setuptools<70' wheel
    pip_install -r "$ODOO/requirements.txt"
    # After Odoo's: the project's pins (zope.* for gevent) replace what
    # gevent pulled in unpinned.
    pip_install -r "$PROJECT_DIR/requirements.txt"
    # The OCA wheel pins the 'odoo' distribution, which is not on PyPI: Odoo
    # comes from the source tree above, so its dependencies are skipped.
    pip_install --no-deps 'odoo-addon-report_xlsx>=18.0,<18.1'
    # The gevent process of odoo-bin --workers (websocket, bus) loads gevent's
    # plugins through pkg_resources: fail here rather than at its start.
    if ! (cd / && env -u PYTHONPATH "$VENV/bin/python" -c 'import pkg_resources
for ep in pkg_resources.iter_entry_points("gevent.plugins.monkey.will_patch_all"):
    ep.load()'); then
        log "gevent's plugins do not load in $VENV (see requirements.txt)"; exit 1
    fi
    echo "$want" > "$stamp"
fi

# --- project-local PostgreSQL cluster ------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    chown "$PG_OS_USER" "$PG_DIR"
    as_pg "$PGBIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
as_pg mkdir -p "$PG_DIR/run"
if ! as_pg "$PGBIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on port $PGPORT (socket in $PGHOST)"
    as_pg "$PGBIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" start \
        -o "-p $PGPORT -k $PGHOST -c listen_addresses=''"
fi
if ! psql -U postgres -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PGUSER'" | grep -q 1; then
    psql -q -U postgres -d postgres -c "CREATE ROLE \"$PGUSER\" LOGIN CREATEDB"
fi

# --- Odoo configuration --------------------------------------------------
cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $(addons_path "$ODOO")
data_dir = $STATE_DIR/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = False
http_interface = 127.0.0.1
http_port = $HTTP_PORT
list_db = False
CONF
log "set-up done"
