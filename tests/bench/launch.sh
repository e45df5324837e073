#!/usr/bin/env bash
# Launch to first page (issue 3's benchmark, reported without a bar): `chamber FILE.pdf` beside
# `evince FILE.pdf`, both measured by ../shared/tools/first-paint.py on a marker PDF made by
# ../shared/tools/make-marker-pdf.py, in the same run, on the same display.
#
#   tests/bench/launch.sh BUILDDIR [RUNS]
#
# Needs a display (build-aux/bench gives it Xvfb and a session bus), python3-xlib and
# python3-cairo; evince for the reference. Skips (exit 0, saying why) when ../shared/tools or
# a needed package is missing. Prints each tool's lines, then one table.
set -euo pipefail

builddir=$(readlink -f "$1")
runs=${2:-5}
top=$(dirname "$(readlink -f "$0")")/../..
tools=$(readlink -f "$top/../shared/tools" 2>/dev/null || true)

if [ -z "$tools" ] || [ ! -f "$tools/first-paint.py" ]; then
  echo "launch: no ../shared/tools/first-paint.py, skipped"
  exit 0
fi
if ! /usr/bin/python3 -c 'import Xlib, cairo' 2>/dev/null; then
  echo "launch: python3-xlib and python3-cairo are needed (apt-get install python3-xlib python3-cairo), skipped"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$tools/make-marker-pdf.py" "$work/marker.pdf"

# Each viewer gets a home of its own, so that neither finds the other's (or a user's) state.
measure() {
  local name=$1
  shift
  mkdir -p "$work/home-$name"
  echo "launch: $name" >&2
  HOME="$work/home-$name" XDG_CONFIG_HOME="$work/home-$name/.config" \
    XDG_DATA_HOME="$work/home-$name/.local/share" XDG_CACHE_HOME="$work/home-$name/.cache" \
    /usr/bin/python3 "$tools/first-paint.py" --runs "$runs" -- "$@" "$work/marker.pdf" \
    | tee "$work/$name.txt" | sed "s/^/  $name: /" >&2
  sed -n 's/^median: \([0-9.]*\) ms$/\1/p' "$work/$name.txt"
}

chamber_ms=$(measure chamber env CHAMBER_LOCALEDIR="$builddir/po" "$builddir/src/app/chamber")
if command -v evince >/dev/null; then
  evince_ms=$(measure evince evince)
else
  echo "launch: evince is not installed (apt-get install evince): no reference" >&2
  evince_ms=
fi

ratio=—
if [ -n "$chamber_ms" ] && [ -n "$evince_ms" ]; then
  ratio=$(awk -v a="$chamber_ms" -v b="$evince_ms" 'BEGIN { printf "%.2f×", a / b }')
fi
echo
echo "(c) Launch to first page: \`chamber marker.pdf\` vs \`evince marker.pdf\` under this display, first-paint.py — median of $runs launches"
echo
printf '| %-30s | %12s | %12s | %7s | %-16s | %-9s |\n' case Chamber reference ratio bar pass/fail
echo '|--------------------------------|--------------|--------------|---------|------------------|-----------|'
# printf pads by bytes: "×" takes one byte more than it shows, "—" two.
printf '| %-30s | %12s | %12s | %8s | %-16s | %-11s |\n' "marker.pdf (reference: evince)" \
  "${chamber_ms:-none} ms" "${evince_ms:-none} ms" "$ratio" reported "—"
