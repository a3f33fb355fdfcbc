//! Stage 4, entities: people, organisations, places, dates and numbers, and the clusters that
//! tie every mention of one entity together ("Ilham Aliyev" = "Aliyev").
//!
//! Names come from three sources, merged longest-first: the knowledge base (countries,
//! capitals, metonyms, international organisations; aho-corasick, leftmost-longest), rules for
//! dates and numbers, and runs of capitalised words classified by their context (titles,
//! honorifics, organisation and place head words, earlier mentions).

use super::lexicon::Lexicon;
use super::model::{Cluster, ClusterId, Entity, EntityId, EntityKind, Evidence, Sentence, Token, TokenKind};
use super::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
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

fn is_capitalised(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_uppercase)
}

fn is_year(piece: &str) -> bool {
    piece.len() == 4 && piece.bytes().all(|b| b.is_ascii_digit()) && (b"1".contains(&piece.as_bytes()[0]) || piece.starts_with("20") || piece.starts_with("21"))
}

fn is_day_number(piece: &str) -> bool {
    let digits = piece.trim_end_matches(|c: char| c.is_alphabetic());
    !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()) && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
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

/// Index of the token starting at byte `pos`, if any.
fn token_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.start).ok()
}

/// Index of the token ending at byte `pos`, if any.
fn token_ending_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.end).ok()
}

fn gazetteer_matches(text: &str, tokens: &[Token], taken: &mut [bool], found: &mut Vec<Found>) {
    let gaz = &*GAZETTEER;
    for m in gaz.automaton.find_iter(text) {
        let (Some(first), Some(last)) = (token_at(tokens, m.start() as u32), token_ending_at(tokens, m.end() as u32)) else {
            continue; // not on token boundaries ("US" inside "USSR")
        };
        if taken[first..=last].iter().any(|t| *t) {
            continue;
        }
        let (kind, canonical) = gaz.entries[m.pattern().as_usize()];
        taken[first..=last].iter_mut().for_each(|t| *t = true);
        found.push(Found {
            first,
            end: last + 1,
            kind,
            confidence: 0.95,
            evidence: vec![Evidence::note(format!("knowledge base: {}", if kind == EntityKind::Org { "organisation" } else { "country, capital or seat of government" }))],
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
        if lex.months.contains(p) && (p.len() > 3 || i + 1 < tokens.len() && (is_day_number(piece(i + 1)) || is_year(piece(i + 1)))) {
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
                found.push(Found { first: i, end, kind, confidence: 0.9, evidence: vec![Evidence::note(rule)], canonical: None });
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
        tokens[i].kind == TokenKind::Word && !taken[i] && is_capitalised(piece(i)) && !lex.function_words.contains(&piece(i).to_lowercase())
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
                && (matches!(piece(end), "-" | "of" | "de" | "al" | "bin" | "van" | "von" | "for" | "and") && !tokens[end + 1].space_before == (piece(end) == "-"))
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
fn classify_run(text: &str, tokens: &[Token], lex: &Lexicon, start: usize, end: usize, sentence_start: bool) -> Option<(usize, usize, EntityKind, f32, Evidence)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut start = start;
    // Honorifics and capitalised titles are not part of the name.
    while start < end && (lex.honorifics.contains(piece(start)) || lex.titles.contains(&piece(start).to_lowercase())) && end - start > 1 {
        start += 1;
    }
    let last = piece(end - 1);
    let next_lower = (end < tokens.len()).then(|| piece(end).to_lowercase());
    let prev_lower = (start > 0).then(|| piece(start - 1).to_lowercase());
    let titled = start > 0
        && (lex.honorifics.contains(piece(start - 1)) || prev_lower.as_ref().is_some_and(|p| lex.titles.contains(p)));
    let span_text = Span::new(tokens[start].span.start as usize, tokens[end - 1].span.end as usize).slice(text);
    if lex.org_words.contains(last) {
        return Some((start, end, EntityKind::Org, 0.8, Evidence::note(format!("organisation head word '{last}'"))));
    }
    if let Some(next) = next_lower.as_ref().filter(|n| lex.place_words.contains(n.as_str()) && !is_capitalised(piece(end))) {
        return Some((start, end + 1, EntityKind::Place, 0.75, Evidence::note(format!("place head word '{next}'"))));
    }
    if titled {
        return Some((start, end, EntityKind::Person, 0.85, Evidence::at(tokens[start - 1].span, "title or honorific before the name")));
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

/// Finds entity mentions and groups them into clusters.
pub fn recognize(text: &str, tokens: &[Token], sentences: &[Sentence], lex: &Lexicon) -> (Vec<Entity>, Vec<Cluster>) {
    let mut taken = vec![false; tokens.len()];
    let mut found = Vec::new();
    gazetteer_matches(text, tokens, &mut taken, &mut found);
    dates_and_numbers(text, tokens, lex, &mut taken, &mut found);
    let mut sentence_start = vec![false; tokens.len()];
    for s in sentences {
        sentence_start[s.first_token as usize] = true;
    }
    for (start, end) in capitalised_runs(text, tokens, lex, &taken) {
        if let Some((s, e, kind, confidence, evidence)) = classify_run(text, tokens, lex, start, end, sentence_start[start]) {
            if taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            found.push(Found { first: s, end: e, kind, confidence, evidence: vec![evidence], canonical: None });
        }
    }
    found.sort_by_key(|f| f.first);
    cluster(text, tokens, found)
}

/// Groups mentions: same canonical name, same text, or a person's surname after the full name.
fn cluster(text: &str, tokens: &[Token], found: Vec<Found>) -> (Vec<Entity>, Vec<Cluster>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(EntityKind, String), ClusterId> = HashMap::new();
    // Person clusters' last words: "Aliyev" → the cluster of "Ilham Aliyev".
    let mut by_surname: HashMap<String, ClusterId> = HashMap::new();
    let mut entities = Vec::with_capacity(found.len());
    for f in found {
        let span = Span::new(tokens[f.first].span.start as usize, tokens[f.end - 1].span.end as usize);
        let surface = span.slice(text).to_string();
        let mut kind = f.kind;
        let key_name = f.canonical.map(str::to_string).unwrap_or_else(|| surface.clone());
        let id = if let Some(&id) = by_key.get(&(kind, key_name.clone())) {
            id
        } else if let Some(&id) = (f.end - f.first == 1).then(|| by_surname.get(&surface)).flatten() {
            kind = clusters[id.0 as usize].kind;
            id
        } else {
            let id = ClusterId(clusters.len() as u32);
            clusters.push(Cluster { name: key_name.clone(), kind, mentions: Vec::new() });
            by_key.insert((kind, key_name), id);
            if kind == EntityKind::Person && f.end - f.first >= 2 {
                let surname = tokens[f.end - 1].span.slice(text).to_string();
                by_surname.entry(surname).or_insert(id);
            }
            id
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
        e.iter().filter(|e| e.kind != EntityKind::Number).map(|e| (e.span.slice(text).to_string(), e.kind.label())).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[(&str, &str)])] = &[
            ("country_and_title_person", "Azerbaijan’s president Ilham Aliyev met him.", &[("Azerbaijan", "PLACE"), ("Ilham Aliyev", "PERSON")]),
            ("capital_metonym", "Yerevan says Baku is wrong.", &[("Yerevan", "PLACE"), ("Baku", "PLACE")]),
            ("org_head_word", "He met the European Council in Brussels.", &[("European Council", "ORG"), ("Brussels", "PLACE")]),
            ("date_month_day", "They meet on June 1 in Paris.", &[("June 1", "DATE"), ("Paris", "PLACE")]),
            ("year_and_weekday", "On Sunday, as in 2020, nothing.", &[("Sunday", "DATE"), ("2020", "DATE")]),
            ("place_head_word", "The Lachin corridor is shut.", &[("Lachin corridor", "PLACE")]),
            ("hyphenated", "They fought over Nagorno-Karabakh.", &[("Nagorno-Karabakh", "PLACE")]),
            ("acronym_org", "The EU and NATO met.", &[("EU", "ORG"), ("NATO", "ORG")]),
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
}
