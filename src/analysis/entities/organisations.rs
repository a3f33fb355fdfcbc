//! Organisations: head words ("Ministry", "Hospital"), a common noun for an organisation beside a
//! name ("the FNSEA union", "news agency Reuters"), names the tagger cut short ("Competition and
//! Markets Authority"), a possessive between two names ("Nalvia's Interior Ministry") and a
//! company's short name ("Solvane" after "Solvane Technologies").

use super::{is_possessive, Found};
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{Lexicon, LowerCase};
use crate::analysis::model::{EntityKind, Evidence, Token, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// True for a word that makes a name ending in it an organisation ("Council", "Hospital").
pub(super) fn is_org_head(lex: &Lexicon, word: &str) -> bool {
    lex.org_words.contains(word) || lex.org_end_words.contains(word)
}

/// True for a name at tokens `first..end` of three or more words that starts with an
/// organisation's head word and "of" ("Church of Scientology", "Bank of England").
pub(super) fn org_head_before_of(text: &str, tokens: &[Token], lex: &Lexicon, first: usize, end: usize) -> bool {
    end > first + 2 && is_org_head(lex, tokens[first].span.slice(text)) && tokens[first + 1].span.slice(text) == "of"
}

/// Evidence that the name at tokens `start..end` is an organisation: a common noun for one right
/// after it ("the Likud party"), or right before it after another modifier ("news agency Reuters",
/// "the militant group Hamas"; not "the party Macron founded").
pub(super) fn org_noun_beside(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> Option<Evidence> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let lower_word = |i: usize| tokens[i].kind == TokenKind::Word && piece(i).chars().all(char::is_lowercase);
    if end < tokens.len() && lower_word(end) && lex.org_nouns.contains(piece(end)) {
        return Some(Evidence::at(tokens[end].span, format!("'{}' after the name", piece(end))));
    }
    // "Sport Integrity Australia, the country's anti-doping agency,": an organisation in apposition.
    // Only when an organisation noun is the apposition's head: its last word, not "Ana Reis,
    // president of the union", nor after a preposition ("Ana Reis, an advocate with the group",
    // where the head is "advocate"), unless the head before the preposition is a part of an
    // organisation ("Altmar, a subsidiary of the bank").
    if end + 1 < tokens.len() && piece(end) == "," {
        let words = (end + 1..tokens.len().min(end + 7)).take_while(|&k| !matches!(piece(k), "," | "." | ";"));
        let preposition = words.clone().find(|&k| lex.head_noun_prepositions.contains(piece(k)));
        let headed =
            preposition.is_none_or(|p| p > end + 1 && lower_word(p - 1) && lex.org_part_nouns.contains(piece(p - 1)));
        let last = words.last().filter(|_| headed);
        let noun = last.filter(|&k| lower_word(k) && lex.org_nouns.contains(piece(k)));
        let role = last.is_some_and(|l| (end + 1..l).any(|k| lex.titles.contains(piece(k))));
        if let Some(k) = noun.filter(|_| !role) {
            return Some(Evidence::at(tokens[k].span, format!("described as a '{}'", piece(k))));
        }
    }
    if start >= 2 && lower_word(start - 1) && lex.org_nouns.contains(piece(start - 1)) {
        let modifier = piece(start - 2);
        let modified = tokens[start - 2].kind == TokenKind::Word
            && !lex.function_words.contains_lower(modifier)
            && (lower_word(start - 2) || lex.demonyms.contains(modifier));
        if modified {
            return Some(Evidence::at(
                tokens[start - 2].span.cover(tokens[start - 1].span),
                "an organisation noun before the name",
            ));
        }
    }
    None
}

/// A name the tagger or the knowledge base typed as a person or place, which a common noun for an
/// organisation beside it shows to be an organisation ("the FNSEA union", "agency Insee").
pub(super) fn retype_by_org_noun(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
    for f in
        found.iter_mut().filter(|f| f.canonical.is_none() && matches!(f.kind, EntityKind::Person | EntityKind::Place))
    {
        let last = tokens[f.end - 1].span.slice(text);
        if let Some(evidence) = org_noun_beside(text, tokens, lex, f.first, f.end) {
            f.kind = EntityKind::Org;
            f.evidence.push(evidence);
        } else if f.end - f.first >= 2 && lex.company_words.contains(last) {
            f.kind = EntityKind::Org;
            f.evidence.push(Evidence::at(tokens[f.end - 1].span, format!("a company name ending in '{last}'")));
        }
    }
}

/// A company's first word alone names it ("Solvane" after "Solvane Technologies"): such
/// occurrences become organisations, whatever the tagger made of them.
pub(super) fn company_short_names(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let short: FxHashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Org && f.end - f.first >= 2 && lex.company_words.contains(piece(f.end - 1)))
        .map(|f| piece(f.first))
        .filter(|w| is_capitalised(w) && !lex.function_words.contains_lower(w))
        .collect();
    if short.is_empty() {
        return;
    }
    for f in found.iter_mut().filter(|f| f.end - f.first == 1 && f.kind != EntityKind::Org && f.canonical.is_none()) {
        if short.contains(piece(f.first)) {
            f.kind = EntityKind::Org;
            f.evidence.push(Evidence::note("the first word of a company named in the text"));
        }
    }
    for i in 0..tokens.len() {
        let next_is_name =
            i + 1 < tokens.len() && is_capitalised(piece(i + 1)) && tokens[i + 1].kind == TokenKind::Word;
        if !taken[i] && tokens[i].kind == TokenKind::Word && short.contains(piece(i)) && !next_is_name {
            taken[i] = true;
            let evidence = Evidence::note("the first word of a company named in the text");
            found.push(Found::by_rule(i, i + 1, EntityKind::Org, 0.75, evidence));
        }
    }
}

/// "Nalvia's Interior Ministry" is two names: the owner and the organisation it owns. The owner
/// of a state body (a ministry, an army; lexicon state_body_words.txt) is a country, a place; of
/// anything else, an organisation.
pub(super) fn split_possessives(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut Vec<Found>) {
    let mut owners = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Org && f.canonical.is_none()) {
        let Some(p) = (f.first + 1..f.end.saturating_sub(1)).find(|&k| is_possessive(tokens[k].span.slice(text)))
        else {
            continue;
        };
        let head = tokens[f.end - 1].span.slice(text);
        let government = lex.state_body_words.contains(head);
        let owner_kind = if government { EntityKind::Place } else { EntityKind::Org };
        let evidence = Evidence::at(tokens[p].span, "a possessive between two names");
        owners.push(Found::by_rule(f.first, p, owner_kind, f.confidence, evidence.clone()));
        f.first = p + 1;
        f.evidence.push(evidence);
    }
    found.extend(owners);
    crate::analysis::sort::sort_by_key(found, |f| f.first);
}

/// Completes organisation names the tagger cut short: "Markets Authority" after "Competition
/// and", "International Centre" before "for Defence and Security", "Medical Association" after
/// the place "New Zealand". Names taken in are dropped as entities of their own.
pub(super) fn extend_org_names(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    crate::analysis::sort::sort_by_key(found, |f| f.first);
    let around = Around::new(found);
    let names = OrgName { text, tokens, lex };
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate().filter(|(_, f)| f.kind == EntityKind::Org) {
        let end = names.grow_right(&around, f.first, f.end);
        let first = names.grow_left(&around, f.first, end);
        if (first, end) != (f.first, f.end) {
            grown.push((i, first, end));
        }
    }
    if !grown.is_empty() {
        apply_growth(&grown, taken, found);
    }
}

/// The other names an organisation's name may grow over, looked up once so that the pass stays
/// linear in the number of names (`found` sorted by `first`).
struct Around {
    /// First tokens of places.
    place_starting: FxHashSet<usize>,
    /// End token → first token, of places.
    place_ending: FxHashMap<usize, usize>,
    /// Tokens in people's names.
    person_tokens: FxHashSet<usize>,
}

impl Around {
    fn new(found: &[Found]) -> Around {
        Around {
            place_starting: found.iter().filter(|f| f.kind == EntityKind::Place).map(|f| f.first).collect(),
            place_ending: found.iter().filter(|f| f.kind == EntityKind::Place).map(|f| (f.end, f.first)).collect(),
            person_tokens: found.iter().filter(|f| f.kind == EntityKind::Person).flat_map(|f| f.first..f.end).collect(),
        }
    }
}

/// The text an organisation's name grows in.
struct OrgName<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'a Lexicon,
}

impl OrgName<'_> {
    fn piece(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }

    /// A capitalised word, not a function word, on the same line.
    fn name_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
            && is_capitalised(self.piece(i))
            && !self.lex.function_words.contains_lower(self.piece(i))
            && self.tokens[i].newlines_before == 0
    }

    /// True when the name ending at `end` ends in an organisation head word.
    fn head_is_org_word(&self, end: usize) -> bool {
        self.lex.org_words.contains(self.piece(end - 1))
    }

    /// The new end of the name `first..end` grown right: "Centre" + "for Climate and Water
    /// Research", "Ministry" + "of Health", "Commission" + "on Presidential Debates".
    fn grow_right(&self, around: &Around, first: usize, end: usize) -> usize {
        let mut end = end;
        let mut joined_by_preposition = (first..end).any(|k| matches!(self.piece(k), "for" | "of"));
        loop {
            // "Armed Forces" + "of the Philippines": a "the" after the joiner is part of the name.
            let the =
                end + 2 < self.tokens.len() && matches!(self.piece(end), "of" | "for") && self.piece(end + 1) == "the";
            let next_name = if the { end + 2 } else { end + 1 };
            if next_name >= self.tokens.len() || !self.name_word(next_name) || self.tokens[end].newlines_before > 0 {
                break;
            }
            let joiner = self.piece(end);
            let ok = match joiner {
                "for" | "of" => self.head_is_org_word(end) || joined_by_preposition,
                // "Commission" + "on Presidential Debates"; never a day, a place or a person the
                // body talks about ("the Council on Monday", "the Security Council on Syria").
                "on" => {
                    self.head_is_org_word(end)
                        && !self.lex.is_calendar_word(self.piece(next_name))
                        && !around.place_starting.contains(&next_name)
                        && !around.person_tokens.contains(&next_name)
                }
                // Not over a place after "and" ("the Ministry of Defence and Ukraine").
                "and" | "&" => joined_by_preposition && !around.place_starting.contains(&(end + 1)),
                _ => false,
            };
            if !ok {
                break;
            }
            let mut k = next_name;
            while k < self.tokens.len() && k < next_name + 4 && self.name_word(k) {
                k += 1;
            }
            joined_by_preposition |= matches!(joiner, "for" | "of");
            end = k;
        }
        end
    }

    /// The new first token of the name `first..end` grown left: "Competition and" + "Markets
    /// Authority"; the place "New Zealand" + "Medical Association".
    fn grow_left(&self, around: &Around, first: usize, end: usize) -> usize {
        let mut first = first;
        if self.head_is_org_word(end)
            && first >= 2
            && matches!(self.piece(first - 1), "and" | "&")
            && self.name_word(first - 2)
        {
            let mut k = first - 2;
            while k > 0 && first - 1 - k < 3 && self.name_word(k - 1) {
                k -= 1;
            }
            if !(k..first - 1).any(|t| around.person_tokens.contains(&t)) {
                first = k;
            }
        }
        let adjacent = self.tokens[first].space_before && self.tokens[first].newlines_before == 0;
        if self.head_is_org_word(end) && adjacent {
            if let Some(&place_first) = around.place_ending.get(&first) {
                first = place_first;
            }
        }
        first
    }
}

/// Gives the names in `grown` (index into `found`, new first and end tokens) their new extent,
/// and drops the names inside them.
fn apply_growth(grown: &[(usize, usize, usize)], taken: &mut [bool], found: &mut Vec<Found>) {
    let mut drop = vec![false; found.len()];
    for &(i, first, end) in grown {
        // The names inside the grown span (found is sorted by `first`).
        let from = found.partition_point(|f| f.first < first);
        for (j, f) in found.iter().enumerate().skip(from).take_while(|(_, f)| f.first < end) {
            if j != i && f.end <= end {
                drop[j] = true;
            }
        }
        let f = &mut found[i];
        f.first = first;
        f.end = end;
        f.canonical = None;
        f.evidence.push(Evidence::note("one organisation name, completed around the tagged words"));
        taken[first..end].iter_mut().for_each(|t| *t = true);
    }
    let mut index = 0;
    found.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
    crate::analysis::sort::sort_by_key(found, |f| f.first);
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "organisation_names_completed",
                "The Competition and Markets Authority met staff of the Centre for Climate and Water Research and the New Zealand Medical Association.",
                &[
                    ("Competition and Markets Authority", "ORG"),
                    ("Centre for Climate and Water Research", "ORG"),
                    ("New Zealand Medical Association", "ORG"),
                ],
            ),
            (
                "possessive_between_two_names",
                "Officials at Tarnland's Interior Ministry said so.",
                &[("Tarnland", "PLACE"), ("Interior Ministry", "ORG")],
            ),
            (
                "company_and_its_short_name",
                "Workers sued Tarnvale Technologies on Monday. Tarnvale said the claims were false.",
                &[("Tarnvale Technologies", "ORG"), ("Monday", "DATE"), ("Tarnvale", "ORG")],
            ),
            (
                "name_runs_on_through_on_but_not_into_a_day",
                "The Tarnland Commission on Coastal Fisheries met. The Valmont Council on Monday agreed. \
                 The Security Council on Syria met. The Harbour Committee on Marta Ruiz reported.",
                &[
                    ("Tarnland Commission on Coastal Fisheries", "ORG"),
                    ("Valmont Council", "ORG"),
                    ("Monday", "DATE"),
                    ("Security Council", "ORG"),
                    ("Syria", "PLACE"),
                    ("Harbour Committee", "ORG"),
                    ("Marta Ruiz", "PERSON"),
                ],
            ),
            ("organisation_noun_after_the_name", "Farmers from the FNSEA union blocked the road.", &[("FNSEA", "ORG")]),
            (
                "organisation_noun_before_the_name",
                "The figures come from the statistics agency Insee and the news agency Reuters.",
                &[("Insee", "ORG"), ("Reuters", "ORG")],
            ),
            (
                "a_group_after_a_preposition_is_not_the_apposition_s_head",
                "Marta Ruiz, a conservation advocate with the group, spoke. Tarnvale Aid, a relief group, replied. \
                 Altmar, a subsidiary of the bank, agreed.",
                &[("Marta Ruiz", "PERSON"), ("Tarnvale Aid", "ORG"), ("Altmar", "ORG")],
            ),
            (
                "not_after_a_determiner",
                "It is the party Marta Ruiz founded in Lisbon.",
                &[("Marta Ruiz", "PERSON"), ("Lisbon", "PLACE")],
            ),
        ]);
    }
}
