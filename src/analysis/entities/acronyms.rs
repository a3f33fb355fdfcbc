//! Acronyms of names in the text: an upper-case word that spells the initials of a name found
//! in the text ("PWU" after "Port Workers Union"), that a bracket after a name defines ("...
//! Association (KNVB)"), or that "the" introduces twice ("the KNVB").

use super::Found;
use crate::analysis::document::{acronym_shaped, is_capitalised};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::{EntityKind, Evidence, Token, TokenKind};
use rustc_hash::FxHashMap;

/// The initials of a name of two or more capitalised words ("European Union" → "EU", "Bank of
/// England" → "BE"): words are split at spaces and hyphens, and those not capitalised ("of")
/// are skipped. `None` for fewer than two capitalised words.
pub(super) fn initials(name: &str) -> Option<String> {
    let mut firsts = name.split([' ', '-']).filter(|w| is_capitalised(w)).filter_map(|w| w.chars().next());
    let (a, b) = (firsts.next()?, firsts.next()?);
    let mut out = String::with_capacity(8);
    out.push(a);
    out.push(b);
    out.extend(firsts);
    Some(out)
}

/// An upper-case word that spells the initials of a name found in the text ("PWU" after "Port
/// Workers Union", "NZMA"), or that a bracket after a name defines ("... Association (KNVB)"),
/// or that "the" introduces ("the KNVB"), is that organisation or place; clustering then ties an
/// acronym of initials to its name.
pub(super) fn acronyms_of_names(text: &str, tokens: &[Token], taken: &mut [bool], found: &mut Vec<Found>) {
    let by_initials = acronyms_in_text(text, tokens, found);
    if by_initials.is_empty() {
        return;
    }
    let piece = |i: usize| tokens[i].span.slice(text);
    for i in 0..tokens.len() {
        let word = piece(i);
        if taken[i]
            || tokens[i].kind != TokenKind::Word
            || word.len() < 2
            || !word.chars().all(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        if let Some(&kind) = by_initials.get(word) {
            taken[i] = true;
            found.push(Found::by_rule(i, i + 1, kind, 0.8, Evidence::note("the initials of a name in the text")));
        }
    }
    crate::analysis::sort::sort_by_key(found, |f| f.first);
}

/// The acronyms the text gives a meaning, with the kind of name each stands for.
fn acronyms_in_text(text: &str, tokens: &[Token], found: &[Found]) -> FxHashMap<String, EntityKind> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut by_initials: FxHashMap<String, EntityKind> = FxHashMap::default();
    for f in found.iter().filter(|f| f.end - f.first >= 2 && matches!(f.kind, EntityKind::Org | EntityKind::Place)) {
        if let Some(acronym) = initials(f.span(tokens).slice(text)) {
            by_initials.entry(acronym).or_insert(f.kind);
        }
    }
    // "the Royal Dutch Football Association (KNVB)": an acronym defined in brackets after a name,
    // and then "the KNVB" anywhere.
    for f in found.iter().filter(|f| matches!(f.kind, EntityKind::Org | EntityKind::Place)) {
        let (open, word, close) = (f.end, f.end + 1, f.end + 2);
        if close < tokens.len() && piece(open) == "(" && piece(close) == ")" {
            let w = piece(word);
            if w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) {
                by_initials.entry(w.to_string()).or_insert(f.kind);
            }
        }
    }
    // ("the KNVB" at least twice: once could be anything, "the USSR".)
    let mut with_the: FxHashMap<&str, usize> = FxHashMap::default();
    for i in 1..tokens.len() {
        let w = piece(i);
        if acronym_shaped(w) && piece(i - 1).eq_ignore_ascii_case("the") {
            *with_the.entry(w).or_default() += 1;
        }
    }
    for (w, n) in with_the {
        if n >= 2 {
            by_initials.entry(w.to_string()).or_insert(EntityKind::Org);
        }
    }
    by_initials
}

/// "RAF", "NATO": an acronym's shape, and not a country's name ("USA"); an organisation's name,
/// not a person's.
pub(super) fn is_acronym(lex: &Lexicon, word: &str) -> bool {
    acronym_shaped(word) && !lex.country_names.contains(word)
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "acronym_of_a_name_in_the_text",
                "The Port Workers Union (PWU) called a strike. The PWU said pay was low.",
                &[("Port Workers Union", "ORG"), ("PWU", "ORG"), ("PWU", "ORG")],
            ),
            (
                "acronym_defined_in_brackets",
                "The Royal Dutch Football Association (KNVB) met on Monday. The KNVB denied it.",
                &[("Royal Dutch Football Association", "ORG"), ("KNVB", "ORG"), ("Monday", "DATE"), ("KNVB", "ORG")],
            ),
        ]);
    }
}
