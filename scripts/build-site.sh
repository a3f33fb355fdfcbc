#!/usr/bin/env bash
# scripts/build-site.sh — owns the static-site build: release + wasm-opt into dist/ for a given public URL.
#
# Usage: scripts/build-site.sh [PUBLIC_URL]   (default "/"; e.g. "/article-explorer/" for GitHub Pages)
# Set SKIP_SETUP=1 when scripts/setup.sh has already run (scripts/test.sh does).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

PUBLIC_URL="${1:-/}"
[[ "$PUBLIC_URL" == */ ]] || PUBLIC_URL="$PUBLIC_URL/"

[[ "${SKIP_SETUP:-0}" == 1 ]] || bash "$ROOT/scripts/setup.sh"

# The wasm is built with the size-optimised profile (Cargo.toml: wasm-release); native release
# builds are optimised for speed.
echo "[build-site] trunk build --release --cargo-profile wasm-release --public-url $PUBLIC_URL -> dist/"
trunk build --release --cargo-profile wasm-release --offline --public-url "$PUBLIC_URL" --dist "$ROOT/dist"

echo "[build-site] files in dist/ (bytes, gzip -9 bytes):"
total_raw=0
total_gz=0
while IFS= read -r -d '' f; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '  %10d %10d  %s\n' "$raw" "$gz" "${f#"$ROOT"/}"
done < <(find "$ROOT/dist" -type f -print0 | sort -z)
printf '  %10d %10d  total\n' "$total_raw" "$total_gz"
