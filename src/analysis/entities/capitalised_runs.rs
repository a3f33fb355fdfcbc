//! Capitalised runs the tagger left out ("Ministry of Defence", "Lachin corridor",
//! "Nagorno-Karabakh"): runs of capitalised words, joined across name-internal connectors and
//! typed by a head word, a title or a role beside them, or their shape. Only the rules with a
//! head word, a title or a role add a name where the tagger was silent.

use super::organisations::{is_org_head, org_noun_beside};
use super::people::{particle, role_after, title_at};
use super::Found;
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Sentence, Token, TokenKind};
use crate::analysis::span::Span;

/// A run's name once typed: its tokens `first..end`, kind, confidence and evidence.
type Typed = (usize, usize, EntityKind, f32, Evidence);

/// Adds the runs on tokens outside `blocked` (taken, or part of any name the tagger found) that
/// a head word or a title types.
pub(super) fn add(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    lex: &Lexicon,
    blocked: &[bool],
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let mut sentence_start = vec![false; tokens.len()];
    for s in sentences {
        if let Some(x) = sentence_start.get_mut(s.first_token as usize) {
            *x = true;
        }
    }
    for (start, end) in capitalised_runs(text, tokens, lex, blocked) {
        if let Some((s, e, kind, confidence, evidence)) =
            classify_run(text, tokens, lex, start, end, sentence_start[start])
        {
            // Only the rules with a head word or a title speak where the tagger was silent.
            if confidence < 0.7
                || e > tokens.len()
                || taken[s..e].iter().any(|t| *t)
                || lex.demonyms.contains(tokens[s].span.slice(text))
            {
                continue;
            }
            let kind = if is_org_head(lex, tokens[e - 1].span.slice(text)) { EntityKind::Org } else { kind };
            taken[s..e].iter_mut().for_each(|t| *t = true);
            found.push(Found::by_rule(s, e, kind, confidence, evidence));
        }
    }
}

/// Joins a capitalised run's tokens across name-internal connectors ("Nagorno-Karabakh", "Bank of England").
fn capitalised_runs(text: &str, tokens: &[Token], lex: &Lexicon, taken: &[bool]) -> Vec<(usize, usize)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let name_word = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && !taken[i]
            && is_capitalised(piece(i))
            && !lex.function_words.contains_lower(piece(i))
    };
    // A hyphen with no space after it, or a connector with one: "of", "for", "and" (before an
    // organisation head word only: "Competition and Markets Authority"), a name particle.
    let joins = |end: usize| {
        let joiner = piece(end);
        (matches!(joiner, "-" | "of" | "for" | "and") || particle(lex, joiner).joins)
            && tokens[end + 1].space_before != (joiner == "-")
            && (joiner != "and" || lex.org_words.contains(piece(end + 1)))
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && name_word(end) && tokens[end].newlines_before < 2 {
                end += 1;
            } else if end + 1 < tokens.len() && name_word(end + 1) && joins(end) {
                end += 2;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// Types a capitalised run by what surrounds it, after cutting the honorifics and capitalised
/// titles before it; `None` for a lone word at a sentence start, which may be any word.
fn classify_run(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    start: usize,
    end: usize,
    sentence_start: bool,
) -> Option<Typed> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let first = start;
    let mut start = start;
    // Honorifics and capitalised titles, whole title phrases included ("Secretary of State"),
    // are not part of the name.
    while end - start > 1 {
        let len = title_at(text, tokens, lex, start, end);
        if len == 0 || len >= end - start {
            break;
        }
        start += len;
    }
    // What follows a title through a lower-case word is the title's field, not a name
    // ("Secretary" + "of State", "Minister" + "for Europe").
    if start > first && !is_capitalised(piece(start)) {
        return None;
    }
    by_head_word(text, tokens, lex, start, end)
        .or_else(|| as_person(text, tokens, lex, start, end))
        .or_else(|| by_shape(text, tokens, start, end, sentence_start))
}

/// An organisation or place by a head word in or beside the run ("European Council", "Ministry
/// of Water Resources", "Lachin corridor"), or an organisation by a common noun beside it.
fn by_head_word(text: &str, tokens: &[Token], lex: &Lexicon, start: usize, end: usize) -> Option<Typed> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let last = piece(end - 1);
    if lex.org_words.contains(last) || end - start >= 2 && lex.company_words.contains(last) {
        return Some((start, end, EntityKind::Org, 0.8, Evidence::note(format!("organisation head word '{last}'"))));
    }
    // "Ministry of Water Resources", "Department for Transport": the head word comes first.
    let first = piece(start);
    if end - start >= 3 && lex.org_words.contains(first) && matches!(piece(start + 1), "of" | "for") {
        return Some((start, end, EntityKind::Org, 0.8, Evidence::note(format!("organisation head word '{first}'"))));
    }
    if end < tokens.len() && lex.place_words.contains_lower(piece(end)) && !is_capitalised(piece(end)) {
        let next = piece(end).to_lowercase();
        return Some((start, end + 1, EntityKind::Place, 0.75, Evidence::note(format!("place head word '{next}'"))));
    }
    org_noun_beside(text, tokens, lex, start, end).map(|evidence| (start, end, EntityKind::Org, 0.8, evidence))
}

/// A person by a role in apposition after the run or a title or honorific before it.
fn as_person(text: &str, tokens: &[Token], lex: &Lexicon, start: usize, end: usize) -> Option<Typed> {
    // "Hana Gebremedhin, the ministry's spokesperson,": two or three names, then a role.
    if let Some(k) = role_after(text, tokens, lex, start, end) {
        let evidence = Evidence::at(tokens[k].span, "a role in apposition after the name");
        return Some((start, end, EntityKind::Person, 0.75, evidence));
    }
    let before = (start > 0).then(|| tokens[start - 1].span.slice(text));
    let titled = before.is_some_and(|b| lex.honorifics.contains(b) || lex.titles.contains_lower(b));
    titled.then(|| {
        let evidence = Evidence::at(tokens[start - 1].span, "title or honorific before the name");
        (start, end, EntityKind::Person, 0.85, evidence)
    })
}

/// The run's type by its shape alone: an acronym, a hyphenated name, several words, one word.
fn by_shape(text: &str, tokens: &[Token], start: usize, end: usize, sentence_start: bool) -> Option<Typed> {
    let span_text = Span::new(tokens[start].span.start as usize, tokens[end - 1].span.end as usize).slice(text);
    if span_text.len() >= 2 && span_text.len() <= 6 && span_text.chars().all(|c| c.is_uppercase() || c == '.') {
        return Some((start, end, EntityKind::Org, 0.6, Evidence::note("acronym")));
    }
    if sentence_start && end - start == 1 {
        return None;
    }
    if (start..end).any(|i| tokens[i].span.slice(text) == "-") {
        return Some((start, end, EntityKind::Place, 0.4, Evidence::note("hyphenated capitalised name")));
    }
    if end - start >= 2 {
        return Some((start, end, EntityKind::Person, 0.55, Evidence::note("several capitalised words")));
    }
    Some((start, end, EntityKind::Place, 0.35, Evidence::note("capitalised word")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tests::check;
    use crate::analysis::{lexicon::LEXICON, tokens::tokenize};

    #[test]
    fn place_head_word_after_the_run() {
        // The rule itself (the tagger now finds "Lachin" on its own, so the run never reaches it
        // in this sentence): a lower-case place word closes the run's name.
        let text = "The Lachin corridor is shut.";
        let tokens = tokenize(text);
        let typed = by_head_word(text, &tokens, &LEXICON, 1, 2).expect("a place");
        assert_eq!((typed.0, typed.1, typed.2), (1, 3, EntityKind::Place));
    }

    #[test]
    fn table() {
        check(&[
            (
                "org_head_word",
                "He met the European Council in Brussels.",
                &[("European Council", "ORG"), ("Brussels", "PLACE")],
            ),
            ("hyphenated", "They fought over Nagorno-Karabakh.", &[("Nagorno-Karabakh", "PLACE")]),
            (
                "head_word_first",
                "Officials at India's Ministry of External Affairs and the Armed Forces of the Philippines spoke.",
                &[
                    ("India", "PLACE"),
                    ("Ministry of External Affairs", "ORG"),
                    ("Armed Forces of the Philippines", "ORG"),
                ],
            ),
            (
                "a_role_in_apposition_makes_a_person",
                "Hana Gebremedhin, the ministry's spokesperson, denied it.",
                &[("Hana Gebremedhin", "PERSON")],
            ),
            (
                "a_title_phrase_is_no_name",
                "Secretary of State Lorna Vask said the port was shut.",
                &[("Lorna Vask", "PERSON")],
            ),
            (
                "a_title_field_after_of_is_no_name",
                "The Minister for Fisheries Tomas Brell was not in Oslo.",
                &[("Tomas Brell", "PERSON"), ("Oslo", "PLACE")],
            ),
        ]);
    }
}
