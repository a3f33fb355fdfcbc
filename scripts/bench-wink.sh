#!/usr/bin/env bash
# scripts/bench-wink.sh — owns the side-by-side benchmark (issue 20): wink-nlp and the whole analysis
# (`article-explorer analyze --jsonl`) on the same corpus, in one run, on one core; prints the words/s
# of each and the ratio. A benchmark, not a test: it exits 0 whatever the figures.
#
# Usage: scripts/bench-wink.sh [--runs N] [EXTRA.jsonl ...]
#   The corpus is the bench's short-document corpus (`bench -- --write-short-corpus`, 3,000
#   generated documents, median under 100 words); any EXTRA JSONL file ({"id", "text"} per line,
#   e.g. real news) is run the same way after it. Budget (issue 20): at least 2x wink-nlp's words/s.
#
# wink-nlp 2.4.0 and wink-eng-lite-web-model 1.8.1 are pinned by tools/bench-wink/package-lock.json
# and installed here, once (npm ci; a stamp of the lock's hash says whether the install is current).
# Both systems run pinned to core 0 (taskset, when there is one), the analysis on one thread
# (RAYON_NUM_THREADS=1); each figure is the best of N runs (default 3) of the whole corpus, the CLI's
# from process start to exit (reading and writing JSON included), wink-nlp's after a warm-up run
# (readDoc, sentences and entities of every text).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

RUNS=3
EXTRA=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) EXTRA+=("$1"); shift ;;
    esac
done

log() { echo "[bench-wink] $*"; }

# --- wink-nlp, pinned ----------------------------------------------------------------------------
WINK="$ROOT/tools/bench-wink"
sum="$(sha256sum "$WINK/package-lock.json" | cut -d' ' -f1)"
stamp="$WINK/node_modules/.installed-from-lock"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then
    log "wink-nlp packages: ok"
else
    log "installing wink-nlp packages (npm ci in tools/bench-wink)"
    (cd "$WINK" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
    echo "$sum" >"$stamp"
fi

# --- the CLI and the corpus ----------------------------------------------------------------------
log "cargo build --release --bin article-explorer --bin bench"
cargo build --release --quiet --bin article-explorer --bin bench
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SHORT="$WORK/short-documents.jsonl"
target/release/bench --write-short-corpus "$SHORT"

PIN=()
if command -v taskset >/dev/null 2>&1; then
    PIN=(taskset -c 0)
else
    log "no taskset: the runs are not pinned to one core"
fi

# Prints the best wall time in seconds of RUNS runs of the CLI on corpus $1.
cli_seconds() {
    local best="" start end secs
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        RAYON_NUM_THREADS=1 "${PIN[@]}" target/release/article-explorer analyze --jsonl <"$1" >/dev/null
        end=$(date +%s%N)
        secs=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }')
        if [[ -z "$best" ]] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$secs"; fi
    done
    echo "$best"
}

# Runs both systems on corpus $1 (named $2) and prints the figures.
side_by_side() {
    local corpus="$1" name="$2" wink words wink_wps cli_secs cli_wps
    wink="$("${PIN[@]}" node "$WINK/wink.mjs" "$corpus" "$RUNS" | tail -n 1)"
    words="$(node -e 'console.log(JSON.parse(process.argv[1]).words)' "$wink")"
    wink_wps="$(node -e 'console.log(Math.round(JSON.parse(process.argv[1]).words_per_s))' "$wink")"
    cli_secs="$(cli_seconds "$corpus")"
    cli_wps="$(awk -v w="$words" -v s="$cli_secs" 'BEGIN { printf "%.0f", w / s }')"
    echo
    echo "$name: $(grep -c . "$corpus") documents, $words words; one core, best of $RUNS runs"
    printf '  %-44s %12s words/s\n' "wink-nlp 2.4.0 (readDoc, sentences, entities)" "$wink_wps"
    printf '  %-44s %12s words/s\n' "article-explorer analyze --jsonl (whole)" "$cli_wps"
    awk -v a="$cli_wps" -v b="$wink_wps" 'BEGIN {
        r = a / b
        printf "  ratio: %.2fx wink-nlp (budget >= 2x: %s)\n", r, (r >= 2 ? "ok" : "UNDER BUDGET")
    }'
}

side_by_side "$SHORT" "short documents (bench --write-short-corpus)"
for corpus in "${EXTRA[@]}"; do
    side_by_side "$corpus" "$(basename "$corpus")"
done
