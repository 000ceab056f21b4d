#!/usr/bin/env bash
# InfluxDB OSS 2.x (HTTP API v2 + Flux) for integration tests and CI.
#
# Debian ships only InfluxDB 1.6 (no /api/v2, no Flux) and no download site is
# reachable here, so we build `influxd` from its Go module. Flux's parser
# (libflux) is Rust: influxd links it through cgo, and the
# github.com/influxdata/pkg-config wrapper (first on PATH as `pkg-config`) runs
# `cargo build --release` in the flux module's libflux/ when cgo asks for it.
# Everything lands under one cache root so CI and later sessions reuse it.
#
# Usage: influxdb2.sh install   build the pinned version unless already cached
#        influxdb2.sh path      print the cached influxd path (exit 1 if missing)
#        influxdb2.sh version   print the pinned version
#
# Env: HEATPUMP_CACHE (cache root, default ~/.cache/heatpump-insight)
#      INFLUXDB2_VERSION (default below; must be a v2.7.x tag of the module)
set -euo pipefail

VERSION="${INFLUXDB2_VERSION:-2.7.12}"
CACHE_ROOT="${HEATPUMP_CACHE:-$HOME/.cache/heatpump-insight}"
DEST="$CACHE_ROOT/influxdb2/$VERSION"
BIN="$DEST/influxd"
MODULE="github.com/influxdata/influxdb/v2"

log() { printf '[influxdb2 %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A cached binary counts only if it runs and reports the pinned version, so a
# half-written or stale file from an interrupted build is rebuilt.
is_installed() {
  [[ -x "$BIN" ]] && "$BIN" version 2>/dev/null | grep -q "InfluxDB v$VERSION "
}

# Seconds since the epoch with milliseconds, for the timing report.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

install() {
  if is_installed; then
    log "influxd v$VERSION already cached at $BIN (nothing to do)"
    return 0
  fi
  for tool in go cargo cc git; do
    command -v "$tool" >/dev/null || die "'$tool' not found on PATH; influxd needs Go, Rust (cargo) and a C compiler"
  done
  mkdir -p "$DEST"
  # Two CI jobs or a developer and CI could start at once; serialise builds.
  exec 9>"$DEST/.lock"
  flock 9
  if is_installed; then
    log "influxd v$VERSION was built by a concurrent install"
    return 0
  fi

  local t0 t
  t0=$(now)
  # Keep every downloaded module, crate and compiled object under the cache
  # root: a rebuild after a version bump then reuses most of it.
  export GOPATH="$CACHE_ROOT/go"
  export GOMODCACHE="$CACHE_ROOT/go/pkg/mod"
  export GOCACHE="$CACHE_ROOT/go-build"
  export CARGO_HOME="$CACHE_ROOT/cargo"
  # go.mod asks for go1.23; never try to download a toolchain (no network).
  export GOTOOLCHAIN=local
  export GOFLAGS="-buildvcs=false -mod=readonly"
  export CGO_ENABLED=1
  # flux's rust-toolchain.toml pins channel 1.72, which rustup would have to
  # download (it cannot here); use the machine's default toolchain instead.
  if command -v rustup >/dev/null && [[ -z "${RUSTUP_TOOLCHAIN:-}" ]]; then
    RUSTUP_TOOLCHAIN=$(cd / && rustup default | awk '{ print $1; exit }')
    export RUSTUP_TOOLCHAIN
  fi
  # The build saturates both cores for minutes; keep shells and tests responsive.
  local nice_cmd=(nice -n 10)

  log "downloading module $MODULE@v$VERSION"
  t=$(now)
  (cd "$DEST" && go mod download "$MODULE@v$VERSION")
  local srcmod="$GOMODCACHE/$MODULE@v$VERSION"
  [[ -f "$srcmod/go.mod" ]] || die "go mod download $MODULE@v$VERSION left no source in $srcmod"
  # go.mod has a replace directive, so `go install pkg@version` refuses it;
  # build inside a writable copy of the module so its go.mod/go.sum apply.
  local src="$CACHE_ROOT/influxdb2/src/$VERSION"
  rm -rf "$src"
  mkdir -p "$(dirname "$src")"
  cp -r "$srcmod" "$src"
  chmod -R u+w "$src"
  log "module source ready in $(elapsed "$t") s"

  t=$(now)
  local tools="$CACHE_ROOT/influxdb2/tools/$VERSION"
  mkdir -p "$tools"
  # libflux's crates say #![deny(warnings)], and lints added to rustc since
  # (dead_code, mismatched_lifetime_syntaxes) fail them on a current rustc.
  # --cap-lints=warn turns those into warnings, but RUSTFLAGS would miss the
  # host build of flux-core (a build-dependency) because the wrapper passes
  # --target; a rustc wrapper reaches every crate cargo compiles.
  cat >"$tools/rustc-cap-lints" <<'WRAP'
#!/bin/sh
# Cargo calls: rustc-cap-lints <rustc> <args...>. Dependencies already get
# --cap-lints=allow from cargo; give every other crate --cap-lints=warn.
case " $* " in
  *" --crate-name "*) case " $* " in *" --cap-lints"*) ;; *) set -- "$@" --cap-lints=warn ;; esac ;;
esac
exec "$@"
WRAP
  chmod +x "$tools/rustc-cap-lints"
  export RUSTC_WRAPPER="$tools/rustc-cap-lints"
  # cgo runs $PKG_CONFIG if set; make sure it finds the flux wrapper on PATH.
  unset PKG_CONFIG
  # The wrapper version comes from influxdb's own go.mod (tools.go pins it).
  (cd "$src" && go mod download && "${nice_cmd[@]}" go build -o "$tools/pkg-config" github.com/influxdata/pkg-config)
  log "Go dependencies + pkg-config wrapper ready in $(elapsed "$t") s"

  t=$(now)
  log "building influxd (libflux via cargo, then Go; ~10-20 min cold on 2 cores)"
  local tmpbin="$DEST/influxd.partial"
  # Same tags as upstream's GNUmakefile minus `assets`: no UI is embedded.
  (cd "$src" && PATH="$tools:$PATH" "${nice_cmd[@]}" go build \
    -tags 'sqlite_foreign_keys,sqlite_json' \
    -ldflags "-s -w -X main.version=v$VERSION -X main.commit=module-v$VERSION" \
    -o "$tmpbin" ./cmd/influxd)
  mv -f "$tmpbin" "$BIN"
  log "influxd built in $(elapsed "$t") s"

  is_installed || die "built $BIN but '$BIN version' does not report v$VERSION: $("$BIN" version 2>&1 || true)"
  # The source copy is only needed while building (libflux objects stay in GOCACHE).
  rm -rf "$src"
  log "installed $("$BIN" version) at $BIN; total $(elapsed "$t0") s"
}

main() {
  case "${1:-}" in
    install) install ;;
    path) is_installed || die "influxd v$VERSION not installed; run: bash scripts/services/influxdb2.sh install"; echo "$BIN" ;;
    version) echo "$VERSION" ;;
    *) echo "usage: $0 install|path|version" >&2; exit 2 ;;
  esac
}

# One line, so bash has parsed everything before it runs: editing or
# replacing this file during a long build cannot derail the running copy.
main "$@"; exit
