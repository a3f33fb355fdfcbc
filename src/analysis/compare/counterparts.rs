//! Each claim's counterpart in the other article, and the claims without one.
//!
//! Two claims are counterparts when their speakers stand in the same camp (or both in none) and
//! their content shares enough words: a weighted Dice score over content words (lower case,
//! without function words or reporting verbs, cut to a short stem so that "fishing" meets
//! "fished"), each word weighted by how rare it is among the two articles' claims, so that the
//! words every claim of the dispute uses ("trawler", "Chile") count for little. A claim whose best
//! score stays below [`MATCH`] is one-sided. Candidates come from an index of the words, skipping
//! words too common to tell claims apart, so the work stays near linear in the number of claims.

use super::{Camp, Counterpart, OneSided, Which};
use crate::analysis::lexicon::{with_lower, LEXICON};
use crate::analysis::model::{Analysis, ClaimId, Evidence};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The least score of two counterparts.
pub(super) const MATCH: f32 = 0.3;
/// Stems are cut to this many characters.
const STEM_CHARS: usize = 6;
/// A word in more claims than this is left out of the candidate index (its weight is tiny).
const MAX_CLAIMS_PER_WORD: usize = 64;
/// How much of a claim a one-sided entry quotes in its evidence.
const QUOTED_CHARS: usize = 80;

/// What the step finds.
pub(super) struct Found {
    pub counterparts: Vec<Counterpart>,
    pub only_in_a: Vec<OneSided>,
    pub only_in_b: Vec<OneSided>,
}

/// A claim as the step sees it: its camp and its content words, each as (where its stem is in the
/// article's arena of stems, the word as written).
struct ClaimWords<'t> {
    camp: Option<usize>,
    words: Vec<(std::ops::Range<u32>, &'t str)>,
    /// Each word's stem as a number, the same in both articles (parallel to `words`).
    ids: Vec<u32>,
}

/// The stems of one article's claims, in one string.
struct Stems<'t> {
    arena: String,
    claims: Vec<ClaimWords<'t>>,
}

/// A word's stem: a plural or verb ending dropped ("fishing", "fished" → "fish"), cut to
/// [`STEM_CHARS`] characters ("released", "releases" → "releas"); `lower` is in lower case.
fn stem(lower: &str) -> &str {
    let mut s = lower;
    // Each ending with the least stem it leaves ("news" and "boss" keep their "s").
    for (suffix, least) in [("ing", 3), ("ed", 3), ("s", 4)] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.chars().count() >= least && !rest.ends_with('s') {
                s = rest;
                break;
            }
        }
    }
    match s.char_indices().nth(STEM_CHARS) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// The words that say nothing of what a claim is about: function words, auxiliaries and reporting
/// verbs (from the lexicon, in one set, made once per process).
static EMPTY_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let lex = &*LEXICON;
    let lists = [&lex.function_words, &lex.auxiliaries, &lex.be_forms];
    lists.into_iter().flatten().chain(lex.speech_verbs.keys()).cloned().collect()
});

/// The content words of a claim, each once: words of three letters or more and numbers of two
/// digits or more, neither a function word, an auxiliary nor a reporting verb. Their stems go to
/// `arena`.
fn content_words<'t>(
    text: &'t str,
    empty_words: &FxHashSet<String>,
    arena: &mut String,
) -> Vec<(std::ops::Range<u32>, &'t str)> {
    let mut out: Vec<(std::ops::Range<u32>, &'t str)> = Vec::new();
    let claim_start = arena.len();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let numeric = w.bytes().all(|b| b.is_ascii_digit());
        let n = if w.is_ascii() { w.len() } else { w.chars().count() };
        if (numeric && n < 2) || (!numeric && n < 3) {
            continue;
        }
        let kept = with_lower(w, |lower| {
            if empty_words.contains(lower) {
                return None;
            }
            let s = stem(lower);
            // Each stem once per claim.
            let seen = out.iter().any(|(r, _)| &arena[r.start as usize..r.end as usize] == s);
            (!seen).then(|| {
                let from = arena.len();
                arena.push_str(s);
                from as u32..arena.len() as u32
            })
        });
        if let Some(range) = kept {
            out.push((range, w));
        }
    }
    debug_assert!(out.iter().all(|(r, _)| r.start as usize >= claim_start));
    out
}

fn claim_words<'t>(text: &'t str, analysis: &Analysis, camp_of_side: &[Option<usize>]) -> Stems<'t> {
    let empty_words = &*EMPTY_WORDS;
    let mut arena = String::with_capacity(text.len() / 2);
    let claims = analysis
        .claims
        .iter()
        .map(|c| ClaimWords {
            camp: c.side.and_then(|s| camp_of_side.get(s.0 as usize).copied().flatten()),
            words: content_words(c.span.slice(text), empty_words, &mut arena),
            ids: Vec::new(),
        })
        .collect();
    Stems { arena, claims }
}

/// The camp of each side of one article.
fn camp_of_sides(camps: &[Camp], which: Which, n_sides: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n_sides];
    for (i, camp) in camps.iter().enumerate() {
        for s in camp.sides(which) {
            if let Some(slot) = out.get_mut(s.0 as usize) {
                *slot = Some(i);
            }
        }
    }
    out
}

/// A claim's best match in the other article: (claim, score, shared words as the claim writes them).
type Best = Option<(usize, f32, Vec<String>)>;

/// The words of `x` whose stems `y` has too, as `x` writes them.
fn shared_words(x: &ClaimWords, y: &ClaimWords) -> Vec<String> {
    x.words.iter().zip(&x.ids).filter(|(_, id)| y.ids.contains(id)).map(|((_, w), _)| w.to_string()).collect()
}

/// Numbers the stems of both articles (the same stem, the same number, in both), and returns how
/// many there are.
fn number_stems<'t>(sa: &mut Stems<'t>, sb: &mut Stems<'t>) -> usize {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    for stems in [sa, sb] {
        let Stems { arena, claims } = stems;
        for c in claims.iter_mut() {
            c.ids = c
                .words
                .iter()
                .map(|(r, _)| {
                    let s = &arena[r.start as usize..r.end as usize];
                    let next = ids.len() as u32;
                    match ids.get(s) {
                        Some(id) => *id,
                        None => *ids.entry(s.to_string()).or_insert(next),
                    }
                })
                .collect();
        }
    }
    ids.len()
}

/// The best match of each claim of `from` among the claims of `to` in the same camp, if any
/// shares a word; `weight` by stem number.
fn best_matches(from: &Stems, to: &Stems, weight: &[f32]) -> Vec<Best> {
    let w = |id: u32| weight.get(id as usize).copied().unwrap_or(0.0);
    let total = |c: &ClaimWords| -> f32 { c.ids.iter().map(|id| w(*id)).sum() };
    let totals_to: Vec<f32> = to.claims.iter().map(total).collect();
    let mut index: FxHashMap<(Option<usize>, u32), Vec<usize>> = FxHashMap::default();
    for (j, c) in to.claims.iter().enumerate() {
        for id in &c.ids {
            index.entry((c.camp, *id)).or_default().push(j);
        }
    }
    // Shared weight per claim of `to`, reset after each claim of `from` through the list of those touched.
    let mut sum = vec![0f32; to.claims.len()];
    let mut touched: Vec<usize> = Vec::new();
    from.claims
        .iter()
        .map(|x| {
            for id in &x.ids {
                let Some(list) = index.get(&(x.camp, *id)) else { continue };
                if list.len() > MAX_CLAIMS_PER_WORD {
                    continue;
                }
                for &j in list {
                    if sum[j] == 0.0 {
                        touched.push(j);
                    }
                    sum[j] += w(*id);
                }
            }
            let total_x = total(x);
            let mut best: Option<(usize, f32)> = None;
            for &j in &touched {
                let score = 2.0 * sum[j] / (total_x + totals_to[j]).max(f32::EPSILON);
                // Best score first; on a tie, the earlier claim.
                if best.is_none_or(|(k, b)| score > b || (score == b && j < k)) {
                    best = Some((j, score));
                }
                sum[j] = 0.0;
            }
            touched.clear();
            best.map(|(j, score)| (j, score, shared_words(x, &to.claims[j])))
        })
        .collect()
}

/// The first words of a claim, for evidence.
fn quoted(text: &str, analysis: &Analysis, id: usize) -> String {
    let content = analysis.claims[id].span.slice(text).trim();
    let mut out: String = content.chars().take(QUOTED_CHARS).collect();
    if content.chars().count() > QUOTED_CHARS {
        out.push('…');
    }
    out
}

/// Why a claim is one-sided, and how sure that is.
///
/// Long only because it spells out the four cases, each with its own words.
#[allow(clippy::too_many_arguments)]
fn one_sided(
    id: usize,
    x: &ClaimWords,
    best: Option<&(usize, f32, Vec<String>)>,
    camps: &[Camp],
    which: Which,
    other: &[ClaimWords<'_>],
    other_text: &str,
    other_analysis: &Analysis,
) -> OneSided {
    let there = which.other().label();
    let camp_name = x.camp.map(|c| camps[c].name.as_str());
    let shown_there = x.camp.is_none_or(|c| !camps[c].sides(which.other()).is_empty());
    let claims_there = other.iter().filter(|o| o.camp == x.camp).count();
    let of_camp = camp_name.map_or_else(|| "from a source tied to no camp".to_string(), |n| format!("of {n}"));
    let (confidence, note) = match (shown_there, claims_there, best) {
        (false, _, _) => (0.9, format!("{} is not in {there} at all", camp_name.unwrap_or("its camp"))),
        (true, 0, _) => (0.85, format!("{there} has no claim {of_camp}")),
        (true, _, None) => (0.9, format!("no claim {of_camp} in {there} shares its content words")),
        (true, _, Some((j, score, words))) => (
            0.5 + 0.4 * (1.0 - score / MATCH).clamp(0.0, 1.0),
            format!(
                "closest in {there}: C{} “{}” (shares {}; {}, below {})",
                j + 1,
                quoted(other_text, other_analysis, *j),
                words.join(", "),
                crate::analysis::decimal::fixed(*score, 2),
                crate::analysis::decimal::fixed(MATCH, 2)
            ),
        ),
    };
    OneSided {
        claim: ClaimId(id as u32),
        camp: x.camp,
        confidence,
        closest: best.map(|(j, score, _)| (ClaimId(*j as u32), *score)),
        evidence: vec![Evidence::note(note)],
    }
}

/// Finds the counterparts and the one-sided claims of the two articles.
pub(super) fn find(a_text: &str, a: &Analysis, b_text: &str, b: &Analysis, camps: &[Camp]) -> Found {
    let mut sa = claim_words(a_text, a, &camp_of_sides(camps, Which::A, a.sides.len()));
    let mut sb = claim_words(b_text, b, &camp_of_sides(camps, Which::B, b.sides.len()));
    let n_stems = number_stems(&mut sa, &mut sb);
    // How rare each word is among the claims of both articles.
    let mut df = vec![0u32; n_stems];
    for c in sa.claims.iter().chain(&sb.claims) {
        for id in &c.ids {
            df[*id as usize] += 1;
        }
    }
    let (xs, ys) = (&sa.claims, &sb.claims);
    let n = (xs.len() + ys.len()) as f32;
    let weight: Vec<f32> = df.iter().map(|d| (1.0 + n / (*d).max(1) as f32).ln()).collect();
    let a_best = best_matches(&sa, &sb, &weight);
    let b_best = best_matches(&sb, &sa, &weight);

    let mut pairs: Vec<Counterpart> = Vec::new();
    let mut push = |a_id: usize, b_id: usize, score: f32, words: &[String]| {
        if !pairs.iter().any(|p| p.a.0 as usize == a_id && p.b.0 as usize == b_id) {
            pairs.push(Counterpart {
                a: ClaimId(a_id as u32),
                b: ClaimId(b_id as u32),
                camp: xs[a_id].camp,
                score,
                shared_words: words.to_vec(),
            });
        }
    };
    for (i, best) in a_best.iter().enumerate() {
        if let Some((j, score, words)) = best.as_ref().filter(|m| m.1 >= MATCH) {
            push(i, *j, *score, words);
        }
    }
    for (j, best) in b_best.iter().enumerate() {
        if let Some((i, score, _)) = best.as_ref().filter(|m| m.1 >= MATCH) {
            // The shared words as A writes them.
            let words = shared_words(&xs[*i], &ys[j]);
            push(*i, j, *score, &words);
        }
    }
    crate::analysis::sort::sort_by_key(&mut pairs, |p| (p.a, p.b));
    let has_pair = |which: Which, id: usize| {
        pairs.iter().any(|p| match which {
            Which::A => p.a.0 as usize == id,
            Which::B => p.b.0 as usize == id,
        })
    };
    let only = |which: Which, mine: &[ClaimWords], best: &[Best]| -> Vec<OneSided> {
        let (other, other_text, other_analysis) = match which {
            Which::A => (ys, b_text, b),
            Which::B => (xs, a_text, a),
        };
        (0..mine.len())
            .filter(|&i| !has_pair(which, i))
            .map(|i| one_sided(i, &mine[i], best[i].as_ref(), camps, which, other, other_text, other_analysis))
            .collect()
    };
    let only_in_a = only(Which::A, xs, &a_best);
    let only_in_b = only(Which::B, ys, &b_best);
    Found { counterparts: pairs, only_in_a, only_in_b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_endings() {
        let cases = [
            ("fishing", "fish"),
            ("fished", "fish"),
            ("waters", "water"),
            ("released", "releas"),
            ("releases", "releas"),
            ("release", "releas"),
            ("economic", "econom"),
            ("economy", "econom"),
            ("news", "news"),
            ("hours", "hour"),
            ("boss", "boss"),
            ("used", "used"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn content_words_skip_function_words_cues_and_short_tokens() {
        let mut arena = String::new();
        let text = "the Trawler was fishing in 22 of its waters, Chile said, in 2 hours of fishing";
        let words: Vec<(String, &str)> = content_words(text, &EMPTY_WORDS, &mut arena)
            .into_iter()
            .map(|(r, w)| (arena[r.start as usize..r.end as usize].to_string(), w))
            .collect();
        let stems: Vec<&str> = words.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(stems, ["trawle", "fish", "22", "water", "chile", "hour"]);
        assert_eq!(words[0].1, "Trawler", "the word as written");
    }

    /// (what the case shows, article A, article B, claims of A with a counterpart, of B)
    #[test]
    #[allow(clippy::type_complexity)] // the table's row type, written once where it is read
    fn counterparts_share_camp_and_content() {
        let cases: [(&str, &str, &str, &[usize], &[usize]); 4] = [
            (
                "the same claim in other words",
                "Chile said the trawler was fishing illegally inside its exclusive economic zone. Peru said the port was shut.",
                "Chile said the boat had been fishing inside the exclusive economic zone without a permit.",
                &[0],
                &[0],
            ),
            (
                "same words, other camps: no counterpart",
                "Chile said the trawler was fishing illegally inside the exclusive economic zone.",
                "Peru said the trawler was fishing legally outside the exclusive economic zone.",
                &[],
                &[],
            ),
            (
                "same camp, other matter",
                "Chile said the crew were in good health.",
                "Chile said the fine would reach nine hundred million pesos.",
                &[],
                &[],
            ),
            ("no claims", "A quiet day at the harbour.", "Nothing was said.", &[], &[]),
        ];
        for (what, a_text, b_text, a_paired, b_paired) in cases {
            let (a, b) = (crate::analyze(a_text), crate::analyze(b_text));
            let c = super::super::compare(a_text, &a, b_text, &b, &[]);
            let mut got_a: Vec<usize> = c.counterparts.iter().map(|p| p.a.0 as usize).collect();
            let mut got_b: Vec<usize> = c.counterparts.iter().map(|p| p.b.0 as usize).collect();
            got_a.dedup();
            got_b.sort();
            got_b.dedup();
            assert_eq!((got_a.as_slice(), got_b.as_slice()), (a_paired, b_paired), "{what}: {c:#?}");
            assert_eq!(
                c.only_in_a.len() + a_paired.len(),
                a.claims.len(),
                "{what}: every claim of A is paired or one-sided"
            );
            assert_eq!(
                c.only_in_b.len() + b_paired.len(),
                b.claims.len(),
                "{what}: every claim of B is paired or one-sided"
            );
            for o in c.only_in_a.iter().chain(&c.only_in_b) {
                assert!((0.5..=0.9).contains(&o.confidence), "{what}: confidence {}", o.confidence);
                assert!(!o.evidence.is_empty(), "{what}: says why");
            }
        }
    }
}
