//! Choosing the two parties and the third parties. The rules count what the article says of each
//! camp (how much it speaks and is named, in the title and lead, amid words of conflict, how often
//! two camps answer each other, which camps take part at all: a venue, the outlet a speaker told
//! or a byline does not); the learned model (`party_model.rs`) weighs that evidence into a party
//! score per camp and decides whether the article reports a dispute at all. Ordinary news gets no
//! parties.

use super::knowledge::camp_of_word;
use super::party_model::{
    ArticleEvidence, CampEvidence, CampKind, Candidate, PairEvidence, PartyEvidence, DISPUTE_THRESHOLD, PARTY_MODEL,
};
use super::view::Ctx;
use super::{Camp, Camps};
use crate::analysis::lexicon::LowerCase;
use crate::analysis::model::{Claim, ClusterId, EntityKind, Evidence, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The lead: mentions in the first this many characters.
const LEAD_CHARS: usize = 400;

/// One mention of a camp: its byte, its token and the camp.
type CampMention = (u32, usize, Camp);

/// What the article says of each camp, counted once.
pub(super) struct Tally {
    /// Claims spoken for the camp.
    n_claims: HashMap<Camp, usize>,
    /// Mentions of the camp (every camp spoken for or named is a key, with 0 when only spoken for).
    n_mentions: HashMap<Camp, usize>,
    /// Mentions in the headline and lead.
    n_lead: HashMap<Camp, usize>,
    /// Mentions as an actor: not a venue, the outlet a speaker told, or a byline.
    n_actor: HashMap<Camp, usize>,
    /// Where the camp is first mentioned or spoken for.
    first_seen: HashMap<Camp, u32>,
    /// Claims by one camp that name the other, per pair (the lesser camp first).
    answers: HashMap<(Camp, Camp), usize>,
    /// Camps a person or organisation was placed in.
    with_people: HashSet<Camp>,
    /// Mentions in the title (the first line).
    n_title: HashMap<Camp, usize>,
    /// Mentions as the outlet a speaker told or a byline.
    n_listener: HashMap<Camp, usize>,
    /// Words of conflict in the sentences that name the camp.
    n_conflict: HashMap<Camp, usize>,
    /// Mentions as a venue ("in Paris").
    n_venue: HashMap<Camp, usize>,
    /// Claims whose speaker is only a pronoun ("he said").
    n_pronoun_claims: HashMap<Camp, usize>,
    /// People and organisations placed in the camp.
    n_members: HashMap<Camp, usize>,
    /// Sentences that name both camps, and the words of conflict in them, per pair (the lesser
    /// camp first).
    together: HashMap<(Camp, Camp), (usize, usize)>,
    /// What the article says as a whole.
    article: ArticleEvidence,
}

impl Tally {
    /// Counts the camps' mentions and claims in the article.
    pub fn count(ctx: &Ctx, camps: &Camps, claims: &[Claim], claim_camps: &[Option<(Camp, Evidence)>]) -> Tally {
        let mentions = camp_mentions(ctx, camps);
        let (near, together) = sentence_stats(ctx, &mentions);
        let mut tally = Tally {
            n_claims: HashMap::default(),
            n_mentions: HashMap::default(),
            n_lead: HashMap::default(),
            n_actor: HashMap::default(),
            first_seen: HashMap::default(),
            answers: answers(claims, claim_camps, &mentions),
            with_people: camps
                .iter()
                .filter(|(id, _)| matches!(ctx.cluster(**id).kind, EntityKind::Person | EntityKind::Org))
                .map(|(_, (c, _))| c.clone())
                .collect(),
            n_title: HashMap::default(),
            n_listener: HashMap::default(),
            n_conflict: near,
            n_venue: HashMap::default(),
            n_pronoun_claims: HashMap::default(),
            n_members: HashMap::default(),
            together,
            article: article_evidence(ctx, claims, claim_camps),
        };
        for (claim, (camp, _)) in claims.iter().zip(claim_camps).filter_map(|(c, k)| Some((c, k.as_ref()?))) {
            *tally.n_claims.entry(camp.clone()).or_default() += 1;
            let by_pronoun =
                claim.speaker.as_ref().is_some_and(|s| ctx.lex.person_pronouns.contains_lower(s.span.slice(ctx.text)));
            if by_pronoun {
                *tally.n_pronoun_claims.entry(camp.clone()).or_default() += 1;
            }
        }
        for (id, (camp, _)) in camps {
            if matches!(ctx.cluster(*id).kind, EntityKind::Person | EntityKind::Org) {
                *tally.n_members.entry(camp.clone()).or_default() += 1;
            }
        }
        let lead_end = ctx.text.char_indices().nth(LEAD_CHARS).map_or(ctx.text.len(), |(i, _)| i) as u32;
        let title_end = title_end(ctx.text);
        for (pos, ti, camp) in &mentions {
            *tally.n_mentions.entry(camp.clone()).or_default() += 1;
            if *pos < lead_end {
                *tally.n_lead.entry(camp.clone()).or_default() += 1;
            }
            if *pos < title_end {
                *tally.n_title.entry(camp.clone()).or_default() += 1;
            }
            if takes_part(ctx, *ti) {
                *tally.n_actor.entry(camp.clone()).or_default() += 1;
            } else if !is_venue(ctx, *ti) {
                *tally.n_listener.entry(camp.clone()).or_default() += 1;
            } else {
                *tally.n_venue.entry(camp.clone()).or_default() += 1;
            }
            tally.first_seen.entry(camp.clone()).or_insert(*pos);
        }
        for (claim, camp) in claims.iter().zip(claim_camps) {
            if let Some((camp, _)) = camp {
                tally.first_seen.entry(camp.clone()).or_insert(claim.span.start);
                tally.n_mentions.entry(camp.clone()).or_insert(0);
            }
        }
        tally
    }

    fn claims(&self, c: &Camp) -> usize {
        self.n_claims.get(c).copied().unwrap_or(0)
    }
    fn mentions(&self, c: &Camp) -> usize {
        self.n_mentions.get(c).copied().unwrap_or(0)
    }
    fn as_actor(&self, c: &Camp) -> usize {
        self.n_actor.get(c).copied().unwrap_or(0)
    }
    fn of(map: &HashMap<Camp, usize>, c: &Camp) -> usize {
        map.get(c).copied().unwrap_or(0)
    }
    /// How often the two camps answer each other.
    fn answers(&self, a: &Camp, b: &Camp) -> usize {
        let key = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        self.answers.get(&key).copied().unwrap_or(0)
    }
}

/// Every mention of a camp, in order: entities, plus nationality words the recogniser left.
fn camp_mentions(ctx: &Ctx, camps: &Camps) -> Vec<CampMention> {
    let camp_of_cluster =
        |id: ClusterId| -> Option<Camp> { camps.get(&id).map(|(c, _)| c.clone()).or_else(|| ctx.actor(id)) };
    let entities = ctx.entities;
    let mut mentions = Vec::new();
    let mut next_entity = 0;
    for (ti, t) in ctx.tokens.iter().enumerate() {
        while next_entity < entities.len() && entities[next_entity].span.end <= t.span.start {
            next_entity += 1;
        }
        if let Some(e) = entities.get(next_entity).filter(|e| e.span.start == t.span.start) {
            if let Some(camp) = camp_of_cluster(e.cluster) {
                mentions.push((t.span.start, ti, camp));
            }
        } else if t.kind == TokenKind::Word && entities.get(next_entity).is_none_or(|e| e.span.start >= t.span.start) {
            let word = t.span.slice(ctx.text);
            if let Some(camp) = camp_of_word(ctx, word) {
                mentions.push((t.span.start, ti, camp));
            } else if let Some(group) = ctx.lex.group_camps.get(ctx.lower(ti)) {
                mentions.push((t.span.start, ti, Camp::Group(group.clone())));
            }
        }
    }
    mentions
}

/// Where the title ends: the first line break, when the text has a title line before a blank
/// line; nothing otherwise.
fn title_end(text: &str) -> u32 {
    match text.find('\n') {
        Some(i) if text[i + 1..].trim_start_matches([' ', '\t', '\r']).starts_with('\n') => i as u32,
        _ => 0,
    }
}

/// Per sentence, the camps it names and its words of conflict: for each camp, the words of
/// conflict in the sentences that name it; for each pair of camps, the sentences that name both
/// and the words of conflict in them.
fn sentence_stats(
    ctx: &Ctx,
    mentions: &[CampMention],
) -> (HashMap<Camp, usize>, HashMap<(Camp, Camp), (usize, usize)>) {
    let mut near: HashMap<Camp, usize> = HashMap::default();
    let mut together: HashMap<(Camp, Camp), (usize, usize)> = HashMap::default();
    let mut next = 0;
    for sentence in &ctx.doc.sentences {
        let first = sentence.first_token as usize;
        let end = sentence.end_token as usize;
        let n = (first..end).filter(|&i| ctx.lex.conflict_words.contains(ctx.lower(i))).count();
        while next < mentions.len() && mentions[next].1 < first {
            next += 1;
        }
        let mut named: Vec<&Camp> = mentions[next..].iter().take_while(|m| m.1 < end).map(|m| &m.2).collect();
        named.sort();
        named.dedup();
        for (k, camp) in named.iter().enumerate() {
            *near.entry((*camp).clone()).or_default() += n;
            // Only a few camps share a sentence: the pairs stay few.
            for other in named.iter().skip(k + 1).take(8) {
                let entry = together.entry(((*camp).clone(), (*other).clone())).or_default();
                entry.0 += 1;
                entry.1 += n;
            }
        }
    }
    (near, together)
}

/// What the article says as a whole: its claims (how many accuse, how many camps speak), words,
/// words of conflict and words of ordinary news.
fn article_evidence(ctx: &Ctx, claims: &[Claim], claim_camps: &[Option<(Camp, Evidence)>]) -> ArticleEvidence {
    let title_end = title_end(ctx.text);
    let accuses = |claim: &Claim| {
        claim.cue.is_some_and(|cue| {
            cue.slice(ctx.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| ctx.lex.accusation_cues.contains_key(&w.to_lowercase()))
        })
    };
    let speaking: HashSet<&Camp> = claim_camps.iter().flatten().map(|(c, _)| c).collect();
    let mut article = ArticleEvidence {
        n_claims: claims.len(),
        n_accusing_claims: claims.iter().filter(|c| accuses(c)).count(),
        n_speaking_camps: speaking.len(),
        ..ArticleEvidence::default()
    };
    for (i, t) in ctx.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Word) {
        article.n_words += 1;
        let word = ctx.lower(i);
        if ctx.lex.conflict_words.contains(word) {
            article.n_conflict += 1;
            if t.span.start < title_end {
                article.n_conflict_title += 1;
            }
        }
        if ctx.lex.incident_words.contains(word) {
            article.n_incident += 1;
            if t.span.start < title_end {
                article.n_incident_title += 1;
            }
        }
    }
    article
}

/// True when the mention at token `ti` is a venue ("talks in Brussels").
fn is_venue(ctx: &Ctx, ti: usize) -> bool {
    ti > 0 && ctx.lex.locatives.contains(ctx.lower(ti - 1))
}

/// True when the mention at token `ti` names a camp taking part: not a venue ("talks in
/// Brussels"), the outlet a speaker talks to ("told Reuters", "told the BBC") or a byline in
/// brackets ("NAIROBI (Reuters) -").
fn takes_part(ctx: &Ctx, ti: usize) -> bool {
    let word_before = |k: usize| (ti >= k).then(|| ctx.lower(ti - k));
    let told = |w: Option<&str>| w.is_some_and(|w| ctx.lex.outlet_verbs.contains(w));
    let venue = ti > 0 && ctx.lex.locatives.contains(ctx.lower(ti - 1));
    let listener = told(word_before(1)) || word_before(1) == Some("the") && told(word_before(2));
    let byline = word_before(1) == Some("(") && ti + 1 < ctx.tokens.len() && ctx.piece(ti + 1) == ")";
    !venue && !listener && !byline
}

/// How often the camps answer each other: a claim by one that names the other.
fn answers(
    claims: &[Claim],
    claim_camps: &[Option<(Camp, Evidence)>],
    mentions: &[CampMention],
) -> HashMap<(Camp, Camp), usize> {
    let mut answers: HashMap<(Camp, Camp), usize> = HashMap::default();
    for (claim, camp) in claims.iter().zip(claim_camps) {
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
    answers
}

/// True when the camp is an organisation named as a court ("Court of Session").
fn is_court(ctx: &Ctx, camp: &Camp) -> bool {
    match camp {
        Camp::Actor(id) if ctx.cluster(*id).kind == EntityKind::Org => {
            ctx.cluster(*id).name.split_whitespace().any(|w| ctx.lex.court_words.contains(w))
        }
        _ => false,
    }
}

/// The camps that may be parties: those that speak or take part, never an international body
/// or a court (which rules between the parties).
fn candidates(ctx: &Ctx, tally: &Tally) -> Vec<Camp> {
    let mut candidates: Vec<Camp> = tally
        .n_mentions
        .keys()
        .filter(|c| !matches!(c, Camp::Body(_)) && !is_court(ctx, c))
        .filter(|c| match c {
            Camp::Actor(_) => tally.claims(c) > 0,
            _ => tally.claims(c) > 0 || tally.as_actor(c) > 0 || tally.with_people.contains(*c),
        })
        .cloned()
        .collect();
    candidates.sort_by_key(|c| (tally.first_seen[c], c.clone()));
    candidates
}

/// What the rules found about one candidate, for the model.
fn camp_evidence(ctx: &Ctx, tally: &Tally, camp: &Camp) -> CampEvidence {
    let answers_max =
        tally.answers.iter().filter(|((a, b), _)| a == camp || b == camp).map(|(_, n)| *n).max().unwrap_or(0);
    CampEvidence {
        n_claims: tally.claims(camp),
        n_mentions: tally.mentions(camp),
        n_lead: Tally::of(&tally.n_lead, camp),
        n_title: Tally::of(&tally.n_title, camp),
        n_actor: tally.as_actor(camp),
        n_listener: Tally::of(&tally.n_listener, camp),
        answers_max,
        n_conflict: Tally::of(&tally.n_conflict, camp),
        first_seen: tally.first_seen[camp] as f32 / ctx.text.len().max(1) as f32,
        kind: match camp {
            Camp::Country(_) => CampKind::Country,
            Camp::Body(_) => CampKind::Body,
            Camp::Actor(id) if ctx.cluster(*id).kind == EntityKind::Person => CampKind::Person,
            Camp::Actor(id) if ctx.cluster(*id).kind == EntityKind::Place => CampKind::Place,
            Camp::Actor(_) => CampKind::Organisation,
            Camp::Group(_) => CampKind::Group,
        },
        claims_rank: 0,
        mentions_rank: 0,
        n_venue: Tally::of(&tally.n_venue, camp),
        n_pronoun_claims: Tally::of(&tally.n_pronoun_claims, camp),
        n_members: Tally::of(&tally.n_members, camp),
    }
}

/// The candidates (in the order the article names them) and the evidence the models weigh.
pub(super) fn gather(ctx: &Ctx, tally: &Tally) -> (Vec<Camp>, PartyEvidence) {
    let camps = candidates(ctx, tally);
    let mut pairs = Vec::new();
    for i in 0..camps.len() {
        for j in i + 1..camps.len() {
            let key = if camps[i] < camps[j] {
                (camps[i].clone(), camps[j].clone())
            } else {
                (camps[j].clone(), camps[i].clone())
            };
            let (sentences, conflict) = tally.together.get(&key).copied().unwrap_or((0, 0));
            let answers = tally.answers(&camps[i], &camps[j]);
            if answers + sentences > 0 {
                pairs.push(PairEvidence { first: i, second: j, answers, sentences, conflict });
            }
        }
    }
    let mut candidates: Vec<Candidate> =
        camps.iter().map(|c| Candidate { names: Vec::new(), evidence: camp_evidence(ctx, tally, c) }).collect();
    let claims: Vec<usize> = candidates.iter().map(|c| c.evidence.n_claims).collect();
    let mentions: Vec<usize> = candidates.iter().map(|c| c.evidence.n_mentions).collect();
    for c in &mut candidates {
        c.evidence.claims_rank = claims.iter().filter(|&&n| n > c.evidence.n_claims).count();
        c.evidence.mentions_rank = mentions.iter().filter(|&&n| n > c.evidence.n_mentions).count();
    }
    (camps, PartyEvidence { candidates, pairs, article: tally.article.clone() })
}

/// The parties the model chose, with the evidence for each, and whether the article reports a
/// dispute.
pub(super) struct Parties {
    /// The two parties, the one the article names first first; none when there is no dispute.
    pub camps: Vec<Camp>,
    /// Why each party is one (same order).
    pub why: Vec<Evidence>,
    /// The dispute model's probability.
    pub dispute: f32,
}

/// The two parties: the candidate the party model scores highest and the one the second-party
/// model prefers beside it, when the dispute model says the article reports a dispute between two
/// camps; none otherwise.
pub(super) fn choose_parties(ctx: &Ctx, tally: &Tally) -> Parties {
    let (camps, evidence) = gather(ctx, tally);
    let model = &*PARTY_MODEL;
    let ranked = evidence.ranked(model);
    let dispute = evidence.dispute_probability(model, &ranked);
    if dispute < DISPUTE_THRESHOLD {
        return Parties { camps: Vec::new(), why: Vec::new(), dispute };
    }
    let mut chosen: Vec<(usize, f32)> = evidence.choose(model, &ranked);
    // Side A is the party the article names first (candidates are in that order).
    chosen.sort_by_key(|(i, _)| *i);
    let why = chosen
        .iter()
        .map(|&(i, p)| {
            let e = &evidence.candidates[i].evidence;
            Evidence::note(format!(
                "a party ({:.0}% sure): {} claims, named {} times{}{}; a dispute ({:.0}% sure)",
                p * 100.0,
                e.n_claims,
                e.n_mentions,
                if e.n_title > 0 { ", in the title" } else { "" },
                if e.answers_max > 0 { ", answers the other side" } else { "" },
                dispute * 100.0
            ))
        })
        .collect();
    Parties { camps: chosen.iter().map(|&(i, _)| camps[i].clone()).collect(), why, dispute }
}

/// The third parties, in the order the article names them: the countries, international bodies,
/// organisations and people that take part; an organisation named only as the outlet a speaker
/// told or in a byline does not.
pub(super) fn third_parties(ctx: &Ctx, tally: &Tally, parties: &[Camp]) -> Vec<Camp> {
    let is_body = |c: &Camp| matches!(c, Camp::Body(_));
    let mut third: Vec<&Camp> = tally
        .n_mentions
        .keys()
        .filter(|c| !parties.contains(c))
        .filter(|c| match c {
            // A named group ("activists") is a side only as a party of the dispute: elsewhere it
            // is a description of unnamed people, tied to no side.
            Camp::Group(_) => false,
            Camp::Actor(id) if ctx.cluster(*id).kind == EntityKind::Org => {
                tally.claims(c) > 0 || tally.as_actor(c) >= 2
            }
            _ => {
                tally.claims(c) > 0
                    || is_body(c) && tally.as_actor(c) >= 1
                    || !is_body(c) && tally.with_people.contains(*c)
                    || matches!(c, Camp::Country(_)) && tally.as_actor(c) >= 1 && tally.mentions(c) >= 2
            }
        })
        .collect();
    third.sort_by_key(|c| (tally.first_seen[*c], (*c).clone()));
    third.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::TEXT;
    use crate::analysis::model::SideRole;

    #[test]
    fn parties_and_venue() {
        let analysis = crate::analyze(TEXT);
        let names: Vec<(&str, SideRole)> = analysis.sides.iter().map(|s| (s.name.as_str(), s.role)).collect();
        assert_eq!(&names[..2], &[("Chile", SideRole::Party), ("Peru", SideRole::Party)]);
        assert!(
            !analysis.sides.iter().any(|s| s.name == "Madrid" || s.name == "Spain"),
            "a venue is not a side: {names:?}"
        );
    }

    /// Ordinary news, with officials speaking, is no dispute: no parties, and the page is told so.
    #[test]
    fn ordinary_news_gets_no_parties() {
        let text = "A bus crashed on a wet road near Tarn on Thursday, killing seven people, police said. The driver \
                    told reporters he lost control. Indian officials said the road would reopen on Friday, and a \
                    hospital spokesperson said four people were still being treated.";
        let analysis = crate::analyze(text);
        assert!(analysis.sides.iter().all(|s| s.role == SideRole::ThirdParty), "{:?}", analysis.sides);
        assert!(analysis.diagnostics.iter().any(|d| d.message.starts_with("no dispute")));
        // "Indian" is India's, not the British Indian Ocean Territory's.
        assert!(analysis.sides.iter().any(|s| s.name == "India"));
    }

    /// (text, the sides wanted: parties first)
    #[test]
    fn who_takes_part() {
        let table: [(&str, &[&str]); 3] = [
            ("Chile says the port is shut, while Peru says it is open, Chile told Reuters.", &["Chile", "Peru"]),
            (
                "Chile says the port is shut, while Peru says it is open. The European Union urged calm.",
                &["Chile", "Peru", "European Union"],
            ),
            ("Chile says the port is shut.", &["Chile"]),
        ];
        for (text, want) in table {
            let analysis = crate::analyze(text);
            let names: Vec<&str> = analysis.sides.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, want, "{text}");
        }
    }
}
