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
//! - `X said Y claimed CONTENT`: a report whose content is another report's clause is one claim,
//!   X's, with that clause whole as its content; so is `X said A, and that Y suggests B`;
//! - `X did something and said CONTENT`: a coordinated cue takes the sentence's subject;
//!   `X said A and urged B` is a second claim of the same speaker, but `X claimed A and claim B`
//!   (the same verb, or a second content under five words) extends the first claim;
//! - a form whose words before it make a clause with a verb of its own ("which was one of his
//!   campaign promises") is no cue (`cues.rs`);
//! - `which X describes as CONTENT`: a relative clause is content from its pronoun on;
//! - `..., adding that CONTENT` and `..., issuing a warning that CONTENT`: a participle continues
//!   the sentence's previous speaker, or its subject;
//! - `..., with officials saying CONTENT`: the absolute phrase's subject speaks; `X ended A by
//!   saying CONTENT`: the sentence's subject does;
//! - `X denied the allegations:` followed by a paragraph: the paragraph is the content;
//! - `according to X, CONTENT` and `CONTENT, according to X` (and `according to X, who said ...`:
//!   X speaks again);
//! - `X identified/classified/characterized Y as Z`: a verb of naming reports with an object and
//!   "as" after it (lexicon `as_only_verbs.txt`), its content the object and the "as" phrase;
//! - `Y quoted X as saying CONTENT`, `Y cited X as saying CONTENT`: X speaks, not Y (lexicon
//!   `quoting_verbs.txt`), and `..., and claimed MORE` after it is Y's;
//! - a quotation that opens after the cue runs to its closing mark, over several sentences;
//! - a quotation with no cue of its own right after a claim continues its speaker;
//! - `X took a parting shot on Twitter: “CONTENT”`: a quotation after a colon, with no reporting
//!   verb before it, is its clause's subject's when that subject names someone.
//!
//! Passives ("was told to", "were said to be", "accused of" with no object) are not claims.
//! Every loop is bounded by a constant or advances through the tokens once, so the stage is
//! linear in the length of the text.
//!
//! Who the speaker words refer to is decided by the attribution stage.
//!
//! Files: this one runs the stage (sentences, cues, the frames in the order they are tried);
//! `cues.rs` finds the reporting cues; `clause.rs` is a cue in its sentence as the frames read
//! it; the frames are in `after_cue.rs`, `before_cue.rs`, `quotations.rs`, `according_to.rs`
//! and `continuations.rs`; `speaker.rs` finds the speaker words, `content.rs` the content's
//! edges; `doc.rs` answers questions about a token. The word lists are data in
//! `../lexicon/*.txt`; the few words written in the code are closed classes of grammar that give
//! a frame its shape ("who"/"which", "and"/"but"/"or", "to be"), kept beside the rule they shape.

mod according_to;
mod after_cue;
mod before_cue;
mod clause;
mod content;
mod continuations;
mod cues;
mod doc;
mod quotations;
mod speaker;

use self::clause::{Clause, Found, Outcome};
use self::content::tail_of;
use self::cues::{ends_with_comma, find_cues, Cue, CueKind};
use self::doc::Doc;
use self::speaker::{phrase_is_a_clause, speaker_left};
use super::document::Document;
use super::model::{ClaimKind, Evidence, Sentence, TokenKind};
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

/// A frame: reads a cue's clause and decides, or returns `None` when it does not apply.
type Frame = fn(&Clause) -> Option<Outcome>;

/// The frames of each kind of cue, in the order they are tried; the first that applies decides.
/// A frame may rely on the ones before it not having applied.
fn frames(kind: CueKind) -> &'static [Frame] {
    match kind {
        CueKind::AccordingTo => &[
            // According to X, CONTENT.
            according_to::according_to_then_content,
            // A, according to X, B.
            according_to::according_to_inside_clause,
            // CONTENT, according to X.
            according_to::content_then_according_to,
        ],
        // X did something: “CONTENT”
        CueKind::Colon => &[quotations::quotation_after_colon],
        CueKind::Participle => &[
            // ..., with officials saying CONTENT.
            continuations::absolute_phrase_participle,
            // X did A, claiming CONTENT.
            continuations::participle_after_subject,
            // ..., X said, adding that CONTENT.
            continuations::participle_continuing_speaker,
        ],
        CueKind::Verb => &[
            // ..., with officials saying CONTENT.
            continuations::absolute_phrase_participle,
            // X ended A by saying CONTENT.
            continuations::participle_after_by,
            // “CONTENT,” said X.  “A,” he said, “B.”
            quotations::quotation_before_cue,
            // Meanwhile, X said CONTENT.
            after_cue::opening_phrase_then_speaker,
            // CONTENT, X said.
            before_cue::content_then_speaker_and_cue,
            // ..., which X describes as CONTENT.
            after_cue::relative_clause_is_content,
            // CONTENT, said X.
            before_cue::content_then_cue_and_speaker,
            // X, an appositive, said CONTENT.
            after_cue::speaker_with_appositive,
            // I was hauled in and told ...: a passive, no claim.
            continuations::passive_clause_then_coordinated_cue,
            // X claimed A and claim B.
            continuations::coordinated_cue_extends_claim,
            // X said A and urged B.
            continuations::coordinated_cue_after_claim,
            // X rejected A and said B.
            continuations::coordinated_cue_takes_subject,
            // ..., according to X, which said CONTENT.
            after_cue::speaker_before_relative_pronoun,
            // X said (that) CONTENT.
            after_cue::speaker_then_cue,
        ],
    }
}

/// Finds the claims of the document: their contents, then each short content with its frame.
pub fn find(document: &Document) -> Vec<ClaimDraft> {
    let mut drafts = find_contents(document);
    short_contents_take_their_frame(&Doc::of(document), &mut drafts);
    drafts
}

/// "Mujahid claimed 190 were dead": a content of fewer than [`SHORT_CONTENT_WORDS`] words after a
/// reporting verb says little alone, so the claim's span reaches back over the cue, and over the
/// speaker words when at most one token (an adverb, a comma) stands between, as the annotation
/// convention anchors such a claim. Not a quotation, nor an "according to" claim, nor into the
/// claim before.
fn short_contents_take_their_frame(doc: &Doc, drafts: &mut [ClaimDraft]) {
    for k in 0..drafts.len() {
        let d = &drafts[k];
        let Some(cue) = d.cue else { continue };
        if d.kind != ClaimKind::Indirect || d.span.start < cue.end || doc.has_quote(d.span) {
            continue;
        }
        if content_words(doc, doc.token_from(d.span.start), doc.token_from(d.span.end)) >= SHORT_CONTENT_WORDS {
            continue;
        }
        let cue_first = doc.token_from(cue.start);
        // A judgement verb's object reached its frame already, unless a complement said it
        // ([`reach_into_frame`]); a participle ("..., citing sources") has no frame of its own.
        let lemma = doc.lex.speech_verbs.get(doc.lower(cue_first));
        let participle = doc.lower(cue_first).ends_with("ing") && cue_first > 0 && doc.piece(cue_first - 1) == ",";
        if lemma.is_none_or(|l| doc.lex.object_verbs.contains(l)) || participle {
            continue;
        }
        let speaker = d.speaker_words.map(|w| (doc.token_from(w.start), doc.token_from(w.end)));
        let start = doc.tokens[frame_start(doc, speaker, cue_first)].span.start;
        if k == 0 || drafts[k - 1].span.end <= start {
            drafts[k].span.start = start;
        }
    }
}

/// The words and numbers of the tokens `first..end` ("said 1,200 people died on 5 May 2020": six).
fn content_words(doc: &Doc, first: usize, end: usize) -> usize {
    (first..end).filter(|&t| doc.is_word(t) || doc.tokens[t].kind == TokenKind::Number).count()
}

/// The claims of the document, each span its content alone (but for a judgement verb's short
/// object, [`reach_into_frame`]).
fn find_contents(document: &Document) -> Vec<ClaimDraft> {
    let doc = Doc::of(document);
    let sentences = &document.sentences[..];
    let mut drafts: Vec<ClaimDraft> = Vec::new();
    // Text before this byte belongs to a claim that ran on from an earlier sentence.
    let mut covered_until: u32 = 0;
    for (si, sentence) in sentences.iter().enumerate() {
        if sentence.span.end <= covered_until {
            continue;
        }
        let b = sentence.end_token as usize;
        let a = (sentence.first_token as usize).max(doc.token_from(covered_until));
        if a >= b || is_headline(&doc, sentences, si) {
            continue;
        }
        let cues = find_cues(&doc, a, b);
        if cues.is_empty() {
            if a == sentence.first_token as usize {
                let continued = quotations::continued_quotation(&doc, sentences, si, drafts.last());
                drafts.extend(continued);
            }
            continue;
        }
        let ran_on_to = claims_of_sentence(&doc, &cues, (a, b), &sentences[si + 1..], &mut drafts);
        covered_until = covered_until.max(ran_on_to);
    }
    resolve_overlaps(drafts)
}

/// Adds the claims of the cues of the sentence `[a, b)` to `drafts`. Returns where (byte) a
/// claim that runs on past the sentence ends, or 0.
fn claims_of_sentence(
    doc: &Doc,
    cues: &[Cue],
    (a, b): (usize, usize),
    next_sentences: &[Sentence],
    drafts: &mut Vec<ClaimDraft>,
) -> u32 {
    let n_before = drafts.len();
    let clause_starts = clause_starts(doc, cues, a);
    let mut ran_on_to = 0;
    let mut consumed = a; // tokens before this belong to earlier claims or cues
    let mut previous_cue: Option<&Cue> = None; // the cue of the sentence's last claim
    for (ci, cue) in cues.iter().enumerate() {
        if cue.first < consumed {
            continue; // inside content that an earlier cue's quotation already took
        }
        // "The ministry said the rebels admitted the attack": a report whose content is another
        // report's clause takes that clause whole; the inner cue is part of its content.
        let mut next = ci + 1;
        while next < cues.len() && reports_the_next_clause(doc, cue, &cues[next], clause_starts[next], b) {
            next += 1;
        }
        let right_end = content_end(doc, cue, clause_starts.get(next).copied().unwrap_or(b), b);
        let right_end = semicolon_after(doc, cue.end, right_end).unwrap_or(right_end);
        let cue_span = doc.span(cue.first, cue.end);
        // "He added “...”, referring to caves, and that the evidence suggests CONTENT": a clause
        // after "and that" is more of the sentence's previous claim, not a claim of its own (but
        // "X said A and that he believed B" is X's second claim).
        let start = clause_starts[ci];
        let and_that = start >= consumed + 2 && doc.lower(start - 1) == "that" && doc.lower(start - 2) == "and";
        // The clause's subject opens with a determiner, a name or a plural ("some evidence",
        // "records"); not "that same evening", "that claim" (a pointing "that").
        let subject = doc.is_word(start)
            && (doc.is_in(&doc.lex.determiners, start) || doc.capitalised(start) || doc.lower(start).ends_with('s'));
        if drafts.len() > n_before && and_that && subject && !doc.is_in(&doc.lex.subject_pronouns, start) {
            if let Some(last) = drafts.last_mut() {
                extend_claim(doc, last, right_end, cue_span);
            }
            consumed = consumed.max(right_end);
            continue;
        }
        let clause = Clause {
            doc,
            cue,
            sentence_start: a,
            sentence_end: b,
            next_sentences,
            consumed,
            right_end,
            last_cue: ci + 1 == cues.len(),
            earlier_in_sentence: drafts.len() > n_before,
            previous_cue,
            previous_claim_end: drafts.last().map_or(0, |d| d.span.end),
            tail: tail_of(doc, cue.end, right_end, &cue.lemma),
            left_phrase: left_phrase(doc, consumed, ci.checked_sub(1).map(|p| &cues[p]), cue),
        };
        match frames(cue.kind).iter().find_map(|frame| frame(&clause)).unwrap_or(Outcome::Nothing) {
            Outcome::Claim(mut found) => {
                reach_into_frame(doc, &mut found, cue);
                consumed = consumed.max(found.end).max(cue.end);
                if let Some((_, e)) = found.speaker {
                    consumed = consumed.max(e);
                }
                let draft = draft_of(doc, &found, cue_span);
                if found.end > b {
                    ran_on_to = ran_on_to.max(draft.span.end);
                }
                let mut draft = draft;
                // "Reuters, citing sources, reported": a participle's object is no subject; "has
                // alleged ties": after an auxiliary the form may be an adjective of the content.
                let plain_verb =
                    cue.kind == CueKind::Verb && !(cue.first > a && doc.is_in(&doc.lex.auxiliaries, cue.first - 1));
                if plain_verb
                    && previous_cue.is_some_and(|p| p.kind != CueKind::Participle)
                    && drafts.len() > n_before
                    && names_the_next_speaker(drafts.last(), &draft)
                {
                    // Its content, not the outer report's words, names the speaker.
                    draft.speaker_words = drafts.pop().map(|outer| outer.span);
                }
                previous_cue = Some(cue);
                drafts.push(draft);
            }
            Outcome::Extend(end) => {
                if let Some(last) = drafts.last_mut() {
                    extend_claim(doc, last, end, cue_span);
                }
                consumed = consumed.max(end);
            }
            Outcome::Nothing => {}
        }
    }
    ran_on_to
}

/// The phrase left of `cue` that may name its speaker, from `consumed` on; when that phrase is a
/// clause of its own, it does not reach back over the `previous` cue, which made no claim
/// ("Sources have indicated Hickenlooper actively encouraged ...": Hickenlooper). (A cue that made
/// no claim may still be part of the speaker's words: "a UN report eventually concluded".)
fn left_phrase(doc: &Doc, consumed: usize, previous: Option<&Cue>, cue: &Cue) -> (usize, usize) {
    let (start, end) = speaker_left(doc, consumed, cue.first);
    match previous {
        Some(previous) if previous.end > consumed && phrase_is_a_clause(doc, start, end) => {
            speaker_left(doc, previous.end, cue.first)
        }
        _ => (start, end),
    }
}

/// "Reuters reported a source, whom it did not name, said ...", "According to ISNA, the
/// prosecutor, Ali Mehr, said ...": the earlier claim's content is no statement but the words
/// naming the next claim's speaker (it lies inside them, left of that claim's cue), so the
/// report is the next claim's alone, and that content is its speaker.
fn names_the_next_speaker(previous: Option<&ClaimDraft>, next: &ClaimDraft) -> bool {
    match (previous, next.speaker_words, next.cue) {
        (Some(previous), Some(words), Some(cue)) => {
            words.end <= cue.start
                && previous.span.start >= words.start
                && previous.span.start < words.end
                && previous.span.end <= cue.start
        }
        _ => false,
    }
}

/// A content after its cue shorter than this many words ("condemned the attack", "claimed 190
/// were dead") is shown with its reporting clause, as the annotation convention anchors it.
const SHORT_CONTENT_WORDS: usize = 5;

/// "The spokesperson strongly condemned the attack": the short object of a verb such as
/// "condemn" or "deny" (lexicon `object_verbs.txt`) says nothing alone, so the claim reaches back
/// over the cue, and over the speaker words when at most one token (an adverb, a comma) stands
/// between. Not when a complement says what the judgement is ("accused Moscow of aggression").
/// (Any other short content reaches into its frame once all claims are found:
/// [`short_contents_take_their_frame`].)
fn reach_into_frame(doc: &Doc, found: &mut Found, cue: &Cue) {
    let words = content_words(doc, found.first, found.end);
    let object = doc.lex.object_verbs.contains(&cue.lemma) && cue.kind == CueKind::Verb;
    // "accused Moscow of aggression", "blamed Iran for the attacks": the complement says it.
    let complement = (found.first..found.end).any(|k| doc.is_in(&doc.lex.object_prepositions, k));
    if !object
        || complement
        || found.first < cue.end
        || words >= SHORT_CONTENT_WORDS
        || doc.has_quote(doc.span(found.first, found.end))
    {
        return;
    }
    found.first = frame_start(doc, found.speaker, cue.first);
}

/// Where a claim that takes in its reporting clause starts (tokens): at its speaker words when
/// they end at most one token (an adverb, a comma) before the cue, else at the cue. Speaker words
/// with no word in them (a stray quote mark) are not reached over.
fn frame_start(doc: &Doc, speaker: Option<(usize, usize)>, cue_first: usize) -> usize {
    match speaker {
        Some((s, e)) if e <= cue_first && cue_first - e <= 1 && (s..e).any(|k| doc.is_word(k)) => s,
        _ => cue_first,
    }
}

/// Where each cue's own clause (its speaker phrase) begins, so the previous cue's content stops
/// there.
fn clause_starts(doc: &Doc, cues: &[Cue], a: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(cues.len());
    let mut bound = a;
    for cue in cues {
        let start = match cue.kind {
            CueKind::Verb => speaker_left(doc, bound, cue.first).0,
            // "..., further saying": an adverb between the comma and the participle is its own.
            CueKind::Participle
                if cue.first > bound + 1
                    && ends_with_comma(doc, bound, cue.first - 2)
                    && doc.is_word(cue.first - 1) =>
            {
                cue.first - 1
            }
            _ => cue.first,
        };
        starts.push(start);
        bound = cue.end;
    }
    starts
}

/// True when the clause of the cue `next`, starting at token `next_start`, is the whole content
/// of `cue`: both are reporting verbs, the first one that takes a clause (not an object verb:
/// "tools called lissoirs suggested ...") and a verb for sure (a past form, or a present "-s"
/// form after a name or a pronoun: not "state media", "a UN report"), nothing but
/// "that" stands between it and the second's clause, and the second has words of its own after
/// it, not a quotation ("claimed (that) Spanton first complained ..."; not "..., CNN reported the
/// governor said.", nor "He said Putin told him, “...”": the quotation is Putin's).
/// ("that" is a closed word of grammar, written here.)
fn reports_the_next_clause(doc: &Doc, cue: &Cue, next: &Cue, next_start: usize, b: usize) -> bool {
    let k = cue.first;
    let present_after_subject = || {
        let word = doc.lower(k);
        word.ends_with('s')
            && word != cue.lemma
            && !doc.capitalised(k)
            && k > 0
            && doc.is_word(k - 1)
            && (doc.capitalised(k - 1) || doc.is_in(&doc.lex.subject_pronouns, k - 1))
            && !doc.is_in(&doc.lex.determiners, k - 1)
    };
    // "Putin told him, “...”": the quotation is the inner speaker's own; not after an auxiliary
    // ("said Russia would respond “in a timely manner”": the outer speaker's words).
    let inner_quotation = || {
        !(next.first > 0 && doc.is_in(&doc.lex.auxiliaries, next.first - 1))
            && (next.end..b.min(next.end + 4)).any(|t| doc.is_quote_mark(t))
    };
    cue.kind == CueKind::Verb
        && next.kind == CueKind::Verb
        && !doc.lex.object_verbs.contains(&cue.lemma)
        && (doc.finite_form(k) || present_after_subject())
        && next_start < next.first
        && (cue.end..next_start).all(|t| doc.lower(t) == "that")
        && (next.end..b).any(|t| doc.is_word(t))
        && !inner_quotation()
}

/// "indicated they would appeal; Quirin wept ...": a semicolon outside quotation marks and
/// brackets after the cue (token `from` on, before `end`) ends reported content; the narrator
/// speaks after it. Not before "that" ("reported that A; that B"). ("that" is a closed word of
/// grammar.)
fn semicolon_after(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut depth = 0usize;
    (from..end).find(|&k| match doc.piece(k) {
        "(" | "[" => {
            depth += 1;
            false
        }
        ")" | "]" => {
            depth = depth.saturating_sub(1);
            false
        }
        ";" => depth == 0 && !doc.inside_quote(k) && !(k + 1 < doc.tokens.len() && doc.lower(k + 1) == "that"),
        _ => false,
    })
}

/// Where content that runs right of `cue` stops: before the next clause (at `next_clause`) and
/// its joining words and punctuation (", while").
fn content_end(doc: &Doc, cue: &Cue, next_clause: usize, b: usize) -> usize {
    let mut right_end = next_clause;
    while right_end > cue.end
        && (doc.is_punct(right_end - 1) && doc.tokens[right_end - 1].kind != TokenKind::Quote
            || doc.is_in(&doc.lex.clause_breaks, right_end - 1))
        && right_end < b
    {
        right_end -= 1;
    }
    right_end
}

/// A frame's claim as a draft, with its evidence; indirect content with a quotation in it is direct.
fn draft_of(doc: &Doc, found: &Found, cue_span: Span) -> ClaimDraft {
    let span = doc.span(found.first, found.end);
    let mut kind = found.kind;
    let mut evidence = vec![
        Evidence::at(cue_span, format!("reporting cue '{}'", cue_span.slice(doc.text))),
        Evidence::note(found.note),
    ];
    if kind == ClaimKind::Indirect && doc.has_quote(span) {
        kind = ClaimKind::Direct;
        evidence.push(Evidence::note("contains a verbatim quotation"));
    }
    ClaimDraft {
        span,
        kind,
        cue: Some(cue_span),
        speaker_words: found.speaker.map(|(s, e)| doc.span(s, e)),
        continues_previous: found.continues_previous,
        confidence: found.confidence,
        evidence,
    }
}

/// A coordinated cue ("claimed A and claim B") runs the claim on to token `end`.
fn extend_claim(doc: &Doc, claim: &mut ClaimDraft, end: usize, cue_span: Span) {
    claim.span.end = claim.span.end.max(doc.tokens[end - 1].span.end);
    claim
        .evidence
        .push(Evidence::at(cue_span, format!("coordinated cue '{}' continues the claim", cue_span.slice(doc.text))));
    if doc.has_quote(claim.span) {
        claim.kind = ClaimKind::Direct;
    }
}

/// True for a headline or standfirst: one of the first three paragraphs, a single sentence
/// with no closing full stop. Headlines restate the body's claims, so they make none.
fn is_headline(doc: &Doc, sentences: &[Sentence], si: usize) -> bool {
    let sentence = &sentences[si];
    let paragraph_index = sentences[..=si.min(3)].iter().filter(|s| s.starts_paragraph).count();
    let whole_paragraph = sentence.starts_paragraph && sentences.get(si + 1).is_none_or(|s| s.starts_paragraph);
    let last = sentence.end_token as usize - 1;
    let mut k = last;
    while k > sentence.first_token as usize && doc.is_quote_mark(k) {
        k -= 1;
    }
    let ends_like_prose = matches!(doc.piece(k), "." | "!" | "?" | "…" | ":");
    si < 3 && paragraph_index <= 3 && whole_paragraph && !ends_like_prose && si + 1 < sentences.len()
}

/// Claims never overlap. Sorted by start, a claim inside one with a cue is dropped; a claim
/// with a cue that contains cue-less ones replaces them; otherwise a later claim that starts
/// inside an earlier one cuts the earlier one short. One pass, so linear after the sort.
fn resolve_overlaps(mut drafts: Vec<ClaimDraft>) -> Vec<ClaimDraft> {
    crate::analysis::sort::sort_by_key(&mut drafts, |d| (d.span.start, d.cue.is_none()));
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

/// The table tests of every file of the stage: each case runs the whole stage on a text.
#[cfg(test)]
mod table {
    use crate::analysis::Document;

    /// (content, speaker words, kind) of a claim.
    pub type Row = (String, Option<String>, &'static str);
    /// (name, text, the claims wanted).
    pub type Case = (&'static str, &'static str, Vec<Row>);

    /// The claims of `text`.
    pub fn claims(text: &str) -> Vec<Row> {
        super::find_contents(&Document::read(text))
            .iter()
            .map(|d| {
                (d.span.slice(text).to_string(), d.speaker_words.map(|s| s.slice(text).to_string()), d.kind.label())
            })
            .collect()
    }

    pub fn c(content: &str, speaker: Option<&str>, kind: &'static str) -> Row {
        (content.to_string(), speaker.map(String::from), kind)
    }

    pub fn check(cases: Vec<Case>) {
        let failed: Vec<String> = cases
            .into_iter()
            .filter_map(|(name, text, want)| {
                let got = claims(text);
                (got != want).then(|| format!("case {name}:\n  got  {got:?}\n  want {want:?}"))
            })
            .collect();
        assert!(failed.is_empty(), "{} case(s) failed:\n{}", failed.len(), failed.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::table::{c, check};
    use crate::analysis::lexicon::LEXICON;

    /// The whole stage (`find`, not the contents alone that the table tests read): a content of
    /// fewer than five words after a reporting verb takes in its frame; a longer one, a
    /// quotation, an "according to" claim and a participle's content do not.
    #[test]
    fn a_short_content_takes_its_frame() {
        let text = "A spokesman for the port authority said 190 were hurt. Oleg Marin said the strike would end on Monday. Lena Ross said: \"It is over.\" Two men died, according to police. The union walked out, citing low pay.";
        let got: Vec<&str> =
            super::find(&crate::analysis::Document::read(text)).iter().map(|d| d.span.slice(text)).collect();
        assert_eq!(
            got,
            [
                "A spokesman for the port authority said 190 were hurt",
                "the strike would end on Monday",
                "\"It is over.\"",
                "Two men died",
                "low pay",
            ]
        );
    }

    #[test]
    fn the_word_lists_parse() {
        let lex = &*LEXICON;
        assert!(lex.speech_noun_verbs.contains("issue") && lex.speech_noun_verbs.contains("issuing"));
        assert!(lex.plural_noun_after.contains("several") && lex.plural_noun_after.contains("despite"));
        assert!(lex.be_forms.contains("got") && lex.adverbial_openers.contains("yesterday"));
        assert!(!lex.sentence_connectives.contains("yesterday"), "listed once, in adverbial_openers.txt");
        assert!(lex.listener_verbs.contains("tell") && lex.claimed_not_said.contains("lives"));
    }

    #[test]
    fn sentences_and_clauses() {
        check(vec![
            (
                "and_that_continues_the_previous_claim",
                "Ann Ray added “the wells are old,” pointing at the hills, and that records suggest the wells were dug by hand. Tom Hale said the port “is open” and that he believed it would stay open.",
                vec![
                    c(
                        "“the wells are old,” pointing at the hills, and that records suggest the wells were dug by hand.",
                        Some("Ann Ray"),
                        "direct",
                    ),
                    c("the port “is open”", Some("Tom Hale"), "direct"),
                    c("it would stay open", Some("he"), "indirect"),
                ],
            ),
            (
                "two_clauses_while",
                "Oslo says the port is shut, while Bergen says it is open.",
                vec![c("the port is shut", Some("Oslo"), "indirect"), c("it is open", Some("Bergen"), "indirect")],
            ),
            (
                "short_content_reaches_into_its_frame",
                "The spokesperson strongly condemned the attack. Angela Merkel, the chancellor, demanded an explanation from Russia.",
                vec![
                    c("The spokesperson strongly condemned the attack", Some("The spokesperson"), "indirect"),
                    c(
                        "Angela Merkel, the chancellor, demanded an explanation from Russia",
                        Some("Angela Merkel, the chancellor"),
                        "indirect",
                    ),
                ],
            ),
            (
                "a_report_naming_the_next_speaker_is_that_speaker_s_claim",
                "The Herald reported on Friday a senior police officer, whom it did not name, said the bridge was unsafe. According to the Post, the city engineer, Ana Lee, said the cracks were new.",
                vec![
                    c(
                        "the bridge was unsafe",
                        Some("on Friday a senior police officer, whom it did not name"),
                        "indirect",
                    ),
                    c("the cracks were new", Some("the city engineer, Ana Lee"), "indirect"),
                ],
            ),
            (
                "a_participle_s_object_is_no_speaker",
                "The Herald, citing two engineers, reported the bridge was unsafe.",
                vec![
                    c("two engineers", Some("The Herald"), "indirect"),
                    c("the bridge was unsafe", Some("The Herald"), "indirect"),
                ],
            ),
            (
                "a_report_of_a_report_is_the_outer_claim",
                "The ministry said the rebels admitted the attack on the depot. Tarn Holdings claimed that its critics alleged fraud in the tender.",
                vec![
                    c("the rebels admitted the attack on the depot", Some("The ministry"), "indirect"),
                    c("its critics alleged fraud in the tender", Some("Tarn Holdings"), "indirect"),
                ],
            ),
            (
                "a_quotation_in_the_inner_report_is_its_speaker_s",
                "Ana Gil said Tomas Vidal told her, “We will not stop.” Tarn Holdings says the regulator admitted the error. \
                 Ana Gil said Peru would respond “in a timely manner”.",
                vec![
                    c("“We will not stop.”", Some("Ana Gil said Tomas Vidal"), "direct"),
                    c("the regulator admitted the error", Some("Tarn Holdings"), "indirect"),
                    c("Peru would respond “in a timely manner”", Some("Ana Gil"), "direct"),
                ],
            ),
            (
                "a_report_ending_the_sentence_is_not_the_content",
                "Four people were hurt at the depot, the radio reported the mayor said.",
                vec![c("Four people were hurt at the depot", Some("the radio"), "indirect")],
            ),
            (
                "naming_is_no_outer_report",
                "Analysis of the tools called lissoirs suggested they were used on hides.",
                vec![c("they were used on hides", Some("Analysis of the tools called lissoirs"), "indirect")],
            ),
            (
                "a_semicolon_ends_reported_content",
                "Both guards indicated they would appeal; the judge left the room. Ana Gil said the tide was high (4 m; the highest this year) and rising.",
                vec![
                    c("they would appeal", Some("Both guards"), "indirect"),
                    c("the tide was high (4 m; the highest this year) and rising", Some("Ana Gil"), "indirect"),
                ],
            ),
            (
                "headline_makes_no_claim",
                "Mayor says bridge will close\n\nThe mayor said the bridge would close.",
                vec![c("the bridge would close", Some("The mayor"), "indirect")],
            ),
        ]);
    }
}
