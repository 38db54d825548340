#!/usr/bin/env bash
# Set up, create or update the demo database, and serve Odoo on localhost.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
ODOO=$(odoo_dir)
odoo_bin=("$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$DB_NAME")
if psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    log "updating tdkt_emulation in database $DB_NAME"
    "${odoo_bin[@]}" -u tdkt_emulation --stop-after-init --log-level=warn
else
    log "creating database $DB_NAME with tdkt_emulation, its demo data and Vietnamese"
    "${odoo_bin[@]}" -i tdkt_emulation --load-language=vi_VN --stop-after-init --log-level=warn
fi
cat <<MSG

  Odoo is starting on http://localhost:$HTTP_PORT  (database $DB_NAME)
  Demo logins (password = login):
    admin      Odoo administrator (TĐKT Administrator)
    chief      Đậu Trường An, Chánh Thanh tra (Chief)
    office     Văn phòng Thanh tra tỉnh (Office)
    council    Council member (Hội đồng TĐKT)
    staff      Văn phòng staff (lead unit of most tasks)
    staff2     Phòng Nghiệp vụ 1 staff
  Stop with Ctrl+C.

MSG
# The threaded server reloads itself (os.execve) after a request exceeded
# limit_time_real, with argv[0] = "python3.11": Python then finds its prefix
# from the first python3.11 on PATH.  With the virtualenv first on PATH that
# is the venv's own interpreter, not the system's (which has no babel, no
# odoo dependencies at all).
export VIRTUAL_ENV=$VENV PATH=$VENV/bin:$PATH
exec "${odoo_bin[@]}" --db-filter="^${DB_NAME}\$" "$@"
