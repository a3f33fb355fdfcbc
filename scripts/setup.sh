#!/usr/bin/env bash
# scripts/setup.sh — owns the machine set-up: wasm target, trunk, wasm-bindgen-cli, Chromium, wasm-opt, npm deps,
# and the Python package's venv (python/.venv: maturin, pytest, pandas, pyarrow, Dask, PySpark) with a Java runtime.
#
# Idempotent: every step checks first and does nothing when the tool is already right,
# so on a set-up machine it takes a few seconds. On a fresh machine (Rust via rustup,
# Node.js + npm, python3, root, Debian) it installs everything the other scripts need.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14" # trunk 0.22 needs Rust 1.96
APT_PACKAGES=(chromium chromium-driver)

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
if [[ "$(rustup target list --installed)" == *wasm32-unknown-unknown* ]]; then
    log "rust target wasm32-unknown-unknown: ok"
else
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- Debian packages: Chromium and ChromeDriver (browser tests) ------------------------------------
apt_missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
        apt_missing+=("$pkg")
    fi
done
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || apt_missing+=(chromium-driver)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_missing+=(nodejs npm)
fi
# Spark (the Python package's tests) runs on the JVM; any java on PATH will do.
command -v java >/dev/null 2>&1 || apt_missing+=(default-jre-headless)
# The venv needs python3 with venv and ensurepip (Debian's python3 has them in python3-venv).
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_missing+=(python3 python3-venv)
fi
if ((${#apt_missing[@]})); then
    # shellcheck disable=SC2207 # de-duplicate the list
    apt_missing=($(printf '%s\n' "${apt_missing[@]}" | sort -u))
    log "installing Debian packages: ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${apt_missing[@]}" </dev/null
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

# --- crates: Trunk builds with `cargo --offline`, so fetch every crate the lockfile names --------
log "cargo fetch"
(cd "$ROOT" && cargo fetch --quiet)

# --- npm: build tools (wasm-opt) and the end-to-end test dependencies -------------------------
# Each directory installs from its committed package-lock.json; a stamp of the lock's hash in
# node_modules tells whether the install is current.
npm_ci() {
    local dir="$1"
    local sum stamp
    sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    stamp="$dir/node_modules/.installed-from-lock"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then
        log "npm packages in ${dir#"$ROOT"/}: ok"
    else
        log "installing npm packages in ${dir#"$ROOT"/} (npm ci)"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
        echo "$sum" >"$stamp"
    fi
}
# wasm-opt: binaryen from npm (Debian's binaryen 108 breaks wasm-bindgen's externref table export).
npm_ci "$ROOT/scripts/tools"
npm_ci "$ROOT/tests/e2e"

# The wasm-opt Trunk will find (scripts/env.sh puts scripts/tools first on PATH).
WASM_OPT_WANT="$(awk -F'"' '/"binaryen": "/ { split($4, v, "."); print v[1]; exit }' "$ROOT/scripts/tools/package.json")"
if [[ "$(PATH="$ROOT/scripts/tools/node_modules/.bin:$PATH" wasm-opt --version | awk '{ print $3 }')" != "$WASM_OPT_WANT" ]]; then
    echo "[setup] error: scripts/tools/node_modules/.bin/wasm-opt is not binaryen $WASM_OPT_WANT" >&2
    exit 1
fi

# --- Python package: python/.venv with python/requirements-dev.txt --------------------------------
# A stamp of the requirements' hash and the interpreter's version tells whether the venv is current.
VENV="$ROOT/python/.venv"
REQS="$ROOT/python/requirements-dev.txt"
venv_want="$(sha256sum "$REQS" | cut -d' ' -f1) $(python3 -c 'import sys; print(sys.version.split()[0])')"
venv_stamp="$VENV/.installed-from-requirements"
if [[ -x "$VENV/bin/python" && -f "$venv_stamp" && "$(cat "$venv_stamp")" == "$venv_want" ]]; then
    log "python venv python/.venv (${venv_want#* }): ok"
else
    log "creating python/.venv and installing python/requirements-dev.txt (PySpark is large: a few minutes)"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS" </dev/null
    echo "$venv_want" >"$venv_stamp"
fi

log "done"
