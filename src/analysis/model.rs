//! The plain-data output of the analysis: `Analysis` and everything it holds.
//!
//! Ids are indexes into the `Vec`s of `Analysis` (`EntityId(3)` is `analysis.entities[3]`).
//! Every `Vec` is sorted by span start, so output is deterministic.

use super::span::Span;

/// Index into `Analysis::tokens`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(pub u32);
/// Index into `Analysis::entities` (one mention).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);
/// Index into `Analysis::clusters` (one real-world entity, all its mentions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId(pub u32);
/// Index into `Analysis::claims`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId(pub u32);
/// Index into `Analysis::sides`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SideId(pub u32);

/// Everything the analysis found in one text. Produced by [`crate::analyze`]; never an error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Length of the analysed text in bytes.
    pub text_len: u32,
    /// Words, numbers and punctuation, in order; whitespace is not a token.
    pub tokens: Vec<Token>,
    /// Sentences, in order, each a non-empty run of tokens.
    pub sentences: Vec<Sentence>,
    /// Quotations found by pairing quote marks (direct speech), in order.
    pub quotes: Vec<Quote>,
    /// Entity mentions, in order, never overlapping each other.
    pub entities: Vec<Entity>,
    /// Entities: groups of mentions of the same person, organisation, place or date.
    pub clusters: Vec<Cluster>,
    /// Attributed statements (direct and reported speech), in order, never overlapping.
    pub claims: Vec<Claim>,
    /// Unattributed, check-worthy factual statements (figures, casualties, causes).
    pub assertions: Vec<Assertion>,
    /// The sides of the dispute: the two main parties first, then third parties.
    pub sides: Vec<Side>,
    /// Pairs of claims from opposing sides about the same matter.
    pub counter_claims: Vec<CounterClaim>,
    /// Notes about odd input (an unbalanced quote mark, no sides found...).
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// The entity mention `id` names.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The entity (all its mentions) `id` names.
    pub fn cluster(&self, id: ClusterId) -> &Cluster {
        &self.clusters[id.0 as usize]
    }

    /// The claim `id` names.
    pub fn claim(&self, id: ClaimId) -> &Claim {
        &self.claims[id.0 as usize]
    }

    /// The side `id` names.
    pub fn side(&self, id: SideId) -> &Side {
        &self.sides[id.0 as usize]
    }

    /// The two parties, first party first (at most two; none when the article has no dispute).
    pub fn parties(&self) -> impl Iterator<Item = SideId> + '_ {
        self.sides.iter().enumerate().filter(|(_, s)| s.role == SideRole::Party).map(|(i, _)| SideId(i as u32))
    }

    /// Where a claim's or an actor's side stands in the dispute.
    pub fn standing(&self, side: Option<SideId>) -> Standing {
        // The parties come first in `sides`: the first party is side 0.
        match side.and_then(|id| self.sides.get(id.0 as usize).map(|s| (id, s.role))) {
            Some((id, SideRole::Party)) if id.0 == 0 => Standing::FirstParty,
            Some((_, SideRole::Party)) => Standing::SecondParty,
            Some(_) => Standing::ThirdParty,
            None => Standing::Unaligned,
        }
    }
}

/// Typed lookups on the lists an [`Analysis`] holds, for code that has a list but no `Analysis`
/// (the stages, while they build one): `clusters.by_id(id)` is the cluster `id` names.
pub trait ById<Id> {
    /// What the list holds.
    type Item;
    /// The item `id` names; panics when `id` is out of range, as indexing does.
    fn by_id(&self, id: Id) -> &Self::Item;
    /// The item `id` names, to change; panics when `id` is out of range.
    fn by_id_mut(&mut self, id: Id) -> &mut Self::Item;
    /// The item `id` names, or `None` when `id` is out of range.
    fn get_by_id(&self, id: Id) -> Option<&Self::Item>;
    /// The item `id` names, to change, or `None` when `id` is out of range.
    fn get_by_id_mut(&mut self, id: Id) -> Option<&mut Self::Item>;
}

macro_rules! by_id {
    ($id:ident, $item:ident) => {
        impl ById<$id> for [$item] {
            type Item = $item;
            fn by_id(&self, id: $id) -> &$item {
                &self[id.0 as usize]
            }
            fn by_id_mut(&mut self, id: $id) -> &mut $item {
                &mut self[id.0 as usize]
            }
            fn get_by_id(&self, id: $id) -> Option<&$item> {
                self.get(id.0 as usize)
            }
            fn get_by_id_mut(&mut self, id: $id) -> Option<&mut $item> {
                self.get_mut(id.0 as usize)
            }
        }
    };
}
by_id!(EntityId, Entity);
by_id!(ClusterId, Cluster);
by_id!(ClaimId, Claim);
by_id!(SideId, Side);

/// Where a side stands in the dispute: the order in which every shell draws the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Standing {
    /// The first of the two parties.
    FirstParty,
    /// The second of the two parties.
    SecondParty,
    /// A mediator, international body, other government, court or outlet.
    ThirdParty,
    /// No side: an anonymous source or one the article does not place.
    Unaligned,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, inner hyphen-free marks).
    Word,
    /// Digits, possibly with separators (`2,000`, `3.5`).
    Number,
    /// A quotation mark of any style.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// True when whitespace precedes it.
    pub space_before: bool,
    /// Number of line breaks in the whitespace before it (2 or more: a new paragraph).
    pub newlines_before: u8,
}

/// One sentence: a non-empty, contiguous run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Index of its first token.
    pub first_token: u32,
    /// One past the index of its last token.
    pub end_token: u32,
    /// True when it starts a new paragraph (or the text).
    pub starts_paragraph: bool,
}

/// A quotation: text between an opening and a closing quote mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The words inside the marks.
    pub inner: Span,
    /// False when no closing mark was found and the quote was closed at the paragraph's end.
    pub closed: bool,
}

/// Kind of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation, institution, ministry, armed group, company, outlet or court.
    Org,
    /// A country, region, city, geographic feature, road, building; also government metonyms.
    Place,
    /// An explicit date, weekday, month or year.
    Date,
    /// A number, amount or quantity.
    Number,
}

impl EntityKind {
    /// The contract's name of the kind: `PERSON`, `ORG`, `PLACE`, `DATE`, `NUMBER`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
            EntityKind::Date => "DATE",
            EntityKind::Number => "NUMBER",
        }
    }
}

/// Why something was judged as it was: a rule or feature, and the text that showed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The text that showed it, if any.
    pub span: Option<Span>,
    /// What it showed, in words (`"cue verb 'said'"`, `"gazetteer: country"`).
    pub note: String,
}

impl Evidence {
    /// Evidence pointing at a span.
    pub fn at(span: Span, note: impl Into<String>) -> Evidence {
        Evidence { span: Some(span), note: note.into() }
    }
    /// Evidence with no span.
    pub fn note(note: impl Into<String>) -> Evidence {
        Evidence { span: None, note: note.into() }
    }
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: EntityKind,
    /// The entity (all mentions of it) this mention belongs to.
    pub cluster: ClusterId,
    /// How sure the recogniser is, 0 to 1.
    pub confidence: f32,
    /// Why it was recognised.
    pub evidence: Vec<Evidence>,
}

/// One real-world entity: all mentions that name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Canonical name: its longest, first-seen full form ("Ilham Aliyev").
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Its mentions, in text order.
    pub mentions: Vec<EntityId>,
}

/// What kind of statement a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// Contains a verbatim quotation.
    Direct,
    /// Reported speech ("Yerevan says Baku is ...").
    Indirect,
    /// "according to X, ...".
    AccordingTo,
}

impl ClaimKind {
    /// The contract's name: `direct`, `indirect`, `according_to`.
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::AccordingTo => "according_to",
        }
    }
}

/// Who made a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The words naming the speaker where the claim is made ("He", "three officials").
    pub span: Span,
    /// The resolved name ("Hikmet Hajiyev" for "He"); the span's text if unresolved.
    pub name: String,
    /// The entity the speaker is, if it is a named one.
    pub cluster: Option<ClusterId>,
}

/// An attributed statement: direct quote, reported speech or "according to".
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The content of the statement, without the reporting clause; but a content of fewer than
    /// five words after a reporting verb with it ("Mujahid claimed 190 were dead"), as the
    /// annotation convention anchors such a claim.
    pub span: Span,
    /// Direct, indirect or according to.
    pub kind: ClaimKind,
    /// The reporting expression ("said", "according to").
    pub cue: Option<Span>,
    /// Who said it, if found.
    pub speaker: Option<Speaker>,
    /// The side of the speaker, if any.
    pub side: Option<SideId>,
    /// How sure the analysis is that this is a claim with this speaker, 0 to 1.
    pub confidence: f32,
    /// How the claim, its speaker and its side were decided.
    pub evidence: Vec<Evidence>,
}

/// An unattributed factual statement worth checking.
#[derive(Clone, Debug, PartialEq)]
pub struct Assertion {
    /// The sentence.
    pub span: Span,
    /// How check-worthy it is, 0 to 1.
    pub score: f32,
    /// What made it check-worthy (a figure, a casualty word...).
    pub evidence: Vec<Evidence>,
}

/// Role of a side in the dispute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideRole {
    /// One of the two principal sides.
    Party,
    /// A mediator, international body, other government, court or outlet.
    ThirdParty,
}

impl SideRole {
    /// The contract's name: `party`, `third_party`.
    pub fn label(self) -> &'static str {
        match self {
            SideRole::Party => "party",
            SideRole::ThirdParty => "third_party",
        }
    }
}

/// One side of the dispute and the actors on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// Display name, in the article's own terms where it has them ("Baku").
    pub name: String,
    /// Party or third party.
    pub role: SideRole,
    /// The names the side goes by in the text: its places, people, organisations, demonyms.
    pub aliases: Vec<String>,
    /// The entities on this side.
    pub members: Vec<ClusterId>,
    /// Why each member was placed here.
    pub evidence: Vec<Evidence>,
    /// How much voice the side has in the article (claims, quoted words, sources, order).
    pub balance: SideBalance,
}

/// How much voice one side has: plain numbers a shell can chart side by side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideBalance {
    /// Claims on this side.
    pub n_claims: u32,
    /// Words inside quotation marks in this side's claims.
    pub quoted_words: u32,
    /// Claims whose speaker is a named person, organisation or place.
    pub n_named_claims: u32,
    /// Claims whose speaker is a description ("officials", "a spokesperson") or unknown.
    pub n_anonymous_claims: u32,
    /// Distinct named speakers.
    pub n_named_sources: u32,
    /// This side's first claim in the text.
    pub first_claim: Option<ClaimId>,
    /// This side's last claim in the text.
    pub last_claim: Option<ClaimId>,
    /// True when the article's first claim on any side is this side's.
    pub speaks_first: bool,
    /// True when the article's last claim on any side is this side's.
    pub speaks_last: bool,
}

/// Two claims from opposing sides about the same matter.
#[derive(Clone, Debug, PartialEq)]
pub struct CounterClaim {
    /// The earlier claim.
    pub claim: ClaimId,
    /// The claim that answers it.
    pub counter: ClaimId,
    /// How alike their matter is, 0 to 1.
    pub score: f32,
    /// The shared words and entities.
    pub evidence: Vec<Evidence>,
}

/// A note about the input or about something the analysis could not decide.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Where, if it has a place.
    pub span: Option<Span>,
    /// What, in words.
    pub message: String,
}
