#!/bin/sh
# Add-on entry: options -> bridge config file, then the bridge in the foreground (PID 1 gets the
# Supervisor's SIGTERM and stops the bridge cleanly). SUPERVISOR_TOKEN is in the environment; the
# bridge uses it with http://supervisor/core when no HA token is configured.
set -eu
OPTIONS="${ADDON_OPTIONS:-/data/options.json}"
CONFIG="${ADDON_BRIDGE_CONFIG:-/tmp/heatpump-bridge.json}"
MAPPER="${ADDON_MAPPER:-/opt/heatpump-addon/options-to-config.mjs}"
BRIDGE="${ADDON_BRIDGE_BIN:-heatpump-bridge}"

node "$MAPPER" "$OPTIONS" "$CONFIG"
# TZ is already in the config (the option, else HA's zone); in the environment it would override it.
exec env -u TZ $BRIDGE --config "$CONFIG" run
