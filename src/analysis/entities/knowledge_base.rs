//! The knowledge base's names in the text: countries (their names, other names and capitals),
//! regions, metonyms ("Kremlin") and international organisations, matched as one aho-corasick
//! automaton (leftmost-longest). A known name gets its type and canonical name, unless the
//! tagger found a longer name around it ("Valeska Paris", "US Air Force").

use super::Found;
use crate::analysis::document::{token_ending_at, token_starting_at};
use crate::analysis::lexicon::{Lexicon, LEXICON};
use crate::analysis::model::{EntityKind, Evidence, Token};
use crate::analysis::ner::{Label, Tagged};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// The knowledge-base names, as one automaton with the kind and canonical name of each pattern.
struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<(EntityKind, &'static str)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let lex: &'static Lexicon = &LEXICON;
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut entries = Vec::new();
    for country in &lex.countries {
        for name in std::iter::once(&country.name).chain(&country.other_names).chain(&country.capitals) {
            patterns.push(name.as_str());
            entries.push((EntityKind::Place, name.as_str()));
        }
    }
    for name in &lex.regions {
        patterns.push(name.as_str());
        entries.push((EntityKind::Place, name.as_str()));
    }
    for (name, _) in &lex.metonyms {
        patterns.push(name.as_str());
        entries.push((EntityKind::Place, name.as_str()));
    }
    for names in &lex.organisations {
        for name in names {
            patterns.push(name.as_str());
            entries.push((EntityKind::Org, names[0].as_str()));
        }
    }
    // The contiguous NFA, natively as in the page: a DFA scans a little faster (about 90
    // instructions a word less) but takes some 70 million instructions to build, more than a
    // process saves unless it reads near a million words; naming the kind keeps the DFA's builder
    // out of the page's wasm.
    let kind = Some(AhoCorasickKind::ContiguousNFA);
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(kind)
        .build(&patterns)
        .expect("gazetteer patterns build");
    Gazetteer { automaton, entries }
});

/// Adds the knowledge base's names, except those inside a longer name the tagger found.
pub(super) fn gazetteer_matches(
    text: &str,
    tokens: &[Token],
    tagged: &[Tagged],
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let gaz = &*GAZETTEER;
    // For each token, the tagged name (not MISC) that covers it, so that each lookup is O(1).
    let mut cover: Vec<Option<&Tagged>> = vec![None; tokens.len()];
    for t in tagged.iter().filter(|t| t.label != Label::Misc) {
        cover[t.first..t.end].iter_mut().for_each(|c| *c = Some(t));
    }
    for m in gaz.automaton.find_iter(text) {
        let (Some(first), Some(last)) =
            (token_starting_at(tokens, m.start() as u32), token_ending_at(tokens, m.end() as u32))
        else {
            continue; // not on token boundaries ("US" inside "USSR")
        };
        if taken[first..=last].iter().any(|t| *t) {
            continue;
        }
        let inside_longer =
            cover[first].is_some_and(|t| t.first <= first && t.end > last && t.end - t.first > last + 1 - first);
        if inside_longer {
            continue;
        }
        let (kind, canonical) = gaz.entries[m.pattern().as_usize()];
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        found.push(Found {
            first,
            end: last + 1,
            kind,
            confidence: 0.95,
            evidence: vec![Evidence::note(if kind == EntityKind::Org {
                "knowledge base: organisation"
            } else {
                "knowledge base: country, capital or seat of government"
            })],
            canonical: Some(canonical),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            ("capital_metonym", "Yerevan says Baku is wrong.", &[("Yerevan", "PLACE"), ("Baku", "PLACE")]),
            ("acronym_org", "The EU and NATO met.", &[("EU", "ORG"), ("NATO", "ORG")]),
        ]);
    }
}
