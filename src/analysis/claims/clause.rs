//! A reporting cue in its sentence, as every frame reads it (`Clause`), and what a frame decides
//! (`Outcome`, `Found`).

use super::content::Tail;
use super::cues::Cue;
use super::doc::Doc;
use crate::analysis::model::{ClaimKind, Sentence};

/// One cue in its sentence, with what the sentence's earlier cues left. Token indexes.
pub(super) struct Clause<'a> {
    pub doc: &'a Doc<'a>,
    pub cue: &'a Cue,
    /// The sentence's first token not taken by a claim from an earlier sentence.
    pub sentence_start: usize,
    /// The sentence's end (exclusive).
    pub sentence_end: usize,
    /// The sentences after it (a colon may hand its content to the next paragraph).
    pub next_sentences: &'a [Sentence],
    /// Tokens before this belong to earlier claims or cues of the sentence.
    pub consumed: usize,
    /// Content after the cue stops here, before the next cue's clause.
    pub right_end: usize,
    /// True for the sentence's last cue.
    pub last_cue: bool,
    /// True when an earlier cue of the sentence made a claim.
    pub earlier_in_sentence: bool,
    /// The cue of the sentence's last claim so far, if any.
    pub previous_cue: Option<&'a Cue>,
    /// Where the last claim so far ends (byte): content before the cue reaches back no further.
    pub previous_claim_end: u32,
    /// What follows the cue.
    pub tail: Tail,
    /// The phrase left of the cue that may name the speaker (start, end), over the verb group;
    /// empty when start == end.
    pub left_phrase: (usize, usize),
}

impl<'a> Clause<'a> {
    /// Where content after the cue starts.
    pub fn content_start(&self) -> usize {
        match self.tail {
            Tail::Content(s) => s,
            _ => self.cue.end,
        }
    }
    /// The speaker phrase left of the cue, if there is one.
    pub fn speaker(&self) -> Option<(usize, usize)> {
        let (start, end) = self.left_phrase;
        (end > start).then_some((start, end))
    }
    /// The token just before the phrase left of the cue, if it is in this clause.
    pub fn before(&self) -> Option<usize> {
        let start = self.left_phrase.0;
        (start > self.consumed).then(|| start - 1)
    }
    /// That token's text ("" if none).
    pub fn before_piece(&self) -> &'a str {
        self.before().map(|j| self.doc.piece(j)).unwrap_or("")
    }
    /// That token's text, lower case ("" if none).
    pub fn before_lower(&self) -> &'a str {
        self.before().map(|j| self.doc.lower(j)).unwrap_or("")
    }
    /// True when a comma or a dash stands before the phrase left of the cue.
    pub fn comma_before(&self) -> bool {
        matches!(self.before_piece(), "," | "—" | "–")
    }
}

/// One frame's claim, in token indexes.
pub(super) struct Found {
    pub first: usize,
    pub end: usize,
    pub speaker: Option<(usize, usize)>,
    pub continues_previous: bool,
    pub kind: ClaimKind,
    pub confidence: f32,
    pub note: &'static str,
}

/// What a frame decides for a cue.
pub(super) enum Outcome {
    /// A new claim.
    Claim(Found),
    /// A coordinated cue ("... and claimed B"): the sentence's previous claim runs on to this token.
    Extend(usize),
    /// Not a claim (a passive, or no content).
    Nothing,
}
