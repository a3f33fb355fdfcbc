//! The CLI's JSON contracts (schema version 1): the [`crate::Analysis`] with offsets converted
//! from bytes to Unicode code points, end exclusive, and the comparison of two articles
//! ([`to_compare_json`]: both analyses and the [`Comparison`]). Stable: fields are only ever added.

use crate::analysis::compare::{Comparison, OneSided, Which};
use crate::analysis::{Analysis, SideBalance, Span};
use serde::Serialize;

/// The contract's version; bumped only for incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Converts byte offsets into code-point offsets for one text.
pub struct CodePoints {
    /// `starts[i]` is the byte offset of code point `i`; one more entry for the end. Empty for
    /// ASCII text, where a byte offset is its code-point offset.
    starts: Vec<u32>,
    /// The text's length in bytes, when it is ASCII.
    ascii_len: Option<u32>,
}

impl CodePoints {
    /// Indexes `text`.
    pub fn new(text: &str) -> CodePoints {
        if text.is_ascii() {
            return CodePoints { starts: Vec::new(), ascii_len: Some(text.len() as u32) };
        }
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(text.len() as u32);
        CodePoints { starts, ascii_len: None }
    }
    /// The code-point offset of a byte offset (the next character boundary if it is inside one).
    pub fn of(&self, byte: u32) -> u32 {
        match self.ascii_len {
            // As the index would say: one entry per byte and one for the end.
            Some(len) => byte.min(len + 1),
            None => self.starts.partition_point(|&b| b < byte) as u32,
        }
    }
}

/// A span in code points, with its text.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonSpan {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text it covers.
    pub text: String,
}

/// An entity mention.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonEntity {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The mention's text.
    pub text: String,
    /// PERSON, ORG, PLACE, DATE or NUMBER.
    pub kind: &'static str,
    /// The canonical name of the entity it mentions.
    pub cluster: String,
    /// Index of that entity among all clusters.
    pub cluster_id: u32,
    /// Recogniser's confidence.
    pub confidence: f32,
}

/// A claim's speaker.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonSpeaker {
    /// First code point of the words naming the speaker.
    pub start: u32,
    /// One past their last code point.
    pub end: u32,
    /// Those words.
    pub text: String,
    /// The resolved name.
    pub name: String,
}

/// One piece of evidence.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonEvidence {
    /// The span that shows it, if any.
    pub span: Option<JsonSpan>,
    /// What it shows.
    pub note: String,
}

/// A claim.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonClaim {
    /// First code point of the content (with its reporting clause when the content after a
    /// reporting verb is under five words: `Claim::span`).
    pub start: u32,
    /// One past its last code point.
    pub end: u32,
    /// The content.
    pub text: String,
    /// direct, indirect or according_to.
    pub kind: &'static str,
    /// Who said it.
    pub speaker: Option<JsonSpeaker>,
    /// The reporting expression.
    pub cue: Option<JsonSpan>,
    /// The id of the speaker's side.
    pub side: Option<u32>,
    /// Confidence, 0 to 1.
    pub confidence: f32,
    /// Why.
    pub evidence: Vec<JsonEvidence>,
}

/// An unattributed check-worthy assertion.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonAssertion {
    /// First code point.
    pub start: u32,
    /// One past the last.
    pub end: u32,
    /// The sentence.
    pub text: String,
    /// Check-worthiness, 0 to 1.
    pub score: f32,
}

/// A side of the dispute.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonSide {
    /// Its id, as used by `claims[].side`.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// party or third_party.
    pub role: &'static str,
    /// Names it goes by.
    pub aliases: Vec<String>,
    /// How much voice it has: claims, quoted words, named and anonymous sources, order.
    pub balance: JsonBalance,
}

/// A side's share of voice in the article.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonBalance {
    /// Claims on this side.
    pub claims: u32,
    /// Words inside quotation marks in its claims.
    pub quoted_words: u32,
    /// Claims by named speakers.
    pub named_claims: u32,
    /// Claims by anonymous or unknown speakers.
    pub anonymous_claims: u32,
    /// Distinct named speakers.
    pub named_sources: u32,
    /// Index of its first claim.
    pub first_claim: Option<u32>,
    /// Index of its last claim.
    pub last_claim: Option<u32>,
    /// True when it makes the article's first claim on any side.
    pub speaks_first: bool,
    /// True when it makes the article's last claim on any side.
    pub speaks_last: bool,
}

/// A claim and its counter-claim, as indexes into `claims`.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonCounterClaim {
    /// The earlier claim.
    pub claim: u32,
    /// The claim that answers it.
    pub counter: u32,
    /// How alike, 0 to 1.
    pub score: f32,
}

/// A diagnostic.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonDiagnostic {
    /// Where, if anywhere.
    pub span: Option<JsonSpan>,
    /// What.
    pub message: String,
}

/// The whole JSON object the CLI prints for one text.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonAnalysis {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The analyser's version.
    pub analyzer_version: &'static str,
    /// Entity mentions.
    pub entities: Vec<JsonEntity>,
    /// Attributed claims.
    pub claims: Vec<JsonClaim>,
    /// Unattributed check-worthy assertions.
    pub assertions: Vec<JsonAssertion>,
    /// Sides: parties first.
    pub sides: Vec<JsonSide>,
    /// Claim/counter-claim pairs.
    pub counter_claims: Vec<JsonCounterClaim>,
    /// Notes about the input.
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// Converts an analysis of `text` to the contract.
///
/// Long only because it names every field of the contract once, in the contract's order.
pub fn to_json(text: &str, analysis: &Analysis) -> JsonAnalysis {
    let cp = CodePoints::new(text);
    let span = |s: Span| JsonSpan { start: cp.of(s.start), end: cp.of(s.end), text: s.slice(text).to_string() };
    JsonAnalysis {
        schema_version: SCHEMA_VERSION,
        analyzer_version: crate::analysis::ANALYZER_VERSION,
        entities: analysis
            .entities
            .iter()
            .map(|e| JsonEntity {
                start: cp.of(e.span.start),
                end: cp.of(e.span.end),
                text: e.span.slice(text).to_string(),
                kind: e.kind.label(),
                cluster: analysis.clusters[e.cluster.0 as usize].name.clone(),
                cluster_id: e.cluster.0,
                confidence: e.confidence,
            })
            .collect(),
        claims: analysis
            .claims
            .iter()
            .map(|c| JsonClaim {
                start: cp.of(c.span.start),
                end: cp.of(c.span.end),
                text: c.span.slice(text).to_string(),
                kind: c.kind.label(),
                speaker: c.speaker.as_ref().map(|s| JsonSpeaker {
                    start: cp.of(s.span.start),
                    end: cp.of(s.span.end),
                    text: s.span.slice(text).to_string(),
                    name: s.name.clone(),
                }),
                cue: c.cue.map(span),
                side: c.side.map(|s| s.0),
                confidence: c.confidence,
                evidence: c
                    .evidence
                    .iter()
                    .map(|e| JsonEvidence { span: e.span.map(span), note: e.note.clone() })
                    .collect(),
            })
            .collect(),
        assertions: analysis
            .assertions
            .iter()
            .map(|a| JsonAssertion {
                start: cp.of(a.span.start),
                end: cp.of(a.span.end),
                text: a.span.slice(text).to_string(),
                score: a.score,
            })
            .collect(),
        sides: analysis
            .sides
            .iter()
            .enumerate()
            .map(|(i, s)| JsonSide {
                id: i as u32,
                name: s.name.clone(),
                role: s.role.label(),
                aliases: s.aliases.clone(),
                balance: balance_json(&s.balance),
            })
            .collect(),
        counter_claims: analysis
            .counter_claims
            .iter()
            .map(|p| JsonCounterClaim { claim: p.claim.0, counter: p.counter.0, score: p.score })
            .collect(),
        diagnostics: analysis
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic { span: d.span.map(span), message: d.message.clone() })
            .collect(),
    }
}

/// A side's (or a camp's) voice in the contract's words.
fn balance_json(b: &SideBalance) -> JsonBalance {
    JsonBalance {
        claims: b.n_claims,
        quoted_words: b.quoted_words,
        named_claims: b.n_named_claims,
        anonymous_claims: b.n_anonymous_claims,
        named_sources: b.n_named_sources,
        first_claim: b.first_claim.map(|c| c.0),
        last_claim: b.last_claim.map(|c| c.0),
        speaks_first: b.speaks_first,
        speaks_last: b.speaks_last,
    }
}

/// The version of the comparison contract; bumped only for incompatible changes.
pub const COMPARE_SCHEMA_VERSION: u32 = 1;

/// A camp's voice in the two articles (`null` where an article does not show the camp).
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonCampVoice {
    /// In article A: its sides' balances summed (first and last claim: indexes into `a.claims`).
    pub a: Option<JsonBalance>,
    /// In article B.
    pub b: Option<JsonBalance>,
}

/// A camp of the dispute as the two articles show it.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonCamp {
    /// Its index, as used by `in_both[].camp` and `only_in_*[].camp`.
    pub id: u32,
    /// Its name (its first side's in A, else in B).
    pub name: String,
    /// Its sides in A (ids into `a.sides`); empty when A does not show it.
    pub a: Vec<u32>,
    /// Its sides in B (ids into `b.sides`).
    pub b: Vec<u32>,
    /// One of the two principal camps (drawn as the two parties in both articles).
    pub principal: bool,
    /// True when the reader changed it.
    pub by_reader: bool,
    /// How sure the match across the articles is, 0 to 1 (0 for a camp in one article only).
    pub confidence: f32,
    /// Why its sides were matched.
    pub evidence: Vec<String>,
    /// Its voice in each article.
    pub voice: JsonCampVoice,
}

/// Two claims, one in each article, of one camp and on one matter.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonCounterpart {
    /// The claim's index in `a.claims`.
    pub a: u32,
    /// The claim's index in `b.claims`.
    pub b: u32,
    /// Their camp, or null for two sources tied to no camp.
    pub camp: Option<u32>,
    /// How alike their content is, 0 to 1.
    pub score: f32,
    /// The content words they share, as A writes them.
    pub shared_words: Vec<String>,
}

/// The closest claim of the other article to a one-sided claim.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonClosest {
    /// Its index in the other article's `claims`.
    pub claim: u32,
    /// How alike, 0 to 1 (below the counterpart threshold).
    pub score: f32,
}

/// A claim one article carries and the other leaves out.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonOneSided {
    /// Its index in its own article's `claims`.
    pub claim: u32,
    /// First code point of its content, in its own article.
    pub start: u32,
    /// One past the last.
    pub end: u32,
    /// The content.
    pub text: String,
    /// The speaker's resolved name, if any.
    pub speaker: Option<String>,
    /// The speaker's camp, or null for a source tied to no camp.
    pub camp: Option<u32>,
    /// How sure it is that the other article has no such claim, 0 to 1.
    pub confidence: f32,
    /// The other article's closest claim, if any shares a content word.
    pub closest: Option<JsonClosest>,
    /// Why.
    pub evidence: Vec<JsonEvidence>,
}

/// The whole JSON object `article-explorer compare --json A B` prints.
#[derive(Serialize, Debug, PartialEq)]
pub struct JsonComparison {
    /// [`COMPARE_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The analyser's version.
    pub analyzer_version: &'static str,
    /// Article A's analysis, exactly as `analyze --json A` prints it.
    pub a: JsonAnalysis,
    /// Article B's analysis.
    pub b: JsonAnalysis,
    /// The camps: the two principal ones first.
    pub camps: Vec<JsonCamp>,
    /// Claims with a counterpart in the other article.
    pub in_both: Vec<JsonCounterpart>,
    /// Claims of A with no counterpart in B, in text order.
    pub only_in_a: Vec<JsonOneSided>,
    /// Claims of B with no counterpart in A.
    pub only_in_b: Vec<JsonOneSided>,
    /// Notes (an empty article, no camp in common).
    pub notes: Vec<String>,
}

/// Converts a comparison of article A (`a_text`, `a`) and article B to the contract. Offsets of
/// each article's claims are code points into that article.
pub fn to_compare_json(a_text: &str, a: &Analysis, b_text: &str, b: &Analysis, c: &Comparison) -> JsonComparison {
    let camp_id = |camp: Option<usize>| camp.map(|i| i as u32);
    let one_sided = |text: &str, analysis: &Analysis, list: &[OneSided]| -> Vec<JsonOneSided> {
        let cp = CodePoints::new(text);
        let span = |s: Span| JsonSpan { start: cp.of(s.start), end: cp.of(s.end), text: s.slice(text).to_string() };
        list.iter()
            .filter_map(|o| {
                let claim = analysis.claims.get(o.claim.0 as usize)?;
                Some(JsonOneSided {
                    claim: o.claim.0,
                    start: cp.of(claim.span.start),
                    end: cp.of(claim.span.end),
                    text: claim.span.slice(text).to_string(),
                    speaker: claim.speaker.as_ref().map(|s| s.name.clone()),
                    camp: camp_id(o.camp),
                    confidence: o.confidence,
                    closest: o.closest.map(|(claim, score)| JsonClosest { claim: claim.0, score }),
                    evidence: o
                        .evidence
                        .iter()
                        .map(|e| JsonEvidence { span: e.span.map(span), note: e.note.clone() })
                        .collect(),
                })
            })
            .collect()
    };
    JsonComparison {
        schema_version: COMPARE_SCHEMA_VERSION,
        analyzer_version: crate::analysis::ANALYZER_VERSION,
        a: to_json(a_text, a),
        b: to_json(b_text, b),
        camps: c
            .camps
            .iter()
            .enumerate()
            .map(|(i, camp)| JsonCamp {
                id: i as u32,
                name: camp.name.clone(),
                a: camp.a.iter().map(|s| s.0).collect(),
                b: camp.b.iter().map(|s| s.0).collect(),
                principal: camp.principal,
                by_reader: camp.by_reader,
                confidence: camp.confidence,
                evidence: camp.evidence.iter().map(|e| e.note.clone()).collect(),
                voice: JsonCampVoice {
                    a: c.voice_of(i, Which::A).map(balance_json),
                    b: c.voice_of(i, Which::B).map(balance_json),
                },
            })
            .collect(),
        in_both: c
            .counterparts
            .iter()
            .map(|p| JsonCounterpart {
                a: p.a.0,
                b: p.b.0,
                camp: camp_id(p.camp),
                score: p.score,
                shared_words: p.shared_words.clone(),
            })
            .collect(),
        only_in_a: one_sided(a_text, a, &c.only_in_a),
        only_in_b: one_sided(b_text, b, &c.only_in_b),
        notes: c.notes.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_characters_not_bytes() {
        let cp = CodePoints::new("Ə b");
        assert_eq!(cp.of(0), 0);
        assert_eq!(cp.of(2), 1); // after the two-byte "Ə"
        assert_eq!(cp.of(4), 3);
    }

    #[test]
    fn ascii_text_needs_no_index() {
        let text = "Oslo says, \"shut\".";
        let fast = CodePoints::new(text);
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(text.len() as u32);
        let indexed = CodePoints { starts, ascii_len: None };
        for byte in 0..text.len() as u32 + 3 {
            assert_eq!(fast.of(byte), indexed.of(byte), "byte {byte}");
        }
    }
}

/// Code-point offsets at every byte, in and past the text, for ASCII text (no index) and for
/// text beyond ASCII (the index): caught mutants, `scripts/mutants.sh`.
#[cfg(test)]
mod code_point_table {
    use super::*;

    #[test]
    fn every_byte_offset_by_table() {
        // (text, the code-point offset of byte 0, 1, 2, ...; past the end: one past the last)
        let table: [(&str, &[u32]); 4] =
            [("abc", &[0, 1, 2, 3, 4, 4, 4]), ("aé", &[0, 1, 2, 2, 3, 3]), ("é", &[0, 1, 1, 2]), ("", &[0, 1, 1])];
        for (text, want) in table {
            let cp = CodePoints::new(text);
            let got: Vec<u32> = (0..want.len() as u32).map(|b| cp.of(b)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
