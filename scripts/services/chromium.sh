#!/usr/bin/env bash
# Debian's Chromium for Web Test Runner and end-to-end tests (test tools cannot download browsers here).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
case "${1:-install}" in
  install)
    start=$(date +%s)
    bash "$here/apt-install.sh" chromium chromium
    echo "chromium: $(chromium --version 2>/dev/null | head -1) ready in $(( $(date +%s) - start )) s"
    ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
