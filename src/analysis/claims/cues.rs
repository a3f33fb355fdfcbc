//! Reporting cues: which words of a sentence report speech ("said", "according to", "issuing a
//! warning that"), and which look like cues but are not (nouns, passives, idioms such as
//! "claimed ten lives").

use super::doc::Doc;
use super::speaker::{adverb_in_verb_group, phrase_is_a_clause, quoting_verb_before, speaker_left, speaker_right};
use crate::analysis::document::is_capitalised;
use crate::analysis::model::TokenKind;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum CueKind {
    /// A reporting verb ("said", "has claimed"), or a verb and a speech noun ("made the promise that").
    Verb,
    /// A participle continuing the sentence (", adding that", "Adding that ...").
    Participle,
    /// "according to".
    AccordingTo,
    /// A colon opening a quotation after a clause with no reporting verb ("Bolton gave his own
    /// account on Twitter: “...”"): the clause's subject may be its speaker.
    Colon,
}

/// A reporting cue: tokens `first..end`.
pub(super) struct Cue {
    pub first: usize,
    pub end: usize,
    pub kind: CueKind,
    /// The verb's lemma ("say"), or the speech noun for "issuing a warning".
    pub lemma: String,
}

/// The cues of the sentence `[a, b)`, in order. Words inside quotations are not cues.
pub(super) fn find_cues(doc: &Doc, a: usize, b: usize) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = a;
    while i < b {
        if cues.is_empty() && colon_opens_quotation(doc, a, i, b) {
            cues.push(Cue { first: i, end: i + 1, kind: CueKind::Colon, lemma: ":".into() });
            i += 1;
            continue;
        }
        if !doc.is_word(i) || doc.inside_quote(i) {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        if let Some(cue) = according_to_at(doc, i, b, lower) {
            // Its source names no cue of its own ("according to a 2019 Navy report").
            i = speaker_right(doc, cue.end, b).1.max(cue.end);
            cues.push(cue);
            continue;
        }
        if let Some(cue) = speech_noun_cue_at(doc, a, i, b, lower) {
            // The verb and noun together replace a cue found between them.
            if cues.last().is_some_and(|c| c.end > cue.first) {
                cues.pop();
            }
            i = cue.end;
            cues.push(cue);
            continue;
        }
        if let Some(cue) = verb_cue_at(doc, a, i, b, lower, !cues.is_empty()) {
            // "which was one of his campaign promises", "Tapia said the crew had ignored three
            // radio calls": the words left of the form make a clause with a verb of its own, so
            // the form is a noun or that clause's verb; no one is reporting here. (Not an "-ing"
            // form: "tried to have him released by saying" has its speaker elsewhere.)
            let (start, end) = speaker_left(doc, cues.last().map_or(a, |c| c.end), cue.first);
            if cue.kind == CueKind::Verb && !doc.lower(i).ends_with("ing") && phrase_is_a_clause(doc, start, end) {
                i += 1;
                continue;
            }
            cues.push(cue);
        } else if !cues.is_empty() {
            cues.extend(coordinated_quoting_verb_at(doc, a, i, b, lower));
        }
        i += 1;
    }
    // "cited Budi Gunawan as saying ...": the quoting verb reports no claim of its own; the cue
    // after "as" does, with the one quoted as its speaker.
    let quoting: Vec<usize> = cues.iter().filter_map(|c| quoting_verb_before(doc, a, c.first)).collect();
    cues.retain(|c| !quoting.contains(&c.first));
    cues
}

/// True when token `i` of the sentence `[a, b)`, outside quotations and after some words, is a
/// colon right before a quotation's opening mark, or a comma before a quotation that ends the
/// sentence.
fn colon_opens_quotation(doc: &Doc, a: usize, i: usize, b: usize) -> bool {
    if !(i > a + 1 && i + 1 < b && matches!(doc.piece(i), ":" | ",") && !doc.inside_quote(i)) {
        return false;
    }
    let Some(q) = doc.quote_opening_at(i + 1) else { return false };
    doc.piece(i) == ":" || doc.token_from(q.span.end) + 1 >= b
}

/// "went on to say", "proceeded to deny": the first token of the words before "to" that make the
/// bare reporting verb at `i` report (reporting_infinitive_openers.txt: one or two words), if
/// they stand there; after any other "to" the verb is a plan or a refusal ("declined to say").
fn reporting_infinitive(doc: &Doc, a: usize, i: usize) -> Option<usize> {
    if i < a + 2 || doc.lower(i - 1) != "to" {
        return None;
    }
    let openers = &doc.lex.reporting_infinitive_openers;
    let one = doc.lower(i - 2);
    if openers.contains(one) {
        return Some(i - 2);
    }
    (i >= a + 3 && openers.contains(&format!("{} {one}", doc.lower(i - 3)))).then(|| i - 3)
}

/// "according to" at token `i` (`lower`: the token in lower case, as in the functions below).
pub(super) fn according_to_at(doc: &Doc, i: usize, b: usize, lower: &str) -> Option<Cue> {
    (lower == "according" && i + 1 < b && doc.lower(i + 1) == "to").then(|| Cue {
        first: i,
        end: i + 2,
        kind: CueKind::AccordingTo,
        lemma: "according to".into(),
    })
}

/// "issuing a dire warning that ...": a speech noun at token `i` with "that" or a colon after it
/// and, up to four words before it, a verb that makes it a cue. The cue runs from that verb.
fn speech_noun_cue_at(doc: &Doc, a: usize, i: usize, b: usize, lower: &str) -> Option<Cue> {
    let lex = doc.lex;
    // The cheap test first, as it runs on every word. (Only "that" in any case lower-cases to
    // "that": no other character lower-cases to "t", "h" or "a".)
    let that_or_colon = |k: usize| doc.piece(k).eq_ignore_ascii_case("that") || doc.piece(k) == ":";
    if !(i + 1 < b && that_or_colon(i + 1) && lex.speech_nouns.contains(lower)) {
        return None;
    }
    let k = (i.saturating_sub(4).max(a)..i).rev().find(|&k| doc.is_in(&lex.speech_noun_verbs, k))?;
    let participle = doc.lower(k).ends_with("ing") && (k == a || doc.piece(k - 1) == ",");
    let kind = if participle { CueKind::Participle } else { CueKind::Verb };
    Some(Cue { first: k, end: i + 1, kind, lemma: lower.to_string() })
}

/// "tweeted “...” and offered “...”": after an earlier cue of the sentence, a past form that
/// follows "and" and opens a quotation of its own reports that quotation, whatever the verb.
fn coordinated_quoting_verb_at(doc: &Doc, a: usize, i: usize, b: usize, lower: &str) -> Option<Cue> {
    let quotation_after = i + 1 < b && doc.is_quote_mark(i + 1) && doc.quote_opening_at(i + 1).is_some();
    let after_and = i > a && doc.lower(i - 1) == "and";
    (quotation_after && after_and && lower.ends_with("ed") && !is_capitalised(doc.piece(i))).then(|| Cue {
        first: i,
        end: i + 1,
        kind: CueKind::Verb,
        lemma: lower.to_string(),
    })
}

/// How far after a verb of `as_only_verbs.txt` its "as" may stand, in tokens.
const AS_REACH: usize = 10;

/// A reporting verb at token `i` of the sentence `[a, b)`, unless the form is a noun, a passive or
/// an idiom there. `after_a_cue`: the sentence has an earlier cue.
fn verb_cue_at(doc: &Doc, a: usize, i: usize, b: usize, lower: &str, after_a_cue: bool) -> Option<Cue> {
    let lemma = doc.lex.speech_verbs.get(lower)?;
    let form = VerbForm {
        doc,
        a,
        i,
        b,
        prev: if i > a { doc.lower(i - 1) } else { "" },
        next: if i + 1 < b { doc.lower(i + 1) } else { "" },
        participle: lower.ends_with("ing") && lower != lemma,
        opener: reporting_infinitive(doc, a, i),
        lower,
        lemma,
    };
    // Cue verbs are lower case, except a participle opening the sentence ("Adding that ...").
    let capital = is_capitalised(doc.piece(i));
    if form.blocked() || form.passive() || form.not_said() || capital && !(form.participle && i == a) {
        return None;
    }
    // "went on to cite the ruling": after its opener the infinitive reports only a clause.
    if form.opener.is_some() && !form.clause_follows() {
        return None;
    }
    // "..., adding that", "..., further saying", "“...,” further saying": a comma (or a closing
    // quotation mark after one), and at most an adverb of the verb group.
    let adverb_between = i > a + 1 && (doc.is_in(&doc.lex.verb_group_words, i - 1) || adverb_in_verb_group(doc, i - 1));
    let after_comma = i > a && ends_with_comma(doc, a, i - 1) || adverb_between && ends_with_comma(doc, a, i - 2);
    let absolute = doc.with_before_participle(a, i).is_some() || form.prev == "by";
    // "cited Budi Gunawan as saying ...": the quoting verb's cue gives way to this one.
    let quoted = quoting_verb_before(doc, a, i).is_some();
    if form.participle && !after_comma && i != a && after_a_cue && !absolute && !quoted {
        // "wrote to the embassy asking to ...": part of the earlier cue's content.
        return None;
    }
    // "that the government cease referring to the protests as riots": an "-ing" form of a verb of
    // naming reports only as a participle after a comma.
    if form.participle && !after_comma && doc.lex.as_only_verbs.contains(lemma) {
        return None;
    }
    let kind = if form.participle && (after_comma || i == a) { CueKind::Participle } else { CueKind::Verb };
    // "She went on to say": the cue runs from the words that make the infinitive report.
    Some(Cue { first: form.opener.unwrap_or(i), end: i + 1, kind, lemma: lemma.clone() })
}

/// True when token `k` (at or after `a`) is a comma, or a closing quotation mark right after one
/// ("“... billion,” further saying").
pub(super) fn ends_with_comma(doc: &Doc, a: usize, k: usize) -> bool {
    doc.piece(k) == "," || k > a && doc.closes_quote(k) && doc.piece(k - 1) == ","
}

/// A form of a reporting verb (token `i` of the sentence `[a, b)`) and the words either side.
struct VerbForm<'a> {
    doc: &'a Doc<'a>,
    a: usize,
    i: usize,
    b: usize,
    /// The form, lower case.
    lower: &'a str,
    lemma: &'a str,
    /// The words before and after, lower case ("" at the sentence's edge).
    prev: &'a str,
    next: &'a str,
    /// An "-ing" form other than the lemma.
    participle: bool,
    /// Where the words that make a bare infinitive report begin ("went on to say"), if any.
    opener: Option<usize>,
}

impl VerbForm<'_> {
    /// The word before it, or the form itself, shows a noun here ("the report", "several claims").
    fn blocked(&self) -> bool {
        self.doc.lex.not_a_cue_after.contains(self.prev) && self.opener.is_none()
            || self.prev == "-"
            || self.next == "-"
            || self.after_possessive()
            || self.adjective()
            || self.plural_noun()
            || self.bare_noun() && !self.past_form_beside_quotation()
            || self.noun_after_a_named_modifier()
    }

    /// "the US state of Alabama", "a BBC report on": a bare form after an article and a
    /// capitalised modifier, with "of" or "on" after it, is a noun.
    fn noun_after_a_named_modifier(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        self.lower == self.lemma
            && matches!(self.next, "of" | "on")
            && i >= self.a + 2
            && doc.capitalised(i - 1)
            && doc.is_in(&doc.lex.determiners, i - 2)
    }

    /// "The summary read in part: “...”": "read" is its own past form, a verb when a quotation
    /// stands beside it.
    fn past_form_beside_quotation(&self) -> bool {
        self.doc.lex.quote_only_verbs.contains(self.lemma) && self.quotation_beside()
    }

    /// "the President's claims", "protesters' demands": a noun after a possessive. ("he's said"
    /// is "he has said".)
    fn after_possessive(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        i >= self.a + 2
            && (matches!(self.prev, "'s" | "’s") || doc.is_apostrophe(i - 1))
            && !doc.is_in(&doc.lex.subject_pronouns, i - 2)
    }

    /// "over alleged plots", "suspected of asking for": an "-ed" or "-ing" form after a
    /// preposition is an adjective or a gerund.
    fn adjective(&self) -> bool {
        let lex = self.doc.lex;
        (self.lower.ends_with("ed") || self.participle) && lex.adjective_after.contains(self.prev)
            // "covering up and protecting alleged abusers": "alleged" before a noun, right after a
            // lower-case "-ing" form that follows "and" or a preposition (not "Beijing alleged",
            // "the ruling alleged", "having alleged").
            || self.lower == "alleged" && self.ing_form_after_and_or_preposition()
    }

    /// True when the word before the form is a lower-case "-ing" form after "and" or a
    /// preposition of adjective_after.txt, with a lower-case word after the form ("and
    /// protecting alleged abusers", "for investigating alleged fraud").
    fn ing_form_after_and_or_preposition(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        i >= self.a + 2
            && self.prev.ends_with("ing")
            && !doc.capitalised(i - 1)
            && (doc.lower(i - 2) == "and"
                || doc.lex.adjective_after.contains(doc.lower(i - 2))
                || doc.lower(i - 2) == "for")
            && i + 1 < self.b
            && doc.is_word(i + 1)
            && !doc.capitalised(i + 1)
            && self.next != "that"
    }

    /// "16 reports from the public", "media reports said", "member states were nervous",
    /// "retaliation claims often turn on timing": a plural noun, not a verb.
    fn plural_noun(&self) -> bool {
        let (doc, lex, i) = (self.doc, self.doc.lex, self.i);
        let compound = || lex.noun_compounds.contains(&format!("{} {}", self.prev, self.lower));
        self.lower.ends_with('s')
            && (i > self.a
                && (doc.tokens[i - 1].kind == TokenKind::Number
                    || lex.plural_noun_after.contains(self.prev)
                    || compound())
                || lex.auxiliaries.contains(self.next)
                || lex.plural_noun_before.contains(self.next))
    }

    /// A bare form ("say", "demand") is a verb after its plural or pronoun subject ("officials
    /// say", "we demand") or an auxiliary; after another lower-case word it is a noun ("to meet
    /// demand", "a claim").
    fn bare_noun(&self) -> bool {
        let (doc, lex, i) = (self.doc, self.doc.lex, self.i);
        // "officials say", but not "a distress call" ("-ss" is no plural).
        let plural_before = self.prev.ends_with('s') && !self.prev.ends_with("ss");
        self.lower == self.lemma
            && i > self.a
            && doc.is_word(i - 1)
            && !is_capitalised(doc.piece(i - 1))
            && !plural_before
            && !lex.bare_verb_after.contains(self.prev)
            && self.opener.is_none()
            && !lex.auxiliaries.contains(self.prev)
            // "agencies reportedly believe": an adverb of the verb group.
            && !lex.passive_adverbs.contains(self.prev)
    }

    /// "was told to", "were said to be", "is believed to have": passives report no speaker.
    fn passive(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        // "to be", "to have", "to have been": the infinitive of a passive report, a closed class.
        !self.participle && after_be(doc, self.a, i)
            || self.next == "to"
                && i + 2 < self.b
                && matches!(doc.lower(i + 2), "be" | "have" | "been")
                // "he claimed to have": a subject, so active.
                && !doc.lex.subject_pronouns.contains(self.prev)
            || self.lemma == "accuse" && self.next == "of"
            // "as reported by the Herald": where the words were read, not who said them.
            || self.prev == "as" && self.next == "by"
    }

    /// Idioms in which the verb reports no statement.
    fn not_said(&self) -> bool {
        let (doc, lex, i, b, next) = (self.doc, self.doc.lex, self.i, self.b, self.next);
        // "..., having questioned her abilities for years": a perfect participle phrase tells
        // what was done before, as background, not what is reported (but "with Bonham having
        // declared it ...", after its own subject, and "having argued that ..." report).
        // ("having" is a closed word of grammar.)
        let reports_a_clause = next == "that" || i + 1 < b && doc.is_quote_mark(i + 1);
        if self.prev == "having" && (i < self.a + 2 || !doc.is_word(i - 2)) && !reports_a_clause {
            return true;
        }
        if lex.clause_only_verbs.contains(self.lemma) && !self.clause_follows() {
            return true;
        }
        if lex.as_only_verbs.contains(self.lemma) && !self.as_follows() {
            return true;
        }
        if lex.quote_only_verbs.contains(self.lemma) && !self.quotation_beside() {
            return true;
        }
        match self.lemma {
            // "continued, “...”" and "“...,” Lam continued" report a quotation; any other
            // "continue" does not.
            "continue" => {
                !(i + 2 < b && doc.piece(i + 1) == "," && doc.is_quote_mark(i + 2)
                    || self.quotation_closes_before()
                    || self.quotation_closes_before_speaker())
            }
            // "has added new demands", "added 20 jobs": adding things, not words.
            "add" => {
                lex.added_not_said.contains(next) || i + 1 < b && doc.tokens[i + 1].kind == TokenKind::Number
                    // "Israel added demands": a plain noun object, not a clause.
                    || i + 1 < b
                        && doc.is_word(i + 1)
                        && !is_capitalised(doc.piece(i + 1))
                        && !lex.function_words.contains(next)
                        && !lex.subject_pronouns.contains(next)
            }
            // "when asked", "who asked not to be named", "asked for anonymity".
            "ask" => {
                lex.asked_not_said.contains(self.prev)
                    || next == "not"
                    || next == "for" && i + 2 < b && doc.lower(i + 2) == "anonymity"
            }
            // "reported revenue of $3 billion", "reported a rise in profit": accounts, not statements.
            "report" => (i + 1..b.min(i + 4)).any(|k| doc.is_in(&lex.reported_not_said, k)),
            // "called off the talks"; naming: "also called Easter Island", "small rings called
            // plasmids, which ...", "a board, called Flyboard." (a name or a single word, then
            // the clause's end: the statement sense has an object and what it is called).
            "call" => {
                lex.called_not_said.contains(next)
                    || lex.named_before_called.contains(self.prev) && !matches!(next, "for" | "on" | "upon")
                    || self.names_one_thing()
            }
            // "the House confirmed him", "confirmed her nomination": approving, not telling. An
            // object pronoun only right after the verb ("confirmed to them that ..." tells), a
            // nomination word only before any "that" ("confirmed that her nomination failed").
            "confirm" => {
                matches!(next, "him" | "them")
                    || (i + 1..b.min(i + 4))
                        .take_while(|&k| doc.lower(k) != "that")
                        .any(|k| doc.is_in(&lex.confirmed_not_said, k))
            }
            "charge" => (i + 1..b.min(i + 5)).any(|k| doc.lower(k) == "with"),
            // "The strikes claimed at least 200 lives": a toll, not a statement.
            "claim" => (i + 1..b.min(i + 6)).any(|k| doc.is_in(&lex.claimed_not_said, k)),
            _ => false,
        }
    }
}

impl VerbForm<'_> {
    /// "called plasmids, which", "called Flyboard.", "called peptides by using": after the verb
    /// one lower-case word that is not a determiner, a pronoun or a particle, then the clause's
    /// end or a function word; or a run of capitalised words, then the clause's end (a comma, a
    /// full stop, the sentence's end).
    fn names_one_thing(&self) -> bool {
        let (doc, lex, i, b) = (self.doc, self.doc.lex, self.i, self.b);
        let first = i + 1;
        if first >= b || !doc.is_word(first) {
            return false;
        }
        let end = if doc.capitalised(first) {
            (first..b).find(|&k| !(doc.is_word(k) && doc.capitalised(k))).unwrap_or(b)
        } else {
            let plain = !doc.is_in(&lex.determiners, first)
                && !doc.is_in(&lex.function_words, first)
                && !doc.is_in(&lex.subject_pronouns, first)
                && !doc.is_quote_mark(first);
            if !plain {
                return false;
            }
            first + 1
        };
        // "called peptides by using ...": a function word after the one word ends the name too,
        // but not an article or a possessive, which opens the judgement ("called myself a
        // Muslim"); after a name, only punctuation ("called Biden a liar" names and judges).
        let function_word_after = !doc.capitalised(first)
            && end < b
            && doc.is_in(&lex.function_words, end)
            && !matches!(doc.lower(end), "a" | "an" | "the" | "his" | "her" | "its" | "their" | "my" | "our" | "your");
        end >= b || matches!(doc.piece(end), "," | "." | ";" | ")" | "!" | "?") || function_word_after
    }

    /// "found that ...", "ruled the ban is unlawful", "found it to be unlawful", "found: “...”":
    /// "that", a quotation or a colon right after the verb, or an auxiliary (a finite verb or "to
    /// be") or a past form after its subject before the clause ends at a clause break (not "and",
    /// "but", "so") or a semicolon; or the verb inverted after its content (`speaker_after_comma`).
    /// Not an auxiliary right after the verb ("the planet they found was"): a relative clause.
    /// True when an object and then "as" follow the verb within [`AS_REACH`] tokens of its
    /// clause ("identified the suspect as ...", "designated Wiranto, a former general, as ...";
    /// not "a boy, identified only as Ivan", "what is referred to as ...").
    fn as_follows(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        let Some(as_) = (i + 1..self.b.min(i + 1 + AS_REACH))
            .take_while(|&k| !matches!(doc.piece(k), "." | ";" | ":") && !doc.is_quote_mark(k))
            .find(|&k| doc.lower(k) == "as")
        else {
            return false;
        };
        let object_word = |k: usize| {
            let w = doc.lower(k);
            doc.is_word(k) && !matches!(w, "only" | "to") && !w.ends_with("ly")
        };
        (i + 1..as_).any(object_word)
    }

    fn clause_follows(&self) -> bool {
        let (doc, lex, i) = (self.doc, self.doc.lex, self.i);
        // "that ...", "as groundless", or the content before it ("“...,” the court found.").
        let ends_clause = i + 1 >= self.b || matches!(self.next, "." | ",");
        if matches!(self.next, "that")
            || ends_clause
            || self.speaker_after_comma()
            || self.quotation_closes_before()
            || self.quotation_closes_before_speaker()
        {
            return true;
        }
        // "the planet they found was a gas giant": a finite verb right after the verb has no
        // subject of its own; the verb is in a relative clause.
        if i + 1 < self.b && doc.is_in(&lex.auxiliaries, i + 1) {
            return false;
        }
        // Tokens of a relative clause between commas (", which was slated for May,"): passed over.
        let mut relative_until = 0;
        for k in i + 1..self.b.min(i + 30) {
            let lower = doc.lower(k);
            if k < relative_until {
                continue;
            }
            // A relative pronoun after a comma (a closed class of grammar): its clause runs to the
            // next comma.
            if matches!(lower, "which" | "who" | "whom") && doc.piece(k - 1) == "," {
                if let Some(close) = (k + 1..self.b.min(i + 30)).find(|&m| doc.piece(m) == ",") {
                    relative_until = close + 1;
                    continue;
                }
            }
            if doc.is_quote_mark(k) && doc.quote_opening_at(k).is_some() || lower == ":" {
                return true;
            }
            // "as groundless", but not "as the Scottish court" (a comparison).
            if lower == "as" {
                return k + 1 < self.b && !doc.is_in(&lex.determiners, k + 1);
            }
            let after_comma = doc.piece(k - 1) == ",";
            // A coordinated clause or another reporting verb starts a clause of its own ("found X
            // in his blood, and said there was ...", "state police, and no charges were ...").
            let coordinated = matches!(lower, "and" | "but" | "so") && after_comma;
            let new_cue = lex.speech_verbs.contains_key(lower) && matches!(doc.lower(k - 1), "and" | "but" | ",");
            if lower == ";" || coordinated || new_cue {
                return false;
            }
            if lex.clause_breaks.contains(lower) && !matches!(lower, "and" | "but" | "so") {
                return false;
            }
            if lex.auxiliaries.contains(lower) && doc.is_word(k) || self.past_tense_verb_at(k) {
                return true;
            }
        }
        false
    }

    /// "the bomb was placed in a market, stated the minister.": after a comma closing a clause
    /// (its subject before its finite verb, not a relative clause), the verb and then only its
    /// speaker (a determiner or a capitalised word first, no auxiliary, reporting verb or comma)
    /// to the sentence's end, the content being the clause before the comma.
    fn speaker_after_comma(&self) -> bool {
        let (doc, lex, i, b) = (self.doc, self.doc.lex, self.i, self.b);
        const MOST_SPEAKER_WORDS: usize = 8;
        if !(i > self.a + 2 && doc.piece(i - 1) == "," && i + 1 < b) {
            return false;
        }
        let first = i + 1;
        if !(doc.is_in(&lex.determiners, first) || doc.capitalised(first)) {
            return false;
        }
        let end = (first..b)
            .find(|&k| matches!(doc.piece(k), "." | "!" | "?" | "," | ";" | ":" | "(" | ")") || doc.is_quote_mark(k))
            .unwrap_or(b);
        let ends_sentence = end == b || matches!(doc.piece(end), "." | "!" | "?");
        // The content before the comma is a clause (a finite verb in it), not the subject's
        // appositive ("the agency, announced the sanction").
        // The stretch since the comma before: a relative clause there (", who was a candidate,
        // announced the end of his campaign") belongs to the subject, not the content.
        let stretch = (self.a..i - 1).rev().find(|&k| doc.piece(k) == ",").map_or(self.a, |k| k + 1);
        let relative = stretch < i - 1 && doc.relative_pronoun(stretch);
        // A clause has its subject before its verb: a stretch that opens with the verb is a
        // participle phrase about the subject ("Dana Reyes, backed by the party, announced ...").
        let subject_first = (stretch..i - 1).find(|&k| doc.finite_form(k)).is_some_and(|k| k > stretch);
        ends_sentence
            && !relative
            && subject_first
            && end - first <= MOST_SPEAKER_WORDS
            && (first..end).all(|k| !doc.is_in(&lex.auxiliaries, k) && !lex.speech_verbs.contains_key(doc.lower(k)))
    }

    /// "ruled the draft violated the constitution", "announced tests found Novichok": a past
    /// form after a noun and before its object (a determiner, a pronoun or a name) is the finite
    /// verb of a clause, not a participle ("plans approved by", "a ban imposed in May").
    fn past_tense_verb_at(&self, k: usize) -> bool {
        let (doc, lex) = (self.doc, self.doc.lex);
        let noun_before = k > self.i + 1
            && doc.is_word(k - 1)
            && !doc.is_in(&lex.function_words, k - 1)
            && !doc.is_in(&lex.determiners, k - 1)
            && !doc.is_in(&lex.auxiliaries, k - 1);
        // "announced it planned to join": a subject pronoun right before is a clause's subject
        // whatever follows the verb.
        let pronoun_before = k == self.i + 2 && doc.is_in(&lex.subject_pronouns, k - 1);
        let object_after =
            k + 1 < self.b && doc.is_word(k + 1) && (doc.is_in(&lex.determiners, k + 1) || doc.capitalised(k + 1));
        (noun_before && object_after || pronoun_before)
            && doc.is_word(k)
            && !doc.capitalised(k)
            && (doc.lower(k).ends_with("ed") || self.irregular_past(k) || doc.is_in(&lex.past_forms, k))
            && !doc.is_in(&lex.passive_adverbs, k)
    }

    /// "reads “...”", "posted on Twitter, “...”", "spoke of the launch: “...”", "“...,” reads
    /// the statement": a quotation opening right after the verb or after a comma or colon in the
    /// next ten words, or closing right before it.
    fn quotation_beside(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        let opens = |k: usize| doc.is_quote_mark(k) && doc.quote_opening_at(k).is_some();
        if self.quotation_closes_before() || i + 1 < self.b && opens(i + 1) {
            return true;
        }
        for k in i + 1..self.b.min(i + 12) {
            match doc.piece(k) {
                "," | ":" => return k + 1 < self.b && opens(k + 1),
                "." | ";" => return false,
                _ => {}
            }
        }
        false
    }
}

impl VerbForm<'_> {
    /// "“...,” reads the statement", "“...”, the court found": a quotation closing right before
    /// the verb, or before a comma right before it.
    fn quotation_closes_before(&self) -> bool {
        let (doc, i, a) = (self.doc, self.i, self.a);
        i > a && (doc.closes_quote(i - 1) || i > a + 1 && doc.piece(i - 1) == "," && doc.closes_quote(i - 2))
    }

    /// A past form of a reporting verb that does not end in "-ed" ("found", "wrote", "told").
    fn irregular_past(&self, k: usize) -> bool {
        let lower = self.doc.lower(k);
        self.doc
            .lex
            .speech_verbs
            .get(lower)
            .is_some_and(|lemma| lemma != lower && !lower.ends_with("ing") && !lower.ends_with('s'))
    }

    /// "“...,” Lam continued", "“...”, the spokesman continued": a quotation closing right before
    /// a few words (the speaker) that stand right before the verb.
    fn quotation_closes_before_speaker(&self) -> bool {
        let (doc, lex, i, a) = (self.doc, self.doc.lex, self.i, self.a);
        // A name, a pronoun or a described speaker ("the spokesman"), not a clause ("and that it
        // would continue to").
        let speaker_word = |k: usize| {
            doc.is_word(k)
                && !doc.is_in(&lex.auxiliaries, k)
                && (doc.capitalised(k)
                    || doc.is_in(&lex.subject_pronouns, k)
                    || doc.is_in(&lex.determiners, k)
                    || !doc.is_in(&lex.function_words, k))
        };
        let mut k = i;
        while k > a && i - k < SPEAKER_WORDS_BEFORE_VERB && speaker_word(k - 1) {
            k -= 1;
        }
        k < i && k > a && (doc.closes_quote(k - 1) || k > a + 1 && doc.piece(k - 1) == "," && doc.closes_quote(k - 2))
    }
}

/// At most this many words name a speaker between a closing quotation and its verb ("“...,”
/// the union's spokesman continued").
const SPEAKER_WORDS_BEFORE_VERB: usize = 5;

/// True when a form of "be" (with adverbs between) stands right before token `i`.
fn after_be(doc: &Doc, lower_bound: usize, i: usize) -> bool {
    let lex = doc.lex;
    let mut k = i;
    // "was reportedly told", "was actively encouraged": adverbs between the two verbs.
    while k > lower_bound && i - k < 3 && (doc.is_in(&lex.passive_adverbs, k - 1) || adverb_in_verb_group(doc, k - 1)) {
        k -= 1;
    }
    k > lower_bound && doc.is_in(&lex.be_forms, k - 1)
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn what_is_a_cue_and_what_is_not() {
        check(vec![
            (
                "declined_is_not_a_claim",
                "Spokespeople declined to comment. A spokesperson did not respond to a request for comment.",
                vec![],
            ),
            ("no_cue", "Hundreds of troops have been killed.", vec![]),
            (
                "a_passive_with_an_adverb_between_its_verbs",
                "Reports have indicated the mayor was actively encouraged to quit the race.",
                vec![c("the mayor was actively encouraged to quit the race", Some("Reports"), "indirect")],
            ),
            (
                "a_noun_after_a_clause_with_its_own_verb",
                "Tapia said the crew had ignored three radio calls and sailed east.",
                vec![c("the crew had ignored three radio calls and sailed east", Some("Tapia"), "indirect")],
            ),
            (
                "expressed_reports_a_clause_only",
                "The minister has expressed she is unwilling to take the post. The mayor expressed concern over the fire.",
                vec![c("she is unwilling to take the post", Some("The minister"), "indirect")],
            ),
            (
                "a_perfect_participle_is_background",
                "Then aged 19, she took the role as a “fresh start,” having questioned her voice for years.",
                vec![],
            ),
            (
                "a_clause_only_verb_before_an_irregular_past_or_a_pronoun_subject",
                "The trade journal stated the freighter overran the runway. Chile announced it planned to leave the pact. The ministry stated its position.",
                vec![
                    c("the freighter overran the runway", Some("The trade journal"), "indirect"),
                    c("it planned to leave the pact", Some("Chile"), "indirect"),
                ],
            ),
            (
                "a_clause_only_verb_inverted_after_a_clause",
                "The depot was hit by a drone, stated the regional governor. The port authority, the city's harbour agency, announced the closure on Monday.",
                vec![c("The depot was hit by a drone", Some("the regional governor"), "indirect")],
            ),
            (
                "a_relative_clause_before_the_verb_is_the_subject's",
                "On Monday, Dana Reyes, who was a candidate for mayor, announced the end of her campaign.",
                vec![],
            ),
            (
                "called_naming_is_not_a_cue",
                "The reef lies off Mahé, also called Port Island. The frilled shark is sometimes called a living fossil. These horses, commonly called brumbies, roam free. She cut them into rings called plasmids, which grew. They split into chains called peptides by using an enzyme. The mayor also called for calm. The envoy called the vote a sham. The president has often called the press the enemy of the people.",
                vec![
                    c("for calm", Some("The mayor"), "indirect"),
                    c("The envoy called the vote a sham", Some("The envoy"), "indirect"),
                    c("the press the enemy of the people", Some("The president"), "indirect"),
                ],
            ),
            (
                "confirming_a_person_is_not_a_statement",
                "The senate confirmed him on Friday. The assembly confirmed her nomination. The police confirmed that two men had died. The clinic confirmed that her husband had died in the night. Police confirmed to them that the road was closed to all traffic.",
                vec![
                    c("two men had died", Some("The police"), "indirect"),
                    c("her husband had died in the night", Some("The clinic"), "indirect"),
                    c("the road was closed to all traffic", Some("Police"), "indirect"),
                ],
            ),
            (
                "a_participle_phrase_before_the_verb_is_no_inverted_clause",
                "Dana Reyes, backed by the party, announced her bid on Monday. The firm, based in Oslo, announced the deal.",
                vec![],
            ),
            (
                "a_clause_only_verb_in_a_relative_clause",
                "The comet they found was bright. The team found that the comet was bright.",
                vec![c("the comet was bright", Some("The team"), "indirect")],
            ),
            (
                "commented_reports_only_beside_a_quotation",
                "She also commented on the result: \"This is only the start.\" The minister declined to comment on the result.",
                vec![c("\"This is only the start.\"", Some("She"), "direct")],
            ),
            (
                "plural_noun_is_not_a_cue",
                "The auditor accused the port of hiding 16 reports from the public. Several claims were false.",
                vec![c("the port of hiding 16 reports from the public", Some("The auditor"), "indirect")],
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
                "a_noun_in_ss_before_a_bare_form_is_no_plural_subject",
                "The Herald, however, reported on a distress call from the ferry.",
                vec![c("on a distress call from the ferry", Some("The Herald"), "indirect")],
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
            ("passive_told_is_not_a_claim", "She was told to leave the room.", vec![]),
            (
                "a_verb_of_naming_with_an_object_and_as",
                "Police identified the driver as a local man. The agency classified the strike as illegal.",
                vec![
                    c("the driver as a local man", Some("Police"), "indirect"),
                    c("the strike as illegal", Some("The agency"), "indirect"),
                ],
            ),
            (
                "a_verb_of_naming_without_its_as_names_no_claim",
                "Police identified a suspect on Monday. A boy, identified only as Ivan, was found alive. \
                 The union wants the council to stop referring to the strike as a riot.",
                vec![],
            ),
            ("passive_said_to_be_is_not_a_claim", "The troops were said to be near the town.", vec![]),
            ("claimed_lives_is_a_toll", "The storm claimed at least ten lives.", vec![]),
            (
                "clause_only_verbs_need_a_clause",
                "The court found the ban to be unlawful. Police found the car. The judge ruled the draft is unfair. The king ruled the land for years.",
                vec![
                    c("the ban to be unlawful", Some("The court"), "indirect"),
                    c("the draft is unfair", Some("The judge"), "indirect"),
                ],
            ),
            (
                "nouns_adjectives_and_gerunds_are_not_cues",
                "The member states of the union signed the pact. The federal charges against Lee were dropped. The church was fined for covering up and protecting alleged abusers. No group claimed credit for the attack. Ray won a prize for her work in predicting the storms would grow. Beijing alleged that the ship had spied. A committee member claims the vote was rigged.",
                vec![
                    c("the ship had spied", Some("Beijing"), "indirect"),
                    c("the vote was rigged", Some("A committee member"), "indirect"),
                ],
            ),
            (
                "went_on_to_say_reports_a_clause",
                "She went on to say that the port would close. He went on to add the ships had left. He went on to cite the ruling. Ann Ray declined to say whether it would close.",
                vec![
                    c("the port would close", Some("She"), "indirect"),
                    c("the ships had left", Some("He"), "indirect"),
                ],
            ),
            (
                "state_is_a_cue_only_before_a_clause",
                "Dams in the state of Sonora dried up, and state police came. The report states the dam is full.",
                vec![c("the dam is full", Some("The report"), "indirect")],
            ),
            (
                "dismissed_as_is_a_judgement",
                "The government dismissed the claim from Oslo as groundless. The firm dismissed the allegations.",
                vec![c("the claim from Oslo as groundless", Some("The government"), "indirect")],
            ),
            (
                "quote_only_verbs_need_a_quotation",
                "The statement reads “We will act.” She read the report. He spoke of the launch: “It went well.” He spoke at a rally. The ruling read in part: “The ban is void.”",
                vec![
                    c("“We will act.”", Some("The statement"), "direct"),
                    c("“It went well.”", Some("He"), "direct"),
                    c("“The ban is void.”", Some("The ruling"), "direct"),
                ],
            ),
            (
                "nouns_after_a_possessive_a_preposition_or_a_number",
                "The President's claims of fraud were false. Protesters' demands include a vote. Sanctions over alleged plots followed. The five demands were old.",
                vec![],
            ),
            (
                "a_bare_form_after_an_article_and_a_name_is_a_noun",
                "In the US state of Alabama, the governor signed the act. A BBC report on the strike was aired.",
                vec![],
            ),
            (
                "participles_after_more_prepositions_are_adjectives",
                "Amongst reported incidents of abuse, two bishops were convicted. He was charged with alleged fraud. The inquiry into alleged bribes ended.",
                vec![],
            ),
            ("compound_modifier_is_not_a_cue", "The state-owned firm was hit.", vec![]),
            (
                "adverb_before_a_bare_verb",
                "Agencies reportedly believe the prince ordered the killing.",
                vec![c("the prince ordered the killing", Some("Agencies"), "indirect")],
            ),
            (
                "claimed_to_have_after_a_pronoun",
                "He claimed to have bought the gun in a shop.",
                vec![c("to have bought the gun in a shop", Some("He"), "indirect")],
            ),
            (
                "continued_reports_a_quotation_closing_before_its_speaker",
                "“The port will reopen on Monday,” the harbour master continued. The strike continued for a week. The mayor said the fund was “nearly empty” and that it would continue to pay “every bill on time.”",
                vec![
                    c("“The port will reopen on Monday,”", Some("the harbour master"), "direct"),
                    c(
                        "the fund was “nearly empty” and that it would continue to pay “every bill on time.”",
                        Some("The mayor"),
                        "direct",
                    ),
                ],
            ),
            (
                "announce_and_declare_need_a_clause",
                "The ministry announced new limits on fishing. The governor declared a state of emergency. The ministry announced the limits would start in May.",
                vec![c("the limits would start in May", Some("The ministry"), "indirect")],
            ),
            (
                "a_past_form_before_its_object_is_a_clause",
                "The agency announced tests by its own laboratory found the virus in the water. The judge ruled the new law violated the Constitution. Police found the car parked in a field.",
                vec![
                    c("tests by its own laboratory found the virus in the water", Some("The agency"), "indirect"),
                    c("the new law violated the Constitution", Some("The judge"), "indirect"),
                ],
            ),
            (
                "a_relative_clause_between_commas_is_passed_over",
                "The board announced on Friday the final vote, which was planned for June, has been cancelled. The board announced a new chair, who was chosen in May.",
                vec![c("on Friday the final vote, which was planned for June, has been cancelled", Some("The board"), "indirect")],
            ),
            (
                "conceded_needs_a_clause",
                "The mayor has not conceded the election. The mayor conceded that the count was fair.",
                vec![c("the count was fair", Some("The mayor"), "indirect")],
            ),
            (
                "a_coordinated_verb_opening_a_quotation_reports_it",
                "The minister tweeted “We grieve with you” and offered “our full support to every family in the valley.” Divers searched the lake and reached “the old bridge” by noon.",
                vec![
                    c("“We grieve with you”", Some("The minister"), "direct"),
                    c("“our full support to every family in the valley.”", None, "direct"),
                ],
            ),
            (
                "speech_noun_continues_speaker",
                "“We will act,” the minister said on Monday, issuing a warning that prices would rise.",
                vec![c("“We will act,”", Some("the minister"), "direct"), c("prices would rise", None, "indirect")],
            ),
        ]);
    }
}
