//! Stage 5, claims: every attributed statement, one per reporting clause, with its content,
//! its cue (the reporting verb or "according to") and the words that name its speaker.
//!
//! Frames recognised, per sentence:
//! - `X said (that) CONTENT` and `X told Y (that) CONTENT`: content after the cue;
//! - `CONTENT, X said.` and `“CONTENT,” said X.`: content before the cue;
//! - `..., adding that CONTENT`: a participle continues the previous speaker;
//! - `according to X, CONTENT` and `CONTENT, according to X`;
//! - a quotation that follows a quoted claim with no cue of its own continues its speaker.
//!
//! Who the speaker words refer to is decided by the attribution stage.

use super::lexicon::Lexicon;
use super::model::{ClaimKind, Evidence, Quote, Sentence, Token, TokenKind};
use super::span::Span;

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
    "has", "have", "had", "also", "previously", "later", "then", "again", "repeatedly", "publicly", "reportedly", "would",
    "will", "did", "does", "do", "is", "was", "were", "are", "had", "once", "further", "earlier", "even", "already",
    "still", "separately", "privately", "flatly", "firmly", "strongly", "herself", "himself", "themselves", "itself",
];

/// Words before a cue word that show it is not a reporting verb here ("declined to comment",
/// "the report", "did not respond").
const NOT_A_CUE_AFTER: &[&str] = &["to", "the", "a", "an", "this", "its", "their", "his", "her", "not", "no", "our", "my", "your", "than"];

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
}

fn find_cues(ctx: &Ctx, sentence: &Sentence) -> Vec<Cue> {
    let (a, b) = (sentence.first_token as usize, sentence.end_token as usize);
    let mut cues = Vec::new();
    let mut i = a;
    while i < b {
        if ctx.tokens[i].kind != TokenKind::Word || ctx.inside_quote(i) {
            i += 1;
            continue;
        }
        let piece = ctx.piece(i);
        let lower = piece.to_lowercase();
        if lower == "according" && i + 1 < b && ctx.lower(i + 1) == "to" {
            cues.push(Cue { first: i, end: i + 2, kind: CueKind::AccordingTo });
            i += 2;
            continue;
        }
        // Cue verbs are lower case, except a participle opening the sentence ("Adding that ...").
        let capital = piece.chars().next().is_some_and(char::is_uppercase);
        if let Some(lemma) = ctx.lex.speech_verbs.get(&lower) {
            let blocked = i > a && NOT_A_CUE_AFTER.contains(&ctx.lower(i - 1).as_str());
            let participle = lower.ends_with("ing") && lower != *lemma;
            let continue_ok = lemma != "continue" || (i + 2 < b && ctx.piece(i + 1) == "," && ctx.tokens[i + 2].kind == TokenKind::Quote);
            if !blocked && continue_ok && (!capital || (participle && i == a)) {
                let after_comma = i > a && ctx.piece(i - 1) == ",";
                let kind = if participle && (after_comma || i == a) { CueKind::Participle } else { CueKind::Verb };
                // A participle not after a comma ("is saying") is a verb of its clause.
                cues.push(Cue { first: i, end: i + 1, kind });
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
        if ctx.is_punct(j) && !matches!(ctx.piece(j), "-" | "." | "’s" | "'s" | "(" | ")") {
            break;
        }
        if CLAUSE_BREAKS.contains(&ctx.lower(j).as_str()) && !(ctx.lower(j) == "and" && start < end && j > lower_bound && !ctx.is_punct(j - 1) && ctx.tokens[j - 1].kind == TokenKind::Word && ctx.piece(j - 1).chars().next().is_some_and(char::is_uppercase) && ctx.piece(start).chars().next().is_some_and(char::is_uppercase)) {
            break;
        }
        start = j;
    }
    (start, end)
}

/// Reads a speaker phrase to the right of the cue: up to a comma, full stop or quotation mark.
fn speaker_right(ctx: &Ctx, from: usize, upper_bound: usize) -> (usize, usize) {
    let mut end = from;
    while end < upper_bound && end - from < 10 && !(ctx.is_punct(end) && !matches!(ctx.piece(end), "-" | "’s" | "'s")) {
        end += 1;
    }
    (from, end)
}

/// Skips what a verb takes before its content: "that", a listener ("told the Financial Times that").
fn content_start(ctx: &Ctx, after_cue: usize, end: usize, lemma: &str) -> usize {
    let mut i = after_cue;
    if i < end && ctx.piece(i) == "," && i + 1 < end && ctx.tokens[i + 1].kind == TokenKind::Quote {
        return i + 1; // said, "..."
    }
    if i < end && ctx.piece(i) == ":" {
        return i + 1;
    }
    if matches!(lemma, "tell" | "inform") {
        // The listener runs to "that" if there is one within a few words.
        if let Some(k) = (i..end.min(i + 8)).find(|&k| ctx.lower(k) == "that") {
            return k + 1;
        }
    }
    if i < end && ctx.lower(i) == "that" {
        i += 1;
    }
    i
}

/// Drops punctuation at the edges of a content span (not quotation marks).
fn trim(ctx: &Ctx, mut first: usize, mut end: usize) -> (usize, usize) {
    while first < end && ctx.tokens[first].kind == TokenKind::Punct {
        first += 1;
    }
    while end > first && ctx.tokens[end - 1].kind == TokenKind::Punct && !matches!(ctx.piece(end - 1), ")" | "]") {
        end -= 1;
    }
    (first, end)
}

/// Finds the claims of the text. `quotes` must be sorted (as the quote stage returns them).
pub fn find(text: &str, tokens: &[Token], sentences: &[Sentence], quotes: &[Quote], lex: &Lexicon) -> Vec<ClaimDraft> {
    let ctx = Ctx { text, tokens, quotes, lex };
    let mut drafts: Vec<ClaimDraft> = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let (a, b) = (sentence.first_token as usize, sentence.end_token as usize);
        let cues = find_cues(&ctx, sentence);
        if cues.is_empty() {
            continuation(&ctx, sentences, si, &mut drafts);
            continue;
        }
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
            let next_clause = clause_starts.get(ci + 1).copied().unwrap_or(b);
            // Content that runs right stops before the next clause's joining words (", while").
            let mut right_end = next_clause;
            while right_end > cue.end && (ctx.is_punct(right_end - 1) && ctx.tokens[right_end - 1].kind != TokenKind::Quote || CLAUSE_BREAKS.contains(&ctx.lower(right_end - 1).as_str())) && right_end < b {
                right_end -= 1;
            }
            let cue_span = ctx.span(cue.first, cue.end);
            let cue_word = ctx.lower(cue.first);
            let lemma = lex.speech_verbs.get(&cue_word).cloned().unwrap_or_default();
            let mut evidence = vec![Evidence::at(cue_span, format!("reporting cue '{}'", cue_span.slice(text)))];
            let draft = match cue.kind {
                CueKind::AccordingTo => {
                    let (sp_first, sp_end) = speaker_right(&ctx, cue.end, b);
                    let (first, end) = if cue.first <= consumed.max(a) + 1 && sp_end < b {
                        trim(&ctx, sp_end, right_end.max(sp_end))
                    } else {
                        trim(&ctx, consumed, cue.first)
                    };
                    (end > first && sp_end > sp_first).then(|| {
                        evidence.push(Evidence::note("frame: according to X"));
                        (first, end, Some((sp_first, sp_end)), false, ClaimKind::AccordingTo, 0.8)
                    })
                }
                CueKind::Participle => {
                    let start = content_start(&ctx, cue.end, right_end, &lemma);
                    let (first, end) = trim(&ctx, start, right_end);
                    (end > first).then(|| {
                        evidence.push(Evidence::note("frame: participle continuing the previous speaker"));
                        (first, end, None, true, ClaimKind::Indirect, 0.7)
                    })
                }
                CueKind::Verb => {
                    let (sp_first, sp_end) = speaker_left(&ctx, consumed, cue.first);
                    let before = (sp_first > consumed).then(|| sp_first - 1);
                    let content_before = before.is_some_and(|j| matches!(ctx.piece(j), "," | "”" | "\"" | "’" | "»" | "—" | "–"));
                    if content_before || sp_first == sp_end && before.is_some() {
                        // CONTENT, X said.  /  “CONTENT,” said X.
                        let speaker = if sp_end > sp_first { Some((sp_first, sp_end)) } else { Some(speaker_right(&ctx, cue.end, b)) };
                        let (first, end) = trim(&ctx, consumed, before.map_or(sp_first, |j| j + 1));
                        (end > first).then(|| {
                            evidence.push(Evidence::note("frame: content before the cue"));
                            (first, end, speaker.filter(|(s, e)| e > s), false, ClaimKind::Indirect, 0.85)
                        })
                    } else {
                        // X said (that) CONTENT.
                        let start = content_start(&ctx, cue.end, right_end, &lemma);
                        let (first, end) = trim(&ctx, start, right_end);
                        (end > first + 1 || (end > first && ctx.tokens[first].kind == TokenKind::Quote)).then(|| {
                            evidence.push(Evidence::note("frame: speaker, cue, content"));
                            let speaker = (sp_end > sp_first).then_some((sp_first, sp_end));
                            (first, end, speaker, false, ClaimKind::Indirect, if sp_end > sp_first { 0.8 } else { 0.5 })
                        })
                    }
                }
            };
            if let Some((first, end, speaker, continues_previous, mut kind, confidence)) = draft {
                let span = ctx.span(first, end);
                if kind == ClaimKind::Indirect && ctx.has_quote(span) {
                    kind = ClaimKind::Direct;
                    evidence.push(Evidence::note("contains a verbatim quotation"));
                }
                consumed = consumed.max(end).max(cue.end);
                if let Some((_, e)) = speaker {
                    consumed = consumed.max(e);
                }
                drafts.push(ClaimDraft {
                    span,
                    kind,
                    cue: Some(cue_span),
                    speaker_words: speaker.map(|(s, e)| ctx.span(s, e)),
                    continues_previous,
                    confidence,
                    evidence,
                });
            }
        }
    }
    drafts.sort_by_key(|d| d.span.start);
    // Claims never overlap: a later claim that starts inside an earlier one cuts the earlier one short.
    let mut i = 1;
    while i < drafts.len() {
        if drafts[i].span.start < drafts[i - 1].span.end {
            let cut = drafts[i].span.start;
            if cut > drafts[i - 1].span.start {
                drafts[i - 1].span.end = cut;
            } else {
                drafts.remove(i);
                continue;
            }
        }
        i += 1;
    }
    drafts
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
    let follows = prev.kind == ClaimKind::Direct && prev_sentence.span.contains(prev.span) && prev.speaker_words.is_some()
        || prev.continues_previous && prev.kind == ClaimKind::Direct && prev_sentence.span.contains(prev.span);
    if !follows || ctx.tokens[a].newlines_before >= 2 && !ctx.piece(a).starts_with('“') {
        return;
    }
    let (first, end) = trim(ctx, a, b);
    if end <= first {
        return;
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
            .map(|d| (d.span.slice(text).to_string(), d.speaker_words.map(|s| s.slice(text).to_string()), d.kind.label()))
            .collect()
    }

    fn c(content: &str, speaker: Option<&str>, kind: &'static str) -> (String, Option<String>, &'static str) {
        (content.to_string(), speaker.map(String::from), kind)
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, &str, Vec<(String, Option<String>, &str)>)> = vec![
            ("says_that", "Lena Ross says that the bridge is closed.", vec![c("the bridge is closed", Some("Lena Ross"), "indirect")]),
            ("two_clauses_while", "Oslo says the port is shut, while Bergen says it is open.",
                vec![c("the port is shut", Some("Oslo"), "indirect"), c("it is open", Some("Bergen"), "indirect")]),
            ("quote_said_name", "“The road is open,” said Tom Hale, the mayor’s aide.", vec![c("“The road is open,”", Some("Tom Hale"), "direct")]),
            ("content_comma_speaker_said", "The vote was fair, two observers said.", vec![c("The vote was fair", Some("two observers"), "indirect")]),
            ("told_listener", "Three aides told the Daily Star that talks would resume.", vec![c("talks would resume", Some("Three aides"), "indirect")]),
            ("told_at_end", "Talks will resume on Monday, three aides told the Daily Star.", vec![c("Talks will resume on Monday", Some("three aides"), "indirect")]),
            ("according_to_end", "The summit is off, according to officials.", vec![c("The summit is off", Some("officials"), "according_to")]),
            ("according_to_start", "According to the ministry, ten people died.", vec![c("ten people died", Some("the ministry"), "according_to")]),
            ("adding_that", "The deal is near, one envoy said, adding that both sides agreed.",
                vec![c("The deal is near", Some("one envoy"), "indirect"), c("both sides agreed", None, "indirect")]),
            ("pronoun_added", "He added that the plan had “key ideas” in it.", vec![c("the plan had “key ideas” in it", Some("He"), "direct")]),
            ("declined_is_not_a_claim", "Spokespeople declined to comment. A spokesperson did not respond to a request for comment.", vec![]),
            ("continued_quote", "“It is normal,” said Ann Lee. “The road is open.”",
                vec![c("“It is normal,”", Some("Ann Lee"), "direct"), c("“The road is open.”", None, "direct")]),
            ("said_comma_quote", "He said, “I think so.”", vec![c("“I think so.”", Some("He"), "direct")]),
            ("accused_of", "Kyiv accused Moscow of open aggression.", vec![c("Moscow of open aggression", Some("Kyiv"), "indirect")]),
            ("no_cue", "Hundreds of troops have been killed.", vec![]),
        ];
        for (name, text, want) in cases {
            assert_eq!(claims(text), want, "case {name}");
        }
    }
}
