#!/usr/bin/env bash
# Regenerate the translation template and bring the Vietnamese translation
# up to date, then report what is still untranslated.
#
#   scripts/i18n.sh [--report-only]
#
# 1. installs tdkt_emulation WITHOUT demo data into a scratch database
#    ($I18N_DB, default tdkt_i18n; dropped and re-created on every run),
# 2. exports tdkt_emulation/i18n/tdkt_emulation.pot from it,
# 3. merges the template into tdkt_emulation/i18n/vi.po (msgmerge, no fuzzy
#    matching, obsolete entries dropped),
# 4. fills entries still untranslated from i18n-fragments/*.po (the
#    Vietnamese that feature branches deliver for their new strings),
# 5. checks placeholders and HTML tags of every translation and prints how
#    many entries are untranslated; exits 1 if any are (or if a check fails)
#    unless --report-only is given.
#
# Idempotent: files are only rewritten when something other than the
# POT-Creation-Date / PO-Revision-Date header lines changed.
# The scratch database is NOT $DB_NAME on purpose: that is the development
# database that `make run` serves, and this script drops its database.
set -euo pipefail
source "$(dirname "$0")/env.sh"

REPORT_ONLY=0
for arg in "$@"; do
    case $arg in
        --report-only) REPORT_ONLY=1 ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) log "unknown argument: $arg"; exit 2 ;;
    esac
done

I18N_DB=${I18N_DB:-tdkt_i18n}
MODULE=tdkt_emulation
I18N_DIR=$PROJECT_DIR/$MODULE/i18n
POT=$I18N_DIR/$MODULE.pot
PO=$I18N_DIR/vi.po
FRAGMENTS_DIR=$PROJECT_DIR/i18n-fragments

bash "$PROJECT_DIR/scripts/setup.sh"
command -v msgmerge >/dev/null || { log "msgmerge missing: install gettext"; exit 1; }
ODOO=$(odoo_dir)
mkdir -p "$I18N_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- 1. scratch database without demo data ---------------------------------
log "installing $MODULE without demo data into scratch database $I18N_DB"
dropdb --if-exists "$I18N_DB"
install_log=$STATE_DIR/i18n-install.log
if ! "$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$I18N_DB" \
        -i "$MODULE" --without-demo=all --stop-after-init \
        --log-level=warn --logfile="$install_log"; then
    tail -50 "$install_log"; log "installing the addon failed"; exit 1
fi

# --- 2. template ------------------------------------------------------------
log "exporting the translation template"
# --i18n-export writes the file and exits by itself (odoo/cli/server.py).
"$VENV/bin/python" "$ODOO/odoo-bin" -c "$ODOO_CONF" -d "$I18N_DB" \
    --modules="$MODULE" --i18n-export="$tmp/$MODULE.pot" --stop-after-init \
    --log-level=warn --logfile="$STATE_DIR/i18n-export.log"
[ -s "$tmp/$MODULE.pot" ] || { log "the export wrote nothing (see $STATE_DIR/i18n-export.log)"; exit 1; }

# Replace a file only when more than its creation/revision dates changed.
replace_if_changed() {  # new_file target
    local dates='^"(POT-Creation-Date|PO-Revision-Date): '
    if [ -f "$2" ] && diff -q <(grep -Ev "$dates" "$1") <(grep -Ev "$dates" "$2") >/dev/null; then
        return 0
    fi
    cp "$1" "$2"; log "updated ${2#"$PROJECT_DIR"/}"
}
replace_if_changed "$tmp/$MODULE.pot" "$POT"

# --- 3. merge into vi.po ----------------------------------------------------
PO_TOOL=("$VENV/bin/python" "$PROJECT_DIR/scripts/i18n_po.py")
if [ -f "$PO" ]; then cp "$PO" "$tmp/vi.po"; else "${PO_TOOL[@]}" init "$POT" "$tmp/vi.po"; fi
msgmerge --quiet --update --no-fuzzy-matching --backup=none "$tmp/vi.po" "$POT"

# --- 4. translations delivered by the branches -------------------------------
shopt -s nullglob
fragments=("$FRAGMENTS_DIR"/*.po)
if [ ${#fragments[@]} -gt 0 ]; then
    "${PO_TOOL[@]}" fill "$tmp/vi.po" "${fragments[@]}"
fi
# Drops obsolete entries and rewrites the file in gettext's own layout,
# whatever polib wrapped (msgmerge --update leaves unchanged files alone).
msgattrib --no-obsolete -o "$tmp/vi.po" "$tmp/vi.po"
replace_if_changed "$tmp/vi.po" "$PO"

# --- 5. checks and report -------------------------------------------------------
status=0
msgfmt --check-format --check-header -o /dev/null "$PO" || { log "msgfmt found errors in vi.po"; status=1; }
"${PO_TOOL[@]}" report "$PO" || status=1
if [ "$status" != 0 ] && [ "$REPORT_ONLY" = 1 ]; then
    log "(--report-only: not failing)"; status=0
fi
exit "$status"
