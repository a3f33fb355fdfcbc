//! Stage 7, sides: the competing narratives. Places every actor in a camp (a country, an
//! international body, or itself), makes the two camps that speak most the parties and the
//! rest third parties, puts each claim on its speaker's side, and pairs claim with counter-claim.
//!
//! Affiliation evidence, in order of strength: the knowledge base (a country, its capital, a
//! seat of government, its demonym), a possessive or premodifier before a title
//! ("Azerbaijan’s president Ilham Aliyev", "German chancellor Olaf Scholz", "Hamas spokesman X"),
//! and an appositive after a name ("Hikmet Hajiyev, Aliyev’s foreign policy adviser").

use super::attribution::organisation_named_earlier;
use super::lexicon::Lexicon;
use super::model::{
    Analysis, Claim, ClaimId, Cluster, ClusterId, CounterClaim, Diagnostic, Entity, EntityKind, Evidence, Quote, Side,
    SideBalance, SideId, SideRole, Token, TokenKind,
};
use super::span::Span;
use super::tokens::{token_ending_at, token_starting_at};
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
        // "Philippine" from "Philippines": the adjective the demonym list lacks.
        for (adjective, i) in &lex.plain_adjectives {
            country_of.entry(adjective.as_str()).or_insert(*i);
        }
        for (name, i) in lex.metonyms.iter().chain(&lex.government_bodies) {
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
        token_starting_at(self.tokens, pos)
    }
    fn token_ending_at(&self, pos: u32) -> Option<usize> {
        token_ending_at(self.tokens, pos)
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
        self.lex.titles.contains(&lower)
            || self.lex.honorifics.contains(self.piece(i))
            || matches!(
                lower.as_str(),
                "of" | "state"
                    | "foreign"
                    | "policy"
                    | "defence"
                    | "defense"
                    | "interior"
                    | "deputy"
                    | "former"
                    | "senior"
                    | "top"
                    | "chief"
                    | "armed"
                    | "wing"
                    | "military"
                    | "security"
                    | "national"
                    | "press"
                    | "the"
            )
    }
}

/// The camp an entity belongs to by what it is, before any context: a country, capital or
/// metonym; an international body; an organisation named after a country ("Israel Defense
/// Forces", "US Embassy"); a person whose mention starts with a nationality and a title
/// ("Ukrainian President Petro Poroshenko", when the recogniser keeps the title).
fn intrinsic_camp(ctx: &Ctx, cluster: ClusterId) -> Option<Camp> {
    let c = &ctx.clusters[cluster.0 as usize];
    if let Some(&i) = ctx.kb.country_of.get(c.name.as_str()) {
        if c.kind != EntityKind::Person {
            return Some(Camp::Country(i));
        }
    }
    if c.kind == EntityKind::Org {
        if let Some(b) = ctx.kb.body_of.get(c.name.as_str()) {
            return Some(Camp::Body(b.to_string()));
        }
    }
    let words: Vec<&str> = c.name.split(|ch: char| ch.is_whitespace() || ch == '-').filter(|w| !w.is_empty()).collect();
    match c.kind {
        // "Russian Defence Ministry", "Israel Defense Forces": a state body of the country it names.
        // "Radio New Zealand" or "the New Zealand Medical Association" stand for themselves.
        EntityKind::Org if words.last().is_some_and(|w| ctx.lex.state_body_words.contains(*w)) => (0..words.len())
            .find_map(|i| {
                (1..=3.min(words.len() - i))
                    .rev()
                    .find_map(|n| ctx.kb.country_of.get(words[i..i + n].join(" ").as_str()).map(|&k| Camp::Country(k)))
            }),
        EntityKind::Person if words.len() >= 3 => {
            let first = ctx.kb.country_of.get(words[0]).copied();
            let titled = ctx.lex.titles.contains(&words[1].to_lowercase()) || ctx.lex.honorifics.contains(words[1]);
            first.filter(|_| titled).map(Camp::Country)
        }
        _ => None,
    }
}

/// A camp named by a single word before a title: a demonym ("German chancellor") or country.
fn camp_of_word(ctx: &Ctx, word: &str) -> Option<Camp> {
    ctx.kb.country_of.get(word).map(|&i| Camp::Country(i))
}

/// The last token of the owner before title words starting at token `j` ("Azerbaijan" in
/// "Azerbaijan’s president"): the token before, past a possessive.
fn owner_before(ctx: &Ctx, j: usize) -> Option<usize> {
    let mut k = j.checked_sub(1)?;
    if matches!(ctx.piece(k), "’s" | "'s") && k > 0 {
        k -= 1;
    }
    Some(k)
}

/// The camp an entity stands in: the one placed already, or the knowledge base's; failing both, an
/// organisation stands for itself.
fn camp_of(ctx: &Ctx, camps: &HashMap<ClusterId, (Camp, Evidence)>, e: &Entity) -> Option<Camp> {
    camps
        .get(&e.cluster)
        .map(|(c, _)| c.clone())
        .or_else(|| intrinsic_camp(ctx, e.cluster))
        .or_else(|| (e.kind == EntityKind::Org).then_some(Camp::Actor(e.cluster)))
}

/// Looks for affiliation evidence around one mention of a person or organisation.
fn mention_affiliation(
    ctx: &Ctx,
    entity: &Entity,
    camps: &HashMap<ClusterId, (Camp, Evidence)>,
) -> Option<(Camp, Evidence)> {
    let first = ctx.token_at(entity.span.start)?;
    let last = ctx.token_ending_at(entity.span.end)?;
    let camp_of_entity =
        |e: &Entity| -> Option<Camp> { (e.cluster != entity.cluster).then(|| camp_of(ctx, camps, e)).flatten() };
    // Before: [Entity|Demonym] ['s] title-words Name
    let mut j = first;
    let mut n_titles = 0;
    let mut n_plain = 0;
    while j > 0 && first - j < 6 && ctx.tokens[j - 1].kind == TokenKind::Word {
        if ctx.is_title_word(j - 1) {
            n_titles += 1;
        } else if n_titles > 0
            && n_plain == 0
            && ctx.piece(j - 1).chars().all(char::is_lowercase)
            && j > 1
            && ctx.kb.country_of.contains_key(ctx.piece(j - 2))
        {
            // One plain word between a nationality and the title: "Swedish trade minister".
            n_plain += 1;
        } else {
            break;
        }
        j -= 1;
    }
    if let Some(k) = owner_before(ctx, j) {
        let span = ctx.tokens[k].span;
        if let Some(e) = ctx.entity_ending_at(k) {
            if let Some(camp) = camp_of_entity(e) {
                if n_titles > 0 || k + 1 < first {
                    return Some((
                        camp,
                        Evidence::at(span.cover(ctx.tokens[first - 1].span), "title or possessive before the name"),
                    ));
                }
            }
        } else if let Some(camp) = camp_of_word(ctx, ctx.piece(k)) {
            if n_titles > 0 {
                return Some((
                    camp,
                    Evidence::at(span.cover(ctx.tokens[first - 1].span), "nationality before the title"),
                ));
            }
        }
    }
    // Before, set off by a comma: [Entity|Demonym]['s] [plain words] title-words, Name
    // ("Spain's agriculture minister, Luis Planas", "A ministry spokeswoman, Ana Costa").
    if first >= 3 && ctx.piece(first - 1) == "," && ctx.is_title_word(first - 2) {
        let mut j = first - 1;
        let mut n_plain = 0;
        while j > 0 && first - 1 - j < 5 && ctx.tokens[j - 1].kind == TokenKind::Word {
            let piece = ctx.piece(j - 1);
            if ctx.is_title_word(j - 1) {
            } else if n_plain < 2
                && piece.chars().all(char::is_lowercase)
                && !ctx.lex.function_words.contains(piece)
                && !matches!(piece, "a" | "an" | "the")
            {
                n_plain += 1;
            } else {
                break;
            }
            j -= 1;
        }
        if let Some(k) = owner_before(ctx, j) {
            // "A company spokesman, James Ward": the company named earlier.
            let camp = match ctx.entity_ending_at(k) {
                Some(e) => camp_of_entity(e),
                None => camp_of_word(ctx, ctx.piece(k)).or_else(|| {
                    (j..first - 1).find_map(|w| {
                        let at = ctx.tokens[w].span.start;
                        organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, ctx.piece(w), at)
                            .and_then(camp_of_entity)
                    })
                }),
            };
            if let Some(camp) = camp {
                let span = ctx.tokens[k].span.cover(ctx.tokens[first - 1].span);
                return Some((camp, Evidence::at(span, "title before the name, set off by a comma")));
            }
        }
    }
    // After: Name, [the] [Entity|Demonym]['s] title-words
    if last + 2 < ctx.tokens.len() && ctx.piece(last + 1) == "," {
        let mut k = last + 2;
        if matches!(ctx.piece(k).to_lowercase().as_str(), "the" | "a" | "an") {
            k += 1;
        }
        // "a senior Hamas official", "a former Castellan director": adjectives before the owner.
        let mut adjectives = 0;
        while k + 1 < ctx.tokens.len()
            && adjectives < 2
            && ctx.tokens[k].kind == TokenKind::Word
            && ctx.piece(k).chars().all(char::is_lowercase)
            && !ctx.lex.titles.contains(ctx.piece(k))
            && ctx.entity_starting_at(k + 1).is_some()
        {
            k += 1;
            adjectives += 1;
        }
        if k < ctx.tokens.len() {
            let owner = ctx.entity_starting_at(k);
            let owner_end = owner.and_then(|e| ctx.token_ending_at(e.span.end)).unwrap_or(k);
            let mut t = owner_end + 1;
            if t < ctx.tokens.len() && matches!(ctx.piece(t), "’s" | "'s") {
                t += 1;
            }
            let titled = t < ctx.tokens.len()
                && (t..ctx.tokens.len().min(t + 4)).any(|x| ctx.lex.titles.contains(&ctx.piece(x).to_lowercase()));
            // "Hikmet Hajiyev, foreign policy adviser to Aliyev": title words, then to/for/of an entity.
            let mut x = k;
            while x < ctx.tokens.len() && x - k < 5 && ctx.is_title_word(x) && !matches!(ctx.piece(x), "of") {
                x += 1;
            }
            if x > k
                && x + 1 < ctx.tokens.len()
                && matches!(ctx.piece(x).to_lowercase().as_str(), "to" | "for" | "of" | "at")
                && (k..x).any(|y| ctx.lex.titles.contains(&ctx.piece(y).to_lowercase()))
            {
                let mut y = x + 1;
                if ctx.piece(y).eq_ignore_ascii_case("the") && y + 1 < ctx.tokens.len() {
                    y += 1;
                }
                // "a spokesperson for Israeli Prime Minister Benjamin Netanyahu": a nationality works too.
                let camp =
                    ctx.entity_starting_at(y).and_then(camp_of_entity).or_else(|| camp_of_word(ctx, ctx.piece(y)));
                if let Some(camp) = camp {
                    let evidence_span =
                        Span::new(ctx.tokens[last + 1].span.start as usize, ctx.tokens[y].span.end as usize);
                    return Some((
                        camp,
                        Evidence::at(evidence_span, "appositive: a role in the service of a placed actor"),
                    ));
                }
            }
            if titled {
                let evidence_span = Span::new(
                    ctx.tokens[last + 1].span.start as usize,
                    ctx.tokens[t.min(ctx.tokens.len() - 1)].span.end as usize,
                );
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
    home_country(ctx, &mut camps);
    link_short_names(ctx, &mut camps);
    camps
}

/// Title words of a national government ("Prime Minister Boris Johnson", "Defense Minister X").
const GOVERNMENT_TITLES: &[&str] = &["president", "minister", "secretary", "chancellor", "premier", "ambassador"];

/// A short name takes the camp of the full name it shortens: "Michel" of "Charles Michel",
/// "Church" of "Church of Scientology", and a one-word place named like a person's surname.
fn link_short_names(ctx: &Ctx, camps: &mut HashMap<ClusterId, (Camp, Evidence)>) {
    let mut full_by_word: HashMap<(&str, bool), ClusterId> = HashMap::new();
    for (i, c) in ctx.clusters.iter().enumerate() {
        let words: Vec<&str> = c.name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        match c.kind {
            EntityKind::Person => {
                full_by_word.entry((words[words.len() - 1], true)).or_insert(ClusterId(i as u32));
            }
            EntityKind::Org => {
                full_by_word.entry((words[0], false)).or_insert(ClusterId(i as u32));
                full_by_word.entry((words[words.len() - 1], false)).or_insert(ClusterId(i as u32));
            }
            _ => {}
        }
    }
    for (i, c) in ctx.clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        if c.name.contains(' ')
            || matches!(camps.get(&id), Some((Camp::Country(_) | Camp::Body(_), _))) && c.kind != EntityKind::Place
        {
            continue;
        }
        let full = match c.kind {
            EntityKind::Person => full_by_word.get(&(c.name.as_str(), true)),
            EntityKind::Org => full_by_word.get(&(c.name.as_str(), false)),
            EntityKind::Place => full_by_word.get(&(c.name.as_str(), true)),
            _ => None,
        };
        let Some(&full) = full else { continue };
        if full == id || camps.contains_key(&id) && c.kind != EntityKind::Place {
            continue;
        }
        let camp = camps.get(&full).map(|(k, _)| k.clone()).unwrap_or(Camp::Actor(full));
        let note = format!("short for {}", ctx.clusters[full.0 as usize].name);
        camps.insert(id, (camp, Evidence::note(note)));
    }
}

/// A person with a national government title and no country ("Prime Minister Boris Johnson")
/// is taken to serve the country the article names first. A weak guess, said so in the evidence.
fn home_country(ctx: &Ctx, camps: &mut HashMap<ClusterId, (Camp, Evidence)>) {
    // The first country word of the text (the headline's, as a rule): "UK", "Israeli", "United Kingdom".
    let words: Vec<&str> =
        ctx.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(ctx.text)).collect();
    let home = (0..words.len()).find_map(|i| {
        let pair = (i + 1 < words.len()).then(|| format!("{} {}", words[i], words[i + 1]));
        pair.and_then(|p| ctx.kb.country_of.get(p.as_str()).copied())
            .or_else(|| ctx.kb.country_of.get(words[i]).copied())
    });
    let Some(home) = home else { return };
    for entity in ctx.entities {
        if entity.kind != EntityKind::Person || camps.contains_key(&entity.cluster) {
            continue;
        }
        let Some(first) = ctx.token_at(entity.span.start) else { continue };
        let before = (first > 0).then(|| ctx.piece(first - 1).to_lowercase()).unwrap_or_default();
        let inner = entity.span.slice(ctx.text).to_lowercase();
        let titled = GOVERNMENT_TITLES.contains(&before.as_str())
            || inner.split_whitespace().any(|w| GOVERNMENT_TITLES.contains(&w));
        if titled {
            let note = format!(
                "a government title with no country: taken to serve {}, the country the article names first",
                ctx.lex.countries[home].name
            );
            camps.insert(entity.cluster, (Camp::Country(home), Evidence::at(entity.span, note)));
        }
    }
}

/// Group nouns whose allegiance lasts through the article: a bare "the rebels" stands with the
/// side an earlier "pro-Russian rebels" named. Officials, sources and police are not among them.
const ALLEGIANT_GROUPS: &[&str] = &[
    "rebels",
    "rebel",
    "separatists",
    "militants",
    "fighters",
    "troops",
    "forces",
    "soldiers",
    "army",
    "military",
    "gunmen",
    "militia",
    "militias",
    "embassy",
    "government",
    "insurgents",
];

/// The camp a claim's speaker speaks for.
fn claim_camp(ctx: &Ctx, claim: &Claim, camps: &HashMap<ClusterId, (Camp, Evidence)>) -> Option<(Camp, Evidence)> {
    let speaker = claim.speaker.as_ref()?;
    if let Some(cluster) = speaker.cluster {
        if let Some((camp, _)) = camps.get(&cluster) {
            return Some((camp.clone(), Evidence::at(speaker.span, format!("{} stands with this side", speaker.name))));
        }
        let kind = ctx.clusters[cluster.0 as usize].kind;
        if matches!(kind, EntityKind::Person | EntityKind::Org) {
            return Some((
                Camp::Actor(cluster),
                Evidence::at(speaker.span, format!("{} speaks for itself", speaker.name)),
            ));
        }
    }
    // A description: "Israeli officials", "officials in Kiev", "a spokesperson for Pashinyan".
    let words = speaker.span.slice(ctx.text);
    let start = ctx.entities.partition_point(|e| e.span.start < speaker.span.start);
    for e in ctx.entities[start..].iter().take_while(|e| e.span.end <= speaker.span.end) {
        // "a spokesperson for Tarn Holdings": an organisation stands for itself when nothing else places it.
        if let Some(camp) = camp_of(ctx, camps, e) {
            return Some((camp, Evidence::at(e.span, format!("the speaker is tied to {}", e.span.slice(ctx.text)))));
        }
    }
    for word in words.split(|c: char| !c.is_alphanumeric()) {
        if let Some(camp) = camp_of_word(ctx, word) {
            return Some((camp, Evidence::at(speaker.span, format!("the speaker is described as '{word}'"))));
        }
    }
    // "a spokesperson for the court", "an official at the ministry": the organisation named earlier.
    let lower = words.to_lowercase();
    let tail: Vec<&str> = lower.split_whitespace().rev().take(3).collect();
    if let [noun, "the", "for" | "of" | "at" | "from"] = tail.as_slice() {
        let org = organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, noun, speaker.span.start);
        if let Some(camp) = org.and_then(|e| camp_of(ctx, camps, e)) {
            return Some((camp, Evidence::at(speaker.span, format!("'the {noun}' named earlier"))));
        }
    }
    // "the rebels" after "pro-Russian rebels"; "the embassy" after "the US Embassy".
    let head = words.split_whitespace().last().unwrap_or("").to_lowercase();
    if ALLEGIANT_GROUPS.contains(&head.as_str()) {
        let until = ctx.tokens.partition_point(|t| t.span.start < speaker.span.start);
        for i in (1..until).rev().take(3000) {
            if !ctx.piece(i).eq_ignore_ascii_case(&head) {
                continue;
            }
            let span = ctx.tokens[i].span;
            if let Some(e) = ctx.entity_ending_at(i).filter(|e| e.span.start < span.start) {
                if let Some((camp, _)) = camps.get(&e.cluster) {
                    return Some((
                        camp.clone(),
                        Evidence::at(e.span, format!("'{head}' were named earlier as '{}'", e.span.slice(ctx.text))),
                    ));
                }
            }
            let prev = ctx.piece(i - 1);
            let camp = camp_of_word(ctx, prev)
                .or_else(|| ctx.entity_ending_at(i - 1).and_then(|e| camps.get(&e.cluster).map(|(c, _)| c.clone())));
            if let Some(camp) = camp {
                return Some((
                    camp,
                    Evidence::at(
                        ctx.tokens[i - 1].span.cover(span),
                        format!("'{head}' were named earlier as '{prev} {head}'"),
                    ),
                ));
            }
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

/// Prepositions that make a place a venue ("talks in Brussels"), not an actor.
const LOCATIVES: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "via", "across", "around", "outside", "inside", "through", "toward",
    "towards", "between", "on",
];

/// Finds the sides, sets `claim.side` for every claim, pairs counter-claims and weighs each
/// side's voice.
///
/// The two parties are the pair of camps that speak and are named most (the headline and lead
/// count double) and that answer each other most: a claim by one that names the other counts
/// for the pair. International bodies are never parties; a country named only as a venue ("a
/// meeting in Brussels") is not a side at all.
pub fn assign(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    clusters: &[Cluster],
    claims: &mut [Claim],
    lex: &Lexicon,
) -> SidesResult {
    let ctx = Ctx { text, tokens, entities, clusters, lex, kb: Knowledge::new(lex) };
    let camps = place_clusters(&ctx);
    let claim_camps: Vec<Option<(Camp, Evidence)>> = claims.iter().map(|c| claim_camp(&ctx, c, &camps)).collect();
    let camp_of_cluster = |id: ClusterId| -> Option<Camp> {
        camps.get(&id).map(|(c, _)| c.clone()).or_else(|| {
            matches!(clusters[id.0 as usize].kind, EntityKind::Person | EntityKind::Org).then_some(Camp::Actor(id))
        })
    };

    // Every mention of a camp, in order: entities, plus nationality words the recogniser left.
    let mut mentions: Vec<(u32, usize, Camp)> = Vec::new(); // (byte, token index, camp)
    let mut next_entity = 0;
    for (ti, t) in tokens.iter().enumerate() {
        while next_entity < entities.len() && entities[next_entity].span.end <= t.span.start {
            next_entity += 1;
        }
        if let Some(e) = entities.get(next_entity).filter(|e| e.span.start == t.span.start) {
            if let Some(camp) = camp_of_cluster(e.cluster) {
                mentions.push((t.span.start, ti, camp));
            }
        } else if t.kind == TokenKind::Word && !entities.get(next_entity).is_some_and(|e| e.span.start < t.span.start) {
            if let Some(camp) = camp_of_word(&ctx, t.span.slice(text)) {
                mentions.push((t.span.start, ti, camp));
            }
        }
    }
    let lead_end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i) as u32;
    let mut n_claims: HashMap<Camp, usize> = HashMap::new();
    for (camp, _) in claim_camps.iter().flatten() {
        *n_claims.entry(camp.clone()).or_default() += 1;
    }
    let mut n_mentions: HashMap<Camp, usize> = HashMap::new();
    let mut n_lead: HashMap<Camp, usize> = HashMap::new();
    let mut n_actor: HashMap<Camp, usize> = HashMap::new();
    let mut first_seen: HashMap<Camp, u32> = HashMap::new();
    for (pos, ti, camp) in &mentions {
        *n_mentions.entry(camp.clone()).or_default() += 1;
        if *pos < lead_end {
            *n_lead.entry(camp.clone()).or_default() += 1;
        }
        let venue = *ti > 0 && LOCATIVES.contains(&tokens[ti - 1].span.slice(text).to_lowercase().as_str());
        // The outlet a speaker talks to ("told Reuters", "told the BBC") or a byline in brackets
        // ("NAIROBI (Reuters) -") is not a party to anything.
        let word_before = |k: usize| (*ti >= k).then(|| tokens[ti - k].span.slice(text).to_lowercase());
        let listener = matches!(word_before(1).as_deref(), Some("told" | "tells" | "telling"))
            || word_before(1).as_deref() == Some("the")
                && matches!(word_before(2).as_deref(), Some("told" | "tells" | "telling"));
        let byline =
            word_before(1).as_deref() == Some("(") && tokens.get(ti + 1).is_some_and(|t| t.span.slice(text) == ")");
        if !venue && !listener && !byline {
            *n_actor.entry(camp.clone()).or_default() += 1;
        }
        first_seen.entry(camp.clone()).or_insert(*pos);
    }
    for (claim, camp) in claims.iter().zip(&claim_camps) {
        if let Some((camp, _)) = camp {
            first_seen.entry(camp.clone()).or_insert(claim.span.start);
            n_mentions.entry(camp.clone()).or_insert(0);
        }
    }
    // How often the camps answer each other: a claim by one that names the other.
    let mut answers: HashMap<(Camp, Camp), usize> = HashMap::new();
    for (claim, camp) in claims.iter().zip(&claim_camps) {
        let Some((speaker_camp, _)) = camp else { continue };
        let from = mentions.partition_point(|m| m.0 < claim.span.start);
        let mut named: Vec<&Camp> = mentions[from..]
            .iter()
            .take_while(|m| m.0 < claim.span.end)
            .map(|m| &m.2)
            .filter(|c| *c != speaker_camp)
            .collect();
        named.sort();
        named.dedup();
        for other in named {
            let key = if speaker_camp < other {
                (speaker_camp.clone(), other.clone())
            } else {
                (other.clone(), speaker_camp.clone())
            };
            *answers.entry(key).or_default() += 1;
        }
    }
    let with_people: HashSet<Camp> = camps
        .iter()
        .filter(|(id, _)| matches!(clusters[id.0 as usize].kind, EntityKind::Person | EntityKind::Org))
        .map(|(_, (c, _))| c.clone())
        .collect();
    let is_body = |c: &Camp| matches!(c, Camp::Body(_));
    let count = |m: &HashMap<Camp, usize>, c: &Camp| m.get(c).copied().unwrap_or(0);
    let score = |c: &Camp| 3 * count(&n_claims, c) + count(&n_mentions, c) + 2 * count(&n_lead, c);
    let mut candidates: Vec<&Camp> = n_mentions
        .keys()
        .filter(|c| !is_body(c))
        .filter(|c| match c {
            Camp::Actor(_) => count(&n_claims, c) > 0,
            _ => count(&n_claims, c) > 0 || count(&n_actor, c) > 0 || with_people.contains(*c),
        })
        .collect();
    candidates.sort_by_key(|c| (std::cmp::Reverse(score(c)), first_seen[*c], (*c).clone()));
    candidates.truncate(6);
    let mut parties: Vec<Camp> = match candidates.len() {
        0 | 1 => candidates.iter().map(|c| (*c).clone()).collect(),
        n => {
            let mut best = (0usize, 0usize, 1usize);
            for i in 0..n {
                for j in i + 1..n {
                    let key = if candidates[i] < candidates[j] {
                        (candidates[i].clone(), candidates[j].clone())
                    } else {
                        (candidates[j].clone(), candidates[i].clone())
                    };
                    let pair =
                        score(candidates[i]) + score(candidates[j]) + 3 * answers.get(&key).copied().unwrap_or(0);
                    if pair > best.0 {
                        best = (pair, i, j);
                    }
                }
            }
            vec![candidates[best.1].clone(), candidates[best.2].clone()]
        }
    };
    // Side A is the party the article names first.
    parties.sort_by_key(|c| first_seen[c]);

    // Third parties are the countries, international bodies, organisations and people that take
    // part; an organisation named only as the outlet a speaker told or in a byline does not.
    let mut third: Vec<&Camp> = n_mentions
        .keys()
        .filter(|c| !parties.contains(c))
        .filter(|c| match c {
            Camp::Actor(id) if clusters[id.0 as usize].kind == EntityKind::Org => {
                count(&n_claims, c) > 0 || count(&n_actor, c) >= 2
            }
            _ => {
                count(&n_claims, c) > 0
                    || is_body(c) && count(&n_actor, c) >= 1
                    || !is_body(c) && with_people.contains(*c)
                    || matches!(c, Camp::Country(_)) && count(&n_actor, c) >= 1 && count(&n_mentions, c) >= 2
            }
        })
        .collect();
    third.sort_by_key(|c| (first_seen[*c], (*c).clone()));

    // Members of every camp, gathered in one pass over the clusters.
    let mut members_of: HashMap<Camp, Vec<(ClusterId, Option<&Evidence>)>> = HashMap::new();
    for (i, _) in clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        match camps.get(&id) {
            Some((camp, ev)) => members_of.entry(camp.clone()).or_default().push((id, Some(ev))),
            None => members_of.entry(Camp::Actor(id)).or_default().push((id, None)),
        }
    }
    let mut speaking_places: HashMap<ClusterId, usize> = HashMap::new();
    for c in claims.iter().filter_map(|c| c.speaker.as_ref()?.cluster) {
        *speaking_places.entry(c).or_default() += 1;
    }

    let mut sides: Vec<Side> = Vec::new();
    let mut side_of_camp: HashMap<Camp, SideId> = HashMap::new();
    for (camp, role) in
        parties.iter().map(|c| (c, SideRole::Party)).chain(third.into_iter().map(|c| (c, SideRole::ThirdParty)))
    {
        let listed = members_of.get(camp).map(Vec::as_slice).unwrap_or(&[]);
        let members: Vec<ClusterId> = listed.iter().map(|(id, _)| *id).collect();
        let evidence: Vec<Evidence> = listed
            .iter()
            .filter_map(|(id, ev)| {
                ev.map(|ev| Evidence { span: ev.span, note: format!("{}: {}", clusters[id.0 as usize].name, ev.note) })
            })
            .collect();
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
                aliases.extend(
                    country
                        .other_names
                        .iter()
                        .filter(|n| n.len() <= 4 && n.chars().all(|ch| ch.is_uppercase() || ch == '.'))
                        .cloned(),
                );
                aliases.extend(country.capitals.iter().cloned());
                aliases.extend(country.demonyms.iter().cloned());
                // The article's own term: the place name its claims are made in, else the most used.
                let place_members =
                    members.iter().copied().filter(|m| clusters[m.0 as usize].kind == EntityKind::Place);
                place_members
                    .map(|m| {
                        (m, 100 * speaking_places.get(&m).copied().unwrap_or(0) + clusters[m.0 as usize].mentions.len())
                    })
                    .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
                    .map(|(id, _)| clusters[id.0 as usize].name.clone())
                    .unwrap_or_else(|| country.name.clone())
            }
            Camp::Body(name) => name.clone(),
            Camp::Actor(id) => clusters[id.0 as usize].name.clone(),
        };
        let mut seen = HashSet::new();
        aliases.retain(|a| seen.insert(a.clone()));
        side_of_camp.insert(camp.clone(), SideId(sides.len() as u32));
        sides.push(Side { name, role, aliases, members, evidence, balance: SideBalance::default() });
    }

    for (claim, camp) in claims.iter_mut().zip(&claim_camps) {
        match camp {
            Some((camp, ev)) => {
                if let Some(&side) = side_of_camp.get(camp) {
                    claim.side = Some(side);
                    claim.evidence.push(Evidence {
                        span: ev.span,
                        note: format!("side {}: {}", sides[side.0 as usize].name, ev.note),
                    });
                }
            }
            None => claim.evidence.push(Evidence::note("the speaker is not tied to any side")),
        }
    }

    let mut diagnostics = Vec::new();
    if parties.len() < 2 {
        diagnostics
            .push(Diagnostic { span: None, message: format!("found {} of the two sides of a dispute", parties.len()) });
    }
    let counter_claims = if sides.len() >= 2 { pair_counter_claims(text, claims, entities, lex) } else { Vec::new() };
    let (quotes, _) = super::quotes::find(text, tokens);
    set_balances(claims, tokens, &quotes, &mut sides);
    SidesResult { sides, counter_claims, diagnostics }
}

/// Words inside quotation marks within `span`.
fn quoted_words(span: Span, tokens: &[Token], quotes: &[Quote]) -> u32 {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let mut n = 0;
    for t in tokens[first..].iter().take_while(|t| t.span.end <= span.end) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let q = quotes.partition_point(|q| q.span.start <= t.span.start);
        // Quotes are sorted by start and nest at most a few deep: look at the last few that open before it.
        if quotes[..q].iter().rev().take(3).any(|q| q.inner.contains(t.span)) {
            n += 1;
        }
    }
    n
}

/// Fills every side's balance from the claims placed on it.
fn set_balances(claims: &[Claim], tokens: &[Token], quotes: &[Quote], sides: &mut [Side]) {
    for side in sides.iter_mut() {
        side.balance = SideBalance::default();
    }
    let mut sources: Vec<HashSet<ClusterId>> = vec![HashSet::new(); sides.len()];
    let mut first_any: Option<SideId> = None;
    let mut last_any: Option<SideId> = None;
    for (i, claim) in claims.iter().enumerate() {
        let Some(side) = claim.side.filter(|s| (s.0 as usize) < sides.len()) else { continue };
        let b = &mut sides[side.0 as usize].balance;
        b.n_claims += 1;
        b.quoted_words += quoted_words(claim.span, tokens, quotes);
        match claim.speaker.as_ref().and_then(|s| s.cluster) {
            Some(cluster) => {
                b.n_named_claims += 1;
                sources[side.0 as usize].insert(cluster);
            }
            None => b.n_anonymous_claims += 1,
        }
        b.first_claim.get_or_insert(ClaimId(i as u32));
        b.last_claim = Some(ClaimId(i as u32));
        first_any.get_or_insert(side);
        last_any = Some(side);
    }
    for (i, side) in sides.iter_mut().enumerate() {
        side.balance.n_named_sources = sources[i].len() as u32;
        side.balance.speaks_first = first_any == Some(SideId(i as u32));
        side.balance.speaks_last = last_any == Some(SideId(i as u32));
    }
}

/// A reader's correction to the sides, applied by [`apply_edits`]. Edits carry ids of the
/// analysis they were made on, so they belong with its text (a share link keeps both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SideEdit {
    /// Give a side another name.
    Rename {
        /// The side.
        side: SideId,
        /// Its new name.
        name: String,
    },
    /// Put an actor (and the claims it speaks) on another side.
    MoveActor {
        /// The actor.
        cluster: ClusterId,
        /// Its new side.
        to: SideId,
    },
    /// Fold one side into another; the folded side disappears and later side ids shift down by one.
    Merge {
        /// The side that disappears.
        from: SideId,
        /// The side that takes its members and claims.
        into: SideId,
    },
}

/// Applies the reader's edits in order, then recomputes claim sides, counter-claims and
/// balances to match. Edits that name a side or actor the analysis does not have are skipped.
///
/// ```
/// use article_explorer::analysis::sides::{apply_edits, SideEdit};
/// use article_explorer::analysis::SideId;
/// let mut analysis = article_explorer::analyze("Oslo says the port is shut, while Bergen says it is open.");
/// apply_edits(&mut analysis, &[SideEdit::Rename { side: SideId(0), name: "The capital".into() }]);
/// assert_eq!(analysis.sides[0].name, "The capital");
/// ```
pub fn apply_edits(analysis: &mut Analysis, edits: &[SideEdit]) {
    for edit in edits {
        match edit {
            SideEdit::Rename { side, name } => {
                if let Some(s) = analysis.sides.get_mut(side.0 as usize) {
                    s.name = name.clone();
                }
            }
            SideEdit::MoveActor { cluster, to } => {
                let Some(cluster_name) = analysis.clusters.get(cluster.0 as usize).map(|c| c.name.clone()) else {
                    continue;
                };
                if to.0 as usize >= analysis.sides.len() {
                    continue;
                }
                for side in analysis.sides.iter_mut() {
                    side.members.retain(|m| m != cluster);
                }
                let target = &mut analysis.sides[to.0 as usize];
                target.members.push(*cluster);
                target.members.sort();
                if !target.aliases.contains(&cluster_name) {
                    target.aliases.push(cluster_name.clone());
                }
                target.evidence.push(Evidence::note(format!("{cluster_name}: moved here by the reader")));
                let side_name = target.name.clone();
                for claim in
                    analysis.claims.iter_mut().filter(|c| c.speaker.as_ref().and_then(|s| s.cluster) == Some(*cluster))
                {
                    claim.side = Some(*to);
                    claim
                        .evidence
                        .push(Evidence::note(format!("side {side_name}: the reader moved {cluster_name} here")));
                }
            }
            SideEdit::Merge { from, into } => {
                let n = analysis.sides.len();
                if from == into || from.0 as usize >= n || into.0 as usize >= n {
                    continue;
                }
                let folded = analysis.sides.remove(from.0 as usize);
                let into = if into.0 > from.0 { SideId(into.0 - 1) } else { *into };
                let target = &mut analysis.sides[into.0 as usize];
                target.members.extend(folded.members);
                target.members.sort();
                target.members.dedup();
                for alias in folded.aliases {
                    if !target.aliases.contains(&alias) {
                        target.aliases.push(alias);
                    }
                }
                target.evidence.extend(folded.evidence);
                target.evidence.push(Evidence::note(format!("{} merged here by the reader", folded.name)));
                let shift = |id: SideId| -> SideId {
                    if id == *from {
                        into
                    } else if id.0 > from.0 {
                        SideId(id.0 - 1)
                    } else {
                        id
                    }
                };
                for claim in analysis.claims.iter_mut() {
                    claim.side = claim.side.map(shift);
                }
            }
        }
    }
    // A claim and its counter-claim must stay on different sides.
    let claims = &analysis.claims;
    let side_of = |id: ClaimId| claims.get(id.0 as usize).and_then(|c| c.side);
    analysis.counter_claims.retain(|p| side_of(p.claim).is_some() && side_of(p.claim) != side_of(p.counter));
    set_balances(&analysis.claims, &analysis.tokens, &analysis.quotes, &mut analysis.sides);
}

/// Pairs claims of the two parties that share words or entities about the same matter. Claims
/// are paired through an index of their words, skipping words common to many claims, so the
/// work stays near linear in the number of claims.
fn pair_counter_claims(text: &str, claims: &[Claim], entities: &[Entity], lex: &Lexicon) -> Vec<CounterClaim> {
    let on_party = |c: &Claim| c.side.is_some_and(|s| s.0 <= 1);
    let words: Vec<HashSet<String>> = claims
        .iter()
        .map(|c| if on_party(c) { content_words(c.span.slice(text), lex) } else { HashSet::new() })
        .collect();
    let clusters_in = |span: Span| -> HashSet<ClusterId> {
        let start = entities.partition_point(|e| e.span.start < span.start);
        entities[start..].iter().take_while(|e| e.span.end <= span.end).map(|e| e.cluster).collect()
    };
    let ents: Vec<HashSet<ClusterId>> =
        claims.iter().map(|c| if on_party(c) { clusters_in(c.span) } else { HashSet::new() }).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ws) in words.iter().enumerate() {
        for w in ws {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut shared_words: HashMap<(usize, usize), Vec<String>> = HashMap::new();
    for (word, list) in &index {
        if list.len() > 32 {
            continue; // too common to say two claims are about the same matter
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if claims[i].side != claims[j].side {
                    shared_words.entry((i.min(j), i.max(j))).or_default().push(word.to_string());
                }
            }
        }
    }
    // The article itself sets two claims against each other when they follow one another across
    // a contrast ("Yerevan says A, while Baku says B"): a strong sign, whatever words they share.
    let mut contrasted: HashMap<(usize, usize), &'static str> = HashMap::new();
    for i in 1..claims.len() {
        let (a, b) = (&claims[i - 1], &claims[i]);
        if !on_party(a) || !on_party(b) || a.side == b.side || b.span.start < a.span.end {
            continue;
        }
        let gap = Span { start: a.span.end, end: b.span.start };
        if gap.len() > 120 {
            continue;
        }
        let between = gap.slice(text).to_lowercase();
        let joiner = between
            .split(|c: char| !c.is_alphanumeric())
            .find_map(|w| ["while", "whereas", "but", "however", "although", "though"].into_iter().find(|j| *j == w));
        if let Some(joiner) = joiner {
            contrasted.insert((i - 1, i), joiner);
            shared_words.entry((i - 1, i)).or_default();
        }
    }
    let mut pairs: Vec<(f32, usize, usize, Vec<String>)> = Vec::new();
    for ((i, j), shared) in shared_words {
        let shared_ents = ents[i].intersection(&ents[j]).count();
        let union = (words[i].len() + words[j].len() - shared.len()).max(1);
        let mut score = (shared.len() as f32 + shared_ents as f32) / union as f32;
        if contrasted.contains_key(&(i, j)) {
            score += 0.5;
        }
        if score >= 0.05 {
            pairs.push((score, i, j, shared));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for (score, i, j, mut shared) in pairs {
        if used.contains(&i) || used.contains(&j) {
            continue;
        }
        used.insert(i);
        used.insert(j);
        shared.sort();
        let mut evidence = Vec::new();
        if let Some(joiner) = contrasted.get(&(i, j)) {
            evidence.push(Evidence::note(format!("the article sets them against each other ('{joiner}')")));
        }
        if !shared.is_empty() {
            evidence.push(Evidence::note(format!("shared words: {}", shared.join(", "))));
        }
        out.push(CounterClaim {
            claim: ClaimId(i as u32),
            counter: ClaimId(j as u32),
            score: score.min(1.0),
            evidence,
        });
    }
    out.sort_by_key(|c| c.claim);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{lexicon::LEXICON, tokens::tokenize, EntityId};

    /// Entities built by hand (longest names first, whole words), so these tests do not depend
    /// on the recogniser; one cluster per distinct name.
    fn entities_for(text: &str, names: &[(&str, EntityKind)]) -> (Vec<Entity>, Vec<Cluster>) {
        let mut taken = vec![false; text.len()];
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(names[i].0.len()));
        for i in order {
            let name = names[i].0;
            for (start, _) in text.match_indices(name) {
                let end = start + name.len();
                let boundary = |k: Option<char>| k.is_none_or(|c| !c.is_alphanumeric());
                if boundary(text[..start].chars().last())
                    && boundary(text[end..].chars().next())
                    && !taken[start..end].iter().any(|t| *t)
                {
                    taken[start..end].iter_mut().for_each(|t| *t = true);
                    found.push((start, end, i));
                }
            }
        }
        found.sort();
        let mut clusters: Vec<Cluster> =
            names.iter().map(|(n, k)| Cluster { name: n.to_string(), kind: *k, mentions: Vec::new() }).collect();
        let entities = found
            .iter()
            .enumerate()
            .map(|(m, &(start, end, i))| {
                clusters[i].mentions.push(EntityId(m as u32));
                Entity {
                    span: Span::new(start, end),
                    kind: names[i].1,
                    cluster: ClusterId(i as u32),
                    confidence: 1.0,
                    evidence: Vec::new(),
                }
            })
            .collect();
        (entities, clusters)
    }

    /// The camp each placed name ends up in, as "country X", "body X" or "actor X".
    fn placed(text: &str, names: &[(&str, EntityKind)], who: &str) -> Option<String> {
        let tokens = tokenize(text);
        let (entities, clusters) = entities_for(text, names);
        let ctx = Ctx {
            text,
            tokens: &tokens,
            entities: &entities,
            clusters: &clusters,
            lex: &LEXICON,
            kb: Knowledge::new(&LEXICON),
        };
        let camps = place_clusters(&ctx);
        let id = ClusterId(names.iter().position(|(n, _)| *n == who)? as u32);
        camps.get(&id).map(|(camp, _)| match camp {
            Camp::Country(i) => format!("country {}", LEXICON.countries[*i].name),
            Camp::Body(b) => format!("body {b}"),
            Camp::Actor(a) => format!("actor {}", clusters[a.0 as usize].name),
        })
    }

    use EntityKind::{Org, Person, Place};

    #[test]
    fn affiliation_table() {
        let cases: Vec<(&str, &str, Vec<(&str, EntityKind)>, &str, Option<&str>)> = vec![
            (
                "possessive_title",
                "Peru’s president Ana Silva spoke.",
                vec![("Peru", Place), ("Ana Silva", Person)],
                "Ana Silva",
                Some("country Peru"),
            ),
            (
                "demonym_title",
                "Chilean foreign minister Tomas Vidal spoke.",
                vec![("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            (
                "appositive_possessive",
                "Peru’s president Ana Silva met them. Luis Mora, Ana Silva’s adviser, agreed.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Luis Mora", Person)],
                "Luis Mora",
                Some("country Peru"),
            ),
            (
                "appositive_adviser_to",
                "Peru’s president Ana Silva met them. Luis Mora, foreign policy adviser to Ana Silva, agreed.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Luis Mora", Person)],
                "Luis Mora",
                Some("country Peru"),
            ),
            (
                "org_named_after_country",
                "The Chile Navy Command moved ships.",
                vec![("Chile Navy Command", Org)],
                "Chile Navy Command",
                Some("country Chile"),
            ),
            (
                "government_body_without_country",
                "The State Department replied.",
                vec![("State Department", Org)],
                "State Department",
                Some("country United States"),
            ),
            (
                "international_body",
                "The European Union replied.",
                vec![("European Union", Org)],
                "European Union",
                Some("body European Union"),
            ),
            (
                "surname_takes_full_name_camp",
                "Peru’s president Ana Silva spoke. Later Silva left.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Silva", Person)],
                "Silva",
                Some("country Peru"),
            ),
            (
                "short_org_name",
                "The Church of the Valley replied. The Church denied it.",
                vec![("Church of the Valley", Org), ("Church", Org)],
                "Church",
                Some("actor Church of the Valley"),
            ),
            (
                "government_title_serves_first_country",
                "Chile and Peru met. Prime Minister Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            ("no_evidence_no_camp", "Tomas Vidal spoke.", vec![("Tomas Vidal", Person)], "Tomas Vidal", None),
        ];
        for (name, text, names, who, want) in cases {
            assert_eq!(placed(text, &names, who).as_deref(), want, "case {name}");
        }
    }

    const TEXT: &str = "Chile says the border is closed to trucks, while Peru says “the border is open to trucks”. The talks took place in Madrid.";

    #[test]
    fn claims_set_against_each_other_are_paired_even_without_shared_words() {
        // The second claim shares no word with the first ("it" stands for the dam), but the
        // sentence sets them against each other with "while"; a later claim sharing a name must
        // not take the pair.
        let text = "Khartoum says Addis Ababa is using the dam to starve the river of water, while Addis Ababa \
                    says it is needed to light the country. Ethiopian minister Abiy Tesfaye said Addis Ababa \
                    would keep talking in Cairo.";
        let analysis = crate::analyze(text);
        let pair = analysis.counter_claims.first().expect("a counter-claim pair");
        let first = analysis.claims[pair.claim.0 as usize].span.slice(text);
        let second = analysis.claims[pair.counter.0 as usize].span.slice(text);
        assert!(first.contains("starve the river"), "{first}");
        assert!(second.contains("light the country"), "{second}");
        assert!(pair.evidence.iter().any(|e| e.note.contains("while")));
    }

    #[test]
    fn parties_balance_and_venue() {
        let analysis = crate::analyze(TEXT);
        let names: Vec<(&str, SideRole)> = analysis.sides.iter().map(|s| (s.name.as_str(), s.role)).collect();
        assert_eq!(&names[..2], &[("Chile", SideRole::Party), ("Peru", SideRole::Party)]);
        assert!(
            !analysis.sides.iter().any(|s| s.name == "Madrid" || s.name == "Spain"),
            "a venue is not a side: {names:?}"
        );
        let (chile, peru) = (&analysis.sides[0].balance, &analysis.sides[1].balance);
        assert_eq!((chile.n_claims, chile.quoted_words, chile.speaks_first, chile.speaks_last), (1, 0, true, false));
        assert_eq!((peru.n_claims, peru.quoted_words, peru.speaks_first, peru.speaks_last), (1, 6, false, true));
        assert_eq!(peru.n_named_claims + peru.n_anonymous_claims, 1);
        assert_eq!(analysis.counter_claims.len(), 1, "the two border claims answer each other");
    }

    #[test]
    fn edits_rename_move_and_merge() {
        let mut analysis = crate::analyze(TEXT);
        apply_edits(&mut analysis, &[SideEdit::Rename { side: SideId(1), name: "Lima".into() }]);
        assert_eq!(analysis.sides[1].name, "Lima");
        let peru = analysis.claims[1].speaker.as_ref().and_then(|s| s.cluster).expect("Peru is a named speaker");
        apply_edits(&mut analysis, &[SideEdit::MoveActor { cluster: peru, to: SideId(0) }]);
        assert_eq!(analysis.claims[1].side, Some(SideId(0)));
        assert!(analysis.counter_claims.is_empty(), "a pair on one side is no longer a counter-claim");
        assert_eq!(analysis.sides[0].balance.n_claims, 2);
        let n_sides = analysis.sides.len();
        apply_edits(
            &mut analysis,
            &[
                SideEdit::Merge { from: SideId(1), into: SideId(0) },
                SideEdit::Merge { from: SideId(99), into: SideId(0) },
            ],
        );
        assert_eq!(analysis.sides.len(), n_sides - 1);
        assert!(analysis.claims.iter().all(|c| c.side.is_none_or(|s| (s.0 as usize) < analysis.sides.len())));
    }
}
