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
# (RAYON_NUM_THREADS=1), in N rounds (default 5) of one run each over the whole corpus: the CLI's
# from process start to exit (reading and writing JSON included), wink-nlp's after a warm-up run
# in its own process (readDoc, sentences and entities of every text). The ratio is the median of
# the rounds' ratios, each taken within one round, so the machine's drift does not move it.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

RUNS=5
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

# Prints the wall time in seconds of one run of the CLI on corpus $1.
cli_seconds() {
    local start end
    start=$(date +%s%N)
    RAYON_NUM_THREADS=1 "${PIN[@]}" target/release/article-explorer analyze --jsonl <"$1" >/dev/null
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }'
}

# Runs both systems on corpus $1 (named $2) in turn, RUNS rounds of one wink-nlp run and one CLI
# run, and prints the best words/s of each and the median of the rounds' ratios: the machine's
# speed drifts over a minute, and a ratio taken within one round does not see the drift.
side_by_side() {
    local corpus="$1" name="$2" wink words wink_wps cli_wps ratios="" best_wink=0 best_cli=0
    for ((i = 0; i < RUNS; i++)); do
        wink="$("${PIN[@]}" node "$WINK/wink.mjs" "$corpus" 1 | tail -n 1)"
        words="$(node -e 'console.log(JSON.parse(process.argv[1]).words)' "$wink")"
        wink_wps="$(node -e 'console.log(Math.round(JSON.parse(process.argv[1]).words_per_s))' "$wink")"
        cli_wps="$(awk -v w="$words" -v s="$(cli_seconds "$corpus")" 'BEGIN { printf "%.0f", w / s }')"
        ratios="$ratios $(awk -v a="$cli_wps" -v b="$wink_wps" 'BEGIN { printf "%.3f", a / b }')"
        best_wink=$((wink_wps > best_wink ? wink_wps : best_wink))
        best_cli=$((cli_wps > best_cli ? cli_wps : best_cli))
    done
    echo
    echo "$name: $(grep -c . "$corpus") documents, $words words; one core, $RUNS rounds (wink-nlp, then the CLI)"
    printf '  %-44s %12s words/s (best round)\n' "wink-nlp 2.4.0 (readDoc, sentences, entities)" "$best_wink"
    printf '  %-44s %12s words/s (best round)\n' "article-explorer analyze --jsonl (whole)" "$best_cli"
    echo "  each round's ratio:$ratios"
    echo "$ratios" | tr ' ' '\n' | grep . | sort -n | awk '{ r[NR] = $1 } END {
        m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "  ratio: %.2fx wink-nlp, median of the rounds (budget >= 2x: %s)\n", m, (m >= 2 ? "ok" : "UNDER BUDGET")
    }'
}

side_by_side "$SHORT" "short documents (bench --write-short-corpus)"
for corpus in "${EXTRA[@]}"; do
    side_by_side "$corpus" "$(basename "$corpus")"
done
