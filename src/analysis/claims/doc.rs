//! The article as the claims stage reads it: its text, tokens, quotations and lexicon, with the
//! small questions every part of the stage asks about a token ("a word?", "inside a quotation?").

use crate::analysis::document::{is_capitalised, LowerTokens};
use crate::analysis::lexicon::{Lexicon, WordSet};
use crate::analysis::model::{Quote, Token, TokenKind};
use crate::analysis::span::Span;

/// The article being read. Token arguments are indexes into `tokens`.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Sorted by position, as the quote stage returns them.
    pub quotes: &'a [Quote],
    pub lex: &'a Lexicon,
    /// The tokens in lower case, made once by the document.
    pub lower: &'a LowerTokens,
}

impl<'a> Doc<'a> {
    /// The document's view for the claims stage.
    pub fn of(document: &'a crate::analysis::document::Document) -> Doc<'a> {
        Doc {
            text: document.text,
            tokens: &document.tokens,
            quotes: &document.quotes,
            lex: document.lex,
            lower: document.lower_tokens(),
        }
    }

    /// The token's text.
    pub fn piece(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }
    /// The token's text in lower case.
    pub fn lower(&self, i: usize) -> &'a str {
        self.lower.get(i)
    }
    /// True when the lower-case token is in the word list `list`.
    pub fn is_in(&self, list: &WordSet, i: usize) -> bool {
        self.lower.is_in(list, i)
    }
    pub fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Quote)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Quote
    }
    pub fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && is_capitalised(self.piece(i))
    }
    /// An apostrophe glued to the word before it ("Hamas' rival"), not a quotation mark (nor a
    /// mark that opens the text, with no word before it).
    pub fn is_apostrophe(&self, i: usize) -> bool {
        matches!(self.piece(i), "'" | "’")
            && !self.tokens[i].space_before
            && i > 0
            && self.is_word(i - 1)
            && self.tokens[i - 1].span.end == self.tokens[i].span.start
    }
    /// True for a relative pronoun at token `k`: "who", "whom", "which", "whose". (A closed class
    /// of grammar, written here.)
    pub fn relative_pronoun(&self, k: usize) -> bool {
        matches!(self.lower(k), "who" | "whom" | "which" | "whose")
    }
    /// True for a lower-case finite verb form at token `k`: an auxiliary, a past form (lexicon
    /// `past_forms.txt`) or a word in "-ed".
    pub fn finite_form(&self, k: usize) -> bool {
        let lex = self.lex;
        self.is_word(k)
            && !self.capitalised(k)
            && (self.is_in(&lex.auxiliaries, k) || self.is_in(&lex.past_forms, k) || self.lower(k).ends_with("ed"))
    }
    /// True when token `i`, walking left, ends a phrase: punctuation other than a hyphen, a full
    /// stop (initials), a possessive "'s", a bracket, an apostrophe, or a sign that belongs to a
    /// number ("9%", "$40", "£3").
    pub fn ends_phrase_leftwards(&self, i: usize) -> bool {
        self.is_punct(i)
            && !matches!(self.piece(i), "-" | "." | "’s" | "'s" | "(" | ")" | "%" | "$" | "£" | "€")
            && !self.is_apostrophe(i)
    }
    pub fn inside_quote(&self, i: usize) -> bool {
        let span = self.tokens[i].span;
        let idx = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes.get(idx).is_some_and(|q| q.inner.contains(span))
    }
    /// The bytes of tokens `first..end`.
    /// "with officials saying ...": the token of the "with" that opens an absolute phrase whose
    /// subject (a few words, no punctuation) stands right before the participle at `cue`, if any,
    /// at or after `lower_bound`. ("with" is a closed word of grammar, written here.)
    pub fn with_before_participle(&self, lower_bound: usize, cue: usize) -> Option<usize> {
        // The subject ends right before the participle ("with officials saying"), not at a comma
        // ("credited him with making it possible, noting ...").
        if !self.lower(cue).ends_with("ing") || cue == 0 || !self.is_word(cue - 1) {
            return None;
        }
        let from = cue.saturating_sub(7).max(lower_bound);
        (from..cue - 1)
            .rev()
            .take_while(|&k| self.is_word(k) || matches!(self.piece(k), "’s" | "'s"))
            .find(|&k| self.lower(k) == "with")
            // A gerund after "with" is no subject ("with making the spacewalk possible").
            .filter(|&k| self.capitalised(k + 1) || !self.lower(k + 1).ends_with("ing"))
    }
    pub fn span(&self, first: usize, end: usize) -> Span {
        Span::new(self.tokens[first].span.start as usize, self.tokens[end - 1].span.end as usize)
    }
    /// True when a quotation overlaps `span`.
    pub fn has_quote(&self, span: Span) -> bool {
        let idx = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes[idx..].iter().take_while(|q| q.span.start < span.end).any(|q| q.span.overlaps(span))
    }
    /// The quotation whose opening mark is token `i`.
    pub fn quote_opening_at(&self, i: usize) -> Option<&'a Quote> {
        let start = self.tokens[i].span.start;
        let idx = self.quotes.partition_point(|q| q.span.start < start);
        self.quotes.get(idx).filter(|q| q.span.start == start)
    }
    /// The quotation whose closing mark is token `i` (a few candidates back, since single quotes nest).
    pub fn quote_closing_at(&self, i: usize) -> Option<&'a Quote> {
        let end = self.tokens[i].span.end;
        let idx = self.quotes.partition_point(|q| q.span.start < end);
        self.quotes[..idx].iter().rev().take(3).find(|q| q.span.end == end)
    }
    /// True when token `i` is a quotation mark that closes a quotation.
    pub fn closes_quote(&self, i: usize) -> bool {
        self.is_quote_mark(i) && self.quote_closing_at(i).is_some()
    }
    /// Index of the first token that starts at or after byte `pos`.
    pub fn token_from(&self, pos: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}
