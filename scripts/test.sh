#!/usr/bin/env bash
# scripts/test.sh — owns README command (b): set up, then run every test layer, stopping at the first failure.
#
# Layers: 1. native `cargo test` (unit tables, goldens, CLI, property tests, and the site's wasm
#            unpacker, tools/wasm-unpacker), then the scores of
#            eval/own, eval/real/read and the annotated sides-only claims against their floors
#            (the shared scorer, ../shared)
#         2. wasm-bindgen-test in headless Chromium (tests/web.rs)
#         3. release site built for /article-explorer/ and served from dist/ on a free port (with the
#            headers of dist/_headers), plus a test-only crash-test site in target/dist-crash-test
#            (cargo feature `crash-test`; never shipped) that tests/e2e/crash.test.mjs serves itself
#         4. Playwright end-to-end flows against it (tests/e2e/*.test.mjs, node --test)
#         5. the Python package (python/): wheel built by maturin, installed in a fresh venv and in
#            python/.venv, then pytest (contract equality with the CLI, Dask and Spark corpus runs)
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash "$ROOT/scripts/setup.sh"

step "1/5 native tests: cargo test"
cargo test
# The site's wasm unpacker is a crate of its own (tools/wasm-unpacker; scripts/tools/pack-wasm.mjs builds it).
cargo test --locked --quiet --manifest-path "$ROOT/tools/wasm-unpacker/Cargo.toml" --target-dir "$ROOT/target/wasm-unpacker"

step "1b/5 scores: eval/own, eval/real/read and the annotated sides-only claims against their floors (eval/floors.json)"
# The shared scorer and the real-article pool live beside the project (../shared), as in CI.
cargo build --quiet --bin article-explorer
python3 "$ROOT/eval/real/tool.py" floors "$ROOT/target/debug/article-explorer analyze --json {file}"

step "2/5 browser tests: wasm-bindgen-test in headless Chromium (tests/web.rs)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown --features ui --test web

step "3/5 release site for /article-explorer/, and the test-only crash-test site"
SKIP_SETUP=1 bash "$ROOT/scripts/build-site.sh" /article-explorer/
# The same release build with the `crash-test` feature (the page panics on a marker text), for
# the crash-banner test only. Built beside, never into, dist/.
crash_dist="$ROOT/target/dist-crash-test"
echo "[test] trunk build --release --features crash-test -> ${crash_dist#"$ROOT"/}/ (test only)"
trunk build --release --offline --features crash-test --public-url /article-explorer/ --dist "$crash_dist"

step "4/5 end-to-end tests (Playwright + Chromium) against the served site"
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

step "5/5 Python package: maturin wheel, then pytest (contract vs the CLI, Dask LocalCluster, Spark local)"
VENV="$ROOT/python/.venv"
WHEELS="$ROOT/python/target/wheels-test"
rm -rf "$WHEELS"
(cd "$ROOT/python" && "$VENV/bin/maturin" build --release --quiet --interpreter "$VENV/bin/python" --out "$WHEELS")
wheel="$(ls "$WHEELS"/article_explorer-*.whl)"
echo "built ${wheel#"$ROOT"/}"
# The wheel alone (no dependencies) in a fresh venv: what `pip install` gives a researcher.
fresh="$(mktemp -d)"
python3 -m venv "$fresh/venv"
"$fresh/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel" </dev/null
(cd "$fresh" && "$fresh/venv/bin/python" -c "import article_explorer; print(article_explorer.analyze('Baku said the border was calm.')['claims'][0]['speaker'])")
rm -rf "$fresh"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --force-reinstall --no-deps "$wheel" </dev/null
# Run from python/tests so that the installed wheel, not the source folder python/article_explorer, is imported.
(cd "$ROOT/python/tests" && ARTICLE_EXPLORER_CLI="$ROOT/target/debug/article-explorer" ARTICLE_EXPLORER_REQUIRE_ENGINES=1 \
    SPARK_LOCAL_IP=127.0.0.1 timeout 1200 "$VENV/bin/python" -m pytest -c "$ROOT/python/pyproject.toml" --rootdir "$ROOT/python" -p no:cacheprovider)
