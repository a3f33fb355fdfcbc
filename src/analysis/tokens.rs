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

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_uppercase)
}

/// Index of the token starting at byte `pos`, if any (`tokens` in text order).
pub fn token_starting_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.start).ok()
}

/// Index of the token ending at byte `pos`, if any (`tokens` in text order).
pub fn token_ending_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.end).ok()
}

/// A wire-style dateline opening the paragraph at token `first` ("PARIS —", "NAIROBI (Reuters) -",
/// "KYIV, Ukraine —"): returns the end of its place name (all upper-case words) and the index
/// of the first token after the dash. `None` when the tokens there are not a dateline.
pub fn dateline_at(text: &str, tokens: &[Token], first: usize) -> Option<(usize, usize)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let upper = |i: usize| {
        tokens[i].kind == super::model::TokenKind::Word
            && piece(i).chars().count() >= 2
            && piece(i).chars().all(|c| !c.is_lowercase())
    };
    if first > 0 && tokens.get(first)?.newlines_before < 2 {
        return None; // not a paragraph's first token
    }
    let mut i = first;
    while i < tokens.len() && i < first + 4 && upper(i) {
        i += 1;
    }
    if i == first {
        return None;
    }
    let place_end = i;
    // ", Ukraine", ", Dec 3": a few more words before the agency or the dash.
    if i < tokens.len() && piece(i) == "," {
        let rest = (i + 1..tokens.len().min(i + 5)).find(|&k| matches!(piece(k), "(" | "—" | "–" | "-" | "--"))?;
        i = rest;
    }
    if i + 2 < tokens.len() && piece(i) == "(" && piece(i + 2) == ")" {
        i += 3;
    }
    let dash = |i: usize| i < tokens.len() && matches!(piece(i), "—" | "–" | "-" | "--");
    if !dash(i) {
        return None;
    }
    while dash(i) {
        i += 1;
    }
    Some((place_end, i))
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
    fn datelines() {
        // (text, the place name and the first word after the dateline)
        let table: &[(&str, Option<(&str, &str)>)] = &[
            ("PARIS — Farmers blocked roads.", Some(("PARIS", "Farmers"))),
            ("NAIROBI (Reuters) - Kenya summoned the envoy.", Some(("NAIROBI", "Kenya"))),
            ("KYIV, Ukraine — Sirens sounded.", Some(("KYIV", "Sirens"))),
            ("NEW YORK (AP) -- Markets fell.", Some(("NEW YORK", "Markets"))),
            ("NATO - the alliance - met.", Some(("NATO", "the"))),
            ("Paris — Farmers blocked roads.", None),
            ("The EU - and NATO - met.", None),
        ];
        for (text, want) in table {
            let tokens = tokenize(text);
            let got = dateline_at(text, &tokens, 0).map(|(place_end, after)| {
                (&text[..tokens[place_end - 1].span.end as usize], tokens[after].span.slice(text))
            });
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn newlines_are_counted() {
        let t = tokenize("One.\n\nTwo\r\nthree\rfour");
        let nl: Vec<u8> = t.iter().map(|t| t.newlines_before).collect();
        assert_eq!(nl, vec![0, 0, 2, 1, 1]);
    }
}
