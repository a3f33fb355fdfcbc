//! Passes over the whole text, so that a name means one thing throughout: bare occurrences of a
//! name found elsewhere get its type (a surname at a sentence start, "Paris said" after "Valeska
//! Paris"), and every occurrence of a name takes the type most of its occurrences have.

use super::acronyms::is_acronym;
use super::organisations::{is_org_head, org_head_before_of};
use super::people::title_at;
use super::{is_nationality, is_possessive, Found};
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Token, TokenKind};
use crate::analysis::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};

/// Gives bare occurrences of names found elsewhere in the text the same type: a person's
/// surname ("Hajiyev said", even at a sentence start), a name the tagger missed once. A
/// person's surname also wins over the knowledge base ("Valeska Paris" … "Paris said").
pub(super) fn propagate(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    join_people_and_places(text, tokens, lex, taken, found);
    retype_by_lone_person(text, tokens, lex, found);
    let (surnames, known) = known_names(text, tokens, found);
    // A knowledge-base place that is this text's surname becomes the person.
    for f in found.iter_mut() {
        if f.end - f.first == 1 && f.kind == EntityKind::Place && surnames.contains(tokens[f.first].span.slice(text)) {
            f.kind = EntityKind::Person;
            f.canonical = None;
            f.evidence.push(Evidence::note("a person's surname in this text"));
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if taken[i] || token.kind != TokenKind::Word {
            continue;
        }
        let piece = token.span.slice(text);
        if !is_capitalised(piece) || lex.demonyms.contains(piece) {
            continue;
        }
        if let Some(kind) = known.get(piece) {
            taken[i] = true;
            let evidence = Evidence::note("the same name elsewhere in the text");
            found.push(Found::by_rule(i, i + 1, *kind, 0.7, evidence));
        }
    }
}

/// A person's name followed at once by a knowledge-base place is one name ("Valeska Paris"), and
/// so is an unrecognised capitalised word before such a place ("Valeska Paris" at a paragraph
/// start). Sorts `found`.
fn join_people_and_places(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    crate::analysis::sort::sort_by_key(found, |f| f.first);
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        let single_place = f.kind == EntityKind::Place && f.canonical.is_some() && f.end - f.first == 1;
        if single_place
            && may_be_surname(text, tokens, lex, f.first)
            && f.first > 0
            && !taken[f.first - 1]
            && tokens[f.first].space_before
            && tokens[f.first].newlines_before == 0
            && is_plain_first_name(text, tokens, lex, f.first - 1)
        {
            taken[f.first - 1] = true;
            f.first -= 1;
            f.kind = EntityKind::Person;
            f.canonical = None;
            f.evidence.push(Evidence::note("a first name before a place name"));
        }
        if let Some(last) = merged.last_mut() {
            let joins = last.kind == EntityKind::Person
                && f.kind == EntityKind::Place
                && f.canonical.is_some()
                && last.end == f.first
                && f.end - f.first == 1
                && tokens[f.first].space_before
                && tokens[f.first].newlines_before == 0;
            if joins {
                last.end = f.end;
                continue;
            }
        }
        merged.push(f);
    }
    *found = merged;
}

/// True when the place name at `i` may be a person's surname: not an acronym ("US", "UAE"), and
/// not the country of a title after it ("Former US Ambassador", "a Paris Mayor").
fn may_be_surname(text: &str, tokens: &[Token], lex: &Lexicon, i: usize) -> bool {
    let word = tokens[i].span.slice(text);
    !word.chars().all(|c| c.is_uppercase() || c == '.')
        && (i + 1 >= tokens.len() || title_at(text, tokens, lex, i + 1, tokens.len()) == 0)
}

/// True for a capitalised word at `i` that may be a first name before a place's name: one
/// capital, not a function word, nationality, title or a word that qualifies places ("Old").
fn is_plain_first_name(text: &str, tokens: &[Token], lex: &Lexicon, i: usize) -> bool {
    let word = tokens[i].span.slice(text);
    tokens[i].kind == TokenKind::Word
        && is_capitalised(word)
        && word.chars().skip(1).all(char::is_lowercase)
        && !lex.function_words.contains_lower(word)
        && !lex.demonyms.contains(word)
        && title_at(text, tokens, lex, i, i + 1) == 0
        && !lex.place_qualifiers.contains(word)
}

/// A longer name ending in a word that is a person on its own elsewhere is that person
/// ("President Aliyev" … "Ilham Aliyev", whatever the tagger thought of the longer one), unless
/// an organisation's head word says otherwise ("Shifa Hospital", "Church of Scientology").
fn retype_by_lone_person(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
    let lone_people: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person && f.end - f.first == 1)
        .map(|f| tokens[f.first].span.slice(text))
        .collect();
    for f in found.iter_mut() {
        let last = tokens[f.end - 1].span.slice(text);
        if f.end - f.first >= 2
            && f.canonical.is_none()
            && matches!(f.kind, EntityKind::Org | EntityKind::Place)
            && !is_org_head(lex, last)
            && !is_acronym(lex, tokens[f.first].span.slice(text))
            && !org_head_before_of(text, tokens, lex, f.first, f.end)
            && lone_people.contains(last)
        {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("its last word is a person elsewhere in this text"));
        }
    }
}

/// The surnames of the people in the text, and the type of every one-word name and full
/// person's name found (a surname is a person).
fn known_names<'t>(
    text: &'t str,
    tokens: &[Token],
    found: &[Found],
) -> (FxHashSet<&'t str>, FxHashMap<&'t str, EntityKind>) {
    let mut surnames: FxHashSet<&str> = FxHashSet::default();
    let mut known: FxHashMap<&str, EntityKind> = FxHashMap::default();
    for f in found.iter() {
        let surface = f.span(tokens).slice(text);
        match f.kind {
            EntityKind::Person if f.end - f.first >= 2 && tokens[f.end - 1].kind == TokenKind::Word => {
                surnames.insert(tokens[f.end - 1].span.slice(text));
                known.entry(surface).or_insert(f.kind);
            }
            EntityKind::Person | EntityKind::Org | EntityKind::Place
                if f.canonical.is_none() && f.end - f.first == 1 =>
            {
                known.entry(surface).or_insert(f.kind);
            }
            _ => {}
        }
    }
    for s in &surnames {
        known.insert(s, EntityKind::Person);
    }
    (surnames, known)
}

/// A name of two or more words means one thing throughout a text: every occurrence takes the
/// type with the most confidence summed over its occurrences (the knowledge base's type when it
/// knows the name), so "Harwell Shipping" at a sentence start is the company named before. A
/// one-word name takes the one kind of the longer names it begins or ends.
pub(super) fn one_type_per_name(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
    let winner = majority_types(text, tokens, found);
    let kinds_of_word = kinds_of_edge_words(text, tokens, found);
    person_tails_are_people(text, tokens, found);
    for f in found.iter_mut().filter(|f| f.end - f.first == 1 && f.canonical.is_none()) {
        let word = tokens[f.first].span.slice(text);
        if is_nationality(lex, word) {
            continue;
        }
        if let Some(kinds) = kinds_of_word.get(word).filter(|k| k.len() == 1) {
            let kind = *kinds.iter().next().expect("one kind");
            if kind != f.kind && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place) {
                f.kind = kind;
                f.evidence.push(Evidence::note("part of a longer name of this kind in the text"));
            }
        }
    }
    if winner.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        if let Some(&kind) = winner.get(f.span(tokens).slice(text)) {
            if f.kind != kind && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place) {
                f.kind = kind;
                f.evidence.push(Evidence::note("the same name is typed this way elsewhere in the text"));
            }
        }
    }
}

/// The winning type of each name of two or more words typed more than one way.
fn majority_types<'t>(text: &'t str, tokens: &[Token], found: &[Found]) -> FxHashMap<&'t str, EntityKind> {
    let mut votes: FxHashMap<&str, FxHashMap<EntityKind, f32>> = FxHashMap::default();
    for f in found
        .iter()
        .filter(|f| f.end - f.first >= 2 && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place))
    {
        let weight = if f.canonical.is_some() { 10.0 } else { f.confidence };
        *votes.entry(f.span(tokens).slice(text)).or_default().entry(f.kind).or_default() += weight;
    }
    votes
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .filter_map(|(name, v)| {
            v.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.label().cmp(a.0.label()))).map(|(k, _)| (name, k))
        })
        .collect()
}

/// The kinds of the longer names each word begins or ends ("Turkana" after "Lake Turkana",
/// "Harland" after "Jessica Harland"), names with a possessive left out.
fn kinds_of_edge_words<'t>(
    text: &'t str,
    tokens: &[Token],
    found: &[Found],
) -> FxHashMap<&'t str, FxHashSet<EntityKind>> {
    let mut kinds_of_word: FxHashMap<&str, FxHashSet<EntityKind>> = FxHashMap::default();
    for f in found.iter().filter(|f| f.end - f.first >= 2) {
        if (f.first..f.end).any(|k| is_possessive(tokens[k].span.slice(text))) {
            continue;
        }
        for k in [f.first, f.end - 1] {
            kinds_of_word.entry(tokens[k].span.slice(text)).or_default().insert(f.kind);
        }
    }
    kinds_of_word
}

/// "Van Acker" after "Pieter Van Acker": the end of a longer person's name is that person.
fn person_tails_are_people(text: &str, tokens: &[Token], found: &mut [Found]) {
    let person_tails: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person && f.end - f.first >= 3)
        .map(|f| Span::new(tokens[f.first + 1].span.start as usize, tokens[f.end - 1].span.end as usize).slice(text))
        .collect();
    for f in found.iter_mut().filter(|f| f.end - f.first >= 2 && f.canonical.is_none() && f.kind != EntityKind::Person)
    {
        if person_tails.contains(f.span(tokens).slice(text)) {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("the end of a person's name found in the text"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "sentence_start_surname",
                "Hikmet Hajiyev spoke first. Hajiyev said the talks failed.",
                &[("Hikmet Hajiyev", "PERSON"), ("Hajiyev", "PERSON")],
            ),
            (
                "one_type_per_name",
                "Dock workers at Harwell Shipping walked out.\n\nThe union says pay is low. Harwell Shipping says the offer is fair.",
                &[("Harwell Shipping", "ORG"), ("Harwell Shipping", "ORG")],
            ),
            (
                "capital_as_surname",
                "Valeska Paris was held on a ship. Paris said she was afraid.",
                &[("Valeska Paris", "PERSON"), ("Paris", "PERSON")],
            ),
            (
                "a_country_before_a_title_is_no_surname",
                "Former UK Ambassador Ruth Camden wrote on a blog.",
                &[("UK", "PLACE"), ("Ruth Camden", "PERSON")],
            ),
        ]);
    }
}
