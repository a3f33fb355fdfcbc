//! Stage 6, attribution: who said each claim. Resolves the speaker words of a claim to a named
//! entity (the person in "US secretary of state Antony Blinken"), a pronoun to its antecedent,
//! and a continued quotation or participle to the previous claim's speaker.
//!
//! A speaker's name is the form the text uses (so "NATO", not a gazetteer's long form), and a
//! bare surname that the recogniser took for a place or an organisation ("Paris" after "Valeska
//! Paris") is read as the person it shortens.
//!
//! [`attribute`] resolves each claim's speaker words with the resolvers of `RESOLVERS`, tried
//! in order; the first that applies decides, and words none resolves are a description. Then a
//! short evaluation ("called it “lousy”") joins its speaker's neighbouring claim. The word lists
//! (pronouns, prepositions, determiners, documents, verbs of naming) are data in `lexicon/*.txt`.

use super::claims::ClaimDraft;
use super::document::Document;
use super::document::LowerTokens;
use super::lexicon::{Lexicon, LowerCase};
use super::mentions::{before_reaching_name, organisation_named_earlier, within};
use super::model::{
    ById, Claim, ClaimKind, Cluster, ClusterId, Entity, EntityKind, Evidence, Quote, Sentence, Speaker, Token,
    TokenKind,
};
use super::span::Span;
use rustc_hash::FxHashMap;

/// A pronoun's antecedent is looked for at most this many mentions back.
const ANTECEDENT_REACH: usize = 40;
/// The previous claim's speaker is a pronoun's antecedent only within this many bytes.
const PREVIOUS_SPEAKER_REACH: u32 = 600;
/// A definite role ("the spokesperson") refers back at most this many claims.
const SAME_ROLE_REACH: usize = 20;

/// Resolves every draft's speaker and turns drafts into claims (sides are set later).
pub fn attribute(doc: &Document, drafts: Vec<ClaimDraft>, entities: &[Entity], clusters: &[Cluster]) -> Vec<Claim> {
    let names = Names::new(doc.text, entities, clusters);
    let ctx = Ctx {
        text: doc.text,
        lex: doc.lex,
        tokens: &doc.tokens,
        lower: doc.lower_tokens(),
        sentences: &doc.sentences,
        quotes: &doc.quotes,
        entities,
        clusters,
        names,
    };
    let mut claims: Vec<Claim> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let claim = attribute_one(&ctx, &claims, draft);
        claims.push(claim);
    }
    join_short_evaluations(doc.text, doc.lex, claims)
}

/// A short evaluation shorter than this many quoted words joins its speaker's neighbouring claim.
const SHORT_EVALUATION_WORDS: usize = 5;
/// How far (bytes) the neighbouring claim may stand from the evaluation.
const EVALUATION_NEIGHBOUR_REACH: u32 = 200;

/// "Tom Hale called the plan “a fantasy” and said it would fail": a verb of naming with a quoted
/// word or two ("called it “lousy”") is no claim of its own; it joins the speaker's claim right
/// after it, else right before it, as the annotation convention reads it. One pass.
fn join_short_evaluations(text: &str, lex: &Lexicon, claims: Vec<Claim>) -> Vec<Claim> {
    let is_evaluation = |c: &Claim| {
        let cue = c.cue.map(|s| s.slice(text).to_lowercase()).unwrap_or_default();
        let content = c.span.slice(text);
        let quoted: usize =
            content.split(['"', '“', '”']).skip(1).step_by(2).map(|q| q.split_whitespace().count()).sum();
        lex.evaluation_verbs.contains(&cue)
            && quoted > 0
            && quoted < SHORT_EVALUATION_WORDS
            && content.split_whitespace().count() <= 12
    };
    let same_speaker = |a: &Claim, b: &Claim| match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => x.cluster.is_some() && x.cluster == y.cluster || x.name == y.name,
        _ => false,
    };
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    let mut pending: Option<Claim> = None;
    for claim in claims {
        if let Some(short) = pending.take() {
            if same_speaker(&short, &claim)
                && claim.span.start.saturating_sub(short.span.end) < EVALUATION_NEIGHBOUR_REACH
            {
                out.push(joined(claim, &short));
                continue;
            }
            match out.last_mut() {
                Some(prev)
                    if same_speaker(prev, &short)
                        && short.span.start.saturating_sub(prev.span.end) < EVALUATION_NEIGHBOUR_REACH =>
                {
                    *prev = joined(prev.clone(), &short);
                }
                _ => out.push(short),
            }
        }
        if is_evaluation(&claim) {
            pending = Some(claim);
        } else {
            out.push(claim);
        }
    }
    if let Some(short) = pending {
        match out.last_mut() {
            Some(prev)
                if same_speaker(prev, &short)
                    && short.span.start.saturating_sub(prev.span.end) < EVALUATION_NEIGHBOUR_REACH =>
            {
                *prev = joined(prev.clone(), &short);
            }
            _ => out.push(short),
        }
    }
    out
}

/// `claim` with the short evaluation `short` joined to it: the span covers both.
fn joined(mut claim: Claim, short: &Claim) -> Claim {
    claim.span =
        Span::new(claim.span.start.min(short.span.start) as usize, claim.span.end.max(short.span.end) as usize);
    if short.kind == ClaimKind::Direct {
        claim.kind = ClaimKind::Direct;
    }
    claim.evidence.push(Evidence::at(short.span, "a short evaluation by the same speaker, joined to this claim"));
    claim
}

/// What the stage reads: the text, the lexicon, the entities and their names.
struct Ctx<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    tokens: &'a [Token],
    /// Every token in lower case (the document's).
    lower: &'a LowerTokens,
    sentences: &'a [Sentence],
    /// The quotations, in order.
    quotes: &'a [Quote],
    /// Sorted by position, never overlapping.
    entities: &'a [Entity],
    clusters: &'a [Cluster],
    names: Names,
}

/// One claim: its speaker carried over, resolved from its words, or missing.
fn attribute_one(ctx: &Ctx, earlier: &[Claim], draft: ClaimDraft) -> Claim {
    let mut evidence = draft.evidence;
    let mut confidence = draft.confidence;
    let previous = earlier.last().and_then(|c| c.speaker.as_ref());
    let speaker = if draft.continues_previous {
        if let Some(prev) = previous {
            evidence
                .push(Evidence::at(prev.span, format!("speaker carried over from the previous claim: {}", prev.name)));
        }
        previous.cloned()
    } else if let Some(words) = draft.speaker_words {
        let phrase = Phrase { words, text: words.slice(ctx.text), claim: draft.span, earlier };
        let resolved =
            RESOLVERS.iter().find_map(|resolve| resolve(ctx, &phrase)).unwrap_or_else(|| description(&phrase));
        evidence.extend(resolved.evidence);
        confidence *= resolved.confidence;
        Some(resolved.speaker)
    } else {
        confidence *= 0.5;
        evidence.push(Evidence::note("no speaker found"));
        None
    };
    Claim { span: draft.span, kind: draft.kind, cue: draft.cue, speaker, side: None, confidence, evidence }
}

/// The speaker words of a claim being resolved.
struct Phrase<'p> {
    /// Where they are.
    words: Span,
    /// What they say.
    text: &'p str,
    /// The claim's content.
    claim: Span,
    /// The claims before this one.
    earlier: &'p [Claim],
}

/// A resolved speaker, with what decided it and a factor for the claim's confidence.
struct Resolved {
    speaker: Speaker,
    evidence: Vec<Evidence>,
    confidence: f32,
}

impl Resolved {
    fn new(speaker: Speaker, evidence: Vec<Evidence>) -> Resolved {
        Resolved { speaker, evidence, confidence: 1.0 }
    }
}

/// A way to resolve speaker words; `None` when it does not apply.
type Resolver = fn(&Ctx, &Phrase) -> Option<Resolved>;

/// The resolvers, in the order they are tried; the first that applies decides.
const RESOLVERS: &[Resolver] = &[
    // he, she, they: the antecedent.
    pronoun,
    // "several", "many": some of the group described before.
    quantity_of_group,
    // "US secretary of state Antony Blinken": the entity the words name.
    named_entity,
    // "the statement", "their letter", "the judge's ruling": the document's author.
    document_author,
    // "the spokesperson" after "a FIFA spokesperson said": the same speaker again.
    same_role_earlier,
    // "his lawyers", "its spokesman": they speak for the one named before.
    owner_of_description,
    // "the ministry": the organisation named earlier.
    organisation_named_before,
    // "Hajiyev said": a surname the recogniser missed.
    missed_surname,
];

/// A pronoun speaker: the previous claim's speaker when it is of the right kind, close by and
/// no nearer antecedent intervenes, else the last mention of the right kind. "They" may stand
/// for a plural group a noun phrase describes ("the protesters", "union leaders") as well:
/// the group when it is the first candidate of the nearest sentence that has one (see
/// [`group_antecedent`]), named by its phrase. Always decides: an unresolved pronoun stays the
/// speaker, with less confidence.
fn pronoun(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let person = ctx.lex.person_pronouns.contains_lower(p.text);
    if !person && !ctx.lex.group_pronouns.contains_lower(p.text) {
        return None;
    }
    let phrase = p.text;
    let group = (!person && ctx.lex.plural_pronouns.contains_lower(p.text))
        .then(|| group_antecedent(ctx, p.words.start, p.claim, &[]))
        .flatten();
    // A group described after the previous claim is nearer than its speaker.
    let recent = recent_speaker(ctx, p, person).filter(|_| group.is_none_or(|g| g.start() < previous_end(p)));
    if let (None, Some(GroupAntecedent::Group(group))) = (recent, group) {
        return Some(described_group(ctx, p, group, &format!("pronoun '{phrase}' resolved to")));
    }
    let named = match group {
        Some(GroupAntecedent::Named(e)) => Some(e),
        _ => None,
    };
    let resolved = recent.map(|s| (s.name.clone(), s.cluster)).or_else(|| {
        named
            .or_else(|| subject_antecedent(ctx, p.words.start, person, p.claim))
            .or_else(|| antecedent(ctx, p.words.start, person, p.claim))
            .map(|e| (ctx.names.shown(e.cluster).to_string(), Some(e.cluster)))
    });
    Some(match resolved {
        Some((name, cluster)) => Resolved::new(
            Speaker { span: p.words, name: name.clone(), cluster },
            vec![Evidence::at(p.words, format!("pronoun '{phrase}' resolved to {name}"))],
        ),
        None => Resolved {
            speaker: Speaker { span: p.words, name: phrase.to_string(), cluster: None },
            evidence: vec![Evidence::at(p.words, format!("pronoun '{phrase}' left unresolved"))],
            confidence: 0.6,
        },
    })
}

/// A quantity word alone ("several said", "many said"): some of the plural group a noun phrase
/// described before ([`group_antecedent`]) outside what earlier claims said ("One said people
/// changed their minds and several said ...": not "people"), named by that phrase; nothing when
/// no group is described (an organisation or place named there is not "several").
fn quantity_of_group(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    if !ctx.lex.quantity_speakers.contains_lower(p.text) {
        return None;
    }
    let Some(GroupAntecedent::Group(group)) = group_antecedent(ctx, p.words.start, p.claim, p.earlier) else {
        return None;
    };
    Some(described_group(ctx, p, group, &format!("'{}' resolved to some of", p.text)))
}

/// The speaker words `p` resolved to the group a noun phrase described at `group`, named by that
/// phrase; the evidence, at both, says `how` ("pronoun 'they' resolved to") "the group described
/// before: the protesters".
fn described_group(ctx: &Ctx, p: &Phrase, group: Span, how: &str) -> Resolved {
    let name = group.slice(ctx.text).split_whitespace().collect::<Vec<_>>().join(" ");
    let note = format!("{how} the group described before: {name}");
    Resolved::new(
        Speaker { span: p.words, name, cluster: None },
        vec![Evidence::at(p.words, note.clone()), Evidence::at(group, note)],
    )
}

/// Where the previous claim ends, its speaker words included (0 when there is none).
fn previous_end(p: &Phrase) -> u32 {
    p.earlier.last().map_or(0, |c| c.span.end.max(c.speaker.as_ref().map_or(0, |s| s.span.end)))
}

/// The speaker of the last claim whose speaker is named before the pronoun, when it is of the
/// pronoun's kind (a person, or not: "they" for a described group, "it" for a described thing,
/// "The industry publication stated ... It cited"), close by, and no other mention of that kind
/// stands between it and the pronoun.
fn recent_speaker<'p>(ctx: &Ctx, p: &'p Phrase, person: bool) -> Option<&'p Speaker> {
    let it = p.text.eq_ignore_ascii_case("it");
    // The last speaker named before the pronoun ("It cited the Air Force as saying A, and claimed
    // B": not the Air Force).
    let before = p.earlier.iter().rev().filter_map(|c| c.speaker.as_ref()).find(|s| s.span.end <= p.words.start);
    let recent = before.filter(|s| {
        let kind = s.cluster.map(|c| ctx.clusters.by_id(c).kind);
        let right_kind = if person {
            kind == Some(EntityKind::Person)
        } else {
            kind.is_some_and(|k| k != EntityKind::Person)
                || kind.is_none() && (plural_description(&s.name) || it && thing_description(ctx, &s.name))
        };
        right_kind && p.claim.start.saturating_sub(s.span.end) < PREVIOUS_SPEAKER_REACH
    });
    // Another mention of that kind named after the previous claim, nearer the pronoun; owners and
    // objects ("Aliyev’s adviser", "adviser to Aliyev") do not count.
    let nearer = subject_antecedent(ctx, p.words.start, person, p.claim).filter(|e| e.span.start >= previous_end(p));
    recent.filter(|s| nearer.is_none_or(|e| Some(ctx.names.person_or_self(ctx.clusters, e.cluster)) == s.cluster))
}

/// The quotation whose words hold `span`, if any.
fn quotation_around<'a>(ctx: &Ctx<'a>, span: Span) -> Option<&'a Quote> {
    let i = ctx.quotes.partition_point(|q| q.span.end <= span.start);
    ctx.quotes.get(i).filter(|q| q.inner.contains(span))
}

/// A quotation of at most this many words is a name or a phrase ("the “Kim Kardashian of
/// Pakistan”"), not someone's words.
const NICKNAME_WORDS: usize = 6;

/// True when the entity is the object of a preposition ("pardoned by Trump", "speaking to Martin
/// Smith"): not what a later pronoun most likely refers to.
fn after_object_preposition(ctx: &Ctx, e: &Entity) -> bool {
    // Over a determiner and a lower-case noun or two before the name ("the murder of journalist
    // Jamal Khashoggi", "pardoned by the president, Trump" is not reached: a comma stops it).
    for word in ctx.text[..e.span.start as usize].split_whitespace().rev().take(3) {
        let lower = word.to_lowercase();
        if ctx.lex.object_prepositions.contains(&lower) {
            return true;
        }
        let noun = word.chars().all(|c| c.is_lowercase() || c == '-') && !ctx.lex.function_words.contains(&lower);
        if !(noun || ctx.lex.determiners.contains(&lower)) {
            return false;
        }
    }
    false
}

/// The most recent person (or group) mention before `pos`, passing over the owners ("Aliyev's
/// adviser") and objects of a preposition ("Speaking to Martin Smith, he said") in the pronoun's
/// own sentence: a subject pronoun does not refer to those. In the sentence before, they are
/// passed over for another mention of that sentence ("Flynn spoke since he was pardoned by Trump.
/// He said"), but taken when the sentence names no other ("police spoke with Ann Lee. She said").
fn subject_antecedent<'a>(ctx: &Ctx<'a>, pos: u32, person: bool, exclude: Span) -> Option<&'a Entity> {
    let mut starts = ctx.sentences.iter().rev().filter(|s| s.span.start <= pos).map(|s| s.span.start);
    let own_start = starts.next().unwrap_or(0);
    let previous_start = starts.next().unwrap_or(0);
    let end = ctx.entities.partition_point(|e| e.span.start < pos);
    let quoted = quoted_elsewhere(ctx, pos);
    let mut passed_over: Option<&Entity> = None;
    for e in ctx.entities[..end].iter().rev().take(ANTECEDENT_REACH) {
        let right_kind =
            if person { e.kind == EntityKind::Person } else { matches!(e.kind, EntityKind::Org | EntityKind::Place) };
        if exclude.contains(e.span) || !right_kind || quoted(e) {
            continue;
        }
        if e.span.start < previous_start {
            return passed_over.or(Some(e));
        }
        if !(possessed(ctx.text, e) || after_object_preposition(ctx, e)) {
            return Some(e);
        }
        if e.span.start < own_start {
            passed_over = passed_over.or(Some(e));
        }
    }
    passed_over
}

/// A group pronoun's antecedent is looked for in its own sentence and at most this many before,
/// not counting sentences that say "they" themselves ...
const GROUP_SENTENCE_REACH: usize = 2;
/// ... and never more sentences back than this.
const GROUP_CHAIN_REACH: usize = 6;

/// True when the tokens `first..end` hold a plural pronoun ("they": lexicon `plural_pronouns`).
fn says_they(ctx: &Ctx, first: usize, end: usize) -> bool {
    (first..end).any(|k| ctx.lower.is_in(&ctx.lex.plural_pronouns, k))
}

/// What "they" stands for when a described group is among the candidates of its sentence.
#[derive(Clone, Copy, Debug)]
enum GroupAntecedent<'a> {
    /// The phrase describing the group ("the protesters").
    Group(Span),
    /// An organisation or place named first in that sentence.
    Named(&'a Entity),
}

impl GroupAntecedent<'_> {
    fn start(&self) -> u32 {
        match self {
            GroupAntecedent::Group(span) => span.start,
            GroupAntecedent::Named(e) => e.span.start,
        }
    }
}

/// A plural group a noun phrase describes: a candidate antecedent of "they".
#[derive(Clone, Copy, Debug)]
struct DescribedGroup {
    /// The phrase ("the two companies", "police in Tarn").
    span: Span,
    /// True when a preposition stands before it ("violence against protesters").
    object: bool,
}

/// True when `span` lies in what the claim `c` says: inside its span but not its speaker's words
/// (a short claim's span holds its reporting clause: "Some of the farmers said that ...").
fn said_in(c: &Claim, span: Span) -> bool {
    c.span.contains(span) && !c.speaker.as_ref().is_some_and(|s| s.span.overlaps(span))
}

/// What "they" at `pos` stands for in the nearest sentence (its own, before it, or one of the
/// `GROUP_SENTENCE_REACH` before) that describes a plural group: the first of that sentence's
/// candidates, a described group or an organisation or place that is no owner or object. The
/// first of a sentence is most likely its subject; a group is taken over a name before it only
/// when every name there is a place ("In Hong Kong, protesters"). An object group ("against the
/// protesters") is taken only when its sentence has no other candidate. A nearer sentence that
/// names an organisation or place but describes no group, or none within reach, leaves the
/// pronoun to the named entities (`None`). A group described inside one of the claims `said`
/// (what a speaker said, not who spoke) is passed over.
fn group_antecedent<'a>(ctx: &Ctx<'a>, pos: u32, exclude: Span, said: &[Claim]) -> Option<GroupAntecedent<'a>> {
    let own = ctx.sentences.partition_point(|s| s.span.start <= pos);
    // A sentence that goes on about "they" (a chain of the same pronoun: "The team collected
    // samples. They extracted DNA from Egypt's birds. They found ...") does not use up the reach,
    // and what it names is not "they".
    let mut reach = 1 + GROUP_SENTENCE_REACH;
    let sentences = ctx.sentences[own.saturating_sub(GROUP_CHAIN_REACH)..own].iter().rev();
    for (n, sentence) in sentences.enumerate() {
        if reach == 0 {
            break;
        }
        // In a sentence of the chain, "they" is what it is about: the names there are not "they".
        let chain = n > 0 && says_they(ctx, sentence.first_token as usize, sentence.end_token as usize);
        if !chain {
            reach -= 1;
        }
        let (from, to) = (sentence.span.start, sentence.span.end.min(pos));
        let groups: Vec<DescribedGroup> = described_groups(ctx, from, to)
            .into_iter()
            .filter(|g| !g.span.overlaps(exclude) && !said.iter().any(|c| said_in(c, g.span)))
            .collect();
        let named: Vec<&'a Entity> = within(ctx.entities, Span::new(from as usize, to as usize))
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Org | EntityKind::Place))
            .filter(|e| !e.span.overlaps(exclude) && !groups.iter().any(|g| g.span.contains(e.span)))
            .filter(|e| !(possessed(ctx.text, e) || after_object_preposition(ctx, e)))
            .filter(|_| !chain)
            .collect();
        let subject = groups.iter().find(|g| !g.object);
        match (subject, named.first()) {
            (Some(g), Some(e)) if g.span.start < e.span.start || named.iter().all(|e| e.kind == EntityKind::Place) => {
                return Some(GroupAntecedent::Group(g.span))
            }
            (Some(g), None) => return Some(GroupAntecedent::Group(g.span)),
            (_, Some(e)) if !groups.is_empty() => return Some(GroupAntecedent::Named(e)),
            (_, Some(_)) => return None,
            (None, None) => {
                if let Some(g) = groups.first() {
                    return Some(GroupAntecedent::Group(g.span));
                }
            }
        }
    }
    None
}

/// The plural groups described between `from` and `to` (bytes), in order. A group is a plural
/// noun of people (lexicon `group_nouns`, the last of a compound: "police officers") with what
/// stands before it in its phrase: a determiner, numbers, capitalised words, title and
/// organisation words, a list of capitalised words ("his Greek, Cypriot and French
/// counterparts", "union leaders", "the two companies"), a quantity before "of" ("thousands of
/// protesters"), a named conjunct and its title before "and" ("Tarn Shipping and its rivals");
/// and after it, a name after a preposition ("officials in Tarn").
fn described_groups(ctx: &Ctx, from: u32, to: u32) -> Vec<DescribedGroup> {
    let (text, lex, tokens) = (ctx.text, ctx.lex, ctx.tokens);
    let first = tokens.partition_point(|t| t.span.start < from);
    let end = tokens.partition_point(|t| t.span.end <= to).max(first);
    let word = |k: usize| tokens[k].span.slice(text);
    let lower = |k: usize| ctx.lower.get(k);
    let is_word = |k: usize| tokens[k].kind == TokenKind::Word;
    let group_noun = |k: usize| is_word(k) && lex.group_nouns.contains(lower(k));
    let capitalised =
        |k: usize| is_word(k) && word(k).starts_with(char::is_uppercase) && !lex.function_words.contains(lower(k));
    let modifier = |w: &str| {
        (lex.titles.contains(w) || lex.title_phrase_words.contains(w) && !matches!(w, "of" | "the"))
            || lex.org_nouns.contains(w)
            || lex.group_camps.contains_key(w)
            || lex.allegiant_groups.contains(w)
            || lex.group_nouns.contains(&format!("{w}s"))
    };
    let mut out = Vec::new();
    for head in first..end {
        // Not a word of a name ("United Nations", "Doctors Without Borders").
        let in_name = !within(ctx.entities, tokens[head].span).is_empty()
            || ctx.entities[..ctx.entities.partition_point(|e| e.span.start < tokens[head].span.start)]
                .last()
                .is_some_and(|e| e.span.end > tokens[head].span.start);
        if !group_noun(head) || head + 1 < end && group_noun(head + 1) || in_name {
            continue;
        }
        // Leftwards over the phrase's modifiers, to its determiner.
        let mut start = head;
        while start > first {
            let k = start - 1;
            let lw = lower(k);
            let list_joint = (lw == "," || lw == "and") && k > first && capitalised(k - 1) && capitalised(start);
            if lex.determiners.contains(lw) {
                // "the two companies", "their many supporters".
                start = if k > first && lex.determiners.contains(lower(k - 1)) { k - 1 } else { k };
                break;
            }
            if tokens[k].kind == TokenKind::Number || list_joint || capitalised(k) || is_word(k) && modifier(lw) {
                start = k;
            } else {
                break;
            }
        }
        // "thousands of protesters", "some of the workers".
        if start >= first + 2 && lower(start - 1) == "of" {
            let q = start - 2;
            if tokens[q].kind == TokenKind::Number || lex.group_quantities.contains(lower(q)) {
                start = q;
            }
        }
        // "Tarn Shipping and its rivals", "foreign minister Ana Costa and her counterparts".
        if start >= first + 2 && lower(start - 1) == "and" {
            let before = tokens[start - 2].span.end;
            let ending = ctx.entities[..ctx.entities.partition_point(|e| e.span.start < before)].last();
            if let Some(e) = ending.filter(|e| e.span.end == before && e.span.start >= from) {
                start = tokens.partition_point(|t| t.span.start < e.span.start);
                while start > first && {
                    let lw = lower(start - 1);
                    capitalised(start - 1) || is_word(start - 1) && modifier(lw) || lex.determiners.contains(lw)
                } {
                    start -= 1;
                }
            }
        }
        // "officials in Tarn", "workers at the Tarn Shipping yard" stop at the name.
        let mut last = tokens[head].span.end;
        if head + 1 < end && lex.head_noun_prepositions.contains(lower(head + 1)) {
            let after = if head + 2 < end && lower(head + 2) == "the" { head + 3 } else { head + 2 };
            let starting = |k: usize| {
                let i = ctx.entities.partition_point(|e| e.span.start < tokens[k].span.start);
                ctx.entities.get(i).filter(|e| e.span.start == tokens[k].span.start)
            };
            if let Some(e) = (after < end).then(|| starting(after)).flatten() {
                last = last.max(e.span.end.min(to));
            }
        }
        let object = start > first && {
            let lw = lower(start - 1);
            lex.object_prepositions.contains(lw) || lex.group_object_prepositions.contains(lw)
        };
        out.push(DescribedGroup { span: Span::new(tokens[start].span.start as usize, last as usize), object });
    }
    out
}

/// True for a described speaker that is a group of people ("the foreign ministers", "protesters"):
/// a lower-case word of it is a plural ("-s", not "-ss", "-us" or "-is").
fn plural_description(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        w.len() > 3
            && w.starts_with(|c: char| c.is_lowercase())
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
    })
}

/// True for a described speaker that is one organisation, not a person nor a group: a determiner
/// and lower-case words, the last an organisation noun ("the industry publication", "the
/// agency"; not "the driver", "the protesters").
fn thing_description(ctx: &Ctx, name: &str) -> bool {
    determiner_modifiers_and_noun(ctx.lex, name).is_some_and(|(determiner, noun)| {
        ctx.lex.determiners.contains(&determiner) && ctx.lex.org_nouns.contains(&noun)
    })
}

/// The most recent person (or group) entity mentioned before `pos`, outside `exclude`.
fn antecedent<'a>(ctx: &Ctx<'a>, pos: u32, person: bool, exclude: Span) -> Option<&'a Entity> {
    let end = ctx.entities.partition_point(|e| e.span.start < pos);
    let quoted = quoted_elsewhere(ctx, pos);
    ctx.entities[..end].iter().rev().take(ANTECEDENT_REACH).find(|e| {
        !exclude.contains(e.span)
            && !quoted(e)
            && if person { e.kind == EntityKind::Person } else { matches!(e.kind, EntityKind::Org | EntityKind::Place) }
    })
}

/// For a pronoun at `pos` outside quotation marks, a test of whether a mention is inside a short
/// quotation (a nickname: "nicknamed the “Kim Kardashian of Pakistan”, she ..."): not what the
/// pronoun stands for. (Someone's longer words may name whom the pronoun means.)
fn quoted_elsewhere<'c>(ctx: &'c Ctx, pos: u32) -> impl Fn(&Entity) -> bool + 'c {
    let outside = quotation_around(ctx, Span::new(pos as usize, pos as usize + 1)).is_none();
    let short = |q: &Quote| q.inner.slice(ctx.text).split_whitespace().nth(NICKNAME_WORDS).is_none();
    move |e: &Entity| outside && quotation_around(ctx, e.span).is_some_and(short)
}

/// Words naming an entity: that entity, or the person whose surname it is.
fn named_entity(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let entity = head_entity(ctx, p.words)?;
    let id = ctx.names.person_or_self(ctx.clusters, entity.cluster);
    let cluster = ctx.clusters.by_id(id);
    let mut evidence = Vec::new();
    if id != entity.cluster {
        let note = format!("'{}' is the surname of {}", entity.span.slice(ctx.text), cluster.name);
        evidence.push(Evidence::at(entity.span, note));
    }
    let note = format!("speaker is the {} {}", cluster.kind.label().to_lowercase(), ctx.names.shown(id));
    evidence.push(Evidence::at(entity.span, note));
    Some(Resolved::new(Speaker { span: p.words, name: ctx.names.shown(id).to_string(), cluster: Some(id) }, evidence))
}

/// The entity a speaker phrase names: the first person that is not an owner, then an
/// organisation, then a place; for "a spokesperson for X" or "one of the officials" no entity is
/// the speaker itself.
fn head_entity<'a>(ctx: &Ctx<'a>, phrase: Span) -> Option<&'a Entity> {
    let text = ctx.text;
    let inside = within(ctx.entities, before_reaching_name(ctx.tokens, ctx.lower, ctx.lex, ctx.entities, phrase));
    let first = inside.first()?;
    // "The mayor of London, Sadiq Khan": a description with no person in it, then a person in
    // apposition after its comma, who is the head.
    if let Some(comma) = phrase.slice(text).find(',').map(|k| phrase.start + k as u32) {
        let person = |e: &&Entity| e.kind == EntityKind::Person && !possessed(text, e);
        if !inside.iter().any(|e| e.span.end <= comma && person(&e)) {
            if let Some(named) = inside.iter().find(|e| e.span.start > comma && person(e)) {
                return Some(named);
            }
        }
    }
    // "Spokespeople for Michel": the head noun comes before the entity, joined by a preposition.
    let lead = Span::new(phrase.start as usize, first.span.start as usize).slice(text).to_lowercase();
    if lead.split_whitespace().last().is_some_and(|w| ctx.lex.head_noun_prepositions.contains(w)) {
        return None;
    }
    // "USCG Captain Monica Rochester", "Former Trump adviser Michael Flynn": before an
    // appositive's comma, the last person is the head, the ones before it modify it.
    let comma = phrase.slice(text).find(',').map_or(phrase.end, |k| phrase.start + k as u32);
    let head_person = inside
        .iter()
        .rev()
        .filter(|e| e.span.end <= comma && e.kind == EntityKind::Person && !possessed(text, e))
        .find(|e| !after_object_preposition(ctx, e));
    if head_person.is_some() {
        return head_person;
    }
    [EntityKind::Person, EntityKind::Org, EntityKind::Place].iter().find_map(|kind| {
        inside
            .iter()
            .find(|e| e.kind == *kind && !possessed(text, e))
            .or_else(|| inside.iter().rev().find(|e| e.kind == *kind))
    })
}

/// True when the entity is an owner ("Aliyev’s adviser", "Hamas' rival"), not the head.
fn possessed(text: &str, entity: &Entity) -> bool {
    let rest = &text[entity.span.end as usize..];
    rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ") || rest.starts_with("’ ")
}

/// "They released a statement which said", "Part of the judge's statement reads", "Their letter
/// read", "The statement said": a document (lexicon `author_documents.txt`) speaks for its author:
/// the issuer before a verb of issuing, the owner it names, or, for "the statement", the speaker
/// of the last claim whose speaker words name such a document.
fn document_author(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let base = p.text.as_ptr() as usize;
    let words: Vec<(usize, &str)> = p.text.split_whitespace().map(|w| (w.as_ptr() as usize - base, w)).collect();
    let head = words.last()?.1.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if words.len() < 2 || !ctx.lex.author_documents.contains(&head) {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let end_of = |k: usize| words[k].0 + words[k].1.len();
    // The author's words, (start, end) in bytes of the phrase, or a pronoun for a possessive.
    let issuer =
        (1..words.len() - 1).find(|&k| ctx.lex.speech_noun_verbs.contains(&lower[k])).map(|k| (0, end_of(k - 1)));
    let owner = || {
        let k = (0..words.len() - 1).rev().find(|&k| lower[k].ends_with("'s") || lower[k].ends_with("’s"))?;
        let from = (0..k).rev().find(|&j| lower[j] == "of").map_or(0, |j| j + 1);
        let apostrophe = words[k].1.rfind(['\'', '’'])?;
        (words[k].0 + apostrophe > words[from].0).then(|| (words[from].0, words[k].0 + apostrophe))
    };
    let author = match issuer.or_else(owner) {
        Some((start, end)) => {
            let words = Span::new(p.words.start as usize + start, p.words.start as usize + end);
            let sub = Phrase { words, text: &p.text[start..end], claim: p.claim, earlier: p.earlier };
            let resolved = RESOLVERS.iter().find_map(|resolve| resolve(ctx, &sub)).unwrap_or_else(|| description(&sub));
            (resolved.speaker.name, resolved.speaker.cluster)
        }
        None => match lower[0].as_str() {
            possessive @ ("his" | "her" | "its" | "their") => {
                // The pronoun the possessive stands for, a closed class written here.
                let subject = match possessive {
                    "his" => "he",
                    "her" => "she",
                    "its" => "it",
                    _ => "they",
                };
                let words = Span::new(p.words.start as usize, p.words.start as usize + words[0].1.len());
                let sub = Phrase { words, text: subject, claim: p.claim, earlier: p.earlier };
                let resolved = pronoun(ctx, &sub)?;
                resolved.speaker.cluster?;
                (resolved.speaker.name, resolved.speaker.cluster)
            }
            determiner if ctx.lex.referring_determiners.contains(determiner) => {
                let singular = head.trim_end_matches('s');
                // Its speaker words or the words between them and its content ("Ana Lee
                // said in a statement that ...") name the document.
                let names_it = |c: &&Claim| {
                    c.speaker.as_ref().is_some_and(|s| {
                        let (from, to) = (s.span.start.min(c.span.end), s.span.end.max(c.span.start));
                        s.span != p.words
                            && ctx.text[from as usize..to as usize].to_lowercase().split_whitespace().any(|w| {
                                w.trim_matches(|c: char| !c.is_alphanumeric()).trim_end_matches('s') == singular
                            })
                    })
                };
                let earlier = p.earlier.iter().rev().take(SAME_ROLE_REACH).find(names_it)?.speaker.as_ref()?;
                (earlier.name.clone(), earlier.cluster)
            }
            _ => return None,
        },
    };
    let (name, cluster) = author;
    let note = format!("'{}' speaks for its author, {name}", p.text);
    Some(Resolved::new(Speaker { span: p.words, name, cluster }, vec![Evidence::at(p.words, note)]))
}

/// The earlier speaker a definite role refers back to: "the spokesperson" or "the official" is the
/// last claim's speaker described with that role word. A described speaker ("a spokesperson for
/// FIFA") stands for the body it names.
fn same_role_earlier(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let (determiner, role) = determiner_and_noun(p.text)?;
    if determiner != "the" || !ctx.lex.titles.contains(&role) {
        return None;
    }
    let Some(earlier) = p.earlier.iter().rev().take(SAME_ROLE_REACH).filter_map(|c| c.speaker.as_ref()).find(|s| {
        s.span != p.words && s.span.slice(ctx.text).to_lowercase().split_whitespace().any(|w| w == role.as_str())
    }) else {
        return person_with_title(ctx, p, &role);
    };
    let body = || {
        within(ctx.entities, earlier.span)
            .iter()
            .rev()
            .find(|e| matches!(e.kind, EntityKind::Org | EntityKind::Place))
            .map(|e| e.cluster)
    };
    let note = format!("'{}' is the speaker named earlier: {}", p.text, earlier.name);
    Some(Resolved::new(
        Speaker { span: p.words, name: earlier.name.clone(), cluster: earlier.cluster.or_else(body) },
        vec![Evidence::at(earlier.span, note)],
    ))
}

/// "The president said" with no earlier claim by a president: the last person named with that
/// title before ("President Trump's diagnosis", "Turkish President Recep Tayyip Erdoğan",
/// "industry commissioner Albert Muchanga").
fn person_with_title(ctx: &Ctx, p: &Phrase, role: &str) -> Option<Resolved> {
    let end = ctx.entities.partition_point(|e| e.span.start < p.words.start);
    let e = ctx.entities[..end].iter().rev().take(ANTECEDENT_REACH).find(|e| {
        e.kind == EntityKind::Person
            && ctx.text[..e.span.start as usize]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case(role))
    })?;
    let id = ctx.names.person_or_self(ctx.clusters, e.cluster);
    let name = ctx.names.shown(id).to_string();
    let note = format!("'{}' is the person named earlier with that title: {name}", p.text);
    Some(Resolved::new(Speaker { span: p.words, name, cluster: Some(id) }, vec![Evidence::at(e.span, note)]))
}

/// The owner of "his lawyers", "her office" or "its spokesman": the last person (for his and
/// her) or organisation or place (for its and their) named before the description.
fn owner_of_description(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let phrase = p.text.to_lowercase();
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let person = if ctx.lex.person_possessives.contains(parts[0]) {
        true
    } else if ctx.lex.group_possessives.contains(parts[0]) {
        false
    } else {
        return None;
    };
    let e = antecedent(ctx, p.words.start, person, p.words)?;
    let owner = ctx.names.shown(e.cluster);
    let note = format!("'{}' speak for {owner}, named before", p.text);
    // Named as whose they are: "his lawyers" → "Maria Santos's lawyers".
    let rest = p.text.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
    let name = format!("{owner}'s {rest}");
    Some(Resolved::new(Speaker { span: p.words, name, cluster: Some(e.cluster) }, vec![Evidence::at(p.words, note)]))
}

/// The organisation a definite description stands for: "the ministry" is the last organisation
/// named earlier with "Ministry" in its name; "the company" or "the group" (a kind, not a name
/// word) is the last organisation named earlier, and so is "the industry publication" (lower-case
/// words before an organisation noun).
fn organisation_named_before(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let (determiner, noun) = determiner_and_noun(p.text).or_else(|| determiner_modifiers_and_noun(ctx.lex, p.text))?;
    if !ctx.lex.referring_determiners.contains(&determiner) {
        return None;
    }
    let e = organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, &noun, p.words.start)?;
    let shown = ctx.names.shown(e.cluster);
    Some(Resolved::new(
        Speaker { span: p.words, name: shown.to_string(), cluster: Some(e.cluster) },
        vec![Evidence::at(e.span, format!("'{}' taken as {shown}, named earlier", p.text))],
    ))
}

/// A speaker phrase of a determiner and one to three lower-case words, the last its noun, none
/// pointing to another organisation (lexicon `other_organisation_modifiers.txt`: "the rival
/// company"): ("the", "publication") for "The industry publication".
fn determiner_modifiers_and_noun(lex: &Lexicon, phrase: &str) -> Option<(String, String)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let lower_word = |w: &&str| w.chars().all(|c| c.is_lowercase());
    let another = |w: &&str| lex.other_organisation_modifiers.contains(*w);
    if !(2..=4).contains(&words.len()) || !words[1..].iter().all(lower_word) || words[1..].iter().any(another) {
        return None;
    }
    Some((words[0].to_lowercase(), words[words.len() - 1].to_string()))
}

/// A speaker phrase of two words, lower case: ("the", "ministry").
fn determiner_and_noun(phrase: &str) -> Option<(String, String)> {
    let phrase = phrase.to_lowercase();
    let mut parts = phrase.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(determiner), Some(noun), None) => Some((determiner.to_string(), noun.to_string())),
        _ => None,
    }
}

/// A surname the recogniser missed ("Hajiyev said ...") names the person it shortens.
fn missed_surname(ctx: &Ctx, p: &Phrase) -> Option<Resolved> {
    let &id = ctx.names.person_by_surname.get(p.text.trim())?;
    let note = format!("'{}' is the surname of {}", p.text, ctx.clusters.by_id(id).name);
    Some(Resolved::new(
        Speaker { span: p.words, name: ctx.names.shown(id).to_string(), cluster: Some(id) },
        vec![Evidence::at(p.words, note)],
    ))
}

/// Words no resolver placed: a description ("a senior official"), spaces made single.
fn description(p: &Phrase) -> Resolved {
    Resolved::new(
        Speaker { span: p.words, name: p.text.split_whitespace().collect::<Vec<_>>().join(" "), cluster: None },
        vec![Evidence::at(p.words, "speaker is a description, not a named entity")],
    )
}

/// Names and links computed once per text: the surface name of each cluster, and for each
/// one-word name the person whose surname it is.
struct Names {
    /// The name to show for each cluster: its canonical name if the text uses it, else its longest mention.
    shown: Vec<String>,
    /// Surname → the person cluster whose full name ends with it (first such person).
    person_by_surname: FxHashMap<String, ClusterId>,
}

impl Names {
    fn new(text: &str, entities: &[Entity], clusters: &[Cluster]) -> Names {
        let mut shown = Vec::with_capacity(clusters.len());
        let mut person_by_surname = FxHashMap::default();
        for (i, cluster) in clusters.iter().enumerate() {
            let forms = cluster.mentions.iter().filter_map(|m| entities.get_by_id(*m)).map(|e| e.span.slice(text));
            let uses_canonical = cluster
                .mentions
                .iter()
                .filter_map(|m| entities.get_by_id(*m))
                .any(|e| e.span.slice(text) == cluster.name);
            let name = if uses_canonical || cluster.mentions.is_empty() {
                cluster.name.clone()
            } else {
                forms.max_by_key(|f| f.len()).unwrap_or(&cluster.name).to_string()
            };
            shown.push(name);
            if cluster.kind == EntityKind::Person {
                let words: Vec<&str> = cluster.name.split_whitespace().collect();
                if words.len() >= 2 {
                    person_by_surname.entry(words[words.len() - 1].to_string()).or_insert(ClusterId(i as u32));
                }
            }
        }
        Names { shown, person_by_surname }
    }

    /// The name to show for the cluster.
    fn shown(&self, cluster: ClusterId) -> &str {
        &self.shown[cluster.0 as usize]
    }

    /// The cluster a mention stands for: a place or organisation named like a person's surname
    /// is that person.
    fn person_or_self(&self, clusters: &[Cluster], cluster: ClusterId) -> ClusterId {
        let c = clusters.by_id(cluster);
        if c.kind != EntityKind::Person && !c.name.contains(' ') {
            if let Some(&person) = self.person_by_surname.get(&c.name) {
                return person;
            }
        }
        cluster
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::LEXICON;
    use crate::analysis::EntityId;

    fn entity(text: &str, name: &str, kind: EntityKind, cluster: u32) -> Entity {
        let start = text.find(name).expect("name in text");
        Entity {
            span: Span::new(start, start + name.len()),
            kind,
            cluster: ClusterId(cluster),
            confidence: 1.0,
            evidence: Vec::new(),
        }
    }

    /// The speaker of the last claim of `text`: its words and the name of its cluster.
    /// The last claim's speaker words and the name it is given.
    fn last_speaker_named(text: &str) -> (String, String) {
        let analysis = crate::analysis::analyze(text);
        let speaker = analysis.claims.last().and_then(|c| c.speaker.as_ref()).expect("a speaker");
        (speaker.span.slice(text).to_string(), speaker.name.clone())
    }

    fn last_speaker(text: &str) -> (String, Option<String>) {
        let analysis = crate::analysis::analyze(text);
        let claim = analysis.claims.last().expect("a claim");
        let speaker = claim.speaker.as_ref().expect("a speaker");
        (speaker.span.slice(text).to_string(), speaker.cluster.map(|c| analysis.cluster(c).name.clone()))
    }

    /// (text, the speaker words, the name of the cluster they resolve to)
    #[test]
    fn descriptions_resolve_to_who_they_speak_for() {
        let table = [
            ("The club dropped Maria Santos. Her lawyers said the club owed her money.", "Her lawyers", "Maria Santos"),
            (
                "The Ministry of Health met doctors. The ministry said funding had risen.",
                "The ministry",
                "Ministry of Health",
            ),
            ("Workers at Tarn Shipping walked out. The company said costs had risen.", "The company", "Tarn Shipping"),
            (
                "A spokesperson for FIFA said the case was closed. The spokesperson said talks would follow.",
                "The spokesperson",
                "FIFA",
            ),
        ];
        for (text, words, want) in table {
            assert_eq!(last_speaker(text), (words.to_string(), Some(want.to_string())), "{text}");
        }
    }

    /// "several" alone speaks for some of the group described before, not for a group inside
    /// what the previous speaker said, nor for an organisation.
    #[test]
    fn a_quantity_speaks_for_the_group_described_before() {
        let table = [
            (
                "Thousands of farmers marched in Lisbon. One farmer said prices had fallen and several said the ministry ignored them.",
                Some("Thousands of farmers"),
            ),
            (
                "The farmers marched in Lisbon. Some of the farmers said that townspeople supported them. Several said the ministry ignored them.",
                Some("Some of the farmers"),
            ),
            ("Tarn Shipping cut wages. Several said costs had risen.", None),
        ];
        for (text, want) in table {
            let analysis = crate::analysis::analyze(text);
            let speaker = analysis.claims.last().and_then(|c| c.speaker.as_ref()).expect("a speaker");
            assert!(speaker.span.slice(text).eq_ignore_ascii_case("several"), "{text}");
            assert_eq!(speaker.cluster, None, "{text}");
            let group = (speaker.name != speaker.span.slice(text)).then_some(speaker.name.as_str());
            assert_eq!(group, want, "{text}");
        }
    }

    /// "his lawyers" is named as whose lawyers they are.
    #[test]
    fn an_owned_description_is_named_with_its_owner() {
        let text = "The club dropped Maria Santos. Her lawyers said the club owed her money.";
        assert_eq!(last_speaker_named(text).1, "Maria Santos's lawyers");
    }

    /// (text, the speaker words, the name of the cluster they resolve to)
    #[test]
    fn pronouns_resolve_to_their_antecedent() {
        let table = [
            ("Maria Santos left the club. She said it owed her money.", "She", Some("Maria Santos")),
            ("Tarn Shipping cut wages. It said costs had risen.", "It", Some("Tarn Shipping")),
            ("He said the club owed him money.", "He", None),
            // A name in a nickname's quotation marks is not what a pronoun outside stands for.
            (
                "Ana Lee, nicknamed the “Maria Santos of Tarn”, left the club. She said it owed her money.",
                "She",
                Some("Ana Lee"),
            ),
            // A speaker named after the pronoun is not what it refers to.
            (
                "The Harbour Gazette stated the ferry struck the pier. It quoted the captain as saying the fog was thick, and claimed a second ferry was late.",
                "It",
                Some("Harbour Gazette"),
            ),
            // In the pronoun's own sentence, the object of a preposition is not its antecedent.
            (
                "Maria Santos met reporters. Speaking to Tom Hale of the Courier, she said the club owed her money.",
                "she",
                Some("Maria Santos"),
            ),
            // In the sentence before, an object (after a lower-case noun too) is passed over for
            // another person of that sentence, but taken when there is none.
            (
                "Maria Santos spoke for the first time since she was fined by Tom Hale. She said the fine was unfair.",
                "She",
                Some("Maria Santos"),
            ),
            (
                "Maria Santos praised the memory of reporter Tom Hale on Monday. She said he was brave.",
                "She",
                Some("Maria Santos"),
            ),
            (
                "Tom Hale said the police had come. Officers spoke with Maria Santos. She said she had left.",
                "She",
                Some("Maria Santos"),
            ),
            // "The president" with no earlier claim by a president: the person named with that title.
            (
                "President Ana Costa visited Tarn on Monday. The president said the port would reopen.",
                "The president",
                Some("Ana Costa"),
            ),
            (
                "The port's trade commissioner Ana Costa visited Tarn. The commissioner said the port would reopen.",
                "The commissioner",
                Some("Ana Costa"),
            ),
        ];
        for (text, words, want) in table {
            assert_eq!(last_speaker(text), (words.to_string(), want.map(String::from)), "{text}");
        }
    }

    #[test]
    fn they_reaches_back_over_sentences_about_them() {
        let text = "The research team sampled the lake. They were able to read the cores. \
                    These they compared to those of Peru. They found the lake had dried twice.";
        assert_eq!(last_speaker_named(text), ("They".to_string(), "team".to_string()));
    }

    /// A description with a person in apposition is that person, even after "of".
    #[test]
    fn a_person_in_apposition_after_a_description_is_the_head() {
        let text = "The mayor of Oslo, Ana Lee, said the port would reopen on Monday.";
        assert_eq!(last_speaker(text), ("The mayor of Oslo, Ana Lee".to_string(), Some("Ana Lee".to_string())));
    }

    /// A description with modifiers before an organisation noun is the organisation named before.
    #[test]
    fn a_modified_organisation_noun_is_the_organisation_named_before() {
        let text = "The Harbour Gazette reported on the ferry from Oslo. The trade publication stated the ferry struck the pier.";
        assert_eq!(last_speaker(text), ("The trade publication".to_string(), Some("Harbour Gazette".to_string())));
    }

    /// "It" after a claim of a described thing is that thing, not a place named before it.
    #[test]
    fn it_resolves_to_the_thing_described_before() {
        let text = "The ferry was meant to dock at Vell, not at Marrow Point. The trade publication stated the ferry struck the pier. \
                    It cited the harbour master as saying the tide was low, and claimed the pier was old.";
        assert_eq!(last_speaker_named(text), ("It".to_string(), "The trade publication".to_string()));
    }

    /// (text, the speaker words, the name of the cluster they resolve to)
    #[test]
    fn documents_speak_for_their_author() {
        let table = [
            (
                "The Tarn Port Authority met the unions. They released a statement which said the port would reopen.",
                "They released a statement",
                Some("Tarn Port Authority"),
            ),
            (
                "Judge Ana Costa heard the case. Part of the judge's ruling said the port must reopen.",
                "Part of the judge's ruling",
                Some("Ana Costa"),
            ),
            ("Tarn Shipping cut wages. Its statement said costs had risen.", "Its statement", Some("Tarn Shipping")),
            (
                "Maria Santos said in a statement that the club owed her money. The statement said she would sue.",
                "The statement",
                Some("Maria Santos"),
            ),
        ];
        for (text, words, want) in table {
            assert_eq!(last_speaker(text), (words.to_string(), want.map(String::from)), "{text}");
        }
    }

    /// The claims of `text`: (content, speaker name).
    fn claims_of(text: &str) -> Vec<(String, String)> {
        let analysis = crate::analysis::analyze(text);
        analysis
            .claims
            .iter()
            .map(|c| (c.span.slice(text).to_string(), c.speaker.as_ref().map_or(String::new(), |s| s.name.clone())))
            .collect()
    }

    #[test]
    fn a_short_evaluation_joins_the_speakers_neighbouring_claim() {
        let text = "Tom Hale called the plan “a fantasy” and said the port would close.";
        assert_eq!(
            claims_of(text),
            vec![("the plan “a fantasy” and said the port would close".to_string(), "Tom Hale".to_string())]
        );
        let text = "Ana Lee said the port would close. Tom Hale called the plan “a fantasy”.";
        assert_eq!(claims_of(text).len(), 2, "another speaker's claim does not take it");
    }

    #[test]
    fn group_pronoun_after_a_described_group_is_that_group() {
        let text = "The foreign ministers said the deal was void. They said Oskaria must stop drilling.";
        assert_eq!(last_speaker_named(text), ("They".to_string(), "The foreign ministers".to_string()));
    }

    /// (text, the name "They" resolves to): a plural group a noun phrase describes, when it is the
    /// first candidate of the nearest sentence that has one, else the organisation or place.
    #[test]
    fn they_resolves_to_a_described_group() {
        let table = [
            (
                "Thousands of protesters marched through Tarn on Friday. They said the new law must be scrapped.",
                "Thousands of protesters",
            ),
            ("Union leaders met the mayor of Tarn on Monday. They said the strike would go on.", "Union leaders"),
            ("The two companies signed a deal in Oskaria on Monday. They said prices would fall.", "The two companies"),
            ("Officials in Tarn met reporters on Monday. They said the port would reopen.", "Officials in Tarn"),
            (
                "Foreign minister Ana Costa and her Oskarian counterparts met in Tarn. They said the border would stay open.",
                "Foreign minister Ana Costa and her Oskarian counterparts",
            ),
            // A place named before the group in the sentence does not take the pronoun.
            (
                "In Tarn, the protesters' demands include an inquiry into the arrests. They said the mayor must resign.",
                "the protesters",
            ),
            // An object group, when its sentence has no other candidate.
            ("The court ruled against the strikers on Monday. They said they would appeal.", "the strikers"),
            // An organisation named first in the sentence keeps the pronoun; a name in the group
            // is not the group, nor a candidate of its own.
            ("Tarn Shipping sued the protesters in Oskaria. They said the blockade had cost millions.", "Tarn Shipping"),
            ("The United Nations met Tarn officials on Monday. They said aid would reach the port.", "United Nations"),
            ("Tarn Shipping cut wages on Monday. They said costs had risen.", "Tarn Shipping"),
        ];
        for (text, want) in table {
            assert_eq!(last_speaker_named(text), ("They".to_string(), want.to_string()), "{text}");
        }
    }

    #[test]
    fn head_entity_skips_owners() {
        let text = "Tom Hale's aide Ann Lee said so.";
        let entities =
            vec![entity(text, "Tom Hale", EntityKind::Person, 0), entity(text, "Ann Lee", EntityKind::Person, 1)];
        let ctx = Ctx {
            text,
            lex: &LEXICON,
            tokens: &[],
            lower: &LowerTokens::default(),
            sentences: &[],
            quotes: &[],
            entities: &entities,
            clusters: &[],
            names: Names { shown: Vec::new(), person_by_surname: FxHashMap::default() },
        };
        let phrase = Span::new(0, text.find(" said").unwrap());
        assert_eq!(head_entity(&ctx, phrase).map(|e| e.cluster), Some(ClusterId(1)));
    }

    /// Before an appositive's comma the last person is the head; after the comma, the first.
    #[test]
    fn head_entity_is_the_last_person_before_a_comma() {
        let table = [
            ("Former Costa adviser Maria Santos said so.", "Maria Santos"),
            ("Maria Santos, an adviser to Tom Hale, said so.", "Maria Santos"),
        ];
        for (text, want) in table {
            let names: Vec<&str> =
                ["Costa", "Maria Santos", "Tom Hale"].into_iter().filter(|n| text.contains(n)).collect();
            let entities: Vec<Entity> =
                names.iter().enumerate().map(|(i, n)| entity(text, n, EntityKind::Person, i as u32)).collect();
            let ctx = Ctx {
                text,
                lex: &LEXICON,
                tokens: &[],
                lower: &LowerTokens::default(),
                sentences: &[],
                quotes: &[],
                entities: &entities,
                clusters: &[],
                names: Names { shown: Vec::new(), person_by_surname: FxHashMap::default() },
            };
            let phrase = Span::new(0, text.find(" said").unwrap());
            let got = head_entity(&ctx, phrase).map(|e| e.span.slice(text));
            assert_eq!(got, Some(want), "{text}");
        }
    }

    #[test]
    fn names_use_the_texts_form_and_link_surnames() {
        let text = "NATO met Ana Silva. Silva spoke.";
        let mut entities =
            vec![entity(text, "NATO", EntityKind::Org, 0), entity(text, "Ana Silva", EntityKind::Person, 1)];
        let second = text.rfind("Silva").unwrap();
        entities.push(Entity {
            span: Span::new(second, second + 5),
            kind: EntityKind::Place,
            cluster: ClusterId(2),
            confidence: 1.0,
            evidence: Vec::new(),
        });
        let clusters = vec![
            Cluster {
                name: "North Atlantic Treaty Organization".into(),
                kind: EntityKind::Org,
                mentions: vec![EntityId(0)],
            },
            Cluster { name: "Ana Silva".into(), kind: EntityKind::Person, mentions: vec![EntityId(1)] },
            Cluster { name: "Silva".into(), kind: EntityKind::Place, mentions: vec![EntityId(2)] },
        ];
        let names = Names::new(text, &entities, &clusters);
        assert_eq!(names.shown(ClusterId(0)), "NATO", "the gazetteer's long form is not in the text");
        assert_eq!(
            names.person_or_self(&clusters, ClusterId(2)),
            ClusterId(1),
            "a place named like a surname is the person"
        );
    }
}
