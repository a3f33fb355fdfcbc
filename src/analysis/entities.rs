//! Stage 4, entities: people, organisations, places, dates and numbers, and the clusters that
//! tie every mention of one entity together ("Ilham Aliyev" = "Aliyev" = "President Aliyev").
//!
//! Names come from four sources, merged in this order of trust: rules for dates and numbers; a
//! trained statistical tagger (`ner`, an averaged perceptron over hashed features) for people,
//! organisations and places; the knowledge base (countries, capitals, metonyms, international
//! organisations; aho-corasick, leftmost-longest), which fixes the type of the names it knows
//! unless the tagger found a longer name around them ("Valeska Paris", "US Air Force"); and
//! head-word rules for capitalised runs the tagger left out ("Ministry of Defence", "Lachin
//! corridor"). Then rules that read the words around a name fix its type or its extent: a noun
//! for an organisation beside it ("the FNSEA union"), a dateline ("NAIROBI (Reuters) -"), an
//! organisation name the tagger cut short ("Competition and Markets Authority"), a possessive
//! between two names ("Nalvia's Interior Ministry"), initials ("PWU"), a company's short name
//! ("Solvane" for "Solvane Technologies"), a place word ("Lake Turkana"). Last, document-level
//! passes give every bare occurrence of a name found elsewhere in the text the same type (a
//! surname at a sentence start, "Paris said"), and one name one type throughout.

use super::lexicon::{Lexicon, LEXICON};
use super::model::{Cluster, ClusterId, Entity, EntityId, EntityKind, Evidence, Sentence, Token, TokenKind};
use super::ner::{self, Label, Tagged};
use super::span::Span;
use super::tokens::{dateline_at, is_capitalised, token_ending_at, token_starting_at};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The knowledge-base names, as one automaton with the kind and canonical name of each pattern.
struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<(EntityKind, &'static str)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let lex: &'static Lexicon = &super::lexicon::LEXICON;
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut entries = Vec::new();
    for country in &lex.countries {
        for name in std::iter::once(&country.name).chain(&country.other_names).chain(&country.capitals) {
            patterns.push(name.as_str());
            entries.push((EntityKind::Place, name.as_str()));
        }
    }
    for name in
        include_str!("lexicon/regions.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        patterns.push(name);
        entries.push((EntityKind::Place, name));
    }
    for (name, _) in &lex.metonyms {
        patterns.push(name.as_str());
        entries.push((EntityKind::Place, name.as_str()));
    }
    for names in &lex.organisations {
        for name in names {
            patterns.push(name.as_str());
            entries.push((EntityKind::Org, names[0].as_str()));
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("gazetteer patterns build");
    Gazetteer { automaton, entries }
});

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

/// A found mention before clustering.
struct Found {
    first: usize,
    end: usize,
    kind: EntityKind,
    confidence: f32,
    evidence: Vec<Evidence>,
    canonical: Option<&'static str>,
}

impl Found {
    /// Its bytes in the text.
    fn span(&self, tokens: &[Token]) -> Span {
        Span::new(tokens[self.first].span.start as usize, tokens[self.end - 1].span.end as usize)
    }
}

/// Adds the knowledge base's names, except those inside a longer name the tagger found.
fn gazetteer_matches(text: &str, tokens: &[Token], tagged: &[Tagged], taken: &mut [bool], found: &mut Vec<Found>) {
    let gaz = &*GAZETTEER;
    // For each token, the tagged name (not MISC) that covers it, so that each lookup is O(1).
    let mut cover: Vec<Option<&Tagged>> = vec![None; tokens.len()];
    for t in tagged.iter().filter(|t| t.label != Label::Misc) {
        cover[t.first..t.end].iter_mut().for_each(|c| *c = Some(t));
    }
    for m in gaz.automaton.find_iter(text) {
        let (Some(first), Some(last)) =
            (token_starting_at(tokens, m.start() as u32), token_ending_at(tokens, m.end() as u32))
        else {
            continue; // not on token boundaries ("US" inside "USSR")
        };
        if taken[first..=last].iter().any(|t| *t) {
            continue;
        }
        let inside_longer =
            cover[first].is_some_and(|t| t.first <= first && t.end > last && t.end - t.first > last + 1 - first);
        if inside_longer {
            continue;
        }
        let (kind, canonical) = gaz.entries[m.pattern().as_usize()];
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        found.push(Found {
            first,
            end: last + 1,
            kind,
            confidence: 0.95,
            evidence: vec![Evidence::note(format!(
                "knowledge base: {}",
                if kind == EntityKind::Org { "organisation" } else { "country, capital or seat of government" }
            ))],
            canonical: Some(canonical),
        });
    }
}

fn dates_and_numbers(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let p = piece(i);
        let mut end = i;
        let mut kind = None;
        // A short month name ("May", "Jun") must look like a date: a day or year next to it, or a
        // temporal word before it ("in May", "since May"), not the verb "may".
        let temporal_before = i > 0
            && matches!(
                piece(i - 1).to_lowercase().as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "from"
                    | "through"
                    | "during"
            );
        if lex.months.contains(p)
            && (p.len() > 3
                || temporal_before
                || i + 1 < tokens.len() && (is_day_number(piece(i + 1)) || is_year(piece(i + 1))))
        {
            // "June 1", "February 2023", "June 1, 2023"; a day number before it: "27 August".
            let mut start = i;
            if i > 0 && !taken[i - 1] && is_day_number(piece(i - 1)) {
                start = i - 1;
            }
            end = i + 1;
            if end < tokens.len() && is_day_number(piece(end)) {
                end += 1;
            }
            if end + 1 < tokens.len() && piece(end) == "," && is_year(piece(end + 1)) {
                end += 2;
            } else if end < tokens.len() && is_year(piece(end)) {
                end += 1;
            }
            i = start;
            kind = Some((EntityKind::Date, "rule: month name"));
        } else if lex.weekdays.contains(p) {
            end = i + 1;
            // "Thursday, October 10, 2019" is one date.
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
            kind = Some((EntityKind::Date, "rule: weekday"));
        } else if tokens[i].kind == TokenKind::Number && is_year(p) {
            end = i + 1;
            kind = Some((EntityKind::Date, "rule: four-digit year"));
        } else if tokens[i].kind == TokenKind::Number {
            end = i + 1;
            kind = Some((EntityKind::Number, "rule: figure"));
        }
        match kind {
            Some((kind, rule)) if !taken[i..end].iter().any(|t| *t) => {
                taken[i..end].iter_mut().for_each(|t| *t = true);
                found.push(Found {
                    first: i,
                    end,
                    kind,
                    confidence: 0.9,
                    evidence: vec![Evidence::note(rule)],
                    canonical: None,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// Joins a capitalised run's tokens across name-internal connectors ("Nagorno-Karabakh", "Bank of England").
fn capitalised_runs(text: &str, tokens: &[Token], lex: &Lexicon, taken: &[bool]) -> Vec<(usize, usize)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let name_word = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && !taken[i]
            && is_capitalised(piece(i))
            && !lex.function_words.contains(&piece(i).to_lowercase())
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && name_word(end) && tokens[end].newlines_before < 2 {
                end += 1;
            } else if end + 1 < tokens.len()
                && name_word(end + 1)
                && (matches!(piece(end), "-" | "of" | "de" | "al" | "bin" | "van" | "von" | "for" | "and")
                    && !tokens[end + 1].space_before == (piece(end) == "-"))
                && !(piece(end) == "and" && !lex.org_words.contains(piece(end + 1)))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// Classifies a capitalised run by what surrounds it.
fn classify_run(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    start: usize,
    end: usize,
    sentence_start: bool,
) -> Option<(usize, usize, EntityKind, f32, Evidence)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut start = start;
    // Honorifics and capitalised titles are not part of the name.
    while start < end
        && (lex.honorifics.contains(piece(start)) || lex.titles.contains(&piece(start).to_lowercase()))
        && end - start > 1
    {
        start += 1;
    }
    let last = piece(end - 1);
    let next_lower = (end < tokens.len()).then(|| piece(end).to_lowercase());
    let prev_lower = (start > 0).then(|| piece(start - 1).to_lowercase());
    let titled = start > 0
        && (lex.honorifics.contains(piece(start - 1)) || prev_lower.as_ref().is_some_and(|p| lex.titles.contains(p)));
    let span_text = Span::new(tokens[start].span.start as usize, tokens[end - 1].span.end as usize).slice(text);
    if lex.org_words.contains(last) || end - start >= 2 && lex.company_words.contains(last) {
        return Some((start, end, EntityKind::Org, 0.8, Evidence::note(format!("organisation head word '{last}'"))));
    }
    // "Ministry of Water Resources", "Department for Transport": the head word comes first.
    let first = piece(start);
    if end - start >= 3 && lex.org_words.contains(first) && matches!(piece(start + 1), "of" | "for") {
        return Some((start, end, EntityKind::Org, 0.8, Evidence::note(format!("organisation head word '{first}'"))));
    }
    if let Some(next) =
        next_lower.as_ref().filter(|n| lex.place_words.contains(n.as_str()) && !is_capitalised(piece(end)))
    {
        return Some((start, end + 1, EntityKind::Place, 0.75, Evidence::note(format!("place head word '{next}'"))));
    }
    if let Some(evidence) = org_noun_beside(text, tokens, lex, start, end) {
        return Some((start, end, EntityKind::Org, 0.8, evidence));
    }
    // "Hana Gebremedhin, the ministry's spokesperson,": two or three names, then a role.
    if (2..=3).contains(&(end - start)) && end + 1 < tokens.len() && piece(end) == "," {
        let role = (end + 1..tokens.len().min(end + 7))
            .take_while(|&k| !matches!(piece(k), "," | "." | ";"))
            .find(|&k| tokens[k].kind == TokenKind::Word && !is_capitalised(piece(k)) && lex.titles.contains(piece(k)));
        if let Some(k) = role {
            return Some((
                start,
                end,
                EntityKind::Person,
                0.75,
                Evidence::at(tokens[k].span, "a role in apposition after the name"),
            ));
        }
    }
    if titled {
        return Some((
            start,
            end,
            EntityKind::Person,
            0.85,
            Evidence::at(tokens[start - 1].span, "title or honorific before the name"),
        ));
    }
    if span_text.len() >= 2 && span_text.len() <= 6 && span_text.chars().all(|c| c.is_uppercase() || c == '.') {
        return Some((start, end, EntityKind::Org, 0.6, Evidence::note("acronym")));
    }
    if sentence_start && end - start == 1 {
        return None;
    }
    if (start..end).any(|i| piece(i) == "-") {
        return Some((start, end, EntityKind::Place, 0.4, Evidence::note("hyphenated capitalised name")));
    }
    if end - start >= 2 {
        return Some((start, end, EntityKind::Person, 0.55, Evidence::note("several capitalised words")));
    }
    Some((start, end, EntityKind::Place, 0.35, Evidence::note("capitalised word")))
}

/// Evidence that the name at tokens `start..end` is an organisation: a common noun for one right
/// after it ("the Likud party"), or right before it after another modifier ("news agency Reuters",
/// "the militant group Hamas"; not "the party Macron founded").
fn org_noun_beside(text: &str, tokens: &[Token], lex: &Lexicon, start: usize, end: usize) -> Option<Evidence> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let lower_word = |i: usize| tokens[i].kind == TokenKind::Word && piece(i).chars().all(char::is_lowercase);
    if end < tokens.len() && lower_word(end) && lex.org_nouns.contains(piece(end)) {
        return Some(Evidence::at(tokens[end].span, format!("'{}' after the name", piece(end))));
    }
    // "Sport Integrity Australia, the country's anti-doping agency,": an organisation in apposition.
    // Only when the noun ends the apposition: not "Ana Reis, president of the union".
    if end + 1 < tokens.len() && piece(end) == "," {
        let last = (end + 1..tokens.len().min(end + 7)).take_while(|&k| !matches!(piece(k), "," | "." | ";")).last();
        let noun = last.filter(|&k| lower_word(k) && lex.org_nouns.contains(piece(k)));
        let role = last.is_some_and(|l| (end + 1..l).any(|k| lex.titles.contains(piece(k))));
        if let Some(k) = noun.filter(|_| !role) {
            return Some(Evidence::at(tokens[k].span, format!("described as a '{}'", piece(k))));
        }
    }
    if start >= 2 && lower_word(start - 1) && lex.org_nouns.contains(piece(start - 1)) {
        let modifier = piece(start - 2);
        let modified = tokens[start - 2].kind == TokenKind::Word
            && !lex.function_words.contains(&modifier.to_lowercase())
            && (lower_word(start - 2) || ner::features::WORD_LISTS.is_demonym(modifier));
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
fn retype_by_org_noun(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
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

/// "Lake Turkana", "Mount Elgon", "Omo River", "Mill Lane": a place word in a name makes it a
/// place (lexicon place_name_words.txt).
fn retype_by_place_word(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.canonical.is_none() && f.end - f.first >= 2 && f.kind != EntityKind::Place) {
        let first = tokens[f.first].span.slice(text);
        let last = tokens[f.end - 1].span.slice(text);
        if lex.org_words.contains(first) {
            continue; // "Ministry of the Sea"
        }
        let leading = matches!(first, "Lake" | "Mount" | "Mt" | "Cape" | "Gulf" | "Bay");
        let trailing = is_capitalised(last) && lex.place_name_words.contains(&last.to_lowercase());
        if leading || trailing {
            let word = if leading { first } else { last };
            f.kind = EntityKind::Place;
            f.evidence.push(Evidence::note(format!("a place name with '{word}' in it")));
        }
    }
}

/// A company's first word alone names it ("Solvane" after "Solvane Technologies"): such
/// occurrences become organisations, whatever the tagger made of them.
fn company_short_names(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let short: HashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Org && f.end - f.first >= 2 && lex.company_words.contains(piece(f.end - 1)))
        .map(|f| piece(f.first))
        .filter(|w| is_capitalised(w) && !lex.function_words.contains(&w.to_lowercase()))
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
            found.push(Found {
                first: i,
                end: i + 1,
                kind: EntityKind::Org,
                confidence: 0.75,
                evidence: vec![Evidence::note("the first word of a company named in the text")],
                canonical: None,
            });
        }
    }
}

/// Two or three capitalised words nobody claimed, followed by a role in apposition ("Irina
/// Volkova, a spokesperson for ..."), are a person, even where the tagger judged them another
/// kind of name.
fn people_by_role(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut people = Vec::new();
    {
        let name_word = |i: usize| {
            tokens[i].kind == TokenKind::Word
                && !taken[i]
                && is_capitalised(piece(i))
                && !lex.function_words.contains(&piece(i).to_lowercase())
                && !lex.titles.contains(&piece(i).to_lowercase())
                && !is_demonym(piece(i))
        };
        let mut i = 0;
        while i < tokens.len() {
            if !name_word(i) || i > 0 && tokens[i - 1].kind == TokenKind::Word && is_capitalised(piece(i - 1)) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < tokens.len() && end < i + 4 && name_word(end) {
                end += 1;
            }
            let apposition = (2..=3).contains(&(end - i)) && end + 1 < tokens.len() && piece(end) == ",";
            let role = (end + 1..tokens.len().min(end + 7))
                .take_while(|&k| !matches!(piece(k), "," | "." | ";"))
                .find(|&k| {
                    tokens[k].kind == TokenKind::Word && !is_capitalised(piece(k)) && lex.titles.contains(piece(k))
                })
                .filter(|_| apposition);
            if let Some(k) = role {
                people.push((i, end, k));
            }
            i = end.max(i + 1);
        }
    }
    for (first, end, role) in people {
        taken[first..end].iter_mut().for_each(|t| *t = true);
        found.push(Found {
            first,
            end,
            kind: EntityKind::Person,
            confidence: 0.75,
            evidence: vec![Evidence::at(tokens[role].span, "a role in apposition after the name")],
            canonical: None,
        });
    }
    found.sort_by_key(|f| f.first);
}

/// Names with a particle ("Faisal al-Mannai", "Pieter Van Acker", "Khalil Abu Salem"): the tagger
/// often keeps only the part after the particle. The given name and the particle are taken in,
/// and the whole is a person.
fn extend_name_particles(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut [Found]) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let given_name = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && is_capitalised(piece(i))
            && !lex.function_words.contains(&piece(i).to_lowercase())
            && !lex.titles.contains(&piece(i).to_lowercase())
            && !lex.honorifics.contains(piece(i))
            && !is_demonym(piece(i))
    };
    for f in
        found.iter_mut().filter(|f| f.canonical.is_none() && f.kind != EntityKind::Date && f.kind != EntityKind::Number)
    {
        let first = f.first;
        let inner_particle = f.end - f.first >= 3
            && (f.first + 1..f.end - 1).any(|t| {
                matches!(piece(t), "Abu" | "Van" | "Von" | "De" | "Bin" | "Ibn" | "al" | "bin" | "van" | "von" | "de")
            });
        if inner_particle && f.kind != EntityKind::Person {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("a name particle inside the name"));
            continue;
        }
        // "al-Mannai", "bin Salman", "van der Berg": lower-case particles before the name.
        let mut k = first;
        while k > 0 && first - k < 3 {
            let p = piece(k - 1);
            if matches!(
                p,
                "al" | "el" | "bin" | "ibn" | "van" | "von" | "de" | "der" | "den" | "da" | "di" | "du" | "-"
            ) {
                k -= 1;
            } else {
                break;
            }
        }
        let lower_particle = k < first && piece(k) != "-";
        // "Abu Salem", "Van Acker": the name starts with a capitalised particle.
        let upper_particle = k == first
            && f.end - f.first >= 2
            && matches!(piece(first), "Abu" | "Al" | "El" | "Bin" | "Ibn" | "Van" | "Von" | "De" | "Du" | "Da");
        if !(lower_particle || upper_particle) || k == 0 || !given_name(k - 1) || taken[k - 1] {
            continue;
        }
        if !tokens[k].space_before && piece(k) != "-" || tokens[k].newlines_before > 0 {
            continue;
        }
        (k - 1..first).for_each(|t| taken[t] = true);
        f.first = k - 1;
        f.kind = EntityKind::Person;
        f.evidence.push(Evidence::note("a given name and a name particle before it"));
    }
}

/// True for a nationality adjective ("Armenian", or "Philippine", which the tagger's demonym list
/// lacks): such a word alone is not a name.
fn is_demonym(word: &str) -> bool {
    ner::features::WORD_LISTS.is_demonym(word) || LEXICON.plain_adjectives.contains_key(word)
}

/// A name of two or more words means one thing throughout a text: every occurrence takes the
/// type with the most confidence summed over its occurrences (the knowledge base's type when it
/// knows the name), so "Harwell Shipping" at a sentence start is the company named before.
fn one_type_per_name(text: &str, tokens: &[Token], found: &mut [Found]) {
    let surface = |f: &Found| f.span(tokens).slice(text);
    let mut votes: HashMap<&str, HashMap<EntityKind, f32>> = HashMap::new();
    for f in found
        .iter()
        .filter(|f| f.end - f.first >= 2 && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place))
    {
        let weight = if f.canonical.is_some() { 10.0 } else { f.confidence };
        *votes.entry(surface(f)).or_default().entry(f.kind).or_default() += weight;
    }
    let winner: HashMap<&str, EntityKind> = votes
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .filter_map(|(name, v)| {
            v.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.label().cmp(a.0.label()))).map(|(k, _)| (name, k))
        })
        .collect();
    // A one-word name that is the first or last word of longer names of one kind only is that
    // kind ("Turkana" after "Lake Turkana", "Harland" after "Jessica Harland").
    let mut kinds_of_word: HashMap<&str, HashSet<EntityKind>> = HashMap::new();
    for f in found.iter().filter(|f| f.end - f.first >= 2) {
        if (f.first..f.end).any(|k| matches!(tokens[k].span.slice(text), "'s" | "’s")) {
            continue;
        }
        for k in [f.first, f.end - 1] {
            kinds_of_word.entry(tokens[k].span.slice(text)).or_default().insert(f.kind);
        }
    }
    // "Van Acker" after "Pieter Van Acker": the end of a longer person's name is that person.
    let person_tails: HashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person && f.end - f.first >= 3)
        .map(|f| Span::new(tokens[f.first + 1].span.start as usize, tokens[f.end - 1].span.end as usize).slice(text))
        .collect();
    for f in found.iter_mut().filter(|f| f.end - f.first >= 2 && f.canonical.is_none() && f.kind != EntityKind::Person)
    {
        if person_tails.contains(surface(f)) {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("the end of a person's name found in the text"));
        }
    }
    for f in found.iter_mut().filter(|f| f.end - f.first == 1 && f.canonical.is_none()) {
        let word = tokens[f.first].span.slice(text);
        if is_demonym(word) {
            continue;
        }
        if let Some(kinds) = kinds_of_word.get(word).filter(|k| k.len() == 1) {
            let kind = *kinds.iter().next().expect("one kind");
            if kind != f.kind && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place) {
                f.kind = kind;
                f.evidence.push(Evidence::note("part of a longer name of this kind in the text"));
            }
        }
    }
    if winner.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        if let Some(&kind) = winner.get(surface(f)) {
            if f.kind != kind && matches!(f.kind, EntityKind::Person | EntityKind::Org | EntityKind::Place) {
                f.kind = kind;
                f.evidence.push(Evidence::note("the same name is typed this way elsewhere in the text"));
            }
        }
    }
}

/// An upper-case word that spells the initials of a name found in the text ("PWU" after "Port
/// Workers Union", "NZMA"), or that a bracket after a name defines ("... Association (KNVB)"),
/// or that "the" introduces ("the KNVB"), is that organisation or place; clustering then ties an
/// acronym of initials to its name.
fn acronyms_of_names(text: &str, tokens: &[Token], taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut by_initials: HashMap<String, EntityKind> = HashMap::new();
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
    let mut with_the: HashMap<&str, usize> = HashMap::new();
    for i in 1..tokens.len() {
        let w = piece(i);
        let acronym = (3..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
        if acronym && piece(i - 1).eq_ignore_ascii_case("the") {
            *with_the.entry(w).or_default() += 1;
        }
    }
    for (w, n) in with_the {
        if n >= 2 {
            by_initials.entry(w.to_string()).or_insert(EntityKind::Org);
        }
    }
    if by_initials.is_empty() {
        return;
    }
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
            found.push(Found {
                first: i,
                end: i + 1,
                kind,
                confidence: 0.8,
                evidence: vec![Evidence::note("the initials of a name in the text")],
                canonical: None,
            });
        }
    }
    found.sort_by_key(|f| f.first);
}

/// "Nalvia's Interior Ministry" is two names: the owner and the organisation it owns. The owner
/// of a state body (a ministry, an army; lexicon state_body_words.txt) is a country, a place; of
/// anything else, an organisation.
fn split_possessives(text: &str, tokens: &[Token], lex: &Lexicon, found: &mut Vec<Found>) {
    let mut owners = Vec::new();
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Org && f.canonical.is_none()) {
        let Some(p) =
            (f.first + 1..f.end.saturating_sub(1)).find(|&k| matches!(tokens[k].span.slice(text), "'s" | "’s"))
        else {
            continue;
        };
        let head = tokens[f.end - 1].span.slice(text);
        let government = lex.state_body_words.contains(head);
        let owner_kind = if government { EntityKind::Place } else { EntityKind::Org };
        let evidence = Evidence::at(tokens[p].span, "a possessive between two names");
        owners.push(Found {
            first: f.first,
            end: p,
            kind: owner_kind,
            confidence: f.confidence,
            evidence: vec![evidence.clone()],
            canonical: None,
        });
        f.first = p + 1;
        f.evidence.push(evidence);
    }
    found.extend(owners);
    found.sort_by_key(|f| f.first);
}

/// Completes organisation names the tagger cut short: "Markets Authority" after "Competition
/// and", "International Centre" before "for Defence and Security", "Medical Association" after
/// the place "New Zealand". Names taken in are dropped as entities of their own.
fn extend_org_names(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let name_word = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && is_capitalised(piece(i))
            && !lex.function_words.contains(&piece(i).to_lowercase())
            && tokens[i].newlines_before == 0
    };
    let head_is_org_word = |end: usize| lex.org_words.contains(piece(end - 1));
    found.sort_by_key(|f| f.first);
    // Looked up once, so the pass stays linear in the number of names.
    let place_starting: HashSet<usize> =
        found.iter().filter(|f| f.kind == EntityKind::Place).map(|f| f.first).collect();
    let place_ending: HashMap<usize, usize> =
        found.iter().filter(|f| f.kind == EntityKind::Place).map(|f| (f.end, f.first)).collect();
    let person_tokens: HashSet<usize> =
        found.iter().filter(|f| f.kind == EntityKind::Person).flat_map(|f| f.first..f.end).collect();
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate().filter(|(_, f)| f.kind == EntityKind::Org) {
        let (mut first, mut end) = (f.first, f.end);
        // Right: "Centre" + "for Climate and Water Research", "Ministry" + "of Health".
        let mut joined_by_preposition = (first..end).any(|k| matches!(piece(k), "for" | "of"));
        loop {
            // "Armed Forces" + "of the Philippines": a "the" after the joiner is part of the name.
            let the = end + 2 < tokens.len() && matches!(piece(end), "of" | "for") && piece(end + 1) == "the";
            let next_name = if the { end + 2 } else { end + 1 };
            if next_name >= tokens.len() || !name_word(next_name) || tokens[end].newlines_before > 0 {
                break;
            }
            let joiner = piece(end);
            let ok = match joiner {
                "for" | "of" => head_is_org_word(end) || joined_by_preposition,
                // Not over a place after "and" ("the Ministry of Defence and Ukraine").
                "and" | "&" => joined_by_preposition && !place_starting.contains(&(end + 1)),
                _ => false,
            };
            if !ok {
                break;
            }
            let mut k = next_name;
            while k < tokens.len() && k < next_name + 4 && name_word(k) {
                k += 1;
            }
            joined_by_preposition |= matches!(joiner, "for" | "of");
            end = k;
        }
        // Left: "Competition and" + "Markets Authority".
        if head_is_org_word(end) && first >= 2 && matches!(piece(first - 1), "and" | "&") && name_word(first - 2) {
            let mut k = first - 2;
            while k > 0 && first - 1 - k < 3 && name_word(k - 1) {
                k -= 1;
            }
            if !(k..first - 1).any(|t| person_tokens.contains(&t)) {
                first = k;
            }
        }
        // Left, adjacent: the place "New Zealand" + "Medical Association".
        if head_is_org_word(end) && tokens[first].space_before && tokens[first].newlines_before == 0 {
            if let Some(&place_first) = place_ending.get(&first) {
                first = place_first;
            }
        }
        if (first, end) != (f.first, f.end) {
            grown.push((i, first, end));
        }
    }
    if grown.is_empty() {
        return;
    }
    let mut drop = vec![false; found.len()];
    for &(i, first, end) in &grown {
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
    found.sort_by_key(|f| f.first);
}

/// The place of a wire dateline opening a paragraph ("NAIROBI (Reuters) -") is a place, whatever
/// the tagger made of the upper-case word.
fn dateline_places(text: &str, tokens: &[Token], taken: &mut [bool], found: &mut Vec<Found>) {
    let starts = tokens.iter().enumerate().filter(|(i, t)| *i == 0 || t.newlines_before >= 2).map(|(i, _)| i);
    let datelines: Vec<(usize, usize)> =
        starts.filter_map(|first| dateline_at(text, tokens, first).map(|(end, _)| (first, end))).collect();
    if datelines.is_empty() {
        return;
    }
    let by_span: HashMap<(usize, usize), usize> =
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
            found.push(Found {
                first,
                end,
                kind: EntityKind::Place,
                confidence: 0.8,
                evidence: vec![evidence],
                canonical: None,
            });
        }
    }
}

/// True when tokens `i..` start with a title or honorific of one to three words; returns its length.
fn title_at(text: &str, tokens: &[Token], lex: &Lexicon, i: usize, end: usize) -> usize {
    let piece = |k: usize| tokens[k].span.slice(text);
    if lex.honorifics.contains(piece(i)) || lex.titles.contains(&piece(i).to_lowercase()) {
        // Prefer the longest title: "Foreign Secretary", "Secretary of State".
        for len in (2..=3).rev() {
            if i + len <= end {
                let words: Vec<String> = (i..i + len).map(|k| piece(k).to_lowercase()).collect();
                if lex.titles.contains(&words.join(" ")) {
                    return len;
                }
            }
        }
        return 1;
    }
    if i + 1 < end && lex.titles.contains(&format!("{} {}", piece(i).to_lowercase(), piece(i + 1).to_lowercase())) {
        return 2;
    }
    0
}

/// Cuts what the gold conventions keep outside a name: a leading "the", titles before a
/// person, a trailing possessive. Returns `None` for what is not a name at all: nationality
/// adjectives ("Armenian", "Germans") and lone function words.
fn trim_tagged(text: &str, tokens: &[Token], lex: &Lexicon, mut t: Tagged) -> Option<Tagged> {
    let piece = |k: usize| tokens[k].span.slice(text);
    let lists = &*ner::features::WORD_LISTS;
    while t.end - t.first > 1 && matches!(piece(t.first), "the" | "The") {
        t.first += 1;
    }
    while t.end - t.first > 1 && matches!(piece(t.end - 1), "'s" | "’s" | "'" | "’") {
        t.end -= 1;
    }
    if t.label == Label::Person {
        while t.end - t.first > 1 && !is_capitalised(piece(t.first)) {
            t.first += 1;
        }
        while t.end - t.first > 1 {
            let len = title_at(text, tokens, lex, t.first, t.end);
            if len == 0 || len >= t.end - t.first {
                break;
            }
            t.first += len;
        }
    }
    // An organisation head word decides the type ("Israel Defense Forces", "Shifa Hospital"),
    // and the name runs on through "of" ("Church of Scientology", "Department of State").
    if is_org_head(lex, piece(t.end - 1)) && t.end - t.first > 1
        || t.end - t.first == 1 && t.label == Label::Org && is_org_head(lex, piece(t.first))
    {
        t.label = Label::Org;
        if t.end + 1 < tokens.len()
            && piece(t.end) == "of"
            && is_capitalised(piece(t.end + 1))
            && tokens[t.end + 1].kind == TokenKind::Word
        {
            t.end += 2;
            while t.end < tokens.len()
                && tokens[t.end].kind == TokenKind::Word
                && is_capitalised(piece(t.end))
                && !lex.function_words.contains(&piece(t.end).to_lowercase())
            {
                t.end += 1;
            }
        }
    }
    if t.end - t.first == 1 {
        let p = piece(t.first);
        if title_at(text, tokens, lex, t.first, t.end) == 1 {
            return None;
        }
        if lists.is_demonym(p)
            || lex.function_words.contains(&p.to_lowercase())
            || !tokens[t.first].kind.eq(&TokenKind::Word) && t.label != Label::Misc
        {
            return None;
        }
        if !is_capitalised(p) {
            return None;
        }
    }
    Some(t)
}

/// Head words that make a name an organisation, beyond the lexicon's list.
const EXTRA_ORG_HEADS: &[&str] = &["Hospital", "hospital", "Clinic", "Jihad", "Airlines", "Airways"];

fn is_org_head(lex: &Lexicon, word: &str) -> bool {
    lex.org_words.contains(word) || EXTRA_ORG_HEADS.contains(&word)
}

fn kind_of(label: Label) -> Option<EntityKind> {
    match label {
        Label::Person => Some(EntityKind::Person),
        Label::Org => Some(EntityKind::Org),
        Label::Place => Some(EntityKind::Place),
        Label::Misc => None,
    }
}

/// Finds entity mentions and groups them into clusters.
pub fn recognize(text: &str, tokens: &[Token], sentences: &[Sentence], lex: &Lexicon) -> (Vec<Entity>, Vec<Cluster>) {
    let mut taken = vec![false; tokens.len()];
    let mut found = Vec::new();
    dates_and_numbers(text, tokens, lex, &mut taken, &mut found);
    let tagged: Vec<Tagged> =
        ner::tag_names(text, tokens, sentences).into_iter().filter_map(|t| trim_tagged(text, tokens, lex, t)).collect();
    gazetteer_matches(text, tokens, &tagged, &mut taken, &mut found);
    // Tokens the tagger judged to be part of another kind of name (an event, a nationality):
    // the head-word rules below must not make them an entity.
    let mut blocked = taken.clone();
    for t in &tagged {
        if taken[t.first..t.end].iter().any(|x| *x) {
            continue;
        }
        blocked[t.first..t.end].iter_mut().for_each(|x| *x = true);
        // A name the tagger filed as "other" but that ends like a company or an institution
        // ("Tarn Shipping", "Harbour Authority") is an organisation.
        let last = tokens[t.end - 1].span.slice(text);
        let org_like = t.end - t.first >= 2 && (lex.company_words.contains(last) || lex.org_words.contains(last));
        let Some(kind) = kind_of(t.label).or(org_like.then_some(EntityKind::Org)) else { continue };
        taken[t.first..t.end].iter_mut().for_each(|x| *x = true);
        let confidence = (0.5 + 0.5 * (1.0 - (-t.margin / 4.0).exp())).clamp(0.5, 0.99);
        found.push(Found {
            first: t.first,
            end: t.end,
            kind,
            confidence,
            evidence: vec![Evidence::note(format!("statistical tagger (margin {:.1})", t.margin))],
            canonical: None,
        });
    }
    let mut sentence_start = vec![false; tokens.len()];
    for s in sentences {
        if let Some(x) = sentence_start.get_mut(s.first_token as usize) {
            *x = true;
        }
    }
    for (start, end) in capitalised_runs(text, tokens, lex, &blocked) {
        if let Some((s, e, kind, confidence, evidence)) =
            classify_run(text, tokens, lex, start, end, sentence_start[start])
        {
            // Only the rules with a head word or a title speak where the tagger was silent.
            if confidence < 0.7
                || e > tokens.len()
                || taken[s..e].iter().any(|t| *t)
                || ner::features::WORD_LISTS.is_demonym(tokens[s].span.slice(text))
            {
                continue;
            }
            let kind = if is_org_head(lex, tokens[e - 1].span.slice(text)) { EntityKind::Org } else { kind };
            taken[s..e].iter_mut().for_each(|t| *t = true);
            found.push(Found { first: s, end: e, kind, confidence, evidence: vec![evidence], canonical: None });
        }
    }
    retype_by_org_noun(text, tokens, lex, &mut found);
    dateline_places(text, tokens, &mut taken, &mut found);
    extend_org_names(text, tokens, lex, &mut taken, &mut found);
    split_possessives(text, tokens, lex, &mut found);
    acronyms_of_names(text, tokens, &mut taken, &mut found);
    propagate(text, tokens, lex, &mut taken, &mut found);
    extend_first_names(text, tokens, lex, &mut taken, &mut found);
    extend_name_particles(text, tokens, lex, &mut taken, &mut found);
    people_by_role(text, tokens, lex, &mut taken, &mut found);
    retype_by_place_word(text, tokens, lex, &mut found);
    company_short_names(text, tokens, lex, &mut taken, &mut found);
    one_type_per_name(text, tokens, &mut found);
    // A nationality adjective alone is not a name ("a Philippine supply boat").
    found.retain(|f| {
        let word = tokens[f.first].span.slice(text);
        let adjective = is_demonym(word) || matches!(word, "Western" | "Eastern" | "Northern" | "Southern");
        !(f.end - f.first == 1 && f.canonical.is_none() && adjective)
    });
    // A title alone is not a person ("Prime Minister" before the name).
    found.retain(|f| !(f.kind == EntityKind::Person && title_at(text, tokens, lex, f.first, f.end) >= f.end - f.first));
    found.sort_by_key(|f| f.first);
    cluster(text, tokens, lex, found)
}

/// Gives bare occurrences of names found elsewhere in the text the same type: a person's
/// surname ("Hajiyev said", even at a sentence start), a name the tagger missed once. A
/// person's surname also wins over the knowledge base ("Valeska Paris" … "Paris said").
fn propagate(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let lists = &*ner::features::WORD_LISTS;
    // A person's name followed at once by a knowledge-base place is one name ("Valeska Paris").
    found.sort_by_key(|f| f.first);
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        // So is an unrecognised capitalised word before it ("Valeska Paris" at a paragraph start).
        let single_place = f.kind == EntityKind::Place && f.canonical.is_some() && f.end - f.first == 1;
        if single_place
            && f.first > 0
            && !taken[f.first - 1]
            && tokens[f.first].space_before
            && tokens[f.first].newlines_before == 0
        {
            let prev = tokens[f.first - 1].span.slice(text);
            let plain = tokens[f.first - 1].kind == TokenKind::Word
                && is_capitalised(prev)
                && prev.chars().skip(1).all(char::is_lowercase)
                && !lex.function_words.contains(&prev.to_lowercase())
                && !lists.is_demonym(prev)
                && title_at(text, tokens, lex, f.first - 1, f.first) == 0
                && !matches!(
                    prev,
                    "North"
                        | "South"
                        | "East"
                        | "West"
                        | "Central"
                        | "Greater"
                        | "Downtown"
                        | "Old"
                        | "New"
                        | "Upper"
                        | "Lower"
                );
            if plain {
                taken[f.first - 1] = true;
                f.first -= 1;
                f.kind = EntityKind::Person;
                f.canonical = None;
                f.evidence.push(Evidence::note("a first name before a place name"));
            }
        }
        if let Some(last) = merged.last_mut() {
            let joins = last.kind == EntityKind::Person
                && f.kind == EntityKind::Place
                && f.canonical.is_some()
                && last.end == f.first
                && f.end - f.first == 1
                && tokens[f.first].space_before
                && tokens[f.first].newlines_before == 0;
            if joins {
                last.end = f.end;
                continue;
            }
        }
        merged.push(f);
    }
    *found = merged;
    // A longer name ending in a word that is a person on its own elsewhere is that person
    // ("President Aliyev" … "Ilham Aliyev", whatever the tagger thought of the longer one).
    let lone_people: HashSet<&str> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person && f.end - f.first == 1)
        .map(|f| tokens[f.first].span.slice(text))
        .collect();
    for f in found.iter_mut() {
        let last = tokens[f.end - 1].span.slice(text);
        if f.end - f.first >= 2
            && f.canonical.is_none()
            && matches!(f.kind, EntityKind::Org | EntityKind::Place)
            && !is_org_head(lex, last)
            && lone_people.contains(last)
        {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("its last word is a person elsewhere in this text"));
        }
    }
    let mut surnames: HashSet<&str> = HashSet::new();
    let mut known: HashMap<&str, EntityKind> = HashMap::new();
    for f in found.iter() {
        let surface = f.span(tokens).slice(text);
        match f.kind {
            EntityKind::Person if f.end - f.first >= 2 && tokens[f.end - 1].kind == TokenKind::Word => {
                surnames.insert(tokens[f.end - 1].span.slice(text));
                known.entry(surface).or_insert(f.kind);
            }
            EntityKind::Person | EntityKind::Org | EntityKind::Place
                if f.canonical.is_none() && f.end - f.first == 1 =>
            {
                known.entry(surface).or_insert(f.kind);
            }
            _ => {}
        }
    }
    for s in &surnames {
        known.insert(s, EntityKind::Person);
    }
    // A knowledge-base place that is this text's surname becomes the person.
    for f in found.iter_mut() {
        if f.end - f.first == 1 && f.kind == EntityKind::Place && surnames.contains(tokens[f.first].span.slice(text)) {
            f.kind = EntityKind::Person;
            f.canonical = None;
            f.evidence.push(Evidence::note("a person's surname in this text"));
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if taken[i] || token.kind != TokenKind::Word {
            continue;
        }
        let piece = token.span.slice(text);
        if !is_capitalised(piece) || lists.is_demonym(piece) {
            continue;
        }
        if let Some(kind) = known.get(piece) {
            taken[i] = true;
            found.push(Found {
                first: i,
                end: i + 1,
                kind: *kind,
                confidence: 0.7,
                evidence: vec![Evidence::note("the same name elsewhere in the text")],
                canonical: None,
            });
        }
    }
}

/// The initials of a multi-word name ("European Union" → "EU"), skipping small words.
/// A capitalised word the tagger left just before a person's name is the first name the model
/// did not know ("João Pereira" found as "Pereira"): at most two such words, on the same line,
/// each a known first name or a word with letters beyond ASCII (names from other languages),
/// never a title, honorific, function word, nationality, calendar word or another entity.
fn extend_first_names(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut [Found]) {
    let lists = &*ner::features::WORD_LISTS;
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Person) {
        let mut n = 0;
        while n < 2 && f.first > 0 {
            let j = f.first - 1;
            let word = tokens[j].span.slice(text);
            let fits = tokens[j].kind == TokenKind::Word
                && !taken[j]
                && tokens[f.first].space_before
                && tokens[f.first].newlines_before == 0
                && is_capitalised(word)
                && !word.chars().all(char::is_uppercase)
                && !lex.function_words.contains(&word.to_lowercase())
                && !lex.titles.contains(&word.to_lowercase())
                && !lex.honorifics.contains(word)
                && !lex.months.contains(word)
                && !lex.weekdays.contains(word)
                && !lists.is_demonym(word)
                && (lists.is_first_name(word) || !word.is_ascii());
            if !fits {
                break;
            }
            taken[j] = true;
            f.first = j;
            n += 1;
        }
    }
}

fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| is_capitalised(w)).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Groups mentions: same canonical name, same text, a person's surname (before or after the
/// full name), or an acronym of a longer name in the text.
fn cluster(text: &str, tokens: &[Token], lex: &Lexicon, found: Vec<Found>) -> (Vec<Entity>, Vec<Cluster>) {
    let surface_of = |f: &Found| f.span(tokens).slice(text);
    // Full names by surname ("Aliyev" → "Ilham Aliyev") and longer names by initials ("EU").
    let mut full_names: HashMap<&str, &str> = HashMap::new();
    // Organisations by their head word ("the Commission" → "European Commission").
    let mut org_heads: HashMap<&str, String> = HashMap::new();
    let mut by_initials: HashMap<String, (EntityKind, String)> = HashMap::new();
    for f in &found {
        let surface = surface_of(f);
        if f.kind == EntityKind::Person && f.end - f.first >= 2 {
            full_names.entry(tokens[f.end - 1].span.slice(text)).or_insert(surface);
        }
        if f.kind == EntityKind::Org && f.end - f.first >= 2 {
            let name = f.canonical.unwrap_or(surface);
            org_heads.entry(tokens[f.end - 1].span.slice(text)).or_insert_with(|| name.to_string());
            if lex.company_words.contains(tokens[f.end - 1].span.slice(text)) {
                org_heads.entry(tokens[f.first].span.slice(text)).or_insert_with(|| name.to_string());
            }
        }
        if matches!(f.kind, EntityKind::Org | EntityKind::Place) {
            let name = f.canonical.unwrap_or(surface);
            if let Some(acronym) = initials(name) {
                by_initials.entry(acronym).or_insert((f.kind, name.to_string()));
            }
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(EntityKind, String), ClusterId> = HashMap::new();
    let mut entities = Vec::with_capacity(found.len());
    for f in found {
        let span = f.span(tokens);
        let surface = span.slice(text);
        let kind = f.kind;
        let single = f.end - f.first == 1;
        let (key_kind, key_name) = if let Some(c) = f.canonical {
            (kind, c.to_string())
        } else if let (true, EntityKind::Person, Some(full)) = (single, kind, full_names.get(surface)) {
            (kind, full.to_string())
        } else if let (true, EntityKind::Org, Some(full)) = (single, kind, org_heads.get(surface)) {
            (kind, full.clone())
        } else if let Some((k, name)) = by_initials
            .get(surface)
            .filter(|_| single && kind != EntityKind::Person && surface.chars().all(char::is_uppercase))
        {
            (*k, name.clone())
        } else {
            (kind, surface.to_string())
        };
        let id = match by_key.get(&(key_kind, key_name.clone())) {
            Some(&id) => id,
            None => {
                let id = ClusterId(clusters.len() as u32);
                clusters.push(Cluster { name: key_name.clone(), kind: key_kind, mentions: Vec::new() });
                by_key.insert((key_kind, key_name), id);
                id
            }
        };
        clusters[id.0 as usize].mentions.push(EntityId(entities.len() as u32));
        entities.push(Entity { span, kind, cluster: id, confidence: f.confidence, evidence: f.evidence });
    }
    (entities, clusters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{lexicon::LEXICON, sentences, tokens::tokenize};

    fn entities(text: &str) -> Vec<(String, &'static str)> {
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let (e, _) = recognize(text, &tokens, &sentences, &LEXICON);
        e.iter()
            .filter(|e| e.kind != EntityKind::Number)
            .map(|e| (e.span.slice(text).to_string(), e.kind.label()))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            (
                "country_and_title_person",
                "Azerbaijan’s president Ilham Aliyev met him.",
                &[("Azerbaijan", "PLACE"), ("Ilham Aliyev", "PERSON")],
            ),
            ("capital_metonym", "Yerevan says Baku is wrong.", &[("Yerevan", "PLACE"), ("Baku", "PLACE")]),
            (
                "org_head_word",
                "He met the European Council in Brussels.",
                &[("European Council", "ORG"), ("Brussels", "PLACE")],
            ),
            ("date_month_day", "They meet on June 1 in Paris.", &[("June 1", "DATE"), ("Paris", "PLACE")]),
            ("year_and_weekday", "On Sunday, as in 2020, nothing.", &[("Sunday", "DATE"), ("2020", "DATE")]),
            ("place_head_word", "The Lachin corridor is shut.", &[("Lachin corridor", "PLACE")]),
            ("hyphenated", "They fought over Nagorno-Karabakh.", &[("Nagorno-Karabakh", "PLACE")]),
            ("acronym_org", "The EU and NATO met.", &[("EU", "ORG"), ("NATO", "ORG")]),
            (
                "sentence_start_surname",
                "Hikmet Hajiyev spoke first. Hajiyev said the talks failed.",
                &[("Hikmet Hajiyev", "PERSON"), ("Hajiyev", "PERSON")],
            ),
            ("demonyms_are_not_places", "Azerbaijani and German officials met Armenians.", &[]),
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
                "one_type_per_name",
                "Dock workers at Harwell Shipping walked out.\n\nThe union says pay is low. Harwell Shipping says the offer is fair.",
                &[("Harwell Shipping", "ORG"), ("Harwell Shipping", "ORG")],
            ),
            (
                "company_the_tagger_filed_as_other",
                "Workers said Tarn Shipping cut pay on Monday.",
                &[("Tarn Shipping", "ORG"), ("Monday", "DATE")],
            ),
            (
                "people_by_role",
                "\"It is a stunt aimed at Western audiences,\" Irina Volkova, a spokesperson for the ministry, said.",
                &[("Irina Volkova", "PERSON")],
            ),
            (
                "name_particles",
                "Talks with Faisal al-Mannai and Pieter Van Acker were held in Doha.",
                &[("Faisal al-Mannai", "PERSON"), ("Pieter Van Acker", "PERSON"), ("Doha", "PLACE")],
            ),
            (
                "head_word_first",
                "Officials at India's Ministry of External Affairs and the Armed Forces of the Philippines spoke.",
                &[
                    ("India", "PLACE"),
                    ("Ministry of External Affairs", "ORG"),
                    ("Armed Forces of the Philippines", "ORG"),
                ],
            ),
            (
                "country_adjective_is_not_a_name",
                "The Philippine Coast Guard said a Philippine supply boat was hit.",
                &[("Philippine Coast Guard", "ORG")],
            ),
            (
                "a_role_in_apposition_makes_a_person",
                "Hana Gebremedhin, the ministry's spokesperson, denied it.",
                &[("Hana Gebremedhin", "PERSON")],
            ),
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
            (
                "possessive_between_two_names",
                "Officials at Tarnland's Interior Ministry said so.",
                &[("Tarnland", "PLACE"), ("Interior Ministry", "ORG")],
            ),
            (
                "place_words_in_names",
                "Fishermen on Lake Turkana and farmers along the Omo River met near Mill Lane.",
                &[("Lake Turkana", "PLACE"), ("Omo River", "PLACE"), ("Mill Lane", "PLACE")],
            ),
            (
                "company_and_its_short_name",
                "Workers sued Tarnvale Technologies on Monday. Tarnvale said the claims were false.",
                &[("Tarnvale Technologies", "ORG"), ("Monday", "DATE"), ("Tarnvale", "ORG")],
            ),
            (
                "dateline_place",
                "NAIROBI (Reuters) - Kenya summoned the envoy.",
                &[("NAIROBI", "PLACE"), ("Reuters", "ORG"), ("Kenya", "PLACE")],
            ),
            ("organisation_noun_after_the_name", "Farmers from the FNSEA union blocked the road.", &[("FNSEA", "ORG")]),
            (
                "organisation_noun_before_the_name",
                "The figures come from the statistics agency Insee and the news agency Reuters.",
                &[("Insee", "ORG"), ("Reuters", "ORG")],
            ),
            (
                "not_after_a_determiner",
                "It is the party Marta Ruiz founded in Lisbon.",
                &[("Marta Ruiz", "PERSON"), ("Lisbon", "PLACE")],
            ),
            ("quoted_pronoun_is_nothing", "“Nobody wants a war,” he said.", &[]),
            (
                "capital_as_surname",
                "Valeska Paris was held on a ship. Paris said she was afraid.",
                &[("Valeska Paris", "PERSON"), ("Paris", "PERSON")],
            ),
            ("title_outside_person", "Prime Minister Ehud Olmert spoke.", &[("Ehud Olmert", "PERSON")]),
            ("weekday_and_date", "On Thursday, October 10, 2019 they met.", &[("Thursday, October 10, 2019", "DATE")]),
            ("org_head_runs_through_of", "The Church of Scientology denied it.", &[("Church of Scientology", "ORG")]),
            (
                "unknown_first_name_joins",
                "Opposition councillor João Pereira said the project was late.",
                &[("João Pereira", "PERSON")],
            ),
            ("only_name_like_words_join", "Outspoken Maria Lopez said no.", &[("Maria Lopez", "PERSON")]),
            (
                "short_month_after_in",
                "Talks resumed in May. They may end in June.",
                &[("May", "DATE"), ("June", "DATE")],
            ),
        ];
        for (name, text, want) in cases {
            let got = entities(text);
            let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "case {name}");
        }
    }

    #[test]
    fn surname_joins_the_full_name_cluster() {
        let text = "Ilham Aliyev spoke. Later Aliyev left.";
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let (e, c) = recognize(text, &tokens, &sentences, &LEXICON);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].cluster, e[1].cluster);
        assert_eq!(c[e[1].cluster.0 as usize].name, "Ilham Aliyev");
    }

    #[test]
    fn clusters_join_titles_surnames_and_acronyms() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "title_then_full_name",
                "President Aliyev spoke on Monday. On Tuesday, Ilham Aliyev said he had left.",
                "Aliyev",
                "Ilham Aliyev",
            ),
            ("acronym_of_known_org", "The European Union met. The EU agreed.", "EU", "European Union"),
            (
                "head_word_of_an_organisation",
                "The Harbour Authority met on Monday. A spokesman said the Authority would appeal.",
                "Authority",
                "Harbour Authority",
            ),
            (
                "acronym_of_text_org",
                "A spokesman for the Royal Air Force said on Monday that the RAF would respond.",
                "RAF",
                "Royal Air Force",
            ),
        ];
        for (name, text, mention, want) in cases {
            let tokens = tokenize(text);
            let sentences = sentences::split(text, &tokens, &LEXICON);
            let (e, c) = recognize(text, &tokens, &sentences, &LEXICON);
            let m = e
                .iter()
                .find(|e| e.span.slice(text) == *mention)
                .unwrap_or_else(|| panic!("case {name}: no mention {mention}"));
            assert_eq!(c[m.cluster.0 as usize].name, *want, "case {name}");
        }
    }
}
