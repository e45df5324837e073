#!/usr/bin/env bash
# Installs the whole project into a temporary folder (`meson install --destdir`) and checks that
# every file a GNOME app needs is in place and that they fit together: the binaries run, the
# desktop file names an installed program and icon, the metainfo launches that desktop file,
# the schema compiles, the Vietnamese catalogue and the chamberd unit are there.
#   check-install.sh BUILD_ROOT PREFIX BINDIR DATADIR SYSTEMD_UNIT_DIR
set -euo pipefail
build=${1:?usage: check-install.sh BUILD_ROOT PREFIX BINDIR DATADIR UNIT_DIR}
prefix=$2 bindir=$3 datadir=$4 unitdir=$5
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
app_id=org.chamber.Chamber
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
status=0

fail() { echo "FAIL: $*"; status=1; }
need() { [ -s "$dest$1" ] || fail "not installed: $1"; }

meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1 \
  || { cat "$dest.log"; rm -f "$dest.log"; exit 1; }
rm -f "$dest.log"

# Every file meson means to install is there.
meson introspect "$build" --installed | python3 -c '
import json, os, sys
dest = sys.argv[1]
missing = [path for path in json.load(sys.stdin).values() if not os.path.lexists(dest + path)]
for path in missing:
    print("FAIL: not installed: " + path)
sys.exit(1 if missing else 0)' "$dest" || status=1

for program in chamber chamberd chamberctl; do
  [ -x "$dest$bindir/$program" ] || fail "not installed or not executable: $bindir/$program"
done
# (chamberctl runs its helper from the final libexec folder, so only chamberd can run from here.)
"$dest$bindir/chamberd" --help >/dev/null || fail "the installed chamberd does not run"

desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml
icon=$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
schema=$datadir/glib-2.0/schemas/$app_id.gschema.xml
for file in "$desktop" "$metainfo" "$icon" "$symbolic" "$schema" \
            "$datadir/locale/vi/LC_MESSAGES/chamber.mo" "$unitdir/chamberd.service"; do
  need "$file"
done

if [ -s "$dest$desktop" ]; then
  desktop-file-validate "$dest$desktop" || fail "$desktop does not validate"
  exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$dest$desktop")
  [ -x "$dest$bindir/$exec_program" ] || fail "Exec=$exec_program is not an installed program"
  icon_name=$(sed -n 's/^Icon=//p' "$dest$desktop")
  [ "$icon_name" = "$app_id" ] || fail "Icon=$icon_name, not $app_id"
  grep -q '^Comment\[vi\]=' "$dest$desktop" || fail "$desktop has no Vietnamese comment"
fi
if [ -s "$dest$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$dest$metainfo" \
    || fail "$metainfo does not launch $app_id.desktop"
  if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$dest$metainfo" >/dev/null \
      || fail "$metainfo does not validate"
  fi
fi
for svg in "$icon" "$symbolic"; do
  [ -s "$dest$svg" ] && { grep -q '<svg ' "$dest$svg" || fail "$svg is not an SVG image"; }
done
if [ -s "$dest$schema" ]; then
  glib-compile-schemas --strict --targetdir="$dest" "$(dirname "$dest$schema")" \
    || fail "the installed schema does not compile"
fi
if [ -s "$dest$unitdir/chamberd.service" ]; then
  grep -qx "ExecStart=$bindir/chamberd --data /var/lib/chamberd --listen 0.0.0.0:8080" \
    "$dest$unitdir/chamberd.service" || fail "chamberd.service does not start $bindir/chamberd"
fi

[ $status -eq 0 ] && echo "installed and checked $(find "$dest" -type f | wc -l) files in $prefix"
exit $status
