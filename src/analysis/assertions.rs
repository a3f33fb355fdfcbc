//! Check-worthy assertions: sentences that state a checkable fact (a figure, a toll, a
//! cause) without attributing it to anyone. Scored, not just flagged.

use super::lexicon::Lexicon;
use super::model::{Assertion, Claim, Entity, EntityKind, Evidence, Sentence, Token, TokenKind};

/// Words that make a statement about the world checkable: tolls, amounts, causes.
const FACT_WORDS: &[&str] = &[
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
    "troops",
    "percent",
    "per",
    "million",
    "billion",
    "hundreds",
    "thousands",
    "dozens",
    "tonnes",
    "casualties",
    "arrested",
    "captured",
    "controlled",
    "stationed",
    "because",
    "caused",
    "led",
    "increased",
    "fell",
    "rose",
    "destroyed",
];

/// Finds unattributed, check-worthy sentences. `claims` must be sorted by start.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    entities: &[Entity],
    claims: &[Claim],
    _lex: &Lexicon,
) -> Vec<Assertion> {
    let mut out = Vec::new();
    for s in sentences {
        let idx = claims.partition_point(|c| c.span.end <= s.span.start);
        if claims.get(idx).is_some_and(|c| c.span.overlaps(s.span)) {
            continue;
        }
        let (a, b) = (s.first_token as usize, s.end_token as usize);
        if b - a < 5 || tokens[a..b].iter().any(|t| t.kind == TokenKind::Quote) {
            continue;
        }
        let mut evidence = Vec::new();
        let e0 = entities.partition_point(|e| e.span.start < s.span.start);
        for e in entities[e0..].iter().take_while(|e| e.span.end <= s.span.end) {
            if e.kind == EntityKind::Number {
                evidence.push(Evidence::at(e.span, "a figure"));
            }
        }
        for t in &tokens[a..b] {
            let word = t.span.slice(text).to_lowercase();
            if FACT_WORDS.contains(&word.as_str()) {
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
