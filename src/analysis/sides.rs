//! Stage 7, sides: the competing narratives. Places every actor in a camp (a country, an
//! international body, or itself), makes the two camps that speak most the parties and the
//! rest third parties, puts each claim on its speaker's side, and pairs claim with counter-claim.
//!
//! Affiliation evidence, in order of strength: the knowledge base (a country, its capital, a
//! seat of government, its demonym), a possessive or premodifier before a title
//! ("Azerbaijan’s president Ilham Aliyev", "German chancellor Olaf Scholz", "Hamas spokesman X"),
//! and an appositive after a name ("Hikmet Hajiyev, Aliyev’s foreign policy adviser").

use super::lexicon::Lexicon;
use super::model::{Claim, ClaimId, Cluster, ClusterId, CounterClaim, Diagnostic, Entity, EntityKind, Evidence, Side, SideId, SideRole, Token, TokenKind};
use super::span::Span;
use std::collections::{HashMap, HashSet};

/// A camp: who an actor stands with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Camp {
    /// A country (index into the lexicon's countries).
    Country(usize),
    /// An international body (its canonical name).
    Body(String),
    /// An actor that stands for itself (a person, company or group).
    Actor(ClusterId),
}

struct Knowledge<'a> {
    /// Any country name, capital, metonym or demonym → country index.
    country_of: HashMap<&'a str, usize>,
    /// International bodies' names → canonical name.
    body_of: HashMap<&'a str, &'a str>,
}

impl<'a> Knowledge<'a> {
    fn new(lex: &'a Lexicon) -> Knowledge<'a> {
        let mut country_of = HashMap::new();
        for (i, c) in lex.countries.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.other_names).chain(&c.capitals).chain(&c.demonyms) {
                country_of.entry(name.as_str()).or_insert(i);
            }
        }
        for (name, i) in &lex.metonyms {
            country_of.insert(name.as_str(), *i);
        }
        let mut body_of = HashMap::new();
        for names in &lex.organisations {
            for name in names {
                body_of.insert(name.as_str(), names[0].as_str());
            }
        }
        Knowledge { country_of, body_of }
    }
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    clusters: &'a [Cluster],
    lex: &'a Lexicon,
    kb: Knowledge<'a>,
}

impl<'a> Ctx<'a> {
    fn piece(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }
    fn token_at(&self, pos: u32) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.span.start).ok()
    }
    fn token_ending_at(&self, pos: u32) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.span.end).ok()
    }
    fn entity_ending_at(&self, token: usize) -> Option<&'a Entity> {
        let end = self.tokens[token].span.end;
        let idx = self.entities.partition_point(|e| e.span.end < end);
        self.entities.get(idx).filter(|e| e.span.end == end)
    }
    fn entity_starting_at(&self, token: usize) -> Option<&'a Entity> {
        let start = self.tokens[token].span.start;
        let idx = self.entities.partition_point(|e| e.span.start < start);
        self.entities.get(idx).filter(|e| e.span.start == start)
    }
    fn is_title_word(&self, i: usize) -> bool {
        let lower = self.piece(i).to_lowercase();
        self.lex.titles.contains(&lower) || self.lex.honorifics.contains(self.piece(i)) || matches!(lower.as_str(), "of" | "state" | "foreign" | "policy" | "defence" | "defense" | "interior" | "deputy" | "former" | "senior" | "top" | "chief" | "armed" | "wing" | "military" | "security" | "national" | "press" | "the")
    }
}

/// The camp an entity belongs to by what it is, before any context.
fn intrinsic_camp(ctx: &Ctx, cluster: ClusterId) -> Option<Camp> {
    let c = &ctx.clusters[cluster.0 as usize];
    match c.kind {
        EntityKind::Place => ctx.kb.country_of.get(c.name.as_str()).map(|&i| Camp::Country(i)),
        EntityKind::Org => ctx.kb.body_of.get(c.name.as_str()).map(|b| Camp::Body(b.to_string())),
        _ => None,
    }
}

/// A camp named by a single word before a title: a demonym ("German chancellor") or country.
fn camp_of_word(ctx: &Ctx, word: &str) -> Option<Camp> {
    ctx.kb.country_of.get(word).map(|&i| Camp::Country(i))
}

/// Looks for affiliation evidence around one mention of a person or organisation.
fn mention_affiliation(ctx: &Ctx, entity: &Entity, camps: &HashMap<ClusterId, (Camp, Evidence)>) -> Option<(Camp, Evidence)> {
    let first = ctx.token_at(entity.span.start)?;
    let last = ctx.token_ending_at(entity.span.end)?;
    let camp_of_entity = |e: &Entity| -> Option<Camp> {
        if e.cluster == entity.cluster {
            return None;
        }
        camps.get(&e.cluster).map(|(c, _)| c.clone()).or_else(|| intrinsic_camp(ctx, e.cluster)).or_else(|| {
            (e.kind == EntityKind::Org).then_some(Camp::Actor(e.cluster))
        })
    };
    // Before: [Entity|Demonym] ['s] title-words Name
    let mut j = first;
    let mut n_titles = 0;
    while j > 0 && first - j < 6 && ctx.is_title_word(j - 1) && ctx.tokens[j - 1].kind == TokenKind::Word {
        j -= 1;
        n_titles += 1;
    }
    if j > 0 {
        let mut k = j - 1;
        if matches!(ctx.piece(k), "’s" | "'s") && k > 0 {
            k -= 1;
        }
        let span = ctx.tokens[k].span;
        if let Some(e) = ctx.entity_ending_at(k) {
            if let Some(camp) = camp_of_entity(e) {
                if n_titles > 0 || k + 1 < first {
                    return Some((camp, Evidence::at(span.cover(ctx.tokens[first - 1].span), "title or possessive before the name")));
                }
            }
        } else if let Some(camp) = camp_of_word(ctx, ctx.piece(k)) {
            if n_titles > 0 {
                return Some((camp, Evidence::at(span.cover(ctx.tokens[first - 1].span), "nationality before the title")));
            }
        }
    }
    // After: Name, [the] [Entity|Demonym]['s] title-words
    if last + 2 < ctx.tokens.len() && ctx.piece(last + 1) == "," {
        let mut k = last + 2;
        if ctx.piece(k).eq_ignore_ascii_case("the") || ctx.piece(k).eq_ignore_ascii_case("a") {
            k += 1;
        }
        if k < ctx.tokens.len() {
            let owner = ctx.entity_starting_at(k);
            let owner_end = owner.and_then(|e| ctx.token_ending_at(e.span.end)).unwrap_or(k);
            let mut t = owner_end + 1;
            if t < ctx.tokens.len() && matches!(ctx.piece(t), "’s" | "'s") {
                t += 1;
            }
            let titled = t < ctx.tokens.len() && (t..ctx.tokens.len().min(t + 4)).any(|x| ctx.lex.titles.contains(&ctx.piece(x).to_lowercase()));
            if titled {
                let evidence_span = Span::new(ctx.tokens[last + 1].span.start as usize, ctx.tokens[t.min(ctx.tokens.len() - 1)].span.end as usize);
                if let Some(camp) = owner.and_then(camp_of_entity) {
                    return Some((camp, Evidence::at(evidence_span, "appositive after the name")));
                }
                if let Some(camp) = camp_of_word(ctx, ctx.piece(k)) {
                    return Some((camp, Evidence::at(evidence_span, "appositive with a nationality")));
                }
            }
        }
    }
    None
}

/// Decides the camp of every cluster that can be placed.
fn place_clusters(ctx: &Ctx) -> HashMap<ClusterId, (Camp, Evidence)> {
    let mut camps: HashMap<ClusterId, (Camp, Evidence)> = HashMap::new();
    for (i, _) in ctx.clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        if let Some(camp) = intrinsic_camp(ctx, id) {
            camps.insert(id, (camp, Evidence::note("knowledge base")));
        }
    }
    // Two passes, so "X, Aliyev’s adviser" finds Aliyev placed by an earlier or later mention.
    for _ in 0..2 {
        for entity in ctx.entities {
            if !matches!(entity.kind, EntityKind::Person | EntityKind::Org) || camps.contains_key(&entity.cluster) {
                continue;
            }
            if let Some(found) = mention_affiliation(ctx, entity, &camps) {
                camps.insert(entity.cluster, found);
            }
        }
    }
    camps
}

/// The camp a claim's speaker speaks for.
fn claim_camp(ctx: &Ctx, claim: &Claim, camps: &HashMap<ClusterId, (Camp, Evidence)>) -> Option<(Camp, Evidence)> {
    let speaker = claim.speaker.as_ref()?;
    if let Some(cluster) = speaker.cluster {
        if let Some((camp, _)) = camps.get(&cluster) {
            return Some((camp.clone(), Evidence::at(speaker.span, format!("{} stands with this side", speaker.name))));
        }
        let kind = ctx.clusters[cluster.0 as usize].kind;
        if matches!(kind, EntityKind::Person | EntityKind::Org) {
            return Some((Camp::Actor(cluster), Evidence::at(speaker.span, format!("{} speaks for itself", speaker.name))));
        }
    }
    // A description: "Israeli officials", "officials in Kiev", "a spokesperson for Pashinyan".
    let words = speaker.span.slice(ctx.text);
    let start = ctx.entities.partition_point(|e| e.span.start < speaker.span.start);
    for e in ctx.entities[start..].iter().take_while(|e| e.span.end <= speaker.span.end) {
        if let Some((camp, _)) = camps.get(&e.cluster) {
            return Some((camp.clone(), Evidence::at(e.span, format!("the speaker is tied to {}", e.span.slice(ctx.text)))));
        }
    }
    for word in words.split(|c: char| !c.is_alphanumeric()) {
        if let Some(camp) = camp_of_word(ctx, word) {
            return Some((camp, Evidence::at(speaker.span, format!("the speaker is described as '{word}'"))));
        }
    }
    None
}

fn content_words(text: &str, lex: &Lexicon) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .filter(|w| !lex.function_words.contains(w) && !lex.speech_verbs.contains_key(w))
        .collect()
}

/// The result of the sides stage.
pub struct SidesResult {
    /// Parties first, then third parties.
    pub sides: Vec<Side>,
    /// Claim/counter-claim pairs.
    pub counter_claims: Vec<CounterClaim>,
    /// Notes (fewer than two parties found...).
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the sides, sets `claim.side` for every claim, and pairs counter-claims.
pub fn assign(text: &str, tokens: &[Token], entities: &[Entity], clusters: &[Cluster], claims: &mut [Claim], lex: &Lexicon) -> SidesResult {
    let ctx = Ctx { text, tokens, entities, clusters, lex, kb: Knowledge::new(lex) };
    let camps = place_clusters(&ctx);
    let claim_camps: Vec<Option<(Camp, Evidence)>> = claims.iter().map(|c| claim_camp(&ctx, c, &camps)).collect();

    // Tally: claims and mentions per camp, and where each camp first appears.
    let mut n_claims: HashMap<Camp, usize> = HashMap::new();
    for (camp, _) in claim_camps.iter().flatten() {
        *n_claims.entry(camp.clone()).or_default() += 1;
    }
    let mut n_mentions: HashMap<Camp, usize> = HashMap::new();
    let mut first_seen: HashMap<Camp, u32> = HashMap::new();
    for e in entities {
        let camp = camps.get(&e.cluster).map(|(c, _)| c.clone()).or_else(|| (e.kind == EntityKind::Person || e.kind == EntityKind::Org).then_some(Camp::Actor(e.cluster)));
        if let Some(camp) = camp {
            *n_mentions.entry(camp.clone()).or_default() += 1;
            first_seen.entry(camp).or_insert(e.span.start);
        }
    }
    let is_body = |c: &Camp| matches!(c, Camp::Body(_));
    let mut candidates: Vec<&Camp> = n_mentions.keys().filter(|c| !is_body(c)).collect();
    candidates.sort_by_key(|c| (std::cmp::Reverse(n_claims.get(*c).copied().unwrap_or(0)), std::cmp::Reverse(n_mentions[*c]), first_seen[*c], (*c).clone()));
    let parties: Vec<Camp> = candidates.iter().take(2).map(|c| (*c).clone()).collect();

    let mut third: Vec<&Camp> = n_mentions
        .keys()
        .filter(|c| !parties.contains(c))
        .filter(|c| {
            n_claims.contains_key(*c)
                || is_body(c)
                || matches!(c, Camp::Country(_)) && n_mentions[*c] >= 2
                || camps.iter().any(|(id, (k, _))| k == *c && clusters[id.0 as usize].kind == EntityKind::Person)
        })
        .collect();
    third.sort_by_key(|c| (first_seen[*c], (*c).clone()));

    let mut sides: Vec<Side> = Vec::new();
    let mut side_of_camp: HashMap<Camp, SideId> = HashMap::new();
    for (camp, role) in parties.iter().map(|c| (c, SideRole::Party)).chain(third.into_iter().map(|c| (c, SideRole::ThirdParty))) {
        let mut members: Vec<ClusterId> = Vec::new();
        let mut evidence = Vec::new();
        for (i, cluster) in clusters.iter().enumerate() {
            let id = ClusterId(i as u32);
            let belongs = match camps.get(&id) {
                Some((c, ev)) if c == camp => {
                    evidence.push(Evidence { span: ev.span, note: format!("{}: {}", cluster.name, ev.note) });
                    true
                }
                _ => *camp == Camp::Actor(id),
            };
            if belongs {
                members.push(id);
            }
        }
        let mut aliases: Vec<String> = members.iter().map(|m| clusters[m.0 as usize].name.clone()).collect();
        // Every surface form of the members, so "Aliyev" names the side as well as "Ilham Aliyev".
        for m in &members {
            for e in &clusters[m.0 as usize].mentions {
                aliases.push(entities[e.0 as usize].span.slice(text).to_string());
            }
        }
        let name = match camp {
            Camp::Country(i) => {
                let country = &lex.countries[*i];
                aliases.push(country.name.clone());
                aliases.extend(country.capitals.iter().cloned());
                aliases.extend(country.demonyms.iter().cloned());
                // The article's own term: the place name its claims are made in, else the most used.
                let place_members: Vec<ClusterId> = members.iter().copied().filter(|m| clusters[m.0 as usize].kind == EntityKind::Place).collect();
                let speaking = claims.iter().filter_map(|c| c.speaker.as_ref()?.cluster).filter(|c| place_members.contains(c));
                let mut counts: HashMap<ClusterId, usize> = HashMap::new();
                for c in speaking {
                    *counts.entry(c).or_default() += 100;
                }
                for m in &place_members {
                    *counts.entry(*m).or_default() += clusters[m.0 as usize].mentions.len();
                }
                counts.into_iter().max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id))).map(|(id, _)| clusters[id.0 as usize].name.clone()).unwrap_or_else(|| country.name.clone())
            }
            Camp::Body(name) => name.clone(),
            Camp::Actor(id) => clusters[id.0 as usize].name.clone(),
        };
        let mut seen = HashSet::new();
        aliases.retain(|a| seen.insert(a.clone()));
        side_of_camp.insert(camp.clone(), SideId(sides.len() as u32));
        sides.push(Side { name, role, aliases, members, evidence });
    }

    for (claim, camp) in claims.iter_mut().zip(&claim_camps) {
        match camp {
            Some((camp, ev)) => {
                if let Some(&side) = side_of_camp.get(camp) {
                    claim.side = Some(side);
                    claim.evidence.push(Evidence { span: ev.span, note: format!("side {}: {}", sides[side.0 as usize].name, ev.note) });
                }
            }
            None => claim.evidence.push(Evidence::note("the speaker is not tied to any side")),
        }
    }

    let mut diagnostics = Vec::new();
    if parties.len() < 2 {
        diagnostics.push(Diagnostic { span: None, message: format!("found {} of the two sides of a dispute", parties.len()) });
    }
    let counter_claims = if sides.len() >= 2 { pair_counter_claims(text, claims, entities, lex) } else { Vec::new() };
    SidesResult { sides, counter_claims, diagnostics }
}

/// Pairs claims of the two parties that share words or entities about the same matter.
fn pair_counter_claims(text: &str, claims: &[Claim], entities: &[Entity], lex: &Lexicon) -> Vec<CounterClaim> {
    let words: Vec<HashSet<String>> = claims.iter().map(|c| content_words(c.span.slice(text), lex)).collect();
    let clusters_in = |span: Span| -> HashSet<ClusterId> {
        let start = entities.partition_point(|e| e.span.start < span.start);
        entities[start..].iter().take_while(|e| e.span.end <= span.end).map(|e| e.cluster).collect()
    };
    let ents: Vec<HashSet<ClusterId>> = claims.iter().map(|c| clusters_in(c.span)).collect();
    let mut pairs: Vec<(f32, usize, usize, Vec<String>)> = Vec::new();
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            let (Some(a), Some(b)) = (claims[i].side, claims[j].side) else { continue };
            if a == b || a.0 > 1 || b.0 > 1 {
                continue;
            }
            let shared: Vec<String> = words[i].intersection(&words[j]).cloned().collect();
            let shared_ents = ents[i].intersection(&ents[j]).count();
            let union = (words[i].len() + words[j].len() - shared.len()).max(1);
            let score = (shared.len() as f32 + shared_ents as f32) / union as f32;
            if !shared.is_empty() && score >= 0.05 {
                pairs.push((score, i, j, shared));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for (score, i, j, mut shared) in pairs {
        if used.contains(&i) || used.contains(&j) {
            continue;
        }
        used.insert(i);
        used.insert(j);
        shared.sort();
        out.push(CounterClaim {
            claim: ClaimId(i as u32),
            counter: ClaimId(j as u32),
            score: score.min(1.0),
            evidence: vec![Evidence::note(format!("shared words: {}", shared.join(", ")))],
        });
    }
    out.sort_by_key(|c| c.claim);
    out
}
