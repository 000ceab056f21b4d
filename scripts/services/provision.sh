#!/usr/bin/env bash
# Installs every real component the integration and end-to-end tests use (DESIGN.md section 9).
# Idempotent: each step is a no-op when its cache or package is already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for service in chromium influxdb1 influxdb2 homeassistant mosquitto; do
  if [ -f "$here/$service.sh" ]; then
    echo "== provision $service"
    bash "$here/$service.sh" install
  fi
done
