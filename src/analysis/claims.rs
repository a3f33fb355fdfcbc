//! Stage 5, claims: every attributed statement, one per reporting clause, with its content,
//! its cue (the reporting verb or "according to") and the words that name its speaker.
//!
//! Frames recognised, per sentence:
//! - `X said (that) CONTENT` and `X told Y (that) CONTENT`: content after the cue, also when the
//!   clause follows an opening phrase ("Meanwhile, Hamas declared it would ...");
//! - `CONTENT, X said.` and `“CONTENT,” said X.`: content before the cue, only when nothing but
//!   an adverbial or a listener follows the cue;
//! - `“CONTENT,” he said, “MORE.”`: an interrupted quotation is one claim;
//! - `X, an appositive, said ...`: the speaker phrase reaches back over the appositive;
//! - `X did something and said CONTENT`: a coordinated cue takes the sentence's subject, and
//!   `X said A and claimed B` extends the first claim;
//! - `which X describes as CONTENT`: a relative clause is content from its pronoun on;
//! - `..., adding that CONTENT` and `..., issuing a warning that CONTENT`: a participle continues
//!   the sentence's previous speaker, or its subject;
//! - `X denied the allegations:` followed by a paragraph: the paragraph is the content;
//! - `according to X, CONTENT` and `CONTENT, according to X`;
//! - a quotation that opens after the cue runs to its closing mark, over several sentences;
//! - a quotation that follows a quoted claim with no cue of its own continues its speaker.
//!
//! Passives ("was told to", "were said to be", "accused of" with no object) are not claims.
//! Every loop is bounded by a constant or advances through the tokens once, so the stage is
//! linear in the length of the text.
//!
//! Who the speaker words refer to is decided by the attribution stage.

use super::lexicon::Lexicon;
use super::model::{ClaimKind, Evidence, Quote, Sentence, Token, TokenKind};
use super::span::Span;
use super::tokens::{dateline_at, is_capitalised};

/// A claim before its speaker is resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimDraft {
    /// The statement's content.
    pub span: Span,
    /// Direct, indirect or according to.
    pub kind: ClaimKind,
    /// The reporting expression.
    pub cue: Option<Span>,
    /// The words naming the speaker, if they stand in the clause.
    pub speaker_words: Option<Span>,
    /// True when the speaker is the previous claim's (a participle or a continued quotation).
    pub continues_previous: bool,
    /// How sure the frame is, 0 to 1.
    pub confidence: f32,
    /// What decided it.
    pub evidence: Vec<Evidence>,
}

/// Words that end a speaker phrase when walking left from the cue.
const CLAUSE_BREAKS: &[&str] = &[
    "that", "while", "and", "but", "as", "because", "who", "which", "where", "when", "if", "whereas", "so", "since",
    "after", "before", "although", "though", "whom", "what",
];

/// Words between a speaker and its verb that belong to the verb group.
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "then",
    "again",
    "repeatedly",
    "publicly",
    "reportedly",
    "would",
    "will",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "once",
    "further",
    "earlier",
    "even",
    "already",
    "still",
    "separately",
    "privately",
    "flatly",
    "firmly",
    "strongly",
    "herself",
    "himself",
    "themselves",
    "itself",
    "certainly",
    "repeatedly",
    "recently",
    "allegedly",
    "often",
    "widely",
    "now",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
    "not",
    "never",
    "always",
];

/// Forms of "be" (and "get") that make a following participle passive ("was told to").
/// Words after which a bare cue form ("say", "claim") is still a verb: subject pronouns,
/// irregular plurals, adverbs between a subject and its verb, and coordination.
const BARE_VERB_AFTER: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "people",
    "police",
    "men",
    "women",
    "children",
    "also",
    "still",
    "now",
    "often",
    "repeatedly",
    "publicly",
    "privately",
    "and",
    "or",
    "but",
    "then",
    "both",
    "all",
    "who",
    "which",
    "that",
    "not",
    "never",
    "later",
    "again",
    "jointly",
    "both",
];

/// Auxiliary and modal verbs: a phrase with one is a clause, not a name.
const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would", "could", "should", "can", "may",
    "might", "must", "did", "does", "do",
];

const BE_FORMS: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "am", "get", "got", "gets", "getting"];

/// Adverbs that may stand between a form of "be" and a passive participle.
const PASSIVE_ADVERBS: &[&str] = &[
    "reportedly",
    "also",
    "allegedly",
    "widely",
    "often",
    "later",
    "then",
    "never",
    "not",
    "first",
    "basically",
    "once",
    "previously",
    "repeatedly",
    "recently",
];

/// Words before a cue word that show it is not a reporting verb here ("declined to comment",
/// "the report", "did not respond").
const NOT_A_CUE_AFTER: &[&str] =
    &["to", "the", "a", "an", "this", "its", "their", "his", "her", "not", "no", "our", "my", "your", "than", "so"];

/// Words before a plural noun: a cue word ending in "s" after them ("several reports", "media
/// claims", "new demands") is the noun, not the verb. (Possessives are in NOT_A_CUE_AFTER, which
/// blocks every cue form after them.)
const QUANTIFIERS: &[&str] = &[
    "many",
    "several",
    "some",
    "these",
    "those",
    "other",
    "such",
    "few",
    "both",
    "all",
    "media",
    "news",
    "press",
    "earlier",
    "recent",
    "unconfirmed",
    "conflicting",
    "further",
    "initial",
    "numerous",
    "multiple",
    "new",
    "fresh",
    "additional",
    "repeated",
    "latest",
    "similar",
    "more",
    "previous",
    "separate",
    "public",
    "false",
    "unfounded",
    "baseless",
    "key",
    "main",
    "whose",
];

/// Words that open an adverbial after a cue ("said on Monday", "told reporters in ..."): a cue
/// followed by nothing else has its content before it.
const ADVERBIAL_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "to",
    "last",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "during",
    "after",
    "before",
    "from",
    "this",
    "late",
    "early",
    "when",
    "while",
    "via",
    "through",
    "afterwards",
    "again",
    "recently",
    "publicly",
    "privately",
    "repeatedly",
    "then",
    "now",
    "previously",
    "separately",
    "also",
    "too",
    "by",
];

/// Nouns of speech that make a cue with a verb before them ("issuing a warning that ...").
const SPEECH_NOUNS: &[&str] = &[
    "warning",
    "statement",
    "claim",
    "assurance",
    "reminder",
    "promise",
    "threat",
    "pledge",
    "message",
    "announcement",
];

/// Pronouns and determiners that start a subject noun phrase.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "one", "two", "three",
    "four", "five", "several", "some", "many", "both",
];

/// Verbs that make a cue of a speech noun after them ("issuing a warning that ...").
const SPEECH_NOUN_VERBS: &[&str] = &[
    "issue",
    "issues",
    "issued",
    "issuing",
    "make",
    "makes",
    "made",
    "making",
    "give",
    "gives",
    "gave",
    "giving",
    "send",
    "sends",
    "sent",
    "sending",
    "repeat",
    "repeats",
    "repeated",
    "repeating",
    "release",
    "releases",
    "released",
    "releasing",
    "deliver",
    "delivers",
    "delivered",
    "delivering",
    "offer",
    "offers",
    "offered",
    "offering",
];

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    quotes: &'a [Quote],
    lex: &'a Lexicon,
}

impl<'a> Ctx<'a> {
    fn piece(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }
    fn lower(&self, i: usize) -> String {
        self.piece(i).to_lowercase()
    }
    fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Quote)
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }
    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && is_capitalised(self.piece(i))
    }
    /// An apostrophe glued to the word before it ("Hamas' rival"), not a quotation mark.
    fn is_apostrophe(&self, i: usize) -> bool {
        matches!(self.piece(i), "'" | "’") && !self.tokens[i].space_before
    }
    fn inside_quote(&self, i: usize) -> bool {
        let span = self.tokens[i].span;
        let idx = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes.get(idx).is_some_and(|q| q.inner.contains(span))
    }
    fn span(&self, first: usize, end: usize) -> Span {
        Span::new(self.tokens[first].span.start as usize, self.tokens[end - 1].span.end as usize)
    }
    fn has_quote(&self, span: Span) -> bool {
        let idx = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes[idx..].iter().take_while(|q| q.span.start < span.end).any(|q| q.span.overlaps(span))
    }
    /// The quotation whose opening mark is token `i`.
    fn quote_opening_at(&self, i: usize) -> Option<&'a Quote> {
        let start = self.tokens[i].span.start;
        let idx = self.quotes.partition_point(|q| q.span.start < start);
        self.quotes.get(idx).filter(|q| q.span.start == start)
    }
    /// The quotation whose closing mark is token `i` (a few candidates back, since single quotes nest).
    fn quote_closing_at(&self, i: usize) -> Option<&'a Quote> {
        let end = self.tokens[i].span.end;
        let idx = self.quotes.partition_point(|q| q.span.start < end);
        self.quotes[..idx].iter().rev().take(3).find(|q| q.span.end == end)
    }
    /// Index of the first token that starts at or after byte `pos`.
    fn token_from(&self, pos: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
    /// True when a form of "be" (with adverbs between) stands right before token `i`.
    fn after_be(&self, lower_bound: usize, i: usize) -> bool {
        let mut k = i;
        while k > lower_bound && i - k < 3 && PASSIVE_ADVERBS.contains(&self.lower(k - 1).as_str()) {
            k -= 1;
        }
        k > lower_bound && BE_FORMS.contains(&self.lower(k - 1).as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum CueKind {
    Verb,
    Participle,
    AccordingTo,
}

struct Cue {
    first: usize,
    end: usize,
    kind: CueKind,
    /// The verb's lemma ("say"), or the speech noun for "issuing a warning".
    lemma: String,
}

fn find_cues(ctx: &Ctx, a: usize, b: usize) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = a;
    while i < b {
        if ctx.tokens[i].kind != TokenKind::Word || ctx.inside_quote(i) {
            i += 1;
            continue;
        }
        let piece = ctx.piece(i);
        let lower = piece.to_lowercase();
        if lower == "according" && i + 1 < b && ctx.lower(i + 1) == "to" {
            cues.push(Cue { first: i, end: i + 2, kind: CueKind::AccordingTo, lemma: "according to".into() });
            i += 2;
            continue;
        }
        // "issuing a dire warning that ...": a speech noun with "that" or a colon after it.
        if SPEECH_NOUNS.contains(&lower.as_str())
            && i + 1 < b
            && (ctx.lower(i + 1) == "that" || ctx.piece(i + 1) == ":")
        {
            let verb =
                (i.saturating_sub(4).max(a)..i).rev().find(|&k| SPEECH_NOUN_VERBS.contains(&ctx.lower(k).as_str()));
            if let Some(k) = verb {
                let participle = ctx.lower(k).ends_with("ing") && (k == a || ctx.piece(k - 1) == ",");
                let kind = if participle { CueKind::Participle } else { CueKind::Verb };
                if cues.last().is_some_and(|c| c.end > k) {
                    cues.pop();
                }
                cues.push(Cue { first: k, end: i + 1, kind, lemma: lower.clone() });
                i += 1;
                continue;
            }
        }
        // Cue verbs are lower case, except a participle opening the sentence ("Adding that ...").
        let capital = is_capitalised(piece);
        if let Some(lemma) = ctx.lex.speech_verbs.get(&lower) {
            let prev = if i > a { ctx.lower(i - 1) } else { String::new() };
            let next = if i + 1 < b { ctx.lower(i + 1) } else { String::new() };
            let participle = lower.ends_with("ing") && lower != *lemma;
            // "16 reports from the public", "media reports said", "member states were nervous",
            // "retaliation claims often turn on timing": a plural noun, not a verb.
            let plural_noun = lower.ends_with('s')
                && (i > a
                    && (ctx.tokens[i - 1].kind == TokenKind::Number
                        || QUANTIFIERS.contains(&prev.as_str())
                        || matches!(
                            prev.as_str(),
                            "by" | "of" | "in" | "on" | "for" | "with" | "from" | "about" | "amid" | "despite" | "over"
                        ))
                    || AUXILIARIES.contains(&next.as_str())
                    || matches!(next.as_str(), "often" | "suggest" | "show" | "indicate"));
            // A bare form ("say", "demand") is a verb after its plural or pronoun subject ("officials
            // say", "we demand") or an auxiliary; after another lower-case word it is a noun ("to
            // meet demand", "a claim").
            let bare_noun = lower == *lemma
                && i > a
                && ctx.is_word(i - 1)
                && !is_capitalised(ctx.piece(i - 1))
                && !prev.ends_with('s')
                && !BARE_VERB_AFTER.contains(&prev.as_str())
                && !AUXILIARIES.contains(&prev.as_str());
            let blocked = NOT_A_CUE_AFTER.contains(&prev.as_str()) || prev == "-" || plural_noun || bare_noun;
            // "was told to", "were said to be", "is believed to have": passives report no speaker.
            let passive = !participle && ctx.after_be(a, i)
                || next == "to" && i + 2 < b && matches!(ctx.lower(i + 2).as_str(), "be" | "have" | "been")
                || lemma == "accuse" && next == "of";
            let idiom = match lemma.as_str() {
                "continue" => !(i + 2 < b && ctx.piece(i + 1) == "," && ctx.tokens[i + 2].kind == TokenKind::Quote),
                // "has added new demands", "added 20 jobs": adding things, not words.
                "add" => {
                    matches!(
                        next.as_str(),
                        "new" | "more" | "further" | "extra" | "another" | "a" | "an" | "its" | "their" | "to"
                    ) || i + 1 < b && ctx.tokens[i + 1].kind == TokenKind::Number
                        // "Israel added demands": a plain noun object, not a clause.
                        || i + 1 < b
                            && ctx.is_word(i + 1)
                            && !is_capitalised(ctx.piece(i + 1))
                            && !ctx.lex.function_words.contains(&next)
                            && !SUBJECT_PRONOUNS.contains(&next.as_str())
                }
                // "when asked", "who asked not to be named", "asked for anonymity".
                "ask" => {
                    matches!(prev.as_str(), "when" | "if" | "as" | "once" | "after" | "before" | "being")
                        || next == "not"
                        || next == "for" && i + 2 < b && ctx.lower(i + 2) == "anonymity"
                }
                // "reported revenue of $3 billion", "reported a rise in profit": accounts, not statements.
                "report" => (i + 1..b.min(i + 4)).any(|k| {
                    matches!(
                        ctx.lower(k).as_str(),
                        "revenue"
                            | "revenues"
                            | "profit"
                            | "profits"
                            | "loss"
                            | "losses"
                            | "sales"
                            | "earnings"
                            | "income"
                    )
                }),
                "call" => matches!(next.as_str(), "off" | "up" | "back" | "in" | "out" | "at"),
                "charge" => (i + 1..b.min(i + 5)).any(|k| ctx.lower(k) == "with"),
                // "The strikes claimed at least 200 lives": a toll, not a statement.
                "claim" => (i + 1..b.min(i + 6)).any(|k| {
                    matches!(
                        ctx.lower(k).as_str(),
                        "lives" | "life" | "victims" | "victory" | "title" | "seat" | "seats"
                    )
                }),
                _ => false,
            };
            if !blocked && !passive && !idiom && (!capital || (participle && i == a)) {
                let after_comma = i > a && ctx.piece(i - 1) == ",";
                if participle && !after_comma && i != a && !cues.is_empty() {
                    // "wrote to the embassy asking to ...": part of the earlier cue's content.
                    i += 1;
                    continue;
                }
                let kind = if participle && (after_comma || i == a) { CueKind::Participle } else { CueKind::Verb };
                cues.push(Cue { first: i, end: i + 1, kind, lemma: lemma.clone() });
            }
        }
        i += 1;
    }
    cues
}

/// Walks left from `cue` over the verb group and the speaker phrase; returns (phrase start, phrase end).
fn speaker_left(ctx: &Ctx, lower_bound: usize, cue: usize) -> (usize, usize) {
    let mut end = cue;
    while end > lower_bound && VERB_GROUP.contains(&ctx.lower(end - 1).as_str()) {
        end -= 1;
    }
    let mut start = end;
    while start > lower_bound && end - start < 12 {
        let j = start - 1;
        if ctx.is_punct(j) && !matches!(ctx.piece(j), "-" | "." | "’s" | "'s" | "(" | ")") && !ctx.is_apostrophe(j) {
            break;
        }
        if CLAUSE_BREAKS.contains(&ctx.lower(j).as_str())
            && !(ctx.lower(j) == "and"
                && start < end
                && j > lower_bound
                && !ctx.is_punct(j - 1)
                && ctx.tokens[j - 1].kind == TokenKind::Word
                && is_capitalised(ctx.piece(j - 1))
                && is_capitalised(ctx.piece(start)))
        {
            break;
        }
        start = j;
    }
    // Not the dateline the sentence opens with ("VESSEN (Reuters) - Nalvia accused ...").
    if let Some((_, after)) = dateline_at(ctx.text, ctx.tokens, start).filter(|(_, after)| *after < end) {
        start = after;
    }
    (start, end)
}

/// The comma-free stretch that ends at `end` (exclusive), at most 12 tokens, walking left.
fn segment_before(ctx: &Ctx, lower_bound: usize, end: usize) -> usize {
    let mut start = end;
    while start > lower_bound && end - start < 12 {
        let j = start - 1;
        if ctx.is_punct(j) && !matches!(ctx.piece(j), "-" | "." | "’s" | "'s" | "(" | ")") && !ctx.is_apostrophe(j) {
            break;
        }
        let lower = ctx.lower(j);
        if lower != "and" && CLAUSE_BREAKS.contains(&lower.as_str()) {
            break;
        }
        start = j;
    }
    start
}

/// The speaker of "NAME, APPOSITIVE, said" or "NAME, who said": the stretch before the token
/// `stop` (a comma or "who"), reaching back over one more comma for a short name before it.
fn speaker_before(ctx: &Ctx, lower_bound: usize, stop: usize) -> Option<(usize, usize)> {
    let mut end = stop;
    if end > lower_bound && ctx.piece(end - 1) == "," {
        end -= 1;
    }
    let mut s1 = segment_before(ctx, lower_bound, end);
    if s1 == end {
        return None;
    }
    // A relative clause ("X, who heads the list, said"; "an expert who is not involved, said") or
    // a participle phrase ("X, speaking on condition of anonymity, said") is not the speaker: the
    // speaker is the phrase before it.
    let relative = s1 > lower_bound && matches!(ctx.lower(s1 - 1).as_str(), "who" | "which" | "whose");
    let participle = ctx.lower(s1).ends_with("ing") && s1 > lower_bound + 1 && ctx.piece(s1 - 1) == ",";
    if relative || participle {
        let mut e = s1 - 1;
        if relative && e > lower_bound && ctx.piece(e - 1) == "," {
            e -= 1;
        }
        let s = segment_before(ctx, lower_bound, e);
        if s < e {
            s1 = s;
            end = e;
        }
    }
    if s1 > lower_bound + 1 && ctx.piece(s1 - 1) == "," {
        let s2 = segment_before(ctx, lower_bound, s1 - 1);
        if s2 < s1 - 1 && s1 - 1 - s2 <= 8 {
            return Some((s2, end));
        }
    }
    Some((s1, end))
}

/// The subject at the start of a clause: a pronoun, or a determiner and a noun, or a run of
/// capitalised words and titles ("Russian President Vladimir Putin"). An opening adverbial
/// ("Meanwhile,", "On Monday,") is skipped.
fn subject_np(ctx: &Ctx, a: usize, limit: usize) -> Option<(usize, usize)> {
    let mut i = dateline_at(ctx.text, ctx.tokens, a).map_or(a, |(_, after)| after);
    if i >= limit {
        return None;
    }
    let first = ctx.lower(i);
    let opener = ADVERBIAL_OPENERS.contains(&first.as_str())
        || first.ends_with("ly")
        || matches!(first.as_str(), "meanwhile" | "however" | "yesterday" | "instead" | "but" | "and" | "so" | "still");
    let comma = (i..limit.min(i + 12)).find(|&k| ctx.piece(k) == ",");
    // "Speaking in Oslo, she ...", "Asked about the strike, the minister ...": a participle phrase.
    let participle = (first.ends_with("ing") || first.ends_with("ed")) && comma.is_some();
    if opener || participle {
        i = match comma {
            Some(comma) => comma + 1,
            None => i + 1,
        };
    }
    if i >= limit || !ctx.is_word(i) {
        return None;
    }
    let lower = ctx.lower(i);
    if SUBJECT_PRONOUNS.contains(&lower.as_str()) {
        return Some((i, i + 1));
    }
    let start = i;
    if DETERMINERS.contains(&lower.as_str()) {
        i += 1;
        if i < limit && ctx.is_word(i) {
            i += 1;
        } else {
            return None;
        }
    }
    while i < limit && i - start < 10 {
        let word = ctx.lower(i);
        let keep = ctx.capitalised(i)
            || ctx.is_word(i) && ctx.lex.titles.contains(&word)
            || matches!(ctx.piece(i), "’s" | "'s" | "-")
            || matches!(word.as_str(), "of" | "and") && i + 1 < limit && ctx.capitalised(i + 1);
        if !keep {
            break;
        }
        i += 1;
    }
    // "French farmers blocked ...", "Ukrainian defence officials said ...": a nationality and the
    // common nouns it modifies, up to the verb.
    if i > start && ctx.lex.demonyms.contains(ctx.piece(i - 1)) {
        let head = i;
        while i < limit && i < head + 2 && ctx.is_word(i) && !ctx.capitalised(i) {
            let word = ctx.lower(i);
            let verb_like = word.ends_with("ed") || word.ends_with("ing") || ctx.lex.speech_verbs.contains_key(&word);
            if verb_like || ctx.lex.function_words.contains(&word) {
                break;
            }
            i += 1;
        }
    }
    (i > start).then_some((start, i))
}

/// Reads a speaker phrase to the right of the cue: up to a comma, full stop or quotation mark.
fn speaker_right(ctx: &Ctx, from: usize, upper_bound: usize) -> (usize, usize) {
    let mut end = from;
    while end < upper_bound && end - from < 10 && !(ctx.is_punct(end) && !matches!(ctx.piece(end), "-" | "’s" | "'s"))
    {
        end += 1;
    }
    (from, end)
}

/// True when the words from `i` look like a speaker named after the cue ("said Tom Hale",
/// "said one envoy"), not like reported content.
fn speaker_like(ctx: &Ctx, i: usize, end: usize) -> bool {
    if i >= end || !ctx.is_word(i) {
        return false;
    }
    let lower = ctx.lower(i);
    if SUBJECT_PRONOUNS.contains(&lower.as_str()) {
        return true;
    }
    if ctx.capitalised(i) {
        return true;
    }
    let (_, phrase_end) = speaker_right(ctx, i, end);
    DETERMINERS.contains(&lower.as_str()) && phrase_end - i <= 3
        || DETERMINERS.contains(&lower.as_str())
            && (i + 1..end.min(i + 4)).any(|k| {
                ctx.capitalised(k)
                    || ctx.lex.titles.contains(&ctx.lower(k))
                    || ctx.lower(k).ends_with("s") && ctx.lex.titles.contains(ctx.lower(k).trim_end_matches('s'))
            })
}

/// What follows a cue in its clause.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tail {
    /// Nothing: the sentence (or clause) ends.
    Empty,
    /// Only an adverbial or a listener ("on Monday", "the Daily Star", "reporters in Yerevan").
    Adverbial,
    /// Content, starting at this token.
    Content(usize),
}

/// Decides what follows the cue `[.., cue_end)` up to `end`.
fn tail_of(ctx: &Ctx, cue_end: usize, end: usize, lemma: &str) -> Tail {
    let i = cue_end;
    if i >= end {
        return Tail::Empty;
    }
    let opens_quote = |k: usize| k < end && ctx.tokens[k].kind == TokenKind::Quote && ctx.quote_opening_at(k).is_some();
    match ctx.piece(i) {
        ":" => return if i + 1 < end { Tail::Content(i + 1) } else { Tail::Empty },
        "," if opens_quote(i + 1) => return Tail::Content(i + 1),
        "," | "." | ";" => return Tail::Empty,
        _ => {}
    }
    if opens_quote(i) {
        return Tail::Content(i);
    }
    let lower = ctx.lower(i);
    if lower == "that" {
        return Tail::Content(i + 1);
    }
    let listener = matches!(lemma, "tell" | "inform");
    if lemma == "call" && matches!(lower.as_str(), "on" | "for") {
        return Tail::Content(i); // "called on the UN to act", "calls for restraint"
    }
    if listener || ADVERBIAL_OPENERS.contains(&lower.as_str()) {
        let mut j = i;
        while j < end && j - i < 10 {
            let piece = ctx.piece(j);
            if piece == "," || piece == ";" {
                return if opens_quote(j + 1) { Tail::Content(j + 1) } else { Tail::Adverbial };
            }
            if piece == ":" {
                return if j + 1 < end { Tail::Content(j + 1) } else { Tail::Adverbial };
            }
            if ctx.lower(j) == "that" {
                return Tail::Content(j + 1);
            }
            if opens_quote(j) {
                return Tail::Content(j);
            }
            if listener && ctx.lower(j) == "to" {
                return Tail::Content(i); // "told her to leave"
            }
            j += 1;
        }
        // A long stretch to the sentence's end is content, not an adverbial.
        return if j >= end && j - i <= 6 { Tail::Adverbial } else { Tail::Content(i) };
    }
    Tail::Content(i)
}

/// Drops punctuation at the edges of a content span (not quotation marks).
fn trim(ctx: &Ctx, mut first: usize, mut end: usize) -> (usize, usize) {
    if let Some((_, after)) = dateline_at(ctx.text, ctx.tokens, first).filter(|(_, after)| *after < end) {
        first = after;
    }
    while first < end && ctx.tokens[first].kind == TokenKind::Punct {
        first += 1;
    }
    while end > first && ctx.tokens[end - 1].kind == TokenKind::Punct && !matches!(ctx.piece(end - 1), ")" | "]") {
        end -= 1;
    }
    (first, end)
}

/// True when the clause before a coordinated cue is passive ("I was hauled in and told ...").
fn passive_clause(ctx: &Ctx, a: usize, and: usize) -> bool {
    // A bounded window before the "and", so a long chain of clauses stays linear.
    (and.saturating_sub(12).max(a)..and).any(|k| {
        BE_FORMS.contains(&ctx.lower(k).as_str())
            && (k + 1..and.min(k + 4)).any(|m| {
                let w = ctx.lower(m);
                ctx.is_word(m)
                    && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn"))
                    && !PASSIVE_ADVERBS.contains(&w.as_str())
            })
    })
}

/// One frame's result, in token indexes.
struct Found {
    first: usize,
    end: usize,
    speaker: Option<(usize, usize)>,
    continues_previous: bool,
    kind: ClaimKind,
    confidence: f32,
    note: &'static str,
}

/// What a verb cue yields.
enum Outcome {
    /// A new claim.
    Claim(Found),
    /// A coordinated cue ("... and claimed B"): the sentence's previous claim runs on to this token.
    Extend(usize),
    /// Not a claim (a passive).
    Nothing,
}

/// The content after a cue, from `start` to `right_end`: a quotation opening it runs to its
/// closing mark; a clause ending in a colon at a paragraph's end takes the sentences of the next
/// paragraph up to the first one with a reporting cue of its own (`next` are the sentences after
/// the cue's). Returns (first, end, taken from the next paragraph).
fn content_after(
    ctx: &Ctx,
    start: usize,
    right_end: usize,
    b: usize,
    last_cue: bool,
    next: &[Sentence],
) -> Option<(usize, usize, bool)> {
    if last_cue && b < ctx.tokens.len() && ctx.piece(b - 1) == ":" && ctx.tokens[b].newlines_before >= 1 {
        let taken = next
            .iter()
            .enumerate()
            .take(20)
            .take_while(|(k, s)| {
                (*k == 0 || !s.starts_paragraph)
                    && find_cues(ctx, s.first_token as usize, s.end_token as usize).is_empty()
            })
            .count();
        if taken > 0 {
            return Some((next[0].first_token as usize, next[taken - 1].end_token as usize, true));
        }
    }
    let (first, mut end) = trim(ctx, start, right_end);
    let opens_quote = end > first && ctx.tokens[first].kind == TokenKind::Quote;
    if !(end > first + 1 || opens_quote) {
        return None;
    }
    if opens_quote {
        if let Some(q) = ctx.quote_opening_at(first) {
            end = end.max(ctx.token_from(q.span.end));
        }
    }
    Some((first, end, false))
}

/// Decides the frame of a reporting verb at `cue` in the sentence `[a, b)`.
#[allow(clippy::too_many_arguments)]
fn verb_frame(
    ctx: &Ctx,
    cue: &Cue,
    a: usize,
    b: usize,
    consumed: usize,
    right_end: usize,
    last_cue: bool,
    earlier_in_sentence: bool,
    min_start: u32,
    next: &[Sentence],
) -> Outcome {
    let tail = tail_of(ctx, cue.end, right_end, &cue.lemma);
    let after_start = match tail {
        Tail::Content(s) => s,
        _ => cue.end,
    };
    let (sp_first, sp_end) = speaker_left(ctx, consumed, cue.first);
    let sp = (sp_end > sp_first).then_some((sp_first, sp_end));
    let before = (sp_first > consumed).then(|| sp_first - 1);
    let closes_quote = |j: usize| ctx.tokens[j].kind == TokenKind::Quote && ctx.quote_closing_at(j).is_some();
    let before_piece = before.map(|j| ctx.piece(j)).unwrap_or("");
    let before_lower = before.map(|j| ctx.lower(j)).unwrap_or_default();
    let after = |speaker: Option<(usize, usize)>, note: &'static str, from: Option<usize>| -> Outcome {
        match content_after(ctx, after_start, right_end, b, last_cue, next) {
            Some((first, end, colon)) => Outcome::Claim(Found {
                first: from.unwrap_or(first).min(first),
                end,
                speaker,
                continues_previous: false,
                kind: if colon { ClaimKind::Direct } else { ClaimKind::Indirect },
                confidence: if speaker.is_some() { 0.8 } else { 0.5 },
                note: if colon { "frame: speaker, cue, colon, then a quoted paragraph" } else { note },
            }),
            None => Outcome::Nothing,
        }
    };
    // Content before the cue, from `consumed` to `until` (exclusive), reaching back to the opening
    // mark of a quotation that began in an earlier sentence.
    let before_content = |until: usize| -> Option<(usize, usize)> {
        let (mut first, end) = trim(ctx, consumed, until);
        if end <= first {
            return None;
        }
        if let Some(q) = ctx.quote_closing_at(end - 1) {
            if q.span.start < ctx.tokens[first].span.start && q.span.start >= min_start {
                first = ctx.token_from(q.span.start);
            }
        }
        Some((first, end))
    };

    let mut before_quote =
        before.is_some_and(|j| closes_quote(j) || before_piece == "," && j > consumed && closes_quote(j - 1));
    let (mut sp, mut before) = (sp, before);
    // “CONTENT,” Kenya's water minister, Joseph Mutua, told reporters: a speaker with commas in it.
    if !before_quote && cue.first > consumed + 2 {
        let (anchor, speaker_end) = match sp {
            Some(_) => (sp_first, sp_end),
            None if ctx.piece(cue.first - 1) == "," => (cue.first - 1, cue.first - 1),
            None => (cue.first, cue.first),
        };
        // The quotation's closing mark with a comma just inside (“...,”) or just after (“...”,).
        let from = cue.first.saturating_sub(16).max(consumed + 1);
        let quote_end = (from..anchor)
            .rev()
            .find(|&q| closes_quote(q) && (ctx.piece(q - 1) == "," || q + 1 < anchor && ctx.piece(q + 1) == ","));
        if let Some(q) = quote_end {
            let k = if ctx.piece(q - 1) == "," { q } else { q + 1 };
            let quote_between = (k + 1..cue.first).any(|x| ctx.tokens[x].kind == TokenKind::Quote);
            if k + 1 < speaker_end && !quote_between {
                before_quote = true;
                before = Some(k);
                sp = Some((k + 1, speaker_end));
            }
        }
    }
    if let (true, Some(j)) = (before_quote, before) {
        // “CONTENT,” said X.  /  “CONTENT,” X said.  /  “A,” he said, “B.”
        let Some((first, end)) = before_content(j + 1) else { return Outcome::Nothing };
        let speaker = sp.or_else(|| Some(speaker_right(ctx, cue.end, b)).filter(|(s, e)| e > s));
        let resume = match (sp, tail) {
            (Some(_), Tail::Content(s)) => Some(s),
            (None, _) => speaker.map(|(_, e)| if e < b && ctx.piece(e) == "," { e + 1 } else { e }),
            _ => None,
        };
        if let Some(q) =
            resume.filter(|&s| s < b && ctx.tokens[s].kind == TokenKind::Quote).and_then(|s| ctx.quote_opening_at(s))
        {
            return Outcome::Claim(Found {
                first,
                end: ctx.token_from(q.span.end),
                speaker,
                continues_previous: false,
                kind: ClaimKind::Direct,
                confidence: 0.85,
                note: "frame: a quotation interrupted by its reporting clause",
            });
        }
        return Outcome::Claim(Found {
            first,
            end,
            speaker,
            continues_previous: false,
            kind: ClaimKind::Indirect,
            confidence: 0.85,
            note: "frame: content before the cue",
        });
    }
    let comma_before = matches!(before_piece, "," | "—" | "–");
    match (sp, before) {
        (Some(speaker), Some(j)) if comma_before => {
            if matches!(tail, Tail::Content(_)) {
                after(Some(speaker), "frame: opening phrase, speaker, cue, content", None)
            } else {
                // CONTENT, X said.
                match before_content(j + 1) {
                    Some((first, end)) => Outcome::Claim(Found {
                        first,
                        end,
                        speaker: Some(speaker),
                        continues_previous: false,
                        kind: ClaimKind::Indirect,
                        confidence: 0.85,
                        note: "frame: content before the cue",
                    }),
                    None => Outcome::Nothing,
                }
            }
        }
        (Some(speaker), Some(j))
            if matches!(before_lower.as_str(), "which" | "what" | "whom") && tail != Tail::Empty =>
        {
            // "which the Church describes as a retreat": the relative clause is the content.
            after(Some(speaker), "frame: relative clause, speaker, cue, content", Some(j))
        }
        (None, Some(j)) if comma_before => {
            let inverted = match tail {
                Tail::Content(s) => {
                    s == cue.end && speaker_like(ctx, s, right_end) && {
                        let (_, e) = speaker_right(ctx, s, right_end);
                        // "..., said the city needed 1,100 homes": a verb makes it content.
                        let verb = (s..e).any(|k| {
                            let w = ctx.lower(k);
                            w.ends_with("ed") || AUXILIARIES.contains(&w.as_str())
                        });
                        !verb
                            && ((e..right_end).all(|k| ctx.tokens[k].kind == TokenKind::Punct)
                                || e < b && ctx.piece(e) == ",")
                    }
                }
                _ => true,
            };
            if inverted {
                // The vote was fair, said one envoy.
                let speaker = Some(speaker_right(ctx, cue.end, b)).filter(|(s, e)| e > s);
                match before_content(j + 1) {
                    Some((first, end)) => Outcome::Claim(Found {
                        first,
                        end,
                        speaker,
                        continues_previous: false,
                        kind: ClaimKind::Indirect,
                        confidence: 0.8,
                        note: "frame: content, cue, speaker",
                    }),
                    None => Outcome::Nothing,
                }
            } else {
                // Valeska Paris, an Australian woman, has claimed that ...
                after(speaker_before(ctx, a, j + 1), "frame: speaker, appositive, cue, content", None)
            }
        }
        (None, Some(j)) if matches!(before_lower.as_str(), "and" | "but" | "or") => {
            // "I was hauled in and told ...": a passive clause reports no speaker. After an earlier
            // claim the passive belongs to its content ("said the rules had been changed and urged").
            if !earlier_in_sentence && passive_clause(ctx, a, j) {
                return Outcome::Nothing;
            }
            // "... and warned that Y", "... and accused Z of Y", "... and urged Z to Y", "... and
            // said Y": a reporting clause of its own, one claim of its own.
            let own_clause = matches!(tail, Tail::Content(s) if s > cue.end && ctx.lower(s - 1) == "that")
                || matches!(cue.lemma.as_str(), "accuse" | "urge" | "say");
            match tail {
                Tail::Content(_) if earlier_in_sentence && !own_clause => {
                    match content_after(ctx, after_start, right_end, b, last_cue, next) {
                        Some((_, end, _)) => Outcome::Extend(end),
                        None => Outcome::Nothing,
                    }
                }
                // After a claim in the same sentence, the coordinated cue has that claim's speaker
                // ("A spokesperson for Egypt's Foreign Ministry said A and urged B").
                _ if earlier_in_sentence => {
                    match after(None, "frame: coordinated cue after a claim, its speaker", None) {
                        Outcome::Claim(found) => {
                            Outcome::Claim(Found { continues_previous: true, confidence: 0.75, ..found })
                        }
                        other => other,
                    }
                }
                _ => after(subject_np(ctx, a, j), "frame: the sentence's subject, coordinated cue, content", None),
            }
        }
        (None, Some(j)) if matches!(before_lower.as_str(), "who" | "which") => {
            // "..., according to the Government of Jersey, which said ...": the name just before.
            let name_before = (j >= 2 && ctx.piece(j - 1) == ",").then(|| {
                let end = j - 1;
                let mut start = end;
                while start > a
                    && end - start < 6
                    && (ctx.capitalised(start - 1)
                        || matches!(ctx.piece(start - 1), "of" | "for") && start >= 2 && ctx.capitalised(start - 2))
                {
                    start -= 1;
                }
                if start > a && start < end && ctx.lower(start - 1) == "the" {
                    start -= 1;
                }
                (start, end)
            });
            let speaker =
                name_before.filter(|(s, e)| e > s && ctx.capitalised(*e - 1)).or_else(|| speaker_before(ctx, a, j));
            after(speaker, "frame: speaker, relative pronoun, cue, content", None)
        }
        _ => after(sp, "frame: speaker, cue, content", None),
    }
}

/// Finds the claims of the text. `quotes` must be sorted (as the quote stage returns them).
pub fn find(text: &str, tokens: &[Token], sentences: &[Sentence], quotes: &[Quote], lex: &Lexicon) -> Vec<ClaimDraft> {
    let ctx = Ctx { text, tokens, quotes, lex };
    let mut drafts: Vec<ClaimDraft> = Vec::new();
    // Text before this byte belongs to a claim that ran on from an earlier sentence.
    let mut covered_until: u32 = 0;
    for (si, sentence) in sentences.iter().enumerate() {
        if sentence.span.end <= covered_until {
            continue;
        }
        let b = sentence.end_token as usize;
        let a = (sentence.first_token as usize).max(ctx.token_from(covered_until));
        if a >= b || is_headline(&ctx, sentences, si) {
            continue;
        }
        let cues = find_cues(&ctx, a, b);
        if cues.is_empty() {
            if a == sentence.first_token as usize {
                continuation(&ctx, sentences, si, &mut drafts);
            }
            continue;
        }
        let n_before = drafts.len();
        // Where each cue's own clause (speaker phrase) begins, so the previous content stops there.
        let mut clause_starts = Vec::with_capacity(cues.len());
        let mut bound = a;
        for cue in &cues {
            let start = match cue.kind {
                CueKind::Verb => speaker_left(&ctx, bound, cue.first).0,
                _ => cue.first,
            };
            clause_starts.push(start);
            bound = cue.end;
        }
        let mut consumed = a; // tokens before this belong to earlier claims or cues
        for (ci, cue) in cues.iter().enumerate() {
            if cue.first < consumed {
                continue; // inside content that an earlier cue's quotation already took
            }
            let next_clause = clause_starts.get(ci + 1).copied().unwrap_or(b);
            // Content that runs right stops before the next clause's joining words (", while").
            let mut right_end = next_clause;
            while right_end > cue.end
                && (ctx.is_punct(right_end - 1) && ctx.tokens[right_end - 1].kind != TokenKind::Quote
                    || CLAUSE_BREAKS.contains(&ctx.lower(right_end - 1).as_str()))
                && right_end < b
            {
                right_end -= 1;
            }
            let cue_span = ctx.span(cue.first, cue.end);
            let mut evidence = vec![Evidence::at(cue_span, format!("reporting cue '{}'", cue_span.slice(text)))];
            let earlier_in_sentence = drafts.len() > n_before;
            let min_start = drafts.last().map_or(0, |d| d.span.end);
            let found = match cue.kind {
                CueKind::AccordingTo => {
                    let (sp_first, sp_end) = speaker_right(&ctx, cue.end, b);
                    let (first, end) = if cue.first <= consumed.max(a) + 1 && sp_end < b {
                        trim(&ctx, sp_end, right_end.max(sp_end))
                    } else {
                        trim(&ctx, consumed, cue.first)
                    };
                    (end > first && sp_end > sp_first).then_some(Found {
                        first,
                        end,
                        speaker: Some((sp_first, sp_end)),
                        continues_previous: false,
                        kind: ClaimKind::AccordingTo,
                        confidence: 0.8,
                        note: "frame: according to X",
                    })
                }
                CueKind::Participle => {
                    let start = match tail_of(&ctx, cue.end, right_end, &cue.lemma) {
                        Tail::Content(s) => s,
                        _ => cue.end,
                    };
                    let (first, end) = trim(&ctx, start, right_end);
                    let subject = if earlier_in_sentence { None } else { subject_np(&ctx, a, cue.first) };
                    (end > first).then_some(match subject {
                        Some(np) => Found {
                            first,
                            end,
                            speaker: Some(np),
                            continues_previous: false,
                            kind: ClaimKind::Indirect,
                            confidence: 0.7,
                            note: "frame: participle after the sentence's subject",
                        },
                        None => Found {
                            first,
                            end,
                            speaker: None,
                            continues_previous: true,
                            kind: ClaimKind::Indirect,
                            confidence: 0.7,
                            note: "frame: participle continuing the previous speaker",
                        },
                    })
                }
                CueKind::Verb => match verb_frame(
                    &ctx,
                    cue,
                    a,
                    b,
                    consumed,
                    right_end,
                    ci + 1 == cues.len(),
                    earlier_in_sentence,
                    min_start,
                    &sentences[si + 1..],
                ) {
                    Outcome::Claim(found) => Some(found),
                    Outcome::Extend(end) => {
                        if let Some(last) = drafts.last_mut() {
                            last.span.end = last.span.end.max(tokens[end - 1].span.end);
                            last.evidence.push(Evidence::at(
                                cue_span,
                                format!("coordinated cue '{}' continues the claim", cue_span.slice(text)),
                            ));
                            if ctx.has_quote(last.span) {
                                last.kind = ClaimKind::Direct;
                            }
                        }
                        consumed = consumed.max(end);
                        None
                    }
                    Outcome::Nothing => None,
                },
            };
            let Some(found) = found else { continue };
            let span = ctx.span(found.first, found.end);
            let mut kind = found.kind;
            evidence.push(Evidence::note(found.note));
            if kind == ClaimKind::Indirect && ctx.has_quote(span) {
                kind = ClaimKind::Direct;
                evidence.push(Evidence::note("contains a verbatim quotation"));
            }
            consumed = consumed.max(found.end).max(cue.end);
            if let Some((_, e)) = found.speaker {
                consumed = consumed.max(e);
            }
            if found.end > b {
                covered_until = covered_until.max(span.end);
            }
            drafts.push(ClaimDraft {
                span,
                kind,
                cue: Some(cue_span),
                speaker_words: found.speaker.map(|(s, e)| ctx.span(s, e)),
                continues_previous: found.continues_previous,
                confidence: found.confidence,
                evidence,
            });
        }
    }
    resolve_overlaps(drafts)
}

/// True for a headline or standfirst: one of the first three paragraphs, a single sentence
/// with no closing full stop. Headlines restate the body's claims, so they make none.
fn is_headline(ctx: &Ctx, sentences: &[Sentence], si: usize) -> bool {
    let sentence = &sentences[si];
    let paragraph_index = sentences[..=si.min(3)].iter().filter(|s| s.starts_paragraph).count();
    let whole_paragraph = sentence.starts_paragraph && sentences.get(si + 1).is_none_or(|s| s.starts_paragraph);
    let last = sentence.end_token as usize - 1;
    let mut k = last;
    while k > sentence.first_token as usize && ctx.tokens[k].kind == TokenKind::Quote {
        k -= 1;
    }
    let ends_like_prose = matches!(ctx.piece(k), "." | "!" | "?" | "…" | ":");
    si < 3 && paragraph_index <= 3 && whole_paragraph && !ends_like_prose && si + 1 < sentences.len()
}

/// Claims never overlap. Sorted by start, a claim inside one with a cue is dropped; a claim
/// with a cue that contains cue-less ones replaces them; otherwise a later claim that starts
/// inside an earlier one cuts the earlier one short. One pass, so linear after the sort.
fn resolve_overlaps(mut drafts: Vec<ClaimDraft>) -> Vec<ClaimDraft> {
    drafts.sort_by_key(|d| (d.span.start, d.cue.is_none()));
    let mut out: Vec<ClaimDraft> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        while let Some(prev) = out.last() {
            if draft.span.contains(prev.span) && draft.cue.is_some() && prev.cue.is_none() && prev.span != draft.span {
                out.pop();
            } else {
                break;
            }
        }
        if let Some(prev) = out.last_mut() {
            if draft.span.start < prev.span.end {
                if prev.span.contains(draft.span) || draft.span.start <= prev.span.start {
                    continue;
                }
                prev.span.end = draft.span.start;
            }
        }
        out.push(draft);
    }
    out
}

/// A sentence with no cue that is a quotation right after a quoted claim continues that claim's
/// speaker ("“...,” said Hajiyev. “The road is open ...”").
fn continuation(ctx: &Ctx, sentences: &[Sentence], si: usize, drafts: &mut Vec<ClaimDraft>) {
    let sentence = &sentences[si];
    let (a, b) = (sentence.first_token as usize, sentence.end_token as usize);
    if ctx.tokens[a].kind != TokenKind::Quote || si == 0 {
        return;
    }
    let Some(prev) = drafts.last() else { return };
    let prev_sentence = &sentences[si - 1];
    let ends_in_prev = prev.span.end > prev_sentence.span.start && prev.span.end <= prev_sentence.span.end;
    let follows =
        ends_in_prev && prev.kind == ClaimKind::Direct && (prev.speaker_words.is_some() || prev.continues_previous);
    if !follows || ctx.tokens[a].newlines_before >= 2 && !ctx.piece(a).starts_with('“') {
        return;
    }
    let (first, mut end) = trim(ctx, a, b);
    if end <= first {
        return;
    }
    // A quotation running over several sentences is one claim, to its closing mark.
    if let Some(q) = ctx.quote_opening_at(a) {
        end = end.max(ctx.token_from(q.span.end));
    }
    drafts.push(ClaimDraft {
        span: ctx.span(first, end),
        kind: ClaimKind::Direct,
        cue: None,
        speaker_words: None,
        continues_previous: true,
        confidence: 0.7,
        evidence: vec![Evidence::note("a quotation continuing the previous speaker's quoted claim")],
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{lexicon::LEXICON, quotes, sentences, tokens::tokenize};

    /// (content, speaker words, kind) of each claim.
    fn claims(text: &str) -> Vec<(String, Option<String>, &'static str)> {
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let (quotes, _) = quotes::find(text, &tokens);
        find(text, &tokens, &sentences, &quotes, &LEXICON)
            .iter()
            .map(|d| {
                (d.span.slice(text).to_string(), d.speaker_words.map(|s| s.slice(text).to_string()), d.kind.label())
            })
            .collect()
    }

    fn c(content: &str, speaker: Option<&str>, kind: &'static str) -> (String, Option<String>, &'static str) {
        (content.to_string(), speaker.map(String::from), kind)
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, &str, Vec<(String, Option<String>, &str)>)> = vec![
            (
                "says_that",
                "Lena Ross says that the bridge is closed.",
                vec![c("the bridge is closed", Some("Lena Ross"), "indirect")],
            ),
            (
                "two_clauses_while",
                "Oslo says the port is shut, while Bergen says it is open.",
                vec![c("the port is shut", Some("Oslo"), "indirect"), c("it is open", Some("Bergen"), "indirect")],
            ),
            (
                "quote_said_name",
                "“The road is open,” said Tom Hale, the mayor’s aide.",
                vec![c("“The road is open,”", Some("Tom Hale"), "direct")],
            ),
            (
                "content_comma_speaker_said",
                "The vote was fair, two observers said.",
                vec![c("The vote was fair", Some("two observers"), "indirect")],
            ),
            (
                "told_listener",
                "Three aides told the Daily Star that talks would resume.",
                vec![c("talks would resume", Some("Three aides"), "indirect")],
            ),
            (
                "told_at_end",
                "Talks will resume on Monday, three aides told the Daily Star.",
                vec![c("Talks will resume on Monday", Some("three aides"), "indirect")],
            ),
            (
                "according_to_end",
                "The summit is off, according to officials.",
                vec![c("The summit is off", Some("officials"), "according_to")],
            ),
            (
                "according_to_start",
                "According to the ministry, ten people died.",
                vec![c("ten people died", Some("the ministry"), "according_to")],
            ),
            (
                "adding_that",
                "The deal is near, one envoy said, adding that both sides agreed.",
                vec![c("The deal is near", Some("one envoy"), "indirect"), c("both sides agreed", None, "indirect")],
            ),
            (
                "pronoun_added",
                "He added that the plan had “key ideas” in it.",
                vec![c("the plan had “key ideas” in it", Some("He"), "direct")],
            ),
            (
                "declined_is_not_a_claim",
                "Spokespeople declined to comment. A spokesperson did not respond to a request for comment.",
                vec![],
            ),
            (
                "continued_quote",
                "“It is normal,” said Ann Lee. “The road is open.”",
                vec![c("“It is normal,”", Some("Ann Lee"), "direct"), c("“The road is open.”", None, "direct")],
            ),
            ("said_comma_quote", "He said, “I think so.”", vec![c("“I think so.”", Some("He"), "direct")]),
            (
                "accused_of",
                "Kyiv accused Moscow of open aggression.",
                vec![c("Moscow of open aggression", Some("Kyiv"), "indirect")],
            ),
            ("no_cue", "Hundreds of troops have been killed.", vec![]),
            (
                "plural_noun_is_not_a_cue",
                "The auditor accused the port of hiding 16 reports from the public. Several claims were false.",
                vec![c("the port of hiding 16 reports from the public", Some("The auditor"), "indirect")],
            ),
            (
                "relative_pronoun_after_a_name",
                "Sixty boats took part, according to the Government of Jersey, which said the harbour stayed open.",
                vec![
                    c("Sixty boats took part", Some("the Government of Jersey"), "according_to"),
                    c("the harbour stayed open", Some("the Government of Jersey"), "indirect"),
                ],
            ),
            (
                "asked_not_to_be_named",
                "A manager, who asked not to be named, said staff had left. The firm reported revenue of $3 billion.",
                vec![c("staff had left", Some("A manager"), "indirect")],
            ),
            (
                "bare_form_after_a_verb_is_a_noun",
                "The mayor said the city must build homes to meet demand. Residents say the plan is late.",
                vec![
                    c("the city must build homes to meet demand", Some("The mayor"), "indirect"),
                    c("the plan is late", Some("Residents"), "indirect"),
                ],
            ),
            (
                "plural_noun_before_a_verb",
                "A diplomat said member states were nervous. She said retaliation claims often fail. The UN was worried by reports of shelling.",
                vec![
                    c("member states were nervous", Some("A diplomat"), "indirect"),
                    c("retaliation claims often fail", Some("She"), "indirect"),
                ],
            ),
            (
                "plural_noun_after_an_adjective",
                "Hamas claims that Israel has added new demands on control of Rafah. Oslo claims that Bergen added fees.",
                vec![
                    c("Israel has added new demands on control of Rafah", Some("Hamas"), "indirect"),
                    c("Bergen added fees", Some("Oslo"), "indirect"),
                ],
            ),
            (
                "plural_noun_then_cue",
                "Media reports said the ferry sank.",
                vec![c("the ferry sank", Some("Media reports"), "indirect")],
            ),
            (
                "opening_phrase_then_speaker",
                "Meanwhile, the union declared it would strike.",
                vec![c("it would strike", Some("the union"), "indirect")],
            ),
            (
                "appositive_speaker",
                "Lena Ross, a former nurse, has claimed that the clinic lied.",
                vec![c("the clinic lied", Some("Lena Ross, a former nurse"), "indirect")],
            ),
            (
                "coordinated_cue_takes_subject",
                "The ministry rejected the plan and said the costs were too high.",
                vec![c("the costs were too high", Some("The ministry"), "indirect")],
            ),
            (
                "coordinated_cue_with_that_is_a_clause_of_its_own",
                "Speaking in Oslo, she insisted that the port met every standard and warned that a strike would hurt everyone.",
                vec![
                    c("the port met every standard", Some("she"), "indirect"),
                    c("a strike would hurt everyone", None, "indirect"),
                ],
            ),
            (
                "relative_clause_after_the_speaker",
                "Tarn Holdings, which owns 7 percent of the port, said it wanted talks.",
                vec![c("it wanted talks", Some("Tarn Holdings"), "indirect")],
            ),
            (
                "relative_clause_inside_the_appositive",
                "Ben Ola, a lawyer who is not involved in the case, said the ruling was fair.",
                vec![c("the ruling was fair", Some("Ben Ola, a lawyer"), "indirect")],
            ),
            (
                "participle_phrase_after_the_speaker",
                "A port official, speaking on condition of anonymity, said the cranes had failed.",
                vec![c("the cranes had failed", Some("A port official"), "indirect")],
            ),
            (
                "appositive_then_content_with_a_verb",
                "Councillor Ana Reis, the council's housing lead, said the city needed 1,100 new homes a year.",
                vec![c("the city needed 1,100 new homes a year", Some("Councillor Ana Reis, the council's housing lead"), "indirect")],
            ),
            (
                "quote_then_speaker_with_an_appositive",
                "“The river is ours too,” Kenya's water minister, Joseph Mutua, told a news conference on Monday.",
                vec![c("“The river is ours too,”", Some("Kenya's water minister, Joseph Mutua"), "direct")],
            ),
            (
                "dateline_is_not_content",
                "NAIROBI (Reuters) - Kenya summoned the envoy on Monday, the ministry said.",
                vec![c("Kenya summoned the envoy on Monday", Some("the ministry"), "indirect")],
            ),
            (
                "dateline_is_not_the_speaker",
                "VESSEN (Reuters) - Nalvia accused Oskaria of moving tanks.",
                vec![c("Oskaria of moving tanks", Some("Nalvia"), "indirect")],
            ),
            (
                "dateline_is_not_the_subject",
                "OSLO — Norwegian dock workers walked out on Friday, accusing the port of cutting wages.",
                vec![c("the port of cutting wages", Some("Norwegian dock workers"), "indirect")],
            ),
            (
                "continued_quote_over_two_sentences",
                "“We waited,” said Ann Lee. “We lost a season. All we ask is to be paid.”",
                vec![
                    c("“We waited,”", Some("Ann Lee"), "direct"),
                    c("“We lost a season. All we ask is to be paid.”", None, "direct"),
                ],
            ),
            (
                "passive_inside_the_first_claim",
                "Ana Reis said the rules had been changed without notice and urged Oslo to return to talks.",
                vec![
                    c("the rules had been changed without notice", Some("Ana Reis"), "indirect"),
                    c("Oslo to return to talks", None, "indirect"),
                ],
            ),
            (
                "coordinated_accusation_is_a_claim_of_its_own",
                "Ana Reis said the offer was low, and accused the board of rushing the vote.",
                vec![c("the offer was low", Some("Ana Reis"), "indirect"), c("the board of rushing the vote", None, "indirect")],
            ),
            (
                "coordinated_cue_extends_claim",
                "They claimed the ship was safe and claim the crew agreed.",
                vec![c("the ship was safe and claim the crew agreed", Some("They"), "indirect")],
            ),
            (
                "relative_clause",
                "She moved to a farm, which the group describes as a retreat.",
                vec![c("which the group describes as a retreat", Some("the group"), "indirect")],
            ),
            (
                "interrupted_quote",
                "“We are ready,” he said, “and we will win.”",
                vec![c("“We are ready,” he said, “and we will win.”", Some("he"), "direct")],
            ),
            (
                "quote_after_cue_over_sentences",
                "He said, “The port is shut. Nobody may enter.”",
                vec![c("“The port is shut. Nobody may enter.”", Some("He"), "direct")],
            ),
            (
                "quote_before_cue_over_sentences",
                "“The port is shut. Nobody may enter,” the mayor said.",
                vec![c("“The port is shut. Nobody may enter,”", Some("the mayor"), "direct")],
            ),
            ("passive_told_is_not_a_claim", "She was told to leave the room.", vec![]),
            ("passive_said_to_be_is_not_a_claim", "The troops were said to be near the town.", vec![]),
            (
                "headline_makes_no_claim",
                "Mayor says bridge will close\n\nThe mayor said the bridge would close.",
                vec![c("the bridge would close", Some("The mayor"), "indirect")],
            ),
            (
                "colon_then_paragraph",
                "The board denied the report:\n\nNobody was harmed. The site is safe.\n\nThe town was quiet.",
                vec![c("Nobody was harmed. The site is safe.", Some("The board"), "direct")],
            ),
            (
                "participle_takes_sentence_subject",
                "Governor Ann Lee dismissed the report, claiming the figures were old.",
                vec![c("the figures were old", Some("Governor Ann Lee"), "indirect")],
            ),
            (
                "speech_noun_continues_speaker",
                "“We will act,” the minister said on Monday, issuing a warning that prices would rise.",
                vec![c("“We will act,”", Some("the minister"), "direct"), c("prices would rise", None, "indirect")],
            ),
            (
                "called_on",
                "The envoy has called on the council to act.",
                vec![c("on the council to act", Some("The envoy"), "indirect")],
            ),
            ("claimed_lives_is_a_toll", "The storm claimed at least ten lives.", vec![]),
            (
                "adverbial_then_quote",
                "Tom's sister, Ann Hale, said on radio, “He is innocent.”",
                vec![c("“He is innocent.”", Some("Tom's sister, Ann Hale"), "direct")],
            ),
            (
                "content_before_with_listener",
                "Talks failed on Monday, two aides told the Daily Star.",
                vec![c("Talks failed on Monday", Some("two aides"), "indirect")],
            ),
            (
                "inverted_without_quotes",
                "The vote was fair, said one observer.",
                vec![c("The vote was fair", Some("one observer"), "indirect")],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(claims(text), want, "case {name}");
        }
    }
}
