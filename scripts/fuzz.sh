#!/usr/bin/env bash
# scripts/fuzz.sh — owns fuzzing: runs cargo-fuzz targets for a time budget each and logs every run.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 300 s; every target)
#   scripts/fuzz.sh --cmin [TARGET...]                 (minimise the committed corpora)
#
# Targets: analyze (any text), share_link (any fragment), share_state (structure-aware: any view
# state and side edits survive a link), html_import (any HTML file opens).
# cargo-fuzz needs nightly features; the stable toolchain allows them with RUSTC_BOOTSTRAP=1.
# Each run grows fuzz/corpus/<target>/ (committed once minimised with --cmin) and appends a line
# (date, target, seconds, execs, findings) to fuzz/RUNS.md. Findings land in
# fuzz/artifacts/<target>/; turn each into a regression test in the main crate, then fix it.
# Long runs: `nice -n 19 scripts/fuzz.sh 3600 share_state`; FUZZ_NO_BUILD=1 runs the binaries
# already in fuzz/target without rebuilding. The time-out per input is 30 s of wall
# clock: on a shared machine at nice 19, a shorter one reports a starved process, not a hang.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
ALL_TARGETS=(analyze share_link share_state html_import)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
cd "$ROOT"
export RUSTC_BOOTSTRAP=1

if [[ "${1:-}" == "--cmin" ]]; then
    shift
    targets=("$@")
    [[ ${#targets[@]} -gt 0 ]] || targets=("${ALL_TARGETS[@]}")
    for target in "${targets[@]}"; do
        before=$(ls "fuzz/corpus/$target" | wc -l)
        binary="fuzz/target/x86_64-unknown-linux-gnu/release/$target"
        [[ "${FUZZ_NO_BUILD:-0}" == 1 && -x "$binary" ]] || cargo fuzz build --fuzz-dir fuzz "$target"
        # A set-cover merge (fewer inputs than `cargo fuzz cmin`'s greedy one, for the same features).
        # The analysis's inputs are cut to 1 KiB, which keeps its corpus under 500 KB.
        max_len=65536
        [[ "$target" != analyze ]] || max_len=1024
        rm -rf "fuzz/target/cmin-$target" && mkdir -p "fuzz/target/cmin-$target"
        "$binary" -set_cover_merge=1 -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 "fuzz/target/cmin-$target" \
            "fuzz/corpus/$target" >"fuzz/target/cmin-$target.log" 2>&1
        rm -rf "fuzz/corpus/$target" && mv "fuzz/target/cmin-$target" "fuzz/corpus/$target"
        echo "[fuzz] $target corpus: $before → $(ls "fuzz/corpus/$target" | wc -l) files, $(du -sh --apparent-size "fuzz/corpus/$target" | cut -f1)"
    done
    exit 0
fi

SECONDS_PER_TARGET="${1:-300}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${ALL_TARGETS[@]}")
mkdir -p fuzz/target
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    log="fuzz/target/run-$target-$(date -u +%Y%m%dT%H%M%S).log"
    echo "[fuzz] $target for ${SECONDS_PER_TARGET}s (log: $log)"
    findings_before=$(ls "fuzz/artifacts/$target" | wc -l)
    started=$SECONDS
    flags=(-max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1)
    # The structure-aware target's inputs are decoded into values, not read as text: let them be
    # long from the start rather than growing slowly from a few bytes.
    [[ "$target" != share_state ]] || flags+=(-len_control=0 -max_len=4096)
    binary="fuzz/target/x86_64-unknown-linux-gnu/release/$target"
    if [[ "${FUZZ_NO_BUILD:-0}" == 1 && -x "$binary" ]]; then
        # The binary already built (a change to the crate's tests alone need not rebuild it).
        "$binary" -artifact_prefix="fuzz/artifacts/$target/" "${flags[@]}" "fuzz/corpus/$target" >"$log" 2>&1 || true
    else
        cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- "${flags[@]}" >"$log" 2>&1 || true
    fi
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|artifact_prefix|Test unit written)" "$log" || true
    execs=$(awk '/^stat::number_of_executed_units/ { print $2 }' "$log" | tail -1)
    seconds=$((SECONDS - started))  # wall clock: less than asked when a finding stops the run
    findings=$(( $(ls "fuzz/artifacts/$target" | wc -l) - findings_before ))
    printf '| %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%d)" "$target" "$seconds" "${execs:-?}" "$findings" >>fuzz/RUNS.md
done
