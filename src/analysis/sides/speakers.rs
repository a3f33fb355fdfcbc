//! Whom a claim's speaker speaks for: a placed actor, an actor that speaks for itself, or what a
//! description names ("Israeli officials", "a spokesperson for the court", "the rebels" after
//! "pro-Russian rebels").

use super::knowledge::camp_of_word;
use super::view::Ctx;
use super::{camp_of, Camp, Camps};
use crate::analysis::lexicon::{with_lower, LowerCase};
use crate::analysis::mentions::{organisation_named_earlier, within};
use crate::analysis::model::{Claim, Evidence, Speaker};

/// The camp a claim's speaker speaks for, tried in order: the speaker's own cluster, then what
/// a description names.
pub(super) fn claim_camp(ctx: &Ctx, claim: &Claim, camps: &Camps) -> Option<(Camp, Evidence)> {
    let speaker = claim.speaker.as_ref()?;
    named_speaker(ctx, speaker, camps)
        .or_else(|| entity_in_description(ctx, speaker, camps))
        .or_else(|| nationality_in_description(ctx, speaker))
        .or_else(|| organisation_described(ctx, speaker, camps))
        .or_else(|| group_named_earlier(ctx, speaker, camps))
        .or_else(|| named_group(ctx, speaker))
}

/// The words describing the speaker: its words, or for "they" resolved to a group a phrase
/// described ("the protesters ... They said"), that phrase (its name).
fn description<'s>(ctx: &'s Ctx, speaker: &'s Speaker) -> &'s str {
    let words = speaker.span.slice(ctx.text);
    if speaker.cluster.is_none() && ctx.lex.plural_pronouns.contains_lower(words) {
        &speaker.name
    } else {
        words
    }
}

/// "protesters", "the plaintiffs": a named group that is a camp of its own.
fn named_group(ctx: &Ctx, speaker: &Speaker) -> Option<(Camp, Evidence)> {
    let words = description(ctx, speaker);
    let head = words.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty())?;
    let camp = with_lower(head, |head| ctx.lex.group_camps.get(head))?;
    Some((
        Camp::Group(camp.clone()),
        Evidence::at(speaker.span, format!("the speaker is one of the {}", camp.to_lowercase())),
    ))
}

/// A speaker resolved to a cluster: its camp, or itself when a person or organisation.
fn named_speaker(ctx: &Ctx, speaker: &Speaker, camps: &Camps) -> Option<(Camp, Evidence)> {
    let cluster = speaker.cluster?;
    if let Some((camp, _)) = camps.get(&cluster) {
        return Some((camp.clone(), Evidence::at(speaker.span, format!("{} stands with this side", speaker.name))));
    }
    let camp = ctx.actor(cluster)?;
    Some((camp, Evidence::at(speaker.span, format!("{} speaks for itself", speaker.name))))
}

/// "officials in Kiev", "a spokesperson for Tarn Holdings": the first entity in the description
/// that stands in a camp (an organisation stands for itself when nothing else places it).
fn entity_in_description(ctx: &Ctx, speaker: &Speaker, camps: &Camps) -> Option<(Camp, Evidence)> {
    within(ctx.entities, speaker.span).iter().find_map(|e| {
        let camp = camp_of(ctx, camps, e)?;
        Some((camp, Evidence::at(e.span, format!("the speaker is tied to {}", e.span.slice(ctx.text)))))
    })
}

/// "Israeli officials": a nationality or country word in the description.
fn nationality_in_description(ctx: &Ctx, speaker: &Speaker) -> Option<(Camp, Evidence)> {
    description(ctx, speaker).split(|c: char| !c.is_alphanumeric()).find_map(|word| {
        let camp = camp_of_word(ctx, word)?;
        Some((camp, Evidence::at(speaker.span, format!("the speaker is described as '{word}'"))))
    })
}

/// "a spokesperson for the court", "an official at the ministry": the organisation named earlier.
fn organisation_described(ctx: &Ctx, speaker: &Speaker, camps: &Camps) -> Option<(Camp, Evidence)> {
    // The last three words, lower case: "for the court". (No letter beyond ASCII lower-cases to
    // one of "the", so the middle word is compared as it is written.)
    let tail: Vec<&str> = description(ctx, speaker).split_whitespace().rev().take(3).collect();
    let [noun, the, preposition] = tail.as_slice() else { return None };
    if !the.eq_ignore_ascii_case("the") || !ctx.lex.described_speaker_prepositions.contains_lower(preposition) {
        return None;
    }
    let noun = noun.to_lowercase();
    let org = organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, &noun, speaker.span.start);
    let camp = org.and_then(|e| camp_of(ctx, camps, e))?;
    Some((camp, Evidence::at(speaker.span, format!("'the {noun}' named earlier"))))
}

/// "the rebels" after "pro-Russian rebels", "the embassy" after "the US Embassy": a group noun
/// whose allegiance an earlier mention named (looking back at most 3,000 tokens).
fn group_named_earlier(ctx: &Ctx, speaker: &Speaker, camps: &Camps) -> Option<(Camp, Evidence)> {
    let last = description(ctx, speaker).split_whitespace().last().unwrap_or("");
    if !ctx.lex.allegiant_groups.contains_lower(last) {
        return None;
    }
    let head = last.to_lowercase();
    let until = ctx.token_from(speaker.span.start);
    for i in (1..until).rev().take(3000) {
        if !ctx.piece(i).eq_ignore_ascii_case(&head) {
            continue;
        }
        let span = ctx.tokens[i].span;
        // "the US Embassy": the group word ends a placed name.
        if let Some(e) = ctx.entity_ending_at(i).filter(|e| e.span.start < span.start) {
            if let Some((camp, _)) = camps.get(&e.cluster) {
                let note = format!("'{head}' were named earlier as '{}'", e.span.slice(ctx.text));
                return Some((camp.clone(), Evidence::at(e.span, note)));
            }
        }
        // "pro-Russian rebels", "Hamas fighters": the word before names the camp.
        let prev = ctx.piece(i - 1);
        let camp = camp_of_word(ctx, prev)
            .or_else(|| ctx.entity_ending_at(i - 1).and_then(|e| camps.get(&e.cluster).map(|(c, _)| c.clone())));
        if let Some(camp) = camp {
            let note = format!("'{head}' were named earlier as '{prev} {head}'");
            return Some((camp, Evidence::at(ctx.tokens[i - 1].span.cover(span), note)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analysis::ById;

    /// (text, the claim's speaker words, the side it is put on)
    #[test]
    fn speakers_speak_for_camps() {
        let table = [
            ("Chile says the port is shut, while Peru says it is open.", "Peru", Some("Peru")),
            (
                "Chile says the port is shut, while Peru says it is open. Chilean officials said talks would go on.",
                "Chilean officials",
                Some("Chile"),
            ),
            (
                "Pro-Chilean rebels took the town, Peru said. Chile denied it. The rebels said they would stay.",
                "The rebels",
                Some("Chile"),
            ),
            ("Chile says the port is shut, while Peru says it is open. A witness said it was shut.", "A witness", None),
            (
                "Protesters accused Serbia of banning the march, and protesters said they would defy the ban. Serbia's interior minister rejected the accusation and said the ban would stay.",
                "Protesters",
                Some("Protesters"),
            ),
            // "They" for a group a phrase described speaks for what the phrase names.
            (
                "Serbia's interior minister said the march was banned. Thousands of protesters gathered in Belgrade on Friday. They said they would defy the ban.",
                "They",
                Some("Protesters"),
            ),
        ];
        for (text, words, want) in table {
            let analysis = crate::analyze(text);
            let claim = analysis
                .claims
                .iter()
                .find(|c| c.speaker.as_ref().is_some_and(|s| s.span.slice(text) == words))
                .unwrap_or_else(|| panic!("no claim by {words}: {text}"));
            assert_eq!(claim.side.map(|s| analysis.sides.by_id(s).name.as_str()), want, "{text}");
        }
    }
}
