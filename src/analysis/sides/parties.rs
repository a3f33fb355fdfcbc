//! Choosing the two parties and the third parties. The rules count what the article says of each
//! camp (how much it speaks and is named, in the title and lead, amid words of conflict, how often
//! two camps answer each other, which camps take part at all: a venue, the outlet a speaker told
//! or a byline does not); the learned model (`party_model.rs`) weighs that evidence into a party
//! score per camp and decides whether the article reports a dispute at all. Ordinary news gets no
//! parties.

use super::knowledge::{camp_of_word, is_party_camp, party_of_word};
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

/// What the article says of one camp.
#[derive(Clone, Copy, Debug, Default)]
struct CampCounts {
    /// Claims spoken for the camp.
    claims: usize,
    /// Spoken for or named: a candidate for a side (its mentions may be 0 when only spoken for).
    listed: bool,
    /// Mentions of the camp.
    mentions: usize,
    /// Mentions in the headline and lead.
    lead: usize,
    /// Mentions as an actor: not a venue, the outlet a speaker told, or a byline.
    actor: usize,
    /// Where the camp is first mentioned or spoken for.
    first_seen: Option<u32>,
    /// A person or organisation was placed in the camp.
    with_people: bool,
    /// Mentions in the title (the first line).
    title: usize,
    /// Mentions as the outlet a speaker told or a byline.
    listener: usize,
    /// Words of conflict in the sentences that name the camp.
    conflict: usize,
    /// Mentions as a venue ("in Paris").
    venue: usize,
    /// Claims whose speaker is only a pronoun ("he said").
    pronoun_claims: usize,
    /// People and organisations placed in the camp.
    members: usize,
}

/// The camps a tally counts, each numbered once: counts are kept by number, and a camp is
/// hashed and copied once, not once per count.
struct CampIndex {
    camps: Vec<Camp>,
    number: HashMap<Camp, usize>,
    counts: Vec<CampCounts>,
}

impl CampIndex {
    /// An empty index with room for `n` camps.
    fn with_capacity(n: usize) -> CampIndex {
        CampIndex {
            camps: Vec::with_capacity(n),
            number: HashMap::with_capacity_and_hasher(n, Default::default()),
            counts: Vec::with_capacity(n),
        }
    }

    /// The number of `camp`, numbering it if it is new.
    fn number(&mut self, camp: &Camp) -> usize {
        if let Some(&n) = self.number.get(camp) {
            return n;
        }
        let n = self.camps.len();
        self.camps.push(camp.clone());
        self.number.insert(camp.clone(), n);
        self.counts.push(CampCounts::default());
        n
    }

    /// The counts of `camp`, counting it if it is new.
    fn at(&mut self, camp: &Camp) -> &mut CampCounts {
        let n = self.number(camp);
        &mut self.counts[n]
    }
}

/// A pair of camps by their numbers, the lesser number first.
fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// What the article says of each camp, counted once.
pub(super) struct Tally {
    /// The camps counted, and their counts.
    index: CampIndex,
    /// Claims by one camp that name the other, per pair.
    answers: HashMap<(usize, usize), usize>,
    /// Sentences that name both camps, and the words of conflict in them, per pair.
    together: HashMap<(usize, usize), (usize, usize)>,
    /// What the article says as a whole.
    article: ArticleEvidence,
}

impl Tally {
    /// Counts the camps' mentions and claims in the article.
    pub fn count(ctx: &Ctx, camps: &Camps, claims: &[Claim], claim_camps: &[Option<(Camp, Evidence)>]) -> Tally {
        let mut index = CampIndex::with_capacity(ctx.clusters.len());
        let mentions = camp_mentions(ctx, camps);
        let together = sentence_stats(ctx, &mentions, &mut index);
        let answers = answers(claims, claim_camps, &mentions, &mut index);
        for (id, (camp, _)) in camps {
            if matches!(ctx.cluster(*id).kind, EntityKind::Person | EntityKind::Org) {
                let counts = index.at(camp);
                counts.with_people = true;
                counts.members += 1;
            }
        }
        for (claim, (camp, _)) in claims.iter().zip(claim_camps).filter_map(|(c, k)| Some((c, k.as_ref()?))) {
            let by_pronoun =
                claim.speaker.as_ref().is_some_and(|s| ctx.lex.person_pronouns.contains_lower(s.span.slice(ctx.text)));
            let counts = index.at(camp);
            counts.claims += 1;
            counts.pronoun_claims += usize::from(by_pronoun);
        }
        let lead_end = ctx.text.char_indices().nth(LEAD_CHARS).map_or(ctx.text.len(), |(i, _)| i) as u32;
        let title_end = title_end(ctx.text);
        for (pos, ti, camp) in &mentions {
            let counts = index.at(camp);
            counts.listed = true;
            counts.mentions += 1;
            counts.lead += usize::from(*pos < lead_end);
            counts.title += usize::from(*pos < title_end);
            if takes_part(ctx, *ti) {
                counts.actor += 1;
            } else if !is_venue(ctx, *ti) {
                counts.listener += 1;
            } else {
                counts.venue += 1;
            }
            counts.first_seen.get_or_insert(*pos);
        }
        for (claim, camp) in claims.iter().zip(claim_camps) {
            if let Some((camp, _)) = camp {
                let counts = index.at(camp);
                counts.first_seen.get_or_insert(claim.span.start);
                counts.listed = true;
            }
        }
        Tally { index, answers, together, article: article_evidence(ctx, claims, claim_camps) }
    }

    /// The counts of `c` (all zero for a camp never counted).
    fn of(&self, c: &Camp) -> CampCounts {
        self.index.number.get(c).map(|&n| self.index.counts[n]).unwrap_or_default()
    }
    fn claims(&self, c: &Camp) -> usize {
        self.of(c).claims
    }
    fn mentions(&self, c: &Camp) -> usize {
        self.of(c).mentions
    }
    fn as_actor(&self, c: &Camp) -> usize {
        self.of(c).actor
    }
    /// Where `c` is first mentioned or spoken for (0 for a camp never listed).
    fn first_seen(&self, c: &Camp) -> u32 {
        self.of(c).first_seen.unwrap_or(0)
    }
    /// The camps spoken for or named, in no particular order.
    fn listed(&self) -> impl Iterator<Item = &Camp> {
        self.index.camps.iter().zip(&self.index.counts).filter(|(_, c)| c.listed).map(|(camp, _)| camp)
    }
    /// How often the two camps answer each other.
    fn answers(&self, a: &Camp, b: &Camp) -> usize {
        self.pair_of(a, b).and_then(|key| self.answers.get(&key)).copied().unwrap_or(0)
    }
    /// The two camps' numbers as a pair, if both were counted.
    fn pair_of(&self, a: &Camp, b: &Camp) -> Option<(usize, usize)> {
        Some(pair(*self.index.number.get(a)?, *self.index.number.get(b)?))
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
            let before = ti.checked_sub(1).filter(|&b| ctx.tokens[b].kind == TokenKind::Word).map(|b| ctx.piece(b));
            if let Some(camp) = camp_of_word(ctx, word).or_else(|| party_of_word(ctx, word, before)) {
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
    index: &mut CampIndex,
) -> HashMap<(usize, usize), (usize, usize)> {
    let mut together: HashMap<(usize, usize), (usize, usize)> = HashMap::default();
    let mut next = 0;
    for sentence in &ctx.doc.sentences {
        let first = sentence.first_token as usize;
        let end = sentence.end_token as usize;
        let n = (first..end).filter(|&i| ctx.is_in(&ctx.lex.conflict_words, i)).count();
        while next < mentions.len() && mentions[next].1 < first {
            next += 1;
        }
        let mut named: Vec<&Camp> = mentions[next..].iter().take_while(|m| m.1 < end).map(|m| &m.2).collect();
        crate::analysis::sort::sort(&mut named);
        named.dedup();
        let numbers: Vec<usize> = named.iter().map(|camp| index.number(camp)).collect();
        for (k, &camp) in numbers.iter().enumerate() {
            index.counts[camp].conflict += n;
            // Only a few camps share a sentence: the pairs stay few.
            for &other in numbers.iter().skip(k + 1).take(8) {
                let entry = together.entry(pair(camp, other)).or_default();
                entry.0 += 1;
                entry.1 += n;
            }
        }
    }
    together
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
        if ctx.is_in(&ctx.lex.conflict_words, i) {
            article.n_conflict += 1;
            if t.span.start < title_end {
                article.n_conflict_title += 1;
            }
        }
        if ctx.is_in(&ctx.lex.incident_words, i) {
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
    ti > 0 && ctx.is_in(&ctx.lex.locatives, ti - 1)
}

/// True when the mention at token `ti` names a camp taking part: not a venue ("talks in
/// Brussels"), the outlet a speaker talks to ("told Reuters", "told the BBC") or a byline in
/// brackets ("NAIROBI (Reuters) -").
fn takes_part(ctx: &Ctx, ti: usize) -> bool {
    let word_before = |k: usize| (ti >= k).then(|| ctx.lower(ti - k));
    let told = |w: Option<&str>| w.is_some_and(|w| ctx.lex.outlet_verbs.contains(w));
    let venue = ti > 0 && ctx.is_in(&ctx.lex.locatives, ti - 1);
    let listener = told(word_before(1)) || word_before(1) == Some("the") && told(word_before(2));
    let byline = word_before(1) == Some("(") && ti + 1 < ctx.tokens.len() && ctx.piece(ti + 1) == ")";
    !venue && !listener && !byline
}

/// How often the camps answer each other: a claim by one that names the other.
fn answers(
    claims: &[Claim],
    claim_camps: &[Option<(Camp, Evidence)>],
    mentions: &[CampMention],
    index: &mut CampIndex,
) -> HashMap<(usize, usize), usize> {
    let mut answers: HashMap<(usize, usize), usize> = HashMap::default();
    for (claim, camp) in claims.iter().zip(claim_camps) {
        let Some((speaker_camp, _)) = camp else { continue };
        let from = mentions.partition_point(|m| m.0 < claim.span.start);
        let mut named: Vec<&Camp> = mentions[from..]
            .iter()
            .take_while(|m| m.0 < claim.span.end)
            .map(|m| &m.2)
            .filter(|c| *c != speaker_camp)
            .collect();
        crate::analysis::sort::sort(&mut named);
        named.dedup();
        let speaker = index.number(speaker_camp);
        for other in named {
            *answers.entry(pair(speaker, index.number(other))).or_default() += 1;
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

/// The actors (`Ctx::named_as`) the article titles as people who rule on or mediate the
/// dispute: the head of the title just before a mention ("District Judge Clark Hale"), or of an
/// appositive just after one ("Ann Lee, a UN rapporteur for ..."). "Justice Minister X" is headed
/// by "Minister". One pass over the mentions.
fn adjudicators(ctx: &Ctx) -> HashSet<ClusterId> {
    let adjudicator = |i: usize| ctx.is_in(&ctx.lex.adjudicator_titles, i);
    let titled = |e: &crate::analysis::model::Entity| {
        let (Some(first), Some(last)) = (ctx.token_at(e.span.start), ctx.token_ending_at(e.span.end)) else {
            return false;
        };
        if first > 0 && adjudicator(first - 1) {
            return true;
        }
        // ", a|an|the [words] HEAD" up to a comma, a full stop or a function word ("for", "who").
        let after = |k: usize| (last + k < ctx.tokens.len()).then_some(last + k);
        if after(1).is_none_or(|i| ctx.piece(i) != ",") || after(2).is_none_or(|i| !ctx.is_in(&ctx.lex.determiners, i))
        {
            return false;
        }
        let mut head = None;
        for i in (last + 3..ctx.tokens.len()).take(6) {
            if ctx.tokens[i].kind != TokenKind::Word || ctx.is_in(&ctx.lex.function_words, i) {
                break;
            }
            head = Some(i);
        }
        head.is_some_and(adjudicator)
    };
    ctx.entities.iter().filter(|e| e.kind == EntityKind::Person && titled(e)).map(|e| ctx.named_as(e.cluster)).collect()
}

/// The camps that may be parties: those that speak or take part, never an international body,
/// a court or a judge or mediator (who rule on or mediate between the parties).
fn candidates(ctx: &Ctx, tally: &Tally) -> Vec<Camp> {
    let adjudicators = adjudicators(ctx);
    let is_adjudicator = |c: &Camp| matches!(c, Camp::Actor(id) if adjudicators.contains(id));
    let mut candidates: Vec<Camp> = tally
        .listed()
        .filter(|c| !matches!(c, Camp::Body(_)) && !is_court(ctx, c) && !is_adjudicator(c))
        .filter(|c| match c {
            Camp::Actor(_) => tally.claims(c) > 0,
            _ => tally.claims(c) > 0 || tally.as_actor(c) > 0 || tally.of(c).with_people,
        })
        .cloned()
        .collect();
    crate::analysis::sort::sort_by_key(&mut candidates, |c| (tally.first_seen(c), c.clone()));
    candidates
}

/// What the rules found about one candidate, for the model.
fn camp_evidence(ctx: &Ctx, tally: &Tally, camp: &Camp) -> CampEvidence {
    let number = tally.index.number.get(camp).copied();
    let answers_max = tally
        .answers
        .iter()
        .filter(|((a, b), _)| Some(*a) == number || Some(*b) == number)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let counts = tally.of(camp);
    CampEvidence {
        n_claims: counts.claims,
        n_mentions: counts.mentions,
        n_lead: counts.lead,
        n_title: counts.title,
        n_actor: counts.actor,
        n_listener: counts.listener,
        answers_max,
        n_conflict: counts.conflict,
        first_seen: tally.first_seen(camp) as f32 / ctx.text.len().max(1) as f32,
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
        n_venue: counts.venue,
        n_pronoun_claims: counts.pronoun_claims,
        n_members: counts.members,
    }
}

/// The candidates (in the order the article names them) and the evidence the models weigh.
pub(super) fn gather(ctx: &Ctx, tally: &Tally) -> (Vec<Camp>, PartyEvidence) {
    let camps = candidates(ctx, tally);
    let mut pairs = Vec::new();
    for i in 0..camps.len() {
        for j in i + 1..camps.len() {
            let key = tally.pair_of(&camps[i], &camps[j]);
            let (sentences, conflict) = key.and_then(|key| tally.together.get(&key)).copied().unwrap_or((0, 0));
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
    crate::analysis::sort::sort_by_key(&mut chosen, |(i, _)| *i);
    let why = chosen
        .iter()
        .map(|&(i, p)| {
            let e = &evidence.candidates[i].evidence;
            Evidence::note(format!(
                "a party ({}% sure): {} claims, named {} times{}{}; a dispute ({}% sure)",
                crate::analysis::decimal::percent(p),
                e.n_claims,
                e.n_mentions,
                if e.n_title > 0 { ", in the title" } else { "" },
                if e.answers_max > 0 { ", answers the other side" } else { "" },
                crate::analysis::decimal::percent(dispute)
            ))
        })
        .collect();
    Parties { camps: chosen.iter().map(|&(i, _)| camps[i].clone()).collect(), why, dispute }
}

/// The third parties, in the order the article names them: the countries, international bodies,
/// organisations (political parties among them) and people that take part; an organisation named
/// only as the outlet a speaker told or in a byline does not.
pub(super) fn third_parties(ctx: &Ctx, tally: &Tally, parties: &[Camp]) -> Vec<Camp> {
    let is_body = |c: &Camp| matches!(c, Camp::Body(_));
    let takes_part_as_organisation = |c: &Camp| tally.claims(c) > 0 || tally.as_actor(c) >= 2;
    let mut third: Vec<&Camp> = tally
        .listed()
        .filter(|c| !parties.contains(c))
        .filter(|c| match c {
            // A named group ("activists") is a side only as a party of the dispute: elsewhere it
            // is a description of unnamed people, tied to no side. A political party is named
            // like an organisation, and shown like one.
            Camp::Group(_) if is_party_camp(ctx, c) => takes_part_as_organisation(c),
            Camp::Group(_) => false,
            Camp::Actor(id) if ctx.cluster(*id).kind == EntityKind::Org => takes_part_as_organisation(c),
            _ => {
                tally.claims(c) > 0
                    || is_body(c) && tally.as_actor(c) >= 1
                    || !is_body(c) && tally.of(c).with_people
                    || matches!(c, Camp::Country(_)) && tally.as_actor(c) >= 1 && tally.mentions(c) >= 2
            }
        })
        .collect();
    crate::analysis::sort::sort_by_key(&mut third, |c| (tally.first_seen(c), (*c).clone()));
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

    /// (text, a person named in it, whether the article titles that person as one who rules on or
    /// mediates the dispute: never a party)
    #[test]
    fn judges_and_mediators_are_not_parties() {
        use super::super::test_support::entities_for;
        use super::super::view::Ctx;
        use crate::analysis::model::{ClusterId, EntityKind::Person};
        use crate::analysis::Document;
        let table = [
            ("District Judge Clara Hale said the lease was void.", true),
            ("Clara Hale, a UN rapporteur for human rights, said the trial was unfair.", true),
            ("Talks failed, said Clara Hale, the mediator.", true),
            ("Clara Hale, the chief mediator, said talks had failed.", true),
            ("Justice Minister Clara Hale said the trial was fair.", false),
            ("Clara Hale, the mayor of Tarn, said the port was shut.", false),
            ("Clara Hale told the judge she was innocent.", false),
        ];
        for (text, want) in table {
            let doc = Document::read(text);
            let (entities, clusters) = entities_for(text, &[("Clara Hale", Person)]);
            let ctx = Ctx::new(&doc, &entities, &clusters);
            assert_eq!(super::adjudicators(&ctx).contains(&ClusterId(0)), want, "{text}");
        }
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
