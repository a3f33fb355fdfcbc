//! Stage 1, tokens: words, numbers, quote marks and punctuation, losslessly, with byte spans.
//!
//! Word boundaries come from Unicode's rules (UAX #29, via `unicode-segmentation`); on top of
//! them a possessive `'s`/`’s` is split off its word ("Aliyev’s" → "Aliyev" + "’s") so that
//! names are found bare. Whitespace is not a token; each token records what whitespace came
//! before it, so paragraphs survive.

use super::model::{Token, TokenKind};
use super::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Every quotation mark the analysis knows, straight and typographic.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '‹' | '›' | '「' | '」')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut space_before = false;
    let mut newlines_before: u32 = 0;
    for (start, piece) in text.split_word_bound_indices() {
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            space_before = true;
            // A line feed, or a lone carriage return (old Mac line ends), is a line break.
            let line_feeds = piece.bytes().filter(|b| *b == b'\n').count();
            let lone_returns = piece.bytes().filter(|b| *b == b'\r').count() - piece.matches("\r\n").count();
            newlines_before += (line_feeds + lone_returns) as u32;
            continue;
        }
        let kind = if is_quote_mark(first) && piece.chars().count() == 1 {
            TokenKind::Quote
        } else if first.is_numeric() {
            TokenKind::Number
        } else if first.is_alphabetic() {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let nl = newlines_before.min(u8::MAX as u32) as u8;
        let end = start + piece.len();
        if kind == TokenKind::Word && piece.len() > 2 && (piece.ends_with("'s") || piece.ends_with("’s")) {
            let cut = if piece.ends_with("'s") { end - 2 } else { end - 4 };
            tokens.push(Token { span: Span::new(start, cut), kind, space_before, newlines_before: nl });
            tokens.push(Token {
                span: Span::new(cut, end),
                kind: TokenKind::Word,
                space_before: false,
                newlines_before: 0,
            });
        } else {
            tokens.push(Token { span: Span::new(start, end), kind, space_before, newlines_before: nl });
        }
        space_before = false;
        newlines_before = 0;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    #[test]
    fn table() {
        use TokenKind::*;
        let cases: &[(&str, &str, &[(&str, TokenKind)])] = &[
            ("possessive_curly", "Aliyev’s adviser", &[("Aliyev", Word), ("’s", Word), ("adviser", Word)]),
            ("possessive_straight", "Baku's", &[("Baku", Word), ("'s", Word)]),
            ("contraction_kept", "doesn’t", &[("doesn’t", Word)]),
            ("number_with_comma", "about 2,000 troops", &[("about", Word), ("2,000", Number), ("troops", Word)]),
            ("quotes", "“open,” he", &[("“", Quote), ("open", Word), (",", Punct), ("”", Quote), ("he", Word)]),
            ("hyphen", "Nagorno-Karabakh", &[("Nagorno", Word), ("-", Punct), ("Karabakh", Word)]),
            ("empty", "", &[]),
            ("spaces_only", "  \n ", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&words(text), want, "case {name}");
        }
    }

    #[test]
    fn newlines_are_counted() {
        let t = tokenize("One.\n\nTwo\r\nthree\rfour");
        let nl: Vec<u8> = t.iter().map(|t| t.newlines_before).collect();
        assert_eq!(nl, vec![0, 0, 2, 1, 1]);
    }
}
