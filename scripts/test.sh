#!/usr/bin/env bash
# scripts/test.sh — owns README command (b): set up, then run every test layer, stopping at the first failure.
#
# Layers: 1. native `cargo test` (unit tables, goldens, CLI, property tests)
#         2. wasm-bindgen-test in headless Chromium (tests/web.rs)
#         3. release site built for /article-explorer/ and served from dist/ on a free port (with the
#            headers of dist/_headers), plus a test-only crash-test site in target/dist-crash-test
#            (cargo feature `crash-test`; never shipped) that tests/e2e/crash.test.mjs serves itself
#         4. Playwright end-to-end flows against it (tests/e2e/*.test.mjs, node --test)
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash "$ROOT/scripts/setup.sh"

step "1/4 native tests: cargo test"
cargo test

step "2/4 browser tests: wasm-bindgen-test in headless Chromium (tests/web.rs)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --features ui --test web

step "3/4 release site for /article-explorer/, and the test-only crash-test site"
SKIP_SETUP=1 bash "$ROOT/scripts/build-site.sh" /article-explorer/
# The same release build with the `crash-test` feature (the page panics on a marker text), for
# the crash-banner test only. Built beside, never into, dist/.
crash_dist="$ROOT/target/dist-crash-test"
echo "[test] trunk build --release --features crash-test -> ${crash_dist#"$ROOT"/}/ (test only)"
trunk build --release --offline --features crash-test --public-url /article-explorer/ --dist "$crash_dist"

step "4/4 end-to-end tests (Playwright + Chromium) against the served site"
E2E="$ROOT/tests/e2e"
rm -rf "$E2E/artifacts"
mkdir -p "$E2E/artifacts"
server_log="$E2E/artifacts/server.log"
node "$E2E/static-server.mjs" "$ROOT/dist" /article-explorer/ 0 >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

base_url=""
for _ in $(seq 1 100); do
    base_url="$(sed -n 's/^listening //p' "$server_log")"
    [[ -n "$base_url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$base_url" ]] || { echo "static server did not start" >&2; cat "$server_log" >&2; exit 1; }
echo "serving dist/ at $base_url"

(cd "$E2E" && E2E_BASE_URL="$base_url" E2E_CRASH_DIST="$crash_dist" timeout 900 node --test --test-concurrency=1 --test-timeout=120000 ./*.test.mjs)
echo "screenshots: tests/e2e/artifacts/"
