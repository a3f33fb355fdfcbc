//! Reporting cues: which words of a sentence report speech ("said", "according to", "issuing a
//! warning that"), and which look like cues but are not (nouns, passives, idioms such as
//! "claimed ten lives").

use super::doc::Doc;
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
        if !doc.is_word(i) || doc.inside_quote(i) {
            i += 1;
            continue;
        }
        let lower = doc.lower(i);
        if let Some(cue) = according_to_at(doc, i, b, lower) {
            i = cue.end;
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
            cues.push(cue);
        }
        i += 1;
    }
    cues
}

/// "according to" at token `i` (`lower`: the token in lower case, as in the functions below).
fn according_to_at(doc: &Doc, i: usize, b: usize, lower: &str) -> Option<Cue> {
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
        lower,
        lemma,
    };
    // Cue verbs are lower case, except a participle opening the sentence ("Adding that ...").
    let capital = is_capitalised(doc.piece(i));
    if form.blocked() || form.passive() || form.not_said() || capital && !(form.participle && i == a) {
        return None;
    }
    let after_comma = i > a && doc.piece(i - 1) == ",";
    if form.participle && !after_comma && i != a && after_a_cue {
        // "wrote to the embassy asking to ...": part of the earlier cue's content.
        return None;
    }
    let kind = if form.participle && (after_comma || i == a) { CueKind::Participle } else { CueKind::Verb };
    Some(Cue { first: i, end: i + 1, kind, lemma: lemma.clone() })
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
}

impl VerbForm<'_> {
    /// The word before it, or the form itself, shows a noun here ("the report", "several claims").
    fn blocked(&self) -> bool {
        self.doc.lex.not_a_cue_after.contains(self.prev) || self.prev == "-" || self.plural_noun() || self.bare_noun()
    }

    /// "16 reports from the public", "media reports said", "member states were nervous",
    /// "retaliation claims often turn on timing": a plural noun, not a verb.
    fn plural_noun(&self) -> bool {
        let (doc, lex, i) = (self.doc, self.doc.lex, self.i);
        self.lower.ends_with('s')
            && (i > self.a
                && (doc.tokens[i - 1].kind == TokenKind::Number || lex.plural_noun_after.contains(self.prev))
                || lex.auxiliaries.contains(self.next)
                || lex.plural_noun_before.contains(self.next))
    }

    /// A bare form ("say", "demand") is a verb after its plural or pronoun subject ("officials
    /// say", "we demand") or an auxiliary; after another lower-case word it is a noun ("to meet
    /// demand", "a claim").
    fn bare_noun(&self) -> bool {
        let (doc, lex, i) = (self.doc, self.doc.lex, self.i);
        self.lower == self.lemma
            && i > self.a
            && doc.is_word(i - 1)
            && !is_capitalised(doc.piece(i - 1))
            && !self.prev.ends_with('s')
            && !lex.bare_verb_after.contains(self.prev)
            && !lex.auxiliaries.contains(self.prev)
    }

    /// "was told to", "were said to be", "is believed to have": passives report no speaker.
    fn passive(&self) -> bool {
        let (doc, i) = (self.doc, self.i);
        // "to be", "to have", "to have been": the infinitive of a passive report, a closed class.
        !self.participle && after_be(doc, self.a, i)
            || self.next == "to" && i + 2 < self.b && matches!(doc.lower(i + 2), "be" | "have" | "been")
            || self.lemma == "accuse" && self.next == "of"
    }

    /// Idioms in which the verb reports no statement.
    fn not_said(&self) -> bool {
        let (doc, lex, i, b, next) = (self.doc, self.doc.lex, self.i, self.b, self.next);
        match self.lemma {
            // "continued, “...”" reports a quotation; any other "continue" does not.
            "continue" => !(i + 2 < b && doc.piece(i + 1) == "," && doc.is_quote_mark(i + 2)),
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
            // "called off the talks".
            "call" => lex.called_not_said.contains(next),
            "charge" => (i + 1..b.min(i + 5)).any(|k| doc.lower(k) == "with"),
            // "The strikes claimed at least 200 lives": a toll, not a statement.
            "claim" => (i + 1..b.min(i + 6)).any(|k| doc.is_in(&lex.claimed_not_said, k)),
            _ => false,
        }
    }
}

/// True when a form of "be" (with adverbs between) stands right before token `i`.
fn after_be(doc: &Doc, lower_bound: usize, i: usize) -> bool {
    let lex = doc.lex;
    let mut k = i;
    while k > lower_bound && i - k < 3 && doc.is_in(&lex.passive_adverbs, k - 1) {
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
            ("passive_said_to_be_is_not_a_claim", "The troops were said to be near the town.", vec![]),
            ("claimed_lives_is_a_toll", "The storm claimed at least ten lives.", vec![]),
            (
                "speech_noun_continues_speaker",
                "“We will act,” the minister said on Monday, issuing a warning that prices would rise.",
                vec![c("“We will act,”", Some("the minister"), "direct"), c("prices would rise", None, "indirect")],
            ),
        ]);
    }
}
