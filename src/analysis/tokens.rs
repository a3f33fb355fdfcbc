//! Stage 1, tokens: words, numbers, quote marks and punctuation, losslessly, with byte spans.
//!
//! Word boundaries come from Unicode's rules (UAX #29): [`word_bounds`] splits runs of ASCII
//! itself and hands the rest to `unicode-segmentation`, with the same pieces; on top of
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

/// Calls `f` with each piece of `text` between Unicode word boundaries (UAX #29) and its byte
/// offset, exactly as `text.split_word_bound_indices()` yields them, but faster on English text.
///
/// The text is cut where a word boundary is certain and no rule looks across it: after ASCII
/// whitespace, before an ASCII character that is not whitespace (nothing joins a space or a line
/// break to the character after it, and no rule reaching back past a boundary matches a space).
/// Pieces of only ASCII characters are split here by the rules as they apply to ASCII; the others
/// by `unicode-segmentation`. `tests/properties.rs` checks both give the same pieces.
pub fn word_bounds<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let bytes = text.as_bytes();
    let safe_cut =
        |q: usize| bytes[q - 1].is_ascii_whitespace() && bytes[q].is_ascii() && !bytes[q].is_ascii_whitespace();
    let mut start = 0;
    while start < bytes.len() {
        let Some(non_ascii) = bytes[start..].iter().position(|b| !b.is_ascii()).map(|k| start + k) else {
            ascii_word_bounds(&text[start..], start, &mut f);
            return;
        };
        // The ASCII run up to the last safe cut before the first character beyond ASCII.
        if let Some(cut) = (start + 1..non_ascii).rev().find(|&q| safe_cut(q)) {
            ascii_word_bounds(&text[start..cut], start, &mut f);
            start = cut;
        }
        // From there to the first safe cut after it, by the full rules.
        let end = (non_ascii + 1..bytes.len()).find(|&q| safe_cut(q)).unwrap_or(bytes.len());
        for (i, piece) in text[start..end].split_word_bound_indices() {
            f(start + i, piece);
        }
        start = end;
    }
}

/// [`word_bounds`] of ASCII text `s` at byte `offset`: UAX #29 for the ASCII characters.
/// A run of spaces is one piece (WB3d), CR LF is one (WB3); letters, digits and "_" join
/// (WB5, WB8-WB10, WB13a-b), and so do ".", ":" and "'" between letters (WB6-WB7) and ".", ",",
/// ";" and "'" between digits (WB11-WB12); any other character is a piece of its own (WB999).
fn ascii_word_bounds<'a>(s: &'a str, offset: usize, f: &mut impl FnMut(usize, &'a str)) {
    let core = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let infix = |b: u8, prev: u8, next: u8| match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => true,
        _ => false,
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        i += 1;
        match bytes[start] {
            b' ' => {
                while i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                }
            }
            b'\r' if i < bytes.len() && bytes[i] == b'\n' => i += 1,
            b if core(b) => {
                while i < bytes.len()
                    && (core(bytes[i]) || i + 1 < bytes.len() && infix(bytes[i], bytes[i - 1], bytes[i + 1]))
                {
                    i += 1;
                }
            }
            _ => {}
        }
        f(offset + start, &s[start..i]);
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut space_before = false;
    let mut newlines_before: u32 = 0;
    word_bounds(text, |start, piece| {
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            space_before = true;
            // A line feed, or a lone carriage return (old Mac line ends), is a line break.
            let line_feeds = piece.bytes().filter(|b| *b == b'\n').count();
            let returns = piece.bytes().filter(|b| *b == b'\r').count();
            let lone_returns = if returns == 0 { 0 } else { returns - piece.matches("\r\n").count() };
            newlines_before += (line_feeds + lone_returns) as u32;
            return;
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
    });
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    #[test]
    #[allow(clippy::type_complexity)] // the table's row type, written once where it is read
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

/// The word pieces and tokens at each rule's edge (caught mutants: `scripts/mutants.sh`).
#[cfg(test)]
mod rules_by_table {
    use super::*;

    /// `word_bounds` gives exactly `unicode-segmentation`'s pieces on texts that exercise each
    /// ASCII rule, alone and beside characters beyond ASCII (the split between the two paths).
    #[test]
    fn word_bounds_are_unicode_word_bounds() {
        let texts = [
            "",
            "a",
            " ",
            "   three spaces",
            "tab\tand\u{b}vertical",
            "CR\r\nLF\n\nlone\rreturn\r",
            "\r\n",
            "snake_case_word and x_1",
            "U.S. e.g. 3.14 1,000,000 1;2 4'5 a'b a:b a.b a,b 1:2 1.a a.1 'a' a' .a a.",
            "rock'n'roll don't 90's",
            "ends with digit 7",
            "Aliyev’s «road» — 2,000 people",
            "é",
            "aé b",
            "x é y",
            "ab  é  cd",
            "Baku, Azərbaycan. Yerevan said \"no\".",
            "1.é 2,é a.é é.a",
            "   é",
            "é   ",
            "a\u{301}b c",
            "a \u{301}b",
            "👩‍👩‍👧 and 🇦🇿 flags",
            "Ճանապարհ 12 km",
        ];
        for text in texts {
            let mut ours = Vec::new();
            word_bounds(text, |i, piece| ours.push((i, piece)));
            let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn every_quote_mark_and_no_other() {
        for c in "\"'“”„‟‘’‚‛«»‹›「」".chars() {
            assert!(is_quote_mark(c), "{c}");
        }
        for c in "a1 -`´,.".chars() {
            assert!(!is_quote_mark(c), "{c}");
        }
    }

    /// (text, each token as text, kind, space before, line breaks before)
    #[test]
    fn tokens_by_table() {
        use TokenKind::*;
        type Row<'a> = (&'a str, Vec<(&'a str, TokenKind, bool, u8)>);
        let rows: Vec<Row> = vec![
            ("'s", vec![("'", Quote, false, 0), ("s", Word, false, 0)]),
            ("a's", vec![("a", Word, false, 0), ("'s", Word, false, 0)]),
            ("ab’s x", vec![("ab", Word, false, 0), ("’s", Word, false, 0), ("x", Word, true, 0)]),
            ("a \n\r\n\rb", vec![("a", Word, false, 0), ("b", Word, true, 3)]),
            ("\r\r\n\nc", vec![("c", Word, true, 3)]),
            (
                "«x» 12 ½ -",
                vec![
                    ("«", Quote, false, 0),
                    ("x", Word, false, 0),
                    ("»", Quote, false, 0),
                    ("12", Number, true, 0),
                    ("½", Number, true, 0),
                    ("-", Punct, true, 0),
                ],
            ),
            ("''", vec![("'", Quote, false, 0), ("'", Quote, false, 0)]),
        ];
        for (text, want) in rows {
            let got: Vec<(&str, TokenKind, bool, u8)> = tokenize(text)
                .iter()
                .map(|t| (t.span.slice(text), t.kind, t.space_before, t.newlines_before))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        let many = format!("a{}b", "\n".repeat(300));
        assert_eq!(tokenize(&many)[1].newlines_before, u8::MAX, "line breaks are counted up to 255");
    }
}
