//! Frames that continue a sentence: a coordinated cue (`X rejected A and said B`, `X said A and
//! urged B`, `X claimed A and claim B`) and a participle (`X did A, claiming B`, `..., adding
//! that B`). The speaker is the sentence's subject or its previous claim's. A frame returns
//! `None` when it does not apply, so the next one in `mod.rs`'s order is tried. The coordinators
//! "and", "but", "or" are a closed class of grammar, written in the code.

use super::after_cue::claim_after_cue;
use super::clause::{Clause, Found, Outcome};
use super::content::{content_after, trim, Tail};
use super::doc::Doc;
use super::speaker::{quoting_verb_before, speaker_left, subject_np};
use super::{content_words, SHORT_CONTENT_WORDS};
use crate::analysis::model::ClaimKind;

/// The coordinator right before a cue with no speaker phrase of its own ("... and said").
fn coordinator_before(c: &Clause) -> Option<usize> {
    let (None, Some(j)) = (c.speaker(), c.before()) else { return None };
    matches!(c.before_lower(), "and" | "but" | "or").then_some(j)
}

/// "I was hauled in and told ...": a passive clause reports no speaker. After an earlier claim
/// the passive belongs to its content ("said the rules had been changed and urged"), so this
/// frame does not apply there.
pub(super) fn passive_clause_then_coordinated_cue(c: &Clause) -> Option<Outcome> {
    let j = coordinator_before(c)?;
    (!c.earlier_in_sentence && passive_clause(c.doc, c.sentence_start, j)).then_some(Outcome::Nothing)
}

/// "They claimed the ship was safe and claim the crew agreed", "says he “condemns this” and
/// calls for restraint": after a claim in the same sentence, a coordinated cue that is not a
/// clause of its own extends that claim when it repeats the verb or says little (under
/// [`SHORT_CONTENT_WORDS`] words). Another verb with a content of its own is a claim of its own
/// ("indicated no vehicles were involved and suggested the driver lost control").
pub(super) fn coordinated_cue_extends_claim(c: &Clause) -> Option<Outcome> {
    coordinator_before(c)?;
    if !(c.earlier_in_sentence && matches!(c.tail, Tail::Content(_)) && !own_clause(c)) {
        return None;
    }
    let content = content_after(c, c.content_start());
    let same_verb = c.previous_cue.is_some_and(|p| p.lemma == c.cue.lemma);
    let short = content.as_ref().is_some_and(|s| content_words(c.doc, s.first, s.end) < SHORT_CONTENT_WORDS);
    if !(same_verb || short || content.is_none()) {
        return None;
    }
    Some(match content {
        Some(content) => Outcome::Extend(content.end),
        None => Outcome::Nothing,
    })
}

/// "A spokesperson for Egypt's Foreign Ministry said A and urged B": after a claim in the same
/// sentence, the coordinated cue has that claim's speaker; not after "cited X as saying A" (X
/// said A; "and claimed B" is the subject's).
pub(super) fn coordinated_cue_after_claim(c: &Clause) -> Option<Outcome> {
    coordinator_before(c)?;
    if !c.earlier_in_sentence {
        return None;
    }
    let quoting_verb = c.previous_cue.and_then(|p| quoting_verb_before(c.doc, c.sentence_start, p.first));
    if let Some(verb) = quoting_verb {
        let subject = speaker_left(c.doc, c.sentence_start.min(verb), verb);
        let subject = (subject.0 < subject.1).then_some(subject);
        return Some(claim_after_cue(
            c,
            subject,
            "frame: coordinated cue after a quotation, the quoting verb's subject",
            None,
        ));
    }
    Some(match claim_after_cue(c, None, "frame: coordinated cue after a claim, its speaker", None) {
        Outcome::Claim(found) => Outcome::Claim(Found { continues_previous: true, confidence: 0.75, ..found }),
        other => other,
    })
}

/// "The ministry rejected the plan and said the costs were too high": the sentence's subject
/// speaks.
pub(super) fn coordinated_cue_takes_subject(c: &Clause) -> Option<Outcome> {
    let j = coordinator_before(c)?;
    let subject = subject_np(c.doc, c.sentence_start, j);
    Some(claim_after_cue(c, subject, "frame: the sentence's subject, coordinated cue, content", None))
}

/// "... and warned that Y", "... and accused Z of Y", "... and urged Z to Y", "... and said Y",
/// "A, and mentioned B", "... and added “B”": a reporting clause of its own, one claim of its own.
fn own_clause(c: &Clause) -> bool {
    let doc = c.doc;
    // ", and mentioned B", ", but found B": a comma before the coordinator closes the first claim.
    let comma_before = c.before().is_some_and(|j| j > c.consumed && doc.piece(j - 1) == ",");
    // "... and offered “B”": a quotation of its own right after the verb.
    let own_quotation = matches!(c.tail, Tail::Content(s) if s == c.cue.end && doc.is_quote_mark(s));
    matches!(c.tail, Tail::Content(s) if s > c.cue.end && doc.lower(s - 1) == "that")
        || doc.lex.own_claim_verbs.contains(&c.cue.lemma)
        || comma_before
        || own_quotation
}

/// True when the clause before a coordinated cue is passive ("I was hauled in and told ...").
fn passive_clause(doc: &Doc, a: usize, and: usize) -> bool {
    let lex = doc.lex;
    // A bounded window before the "and", so a long chain of clauses stays linear.
    (and.saturating_sub(12).max(a)..and).any(|k| {
        doc.is_in(&lex.be_forms, k)
            && (k + 1..and.min(k + 4)).any(|m| {
                let w = doc.lower(m);
                doc.is_word(m)
                    && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn"))
                    && !lex.passive_adverbs.contains(w)
            })
    })
}

/// The content of a participle cue, from after the cue (or its "that") to the clause's end; a
/// quotation opening it runs to its closing mark ("..., writing, “A. B.”").
fn participle_content(c: &Clause) -> Option<(usize, usize)> {
    let (first, end) = trim(c.doc, c.content_start(), c.right_end);
    let end = match content_after(c, c.content_start()) {
        Some(content) if c.doc.is_quote_mark(content.first) => end.max(content.end),
        _ => end,
    };
    (end > first).then_some((first, end))
}

/// "Governor Ann Lee dismissed the report, claiming the figures were old": the sentence's
/// subject speaks, when no earlier claim of the sentence does.
pub(super) fn participle_after_subject(c: &Clause) -> Option<Outcome> {
    if c.earlier_in_sentence {
        return None;
    }
    let (first, end) = participle_content(c)?;
    let subject = subject_np(c.doc, c.sentence_start, c.cue.first)?;
    Some(Outcome::Claim(Found {
        first,
        end,
        speaker: Some(subject),
        continues_previous: false,
        kind: ClaimKind::Indirect,
        confidence: 0.7,
        note: "frame: participle after the sentence's subject",
    }))
}

/// "The deal is near, one envoy said, adding that both sides agreed": the previous claim's
/// speaker speaks.
pub(super) fn participle_continuing_speaker(c: &Clause) -> Option<Outcome> {
    let (first, end) = participle_content(c)?;
    Some(Outcome::Claim(Found {
        first,
        end,
        speaker: None,
        continues_previous: true,
        kind: ClaimKind::Indirect,
        confidence: 0.7,
        note: "frame: participle continuing the previous speaker",
    }))
}

/// "..., with officials saying the ban is for security": the subject of the absolute phrase
/// speaks, and the content follows the participle.
pub(super) fn absolute_phrase_participle(c: &Clause) -> Option<Outcome> {
    let with = c.doc.with_before_participle(c.consumed, c.cue.first)?;
    Some(claim_after_cue(c, Some((with + 1, c.cue.first)), "frame: with, speaker, participle, content", None))
}

/// "He ended the talks by saying the offer was final": the participle after "by" has the
/// sentence's subject.
pub(super) fn participle_after_by(c: &Clause) -> Option<Outcome> {
    let cue = c.cue.first;
    if !(cue > c.consumed && c.doc.lower(cue - 1) == "by" && c.doc.lower(cue).ends_with("ing")) {
        return None;
    }
    let subject = subject_np(c.doc, c.sentence_start, cue - 1);
    Some(claim_after_cue(c, subject, "frame: the sentence's subject, by, participle, content", None))
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn continuations() {
        check(vec![
            (
                "an_adverb_between_the_comma_and_the_participle",
                "Ana Lee said the port was closed to all ships, “for now,” further saying, “It will open in May.”",
                vec![
                    c("the port was closed to all ships, “for now,”", Some("Ana Lee"), "direct"),
                    c("“It will open in May.”", None, "direct"),
                ],
            ),
            (
                "a_participle's_quotation_runs_over_sentences",
                "Ana Lee backed the plan, writing, “The port needs calm. Our work starts now.”",
                vec![c("“The port needs calm. Our work starts now.”", Some("Ana Lee"), "direct")],
            ),
            (
                "a_name_in_ing_after_with_is_a_subject",
                "Tokyo protested the flights, with Beijing saying the patrols were routine.",
                vec![c("the patrols were routine", Some("Beijing"), "indirect")],
            ),
            (
                "opening_phrases_before_the_subject_of_a_participle",
                "A week later, during the second debate, Ana Lee defended her plan, saying the port needed money.",
                vec![c("the port needed money", Some("Ana Lee"), "indirect")],
            ),
            (
                "a_gerund_after_with_opens_no_absolute_phrase",
                "The agency credited Ana Lee with making the repair possible, noting “her work saved the pier”.",
                vec![c("“her work saved the pier”", Some("The agency"), "direct")],
            ),
            (
                "adding_that",
                "The deal is near, one envoy said, adding that both sides agreed.",
                vec![c("The deal is near", Some("one envoy"), "indirect"), c("both sides agreed", None, "indirect")],
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
                "a_comma_before_the_coordinator_closes_the_first_claim",
                "She noted that the bridge was old, and mentioned a plan to close it in May.",
                vec![c("the bridge was old", Some("She"), "indirect"), c("a plan to close it in May", None, "indirect")],
            ),
            (
                "coordinated_cue_extends_claim",
                "They claimed the ship was safe and claim the crew agreed.",
                vec![c("the ship was safe and claim the crew agreed", Some("They"), "indirect")],
            ),
            (
                "a_short_coordinated_content_extends_the_claim",
                "Ana Reis says she “condemns the closure” and calls for calm.",
                vec![c("she “condemns the closure” and calls for calm", Some("Ana Reis"), "direct")],
            ),
            (
                "another_verb_with_a_content_of_its_own_is_a_claim_of_its_own",
                "The ministry indicated no other ships were involved and suggested the captain lost control of the ferry.",
                vec![
                    c("no other ships were involved", Some("The ministry"), "indirect"),
                    c("the captain lost control of the ferry", None, "indirect"),
                ],
            ),
            (
                "with_a_subject_and_a_participle",
                "The port was shut on Monday, with harbour officials saying the cranes had failed.",
                vec![c("the cranes had failed", Some("harbour officials"), "indirect")],
            ),
            (
                "with_a_participle_after_a_claim",
                "The pilot said he lost his way, with some reports claiming he was tired.",
                vec![
                    c("he lost his way", Some("The pilot"), "indirect"),
                    c("he was tired", Some("some reports"), "indirect"),
                ],
            ),
            (
                "participle_after_by_takes_the_subject",
                "The mayor closed the debate by saying the bridge would reopen in May.",
                vec![c("the bridge would reopen in May", Some("The mayor"), "indirect")],
            ),
            (
                "participle_takes_sentence_subject",
                "Governor Ann Lee dismissed the report, claiming the figures were old.",
                vec![c("the figures were old", Some("Governor Ann Lee"), "indirect")],
            ),
        ]);
    }
}
