//! Stage 3, quotes: pairs quotation marks into quotations, robust to messy quoting.
//!
//! Handles straight, curly and guillemet marks, single quotes inside double ones, and the
//! newsroom habit of re-opening a quote at each new paragraph of a long quotation. An opening
//! mark that is never closed is closed at the end of its paragraph, with a diagnostic: one bad
//! mark never spoils the rest of the text. Runs in one pass, linear in the number of tokens.

use super::model::{Diagnostic, Quote, Token, TokenKind};
use super::span::Span;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    Either,
    Apostrophe,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Level {
    Double,
    Single,
}

fn classify(text: &str, tokens: &[Token], i: usize) -> (Level, Role) {
    let piece = tokens[i].span.slice(text);
    let space_before = i == 0 || tokens[i].space_before;
    let space_after = i + 1 >= tokens.len() || tokens[i + 1].space_before;
    let next_is_punct = i + 1 < tokens.len() && tokens[i + 1].kind == TokenKind::Punct;
    let prev_is_open = i > 0 && matches!(tokens[i - 1].span.slice(text), "(" | "[" | "—" | "–" | "-");
    let level = if matches!(piece, "'" | "‘" | "’" | "‚" | "‛" | "‹" | "›") {
        Level::Single
    } else {
        Level::Double
    };
    let role = match piece {
        "“" | "„" | "«" | "‘" | "‚" | "‹" | "「" => Role::Open,
        "”" | "»" | "›" | "」" => Role::Close,
        "‟" => Role::Open,
        _ => {
            let opens = (space_before || prev_is_open) && !space_after;
            let closes = !space_before && (space_after || next_is_punct);
            match (opens, closes) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ if level == Level::Single => Role::Apostrophe,
                _ => Role::Either,
            }
        }
    };
    // A right single mark glued on both sides is an apostrophe ("doesn’t" is one token, but
    // "countries’ leaders" leaves one after a word): treat a closing single as apostrophe-or-close.
    (level, role)
}

/// Finds the quotations in the text. Returns them in order, plus diagnostics for unbalanced marks.
///
/// Long because it is one pass over the quote marks whose states (open, nested, closed, unbalanced)
/// read best side by side.
pub fn find(text: &str, tokens: &[Token]) -> (Vec<Quote>, Vec<Diagnostic>) {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut diagnostics = Vec::new();
    // Open double and single quotes: token index of the opening mark.
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    let mut last_in_paragraph = 0usize;

    let close = |open: usize, close_tok: usize, closed: bool, quotes: &mut Vec<Quote>| {
        let start = tokens[open].span.start as usize;
        let end = tokens[close_tok].span.end as usize;
        let inner_start = tokens[open].span.end as usize;
        let inner_end = if closed { tokens[close_tok].span.start as usize } else { end };
        if inner_end > inner_start {
            quotes.push(Quote { span: Span::new(start, end), inner: Span::new(inner_start, inner_end), closed });
        }
    };

    for i in 0..tokens.len() {
        if tokens[i].newlines_before >= 2 && i > 0 {
            // Paragraph break. A long quotation re-opens with a mark at the new paragraph.
            let continues =
                tokens[i].kind == TokenKind::Quote && classify(text, tokens, i) == (Level::Double, Role::Open);
            if let Some(open) = open_double {
                if continues {
                    close(open, last_in_paragraph, false, &mut quotes);
                    if let Some(q) = quotes.last_mut() {
                        q.closed = true; // closed by the newsroom convention, not by accident
                    }
                    open_double = Some(i);
                    open_single = None;
                    last_in_paragraph = i;
                    continue;
                }
                close(open, last_in_paragraph, false, &mut quotes);
                diagnostics.push(Diagnostic {
                    span: Some(tokens[open].span),
                    message: "quotation mark opened here is never closed; the quote was ended at the paragraph's end"
                        .into(),
                });
                open_double = None;
            }
            open_single = None;
        }
        last_in_paragraph = i;
        if tokens[i].kind != TokenKind::Quote {
            continue;
        }
        let (level, role) = classify(text, tokens, i);
        match (level, role) {
            (_, Role::Apostrophe) => {
                if let Some(open) = open_single.filter(|_| {
                    !tokens[i].space_before && i + 1 < tokens.len() && tokens[i + 1].kind != TokenKind::Word
                }) {
                    close(open, i, true, &mut quotes);
                    open_single = None;
                }
            }
            (Level::Double, Role::Open) => {
                if let Some(open) = open_double {
                    // Two openings in a row: the first was never closed.
                    diagnostics.push(Diagnostic {
                        span: Some(tokens[open].span),
                        message: "quotation mark opened here is not closed before the next one opens".into(),
                    });
                    if i > open + 1 {
                        close(open, i - 1, false, &mut quotes);
                    }
                }
                open_double = Some(i);
                open_single = None;
            }
            (Level::Double, Role::Close) => match open_double.take() {
                Some(open) => close(open, i, true, &mut quotes),
                None => diagnostics.push(Diagnostic {
                    span: Some(tokens[i].span),
                    message: "closing quotation mark with no opening mark before it".into(),
                }),
            },
            (Level::Double, Role::Either) => match open_double.take() {
                Some(open) => close(open, i, true, &mut quotes),
                None => open_double = Some(i),
            },
            (Level::Single, Role::Open) => {
                if open_single.is_none() {
                    open_single = Some(i);
                }
            }
            (Level::Single, Role::Close) | (Level::Single, Role::Either) => {
                if let Some(open) = open_single.take() {
                    close(open, i, true, &mut quotes);
                }
            }
        }
    }
    if let Some(open) = open_double {
        if tokens.len() > open + 1 {
            close(open, tokens.len() - 1, false, &mut quotes);
        }
        diagnostics.push(Diagnostic {
            span: Some(tokens[open].span),
            message: "quotation mark opened here is never closed; the quote was ended at the end of the text".into(),
        });
    }
    crate::analysis::sort::sort_by_key(&mut quotes, |q| (q.span.start, std::cmp::Reverse(q.span.end)));
    // Keep only outermost quotations: a single-quoted phrase inside a double quote is part of it.
    let mut outer: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if outer.last().is_some_and(|o| o.span.contains(q.span)) {
            continue;
        }
        outer.push(q);
    }
    (outer, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn quotes(text: &str) -> (Vec<&str>, usize) {
        let tokens = tokenize(text);
        let (q, d) = find(text, &tokens);
        (q.iter().map(|q| q.inner.slice(text)).collect(), d.len())
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str], usize)] = &[
            ("curly", "He said “it is open” today.", &["it is open"], 0),
            ("straight", "He said \"it is open\" today.", &["it is open"], 0),
            ("two_straight", "\"A,\" he said. \"B.\"", &["A,", "B."], 0),
            ("single_inside_double", "“He called it ‘normal’ then,” she said.", &["He called it ‘normal’ then,"], 0),
            ("single_alone", "It was ‘normal’, he said.", &["normal"], 0),
            ("apostrophes", "It doesn’t matter; the countries’ leaders met.", &[], 0),
            ("guillemets", "Il a dit «non».", &["non"], 0),
            ("unbalanced_to_paragraph_end", "“It is open and\n\nNext paragraph.", &["It is open and"], 1),
            ("continued_paragraph", "“First part.\n\n“Second part,” he said.", &["First part.", "Second part,"], 0),
            ("stray_close", "It is open” he said.", &[], 1),
            ("empty_text", "", &[], 0),
        ];
        for (name, text, want, n_diag) in cases {
            let (got, d) = quotes(text);
            assert_eq!(&got, want, "case {name}");
            assert_eq!(d, *n_diag, "diagnostics in case {name}");
        }
    }

    #[test]
    fn many_marks_stay_linear_and_sane() {
        let text = "\" ".repeat(10_000);
        let tokens = tokenize(&text);
        let (q, _) = find(&text, &tokens);
        assert!(q.len() <= 5_000);
    }
}
