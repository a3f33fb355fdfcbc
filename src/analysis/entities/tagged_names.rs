//! The statistical tagger's names (`ner`): cut to what the gold conventions count as the name
//! (no leading "the", no title before a person, no trailing possessive), typed by an
//! organisation head word, then added where the rules for dates and the knowledge base left
//! their tokens free.

use super::organisations::is_org_head;
use super::people::title_at;
use super::{is_possessive, Found};
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
        let confidence = (0.5 + 0.5 * (1.0 - (-t.margin / 4.0).exp())).clamp(0.5, 0.99);
        let evidence = Evidence::note(format!("statistical tagger (margin {:.1})", t.margin));
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
    if t.label == Label::Person {
        while t.end - t.first > 1 && !is_capitalised(piece(t.first)) {
            t.first += 1;
        }
        while t.end - t.first > 1 {
            let len = title_at(text, tokens, lex, t.first, t.end);
            if len == 0 || len >= t.end - t.first {
                break;
            }
            t.first += len;
        }
    }
    // An organisation head word decides the type ("Israel Defense Forces", "Shifa Hospital"),
    // and the name runs on through "of" ("Church of Scientology", "Department of State").
    if is_org_head(lex, piece(t.end - 1)) && t.end - t.first > 1
        || t.end - t.first == 1 && t.label == Label::Org && is_org_head(lex, piece(t.first))
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
    use crate::analysis::entities::tests::check;

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
