//! The statistical tagger's names (`ner`): cut to what the gold conventions count as the name
//! (no leading "the", no title before a person, no trailing possessive), typed by an
//! organisation head word, then added where the rules for dates and the knowledge base left
//! their tokens free.

use super::acronyms::is_acronym;
use super::organisations::{is_org_head, org_head_before_of};
use super::people::title_at;
use super::{is_nationality, is_possessive, Found};
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Sentence, Token, TokenKind};
use crate::analysis::ner::{self, Label, Tagged};

/// The tagger's names in the text, trimmed; what is not a name at all is left out.
pub(super) fn tag(text: &str, tokens: &[Token], sentences: &[Sentence], lex: &Lexicon) -> Vec<Tagged> {
    ner::tag_names(text, tokens, sentences).into_iter().filter_map(|t| trim_tagged(text, tokens, lex, t)).collect()
}

/// Adds the tagged people, organisations and places on free tokens. Returns the tokens the
/// tagger judged part of a name of any kind (an event, a nationality), taken or not: the
/// head-word rules must not make them an entity.
pub(super) fn add(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    tagged: &[Tagged],
    taken: &mut [bool],
    found: &mut Vec<Found>,
) -> Vec<bool> {
    let mut blocked = taken.to_vec();
    for t in tagged {
        if taken[t.first..t.end].iter().any(|x| *x) {
            continue;
        }
        blocked[t.first..t.end].iter_mut().for_each(|x| *x = true);
        // A name the tagger filed as "other" but that ends like a company or an institution
        // ("Tarn Shipping", "Harbour Authority") is an organisation.
        let last = tokens[t.end - 1].span.slice(text);
        let org_like = t.end - t.first >= 2 && (lex.company_words.contains(last) || lex.org_words.contains(last));
        let Some(kind) = kind_of(t.label).or(org_like.then_some(EntityKind::Org)) else { continue };
        taken[t.first..t.end].iter_mut().for_each(|x| *x = true);
        let confidence = (0.5 + 0.5 * (1.0 - (-t.margin / 40.0).exp())).clamp(0.5, 0.99);
        let evidence =
            Evidence::note(format!("statistical tagger (margin {})", crate::analysis::decimal::fixed(t.margin, 1)));
        found.push(Found::by_rule(t.first, t.end, kind, confidence, evidence));
    }
    blocked
}

fn kind_of(label: Label) -> Option<EntityKind> {
    match label {
        Label::Person => Some(EntityKind::Person),
        Label::Org => Some(EntityKind::Org),
        Label::Place => Some(EntityKind::Place),
        Label::Misc => None,
    }
}

/// Cuts what the gold conventions keep outside a name: a leading "the", titles before a
/// person, a trailing possessive. Returns `None` for what is not a name at all: nationality
/// adjectives ("Armenian", "Germans") and lone function words.
fn trim_tagged(text: &str, tokens: &[Token], lex: &Lexicon, mut t: Tagged) -> Option<Tagged> {
    let piece = |k: usize| tokens[k].span.slice(text);
    while t.end - t.first > 1 && matches!(piece(t.first), "the" | "The") {
        t.first += 1;
    }
    while t.end - t.first > 1 && (is_possessive(piece(t.end - 1)) || matches!(piece(t.end - 1), "'" | "’")) {
        t.end -= 1;
    }
    t.end = cut_at_lower_case(text, tokens, lex, &t);
    // A title before a name the tagger did not call a person ("Captain Rochester" filed as an
    // organisation) makes it a person's, when one or two capitalised words follow that no
    // company or organisation word is among ("General Motors", "Judge Business School" stay).
    if t.label != Label::Person && is_capitalised(piece(t.first)) {
        let title = title_at(text, tokens, lex, t.first, t.end);
        let name = t.first + title..t.end;
        if title > 0
            && (1..=2).contains(&name.len())
            && name.clone().all(|k| is_capitalised(piece(k)) && !lex.company_words.contains(piece(k)))
            && !name.clone().any(|k| is_org_head(lex, piece(k)))
        {
            t.label = Label::Person;
        }
    }
    // An acronym is an organisation's name, not a person's ("RAF", "RAF Croughton").
    if t.label == Label::Person && is_acronym(lex, piece(t.first)) {
        t.label = Label::Org;
    }
    if t.label == Label::Person {
        while t.end - t.first > 1 && !is_capitalised(piece(t.first)) {
            t.first += 1;
        }
        while t.end - t.first > 1 {
            let mut len = title_at(text, tokens, lex, t.first, t.end);
            // A nationality or a country before a title goes with it ("Syrian President",
            // "US Ambassador"): the title's, not the person's.
            let w = piece(t.first);
            if len == 0 && (is_nationality(lex, w) || lex.country_names.contains(w)) {
                len = title_at(text, tokens, lex, t.first + 1, t.end).min(t.end - t.first - 1);
                len += usize::from(len > 0);
            }
            if len == 0 || len >= t.end - t.first {
                break;
            }
            t.first += len;
        }
    }
    // A company word right after the name ends a company's name the tagger cut short
    // ("Tarn" + "Shipping").
    if t.end < tokens.len()
        && tokens[t.end].kind == TokenKind::Word
        && tokens[t.end].newlines_before == 0
        && lex.company_words.contains(piece(t.end))
    {
        t.end += 1;
        t.label = Label::Org;
    }
    // A name the tagger filed as "other" followed by a lower-case place word is a place's name
    // ("Lachin corridor"), as for a capitalised run the tagger left out; a nationality is not
    // ("the Armenian border"). A place followed by a word for a route ("corridor", "road") is
    // that route's name; a place before "region" or "border" stays the place.
    let next_lower_word = tokens
        .get(t.end)
        .filter(|n| n.kind == TokenKind::Word && n.newlines_before == 0 && !is_capitalised(n.span.slice(text)))
        .map(|n| n.span.slice(text));
    let names_more = next_lower_word.is_some_and(|w| match t.label {
        Label::Misc => lex.place_words.contains(w),
        Label::Place => lex.route_words.contains(w),
        _ => false,
    });
    if names_more && !is_nationality(lex, piece(t.end - 1)) {
        t.end += 1;
        t.label = Label::Place;
    }
    // An organisation head word decides the type, at the end ("Israel Defense Forces", "Shifa
    // Hospital") or before "of" ("Church of Scientology", "Bank of England"), and the name runs
    // on through "of" ("Department of State").
    if is_org_head(lex, piece(t.end - 1)) && t.end - t.first > 1
        || t.end - t.first == 1 && t.label == Label::Org && is_org_head(lex, piece(t.first))
        || org_head_before_of(text, tokens, lex, t.first, t.end)
    {
        t.label = Label::Org;
        t.end = through_of(text, tokens, lex, t.end);
    }
    if t.end - t.first == 1 {
        let p = piece(t.first);
        if title_at(text, tokens, lex, t.first, t.end) == 1 {
            return None;
        }
        if lex.demonyms.contains(p)
            || lex.function_words.contains_lower(p)
            || !tokens[t.first].kind.eq(&TokenKind::Word) && t.label != Label::Misc
        {
            return None;
        }
        if !is_capitalised(p) {
            return None;
        }
    }
    Some(t)
}

/// Where a name the tagger ran on into lower-case words ends ("European Council in Brussels",
/// "the FNSEA union", "Western audiences"): the gold conventions end a name at its capitalised
/// words, which a lower-case word may only join ("Bank of England", "Mohammed bin Salman"); a
/// place word may close it ("Lachin corridor"). A possessive is left to the rules that split it.
fn cut_at_lower_case(text: &str, tokens: &[Token], lex: &Lexicon, t: &Tagged) -> usize {
    let piece = |k: usize| tokens[k].span.slice(text);
    for (k, token) in tokens.iter().enumerate().take(t.end).skip(t.first + 1) {
        let word = piece(k);
        if token.kind != TokenKind::Word || is_capitalised(word) || is_possessive(word) {
            continue;
        }
        let joins = (matches!(word, "of" | "for" | "and" | "the" | "on" | "de" | "la" | "du" | "del" | "da" | "y")
            || lex.name_particles.contains_key(word))
            && k + 1 < t.end
            && (is_capitalised(piece(k + 1)) || piece(k + 1) == "-");
        let closes = k + 1 == t.end && lex.place_words.contains(&word.to_lowercase());
        if !joins && !closes {
            return k;
        }
    }
    t.end
}

/// The end of an organisation's name ending at `end` once it runs on through "of" and the
/// capitalised words after it ("Church" + "of Scientology"); `end` when no "of" follows.
fn through_of(text: &str, tokens: &[Token], lex: &Lexicon, end: usize) -> usize {
    let piece = |k: usize| tokens[k].span.slice(text);
    let mut end = end;
    if end + 1 < tokens.len()
        && piece(end) == "of"
        && is_capitalised(piece(end + 1))
        && tokens[end + 1].kind == TokenKind::Word
    {
        end += 2;
        while end < tokens.len()
            && tokens[end].kind == TokenKind::Word
            && is_capitalised(piece(end))
            && !lex.function_words.contains_lower(piece(end))
        {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::tests::check;
    use crate::analysis::{lexicon::LEXICON, tokens::tokenize};

    #[test]
    fn lower_case_words_end_a_tagged_name() {
        // (text, the tagged tokens, the name kept)
        let cases = [
            ("cut_before_in", "the European Council in Brussels agreed", (1, 5), "European Council"),
            ("cut_a_common_noun", "the FNSEA union", (1, 3), "FNSEA"),
            ("of_joins", "the Bank of England said", (1, 4), "Bank of England"),
            ("particle_joins", "Mohammed bin Salman said", (0, 3), "Mohammed bin Salman"),
            ("place_word_closes", "the Lachin corridor", (1, 3), "Lachin corridor"),
            ("of_at_the_end_cut", "the Bank of", (1, 3), "Bank"),
        ];
        for (name, text, (first, end), want) in cases {
            let tokens = tokenize(text);
            let t = Tagged { first, end, label: Label::Org, margin: 1.0 };
            let cut = cut_at_lower_case(text, &tokens, &LEXICON, &t);
            let got = &text[tokens[first].span.start as usize..tokens[cut - 1].span.end as usize];
            assert_eq!(got, want, "case {name}");
        }
    }

    #[test]
    fn a_nationality_or_country_before_a_title_is_cut_from_a_person() {
        // (text, the tagged tokens, the name kept)
        let cases = [
            ("nationality", "backed by Norwegian Prime Minister Ingrid Solberg today", (2, 7), "Ingrid Solberg"),
            ("country", "said US Ambassador Tom Reyes", (1, 5), "Tom Reyes"),
            ("no_title_kept", "met Norwegian Ingrid Solberg", (1, 4), "Norwegian Ingrid Solberg"),
        ];
        for (name, text, (first, end), want) in cases {
            let tokens = tokenize(text);
            let t = Tagged { first, end, label: Label::Person, margin: 1.0 };
            let t = trim_tagged(text, &tokens, &LEXICON, t).expect("a name");
            let got = &text[tokens[t.first].span.start as usize..tokens[t.end - 1].span.end as usize];
            assert_eq!(got, want, "case {name}");
        }
    }

    #[test]
    fn a_title_an_organisation_head_or_an_acronym_decides_the_type() {
        // (text, the tagged tokens, the tagger's label, the name kept, its label)
        let cases = [
            ("title_before_a_surname", "said Captain Rochester today", (1, 3), Label::Org, "Rochester", Label::Person),
            ("company_after_a_title", "said General Motors today", (1, 3), Label::Org, "General Motors", Label::Org),
            (
                "org_head_before_of",
                "the Church of Scientology said",
                (1, 4),
                Label::Person,
                "Church of Scientology",
                Label::Org,
            ),
            ("acronym_first", "near RAF Croughton today", (1, 3), Label::Person, "RAF Croughton", Label::Org),
            ("country_first", "said US Ambassador Tom Reyes", (1, 5), Label::Person, "Tom Reyes", Label::Person),
        ];
        for (name, text, (first, end), label, want, want_label) in cases {
            let tokens = tokenize(text);
            let t = Tagged { first, end, label, margin: 1.0 };
            let t = trim_tagged(text, &tokens, &LEXICON, t).expect("a name");
            let got = &text[tokens[t.first].span.start as usize..tokens[t.end - 1].span.end as usize];
            assert_eq!((got, t.label), (want, want_label), "case {name}");
        }
    }

    #[test]
    fn table() {
        check(&[
            ("demonyms_are_not_places", "Azerbaijani and German officials met Armenians.", &[]),
            ("quoted_pronoun_is_nothing", "“Nobody wants a war,” he said.", &[]),
            (
                "company_the_tagger_filed_as_other",
                "Workers said Tarn Shipping cut pay on Monday.",
                &[("Tarn Shipping", "ORG"), ("Monday", "DATE")],
            ),
            ("title_outside_person", "Prime Minister Ehud Olmert spoke.", &[("Ehud Olmert", "PERSON")]),
            ("org_head_runs_through_of", "The Church of Scientology denied it.", &[("Church of Scientology", "ORG")]),
        ]);
    }
}
