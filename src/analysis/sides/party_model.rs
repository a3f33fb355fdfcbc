//! The learned part of choosing the sides: a logistic regression that scores each candidate camp
//! as a party of the dispute, one that picks the other party given the first (the camp that
//! answers it, shares its sentences and its words of conflict), and one that decides whether the
//! article reports a dispute at all (ordinary news gets no sides). The rules provide the evidence, as features; the weights, in
//! `party_model.txt`, are trained by `cargo run --release --bin sides-model -- train` on our
//! `read` articles (`eval/real/read`, `eval/real/sides-only`, `eval/own`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// What the rules found about one candidate camp in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CampEvidence {
    /// Claims its speakers make.
    pub n_claims: usize,
    /// Mentions of it (entities and nationality words).
    pub n_mentions: usize,
    /// Mentions in the title and lead (the first 400 characters).
    pub n_lead: usize,
    /// Mentions in the title (the first line).
    pub n_title: usize,
    /// Mentions as an actor, not as a venue ("in Paris"), a listener ("told Reuters") or a byline.
    pub n_actor: usize,
    /// Mentions as the outlet a speaker told or a byline.
    pub n_listener: usize,
    /// Claims exchanged with the camp it answers most (a claim by one that names the other).
    pub answers_max: usize,
    /// Conflict words ("accused", "protest", "lawsuit") in the sentences that mention it.
    pub n_conflict: usize,
    /// Where it is first seen, as a fraction of the text.
    pub first_seen: f32,
    /// What kind of camp it is.
    pub kind: CampKind,
    /// How many candidates make more claims than it.
    pub claims_rank: usize,
    /// How many candidates are named more often than it.
    pub mentions_rank: usize,
    /// Mentions as a venue ("talks in Paris", "homes on Ashcombe Meadows").
    pub n_venue: usize,
    /// Claims whose speaker is only a pronoun resolved to it ("he said").
    pub n_pronoun_claims: usize,
    /// Other people and organisations the article places with it (its officials, its lawyers).
    pub n_members: usize,
}

/// The dispute probability from which an article is shown as a dispute between two parties.
pub const DISPUTE_THRESHOLD: f32 = 0.4;

/// What kind of camp a candidate is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CampKind {
    /// A country.
    #[default]
    Country,
    /// An international body.
    Body,
    /// A person that stands for itself.
    Person,
    /// An organisation that stands for itself.
    Organisation,
    /// A named group no entity names ("Protesters").
    Group,
    /// A place the knowledge base does not know, standing for itself ("Oskaria", "Catalonia").
    Place,
}

/// What the rules found about the article as a whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleEvidence {
    /// Claims in the article.
    pub n_claims: usize,
    /// Words in the article.
    pub n_words: usize,
    /// Conflict words in the article.
    pub n_conflict: usize,
    /// Conflict words in the title.
    pub n_conflict_title: usize,
    /// Candidate camps.
    pub n_candidates: usize,
    /// Words of ordinary news ("crash", "died", "award") in the article.
    pub n_incident: usize,
    /// Words of ordinary news in the title.
    pub n_incident_title: usize,
    /// Claims whose cue accuses, denies, demands or warns ("accused", "denied").
    pub n_accusing_claims: usize,
    /// Camps that make at least one claim.
    pub n_speaking_camps: usize,
}

/// One candidate camp: the names it goes by (filled for training only) and what the rules found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candidate {
    /// Its side's name and aliases, when asked for ([`super::party_evidence`]).
    pub names: Vec<String>,
    /// What the rules found about it.
    pub evidence: CampEvidence,
}

/// Everything the two models weigh for one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PartyEvidence {
    /// The candidates, in the order the article names them.
    pub candidates: Vec<Candidate>,
    /// What the rules found about pairs of candidates (only pairs that answer each other or
    /// share a sentence).
    pub pairs: Vec<PairEvidence>,
    /// The article as a whole.
    pub article: ArticleEvidence,
}

/// What the rules found about two candidates together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairEvidence {
    /// The first candidate (index).
    pub first: usize,
    /// The second candidate (index, greater than `first`).
    pub second: usize,
    /// Claims by one that name the other.
    pub answers: usize,
    /// Sentences that name both.
    pub sentences: usize,
    /// Words of conflict in those sentences.
    pub conflict: usize,
}

impl PartyEvidence {
    /// What the rules found about candidates `a` and `b` together.
    pub fn pair(&self, a: usize, b: usize) -> PairEvidence {
        let (first, second) = if a < b { (a, b) } else { (b, a) };
        self.pairs.iter().find(|p| p.first == first && p.second == second).cloned().unwrap_or(PairEvidence {
            first,
            second,
            ..PairEvidence::default()
        })
    }

    /// Every candidate with its party probability, best first (ties: the one named first).
    pub fn ranked(&self, model: &PartyModel) -> Vec<(usize, f32)> {
        let mut ranked: Vec<(usize, f32)> = self
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (i, model.party_probability(&party_features(&c.evidence, &self.article))))
            .collect();
        crate::analysis::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// The two parties, best first: the candidate the party model scores highest, then the one
    /// the second-party model prefers beside it (ties: the party model's order). Fewer than two
    /// when there are fewer candidates.
    pub fn choose(&self, model: &PartyModel, ranked: &[(usize, f32)]) -> Vec<(usize, f32)> {
        let Some(&(first, p_first)) = ranked.first() else { return Vec::new() };
        let first_camp = &self.candidates[first].evidence;
        let second = ranked[1..]
            .iter()
            .map(|&(i, p)| {
                let x = second_features(first_camp, &self.candidates[i].evidence, p, &self.pair(first, i));
                (i, p, model.second_probability(&x))
            })
            .fold(None, |best: Option<(usize, f32, f32)>, c| match best {
                Some(b) if b.2 >= c.2 => Some(b),
                _ => Some(c),
            });
        std::iter::once((first, p_first)).chain(second.map(|(i, p, _)| (i, p))).collect()
    }

    /// The dispute model's features for the two best candidates of `ranked` (zeros when there are
    /// fewer than two: no dispute without two camps).
    pub fn dispute_input(&self, ranked: &[(usize, f32)]) -> Option<[f32; DISPUTE_FEATURES.len()]> {
        match ranked {
            [(a, pa), (b, pb), ..] => Some(dispute_features(
                (&self.candidates[*a].evidence, *pa),
                (&self.candidates[*b].evidence, *pb),
                &self.pair(*a, *b),
                &self.article,
            )),
            _ => None,
        }
    }

    /// The probability that the article reports a dispute between its two best candidates.
    pub fn dispute_probability(&self, model: &PartyModel, ranked: &[(usize, f32)]) -> f32 {
        self.dispute_input(ranked).map_or(0.0, |x| model.dispute_probability(&x))
    }
}

/// The names of the party model's features, in order (the weights file names them).
pub const PARTY_FEATURES: [&str; 24] = [
    "bias",
    "log_claims",
    "claim_share",
    "log_mentions",
    "log_lead",
    "in_title",
    "log_actor",
    "log_listener",
    "log_answers",
    "log_conflict",
    "first_seen",
    "is_body",
    "is_person",
    "is_organisation",
    "is_group",
    "person_quoted_once",
    "most_claims",
    "second_most_claims",
    "most_named",
    "second_most_named",
    "is_place",
    "venue_share",
    "claims_only_by_pronoun",
    "log_members",
];

/// The names of the dispute model's features, in order.
pub const DISPUTE_FEATURES: [&str; 21] = [
    "bias",
    "first_party",
    "second_party",
    "both_speak",
    "log_answers",
    "conflict_per_100_words",
    "conflict_in_title",
    "log_claims",
    "second_claim_share",
    "both_countries",
    "log_sentences_together",
    "log_conflict_together",
    "log_second_claims",
    "both_in_title",
    "incident_in_title",
    "incident_per_100_words",
    "log_accusing_claims",
    "log_speaking_camps",
    "top_two_claim_share",
    "second_person_quoted_once",
    "log_second_actor",
];

/// The names of the second-party model's features, in order.
pub const SECOND_FEATURES: [&str; 7] = [
    "bias",
    "party_logit",
    "log_answers_with_first",
    "log_sentences_with_first",
    "log_conflict_with_first",
    "same_kind_as_first",
    "both_people",
];

/// The second-party model's features of a candidate beside the first party: its party score (as
/// log-odds) and what it shares with the first.
pub fn second_features(
    first: &CampEvidence,
    camp: &CampEvidence,
    party_probability: f32,
    pair: &PairEvidence,
) -> [f32; SECOND_FEATURES.len()] {
    let p = party_probability.clamp(0.001, 0.999);
    let flag = |yes: bool| if yes { 1.0 } else { 0.0 };
    [
        1.0,
        (p / (1.0 - p)).ln(),
        ln1(pair.answers),
        ln1(pair.sentences),
        ln1(pair.conflict),
        flag(first.kind == camp.kind),
        flag(first.kind == CampKind::Person && camp.kind == CampKind::Person),
    ]
}

fn ln1(n: usize) -> f32 {
    (1.0 + n as f32).ln()
}

/// The party model's features of one candidate.
pub fn party_features(camp: &CampEvidence, article: &ArticleEvidence) -> [f32; PARTY_FEATURES.len()] {
    let is = |k: CampKind| if camp.kind == k { 1.0 } else { 0.0 };
    [
        1.0,
        ln1(camp.n_claims),
        camp.n_claims as f32 / article.n_claims.max(1) as f32,
        ln1(camp.n_mentions),
        ln1(camp.n_lead),
        if camp.n_title > 0 { 1.0 } else { 0.0 },
        ln1(camp.n_actor),
        ln1(camp.n_listener),
        ln1(camp.answers_max),
        ln1(camp.n_conflict),
        camp.first_seen,
        is(CampKind::Body),
        is(CampKind::Person),
        is(CampKind::Organisation),
        is(CampKind::Group),
        if camp.kind == CampKind::Person && camp.n_claims == 1 { 1.0 } else { 0.0 },
        if camp.n_claims > 0 && camp.claims_rank == 0 { 1.0 } else { 0.0 },
        if camp.n_claims > 0 && camp.claims_rank == 1 { 1.0 } else { 0.0 },
        if camp.mentions_rank == 0 { 1.0 } else { 0.0 },
        if camp.mentions_rank == 1 { 1.0 } else { 0.0 },
        is(CampKind::Place),
        camp.n_venue as f32 / camp.n_mentions.max(1) as f32,
        if camp.n_claims > 0 && camp.n_pronoun_claims == camp.n_claims { 1.0 } else { 0.0 },
        ln1(camp.n_members),
    ]
}

/// The dispute model's features, given the two best candidates with their party scores and what
/// the rules found about them together.
pub fn dispute_features(
    first: (&CampEvidence, f32),
    second: (&CampEvidence, f32),
    pair: &PairEvidence,
    article: &ArticleEvidence,
) -> [f32; DISPUTE_FEATURES.len()] {
    let (a, b) = (first.0, second.0);
    let flag = |yes: bool| if yes { 1.0 } else { 0.0 };
    [
        1.0,
        first.1,
        second.1,
        flag(a.n_claims > 0 && b.n_claims > 0),
        ln1(pair.answers),
        100.0 * article.n_conflict as f32 / article.n_words.max(1) as f32,
        ln1(article.n_conflict_title),
        ln1(article.n_claims),
        b.n_claims.min(a.n_claims) as f32 / article.n_claims.max(1) as f32,
        flag(a.kind == CampKind::Country && b.kind == CampKind::Country),
        ln1(pair.sentences),
        ln1(pair.conflict),
        ln1(b.n_claims.min(a.n_claims)),
        flag(a.n_title > 0 && b.n_title > 0),
        ln1(article.n_incident_title),
        100.0 * article.n_incident as f32 / article.n_words.max(1) as f32,
        ln1(article.n_accusing_claims),
        ln1(article.n_speaking_camps),
        (a.n_claims + b.n_claims) as f32 / article.n_claims.max(1) as f32,
        flag(b.kind == CampKind::Person && b.n_claims <= 1 || a.kind == CampKind::Person && a.n_claims <= 1),
        ln1(a.n_actor.min(b.n_actor)),
    ]
}

/// Weights of both models.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyModel {
    /// One weight per [`PARTY_FEATURES`].
    pub party: Vec<f32>,
    /// One weight per [`DISPUTE_FEATURES`].
    pub dispute: Vec<f32>,
    /// One weight per [`SECOND_FEATURES`] (all zero: the party model's second best).
    pub second: Vec<f32>,
}

/// The logistic function.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn dot(w: &[f32], x: &[f32]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

impl PartyModel {
    /// The probability that a candidate is one of the two parties.
    pub fn party_probability(&self, features: &[f32]) -> f32 {
        sigmoid(dot(&self.party, features))
    }

    /// The probability that the article reports a dispute between two camps.
    pub fn dispute_probability(&self, features: &[f32]) -> f32 {
        sigmoid(dot(&self.dispute, features))
    }

    /// The probability that a candidate is the other party, beside the first.
    pub fn second_probability(&self, features: &[f32]) -> f32 {
        sigmoid(dot(&self.second, features))
    }

    /// Reads `party.NAME WEIGHT`, `dispute.NAME WEIGHT` and `second.NAME WEIGHT` lines (others are
    /// comments); a missing weight is zero.
    pub fn parse(text: &str) -> PartyModel {
        let mut by_name: HashMap<&str, f32> = HashMap::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some((name, value)) = line.split_once(char::is_whitespace) {
                by_name.insert(name, decimal_weight(value.trim()).unwrap_or(0.0));
            }
        }
        let weights = |prefix: &str, names: &[&str]| -> Vec<f32> {
            names.iter().map(|n| by_name.get(format!("{prefix}.{n}").as_str()).copied().unwrap_or(0.0)).collect()
        };
        PartyModel {
            party: weights("party", &PARTY_FEATURES),
            dispute: weights("dispute", &DISPUTE_FEATURES),
            second: weights("second", &SECOND_FEATURES),
        }
    }

    /// The weights file's text.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::from(header);
        for (name, w) in PARTY_FEATURES.iter().zip(&self.party) {
            out.push_str(&format!("party.{name} {w:.6}\n"));
        }
        for (name, w) in DISPUTE_FEATURES.iter().zip(&self.dispute) {
            out.push_str(&format!("dispute.{name} {w:.6}\n"));
        }
        for (name, w) in SECOND_FEATURES.iter().zip(&self.second) {
            out.push_str(&format!("second.{name} {w:.6}\n"));
        }
        out
    }
}

/// Powers of ten a `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A weight as the file writes it (`-0.653133`: a sign, digits, a point, at most 22 decimals, at
/// most 15 digits in all), or `None` for anything else.
///
/// Both the digits and the power of ten are exact in a `f64`, so their quotient is the correctly
/// rounded `f64`, then rounded to `f32`; a test proves that this equals `str::parse` for every
/// weight of the committed file. Not `str::parse` itself: its tables and code for any decimal
/// weigh about ten kilobytes in the page, for a file whose every number has this shape.
fn decimal_weight(text: &str) -> Option<f32> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if whole.is_empty()
        || digits().count() > 15
        || fraction.len() >= EXACT_POWERS_OF_TEN.len()
        || !digits().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mantissa = digits().fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    let value = (mantissa as f64 / EXACT_POWERS_OF_TEN[fraction.len()]) as f32;
    Some(if negative { -value } else { value })
}

/// The committed model, parsed once.
pub static PARTY_MODEL: LazyLock<PartyModel> = LazyLock::new(|| PartyModel::parse(include_str!("party_model.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_their_file() {
        let model = PartyModel {
            party: (0..PARTY_FEATURES.len()).map(|i| i as f32 * 0.5 - 1.0).collect(),
            dispute: (0..DISPUTE_FEATURES.len()).map(|i| 0.25 - i as f32).collect(),
            second: (0..SECOND_FEATURES.len()).map(|i| i as f32 * 0.125).collect(),
        };
        assert_eq!(PartyModel::parse(&model.to_text("# a header\n")), model);
        assert!(PARTY_MODEL.party.iter().any(|w| *w != 0.0), "the committed model has weights");
    }

    #[test]
    fn decimal_weights_read_as_str_parse_reads_them() {
        let committed = include_str!("party_model.txt");
        let weights: Vec<&str> =
            committed.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_whitespace().nth(1)).collect();
        assert!(weights.len() > 20, "the committed file has its weights");
        let table = ["0", "1", "-1", "0.5", "-2.168117", "0.000001", "123456.789012", "+3.25", "9.999999"];
        for text in weights.iter().chain(&table) {
            assert_eq!(decimal_weight(text), Some(text.parse::<f32>().unwrap()), "{text}");
        }
        for bad in ["", "-", ".5", "1.2.3", "1e5", "nan", "0x10", "1,5", "1234567890123456"] {
            assert_eq!(decimal_weight(bad), None, "{bad}");
        }
    }

    /// A camp that speaks most and is named in the title outscores one named once in passing.
    #[test]
    fn the_committed_model_prefers_the_camp_that_speaks() {
        let article = ArticleEvidence {
            n_claims: 6,
            n_words: 300,
            n_conflict: 4,
            n_conflict_title: 1,
            n_candidates: 2,
            ..ArticleEvidence::default()
        };
        let speaker = CampEvidence {
            n_claims: 4,
            n_mentions: 6,
            n_lead: 2,
            n_title: 1,
            n_actor: 6,
            answers_max: 2,
            n_conflict: 3,
            first_seen: 0.0,
            kind: CampKind::Country,
            ..CampEvidence::default()
        };
        let passer_by = CampEvidence {
            n_mentions: 1,
            n_actor: 1,
            first_seen: 0.8,
            mentions_rank: 1,
            claims_rank: 1,
            ..speaker.clone()
        };
        let passer_by = CampEvidence { n_claims: 0, n_lead: 0, n_title: 0, answers_max: 0, n_conflict: 0, ..passer_by };
        let p = |c: &CampEvidence| PARTY_MODEL.party_probability(&party_features(c, &article));
        assert!(p(&speaker) > p(&passer_by), "{} vs {}", p(&speaker), p(&passer_by));
    }
}
