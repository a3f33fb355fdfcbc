//! Where a claim's content lies around its cue: what follows a cue (content, only an adverbial,
//! or nothing), the content after it (to a quotation's closing mark, or a colon's paragraph), the
//! content before it, and the trimmed edges of a content span.

use super::clause::Clause;
use super::cues::find_cues;
use super::doc::Doc;
use crate::analysis::document::dateline_at;
use crate::analysis::model::TokenKind;

/// What follows a cue in its clause.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Tail {
    /// Nothing: the sentence (or clause) ends.
    Empty,
    /// Only an adverbial or a listener ("on Monday", "the Daily Star", "reporters in Yerevan").
    Adverbial,
    /// Content, starting at this token.
    Content(usize),
}

/// The longest parenthesis between dashes passed over after a cue, in tokens.
const PARENTHESIS_REACH: usize = 12;

/// Decides what follows the cue `[.., cue_end)` up to `end`.
pub(super) fn tail_of(doc: &Doc, cue_end: usize, end: usize, lemma: &str) -> Tail {
    let i = cue_end;
    if i >= end {
        return Tail::Empty;
    }
    // "referred to the plane as a “cargo plane”": the object and its "as" phrase are the content.
    if doc.lex.as_only_verbs.contains(lemma) {
        return Tail::Content(i);
    }
    let opens_quote = |k: usize| k < end && doc.is_quote_mark(k) && doc.quote_opening_at(k).is_some();
    match doc.piece(i) {
        // "said — as reported by the Herald — “...”": the content follows the parenthesis.
        dash @ ("—" | "–") => {
            if let Some(close) = (i + 2..end.min(i + PARENTHESIS_REACH)).find(|&k| doc.piece(k) == dash) {
                return tail_of(doc, close + 1, end, lemma);
            }
        }
        ":" => return if i + 1 < end { Tail::Content(i + 1) } else { Tail::Empty },
        "," if opens_quote(i + 1) => return Tail::Content(i + 1),
        "," | "." | ";" => return Tail::Empty,
        _ => {}
    }
    if opens_quote(i) {
        return Tail::Content(i);
    }
    let lower = doc.lower(i);
    if lower == "that" {
        return Tail::Content(i + 1);
    }
    // Two fixed phrases, kept with their rule: "called on the UN to act", "calls for restraint".
    if lemma == "call" && matches!(lower, "on" | "for") {
        return Tail::Content(i);
    }
    let listener = doc.lex.listener_verbs.contains(lemma);
    // "spoke of the launch: “...”": a verb that reports only with a quotation takes it as content.
    let quote_only = doc.lex.quote_only_verbs.contains(lemma);
    if listener || quote_only || doc.lex.adverbial_openers.contains(lower) {
        return tail_after_adverbial(doc, i, end, listener);
    }
    Tail::Content(i)
}

/// What follows a cue whose next words (from `i`) are a listener or open an adverbial: content
/// after "that", a colon or an opening quotation mark; otherwise only the adverbial.
fn tail_after_adverbial(doc: &Doc, i: usize, end: usize, listener: bool) -> Tail {
    let opens_quote = |k: usize| k < end && doc.is_quote_mark(k) && doc.quote_opening_at(k).is_some();
    let mut j = i;
    while j < end && j - i < 10 {
        let piece = doc.piece(j);
        if piece == "," || piece == ";" {
            return if opens_quote(j + 1) { Tail::Content(j + 1) } else { Tail::Adverbial };
        }
        if piece == ":" {
            return if j + 1 < end { Tail::Content(j + 1) } else { Tail::Adverbial };
        }
        if doc.lower(j) == "that" {
            return Tail::Content(j + 1);
        }
        if opens_quote(j) {
            return Tail::Content(j);
        }
        if listener && doc.lower(j) == "to" {
            return Tail::Content(i); // "told her to leave"
        }
        // "told reporters she accepted the deal", "told CNN Philippines the towns were ...": a
        // short listener, then a clause's pronoun or determiner (not one after a preposition,
        // "told reporters in the capital").
        let subject_opens = doc.is_in(&doc.lex.subject_pronouns, j)
            || doc.is_in(&doc.lex.determiners, j)
                && !doc.capitalised(j)
                && !doc.is_in(&doc.lex.function_words, j - 1)
                // "told reporters this week that": a time phrase, not a subject.
                && (j + 1 >= end || !doc.is_in(&doc.lex.time_nouns, j + 1));
        // (Words, not tokens: "Agence France-Presse" is two.)
        let listener_words = (i..j).filter(|&k| k == i || doc.tokens[k].space_before).count();
        if listener && j > i && listener_words <= 3 && subject_opens {
            return Tail::Content(j);
        }
        j += 1;
    }
    // A long stretch to the sentence's end is content, not an adverbial.
    if j >= end && j - i <= 6 {
        Tail::Adverbial
    } else {
        Tail::Content(i)
    }
}

/// Drops punctuation at the edges of a content span (not quotation marks), and a dateline.
pub(super) fn trim(doc: &Doc, mut first: usize, mut end: usize) -> (usize, usize) {
    if let Some((_, after)) = dateline_at(doc.text, doc.tokens, first).filter(|(_, after)| *after < end) {
        first = after;
    }
    while first < end && doc.tokens[first].kind == TokenKind::Punct {
        first += 1;
    }
    while end > first && doc.tokens[end - 1].kind == TokenKind::Punct && !matches!(doc.piece(end - 1), ")" | "]") {
        end -= 1;
    }
    (first, end)
}

/// A claim's content after its cue, in tokens.
pub(super) struct ContentAfter {
    pub first: usize,
    pub end: usize,
    /// True when the content is the paragraph after a colon.
    pub next_paragraph: bool,
}

/// The content after a cue, from `start` to the clause's right end: a quotation opening it runs
/// to its closing mark; a clause ending in a colon at a paragraph's end takes the next paragraph.
pub(super) fn content_after(c: &Clause, start: usize) -> Option<ContentAfter> {
    if let Some((first, end)) = paragraph_after_colon(c) {
        return Some(ContentAfter { first, end, next_paragraph: true });
    }
    let doc = c.doc;
    let (first, mut end) = trim(doc, start, c.right_end);
    let opens_quote = end > first && doc.is_quote_mark(first);
    // One token says something only as a number ("USGS reported 5.8").
    let number = end == first + 1 && doc.tokens[first].kind == TokenKind::Number;
    if !(end > first + 1 || opens_quote || number) {
        return None;
    }
    if opens_quote {
        if let Some(q) = doc.quote_opening_at(first) {
            end = end.max(doc.token_from(q.span.end));
        }
    }
    Some(ContentAfter { first, end, next_paragraph: false })
}

/// "X denied the allegations:" ending a paragraph: the sentences of the next paragraph, up to
/// the first with a reporting cue of its own (at most 20), for the sentence's last cue.
fn paragraph_after_colon(c: &Clause) -> Option<(usize, usize)> {
    let (doc, b, next) = (c.doc, c.sentence_end, c.next_sentences);
    if !(c.last_cue && b < doc.tokens.len() && doc.piece(b - 1) == ":" && doc.tokens[b].newlines_before >= 1) {
        return None;
    }
    let taken = next
        .iter()
        .enumerate()
        .take(20)
        .take_while(|(k, s)| {
            (*k == 0 || !s.starts_paragraph) && find_cues(doc, s.first_token as usize, s.end_token as usize).is_empty()
        })
        .count();
    (taken > 0).then(|| (next[0].first_token as usize, next[taken - 1].end_token as usize))
}

/// The content before the cue, from the clause's start to `until` (exclusive), reaching back to
/// the opening mark of a quotation that began in an earlier sentence (but not into the last claim).
pub(super) fn content_before(c: &Clause, until: usize) -> Option<(usize, usize)> {
    let doc = c.doc;
    let (mut first, end) = trim(doc, c.consumed, until);
    if end <= first {
        return None;
    }
    if let Some(q) = doc.quote_closing_at(end - 1) {
        if q.span.start < doc.tokens[first].span.start && q.span.start >= c.previous_claim_end {
            first = doc.token_from(q.span.start);
        }
    }
    Some((first, end))
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn where_the_content_lies() {
        check(vec![
            (
                "told_listener",
                "Three aides told the Daily Star that talks would resume.",
                vec![c("talks would resume", Some("Three aides"), "indirect")],
            ),
            (
                "told_hyphenated_listener_then_clause",
                "A fire service spokesman told Agence France-Presse the driver is in hospital.",
                vec![c("the driver is in hospital", Some("A fire service spokesman"), "indirect")],
            ),
            ("said_comma_quote", "He said, “I think so.”", vec![c("“I think so.”", Some("He"), "direct")]),
            (
                "dateline_is_not_content",
                "NAIROBI (Reuters) - Kenya summoned the envoy on Monday, the ministry said.",
                vec![c("Kenya summoned the envoy on Monday", Some("the ministry"), "indirect")],
            ),
            (
                "quote_after_cue_over_sentences",
                "He said, “The port is shut. Nobody may enter.”",
                vec![c("“The port is shut. Nobody may enter.”", Some("He"), "direct")],
            ),
            (
                "colon_then_paragraph",
                "The board denied the report:\n\nNobody was harmed. The site is safe.\n\nThe town was quiet.",
                vec![c("Nobody was harmed. The site is safe.", Some("The board"), "direct")],
            ),
            (
                "called_on",
                "The envoy has called on the council to act.",
                vec![c("on the council to act", Some("The envoy"), "indirect")],
            ),
            (
                "adverbial_then_quote",
                "Tom's sister, Ann Hale, said on radio, “He is innocent.”",
                vec![c("“He is innocent.”", Some("Tom's sister, Ann Hale"), "direct")],
            ),
        ]);
    }
}
