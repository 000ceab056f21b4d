#!/usr/bin/env bash
# Mosquitto (MQTT broker) for the MQTT discovery adapter's integration tests, from Debian's
# `mosquitto` package. Tests start their own foreground broker with a generated config
# (test/harness/mosquitto.ts), so the packaged service is neither needed nor started here.
#
# Usage: mosquitto.sh install   apt-get install mosquitto unless the binary exists (idempotent)
#        mosquitto.sh path      print the mosquitto path (exit 1 if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# Debian puts the broker in /usr/sbin, which is not on every user's PATH.
find_mosquitto() {
  if command -v mosquitto >/dev/null 2>&1; then command -v mosquitto; return 0; fi
  if [[ -x /usr/sbin/mosquitto ]]; then echo /usr/sbin/mosquitto; return 0; fi
  return 1
}

case "${1:-install}" in
  install)
    start=$(date +%s)
    if ! find_mosquitto >/dev/null; then
      # apt-install.sh checks `command -v`; give it the sbin path so a present broker is found.
      PATH="$PATH:/usr/sbin" bash "$here/apt-install.sh" mosquitto mosquitto
    fi
    bin=$(find_mosquitto) || { echo "mosquitto: installed but binary not found" >&2; exit 1; }
    echo "mosquitto: $("$bin" -h 2>/dev/null | head -1) at $bin ready in $(( $(date +%s) - start )) s"
    ;;
  path)
    find_mosquitto || { echo "mosquitto not installed; run: bash scripts/services/mosquitto.sh install" >&2; exit 1; }
    ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
