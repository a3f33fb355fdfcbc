#!/usr/bin/env bash
# scripts/bench-browser.sh — owns the in-browser benchmark (issue 8): builds the release site when dist/ is missing,
# serves it under /article-explorer/ and prints load, analysis+render, main-thread time per keystroke (1,000 and 10,000 words),
# the longest task during a 1 MB paste and transfer-size figures beside their budgets.
#
# Usage: scripts/bench-browser.sh [--runs N]   (a benchmark: exits 0 whatever the figures)
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

if [[ ! -f "$ROOT/dist/index.html" ]]; then
    echo "[bench-browser] dist/ missing: building the release site for /article-explorer/"
    SKIP_SETUP=1 bash "$ROOT/scripts/build-site.sh" /article-explorer/
fi
if [[ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]]; then
    echo "[bench-browser] tests/e2e/node_modules missing: run scripts/setup.sh first" >&2
    exit 1
fi

# The benchmark serves dist/ itself (tests/e2e/static-server.mjs) on a free loopback port.
cd "$ROOT/tests/e2e"
unset E2E_BASE_URL
exec timeout 600 node bench-browser.mjs "$@"
