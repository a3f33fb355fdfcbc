#!/usr/bin/env bash
# scripts/fuzz.sh — owns fuzzing: runs each cargo-fuzz target (analysis, share links) for a time budget.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 300)
#
# cargo-fuzz needs nightly features; the stable toolchain allows them with RUSTC_BOOTSTRAP=1.
# Findings land in fuzz/artifacts/<target>/; turn each into a regression test, then fix it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_PER_TARGET="${1:-300}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
cd "$ROOT"
export RUSTC_BOOTSTRAP=1
for target in analyze share_link; do
    mkdir -p "fuzz/corpus/$target"
    echo "[fuzz] $target for ${SECONDS_PER_TARGET}s"
    cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
        | grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|artifact_prefix|Test unit written)" || true
done
