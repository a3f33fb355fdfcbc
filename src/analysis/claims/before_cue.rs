//! Frames with the content before the cue, when nothing but an adverbial or a listener follows
//! the cue: `CONTENT, X said.` and `CONTENT, said X.` (Quoted content before the cue is in
//! `quotations.rs`.) A frame returns `None` when it does not apply.

use super::clause::{Clause, Found, Outcome};
use super::content::{content_before, trim, Tail};
use super::speaker::{speaker_like, speaker_right};
use crate::analysis::model::{ClaimKind, TokenKind};

/// "Talks will resume on Monday, three aides told the Daily Star.": a comma, the speaker, the
/// cue and no content after it.
pub(super) fn content_then_speaker_and_cue(c: &Clause) -> Option<Outcome> {
    let (Some(speaker), Some(j)) = (c.speaker(), c.before()) else { return None };
    if !c.comma_before() || matches!(c.tail, Tail::Content(_)) {
        return None;
    }
    let claim = claim_before(c, j, Some(speaker), 0.85, "frame: content before the cue");
    Some(match claim {
        Outcome::Claim(found) => Outcome::Claim(Found { end: parenthesis_resumed(c).unwrap_or(found.end), ..found }),
        other => other,
    })
}

/// "The port, the minister said, will reopen in May", "The guardrail would be examined, Roberts
/// said, to determine if it held": the content resumes after the reporting clause's comma and runs
/// to the clause's end (returned), unless what follows is a clause of its own (", and ...",
/// ", while ..."), a participle (", adding that ...") or an adverbial (", on Monday").
fn parenthesis_resumed(c: &Clause) -> Option<usize> {
    let (doc, k) = (c.doc, c.cue.end);
    let after_comma = k + 1 < c.right_end && doc.piece(k) == "," && doc.is_word(k + 1);
    if !(matches!(c.tail, Tail::Empty | Tail::Adverbial) && after_comma) {
        return None;
    }
    let next = doc.lower(k + 1);
    // "..., Roberts said, to determine if it held": an infinitive with a clause of its own goes on
    // with the content; ", the minister said, on Monday" and ", to loud applause" do not.
    let infinitive = next == "to"
        && k + 3 < c.right_end
        && doc.is_word(k + 2)
        && !doc.capitalised(k + 2)
        && matches!(doc.lower(k + 3), "if" | "whether" | "that" | "how" | "what" | "why");
    let adverbial = doc.lex.adverbial_openers.contains(next) && !infinitive;
    if doc.is_in(&doc.lex.clause_breaks, k + 1) || next.ends_with("ing") || adverbial {
        return None;
    }
    let (first, end) = trim(doc, k + 1, c.right_end);
    (end > first + 1).then_some(end)
}

/// "The vote was fair, said one envoy.": a comma, the cue, then a speaker and nothing else.
pub(super) fn content_then_cue_and_speaker(c: &Clause) -> Option<Outcome> {
    let (None, Some(j)) = (c.speaker(), c.before()) else { return None };
    // "Merkel, the chancellor, demanded an explanation": what follows such a verb is its object;
    // "Susan Bro, Heyer's mother, told reporters ...": what follows "told" is its listener.
    let lex = c.doc.lex;
    if !c.comma_before()
        || lex.object_verbs.contains(&c.cue.lemma)
        || lex.listener_verbs.contains(&c.cue.lemma)
        || !speaker_follows_cue(c)
    {
        return None;
    }
    let speaker = Some(speaker_right(c.doc, c.cue.end, c.sentence_end)).filter(|(s, e)| e > s);
    Some(claim_before(c, j, speaker, 0.8, "frame: content, cue, speaker"))
}

/// True when the cue is followed by a speaker phrase alone ("said one envoy."), or by no content.
fn speaker_follows_cue(c: &Clause) -> bool {
    let (doc, right_end) = (c.doc, c.right_end);
    match c.tail {
        Tail::Content(s) => {
            s == c.cue.end && speaker_like(doc, s, right_end) && {
                let (_, e) = speaker_right(doc, s, right_end);
                // "..., said the city needed 1,100 homes": a verb makes it content.
                let verb = (s..e).any(|k| {
                    let w = doc.lower(k);
                    w.ends_with("ed") || doc.lex.auxiliaries.contains(w)
                });
                !verb
                    && ((e..right_end).all(|k| doc.tokens[k].kind == TokenKind::Punct)
                        || e < c.sentence_end && doc.piece(e) == ",")
            }
        }
        _ => true,
    }
}

/// The claim of the content before the token `j` (the comma before the reporting clause).
fn claim_before(c: &Clause, j: usize, speaker: Option<(usize, usize)>, confidence: f32, note: &'static str) -> Outcome {
    match content_before(c, j + 1) {
        Some((first, end)) => Outcome::Claim(Found {
            first,
            end,
            speaker,
            continues_previous: false,
            kind: ClaimKind::Indirect,
            confidence,
            note,
        }),
        None => Outcome::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn content_before_the_cue() {
        check(vec![
            (
                "content_resumed_after_the_reporting_clause",
                "The barrier would be tested, Ray said, to see if it had held. The ferry will sail, the mayor said, on Monday. The port will reopen, Ann Ray said, to loud applause from the crowd.",
                vec![
                    c("The barrier would be tested, Ray said, to see if it had held", Some("Ray"), "indirect"),
                    c("The ferry will sail", Some("the mayor"), "indirect"),
                    c("The port will reopen", Some("Ann Ray"), "indirect"),
                ],
            ),
            (
                "content_comma_speaker_said",
                "The vote was fair, two observers said.",
                vec![c("The vote was fair", Some("two observers"), "indirect")],
            ),
            (
                "told_at_end",
                "Talks will resume on Monday, three aides told the Daily Star.",
                vec![c("Talks will resume on Monday", Some("three aides"), "indirect")],
            ),
            (
                "content_before_with_listener",
                "Talks failed on Monday, two aides told the Daily Star.",
                vec![c("Talks failed on Monday", Some("two aides"), "indirect")],
            ),
            (
                "content_resumes_after_the_reporting_clause",
                "The port, the minister said, will reopen in May.",
                vec![c("The port, the minister said, will reopen in May", Some("the minister"), "indirect")],
            ),
            (
                "a_clause_of_its_own_after_the_reporting_clause",
                "The ferry left at noon, the captain said, and nobody was hurt.",
                vec![c("The ferry left at noon", Some("the captain"), "indirect")],
            ),
            (
                "inverted_without_quotes",
                "The vote was fair, said one observer.",
                vec![c("The vote was fair", Some("one observer"), "indirect")],
            ),
        ]);
    }
}
