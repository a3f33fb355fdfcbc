//! Capitalised words that are no name (lexicon `not_names.txt`: "COVID", "Brexit") and storms
//! with their names ("Hurricane Dorian", then "Dorian" alone; lexicon `storm_words.txt`): their
//! tokens are taken before any pass looks for names, so none makes them one. A listed word that
//! starts a longer capitalised name ("Brexit Party") is left to the passes after.

use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::{Sentence, Token, TokenKind};

/// Takes the tokens of listed words and of storms, and of every other occurrence of a storm's
/// name.
pub(super) fn take_non_names(text: &str, tokens: &[Token], sentences: &[Sentence], lex: &Lexicon, taken: &mut [bool]) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let capitalised = |i: usize| tokens[i].kind == TokenKind::Word && is_capitalised(piece(i));
    let starts_sentence = |i: usize| {
        let k = sentences.partition_point(|s| (s.first_token as usize) < i);
        sentences.get(k).is_some_and(|s| s.first_token as usize == i)
    };
    let starts_longer_name = |i: usize| i + 1 < tokens.len() && capitalised(i + 1);
    let mut storm_names: Vec<&str> = Vec::new();
    for i in 0..tokens.len() {
        if taken[i] || tokens[i].kind != TokenKind::Word {
            continue;
        }
        if lex.not_names.contains(piece(i)) && !starts_longer_name(i) {
            taken[i] = true;
        } else if lex.storm_words.contains(piece(i)) && i + 1 < tokens.len() && capitalised(i + 1) {
            // Not inside an organisation's name ("the National Hurricane Center"): before the storm
            // word only qualifiers ("Tropical Storm") or no capitalised word.
            let mut first = i;
            while first > 0 && lex.storm_qualifiers.contains(piece(first - 1)) {
                first -= 1;
            }
            if first > 0 && capitalised(first - 1) && !starts_sentence(first - 1) {
                continue;
            }
            // The storm's name: one word ("Dorian"), not a name of several ("Hurricane Center").
            if i + 2 < tokens.len() && capitalised(i + 2) {
                continue;
            }
            taken[first..=i + 1].iter_mut().for_each(|t| *t = true);
            storm_names.push(piece(i + 1));
        }
    }
    if storm_names.is_empty() {
        return;
    }
    for i in 0..tokens.len() {
        if !taken[i] && tokens[i].kind == TokenKind::Word && storm_names.contains(&piece(i)) && !starts_longer_name(i) {
            taken[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "a_disease_and_an_event_are_no_names",
                "COVID cases rose in Lima, and Brexit talks stalled, Ana Ruiz said.",
                &[("Lima", "PLACE"), ("Ana Ruiz", "PERSON")],
            ),
            ("a_listed_word_starting_a_longer_name_stays", "The Brexit Party won seats.", &[("Brexit Party", "ORG")]),
            (
                "a_storm_and_its_name_alone_later_are_no_names",
                "Hurricane Odile reached Tampico. Odile weakened on Monday.",
                &[("Tampico", "PLACE"), ("Monday", "DATE")],
            ),
            (
                "a_qualified_storm",
                "Tropical Storm Odile hit Tampico on Monday.",
                &[("Tampico", "PLACE"), ("Monday", "DATE")],
            ),
            (
                "a_storm_word_inside_an_organisation_name_is_left_alone",
                "The National Hurricane Center in Miami said so.",
                &[("National Hurricane Center", "ORG"), ("Miami", "PLACE")],
            ),
        ]);
    }
}
