//! Frames of "according to": `According to X, CONTENT.` and `CONTENT, according to X.` The
//! speaker is the phrase after the cue, up to a comma or the sentence's end.

use super::clause::{Clause, Found, Outcome};
use super::content::trim;
use super::speaker::speaker_right;
use crate::analysis::model::ClaimKind;

/// "According to the ministry, ten people died.": the cue opens the clause, the content follows
/// the speaker.
pub(super) fn according_to_then_content(c: &Clause) -> Option<Outcome> {
    let speaker = speaker_right(c.doc, c.cue.end, c.sentence_end);
    let opens_clause = c.cue.first <= c.consumed.max(c.sentence_start) + 1 && speaker.1 < c.sentence_end;
    if !opens_clause {
        return None;
    }
    let (first, end) = trim(c.doc, speaker.1, c.right_end.max(speaker.1));
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
                "according_to_start",
                "According to the ministry, ten people died.",
                vec![c("ten people died", Some("the ministry"), "according_to")],
            ),
        ]);
    }
}
