#!/usr/bin/env bash
# scripts/mutants.sh — owns mutation testing: would the tests notice a wrong change in the modules
# whose mistakes readers cannot see (share links, the JSON contract, exports, the markup, spans,
# tokens)? A measurement, not a CI step: it takes an hour or more on two cores.
#
#   scripts/mutants.sh [GROUP...]          groups: links, text (default: both, one after the other)
#   JOBS=2 scripts/mutants.sh links        (two mutants at once; each needs its own build)
#   scripts/mutants.sh --iterate GROUP     stage 1 again, only for what the last run missed
#   scripts/mutants.sh --stage2 GROUP      what the last run missed, against the integration tests
#
# Each group is run with the fastest test selection that exercises its files: the unit tests of
# those modules, then (stage 2, --iterate) the missed mutants again against the integration tests
# that also read the files, so a mutant counts as missed only if no test in the suite catches it.
# Mutants judged equivalent are listed, each with its reason, in .cargo/mutants.toml (exclude_re);
# docs/mutants.md has the figures. Reports: target/mutants/<group>/out/mutants.out/
# (caught.txt, missed.txt, timeout.txt, unviable.txt, outcomes.json).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
command -v cargo-mutants >/dev/null 2>&1 || cargo install cargo-mutants --locked

# A profile for mutants: the dev profile's optimisation (the analysis tests stay quick) without
# debug info, which halves an incremental rebuild and its link. Defined here, not in Cargo.toml.
export CARGO_PROFILE_MUTANTS_INHERITS=dev CARGO_PROFILE_MUTANTS_DEBUG=false CARGO_PROFILE_MUTANTS_STRIP=debuginfo
JOBS="${JOBS:-1}"

# The lib's tests that main knows to be failing are skipped so the baseline passes; keep empty.
SKIP_TESTS=(${MUTANTS_SKIP_TESTS:-})
skip_args=()
for t in "${SKIP_TESTS[@]}"; do skip_args+=(--skip "$t"); done

# The tree to mutate (default: this checkout). To measure another commit without touching this
# one: git archive COMMIT | tar -x -C DIR, then MUTANTS_TREE=DIR scripts/mutants.sh.
TREE="${MUTANTS_TREE:-$ROOT}"
# MUTANTS_IN_PLACE=1 mutates MUTANTS_TREE itself (only for a throwaway copy): no copy per run, so
# the build stays incremental from run to run. MUTANTS_SHARD=K/N tests every Nth mutant from the
# Kth, an unbiased sample when a full run does not fit the time there is.
# MUTANTS_RUN=NAME keeps this run's reports apart (target/mutants/GROUP-NAME/).
RUN="${MUTANTS_RUN:+-$MUTANTS_RUN}"
extra=()
if [[ "${MUTANTS_IN_PLACE:-0}" == 1 ]]; then
    [[ "$TREE" != "$ROOT" ]] || { echo "MUTANTS_IN_PLACE needs a throwaway MUTANTS_TREE" >&2; exit 2; }
    extra+=(--in-place)
    JOBS=""
fi

# group → files; the test targets of stage 1 and of stage 2 (cargo args: they choose what is
# built as well as what runs); the test name filters of stage 1.
group_files() {
    case "$1" in
        links) echo src/share/mod.rs src/share/payload.rs src/share/anchors.rs src/contract.rs src/export.rs src/analysis/markup.rs ;;
        text) echo src/analysis/span.rs src/analysis/tokens.rs ;;
        *) echo "unknown group $1 (links, text)" >&2; exit 2 ;;
    esac
}
stage1_targets() { echo --lib; }
# The share tests that encode v3 links (a match finder over the 250 KB dictionary per link) take
# most of a minute; stage 1 leaves them to stage 2.
SLOW_SHARE_TESTS=(share::tests::any_text_round_trips share::tests::a_100_kb_article_round_trips
    share::tests::decompression_bomb_is_bounded share::tests::each_version_makes_links_shorter
    share::limits_and_messages::payloads_are_decoded_up_to_the_limit_and_not_beyond)
stage1_filters() {
    case "$1" in
        # Their own modules' unit tests, less the slow ones.
        links) echo share:: contract:: export:: markup::; for t in "${SLOW_SHARE_TESTS[@]}"; do echo --skip "$t"; done ;;
        # Every stage reads tokens and spans: the lib's unit tests, less the share links'.
        text) echo --skip share:: ;;
    esac
}
stage2_targets() {
    case "$1" in
        links) echo --lib --test link_fixtures --test golden --test cli ;;
        text) echo --lib --test properties --test golden --test adversarial ;;
    esac
}

run_group() {
    local group="$1" stage="$2" iterate="$3" targets filters cargo_args=()
    local out="target/mutants/$group$RUN/out"
    # Its own target directory, kept between runs, so a group's builds are incremental and two
    # groups can run at once.
    export CARGO_TARGET_DIR="$ROOT/target/mutants/$group/build"
    mkdir -p "$out"
    files=()
    for f in $(group_files "$group"); do files+=(--file "$f"); done
    if [[ "$stage" == 2 ]]; then
        read -r -a targets <<<"$(stage2_targets "$group")"
        filters=()
    else
        read -r -a targets <<<"$(stage1_targets "$group")"
        read -r -a filters <<<"$(stage1_filters "$group" | tr '\n' ' ')"
    fi
    # -C: for the build as well as the test run, so only these test targets are built.
    for a in "${targets[@]}"; do cargo_args+=("--cargo-arg=$a"); done
    echo "[mutants] $group: stage $stage against ${targets[*]} ${filters[*]} (tree: $TREE)"
    local timeout=60 select=() prev="$ROOT/target/mutants/$group$RUN/previous"
    if [[ "$stage" == 2 ]]; then timeout=120; fi
    if [[ "$iterate" == 1 ]]; then
        # Only the mutants the last run missed or timed out on, named exactly (so a sample stays
        # the same sample); its caught and unviable ones are carried over to the summary.
        rm -rf "$prev" && mv "$ROOT/$out/mutants.out" "$prev" && rm -rf "$ROOT/$out"/mutants.out.old
        while IFS= read -r name; do
            select+=(--re "^$(printf '%s' "$name" | sed 's/[][\\.^$*+?(){}|/]/\\&/g')\$")
        done < <(cat "$prev/missed.txt" "$prev/timeout.txt")
        if [[ ${#select[@]} -eq 0 ]]; then echo "[mutants] $group: nothing left to re-test"; return 0; fi
    elif [[ -n "${MUTANTS_SHARD:-}" ]]; then
        select+=(--shard "$MUTANTS_SHARD" --sharding round-robin)
    fi
    cargo mutants "${select[@]}" "${extra[@]}" --dir "$TREE" --profile mutants ${JOBS:+--jobs "$JOBS"} \
        --minimum-test-timeout "$timeout" --output "$ROOT/$out" "${cargo_args[@]}" "${files[@]}" \
        -- -- "${filters[@]}" "${skip_args[@]}" || true
    summary "$group$RUN"
}

summary() {
    local dir="target/mutants/$1/out/mutants.out"
    [[ -f "$dir/caught.txt" ]] || return 0
    local c m t u
    local prev="target/mutants/$1/previous"
    # After --iterate/--stage2, what the earlier runs caught or found unviable counts too.
    all_of() { cat "$dir/$1.txt" "$prev/$1.txt" "$prev/previously_$1.txt" 2>/dev/null | sort -u || true; }
    all_of caught >"$dir/previously_caught.txt.new"
    all_of unviable >"$dir/previously_unviable.txt.new"
    mv "$dir/previously_caught.txt.new" "$dir/previously_caught.txt"
    mv "$dir/previously_unviable.txt.new" "$dir/previously_unviable.txt"
    c=$(wc -l <"$dir/previously_caught.txt"); u=$(wc -l <"$dir/previously_unviable.txt")
    m=$(wc -l <"$dir/missed.txt"); t=$(wc -l <"$dir/timeout.txt")
    echo "[mutants] $1: caught $c, missed $m, timeout $t, unviable $u; caught or timed out: $(( (c + t) * 100 / (c + m + t) ))% of viable"
}

stage=1 iterate=0
case "${1:-}" in
    --iterate) iterate=1; shift ;;
    --stage2) stage=2; iterate=1; shift ;;
esac
groups=("$@")
[[ ${#groups[@]} -gt 0 ]] || groups=(links text)
for g in "${groups[@]}"; do
    run_group "$g" "$stage" "$iterate"
done
