#!/usr/bin/env bash
# scripts/serve.sh — owns README command (a): set up, then build (release) and serve the app on http://127.0.0.1:8080.
#
# Extra arguments go to `trunk serve` (e.g. `--port 9000`). Trunk rebuilds on file changes.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash "$ROOT/scripts/setup.sh"
echo "[serve] building and serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve --release --cargo-profile wasm-release --offline "$@"
