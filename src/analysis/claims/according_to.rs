//! Frames of "according to": `According to X, CONTENT.` and `CONTENT, according to X.` The
//! speaker is the phrase after the cue, up to a comma or the sentence's end.

use super::clause::{Clause, Found, Outcome};
use super::content::trim;
use super::speaker::{appositive_name_after, speaker_right};
use crate::analysis::model::ClaimKind;

/// "According to the ministry, ten people died.": the cue opens the clause, the content follows
/// the speaker.
pub(super) fn according_to_then_content(c: &Clause) -> Option<Outcome> {
    let mut speaker = speaker_right(c.doc, c.cue.end, c.sentence_end);
    let opens_clause = c.cue.first <= c.consumed.max(c.sentence_start) + 1 && speaker.1 < c.sentence_end;
    if !opens_clause {
        return None;
    }
    // "According to the city's mayor, Anne Hidalgo, ...": the name set off after a singular
    // description renames it (after a plural, "official statements, Trump, ...", it is the
    // content's subject).
    let singular = speaker.1 > speaker.0 && !c.doc.lower(speaker.1 - 1).ends_with('s');
    if let Some((_, name_end)) = appositive_name_after(c.doc, speaker.1, c.sentence_end).filter(|_| singular) {
        speaker.1 = name_end;
    }
    let (first, end) = trim(c.doc, speaker.1, c.right_end.max(speaker.1));
    Some(according_to_claim(first, end, speaker))
}

/// "One child was, according to the fire service, among the dead." / "Longer term, according
/// to the agency, the goal is ...": the cue between commas inside a clause that runs on after
/// the speaker (a verb stands before the cue or after the speaker); the content is the whole
/// clause, the cue's words with it.
pub(super) fn according_to_inside_clause(c: &Clause) -> Option<Outcome> {
    let doc = c.doc;
    let speaker = speaker_right(doc, c.cue.end, c.sentence_end);
    let between_commas = c.cue.first > c.consumed && doc.piece(c.cue.first - 1) == ",";
    let resumes = speaker.1 + 1 < c.right_end && doc.piece(speaker.1) == ",";
    if !(between_commas && resumes) || doc.is_in(&doc.lex.clause_breaks, speaker.1 + 1) {
        return None;
    }
    // The clause runs on: the words before the cue end in a verb ("One child was,") or those
    // after the speaker hold one before any clause break ("the goal is ..."); not an adverbial
    // after a whole clause ("..., in the latest attempt to settle a conflict that has ...").
    let lex = doc.lex;
    let verb_before = c.cue.first >= 2 && doc.is_in(&lex.auxiliaries, c.cue.first - 2);
    let verb_after = (speaker.1 + 1..c.right_end)
        .take_while(|&k| !doc.is_in(&lex.clause_breaks, k))
        .any(|k| doc.is_in(&lex.auxiliaries, k));
    let words_after = (speaker.1 + 1..c.right_end).filter(|&k| doc.is_word(k)).count();
    if words_after < 2 || !(verb_before || verb_after) {
        return None;
    }
    let (first, end) = trim(doc, c.consumed, c.right_end);
    Some(according_to_claim(first, end, speaker))
}

/// "The summit is off, according to officials.": the content before the cue.
pub(super) fn content_then_according_to(c: &Clause) -> Option<Outcome> {
    let speaker = speaker_right(c.doc, c.cue.end, c.sentence_end);
    let (first, end) = trim(c.doc, c.consumed, c.cue.first);
    Some(according_to_claim(first, end, speaker))
}

fn according_to_claim(first: usize, end: usize, speaker: (usize, usize)) -> Outcome {
    if end > first && speaker.1 > speaker.0 {
        Outcome::Claim(Found {
            first,
            end,
            speaker: Some(speaker),
            continues_previous: false,
            kind: ClaimKind::AccordingTo,
            confidence: 0.8,
            note: "frame: according to X",
        })
    } else {
        Outcome::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn according_to() {
        check(vec![
            (
                "according_to_end",
                "The summit is off, according to officials.",
                vec![c("The summit is off", Some("officials"), "according_to")],
            ),
            (
                "according_to_inside_a_clause",
                "One boy was, according to the fire service, among the dead. Longer term, according to the agency, the goal is a base. Ten ships sank, according to the Navy, which said more were hit. Two men met, according to aides, in a bid to settle a feud that has run for years.",
                vec![
                    c("One boy was, according to the fire service, among the dead", Some("the fire service"), "according_to"),
                    c("Longer term, according to the agency, the goal is a base", Some("the agency"), "according_to"),
                    c("Ten ships sank", Some("the Navy"), "according_to"),
                    c("more were hit", Some("the Navy"), "indirect"),
                    c("Two men met", Some("aides"), "according_to"),
                ],
            ),
            (
                "according_to_start",
                "According to the ministry, ten people died.",
                vec![c("ten people died", Some("the ministry"), "according_to")],
            ),
            (
                "a_name_renaming_the_source_is_the_source",
                "According to the town's mayor, Ana Ruiz, the road is closed until Friday. According to official figures, Ruiz, the mayor, was re-elected last year.",
                vec![
                    c("the road is closed until Friday", Some("the town's mayor, Ana Ruiz"), "according_to"),
                    c("Ruiz, the mayor, was re-elected last year", Some("official figures"), "according_to"),
                ],
            ),
            (
                "a_plural_possessive_in_the_source",
                "According to Oak Hills' mayor, Ana Ruiz, the road is closed until Friday.",
                vec![c("the road is closed until Friday", Some("Oak Hills' mayor, Ana Ruiz"), "according_to")],
            ),
        ]);
    }
}
