//! Claim and counter-claim: pairs of claims of the two parties about the same matter, found
//! through the words and entities they share, or set against each other by the article itself
//! ("Yerevan says A, while Baku says B").

use crate::analysis::lexicon::Lexicon;
use crate::analysis::mentions::within;
use crate::analysis::model::{Claim, ClaimId, ClusterId, CounterClaim, Entity, Evidence};
use crate::analysis::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};

/// A word shared by more claims than this says nothing about two claims being on one matter.
const MAX_CLAIMS_PER_WORD: usize = 32;
/// Two claims further apart than this (bytes) are not set against each other by a contrast word.
const MAX_CONTRAST_GAP: usize = 120;
/// The least score of a pair.
const MIN_SCORE: f32 = 0.05;

/// Two claims, by index, the lesser first.
type Pair = (usize, usize);

/// Pairs claims of the two parties that share words or entities about the same matter. Claims
/// are paired through an index of their words, skipping words common to many claims, so the
/// work stays near linear in the number of claims.
pub(super) fn pair(text: &str, claims: &[Claim], entities: &[Entity], lex: &Lexicon) -> Vec<CounterClaim> {
    let on_party = |c: &Claim| c.side.is_some_and(|s| s.0 <= 1);
    let lowered: Vec<String> = claims
        .iter()
        .map(|c| if on_party(c) { content_words(c.span.slice(text), lex) } else { String::new() })
        .collect();
    let words: Vec<FxHashSet<&str>> =
        lowered.iter().map(|l| l.split('\0').filter(|w| !w.is_empty()).collect()).collect();
    let clusters_in =
        |span: Span| -> FxHashSet<ClusterId> { within(entities, span).iter().map(|e| e.cluster).collect() };
    let ents: Vec<FxHashSet<ClusterId>> =
        claims.iter().map(|c| if on_party(c) { clusters_in(c.span) } else { FxHashSet::default() }).collect();
    let mut shared_words = shared_words(claims, &words);
    let contrasted = contrasted(text, claims, lex);
    for pair in contrasted.keys() {
        shared_words.entry(*pair).or_default();
    }
    let mut pairs: Vec<(f32, usize, usize, Vec<String>)> = Vec::new();
    for ((i, j), shared) in shared_words {
        let shared_ents = ents[i].intersection(&ents[j]).count();
        let union = (words[i].len() + words[j].len() - shared.len()).max(1);
        let mut score = (shared.len() as f32 + shared_ents as f32) / union as f32;
        if contrasted.contains_key(&(i, j)) {
            score += 0.5;
        }
        if score >= MIN_SCORE {
            pairs.push((score, i, j, shared));
        }
    }
    best_pairs(pairs, &contrasted)
}

/// The words of a claim that can say what it is about: longer than three letters, neither a
/// function word nor a reporting verb, lower case; in one string, each word ended by a NUL.
fn content_words(text: &str, lex: &Lexicon) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 3) {
        let from = out.len();
        if w.is_ascii() {
            out.push_str(w);
            out[from..].make_ascii_lowercase();
        } else {
            out.push_str(&w.to_lowercase());
        }
        let lower = &out[from..];
        if lex.function_words.contains(lower) || lex.speech_verbs.contains_key(lower) {
            out.truncate(from);
        } else {
            out.push('\0');
        }
    }
    out
}

/// The words each pair of claims on different sides shares, through an index of the words.
fn shared_words(claims: &[Claim], words: &[FxHashSet<&str>]) -> FxHashMap<Pair, Vec<String>> {
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, ws) in words.iter().enumerate() {
        for w in ws {
            index.entry(w).or_default().push(i);
        }
    }
    let mut shared_words: FxHashMap<Pair, Vec<String>> = FxHashMap::default();
    for (word, list) in &index {
        if list.len() > MAX_CLAIMS_PER_WORD {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if claims[i].side != claims[j].side {
                    shared_words.entry((i.min(j), i.max(j))).or_default().push(word.to_string());
                }
            }
        }
    }
    shared_words
}

/// The pairs the article itself sets against each other: two claims of the two parties that
/// follow one another across a contrast word ("Yerevan says A, while Baku says B"), a strong
/// sign whatever words they share; with the contrast word.
fn contrasted<'l>(text: &str, claims: &[Claim], lex: &'l Lexicon) -> FxHashMap<Pair, &'l str> {
    let on_party = |c: &Claim| c.side.is_some_and(|s| s.0 <= 1);
    let mut contrasted = FxHashMap::default();
    for i in 1..claims.len() {
        let (a, b) = (&claims[i - 1], &claims[i]);
        if !on_party(a) || !on_party(b) || a.side == b.side || b.span.start < a.span.end {
            continue;
        }
        let gap = Span { start: a.span.end, end: b.span.start };
        if gap.len() > MAX_CONTRAST_GAP {
            continue;
        }
        let between = gap.slice(text).to_lowercase();
        let joiner = between.split(|c: char| !c.is_alphanumeric()).find_map(|w| lex.contrast_words.get(w));
        if let Some(joiner) = joiner {
            contrasted.insert((i - 1, i), joiner.as_str());
        }
    }
    contrasted
}

/// The best pairs, best first, each claim in one pair at most; in the order of the claims.
fn best_pairs(
    mut pairs: Vec<(f32, usize, usize, Vec<String>)>,
    contrasted: &FxHashMap<Pair, &str>,
) -> Vec<CounterClaim> {
    crate::analysis::sort::sort_by(&mut pairs, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used = FxHashSet::default();
    let mut out = Vec::new();
    for (score, i, j, mut shared) in pairs {
        if used.contains(&i) || used.contains(&j) {
            continue;
        }
        used.insert(i);
        used.insert(j);
        crate::analysis::sort::sort(&mut shared);
        let mut evidence = Vec::new();
        if let Some(joiner) = contrasted.get(&(i, j)) {
            evidence.push(Evidence::note(format!("the article sets them against each other ('{joiner}')")));
        }
        if !shared.is_empty() {
            evidence.push(Evidence::note(format!("shared words: {}", shared.join(", "))));
        }
        out.push(CounterClaim {
            claim: ClaimId(i as u32),
            counter: ClaimId(j as u32),
            score: score.min(1.0),
            evidence,
        });
    }
    crate::analysis::sort::sort_by_key(&mut out, |c| c.claim);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn claims_set_against_each_other_are_paired_even_without_shared_words() {
        // The second claim shares no word with the first ("it" stands for the dam), but the
        // sentence sets them against each other with "while"; a later claim sharing a name must
        // not take the pair.
        let text = "Khartoum says Addis Ababa is using the dam to starve the river of water, while Addis Ababa \
                    says it is needed to light the country. Ethiopian minister Abiy Tesfaye said Addis Ababa \
                    would keep talking in Cairo.";
        let analysis = crate::analyze(text);
        let pair = analysis.counter_claims.first().expect("a counter-claim pair");
        let first = analysis.claim(pair.claim).span.slice(text);
        let second = analysis.claim(pair.counter).span.slice(text);
        assert!(first.contains("starve the river"), "{first}");
        assert!(second.contains("light the country"), "{second}");
        assert!(pair.evidence.iter().any(|e| e.note.contains("while")));
    }

    #[test]
    fn claims_on_one_side_are_not_paired() {
        // The first and last claims share "border" and "closed" but are both Chile's.
        let text = "Chile says the border is closed, while Peru says the port is open. Chilean officials said \
                    the border is closed to trucks.";
        let analysis = crate::analyze(text);
        let pairs: Vec<(u32, u32)> = analysis.counter_claims.iter().map(|p| (p.claim.0, p.counter.0)).collect();
        assert_eq!(pairs, [(0, 1)]);
    }
}
