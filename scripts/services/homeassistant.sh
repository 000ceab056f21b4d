#!/usr/bin/env bash
# Home Assistant core + frontend for integration and end-to-end tests, in a cached virtualenv.
#
#   scripts/services/homeassistant.sh install   create the venv unless the marker says it is current
#   scripts/services/homeassistant.sh venv      print the venv directory (fails if not installed)
#   scripts/services/homeassistant.sh check     verify no integration we load would pip-install
#   scripts/services/homeassistant.sh pin       re-resolve homeassistant-constraints.txt (maintainers)
#
# The venv lives outside the checkout (CI clones fresh each run, the cache survives on the machine):
#   ${HEATPUMP_CACHE:-$HOME/.cache/heatpump-insight}/homeassistant/<version>/venv
# Python: $HA_PYTHON, else python3.11, python3.12 or python3 if it is one of those (HA 2024.3 runs on
# 3.11, the last release that does, and 3.12).
set -euo pipefail

HA_VERSION=2024.3.3
# Transitive pins are resolved as of the day after this release: newer releases of unpinned
# dependencies break it (josepy 2 removed what acme 2.8, imported by the http integration, uses).
HA_RELEASED=2024-03-23T00:00:00Z
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REQUIREMENTS="$HERE/homeassistant-requirements.txt"
CONSTRAINTS="$HERE/homeassistant-constraints.txt"
CHECKER="$HERE/homeassistant-check.py"
CACHE_ROOT="${HEATPUMP_CACHE:-$HOME/.cache/heatpump-insight}"
BASE="$CACHE_ROOT/homeassistant/$HA_VERSION"
VENV="$BASE/venv"
MARKER="$BASE/installed"
# Domains test/harness/home-assistant.ts configures (keep in step with its configuration.yaml) plus
# mqtt for the MQTT adapter; the checker adds HA's always-loaded defaults itself.
DOMAINS="http api websocket_api frontend lovelace recorder history automation template input_boolean
logger onboarding mqtt"

log() { printf '[homeassistant] %s\n' "$*" >&2; }
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

find_python() {
  local candidate
  for candidate in ${HA_PYTHON:-} python3.11 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] in ((3, 11), (3, 12)) else 1)'; then
      command -v "$candidate"
      return 0
    fi
  done
  log "no Python 3.11 or 3.12 found (set HA_PYTHON); Home Assistant $HA_VERSION needs one of them"
  return 1
}

# The marker records what was installed, so a changed pin or interpreter rebuilds the venv instead
# of silently keeping the old one.
fingerprint() {
  local python="$1"
  {
    echo "homeassistant==$HA_VERSION"
    "$python" -c 'import sys; print(sys.version.split()[0])'
    cat "$REQUIREMENTS" "$CONSTRAINTS"
  } | sha256sum | cut -d' ' -f1
}

run_check() {
  # shellcheck disable=SC2086 # DOMAINS is a word list on purpose
  "$VENV/bin/python" "$CHECKER" $DOMAINS
}

install() {
  local started python wanted step
  started="$(now)"
  python="$(find_python)"
  wanted="homeassistant==$HA_VERSION $(fingerprint "$python")"
  mkdir -p "$BASE"
  # Two test processes may install at once; the second waits and then finds the marker.
  exec 9>"$BASE/.lock"
  flock 9
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" && -x "$VENV/bin/hass" ]]; then
    log "already installed: $VENV ($(elapsed "$started"))"
    return 0
  fi
  log "installing homeassistant==$HA_VERSION with $python into $VENV"
  rm -rf "$VENV" "$MARKER"
  step="$(now)"
  "$python" -m venv "$VENV" || {
    log "venv creation failed; on Debian's own Python: apt-get install python3-venv"
    return 1
  }
  log "venv created ($(elapsed "$step"))"
  step="$(now)"
  # --no-input and a progress-free log keep CI output readable; -c pins every transitive package.
  "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check --progress-bar off \
    -r "$REQUIREMENTS" -c "$CONSTRAINTS" >"$BASE/pip-install.log" 2>&1 || {
    tail -n 40 "$BASE/pip-install.log" >&2
    log "pip install failed; full log: $BASE/pip-install.log"
    return 1
  }
  log "packages installed ($(elapsed "$step")); log: $BASE/pip-install.log"
  step="$(now)"
  run_check
  log "requirements check passed ($(elapsed "$step"))"
  echo "$wanted" >"$MARKER"
  log "done: $VENV (total $(elapsed "$started"))"
}

# Resolve every transitive version with uv's --exclude-newer (pip has no such option), under HA's
# own package_constraints.txt as HA applies it to runtime installs. Needs the registry, not the venv.
pin() {
  local tmp python
  python="$(find_python)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"; trap - RETURN' RETURN
  "$python" -m venv "$tmp/uv"
  "$tmp/uv/bin/pip" install --quiet --disable-pip-version-check uv
  "$tmp/uv/bin/pip" download --quiet --disable-pip-version-check --no-deps -d "$tmp" \
    "homeassistant==$HA_VERSION"
  "$python" - "$tmp"/homeassistant-*.whl "$tmp/package_constraints.txt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    open(sys.argv[2], "wb").write(wheel.read("homeassistant/package_constraints.txt"))
PY
  {
    echo "# Every package in the Home Assistant test venv, pinned. Generated by homeassistant.sh pin:"
    echo "# homeassistant-requirements.txt resolved for Python 3.11 under HA's package_constraints.txt"
    echo "# with only releases published before $HA_RELEASED. Used with pip -c by install."
    "$tmp/uv/bin/uv" pip compile --quiet "$REQUIREMENTS" -c "$tmp/package_constraints.txt" \
      --exclude-newer "$HA_RELEASED" --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
      --no-header --no-annotate
  } >"$CONSTRAINTS.tmp"
  mv "$CONSTRAINTS.tmp" "$CONSTRAINTS"
  log "wrote $CONSTRAINTS"
}

case "${1:-install}" in
  install) install ;;
  venv)
    [[ -f "$MARKER" && -x "$VENV/bin/hass" ]] || { log "not installed: run $0 install"; exit 1; }
    echo "$VENV"
    ;;
  check) run_check ;;
  pin) pin ;;
  *)
    echo "usage: $0 [install|venv|check|pin]" >&2
    exit 2
    ;;
esac
