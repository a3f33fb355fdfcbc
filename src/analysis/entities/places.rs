//! Places the rules find or fix: the place of a wire dateline ("NAIROBI (Reuters) -") and names
//! with a place word in them ("Lake Turkana", "Omo River", "Mill Lane").

use super::Found;
use crate::analysis::document::{dateline_at, is_capitalised};
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Token};
use rustc_hash::FxHashMap;

/// The place of a wire dateline opening a paragraph ("NAIROBI (Reuters) -") is a place, whatever
/// the tagger made of the upper-case word.
pub(super) fn dateline_places(text: &str, tokens: &[Token], taken: &mut [bool], found: &mut Vec<Found>) {
    let starts = tokens.iter().enumerate().filter(|(i, t)| *i == 0 || t.newlines_before >= 2).map(|(i, _)| i);
    let datelines: Vec<(usize, usize)> =
        starts.filter_map(|first| dateline_at(text, tokens, first).map(|(end, _)| (first, end))).collect();
    if datelines.is_empty() {
        return;
    }
    let by_span: FxHashMap<(usize, usize), usize> =
        found.iter().enumerate().map(|(i, f)| ((f.first, f.end), i)).collect();
    for (first, end) in datelines {
        let evidence = Evidence::at(tokens[first].span.cover(tokens[end - 1].span), "the place of a dateline");
        if let Some(f) = by_span.get(&(first, end)).map(|&i| &mut found[i]) {
            if f.canonical.is_none() && f.kind != EntityKind::Place {
                f.kind = EntityKind::Place;
                f.evidence.push(evidence);
            }
        } else if !taken[first..end].iter().any(|t| *t) {
            taken[first..end].iter_mut().for_each(|t| *t = true);
            found.push(Found::by_rule(first, end, EntityKind::Place, 0.8, evidence));
        }
    }
}

/// "Lake Turkana", "Mount Elgon", "Omo River", "Mill Lane": a place word in a name makes it a
/// place (lexicon place_name_first_words.txt, place_name_words.txt).
pub(super) fn retype_by_place_word(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.canonical.is_none() && f.end - f.first >= 2 && f.kind != EntityKind::Place) {
        let first = tokens[f.first].span.slice(text);
        let last = tokens[f.end - 1].span.slice(text);
        if lex.org_words.contains(first) {
            continue; // "Ministry of the Sea"
        }
        let leading = lex.place_name_first_words.contains(first);
        let trailing = is_capitalised(last) && lex.place_name_words.contains_lower(last);
        if leading || trailing {
            let word = if leading { first } else { last };
            f.kind = EntityKind::Place;
            f.evidence.push(Evidence::note(format!("a place name with '{word}' in it")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "place_words_in_names",
                "Fishermen on Lake Turkana and farmers along the Omo River met near Mill Lane.",
                &[("Lake Turkana", "PLACE"), ("Omo River", "PLACE"), ("Mill Lane", "PLACE")],
            ),
            (
                "dateline_place",
                "NAIROBI (Reuters) - Kenya summoned the envoy.",
                &[("NAIROBI", "PLACE"), ("Reuters", "ORG"), ("Kenya", "PLACE")],
            ),
        ]);
    }
}
