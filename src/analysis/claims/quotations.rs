//! Frames of quotations: a quotation before its cue (`“CONTENT,” said X.`, `“CONTENT,” X said.`,
//! also over several sentences and with commas in the speaker), a quotation interrupted by its
//! reporting clause (`“A,” he said, “B.”`), and a quotation with no cue of its own that continues
//! the previous quoted claim's speaker. (A quotation opening after the cue runs to its closing
//! mark: `content::content_after`.)

use super::clause::{Clause, Found, Outcome};
use super::content::{content_after, content_before, trim, Tail};
use super::cues::find_cues;
use super::doc::Doc;
use super::speaker::{speaker_right, subject_np};
use super::ClaimDraft;
use crate::analysis::model::{ClaimKind, Evidence, Quote, Sentence};

/// “CONTENT,” said X.  /  “CONTENT,” X said.  /  “A,” he said, “B.”: a closing quotation mark
/// (with a comma) before the reporting clause. Returns `None` when there is none.
pub(super) fn quotation_before_cue(c: &Clause) -> Option<Outcome> {
    let (j, speaker_left) = quotation_then_speaker(c)?;
    let Some((first, end)) = content_before(c, j + 1) else { return Some(Outcome::Nothing) };
    let speaker = speaker_left.or_else(|| Some(speaker_right(c.doc, c.cue.end, c.sentence_end)).filter(|(s, e)| e > s));
    if let Some(q) = resumed_quotation(c, speaker_left, speaker) {
        return Some(Outcome::Claim(Found {
            first,
            end: c.doc.token_from(q.span.end),
            speaker,
            continues_previous: false,
            kind: ClaimKind::Direct,
            confidence: 0.85,
            note: "frame: a quotation interrupted by its reporting clause",
        }));
    }
    Some(Outcome::Claim(Found {
        first,
        end,
        speaker,
        continues_previous: false,
        kind: ClaimKind::Indirect,
        confidence: 0.85,
        note: "frame: content before the cue",
    }))
}

/// The last token of a quotation that ends before the reporting clause (its closing mark, or the
/// comma after it), and the speaker phrase left of the cue.
fn quotation_then_speaker(c: &Clause) -> Option<(usize, Option<(usize, usize)>)> {
    let doc = c.doc;
    let closing = c
        .before()
        .filter(|&j| doc.closes_quote(j) || c.before_piece() == "," && j > c.consumed && doc.closes_quote(j - 1));
    if let Some(j) = closing {
        return Some((j, c.speaker()));
    }
    if c.cue.first > c.consumed + 2 {
        return quotation_then_speaker_with_commas(c);
    }
    None
}

/// “CONTENT,” Kenya's water minister, Joseph Mutua, told reporters: a speaker with commas in it,
/// after the quotation's closing mark with a comma just inside (“...,”) or just after (“...”,).
fn quotation_then_speaker_with_commas(c: &Clause) -> Option<(usize, Option<(usize, usize)>)> {
    let (doc, cue) = (c.doc, c.cue);
    let (anchor, speaker_end) = match c.speaker() {
        Some(_) => c.left_phrase,
        None if doc.piece(cue.first - 1) == "," => (cue.first - 1, cue.first - 1),
        None => (cue.first, cue.first),
    };
    let from = cue.first.saturating_sub(16).max(c.consumed + 1);
    let q = (from..anchor)
        .rev()
        .find(|&q| doc.closes_quote(q) && (doc.piece(q - 1) == "," || q + 1 < anchor && doc.piece(q + 1) == ","))?;
    let k = if doc.piece(q - 1) == "," { q } else { q + 1 };
    let quote_between = (k + 1..cue.first).any(|x| doc.is_quote_mark(x));
    (k + 1 < speaker_end && !quote_between).then_some((k, Some((k + 1, speaker_end))))
}

/// The quotation that resumes after the reporting clause (“A,” he said, “B.”): after the cue's
/// content start when the speaker stands before the cue, else after the speaker and a comma.
fn resumed_quotation<'a>(
    c: &Clause<'a>,
    speaker_left: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
) -> Option<&'a Quote> {
    let (doc, b) = (c.doc, c.sentence_end);
    let resume = match (speaker_left, c.tail) {
        (Some(_), Tail::Content(s)) => Some(s),
        (None, _) => speaker.map(|(_, e)| if e < b && doc.piece(e) == "," { e + 1 } else { e }),
        _ => None,
    };
    resume.filter(|&s| s < b && doc.is_quote_mark(s)).and_then(|s| doc.quote_opening_at(s))
}

/// The fewest words a quotation after a colon needs to be a claim: fewer are mostly a name or a
/// slogan ("He called it: “Operation Dawn”").
const COLON_QUOTATION_WORDS: usize = 4;

/// “Bolton gave a different account, speaking via Twitter: “I offered to resign ...”": a
/// quotation opening after a colon (or after a comma, when it ends the sentence: "Trump defended
/// his decision, “...”"), in a sentence with no reporting verb before it, is the clause's
/// subject's, when the subject names someone and the clause is no copula ("The message was clear:
/// “...”" reports no one).
pub(super) fn quotation_after_colon(c: &Clause) -> Option<Outcome> {
    let doc = c.doc;
    let colon = c.cue.first;
    let Some((start, end)) = subject_np(doc, c.sentence_start, colon) else { return Some(Outcome::Nothing) };
    let copula = (end..colon).any(|k| doc.is_in(&doc.lex.be_forms, k));
    let Some(content) = content_after(c, c.cue.end) else { return Some(Outcome::Nothing) };
    let words: Vec<usize> = (content.first..content.end).filter(|&k| doc.is_word(k)).collect();
    // "... on Facebook: “We regret it,” the board wrote.": a cue after the quotation names its
    // speaker; "a letter from the ministry: “...”" (a few words before the colon): the quotation
    // is the ministry's, not the subject's; “The Last Ferry From Vell” in title case is a title.
    let cue_after = !find_cues(doc, content.end, c.sentence_end).is_empty();
    let from_someone = (end.max(colon.saturating_sub(4))..colon).any(|k| matches!(doc.lower(k), "from" | "by"));
    let title_case = words.iter().all(|&k| doc.capitalised(k) || doc.lex.function_words.contains(doc.lower(k)));
    if !names_someone(doc, start, end, colon)
        || copula
        || content.next_paragraph
        || words.len() < COLON_QUOTATION_WORDS
        || cue_after
        || from_someone
        || title_case
    {
        return Some(Outcome::Nothing);
    }
    Some(Outcome::Claim(Found {
        first: content.first,
        end: content.end,
        speaker: Some((start, end)),
        continues_previous: false,
        kind: ClaimKind::Direct,
        confidence: 0.6,
        note: "frame: a quotation after a colon, spoken by its clause's subject",
    }))
}

/// True when the subject `start..end` (before the token `limit`) names someone: a personal pronoun
/// (not "it"), or a name (its last word capitalised, no nationality, nor a word such as "There";
/// not a capitalised verb opening the sentence) followed by a lower-case word, its verb, or a comma.
fn names_someone(doc: &Doc, start: usize, end: usize, limit: usize) -> bool {
    let lex = doc.lex;
    if end == start + 1 && doc.is_in(&lex.subject_pronouns, start) {
        return doc.lower(start) != "it";
    }
    let last = end - 1;
    let verb_first = doc.lower(start).ends_with("ed") || doc.lower(start).ends_with("ing");
    let verb_after = end < limit && (doc.is_word(end) && !doc.capitalised(end) || doc.piece(end) == ",");
    doc.is_word(last)
        && doc.capitalised(last)
        && !doc.is_in(&lex.function_words, last)
        && !lex.demonyms.contains(doc.piece(last))
        && !verb_first
        && verb_after
}

/// A sentence with no cue that is a quotation right after a claim continues that claim's speaker
/// ("“...,” said Hajiyev. “The road is open ...”", "McGurk criticised the decision. “It shows
/// ...”"). `previous`: the last claim so far.
pub(super) fn continued_quotation(
    doc: &Doc,
    sentences: &[Sentence],
    si: usize,
    previous: Option<&ClaimDraft>,
) -> Option<ClaimDraft> {
    let sentence = &sentences[si];
    let (a, b) = (sentence.first_token as usize, sentence.end_token as usize);
    if !doc.is_quote_mark(a) || si == 0 {
        return None;
    }
    let prev = previous?;
    let prev_sentence = &sentences[si - 1];
    let ends_in_prev = prev.span.end > prev_sentence.span.start && prev.span.end <= prev_sentence.span.end;
    let follows = ends_in_prev && (prev.speaker_words.is_some() || prev.continues_previous);
    if !follows || doc.tokens[a].newlines_before >= 2 && !doc.piece(a).starts_with('“') {
        return None;
    }
    let (first, mut end) = trim(doc, a, b);
    if end <= first {
        return None;
    }
    // A quotation running over several sentences is one claim, to its closing mark; when a cue
    // follows that mark in its sentence ("“A. B,” he said."), the cue's frame takes it.
    if let Some(q) = doc.quote_opening_at(a) {
        let close = doc.token_from(q.span.end);
        let closing_sentence = sentences[si..].iter().find(|s| s.end_token as usize >= close);
        if close > b && closing_sentence.is_some_and(|s| !find_cues(doc, close, s.end_token as usize).is_empty()) {
            return None;
        }
        // "“Justice for the miners” was painted on the gate": words after the closing mark make
        // the sentence more than a quotation.
        if close <= b && (close..b).any(|k| doc.is_word(k)) {
            return None;
        }
        end = end.max(close);
    }
    Some(ClaimDraft {
        span: doc.span(first, end),
        kind: ClaimKind::Direct,
        cue: None,
        speaker_words: None,
        continues_previous: true,
        confidence: 0.7,
        evidence: vec![Evidence::note("a quotation continuing the previous claim's speaker")],
    })
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn quotations() {
        check(vec![
            (
                "quote_said_name",
                "“The road is open,” said Tom Hale, the mayor’s aide.",
                vec![c("“The road is open,”", Some("Tom Hale"), "direct")],
            ),
            (
                "continued_quote",
                "“It is normal,” said Ann Lee. “The road is open.”",
                vec![c("“It is normal,”", Some("Ann Lee"), "direct"), c("“The road is open.”", None, "direct")],
            ),
            (
                "quote_then_speaker_with_an_appositive",
                "“The river is ours too,” Kenya's water minister, Joseph Mutua, told a news conference on Monday.",
                vec![c("“The river is ours too,”", Some("Kenya's water minister, Joseph Mutua"), "direct")],
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
                "interrupted_quote",
                "“We are ready,” he said, “and we will win.”",
                vec![c("“We are ready,” he said, “and we will win.”", Some("he"), "direct")],
            ),
            (
                "quotation_continuing_an_indirect_claim",
                "Ana Lee criticised the plan on the radio. “It shows no grasp of what happens at sea.”",
                vec![
                    c("the plan on the radio", Some("Ana Lee"), "indirect"),
                    c("“It shows no grasp of what happens at sea.”", None, "direct"),
                ],
            ),
            (
                "a_sentence_with_a_quotation_in_it_is_no_continued_quotation",
                "Ana Lee said the protest would go on. “Justice for the miners” was painted across the gate.",
                vec![c("the protest would go on", Some("Ana Lee"), "indirect")],
            ),
            (
                "quotation_with_its_own_cue_after_an_indirect_claim",
                "Ana Lee believes the port will close. “It is a ritual by now. Each side knows its part,” she said.",
                vec![
                    c("the port will close", Some("Ana Lee"), "indirect"),
                    c("“It is a ritual by now. Each side knows its part,”", Some("she"), "direct"),
                ],
            ),
            (
                "quotation_after_a_colon",
                "Mira Kent gave her own account on social media: “I left the talks because nobody listened.”",
                vec![c("“I left the talks because nobody listened.”", Some("Mira Kent"), "direct")],
            ),
            (
                "quotation_after_a_colon_pronoun",
                "Later she took a parting shot on the radio: \"They have wasted a whole year of our lives.\"",
                vec![c("\"They have wasted a whole year of our lives.\"", Some("she"), "direct")],
            ),
            (
                "quotation_after_a_colon_copula_or_short_or_no_name",
                "The message was clear: “Nobody goes back to the mine.” He named the new plan: “Operation Dawn.” The old sign on the gate: “No entry for anyone after dark.”",
                vec![],
            ),
            (
                "quotation_after_a_comma_ending_the_sentence",
                "Ana Lee, also on the radio, defended the decision, “We could not wait for another winter.” There were cheers, “a loud, long and happy noise” in the hall.",
                vec![c("“We could not wait for another winter.”", Some("Ana Lee"), "direct")],
            ),
            (
                "quotation_after_a_colon_no_one_named",
                "On the Kessler–Ross scale, at level five: “the damage will be total and lasting.” It was simple: “Everyone has to leave the island now.”",
                vec![],
            ),
            (
                "quotation_after_a_colon_with_its_own_cue_or_from_someone_or_a_title",
                "Ana Lee got a letter from the ministry: “Your licence to fish is revoked.” Tom Hale starred in the hit play, “The Last Ferry From Vell Harbour.”",
                vec![],
            ),
            (
                "quotation_after_a_colon_after_a_cue",
                "Tom Hale told reporters: “The road is open again tonight.”",
                vec![c("“The road is open again tonight.”", Some("Tom Hale"), "direct")],
            ),
            (
                "quote_then_cue_and_a_speaker_with_appositives",
                "“She was the best sailor I have known,” said the Tarn Yacht Club's commodore, Ana Lee. “The ship has gone,” said Tom Hale, in Oslo. “It sank,” said Ann Ray, Monday.",
                vec![
                    c("“She was the best sailor I have known,”", Some("the Tarn Yacht Club's commodore, Ana Lee"), "direct"),
                    c("“The ship has gone,”", Some("Tom Hale"), "direct"),
                    c("“It sank,”", Some("Ann Ray"), "direct"),
                ],
            ),
            (
                "quote_before_cue_over_sentences",
                "“The port is shut. Nobody may enter,” the mayor said.",
                vec![c("“The port is shut. Nobody may enter,”", Some("the mayor"), "direct")],
            ),
        ]);
    }
}
