//! Choosing the two parties and the third parties: how much each camp speaks and is named (the
//! headline and lead count double), how often two camps answer each other, and which camps take
//! part at all (a venue, the outlet a speaker told or a byline does not).

use super::knowledge::camp_of_word;
use super::view::Ctx;
use super::{Camp, Camps};
use crate::analysis::model::{Claim, ClusterId, EntityKind, Evidence, TokenKind};
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

/// At most this many of the camps that score best are weighed as a pair of parties.
const MAX_CANDIDATES: usize = 6;
/// The lead: mentions in the first this many characters count double.
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
}

impl Tally {
    /// Counts the camps' mentions and claims in the article.
    pub fn count(ctx: &Ctx, camps: &Camps, claims: &[Claim], claim_camps: &[Option<(Camp, Evidence)>]) -> Tally {
        let mentions = camp_mentions(ctx, camps);
        let mut tally = Tally {
            n_claims: HashMap::new(),
            n_mentions: HashMap::new(),
            n_lead: HashMap::new(),
            n_actor: HashMap::new(),
            first_seen: HashMap::new(),
            answers: answers(claims, claim_camps, &mentions),
            with_people: camps
                .iter()
                .filter(|(id, _)| matches!(ctx.cluster(**id).kind, EntityKind::Person | EntityKind::Org))
                .map(|(_, (c, _))| c.clone())
                .collect(),
        };
        for (camp, _) in claim_camps.iter().flatten() {
            *tally.n_claims.entry(camp.clone()).or_default() += 1;
        }
        let lead_end = ctx.text.char_indices().nth(LEAD_CHARS).map_or(ctx.text.len(), |(i, _)| i) as u32;
        for (pos, ti, camp) in &mentions {
            *tally.n_mentions.entry(camp.clone()).or_default() += 1;
            if *pos < lead_end {
                *tally.n_lead.entry(camp.clone()).or_default() += 1;
            }
            if takes_part(ctx, *ti) {
                *tally.n_actor.entry(camp.clone()).or_default() += 1;
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
    /// How much the camp speaks and is named: a claim counts three, a mention one, and a mention
    /// in the headline or lead three.
    fn score(&self, c: &Camp) -> usize {
        3 * self.claims(c) + self.mentions(c) + 2 * self.n_lead.get(c).copied().unwrap_or(0)
    }
    /// How often the two camps answer each other.
    fn answers(&self, a: &Camp, b: &Camp) -> usize {
        let key = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        self.answers.get(&key).copied().unwrap_or(0)
    }
}

/// Every mention of a camp, in order: entities, plus nationality words the recogniser left.
fn camp_mentions(ctx: &Ctx, camps: &Camps) -> Vec<CampMention> {
    let camp_of_cluster = |id: ClusterId| -> Option<Camp> {
        camps
            .get(&id)
            .map(|(c, _)| c.clone())
            .or_else(|| matches!(ctx.cluster(id).kind, EntityKind::Person | EntityKind::Org).then_some(Camp::Actor(id)))
    };
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
            if let Some(camp) = camp_of_word(ctx, t.span.slice(ctx.text)) {
                mentions.push((t.span.start, ti, camp));
            }
        }
    }
    mentions
}

/// True when the mention at token `ti` names a camp taking part: not a venue ("talks in
/// Brussels"), the outlet a speaker talks to ("told Reuters", "told the BBC") or a byline in
/// brackets ("NAIROBI (Reuters) -").
fn takes_part(ctx: &Ctx, ti: usize) -> bool {
    let word_before = |k: usize| (ti >= k).then(|| ctx.piece(ti - k).to_lowercase());
    let told = |w: Option<String>| w.is_some_and(|w| ctx.lex.outlet_verbs.contains(&w));
    let venue = ti > 0 && ctx.lex.locatives.contains(&ctx.piece(ti - 1).to_lowercase());
    let listener = told(word_before(1)) || word_before(1).as_deref() == Some("the") && told(word_before(2));
    let byline = word_before(1).as_deref() == Some("(") && ti + 1 < ctx.tokens.len() && ctx.piece(ti + 1) == ")";
    !venue && !listener && !byline
}

/// How often the camps answer each other: a claim by one that names the other.
fn answers(
    claims: &[Claim],
    claim_camps: &[Option<(Camp, Evidence)>],
    mentions: &[CampMention],
) -> HashMap<(Camp, Camp), usize> {
    let mut answers: HashMap<(Camp, Camp), usize> = HashMap::new();
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

/// The two parties, the one the article names first first: of the camps that speak or take
/// part (never an international body), the pair that scores most together, answers counting
/// three each.
pub(super) fn choose_parties(tally: &Tally) -> Vec<Camp> {
    let is_body = |c: &Camp| matches!(c, Camp::Body(_));
    let mut candidates: Vec<&Camp> = tally
        .n_mentions
        .keys()
        .filter(|c| !is_body(c))
        .filter(|c| match c {
            Camp::Actor(_) => tally.claims(c) > 0,
            _ => tally.claims(c) > 0 || tally.as_actor(c) > 0 || tally.with_people.contains(*c),
        })
        .collect();
    candidates.sort_by_key(|c| (Reverse(tally.score(c)), tally.first_seen[*c], (*c).clone()));
    candidates.truncate(MAX_CANDIDATES);
    let mut parties: Vec<Camp> = match candidates.len() {
        0 | 1 => candidates.iter().map(|c| (*c).clone()).collect(),
        n => {
            let mut best = (0usize, 0usize, 1usize);
            for i in 0..n {
                for j in i + 1..n {
                    let (a, b) = (candidates[i], candidates[j]);
                    let pair = tally.score(a) + tally.score(b) + 3 * tally.answers(a, b);
                    if pair > best.0 {
                        best = (pair, i, j);
                    }
                }
            }
            vec![candidates[best.1].clone(), candidates[best.2].clone()]
        }
    };
    // Side A is the party the article names first.
    parties.sort_by_key(|c| tally.first_seen[c]);
    parties
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
