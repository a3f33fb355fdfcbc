//! Stage 8, assertions: sentences that state a checkable fact (a figure, a toll, a cause)
//! without attributing it to anyone. Scored, not just flagged. The words that make a fact
//! checkable are data (`lexicon/fact_words.txt`).

use super::document::Document;
use super::lexicon::LowerCase;
use super::mentions::within;
use super::model::{Assertion, Claim, Entity, EntityKind, Evidence, TokenKind};

/// Finds unattributed, check-worthy sentences. `claims` must be sorted by start.
pub fn find(doc: &Document, entities: &[Entity], claims: &[Claim]) -> Vec<Assertion> {
    let (text, tokens) = (doc.text, &doc.tokens[..]);
    let mut out = Vec::new();
    for s in &doc.sentences {
        let idx = claims.partition_point(|c| c.span.end <= s.span.start);
        if claims.get(idx).is_some_and(|c| c.span.overlaps(s.span)) {
            continue;
        }
        let (a, b) = (s.first_token as usize, s.end_token as usize);
        if b - a < 5 || tokens[a..b].iter().any(|t| t.kind == TokenKind::Quote) {
            continue;
        }
        let mut evidence = Vec::new();
        for e in within(entities, s.span) {
            if e.kind == EntityKind::Number {
                evidence.push(Evidence::at(e.span, "a figure"));
            }
        }
        for t in &tokens[a..b] {
            if doc.lex.fact_words.contains_lower(t.span.slice(text)) {
                let word = t.span.slice(text).to_lowercase();
                evidence.push(Evidence::at(t.span, format!("fact word '{word}'")));
            }
        }
        if evidence.is_empty() {
            continue;
        }
        let score = (0.3 + 0.2 * evidence.len() as f32).min(1.0);
        out.push(Assertion { span: s.span, score, evidence });
    }
    out
}
