//! What the knowledge base says of a name, before any context: the country a name, capital,
//! metonym, demonym or government body stands for, and the international bodies. The indexes are
//! built from the lexicon once per process (`KNOWLEDGE`), not once per text.

use super::view::Ctx;
use super::Camp;
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{FirstBytes, Lexicon, LowerCase, LEXICON};
use crate::analysis::model::{ClusterId, EntityKind};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The knowledge base's indexes of names.
pub(super) struct Knowledge {
    /// Any country name, capital, metonym or demonym → country index.
    pub country_of: FxHashMap<&'static str, usize>,
    /// International bodies' names → canonical name.
    pub body_of: FxHashMap<&'static str, &'static str>,
    /// The first bytes of the names in `country_of`: a word starting otherwise is not one, and
    /// most words are not looked up at all.
    country_first_bytes: FirstBytes,
}

/// The indexes of the one lexicon (the one every `Document` carries), built on first use.
pub(super) static KNOWLEDGE: LazyLock<Knowledge> = LazyLock::new(|| Knowledge::new(&LEXICON));

impl Knowledge {
    /// False when no name in `country_of` starts with the first byte of `word` (most words).
    pub fn may_start_country_name(&self, word: &str) -> bool {
        self.country_first_bytes.may_start(word)
    }

    fn new(lex: &'static Lexicon) -> Knowledge {
        // A name two countries share ("Indian": India and the British Indian Ocean Territory)
        // names the one `shared_country_names` says, or none: it is ambiguous.
        let mut owners: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, c) in lex.countries.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.other_names).chain(&c.capitals).chain(&c.demonyms) {
                let owners = owners.entry(name.as_str()).or_default();
                if !owners.contains(&i) {
                    owners.push(i);
                }
            }
        }
        let mut country_of: FxHashMap<&'static str, usize> =
            owners.into_iter().filter(|(_, o)| o.len() == 1).map(|(name, o)| (name, o[0])).collect();
        for (name, i) in &lex.shared_country_names {
            country_of.insert(name.as_str(), *i);
        }
        // "Philippine" from "Philippines": the adjective the demonym list lacks.
        for (adjective, i) in &lex.plain_adjectives {
            country_of.entry(adjective.as_str()).or_insert(*i);
        }
        for (name, i) in lex.metonyms.iter().chain(&lex.government_bodies) {
            country_of.insert(name.as_str(), *i);
        }
        let mut body_of = FxHashMap::default();
        for names in &lex.organisations {
            for name in names {
                body_of.insert(name.as_str(), names[0].as_str());
            }
        }
        let country_first_bytes = FirstBytes::of(country_of.keys().copied());
        Knowledge { country_of, body_of, country_first_bytes }
    }
}

/// The camp an entity belongs to by what it is, before any context: a country, capital or
/// metonym; a political party ("the Democratic Party"); an international body; an organisation
/// named after a country ("Israel Defense Forces", "US Embassy"); a person whose mention starts
/// with a nationality and a title
/// ("Ukrainian President Petro Poroshenko", when the recogniser keeps the title).
pub(super) fn intrinsic_camp(ctx: &Ctx, cluster: ClusterId) -> Option<Camp> {
    let c = ctx.cluster(cluster);
    if c.kind != EntityKind::Person {
        if let Some(party) = ctx.lex.political_parties.get(c.name.as_str()) {
            return Some(Camp::Group(party.clone()));
        }
    }
    if let Some(&i) = ctx.kb.country_of.get(c.name.as_str()) {
        if c.kind != EntityKind::Person {
            return Some(Camp::Country(i));
        }
    }
    if c.kind == EntityKind::Org {
        if let Some(b) = ctx.kb.body_of.get(c.name.as_str()) {
            return Some(Camp::Body(b.to_string()));
        }
    }
    let words = || c.name.split(|ch: char| ch.is_whitespace() || ch == '-').filter(|w| !w.is_empty());
    // The head of an organisation's name: its last word, or the word before "of" ("Ministry of
    // Foreign Affairs").
    let state_body = || {
        let before_of = words().zip(words().skip(1)).find(|(_, next)| *next == "of").map(|(head, _)| head);
        let heads = || words().next_back().into_iter().chain(before_of);
        heads().any(|w| ctx.lex.state_body_words.contains(w)) && !heads().any(|w| ctx.lex.court_words.contains(w))
    };
    match c.kind {
        // "Russian Defence Ministry", "Israel Defense Forces", "Turkish Ministry of Foreign
        // Affairs": a state body of the country it names; a court ("US Supreme Court") rules
        // between the sides and stands for itself. "Radio New Zealand" or "the New
        // Zealand Medical Association" stand for themselves.
        EntityKind::Org if state_body() => {
            let words: Vec<&str> = words().collect();
            (0..words.len()).find_map(|i| {
                (1..=3.min(words.len() - i))
                    .rev()
                    .find_map(|n| ctx.kb.country_of.get(words[i..i + n].join(" ").as_str()).map(|&k| Camp::Country(k)))
            })
        }
        EntityKind::Person => {
            let mut words = words();
            let (Some(first), Some(second), Some(_)) = (words.next(), words.next(), words.next()) else { return None };
            let first = ctx.kb.country_of.get(first).copied();
            let titled = ctx.lex.titles.contains_lower(second) || ctx.lex.honorifics.contains(second);
            first.filter(|_| titled).map(Camp::Country)
        }
        _ => None,
    }
}

/// A camp named by a single word before a title: a demonym ("German chancellor") or country.
pub(super) fn camp_of_word(ctx: &Ctx, word: &str) -> Option<Camp> {
    if !ctx.kb.may_start_country_name(word) {
        return None;
    }
    ctx.kb.country_of.get(word).map(|&i| Camp::Country(i))
}

/// The political party a capitalised word names ("Democratic mayor", "Republican leaders"), given
/// the word `before` it: after another capitalised word it is part of another party's name
/// ("Liberal Democrat", "Social Democrats"), and names none.
pub(super) fn party_of_word(ctx: &Ctx, word: &str, before: Option<&str>) -> Option<Camp> {
    if !is_capitalised(word) || before.is_some_and(is_capitalised) {
        return None;
    }
    ctx.lex.political_parties.get(word).map(|party| Camp::Group(party.clone()))
}

/// True when `camp` is a political party's (lexicon `political_parties.tsv`).
pub(super) fn is_party_camp(ctx: &Ctx, camp: &Camp) -> bool {
    matches!(camp, Camp::Group(g) if ctx.lex.political_parties.values().any(|p| p == g))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;
    use crate::analysis::model::EntityKind::{Org, Person, Place};

    #[test]
    fn what_a_name_is() {
        check(vec![
            (
                "org_named_after_country",
                "The Chile Navy Command moved ships.",
                vec![("Chile Navy Command", Org)],
                "Chile Navy Command",
                Some("country Chile"),
            ),
            (
                "government_body_without_country",
                "The State Department replied.",
                vec![("State Department", Org)],
                "State Department",
                Some("country United States"),
            ),
            (
                "state_body_named_before_of",
                "The Chilean Ministry of Foreign Affairs replied.",
                vec![("Chilean Ministry of Foreign Affairs", Org)],
                "Chilean Ministry of Foreign Affairs",
                Some("country Chile"),
            ),
            (
                "a_court_named_after_country_stands_for_itself",
                "The Chile Supreme Court ruled.",
                vec![("Chile Supreme Court", Org)],
                "Chile Supreme Court",
                None,
            ),
            (
                "association_named_after_country_before_of",
                "The Chile Association of Fishermen replied.",
                vec![("Chile Association of Fishermen", Org)],
                "Chile Association of Fishermen",
                None,
            ),
            (
                "international_body",
                "The European Union replied.",
                vec![("European Union", Org)],
                "European Union",
                Some("body European Union"),
            ),
            ("capital", "Lima replied.", vec![("Lima", Place)], "Lima", Some("country Peru")),
            (
                "political_party",
                "The Democratic Party replied.",
                vec![("Democratic Party", Org)],
                "Democratic Party",
                Some("group Democrats"),
            ),
            (
                "nationality_and_title_inside_a_name",
                "Peruvian President Ana Silva spoke.",
                vec![("Peruvian President Ana Silva", Person)],
                "Peruvian President Ana Silva",
                Some("country Peru"),
            ),
            ("a_person_named_like_a_country", "Jordan spoke.", vec![("Jordan", Person)], "Jordan", None),
        ]);
    }
}
