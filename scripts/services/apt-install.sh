#!/usr/bin/env bash
# Installs Debian packages only when one of the given commands is missing, so re-runs cost nothing.
# Usage: apt-install.sh "<command> <package> [<command> <package> ...]"
set -euo pipefail
missing=()
while [ $# -ge 2 ]; do
  command -v "$1" >/dev/null 2>&1 || missing+=("$2")
  shift 2
done
[ ${#missing[@]} -eq 0 ] && exit 0
# The package lists may be absent on a fresh machine; fetch them once per install.
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
