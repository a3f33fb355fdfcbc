//! Stage 2, sentences: groups tokens into sentences, aware of abbreviations, initials,
//! closing quote marks after the full stop, and paragraph breaks.

use super::lexicon::Lexicon;
use super::model::{Sentence, Token, TokenKind};
use super::span::Span;

fn is_terminal(piece: &str) -> bool {
    matches!(piece, "." | "!" | "?" | "…" | "?!" | "!?")
}

fn is_closer(piece: &str) -> bool {
    matches!(piece, "”" | "’" | "\"" | "'" | "»" | ")" | "]" | "›")
}

fn starts_like_a_sentence(piece: &str) -> bool {
    let c = piece.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_numeric()
        || matches!(c, '“' | '"' | '‘' | '\'' | '«' | '(' | '[' | '—' | '-')
        || !c.is_alphabetic() && !c.is_ascii_punctuation()
}

/// Splits the token stream into sentences. Every token belongs to exactly one sentence.
pub fn split(text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0usize;
    let mut i = 0usize;
    let push = |first: usize, end: usize, sentences: &mut Vec<Sentence>| {
        if end > first {
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start as usize, tokens[end - 1].span.end as usize),
                first_token: first as u32,
                end_token: end as u32,
                starts_paragraph: first == 0 || tokens[first].newlines_before >= 2,
            });
        }
    };
    while i < tokens.len() {
        // A paragraph break always ends the sentence before it.
        if i > first && tokens[i].newlines_before >= 2 {
            push(first, i, &mut sentences);
            first = i;
        }
        let piece = tokens[i].span.slice(text);
        if tokens[i].kind == TokenKind::Punct && is_terminal(piece) {
            let mut end = i + 1;
            while end < tokens.len() && !tokens[end].space_before && is_closer(tokens[end].span.slice(text)) {
                end += 1;
            }
            let abbreviation = piece == "." && i > 0 && !tokens[i].space_before && {
                let prev = tokens[i - 1].span.slice(text);
                lexicon.abbreviations.contains(prev)
                    || (prev.chars().count() == 1 && prev.chars().all(char::is_uppercase))
            };
            let boundary = end == tokens.len()
                || (tokens[end].space_before && starts_like_a_sentence(tokens[end].span.slice(text)));
            if boundary && !abbreviation {
                push(first, end, &mut sentences);
                first = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push(first, tokens.len(), &mut sentences);
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{lexicon::LEXICON, tokens::tokenize};

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens, &LEXICON).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("two", "Talks resumed. Both sides came.", &["Talks resumed.", "Both sides came."]),
            ("abbreviation", "Mr. Smith spoke. Then he left.", &["Mr. Smith spoke.", "Then he left."]),
            ("initials", "J. R. Doe arrived.", &["J. R. Doe arrived."]),
            ("us", "The U.S. envoy left. He said so.", &["The U.S. envoy left.", "He said so."]),
            ("closing_quote", "“It is open.” He left.", &["“It is open.”", "He left."]),
            ("question_in_quote_lower", "“Why?” she asked.", &["“Why?” she asked."]),
            ("paragraph", "Headline\n\nBody text", &["Headline", "Body text"]),
            ("wrapped_line", "the talks in\nBrussels went on.", &["the talks in\nBrussels went on."]),
            ("decimal", "It rose 3.5 percent.", &["It rose 3.5 percent."]),
            ("empty", "", &[]),
            ("no_terminal", "no full stop", &["no full stop"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&sentences(text), want, "case {name}");
        }
    }
}
