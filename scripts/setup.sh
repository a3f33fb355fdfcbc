#!/usr/bin/env bash
# scripts/setup.sh — owns the machine set-up: wasm target, trunk, wasm-bindgen-cli, Chromium, binaryen, npm e2e deps.
#
# Idempotent: every step checks first and does nothing when the tool is already right,
# so on a set-up machine it takes a few seconds. On a fresh machine (Rust via rustup,
# Node.js + npm, python3, root, Debian) it installs everything the other scripts need.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14" # trunk 0.22 needs Rust 1.96
APT_PACKAGES=(chromium chromium-driver binaryen)

log() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen version in Cargo.lock: the CLI (and its test runner) must match it exactly.
lock_version() {
    awk -v want="$1" '
        $0 == "[[package]]" { name = "" }
        $1 == "name" { gsub(/"/, "", $3); name = $3 }
        $1 == "version" && name == want { gsub(/"/, "", $3); print $3; exit }
    ' "$ROOT/Cargo.lock"
}

# Prints the version word of `TOOL --version` (second field), or nothing when TOOL is missing or broken.
tool_version() {
    command -v "$1" >/dev/null 2>&1 || return 0
    "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true
}

# --- Rust target -------------------------------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    log "rust target wasm32-unknown-unknown: ok"
else
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- Debian packages: Chromium, ChromeDriver, binaryen (wasm-opt) --------------------------------
apt_missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        apt_missing+=("$pkg")
    fi
done
for cmd in chromium chromedriver wasm-opt; do
    if ! command -v "$cmd" >/dev/null 2>&1; then
        case "$cmd" in
            chromium) apt_missing+=(chromium) ;;
            chromedriver) apt_missing+=(chromium-driver) ;;
            wasm-opt) apt_missing+=(binaryen) ;;
        esac
    fi
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_missing+=(nodejs npm)
fi
if ((${#apt_missing[@]})); then
    # shellcheck disable=SC2207 # de-duplicate the list
    apt_missing=($(printf '%s\n' "${apt_missing[@]}" | sort -u))
    log "installing Debian packages: ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" </dev/null
else
    log "Debian packages (${APT_PACKAGES[*]}): ok"
fi

# --- trunk -----------------------------------------------------------------------------------
if [[ "$(tool_version trunk)" == "$TRUNK_VERSION" ]]; then
    log "trunk $TRUNK_VERSION: ok"
else
    log "installing trunk $TRUNK_VERSION (compiles from source, several minutes)"
    cargo install "trunk@$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner) -------------------------------
WB_VERSION="$(lock_version wasm-bindgen)"
if [[ -z "$WB_VERSION" ]]; then
    echo "[setup] error: no wasm-bindgen package in $ROOT/Cargo.lock" >&2
    exit 1
fi
if [[ "$(tool_version wasm-bindgen)" == "$WB_VERSION" && "$(tool_version wasm-bindgen-test-runner)" == "$WB_VERSION" ]]; then
    log "wasm-bindgen-cli $WB_VERSION: ok"
else
    log "installing wasm-bindgen-cli $WB_VERSION (compiles from source, several minutes)"
    # No --locked: the CLI's own lockfile pins a yanked crate.
    cargo install "wasm-bindgen-cli@$WB_VERSION" --force
fi

# --- npm: the end-to-end test dependencies -----------------------------------------------------
E2E="$ROOT/tests/e2e"
lock_sum="$(sha256sum "$E2E/package-lock.json" | cut -d' ' -f1)"
stamp="$E2E/node_modules/.installed-from-lock"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then
    log "npm packages in tests/e2e: ok"
else
    log "installing npm packages in tests/e2e (npm ci)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
    echo "$lock_sum" >"$stamp"
fi

log "done"
