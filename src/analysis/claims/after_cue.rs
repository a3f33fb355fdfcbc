//! Frames with the content after the cue: `X said (that) CONTENT`, after an opening phrase
//! (`Meanwhile, X said ...`), after an appositive (`X, a lawyer, said ...`), after a relative
//! pronoun (`X, which said ...`), and a relative clause as content (`which X describes as ...`).
//!
//! A frame returns `None` when it does not apply, so the next one in `mod.rs`'s order is tried.
//! The relative pronouns that shape these frames ("which", "what", "whom", "who") are a closed
//! class of grammar, written in the code beside the frame they shape.

use super::clause::{Clause, Found, Outcome};
use super::content::{content_after, Tail};
use super::cues::according_to_at;
use super::speaker::{name_before_comma, speaker_before};
use crate::analysis::model::ClaimKind;

/// The claim of the content after the cue, with `speaker`; `from` moves its start back (to a
/// relative pronoun). A colon's paragraph is a quoted claim.
pub(super) fn claim_after_cue(
    c: &Clause,
    speaker: Option<(usize, usize)>,
    note: &'static str,
    from: Option<usize>,
) -> Outcome {
    match content_after(c, c.content_start()) {
        Some(content) => Outcome::Claim(Found {
            first: from.unwrap_or(content.first).min(content.first),
            end: content.end,
            speaker,
            continues_previous: false,
            kind: if content.next_paragraph { ClaimKind::Direct } else { ClaimKind::Indirect },
            confidence: if speaker.is_some() { 0.8 } else { 0.5 },
            note: if content.next_paragraph { "frame: speaker, cue, colon, then a quoted paragraph" } else { note },
        }),
        None => Outcome::Nothing,
    }
}

/// "Meanwhile, the union declared it would strike": a speaker after an opening phrase and a
/// comma, content after the cue.
pub(super) fn opening_phrase_then_speaker(c: &Clause) -> Option<Outcome> {
    let (Some(speaker), Some(j)) = (c.speaker(), c.before()) else { return None };
    if !(c.comma_before() && matches!(c.tail, Tail::Content(_))) {
        return None;
    }
    // "Protesters, carrying banners urging ...": a participle phrase after a comma is no speaker;
    // the phrase before the comma is.
    let first = c.doc.lower(speaker.0);
    if first.ends_with("ing") && !c.doc.capitalised(speaker.0) && c.doc.piece(j) == "," {
        let subject = speaker_before(c.doc, c.sentence_start, j + 1);
        let claim = claim_after_cue(c, subject, "frame: speaker, participle phrase, cue, content", None);
        // The content ends with the participle phrase, at its closing comma.
        return Some(match claim {
            Outcome::Claim(found) => {
                let end = (found.first..found.end).find(|&k| c.doc.piece(k) == ",").unwrap_or(found.end);
                Outcome::Claim(Found { end, ..found })
            }
            other => other,
        });
    }
    Some(claim_after_cue(c, Some(speaker), "frame: opening phrase, speaker, cue, content", None))
}

/// "She moved to a farm, which the group describes as a retreat": the relative clause is the
/// content.
pub(super) fn relative_clause_is_content(c: &Clause) -> Option<Outcome> {
    let (Some(speaker), Some(j)) = (c.speaker(), c.before()) else { return None };
    (matches!(c.before_lower(), "which" | "what" | "whom") && c.tail != Tail::Empty)
        .then(|| claim_after_cue(c, Some(speaker), "frame: relative clause, speaker, cue, content", Some(j)))
}

/// "Valeska Paris, an Australian woman, has claimed that ...": a comma right before the cue's
/// verb group, the speaker before the appositive. Tried after `content_then_cue_and_speaker`,
/// which takes the same shape when a speaker follows the cue.
pub(super) fn speaker_with_appositive(c: &Clause) -> Option<Outcome> {
    let (None, Some(j)) = (c.speaker(), c.before()) else { return None };
    c.comma_before().then(|| {
        let speaker = speaker_before(c.doc, c.sentence_start, j + 1);
        claim_after_cue(c, speaker, "frame: speaker, appositive, cue, content", None)
    })
}

/// "..., according to the Government of Jersey, which said ...": the name before the relative
/// pronoun speaks, or the phrase before a relative clause.
pub(super) fn speaker_before_relative_pronoun(c: &Clause) -> Option<Outcome> {
    let (None, Some(j)) = (c.speaker(), c.before()) else { return None };
    if !matches!(c.before_lower(), "who" | "which") {
        return None;
    }
    let (doc, a) = (c.doc, c.sentence_start);
    let comma = (j >= 2 && doc.piece(j - 1) == ",").then_some(j - 1);
    let name_before = comma.map(|comma| name_before_comma(doc, a, comma));
    let speaker = name_before
        .filter(|(s, e)| e > s && doc.capitalised(*e - 1))
        .or_else(|| comma.and_then(|comma| according_to_source(doc, a, comma)))
        .or_else(|| speaker_before(doc, a, j));
    Some(claim_after_cue(c, speaker, "frame: speaker, relative pronoun, cue, content", None))
}

/// "..., according to police, who said ...": the words between "according to" and the comma at
/// `comma` (at most a few), capitalised or not.
fn according_to_source(doc: &super::doc::Doc, lower_bound: usize, comma: usize) -> Option<(usize, usize)> {
    let cue = (lower_bound..comma)
        .rev()
        .take(ACCORDING_TO_SOURCE_WORDS + 2)
        .find_map(|k| according_to_at(doc, k, comma, doc.lower(k)))?;
    (cue.end < comma).then_some((cue.end, comma))
}

/// The most words an "according to" source before a relative pronoun is taken to have.
const ACCORDING_TO_SOURCE_WORDS: usize = 6;

/// "Lena Ross says that the bridge is closed": the plain frame, tried last; always applies.
pub(super) fn speaker_then_cue(c: &Clause) -> Option<Outcome> {
    Some(claim_after_cue(c, c.speaker(), "frame: speaker, cue, content", None))
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn content_after_the_cue() {
        check(vec![
            (
                "a_number_alone_is_a_content",
                "The port agency reported the swell at 5.5 metres; the navy reported 6.",
                vec![
                    c("the swell at 5.5 metres", Some("The port agency"), "indirect"),
                    c("6", Some("the navy"), "indirect"),
                ],
            ),
            (
                "a_phrase_with_a_verb_of_its_own_is_no_speaker",
                "The mayor built the pier, which was one of her campaign promises, but the council has not paid.",
                vec![],
            ),
            (
                "a_lower_case_according_to_source_before_who",
                "The fire began at noon, according to police, who said crews arrived six minutes later.",
                vec![
                    c("The fire began at noon", Some("police"), "according_to"),
                    c("crews arrived six minutes later", Some("police"), "indirect"),
                ],
            ),
            (
                "says_that",
                "Lena Ross says that the bridge is closed.",
                vec![c("the bridge is closed", Some("Lena Ross"), "indirect")],
            ),
            (
                "pronoun_added",
                "He added that the plan had “key ideas” in it.",
                vec![c("the plan had “key ideas” in it", Some("He"), "direct")],
            ),
            (
                "accused_of",
                "Kyiv accused Moscow of open aggression.",
                vec![c("Moscow of open aggression", Some("Kyiv"), "indirect")],
            ),
            (
                "relative_pronoun_after_a_name",
                "Sixty boats took part, according to the Government of Jersey, which said the harbour stayed open.",
                vec![
                    c("Sixty boats took part", Some("the Government of Jersey"), "according_to"),
                    c("the harbour stayed open", Some("the Government of Jersey"), "indirect"),
                ],
            ),
            (
                "opening_phrase_then_speaker",
                "Meanwhile, the union declared it would strike.",
                vec![c("it would strike", Some("the union"), "indirect")],
            ),
            (
                "a_parenthesis_between_dashes_after_the_cue",
                "The mayor said — as reported by the Herald — “We will rebuild the pier.”",
                vec![c("“We will rebuild the pier.”", Some("The mayor"), "direct")],
            ),
            (
                "a_participle_phrase_is_not_the_speaker",
                "Dock workers, carrying banners urging the council to drop the plan, marched to the harbour.",
                vec![c("the council to drop the plan", Some("Dock workers"), "indirect")],
            ),
            (
                "relative_clause",
                "She moved to a farm, which the group describes as a retreat.",
                vec![c("which the group describes as a retreat", Some("the group"), "indirect")],
            ),
        ]);
    }
}
