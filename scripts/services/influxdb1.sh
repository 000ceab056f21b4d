#!/usr/bin/env bash
# InfluxDB 1.x (InfluxQL over /query and /write) for integration tests and CI,
# from Debian's `influxdb` package (1.6.7 on bookworm). Tests start their own
# foreground influxd with a generated config (test/harness/influxdb.ts), so the
# packaged service is neither needed nor started here.
#
# Usage: influxdb1.sh install   apt-get install influxdb unless influxd exists
#        influxdb1.sh path      print the influxd path (exit 1 if missing)
set -euo pipefail

log() { printf '[influxdb1 %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# /usr/bin/influxd is the packaged binary; an influxd 2.x elsewhere on PATH
# must not satisfy this check, so look at the package's path first.
find_influxd() {
  if [[ -x /usr/bin/influxd ]]; then echo /usr/bin/influxd; return 0; fi
  return 1
}

install() {
  if bin=$(find_influxd); then
    log "influxd already installed: $bin ($("$bin" version 2>/dev/null || echo 'version unknown'))"
    return 0
  fi
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  local t0
  t0=$(date +%s.%N)
  export DEBIAN_FRONTEND=noninteractive
  # Refresh package lists only when apt does not know the package yet: a
  # fresh machine has empty lists, a used one usually has current ones.
  if ! apt-cache show influxdb >/dev/null 2>&1; then
    log "apt-get update (package lists do not know 'influxdb')"
    "${sudo[@]}" apt-get update -q
  fi
  # On these images policy-rc.d blocks the packaged service from starting
  # ("invoke-rc.d: policy-rc.d denied execution of start"); that is wanted.
  "${sudo[@]}" apt-get install -y -q --no-install-recommends influxdb
  bin=$(find_influxd) || { log "ERROR: apt-get installed influxdb but /usr/bin/influxd is missing"; exit 1; }
  log "installed $("$bin" version) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
}

main() {
  case "${1:-}" in
    install) install ;;
    path) find_influxd || { log "influxd 1.x not installed; run: bash scripts/services/influxdb1.sh install"; exit 1; } ;;
    *) echo "usage: $0 install|path" >&2; exit 2 ;;
  esac
}

# One line, so bash has parsed everything before it runs: editing or
# replacing this file during a long build cannot derail the running copy.
main "$@"; exit
