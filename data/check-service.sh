#!/usr/bin/env bash
# Checks data/chamberd.service with `systemd-analyze verify`, on a copy whose ExecStart names
# the chamberd just built (verify insists that the program exists). Any complaint fails the
# test, warnings about unknown or misspelt settings included.
#   check-service.sh BUILT_UNIT CHAMBERD
set -euo pipefail
unit=${1:?usage: check-service.sh UNIT CHAMBERD}
chamberd=${2:?usage: check-service.sh UNIT CHAMBERD}
if ! command -v systemd-analyze >/dev/null; then
  echo "systemd-analyze is not installed (package systemd): cannot verify the unit"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -q '^ExecStart=[^ ]*/chamberd --data /var/lib/chamberd ' "$unit" \
  || { echo "$unit: ExecStart does not run chamberd on /var/lib/chamberd"; exit 1; }
for setting in User=chamberd StateDirectory=chamberd NoNewPrivileges=yes ProtectSystem=strict \
               ProtectHome=yes PrivateTmp=yes PrivateDevices=yes CapabilityBoundingSet= \
               'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' \
               SystemCallFilter=@system-service MemoryDenyWriteExecute=yes UMask=0077; do
  grep -qx "$setting" "$unit" || { echo "$unit: missing $setting"; exit 1; }
done

sed "s#^ExecStart=[^ ]*/chamberd #ExecStart=$chamberd #" "$unit" > "$work/chamberd.service"
if ! systemd-analyze verify --man=no "$work/chamberd.service" >"$work/out" 2>&1; then
  cat "$work/out"
  exit 1
fi
if [ -s "$work/out" ]; then
  cat "$work/out"
  exit 1
fi
echo "chamberd.service verified"
