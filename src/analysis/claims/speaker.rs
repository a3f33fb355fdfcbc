//! The words that name a claim's speaker: the phrase left of a cue ("the minister said"), after
//! it ("said one envoy"), before an appositive or a relative clause ("X, a lawyer who ..., said"),
//! and a clause's subject ("Meanwhile, the union ... and said"). Who they refer to is decided later,
//! by the attribution stage.

use super::doc::Doc;
use crate::analysis::document::{acronym_shaped, dateline_at, is_capitalised};
use crate::analysis::model::TokenKind;

/// Walks left from `cue` over the verb group and the speaker phrase; returns (phrase start, phrase end).
pub(super) fn speaker_left(doc: &Doc, lower_bound: usize, cue: usize) -> (usize, usize) {
    if let Some(found) = quoted_as(doc, lower_bound, cue) {
        return found;
    }
    let mut end = cue;
    while end > lower_bound && (doc.is_in(&doc.lex.verb_group_words, end - 1) || adverb_in_verb_group(doc, end - 1)) {
        end -= 1;
    }
    // "CNN, however, reported ...": a connective between commas stands between speaker and verb.
    if end >= lower_bound + 4
        && doc.piece(end - 1) == ","
        && doc.is_in(&doc.lex.sentence_connectives, end - 2)
        && doc.piece(end - 3) == ","
    {
        end -= 3;
    }
    // "On live television he said ...": a subject pronoun right before the verb is the speaker,
    // whatever adverbial comes before it (but not "Ana and he").
    if end > lower_bound + 1
        && doc.is_in(&doc.lex.subject_pronouns, end - 1)
        && doc.is_word(end - 2)
        && !doc.is_in(&doc.lex.clause_breaks, end - 2)
        && !doc.is_in(&doc.lex.object_prepositions, end - 2)
    {
        return (end - 1, end);
    }
    let mut start = end;
    while start > lower_bound && end - start < 12 {
        let j = start - 1;
        if doc.ends_phrase_leftwards(j) {
            break;
        }
        // "and" joins two names ("Oslo and Bergen said") but ends a clause ("... and the mayor said");
        // "The WHO's website said": an acronym is no clause word.
        if doc.is_in(&doc.lex.clause_breaks, j)
            && !acronym_shaped(doc.piece(j))
            && !(doc.lower(j) == "and"
                && start < end
                && j > lower_bound
                && !doc.is_punct(j - 1)
                && doc.tokens[j - 1].kind == TokenKind::Word
                && is_capitalised(doc.piece(j - 1))
                && is_capitalised(doc.piece(start)))
        {
            break;
        }
        start = j;
    }
    // Not the dateline the sentence opens with ("VESSEN (Reuters) - Nalvia accused ...").
    if let Some((_, after)) = dateline_at(doc.text, doc.tokens, start).filter(|(_, after)| *after < end) {
        start = after;
    }
    // "Nur Khan Liton, on Sunday told ...": a time phrase alone between a comma and the verb; the
    // speaker is the phrase before the comma (not a place phrase: "from Toronto, on Tuesday").
    if whole_time_phrase(doc, start, end) && start > lower_bound + 1 && doc.piece(start - 1) == "," {
        let lex = doc.lex;
        let found = speaker_before(doc, lower_bound, start - 1)
            .filter(|&(s, _)| !doc.is_in(&lex.object_prepositions, s) && !doc.is_in(&lex.adverbial_openers, s));
        if let Some(found) = found {
            return found;
        }
    }
    // "Terri Collins who sponsored the bill remarked ...": a relative clause with no commas between
    // the speaker and the verb; the speaker is the phrase before its pronoun. (Not "which the
    // group describes as": there the phrase after the pronoun is a subject.)
    if start > lower_bound + 1
        && start < end
        && opens_relative_clause(doc, lower_bound, start - 1)
        && verb_like(doc, start, end)
    {
        let pronoun = start - 1;
        let s = segment_before(doc, lower_bound, pronoun, NOUN_PHRASE_BEFORE_RELATIVE_REACH);
        if s < pronoun {
            return (s, pronoun);
        }
    }
    // A phrase opening with a preposition names no speaker: a subject pronoun in it does ("In a
    // story he sometimes told"), else after a coordinator there is none ("... and on Twitter
    // referred to ...": the coordinated cue's frames decide).
    if start < end && doc.is_in(&doc.lex.locatives, start) {
        if let Some(k) = (start + 1..end).rev().find(|&k| doc.is_in(&doc.lex.subject_pronouns, k)) {
            return (k, k + 1);
        }
        if start > lower_bound && matches!(doc.lower(start - 1), "and" | "but" | "or") {
            return (start, start);
        }
    }
    (after_time_phrase(doc, start, end), end)
}

/// True when the word at `i` (before `end`) is a relative clause's verb ("who sponsored the
/// bill", "who has led", "who heads the union"), not a subject ("that critics say", "which the
/// group describes"): a lower-case past form or auxiliary, or an "-s" form before a determiner.
fn verb_like(doc: &Doc, i: usize, end: usize) -> bool {
    doc.finite_form(i)
        || doc.is_word(i)
            && !doc.capitalised(i)
            && doc.lower(i).ends_with('s')
            && i + 1 < end
            && doc.is_in(&doc.lex.determiners, i + 1)
}

/// True when the phrase `[start, end)` left of a cue is a clause of its own, not a speaker: it
/// holds a finite auxiliary ("was one of his campaign promises", "would seek to face charges",
/// "there is a drug called"), so the cue's word is a noun or belongs to that clause.
///
/// Not an auxiliary inside the speaker's own description: after a relative word or a participle
/// ("Residents whose homes were flooded", "officials speaking on condition they not be named"),
/// or in a compound ("a would-be buyer").
pub(super) fn phrase_is_a_clause(doc: &Doc, start: usize, end: usize) -> bool {
    let lex = doc.lex;
    let described = |k: usize| {
        (start..k).any(|m| {
            doc.relative_pronoun(m)
                || doc.lower(m) == "that"
                || doc.is_word(m) && !doc.capitalised(m) && doc.lower(m).ends_with("ing")
        })
    };
    let compound = |k: usize| k > start && doc.piece(k - 1) == "-" || k + 1 < end && doc.piece(k + 1) == "-";
    (start..end).any(|k| {
        doc.is_word(k) && !doc.capitalised(k) && doc.is_in(&lex.auxiliaries, k) && !compound(k) && !described(k)
    })
}

/// Where the speaker starts in a phrase `[start, end)` that opens with a time phrase and no
/// comma ("on Friday the government", "late on Tuesday police"): after it, when words remain.
fn after_time_phrase(doc: &Doc, start: usize, end: usize) -> usize {
    time_phrase_end(doc, start, end).filter(|&k| k < end).unwrap_or(start)
}

/// True when `[start, end)` is a time phrase and nothing else ("on Sunday", "late on Friday").
fn whole_time_phrase(doc: &Doc, start: usize, end: usize) -> bool {
    time_phrase_end(doc, start, end) == Some(end)
}

/// Where a time phrase opening `[start, end)` ends: after its last word of time ("on Friday
/// night", "on the morning of 5 May"); `None` when the phrase opens no time phrase.
fn time_phrase_end(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let lex = doc.lex;
    if !(start < end && doc.is_word(start) && doc.is_in(&lex.adverbial_openers, start)) {
        return None;
    }
    let mut after_time = None;
    for k in start + 1..end {
        let piece = doc.piece(k);
        if lex.is_calendar_word(piece) || doc.tokens[k].kind == TokenKind::Number || doc.is_in(&lex.time_nouns, k) {
            after_time = Some(k + 1);
        } else if !(doc.is_in(&lex.adverbial_openers, k) || matches!(doc.lower(k), "the" | "of")) {
            break;
        }
    }
    after_time
}

/// True for a lower-case "-ly" adverb in a verb group ("sharply criticised"): not a noun or an
/// adjective of that form ("the assembly said", "its ally said"), nor a word after a determiner.
pub(super) fn adverb_in_verb_group(doc: &Doc, i: usize) -> bool {
    let word = doc.lower(i);
    doc.is_word(i)
        && !doc.capitalised(i)
        && word.len() >= 5
        && word.ends_with("ly")
        && !doc.is_in(&doc.lex.ly_words_not_adverbs, i)
        && !(i > 0 && doc.is_in(&doc.lex.determiners, i - 1))
}

/// `VERB X[, appositive,] as CUE`: "Politico quoted Tim Manning, a former official, as saying",
/// "the BBC cited police as saying": the one quoted (up to a comma) is the speaker, not the
/// outlet that quotes them.
fn quoted_as(doc: &Doc, lower_bound: usize, cue: usize) -> Option<(usize, usize)> {
    let verb = quoting_verb_before(doc, lower_bound, cue)?;
    let (start, as_) = (verb + 1, cue - 1);
    let end = (start..as_).find(|&k| doc.piece(k) == ",").unwrap_or(as_);
    (start < end).then_some((start, end))
}

/// The quoting verb of `VERB X as CUE` ("quoted", "cited"), when the cue at `cue` has one.
pub(super) fn quoting_verb_before(doc: &Doc, lower_bound: usize, cue: usize) -> Option<usize> {
    let as_ = cue.checked_sub(1).filter(|&k| k > lower_bound && doc.lower(k) == "as")?;
    (lower_bound..as_)
        .rev()
        .take(QUOTED_REACH)
        .take_while(|&k| !matches!(doc.piece(k), "." | ";" | ":"))
        .find(|&k| doc.is_in(&doc.lex.quoting_verbs, k))
        .filter(|&verb| verb + 1 < as_)
}

/// How far left of "as" the quoting verb is looked for, in tokens.
const QUOTED_REACH: usize = 20;

/// The comma-free stretch that ends at `end` (exclusive), at most `reach` tokens, walking left.
fn segment_before(doc: &Doc, lower_bound: usize, end: usize, reach: usize) -> usize {
    let mut start = end;
    while start > lower_bound && end - start < reach {
        let j = start - 1;
        if doc.ends_phrase_leftwards(j) {
            break;
        }
        let lower = doc.lower(j);
        if lower != "and" && doc.lex.clause_breaks.contains(lower) {
            break;
        }
        start = j;
    }
    start
}

/// A speaker phrase's usual reach, in tokens.
const PHRASE_REACH: usize = 12;
/// How far back a long relative clause's pronoun is looked for, and the reach of the phrase
/// before it ("Agnès Callamard, the special rapporteur for the Office of the UN High Commissioner
/// for Human Rights who had investigated the case, cautioned").
const RELATIVE_CLAUSE_REACH: usize = 32;
const NOUN_PHRASE_BEFORE_RELATIVE_REACH: usize = 20;

/// True when the token `k` opens a relative clause: a relative pronoun ([`Doc::relative_pronoun`],
/// not an acronym: "The WHO's website"), or "that" after a noun with its article ("the company
/// that owns it").
fn opens_relative_clause(doc: &Doc, lower_bound: usize, k: usize) -> bool {
    !acronym_shaped(doc.piece(k)) && doc.relative_pronoun(k)
        || doc.lower(k) == "that" && k >= lower_bound + 2 && matches!(doc.lower(k - 2), "the" | "a" | "an")
}

/// The speaker of "NAME, APPOSITIVE, said" or "NAME, who said": the stretch before the token
/// `stop` (a comma or "who"), reaching back over one more comma for a short name before it.
pub(super) fn speaker_before(doc: &Doc, lower_bound: usize, stop: usize) -> Option<(usize, usize)> {
    let mut end = stop;
    if end > lower_bound && doc.piece(end - 1) == "," {
        end -= 1;
    }
    let mut s1 = segment_before(doc, lower_bound, end, PHRASE_REACH);
    if s1 == end {
        return None;
    }
    // A relative clause ("X, who heads the list, said"; "an expert who is not involved, said") or
    // a participle phrase ("X, speaking on condition of anonymity, said") is not the speaker: the
    // speaker is the phrase before it. A long relative clause is followed back to its pronoun.
    let mut relative = (s1 > lower_bound && opens_relative_clause(doc, lower_bound, s1 - 1)).then(|| s1 - 1);
    if relative.is_none() && end - s1 >= PHRASE_REACH {
        let mut k = s1;
        while k > lower_bound && end - k < RELATIVE_CLAUSE_REACH && !doc.ends_phrase_leftwards(k - 1) {
            k -= 1;
            if opens_relative_clause(doc, lower_bound, k) {
                relative = Some(k);
                break;
            }
        }
    }
    let participle = doc.lower(s1).ends_with("ing") && s1 > lower_bound + 1 && doc.piece(s1 - 1) == ",";
    if let Some(pronoun) = relative {
        let mut e = pronoun;
        if e > lower_bound && doc.piece(e - 1) == "," {
            e -= 1;
        }
        let s = segment_before(doc, lower_bound, e, NOUN_PHRASE_BEFORE_RELATIVE_REACH);
        if s < e {
            s1 = s;
            end = e;
        }
    } else if participle {
        let e = s1 - 1;
        let s = segment_before(doc, lower_bound, e, PHRASE_REACH);
        if s < e {
            s1 = s;
            end = e;
        }
    }
    if s1 > lower_bound + 1 && doc.piece(s1 - 1) == "," {
        let s2 = segment_before(doc, lower_bound, s1 - 1, PHRASE_REACH);
        if s2 < s1 - 1 && s1 - 1 - s2 <= 8 {
            return Some((s2, end));
        }
    }
    Some((s1, end))
}

/// "..., according to the Government of Jersey, which said ...": the capitalised name that ends
/// just before the comma at token `comma` (with "of"/"for" inside it and "the" before it).
pub(super) fn name_before_comma(doc: &Doc, lower_bound: usize, comma: usize) -> (usize, usize) {
    let end = comma;
    let mut start = end;
    while start > lower_bound
        && end - start < 6
        && (doc.capitalised(start - 1)
            || matches!(doc.piece(start - 1), "of" | "for") && start >= 2 && doc.capitalised(start - 2))
    {
        start -= 1;
    }
    if start > lower_bound && start < end && doc.lower(start - 1) == "the" {
        start -= 1;
    }
    (start, end)
}

/// The subject at the start of a clause: a pronoun, or a determiner and a noun, or a run of
/// capitalised words and titles ("Russian President Vladimir Putin"). An opening adverbial
/// ("Meanwhile,", "On Monday,") is skipped.
pub(super) fn subject_np(doc: &Doc, a: usize, limit: usize) -> Option<(usize, usize)> {
    let lex = doc.lex;
    let mut i = after_opening_phrase(doc, a, limit);
    if i >= limit || !doc.is_word(i) {
        return None;
    }
    let lower = doc.lower(i);
    if lex.subject_pronouns.contains(lower) {
        return Some((i, i + 1));
    }
    let start = i;
    if lex.determiners.contains(lower) {
        i += 1;
        if i < limit && doc.is_word(i) {
            i += 1;
        } else {
            return None;
        }
    }
    while i < limit && i - start < 10 {
        let word = doc.lower(i);
        let keep = doc.capitalised(i)
            || doc.is_word(i) && lex.titles.contains(word)
            // "Former CIA deputy director Michael Morell": a title's modifier before a title.
            || doc.is_word(i) && lex.title_first_words.contains(word) && i + 1 < limit && doc.is_in(&lex.titles, i + 1)
            || matches!(doc.piece(i), "’s" | "'s" | "-")
            || matches!(word, "of" | "and") && i + 1 < limit && doc.capitalised(i + 1);
        if !keep {
            break;
        }
        i += 1;
    }
    // "French farmers blocked ...", "Ukrainian defence officials said ...": a nationality and the
    // common nouns it modifies, up to the verb.
    if i > start && doc.lex.demonyms.contains(doc.piece(i - 1)) {
        let head = i;
        while i < limit && i < head + 2 && doc.is_word(i) && !doc.capitalised(i) {
            let word = doc.lower(i);
            let verb_like = word.ends_with("ed") || word.ends_with("ing") || lex.speech_verbs.contains_key(word);
            if verb_like || lex.function_words.contains(word) {
                break;
            }
            i += 1;
        }
    }
    if i > start {
        if let Some(name) = appositive_name_after(doc, i, limit) {
            return Some(name);
        }
    }
    (i > start).then_some((start, i))
}

/// "One of these groups, the Harbour Union (HU), walked out and said ...", "A former adviser, Ana
/// Lee, spoke and said ...": a description ending at a comma (a few words after `from`) and a
/// name between that comma and the next; the name is the subject's head.
pub(super) fn appositive_name_after(doc: &Doc, from: usize, limit: usize) -> Option<(usize, usize)> {
    let comma = (from..limit.min(from + 6)).find(|&k| !doc.is_word(k))?;
    if doc.piece(comma) != "," {
        return None;
    }
    let start = comma + 1;
    let mut k = start;
    if k < limit && doc.lower(k) == "the" {
        k += 1;
    }
    let name_start = k;
    while k < limit && k - start < 10 {
        let keep = doc.capitalised(k)
            || matches!(doc.piece(k), "(" | ")" | "-")
            || matches!(doc.lower(k), "of" | "and" | "for") && k + 1 < limit && doc.capitalised(k + 1);
        if !keep {
            break;
        }
        k += 1;
    }
    (k > name_start && k + 1 < limit && doc.piece(k) == "," && doc.capitalised(name_start)).then_some((start, k))
}

/// Where a clause's subject may start: after a dateline, and after an opening adverbial or
/// connective ("Meanwhile,", "On Monday,") or participle phrase ("Speaking in Oslo,").
fn after_opening_phrase(doc: &Doc, a: usize, limit: usize) -> usize {
    let mut i = dateline_at(doc.text, doc.tokens, a).map_or(a, |(_, after)| after);
    // "In 2017, after the allegations came to light, Conyers resigned": a few phrases in a row.
    for _ in 0..MAX_OPENING_PHRASES {
        match opening_phrase_end(doc, i, limit) {
            Some(next) if next > i => i = next,
            _ => break,
        }
    }
    i
}

/// The most opening phrases skipped before a clause's subject.
const MAX_OPENING_PHRASES: usize = 3;

/// Where the opening phrase at `i` ends (after its comma), if one opens there: an adverbial or
/// connective ("Meanwhile,", "On Monday,"), a participle phrase ("Speaking in Oslo,"), or a time
/// phrase ("A month later,", "Two days after the vote,").
fn opening_phrase_end(doc: &Doc, i: usize, limit: usize) -> Option<usize> {
    let lex = doc.lex;
    if i >= limit || !doc.is_word(i) {
        return None;
    }
    let first = doc.lower(i);
    let opener =
        lex.adverbial_openers.contains(first) || first.ends_with("ly") || lex.sentence_connectives.contains(first);
    let comma = (i..limit.min(i + 12)).find(|&k| doc.piece(k) == ",");
    // "Speaking in Oslo, she ...", "Asked about the strike, the minister ...": a participle phrase.
    let participle = (first.ends_with("ing") || first.ends_with("ed")) && comma.is_some();
    let time = comma.is_some_and(|comma| {
        comma <= i + 6
            && (i..comma).any(|k| doc.is_in(&lex.time_nouns, k))
            && !(i..comma).any(|k| doc.is_in(&lex.subject_pronouns, k) || doc.is_in(&lex.auxiliaries, k))
    });
    if opener || participle || time {
        return Some(comma.map_or(i + 1, |comma| comma + 1));
    }
    None
}

/// Reads a speaker phrase to the right of the cue: up to a comma, full stop or quotation mark.
pub(super) fn speaker_right(doc: &Doc, from: usize, upper_bound: usize) -> (usize, usize) {
    let mut end = from;
    while end < upper_bound
        && end - from < 10
        && (!doc.is_punct(end)
            || matches!(doc.piece(end), "-" | "’s" | "'s")
            || plural_possessive(doc, end, upper_bound)
            || inside_a_name(doc, end, upper_bound))
    {
        end += 1;
    }
    (from, appositives_to_the_end(doc, end, upper_bound).unwrap_or(end))
}

/// True when the punctuation at `k` belongs inside a speaker's name: an abbreviation's full stop
/// inside the sentence ("U.S. Attorney Bash", "the U.S. embassy"), or the comma of a date ("a
/// March 14, 2019 NATO press release").
fn inside_a_name(doc: &Doc, k: usize, upper_bound: usize) -> bool {
    if k == 0 || k + 1 >= upper_bound || doc.tokens[k].space_before {
        return false;
    }
    let number = |i: usize, digits: std::ops::RangeInclusive<usize>| {
        doc.tokens[i].kind == TokenKind::Number && digits.contains(&doc.piece(i).len())
    };
    match doc.piece(k) {
        "." => doc.is_word(k - 1) && doc.tokens[k + 1].space_before,
        "," => number(k - 1, 1..=2) && number(k + 1, 4..=4) && k >= 2 && doc.lex.months.contains(doc.piece(k - 2)),
        _ => false,
    }
}

/// The most tokens a speaker's appositives after the cue may take ([`appositives_to_the_end`]).
const APPOSITIVES_REACH: usize = 14;

/// "said University of California, San Diego's chancellor, Pradeep Khosla.": when the speaker
/// phrase after the cue stops at a comma, and what follows it (at most two more commas, no
/// quotation mark, no participle or prepositional phrase) runs to the sentence's end with a
/// person's name after its last comma (two to four capitalised words, not a day or a month:
/// "said Tom Hale, Monday."), the phrase runs on to that name.
fn appositives_to_the_end(doc: &Doc, end: usize, upper_bound: usize) -> Option<usize> {
    if !(end < upper_bound && doc.piece(end) == ",") {
        return None;
    }
    let mut last = upper_bound;
    while last > end && doc.is_punct(last - 1) && !matches!(doc.piece(last - 1), ")" | "]") {
        last -= 1;
    }
    if last <= end + 1 || last - end > APPOSITIVES_REACH || (end..last).any(|k| doc.is_quote_mark(k)) {
        return None;
    }
    let commas: Vec<usize> = (end..last).filter(|&k| doc.piece(k) == ",").collect();
    let name_start = commas.last()? + 1;
    let calendar = |k: usize| doc.lex.months.contains(doc.piece(k)) || doc.lex.weekdays.contains(doc.piece(k));
    // A person's name: two to four capitalised words ("Pradeep Khosla"; not "Norway").
    let name = last >= name_start + 2
        && last - name_start <= 4
        && (name_start..last).all(|k| doc.capitalised(k) && !calendar(k));
    // No part between the commas is a participle or a prepositional phrase (", speaking outside
    // the court in Oslo,", ", from the village of Vell,").
    let descriptive = commas.iter().all(|&k| {
        let w = doc.lower(k + 1);
        !(w.ends_with("ing") || doc.lex.locatives.contains(w) || matches!(w, "from" | "of" | "at" | "on" | "with"))
    });
    (commas.len() <= 3 && name && descriptive).then_some(last)
}

/// True for the apostrophe of a plural possessive at token `i` before a lower-case description
/// ("Windsor Locks' first selectman"): right after a word in "s", a lower-case word after it. (Not
/// inside a name, "the Catholic Bishops' Conference of the Philippines", whose place words would
/// then stand for the speaker's camp.)
fn plural_possessive(doc: &Doc, i: usize, upper_bound: usize) -> bool {
    doc.is_apostrophe(i)
        && doc.lower(i - 1).ends_with('s')
        && i + 1 < upper_bound
        && doc.is_word(i + 1)
        && !doc.capitalised(i + 1)
}

/// True when the words from `i` look like a speaker named after the cue ("said Tom Hale",
/// "said one envoy"), not like reported content.
pub(super) fn speaker_like(doc: &Doc, i: usize, end: usize) -> bool {
    let lex = doc.lex;
    if i >= end || !doc.is_word(i) {
        return false;
    }
    let lower = doc.lower(i);
    if lex.subject_pronouns.contains(lower) {
        return true;
    }
    if doc.capitalised(i) {
        return true;
    }
    let (_, phrase_end) = speaker_right(doc, i, end);
    // A determiner and a short phrase ("one envoy"), or a name or title soon after it.
    lex.determiners.contains(lower)
        && (phrase_end - i <= 3
            || (i + 1..end.min(i + 4)).any(|k| {
                doc.capitalised(k)
                    || doc.is_in(&lex.titles, k)
                    || doc.lower(k).ends_with("s") && lex.titles.contains(doc.lower(k).trim_end_matches('s'))
            }))
}

#[cfg(test)]
mod tests {
    use super::super::table::{c, check};

    #[test]
    fn speaker_phrases() {
        check(vec![
            (
                "a_relative_clause_without_commas",
                "The harbour master who signed the order remarked the port was safe and open.",
                vec![c("the port was safe and open", Some("The harbour master"), "indirect")],
            ),
            (
                "an_abbreviation_and_a_date_inside_an_according_to_source",
                "According to the U.S. embassy in Oslo, the port is shut. \
                 According to a March 14, 2019 Navy report, the channel is too shallow.",
                vec![
                    c("the port is shut", Some("the U.S. embassy in Oslo"), "according_to"),
                    c("the channel is too shallow", Some("a March 14, 2019 Navy report"), "according_to"),
                ],
            ),
            (
                "a_phrase_opening_with_a_preposition_names_no_speaker",
                "In a story he often told, he learned to drum on school desks. \
                 The mayor said the plan had failed, and on Monday described the port as unsafe.",
                vec![
                    c("he learned to drum on school desks", Some("he"), "indirect"),
                    c("the plan had failed", Some("The mayor"), "indirect"),
                    // (The coordinated cue carries the mayor over: no words of its own.)
                    c("described the port as unsafe", None, "indirect"),
                ],
            ),
            (
                "the_one_quoted_speaks_not_the_outlet",
                "The Courier quoted Ana Lee, a harbour pilot, as saying the channel was too shallow. \
                 The paper also cited police as saying that two boats had sunk.",
                vec![
                    c("the channel was too shallow", Some("Ana Lee"), "indirect"),
                    c("two boats had sunk", Some("police"), "indirect"),
                ],
            ),
            (
                "told_takes_its_listener_not_a_speaker_after_it",
                "Ana Lee, the pilot's sister, told reporters she accepted the ruling.",
                vec![c("she accepted the ruling", Some("Ana Lee, the pilot's sister"), "indirect")],
            ),
            (
                "a_subject_after_a_relative_pronoun_speaks",
                "The council approved a budget that critics say will hurt the poor.",
                vec![c("will hurt the poor", Some("critics"), "indirect")],
            ),
            (
                "a_verb_inside_the_speaker's_description",
                "Residents whose homes were flooded said the warnings came too late. A would-be buyer said the price was too high.",
                vec![
                    c("the warnings came too late", Some("Residents whose homes were flooded"), "indirect"),
                    c("the price was too high", Some("A would-be buyer"), "indirect"),
                ],
            ),
            (
                "an_acronym_is_no_relative_pronoun",
                "The WHO's website said the remedies may ease some symptoms.",
                vec![c("the remedies may ease some symptoms", Some("The WHO's website"), "indirect")],
            ),
            (
                "a_listener_named_then_the_content",
                "The governor told the Harbour Post the towns were badly damaged. She told reporters in the capital that the pier was gone.",
                vec![
                    c("the towns were badly damaged", Some("The governor"), "indirect"),
                    c("the pier was gone", Some("She"), "indirect"),
                ],
            ),
            (
                "been_belongs_to_the_verb_group",
                "The ferry company has been warning that the crossing may close.",
                vec![c("the crossing may close", Some("The ferry company"), "indirect")],
            ),
            (
                "appositive_speaker",
                "Lena Ross, a former nurse, has claimed that the clinic lied.",
                vec![c("the clinic lied", Some("Lena Ross, a former nurse"), "indirect")],
            ),
            (
                "a_time_phrase_between_the_speaker_and_the_verb",
                "A local organiser, Rana Haq, on Sunday said the march would go ahead.",
                vec![c("the march would go ahead", Some("A local organiser, Rana Haq"), "indirect")],
            ),
            (
                "relative_clause_after_the_speaker",
                "Tarn Holdings, which owns 7 percent of the port, said it wanted talks.",
                vec![c("it wanted talks", Some("Tarn Holdings"), "indirect")],
            ),
            (
                "a_percent_sign_inside_the_relative_clause",
                "Tarn Holdings, which owns 7% of the port, said it wanted talks.",
                vec![c("it wanted talks", Some("Tarn Holdings"), "indirect")],
            ),
            (
                "relative_clause_inside_the_appositive",
                "Ben Ola, a lawyer who is not involved in the case, said the ruling was fair.",
                vec![c("the ruling was fair", Some("Ben Ola, a lawyer"), "indirect")],
            ),
            (
                "that_clause_inside_the_appositive",
                "Tarn Holdings, the company that owns the ferry, said the crew was safe.",
                vec![c("the crew was safe", Some("Tarn Holdings, the company"), "indirect")],
            ),
            (
                "that_after_a_verb_is_no_relative_clause",
                "Officials warned that the port, the largest in the region, said nothing.",
                vec![c("the port, the largest in the region", Some("Officials"), "indirect")],
            ),
            (
                "adverb_before_the_cue_is_not_the_speaker",
                "Tom Hale, the port's manager, angrily said the cranes had failed.",
                vec![c("the cranes had failed", Some("Tom Hale, the port's manager"), "indirect")],
            ),
            (
                "a_noun_in_ly_is_the_speaker",
                "Its ally said the vote was fair.",
                vec![c("the vote was fair", Some("Its ally"), "indirect")],
            ),
            (
                "whom_opens_a_relative_clause",
                "A port official, whom the paper did not name, said the cranes had failed.",
                vec![c("the cranes had failed", Some("A port official"), "indirect")],
            ),
            (
                "a_long_relative_clause_is_followed_back_to_its_pronoun",
                "The union, which has retreated from its earlier goal of closing every one of the northern ports, has said it will talk.",
                vec![c("it will talk", Some("The union"), "indirect")],
            ),
            (
                "a_long_appositive_before_a_relative_clause",
                "Ana Lind, the special envoy for the Council of the Northern Ports Authority who had visited the harbour, said talks would be slow.",
                vec![c(
                    "talks would be slow",
                    Some("Ana Lind, the special envoy for the Council of the Northern Ports Authority"),
                    "indirect",
                )],
            ),
            (
                "participle_phrase_after_the_speaker",
                "A port official, speaking on condition of anonymity, said the cranes had failed.",
                vec![c("the cranes had failed", Some("A port official"), "indirect")],
            ),
            (
                "appositive_then_content_with_a_verb",
                "Councillor Ana Reis, the council's housing lead, said the city needed 1,100 new homes a year.",
                vec![c(
                    "the city needed 1,100 new homes a year",
                    Some("Councillor Ana Reis, the council's housing lead"),
                    "indirect",
                )],
            ),
            (
                "a_connective_between_commas_is_not_the_speaker",
                "The Herald, however, reported that the ferry had left early.",
                vec![c("the ferry had left early", Some("The Herald"), "indirect")],
            ),
            (
                "a_pronoun_after_an_adverbial_is_the_speaker",
                "At the harbour on Monday she said the cranes had failed.",
                vec![c("the cranes had failed", Some("she"), "indirect")],
            ),
            (
                "an_appositive_name_after_a_description_is_the_subject",
                "One of the unions, the Harbour Workers Union (HWU), walked out and said the cranes had failed.",
                vec![c("the cranes had failed", Some("the Harbour Workers Union (HWU)"), "indirect")],
            ),
            (
                "an_appositive_person_after_a_description_is_the_subject",
                "Another former adviser, Ana Lee, also spoke and urged the crew to stay calm.",
                vec![c("the crew to stay calm", Some("Ana Lee"), "indirect")],
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
        ]);
    }
}
