//! Stage 4, entities: people, organisations, places, dates and numbers, and the clusters that
//! tie every mention of one entity together ("Ilham Aliyev" = "Aliyev" = "President Aliyev").
//!
//! Names come from four sources, merged in this order of trust: rules for dates and numbers; a
//! trained statistical tagger (`ner`, a linear-chain model over hashed features) for people,
//! organisations and places; the knowledge base (countries, capitals, metonyms, international
//! organisations; aho-corasick, leftmost-longest), which fixes the type of the names it knows
//! unless the tagger found a longer name around them ("Valeska Paris", "US Air Force"); and
//! head-word rules for capitalised runs the tagger left out ("Ministry of Defence", "Lachin
//! corridor"). Then rules that read the words around a name fix its type or its extent: a noun
//! for an organisation beside it ("the FNSEA union"), a dateline ("NAIROBI (Reuters) -"), an
//! organisation name the tagger cut short ("Competition and Markets Authority"), a possessive
//! between two names ("Nalvia's Interior Ministry"), initials ("PWU"), a company's short name
//! ("Solvane" for "Solvane Technologies"), a place word ("Lake Turkana"). Last, document-level
//! passes give every bare occurrence of a name found elsewhere in the text the same type (a
//! surname at a sentence start, "Paris said"), and one name one type throughout.
//!
//! Before the names, words that are never one ("COVID", "Brexit") and storms ("Hurricane Dorian")
//! are set aside (`not_names.rs`).
//!
//! [`recognize`] runs the passes in that order; each lives in the file of its concern:
//! `dates.rs`, `not_names.rs`, `tagged_names.rs` (the tagger's names), `knowledge_base.rs`,
//! `capitalised_runs.rs` (head words where the tagger was silent), `organisations.rs`,
//! `places.rs`, `people.rs` (titles, roles, name particles, first names), `acronyms.rs`,
//! `whole_text.rs` (one name, one type across the text) and `clusters.rs`.

mod acronyms;
mod capitalised_runs;
mod clusters;
mod dates;
mod knowledge_base;
mod not_names;
mod organisations;
mod people;
mod places;
mod tagged_names;
mod whole_text;

use super::document::Document;
use super::lexicon::{Lexicon, LowerCase};
use super::model::{Cluster, Entity, EntityKind, Evidence, Token};
use super::span::Span;

/// A found mention before clustering: tokens `first..end`.
struct Found {
    first: usize,
    end: usize,
    kind: EntityKind,
    confidence: f32,
    evidence: Vec<Evidence>,
    /// The knowledge base's name for it, when the knowledge base found it.
    canonical: Option<&'static str>,
}

impl Found {
    /// A mention found by a rule (not by the knowledge base), with one piece of evidence.
    fn by_rule(first: usize, end: usize, kind: EntityKind, confidence: f32, evidence: Evidence) -> Found {
        Found { first, end, kind, confidence, evidence: vec![evidence], canonical: None }
    }

    /// Its bytes in the text.
    fn span(&self, tokens: &[Token]) -> Span {
        Span::new(tokens[self.first].span.start as usize, tokens[self.end - 1].span.end as usize)
    }
}

/// Finds entity mentions and groups them into clusters.
pub fn recognize(doc: &Document) -> (Vec<Entity>, Vec<Cluster>) {
    let (text, tokens, sentences, lex) = (doc.text, &doc.tokens[..], &doc.sentences[..], doc.lex);
    // Tokens already in a mention; each pass adds mentions only on tokens no earlier pass took.
    let mut taken = vec![false; tokens.len()];
    let mut found = Vec::new();
    dates::dates_and_numbers(text, tokens, lex, &mut taken, &mut found);
    not_names::take_non_names(text, tokens, sentences, lex, &mut taken);
    let tagged = tagged_names::tag(text, tokens, sentences, lex);
    knowledge_base::gazetteer_matches(text, tokens, &tagged, &mut taken, &mut found);
    let blocked = tagged_names::add(text, tokens, lex, &tagged, &mut taken, &mut found);
    capitalised_runs::add(text, tokens, sentences, lex, &blocked, &mut taken, &mut found);
    organisations::retype_by_org_noun(text, tokens, lex, &mut found);
    places::dateline_places(text, tokens, &mut taken, &mut found);
    organisations::extend_org_names(text, tokens, lex, &mut taken, &mut found);
    organisations::split_possessives(text, tokens, lex, &mut found);
    acronyms::acronyms_of_names(text, tokens, &mut taken, &mut found);
    whole_text::propagate(text, tokens, lex, &mut taken, &mut found);
    people::extend_first_names(text, tokens, lex, &mut taken, &mut found);
    people::extend_name_particles(text, tokens, lex, &mut taken, &mut found);
    people::people_by_role(text, tokens, lex, &mut taken, &mut found);
    places::retype_by_place_word(text, tokens, lex, &mut found);
    organisations::company_short_names(text, tokens, lex, &mut taken, &mut found);
    whole_text::one_type_per_name(text, tokens, lex, &mut found);
    drop_lone_adjectives_and_titles(text, tokens, lex, &mut found);
    crate::analysis::sort::sort_by_key(&mut found, |f| f.first);
    clusters::cluster(text, tokens, lex, found)
}

/// A nationality or direction adjective alone is not a name ("a Philippine supply boat",
/// "Western audiences"), nor is a title alone a person ("Prime Minister" before the name), nor a
/// capitalised common noun alone, after a determiner or not ("This Court", "Cabinet officers").
fn drop_lone_adjectives_and_titles(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut Vec<Found>) {
    found.retain(|f| {
        let word = tokens[f.first].span.slice(text);
        let adjective = is_nationality(lex, word) || lex.direction_adjectives.contains(word);
        !(f.end - f.first == 1 && f.canonical.is_none() && adjective)
    });
    found.retain(|f| {
        !(f.kind == EntityKind::Person && people::title_at(text, tokens, lex, f.first, f.end) >= f.end - f.first)
    });
    // A common noun that is the head word of a longer name in the text stays: it refers to that
    // name ("the Harbour Authority" … "the Authority"), and clustering ties the two.
    let after_determiner = |f: &Found| {
        f.first + usize::from(f.end - f.first == 2 && lex.determiners.contains_lower(tokens[f.first].span.slice(text)))
    };
    let heads: Vec<&str> = found
        .iter()
        .filter(|f| f.end - after_determiner(f) >= 2 && f.kind == EntityKind::Org)
        .map(|f| tokens[f.end - 1].span.slice(text))
        .collect();
    found.retain(|f| {
        let first = after_determiner(f);
        let word = tokens[first].span.slice(text);
        !(f.end - first == 1
            && f.canonical.is_none()
            && lex.lone_common_nouns.contains_lower(word)
            && !heads.contains(&word))
    });
}

/// True for a nationality adjective ("Armenian", or "Philippine", which the demonym column of
/// the countries lacks): such a word alone is not a name.
fn is_nationality(lex: &Lexicon, word: &str) -> bool {
    lex.demonyms.contains(word) || lex.plain_adjectives.contains_key(word)
}

/// True for the possessive ending, a token of its own ("Nalvia" + "'s").
fn is_possessive(piece: &str) -> bool {
    matches!(piece, "'s" | "’s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Document;

    /// A table case: its name, a text, and the entities expected in it (numbers left out).
    pub(super) type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

    fn entities(text: &str) -> Vec<(String, &'static str)> {
        let (e, _) = recognize(&Document::read(text));
        e.iter()
            .filter(|e| e.kind != EntityKind::Number)
            .map(|e| (e.span.slice(text).to_string(), e.kind.label()))
            .collect()
    }

    /// Runs table cases through [`recognize`].
    pub(super) fn check(cases: &[Case]) {
        for (name, text, want) in cases {
            let got = entities(text);
            let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "case {name}");
        }
    }

    #[test]
    fn table() {
        check(&[
            ("a_common_noun_alone_is_no_name", "This Court will rule on it, the Cabinet said.", &[]),
            (
                "a_common_noun_heading_a_name_in_the_text_stays",
                "The Norland Supreme Court met. The Court said so.",
                &[("Norland Supreme Court", "ORG"), ("Court", "ORG")],
            ),
            (
                "country_adjective_is_not_a_name",
                "The Philippine Coast Guard said a Philippine supply boat was hit.",
                &[("Philippine Coast Guard", "ORG")],
            ),
        ]);
    }
}
