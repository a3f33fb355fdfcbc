//! Two reports of the same dispute side by side: whose voice each carries and what each leaves
//! out. A function over two finished analyses (each article analysed alone by
//! [`crate::analyze`]), not a pipeline stage.
//!
//! [`compare`] runs its steps in order:
//! 1. `camps.rs` matches the sides of the two articles into camps by their names and aliases
//!    (one camp may hold several sides of one article), then applies the reader's corrections
//!    ([`CampEdit`]), as the reader's side edits apply over one article;
//! 2. each camp's voice in each article is summed from its sides' [`SideBalance`]s;
//! 3. `counterparts.rs` looks for each claim's counterpart in the other article (a claim of the
//!    same camp sharing its content words) and lists the claims without one as one-sided.
//!
//! `display.rs` gives each article's analysis in the comparison's terms (the sides of a camp
//! merged, the camps in the comparison's order), so that both are drawn in one set of colours;
//! `dump.rs` is the readable form the golden test keeps. Every judgement carries a confidence
//! and evidence; spans are byte ranges into the article the judgement is about.

mod camps;
mod counterparts;
mod display;
mod dump;

pub use camps::CampEdit;
pub use display::in_camp_terms;
pub use dump::{dump, voice_summary};

use super::model::{Analysis, ClaimId, Evidence, SideBalance, SideId};

/// One of the two articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Which {
    /// The first article.
    A,
    /// The second article.
    B,
}

impl Which {
    /// "A" or "B".
    pub fn label(self) -> &'static str {
        match self {
            Which::A => "A",
            Which::B => "B",
        }
    }

    /// The other article.
    pub fn other(self) -> Which {
        match self {
            Which::A => Which::B,
            Which::B => Which::A,
        }
    }
}

/// A side of one of the two articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleSide {
    /// Which article.
    pub article: Which,
    /// The side, in that article's analysis.
    pub side: SideId,
}

/// A camp of the dispute as the two articles show it: the sides of each article that stand for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Camp {
    /// Its name: the name of its first side in A, else in B.
    pub name: String,
    /// Its sides in article A (empty when A does not show it), in side order.
    pub a: Vec<SideId>,
    /// Its sides in article B (empty when B does not show it), in side order.
    pub b: Vec<SideId>,
    /// How sure the match across the two articles is, 0 to 1 (0 for a camp shown in one only).
    pub confidence: f32,
    /// Why its sides were matched (the names they share), or what the reader changed.
    pub evidence: Vec<Evidence>,
    /// True when the reader changed it.
    pub by_reader: bool,
    /// True for the two principal camps: the first two in order, when they hold a party of
    /// either article (drawn as the two parties in both articles).
    pub principal: bool,
}

impl Camp {
    /// Its sides in `article`.
    pub fn sides(&self, article: Which) -> &[SideId] {
        match article {
            Which::A => &self.a,
            Which::B => &self.b,
        }
    }
}

/// A claim of one article with a counterpart in the other: the same camp, the same matter.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterpart {
    /// The claim in A.
    pub a: ClaimId,
    /// The claim in B.
    pub b: ClaimId,
    /// Their camp (index into [`Comparison::camps`]); `None` for two sources tied to no camp.
    pub camp: Option<usize>,
    /// How alike their content is, 0 to 1.
    pub score: f32,
    /// The content words they share.
    pub shared_words: Vec<String>,
}

/// A claim one article carries and the other leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct OneSided {
    /// The claim, in its own article.
    pub claim: ClaimId,
    /// Its speaker's camp (index into [`Comparison::camps`]); `None` for a source tied to no camp.
    pub camp: Option<usize>,
    /// How sure it is that the other article has no such claim, 0 to 1.
    pub confidence: f32,
    /// The claim of the other article that comes closest, with its score, if any shares a word.
    pub closest: Option<(ClaimId, f32)>,
    /// Why: what the other article has of this camp, and how close it comes.
    pub evidence: Vec<Evidence>,
}

/// The comparison of two articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The camps, the two principal ones first (those the articles make their parties), then by
    /// how much they speak; every side of either article is in exactly one camp.
    pub camps: Vec<Camp>,
    /// Each camp's voice in A and in B (by camp index; `None` where the article does not show it).
    pub voice: Vec<[Option<SideBalance>; 2]>,
    /// Claims of A with a counterpart in B, each with its best one, in A's order.
    pub counterparts: Vec<Counterpart>,
    /// Claims of A with no counterpart in B, in text order.
    pub only_in_a: Vec<OneSided>,
    /// Claims of B with no counterpart in A, in text order.
    pub only_in_b: Vec<OneSided>,
    /// Notes: an empty article, no camp in common.
    pub notes: Vec<String>,
}

impl Comparison {
    /// The camp (index) that holds `side` of `article`, if any.
    pub fn camp_of(&self, article: Which, side: SideId) -> Option<usize> {
        self.camps.iter().position(|c| c.sides(article).contains(&side))
    }

    /// The one-sided claims of `article`.
    pub fn only_in(&self, article: Which) -> &[OneSided] {
        match article {
            Which::A => &self.only_in_a,
            Which::B => &self.only_in_b,
        }
    }

    /// The voice of camp `camp` in `article`, if the article shows it.
    pub fn voice_of(&self, camp: usize, article: Which) -> Option<&SideBalance> {
        self.voice.get(camp).and_then(|v| v[article as usize].as_ref())
    }
}

/// Compares two articles, each analysed alone, applying the reader's corrections to the camps.
/// Never fails: an empty article, or two articles without a camp in common, give notes.
///
/// ```
/// use article_explorer::analysis::compare::{compare, Which};
/// let a = "Chile accused Peru of closing the border to trucks. Peru says the border is open to trucks.";
/// let b = "Peru said the border was open to trucks.";
/// let (x, y) = (article_explorer::analyze(a), article_explorer::analyze(b));
/// let comparison = compare(a, &x, b, &y, &[]);
/// assert!(comparison.camps.iter().any(|c| c.name == "Peru" && !c.a.is_empty() && !c.b.is_empty()));
/// assert_eq!(comparison.only_in(Which::A).len(), 1, "Chile speaks only in A");
/// assert_eq!(comparison.counterparts.len(), 1, "Peru's claim is in both");
/// ```
pub fn compare(a_text: &str, a: &Analysis, b_text: &str, b: &Analysis, edits: &[CampEdit]) -> Comparison {
    let mut camps = camps::match_camps(a, b);
    camps::apply_edits(&mut camps, a, b, edits);
    camps::order(&mut camps, a, b);
    let voice = camps.iter().map(|c| [camp_voice(a, &c.a), camp_voice(b, &c.b)]).collect();
    let found = counterparts::find(a_text, a, b_text, b, &camps);
    let mut notes = Vec::new();
    for (which, text) in [(Which::A, a_text), (Which::B, b_text)] {
        if text.trim().is_empty() {
            notes.push(format!("article {} is empty", which.label()));
        }
    }
    if !camps.iter().any(|c| !c.a.is_empty() && !c.b.is_empty()) && !a.sides.is_empty() && !b.sides.is_empty() {
        notes.push("the two articles have no camp in common: they may not report the same dispute".to_string());
    }
    Comparison {
        camps,
        voice,
        counterparts: found.counterparts,
        only_in_a: found.only_in_a,
        only_in_b: found.only_in_b,
        notes,
    }
}

/// The voice of a camp in one article: its sides' balances summed (first and last claim the
/// earliest and latest of them); `None` when the article shows the camp through no side.
fn camp_voice(analysis: &Analysis, sides: &[SideId]) -> Option<SideBalance> {
    let balances: Vec<&SideBalance> =
        sides.iter().filter_map(|s| analysis.sides.get(s.0 as usize)).map(|s| &s.balance).collect();
    if balances.is_empty() {
        return None;
    }
    let mut sum = SideBalance::default();
    for b in balances {
        sum.n_claims += b.n_claims;
        sum.quoted_words += b.quoted_words;
        sum.n_named_claims += b.n_named_claims;
        sum.n_anonymous_claims += b.n_anonymous_claims;
        // A named speaker is a member of one side only, so the sides' sources are distinct.
        sum.n_named_sources += b.n_named_sources;
        sum.first_claim = [sum.first_claim, b.first_claim].into_iter().flatten().min();
        sum.last_claim = [sum.last_claim, b.last_claim].into_iter().flatten().max();
        sum.speaks_first |= b.speaks_first;
        sum.speaks_last |= b.speaks_last;
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_camps_voice_sums_its_sides() {
        let text = "Chile accused Peru of closing the border. Peru says it is open. Chile said “the border is shut”.";
        let analysis = crate::analyze(text);
        let all: Vec<SideId> = (0..analysis.sides.len() as u32).map(SideId).collect();
        let voice = camp_voice(&analysis, &all).expect("the article has sides");
        assert_eq!(voice.n_claims as usize, analysis.claims.iter().filter(|c| c.side.is_some()).count());
        assert!(voice.speaks_first && voice.speaks_last);
        assert_eq!(voice.first_claim, Some(ClaimId(0)));
        assert_eq!(camp_voice(&analysis, &[]), None, "a camp the article does not show has no voice");
    }

    #[test]
    fn empty_articles_give_notes_not_panics() {
        let empty = crate::analyze("");
        let some = crate::analyze("Chile says the border is shut.");
        let c = compare("", &empty, "Chile says the border is shut.", &some, &[]);
        assert!(c.notes.iter().any(|n| n.contains("article A is empty")));
        assert_eq!(c.only_in_b.len(), some.claims.len());
        let c = compare("", &empty, "", &empty, &[]);
        assert!(c.camps.is_empty() && c.only_in_a.is_empty() && c.counterparts.is_empty());
    }
}
