//! The article as the sides stage reads it: the document, its entities and clusters, and what the
//! knowledge base says of names, with the small questions the rules ask about a token.

use super::knowledge::{Knowledge, KNOWLEDGE};
use crate::analysis::document::Document;
use crate::analysis::lexicon::{Lexicon, WordSet};
use crate::analysis::model::{ById, Cluster, ClusterId, Entity, EntityKind, Token};
use rustc_hash::FxHashMap;

/// The article being read. Token arguments are indexes into `tokens`.
pub(super) struct Ctx<'a> {
    pub doc: &'a Document<'a>,
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Sorted by position, never overlapping.
    pub entities: &'a [Entity],
    pub clusters: &'a [Cluster],
    pub lex: &'a Lexicon,
    /// Country and body names, built once per process from the lexicon the document carries.
    pub kb: &'static Knowledge,
    /// For each cluster, the first cluster of the same name: one name is one actor, whatever
    /// kind the recogniser gave each of its mentions ("Oskaria" a place here, a person there).
    same_name: Vec<ClusterId>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document<'a>, entities: &'a [Entity], clusters: &'a [Cluster]) -> Ctx<'a> {
        let mut first_of_name: FxHashMap<&str, ClusterId> =
            FxHashMap::with_capacity_and_hasher(clusters.len(), Default::default());
        let same_name = clusters
            .iter()
            .enumerate()
            .map(|(i, c)| *first_of_name.entry(c.name.as_str()).or_insert(ClusterId(i as u32)))
            .collect();
        Ctx { doc, text: doc.text, tokens: &doc.tokens, entities, clusters, lex: doc.lex, kb: &KNOWLEDGE, same_name }
    }
    /// The first cluster named as `id` is: the one actor every cluster of that name stands for.
    pub fn named_as(&self, id: ClusterId) -> ClusterId {
        self.same_name.get(id.0 as usize).copied().unwrap_or(id)
    }
    /// The actor a cluster stands for when nothing places it in another camp: a person, an
    /// organisation, or a place the knowledge base does not know ("Oskaria", a fictional
    /// country; "Catalonia"), with every cluster of the same name; none for a date or number.
    pub fn actor(&self, id: ClusterId) -> Option<super::Camp> {
        let canonical = self.named_as(id);
        let acts =
            |c: ClusterId| matches!(self.cluster(c).kind, EntityKind::Person | EntityKind::Org | EntityKind::Place);
        (acts(id) && acts(canonical)).then_some(super::Camp::Actor(canonical))
    }
    /// The cluster `id` names.
    pub fn cluster(&self, id: ClusterId) -> &'a Cluster {
        self.clusters.by_id(id)
    }
    /// The token's text.
    pub fn piece(&self, i: usize) -> &'a str {
        self.doc.piece(i)
    }
    /// The token's text in lower case.
    pub fn lower(&self, i: usize) -> &'a str {
        self.doc.lower(i)
    }
    /// True when the token's lower case is in the word list `list`.
    pub fn is_in(&self, list: &WordSet, i: usize) -> bool {
        self.doc.is_in(list, i)
    }
    /// The token starting at byte `pos`.
    pub fn token_at(&self, pos: u32) -> Option<usize> {
        self.doc.token_starting_at(pos)
    }
    /// The token ending at byte `pos`.
    pub fn token_ending_at(&self, pos: u32) -> Option<usize> {
        self.doc.token_ending_at(pos)
    }
    /// The first token starting at or after byte `pos`.
    pub fn token_from(&self, pos: u32) -> usize {
        self.doc.token_from(pos)
    }
    /// The mention ending where token `token` ends.
    pub fn entity_ending_at(&self, token: usize) -> Option<&'a Entity> {
        let end = self.tokens[token].span.end;
        let idx = self.entities.partition_point(|e| e.span.end < end);
        self.entities.get(idx).filter(|e| e.span.end == end)
    }
    /// The mention starting where token `token` starts.
    pub fn entity_starting_at(&self, token: usize) -> Option<&'a Entity> {
        let start = self.tokens[token].span.start;
        let idx = self.entities.partition_point(|e| e.span.start < start);
        self.entities.get(idx).filter(|e| e.span.start == start)
    }
    /// True for a word of a title phrase: a title ("minister"), an honorific ("President"), a
    /// word inside a title phrase ("foreign", "of") or any word of a title of two or three words
    /// ("prime" of "prime minister", "executive" of "chief executive").
    pub fn is_title_word(&self, i: usize) -> bool {
        let lower = self.lower(i);
        self.lex.titles.contains(lower)
            || self.lex.honorifics.contains(self.piece(i))
            || self.lex.title_phrase_words.contains(lower)
            || self.in_title_phrase(i)
    }
    /// True when token `i` is a word of a title of two or three words ("chief executive",
    /// "secretary of state").
    fn in_title_phrase(&self, i: usize) -> bool {
        // Most words start no title of several words: ask before gathering the phrase.
        (i.saturating_sub(2)..=i).any(|start| {
            self.is_in(&self.lex.title_first_words, start)
                && (2..=3).any(|len| {
                    let end = start + len - 1;
                    end >= i
                        && end < self.tokens.len()
                        && self.lex.is_title_phrase(&(start..=end).map(|t| self.piece(t)).collect::<Vec<_>>())
                })
        })
    }
}
