//! Stage 7, sides: the competing narratives. Places every actor in a camp (a country, an
//! international body, or itself), makes the two camps that speak most the parties and the
//! rest third parties, puts each claim on its speaker's side, and pairs claim with counter-claim.
//!
//! Affiliation evidence, in order of strength: the knowledge base (a country, its capital, a
//! seat of government, its demonym), a possessive or premodifier before a title
//! ("Azerbaijan’s president Ilham Aliyev", "German chancellor Olaf Scholz", "Hamas spokesman X"),
//! and an appositive after a name ("Hikmet Hajiyev, Aliyev’s foreign policy adviser").
//!
//! Which two camps are the parties, and whether there is a dispute at all, is decided by a small
//! learned model over what the rules count (`party_model.rs`, trained by
//! `cargo run --release --bin sides-model -- train`).
//!
//! Files: this one runs the stage ([`assign`]: its steps in order); `view.rs` is the article as
//! the stage reads it; `knowledge.rs` what the knowledge base says of a name (built once per
//! process); `affiliation.rs` who stands with whom; `speakers.rs` whom a claim's speaker speaks
//! for; `parties.rs` the choice of the two parties and the third parties, weighed by the learned
//! party and dispute model of `party_model.rs` (ordinary news gets none); `members.rs` a side's
//! members, aliases and name; `balance.rs` each side's voice; `counter_claims.rs` the pairs of
//! claims that answer each other; `edits.rs` the reader's corrections. The word lists are data
//! in `../lexicon/*.txt`; the words written in the code are the articles and the possessive
//! "’s", which give a pattern its shape.

mod affiliation;
mod balance;
mod counter_claims;
mod edits;
mod knowledge;
mod members;
mod parties;
pub mod party_model;
mod speakers;
mod view;

pub use self::edits::{apply_edits, SideEdit};

use self::view::Ctx;
use super::document::Document;
use super::model::{
    ById, Claim, Cluster, ClusterId, CounterClaim, Diagnostic, Entity, EntityKind, Evidence, Side, SideId,
};
use rustc_hash::FxHashMap as HashMap;

/// A camp: who an actor stands with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Camp {
    /// A country (index into the lexicon's countries).
    Country(usize),
    /// An international body (its canonical name).
    Body(String),
    /// An actor that stands for itself (a person, company or group, or a place the knowledge base
    /// does not know): the first cluster of its name (`Ctx::named_as`).
    Actor(ClusterId),
    /// A named group: "Protesters", "Plaintiffs" (lexicon `group_camps.txt`), or a political party,
    /// however named ("Democratic", "the Democratic Party": lexicon `political_parties.tsv`).
    Group(String),
}

/// The camp of every placed cluster, with the evidence that placed it.
type Camps = HashMap<ClusterId, (Camp, Evidence)>;

/// The camp an entity stands in: the one placed already, or the knowledge base's; failing both, an
/// organisation or a place the knowledge base does not know stands for itself ("Oskaria’s
/// deputy foreign minister").
fn camp_of(ctx: &Ctx, camps: &Camps, e: &Entity) -> Option<Camp> {
    camps
        .get(&e.cluster)
        .map(|(c, _)| c.clone())
        .or_else(|| knowledge::intrinsic_camp(ctx, e.cluster))
        .or_else(|| matches!(e.kind, EntityKind::Org | EntityKind::Place).then(|| ctx.actor(e.cluster)).flatten())
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

/// Finds the sides, sets `claim.side` for every claim, pairs counter-claims and weighs each
/// side's voice.
///
/// The two parties are the pair of camps that speak and are named most (the headline and lead
/// count double) and that answer each other most: a claim by one that names the other counts
/// for the pair. International bodies are never parties; a country named only as a venue ("a
/// meeting in Brussels") is not a side at all.
pub fn assign(doc: &Document, entities: &[Entity], clusters: &[Cluster], claims: &mut [Claim]) -> SidesResult {
    let ctx = Ctx::new(doc, entities, clusters);
    // Who stands with whom, and whom each claim's speaker speaks for.
    let camps = affiliation::place_clusters(&ctx);
    let claim_camps: Vec<Option<(Camp, Evidence)>> =
        claims.iter().map(|c| speakers::claim_camp(&ctx, c, &camps)).collect();
    // How much each camp speaks and is named; the two parties, then the third parties.
    let tally = parties::Tally::count(&ctx, &camps, claims, &claim_camps);
    let parties = parties::choose_parties(&ctx, &tally);
    let third = parties::third_parties(&ctx, &tally, &parties.camps);
    // A government named without its country speaks for the one country among the parties (after
    // the parties are chosen, so it does not sway the choice).
    let claim_camps: Vec<Option<(Camp, Evidence)>> = claims
        .iter()
        .zip(claim_camps)
        .map(|(claim, camp)| camp.or_else(|| speakers::government_of_the_party(&ctx, claim, &parties.camps)))
        .collect();
    // A side per camp taking part, and every claim on its speaker's side.
    let (mut sides, side_of_camp) = members::make_sides(&ctx, &camps, claims, &parties.camps, &third);
    for (side, why) in sides.iter_mut().zip(&parties.why) {
        side.evidence.insert(0, why.clone());
    }
    put_claims_on_sides(claims, &claim_camps, &sides, &side_of_camp);
    let diagnostics = no_dispute(&parties);
    // Claims that answer each other, and how much voice each side has.
    let counter_claims =
        if sides.len() >= 2 { counter_claims::pair(doc.text, claims, entities, doc.lex) } else { Vec::new() };
    balance::set_balances(claims, &doc.tokens, &doc.quotes, &mut sides);
    SidesResult { sides, counter_claims, diagnostics }
}

/// Sets each claim's side from its speaker's camp, saying why; a claim whose speaker has no
/// camp says so.
fn put_claims_on_sides(
    claims: &mut [Claim],
    claim_camps: &[Option<(Camp, Evidence)>],
    sides: &[Side],
    side_of_camp: &HashMap<Camp, SideId>,
) {
    for (claim, camp) in claims.iter_mut().zip(claim_camps) {
        match camp {
            Some((camp, ev)) => {
                if let Some(&side) = side_of_camp.get(camp) {
                    claim.side = Some(side);
                    claim.evidence.push(Evidence {
                        span: ev.span,
                        note: format!("side {}: {}", sides.by_id(side).name, ev.note),
                    });
                }
            }
            None => claim.evidence.push(Evidence::note("the speaker is not tied to any side")),
        }
    }
}

/// A note when the article reports no dispute between two camps.
fn no_dispute(parties: &parties::Parties) -> Vec<Diagnostic> {
    if parties.camps.len() < 2 {
        let message = format!(
            "no dispute between two sides found (a dispute is {}% likely): the speakers are shown without sides",
            crate::analysis::decimal::percent(parties.dispute)
        );
        vec![Diagnostic { span: None, message }]
    } else {
        Vec::new()
    }
}

/// What the party and dispute models weigh for `text`, with each candidate's side name and
/// aliases: the training command's view of the article (`src/bin/sides_model.rs`).
pub fn party_evidence(text: &str) -> party_model::PartyEvidence {
    let doc = Document::read(text);
    let (entities, clusters) = super::entities::recognize(&doc);
    let drafts = super::claims::find(&doc);
    let claims = super::attribution::attribute(&doc, drafts, &entities, &clusters);
    let ctx = Ctx::new(&doc, &entities, &clusters);
    let camps = affiliation::place_clusters(&ctx);
    let claim_camps: Vec<Option<(Camp, Evidence)>> =
        claims.iter().map(|c| speakers::claim_camp(&ctx, c, &camps)).collect();
    let tally = parties::Tally::count(&ctx, &camps, &claims, &claim_camps);
    let (candidates, mut evidence) = parties::gather(&ctx, &tally);
    let (sides, _) = members::make_sides(&ctx, &camps, &claims, &[], &candidates);
    for (candidate, side) in evidence.candidates.iter_mut().zip(sides) {
        candidate.names = std::iter::once(side.name).chain(side.aliases).collect();
    }
    evidence
}

/// What the table tests of the stage's files share.
#[cfg(test)]
mod test_support {
    use super::*;
    use crate::analysis::lexicon::LEXICON;
    use crate::analysis::model::EntityId;
    use crate::analysis::span::Span;

    /// Two parties, a claim each that answer each other, and a venue.
    pub const TEXT: &str = "Chile accused Peru of closing the border to trucks. Peru says “the border is open to trucks” and rejected the claim. The talks took place in Madrid.";

    /// Entities built by hand (longest names first, whole words), so these tests do not depend
    /// on the recogniser; one cluster per distinct name.
    pub fn entities_for(text: &str, names: &[(&str, EntityKind)]) -> (Vec<Entity>, Vec<Cluster>) {
        let mut taken = vec![false; text.len()];
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut order: Vec<usize> = (0..names.len()).collect();
        crate::analysis::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(names[i].0.len()));
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
        crate::analysis::sort::sort(&mut found);
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

    /// A table case: its name, a text, the names in it, who to place and the camp wanted.
    pub type Case<'c> = (&'c str, &'c str, Vec<(&'c str, EntityKind)>, &'c str, Option<&'c str>);

    /// The camp `who` ends up in, as "country X", "body X" or "actor X".
    pub fn placed(text: &str, names: &[(&str, EntityKind)], who: &str) -> Option<String> {
        let doc = Document::read(text);
        let (entities, clusters) = entities_for(text, names);
        let ctx = Ctx::new(&doc, &entities, &clusters);
        let camps = affiliation::place_clusters(&ctx);
        let id = ClusterId(names.iter().position(|(n, _)| *n == who)? as u32);
        camps.get(&id).map(|(camp, _)| match camp {
            Camp::Country(i) => format!("country {}", LEXICON.countries[*i].name),
            Camp::Body(b) => format!("body {b}"),
            Camp::Actor(a) => format!("actor {}", clusters.by_id(*a).name),
            Camp::Group(g) => format!("group {g}"),
        })
    }

    /// Runs table cases through `placed`.
    pub fn check(cases: Vec<Case>) {
        for (name, text, names, who, want) in cases {
            assert_eq!(placed(text, &names, who).as_deref(), want, "case {name}");
        }
    }
}
