//! Dates and numbers, found by rules before any name: a month name with the day and year beside
//! it ("June 1, 2023", "27 August"), a weekday ("Thursday, October 10, 2019"), a four-digit year,
//! and any other figure.

use super::Found;
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Token, TokenKind};

fn is_year(piece: &str) -> bool {
    piece.len() == 4
        && piece.bytes().all(|b| b.is_ascii_digit())
        && (b"1".contains(&piece.as_bytes()[0]) || piece.starts_with("20") || piece.starts_with("21"))
}

fn is_day_number(piece: &str) -> bool {
    let digits = piece.trim_end_matches(|c: char| c.is_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Adds the dates and numbers, left to right.
pub(super) fn dates_and_numbers(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let Some((start, end, kind, rule)) = date_or_number_at(text, tokens, lex, taken, i) else {
            i += 1;
            continue;
        };
        i = start;
        if taken[i..end].iter().any(|t| *t) {
            i += 1;
            continue;
        }
        taken[i..end].iter_mut().for_each(|t| *t = true);
        found.push(Found::by_rule(i, end, kind, 0.9, Evidence::note(rule)));
        i = end;
    }
}

/// The date or number at token `i`: its tokens `start..end` (a day number before a month name
/// starts it), its kind and the rule that found it.
fn date_or_number_at(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    taken: &[bool],
    i: usize,
) -> Option<(usize, usize, EntityKind, &'static str)> {
    let piece = |k: usize| tokens[k].span.slice(text);
    let p = piece(i);
    // A short month name ("May", "Jun") must look like a date: a day or year next to it, or a
    // temporal word before it ("in May", "since May"), not the verb "may".
    let temporal_before = || i > 0 && lex.month_cue_words.contains_lower(piece(i - 1));
    let calendar = lex.calendar_first_bytes.may_start(p);
    if calendar
        && lex.months.contains(p)
        && (p.len() > 3
            || temporal_before()
            || i + 1 < tokens.len() && (is_day_number(piece(i + 1)) || is_year(piece(i + 1))))
    {
        let (start, end) = month_date(text, tokens, taken, i);
        Some((start, end, EntityKind::Date, "rule: month name"))
    } else if calendar && lex.weekdays.contains(p) {
        Some((i, weekday_date_end(text, tokens, lex, i), EntityKind::Date, "rule: weekday"))
    } else if tokens[i].kind == TokenKind::Number && is_year(p) {
        Some((i, i + 1, EntityKind::Date, "rule: four-digit year"))
    } else if tokens[i].kind == TokenKind::Number {
        Some((i, i + 1, EntityKind::Number, "rule: figure"))
    } else {
        None
    }
}

/// The tokens of a date around the month name at `i`: "June 1", "February 2023", "June 1, 2023";
/// a day number before it: "27 August".
fn month_date(text: &str, tokens: &[Token], taken: &[bool], i: usize) -> (usize, usize) {
    let piece = |k: usize| tokens[k].span.slice(text);
    let mut start = i;
    if i > 0 && !taken[i - 1] && is_day_number(piece(i - 1)) {
        start = i - 1;
    }
    let mut end = i + 1;
    if end < tokens.len() && is_day_number(piece(end)) {
        end += 1;
    }
    if end + 1 < tokens.len() && piece(end) == "," && is_year(piece(end + 1)) {
        end += 2;
    } else if end < tokens.len() && is_year(piece(end)) {
        end += 1;
    }
    (start, end)
}

/// The end of a date starting with the weekday at `i`: "Thursday, October 10, 2019" is one date.
fn weekday_date_end(text: &str, tokens: &[Token], lex: &Lexicon, i: usize) -> usize {
    let piece = |k: usize| tokens[k].span.slice(text);
    let mut end = i + 1;
    if i + 2 < tokens.len() && piece(i + 1) == "," && lex.months.contains(piece(i + 2)) {
        let mut e = i + 3;
        if e < tokens.len() && is_day_number(piece(e)) {
            e += 1;
            if e + 1 < tokens.len() && piece(e) == "," && is_year(piece(e + 1)) {
                e += 2;
            }
            end = e;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            ("date_month_day", "They meet on June 1 in Paris.", &[("June 1", "DATE"), ("Paris", "PLACE")]),
            ("year_and_weekday", "On Sunday, as in 2020, nothing.", &[("Sunday", "DATE"), ("2020", "DATE")]),
            ("weekday_and_date", "On Thursday, October 10, 2019 they met.", &[("Thursday, October 10, 2019", "DATE")]),
            (
                "short_month_after_in",
                "Talks resumed in May. They may end in June.",
                &[("May", "DATE"), ("June", "DATE")],
            ),
        ]);
    }
}
