//! Whom a claim's speaker speaks for: a placed actor, an actor that speaks for itself, or what a
//! description names ("Israeli officials", "a spokesperson for the court", "the rebels" after
//! "pro-Russian rebels").

use super::knowledge::{camp_of_word, party_of_word};
use super::view::Ctx;
use super::{camp_of, Camp, Camps};
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{with_lower, LowerCase};
use crate::analysis::mentions::{before_reaching_name, organisation_named_earlier, within};
use crate::analysis::model::{Claim, ClusterId, Entity, EntityKind, Evidence, Speaker};
use crate::analysis::span::Span;

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
    if speaker.cluster.is_none()
        && (ctx.lex.plural_pronouns.contains_lower(words) || ctx.lex.quantity_speakers.contains_lower(words))
    {
        &speaker.name
    } else {
        own_words(ctx, speaker).slice(ctx.text)
    }
}

/// The speaker's words before any name that only reached the speaker ("the protesters Wikinews
/// interviewed": the protesters).
fn own_words(ctx: &Ctx, speaker: &Speaker) -> Span {
    before_reaching_name(ctx.tokens, ctx.doc.lower_tokens(), ctx.lex, ctx.entities, speaker.span)
}

/// "the government said", "the administration", "state media", "the government's lawyer": a
/// speaker nothing else placed, described as a government without its country, speaks for the
/// one country among the parties (lexicon `government_words.txt`); none when both or neither
/// party is a country.
pub(super) fn government_of_the_party(ctx: &Ctx, claim: &Claim, parties: &[Camp]) -> Option<(Camp, Evidence)> {
    let speaker = claim.speaker.as_ref().filter(|s| s.cluster.is_none())?;
    let mut countries = parties.iter().filter_map(|c| match c {
        Camp::Country(i) => Some(*i),
        _ => None,
    });
    let (country, None) = (countries.next()?, countries.next()) else { return None };
    let words: Vec<String> = description(ctx, speaker)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase())
        .collect();
    // The phrase ends the description ("the administration"), or is its owner ("the
    // government's lawyer").
    let names_government = (1..=3.min(words.len())).any(|n| {
        let phrase = words[words.len() - n..].join(" ");
        ctx.lex.government_words.contains(&phrase)
    }) || words.iter().any(|w| {
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .is_some_and(|owner| ctx.lex.government_words.contains(owner))
    });
    if !names_government {
        return None;
    }
    let name = &ctx.lex.countries[country].name;
    let note =
        format!("'{}' is the government of {name}, the one country among the parties", speaker.span.slice(ctx.text));
    Some((Camp::Country(country), Evidence::at(speaker.span, note)))
}

/// "protesters", "the plaintiffs", "some of the protesters", "a protester using the pseudonym
/// Katya": a named group that is a camp of its own, the first group noun of the description.
fn named_group(ctx: &Ctx, speaker: &Speaker) -> Option<(Camp, Evidence)> {
    let words = description(ctx, speaker);
    let camp =
        words.split(|c: char| !c.is_alphanumeric()).find_map(|w| with_lower(w, |w| ctx.lex.group_camps.get(w)))?;
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
    if let Some(placed) = described_before_person(ctx, speaker, cluster, camps) {
        return Some(placed);
    }
    if let Some(group) = group_before_person(ctx, speaker, cluster) {
        return Some(group);
    }
    let camp = ctx.actor(cluster)?;
    Some((camp, Evidence::at(speaker.span, format!("{} speaks for itself", speaker.name))))
}

/// "a protester using the pseudonym Katya", "student protester Joshua Wong", "Opposition leader
/// Tom Reed": a person no side placed, introduced by words before the name that name a group,
/// speaks as one of that group.
fn group_before_person(ctx: &Ctx, speaker: &Speaker, cluster: ClusterId) -> Option<(Camp, Evidence)> {
    if ctx.cluster(cluster).kind != EntityKind::Person {
        return None;
    }
    let name = within(ctx.entities, speaker.span).iter().find(|e| e.cluster == cluster)?;
    let before = Span::new(speaker.span.start as usize, name.span.start as usize).slice(ctx.text);
    let camp =
        before.split(|c: char| !c.is_alphanumeric()).find_map(|w| with_lower(w, |w| ctx.lex.group_camps.get(w)))?;
    let note = format!("{} is introduced as one of the {}", speaker.name, camp.to_lowercase());
    Some((Camp::Group(camp.clone()), Evidence::at(speaker.span, note)))
}

/// "the prosecutor general of Tehran, Ali Alghasi Mehr": a person no side placed, named after a
/// description with a title of office and its comma, stands where an entity of that description
/// stands.
fn described_before_person(
    ctx: &Ctx,
    speaker: &Speaker,
    cluster: ClusterId,
    camps: &Camps,
) -> Option<(Camp, Evidence)> {
    if ctx.cluster(cluster).kind != EntityKind::Person {
        return None;
    }
    let name = within(ctx.entities, speaker.span).iter().find(|e| e.cluster == cluster)?;
    let before = Span::new(speaker.span.start as usize, name.span.start as usize);
    // An office's title ("the prosecutor general of Tehran,"), not "a longtime critic of the
    // Kremlin,", whom the description names as an opponent.
    let description = before.slice(ctx.text);
    let titled = description.split_whitespace().any(|w| ctx.lex.titles.contains(&w.to_lowercase()));
    if !description.trim_end().ends_with(',') || !titled {
        return None;
    }
    let described = Speaker { span: before, name: speaker.name.clone(), cluster: None };
    entity_in_description(ctx, &described, camps)
}

/// "officials in Kiev", "a spokesperson for Tarn Holdings": the first entity in the description
/// that stands in a camp (an organisation stands for itself when nothing else places it), before
/// any name that only reached the speaker ([`own_words`]).
fn entity_in_description(ctx: &Ctx, speaker: &Speaker, camps: &Camps) -> Option<(Camp, Evidence)> {
    within(ctx.entities, own_words(ctx, speaker)).iter().filter(|e| !seat_of_adjudicator(ctx, speaker, e)).find_map(
        |e| {
            let camp = camp_of(ctx, camps, e)?;
            Some((camp, Evidence::at(e.span, format!("the speaker is tied to {}", e.span.slice(ctx.text)))))
        },
    )
}

/// "a federal judge in Texas", "a European diplomat in Manila": a place after a locative in the
/// description of a judge or a mediator (lexicon `adjudicator_titles.txt`), or of someone whose
/// nationality the description names before it, is where they sit, not whom they speak for.
fn seat_of_adjudicator(ctx: &Ctx, speaker: &Speaker, e: &Entity) -> bool {
    let Some(first) = ctx.token_at(e.span.start) else { return false };
    let from = ctx.token_from(speaker.span.start);
    e.kind == EntityKind::Place
        && first > from
        && ctx.is_in(&ctx.lex.locatives, first - 1)
        && (from..first - 1).any(|i| ctx.is_in(&ctx.lex.adjudicator_titles, i) || names_an_origin(ctx, from, i))
}

/// True when the word `i` of a description starting at token `from` names where the speaker comes
/// from: a country's word ("a US official"), or a capitalised word inside the description that is
/// no name ("a European diplomat").
fn names_an_origin(ctx: &Ctx, from: usize, i: usize) -> bool {
    let piece = ctx.piece(i);
    let span = ctx.tokens[i].span;
    camp_of_word(ctx, piece).is_some()
        || i > from
            && origin_adjective(ctx, piece, ctx.piece(i + 1))
            && !ctx.entities.iter().any(|e| e.span.start <= span.start && span.end <= e.span.end)
}

/// True for a capitalised word that is no title, before a lower-case word that is no locative:
/// an adjective of origin ("European diplomat"), not part of a title ("Deputy Foreign Minister in").
fn origin_adjective(ctx: &Ctx, word: &str, next: &str) -> bool {
    is_capitalised(word)
        && !ctx.lex.titles.contains_lower(word)
        && !is_capitalised(next)
        && next.chars().next().is_some_and(char::is_alphabetic)
        && !ctx.lex.locatives.contains_lower(next)
}

/// "Israeli officials", "Democratic lawmakers": a nationality or country word in the
/// description, or a political party's word before any preposition ("critics of the Democrats"
/// speak of the party, not for it).
fn nationality_in_description(ctx: &Ctx, speaker: &Speaker) -> Option<(Camp, Evidence)> {
    let words: Vec<&str> =
        description(ctx, speaker).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let head =
        words.iter().position(|w| ctx.lex.described_speaker_prepositions.contains_lower(w)).unwrap_or(words.len());
    // "a European diplomat in Manila": after an origin, a place after a locative is a seat.
    let seat = (2..words.len())
        .find(|&i| {
            ctx.lex.locatives.contains_lower(words[i - 1])
                && (1..i - 1).any(|k| origin_adjective(ctx, words[k], words[k + 1]))
        })
        .unwrap_or(words.len());
    words[..seat].iter().enumerate().find_map(|(i, word)| {
        let party = || (i < head).then(|| party_of_word(ctx, word, i.checked_sub(1).map(|b| words[b]))).flatten();
        let camp = camp_of_word(ctx, word).or_else(party)?;
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
        let before_prev = (i >= 2).then(|| ctx.piece(i - 2));
        let camp = camp_of_word(ctx, prev)
            .or_else(|| party_of_word(ctx, prev, before_prev))
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
            // A government named without its country: the one country among the parties, and
            // no side when both parties are countries.
            (
                "Shipping row\n\nTarn Holdings accused Chile of seizing two of its ships. Chile denied the accusation. Tarn Holdings said it would sue. The government said the ships had broken customs law.",
                "The government",
                Some("Chile"),
            ),
            (
                "Border row\n\nChile accused Peru of closing the border to trucks. Peru denied it and said the border was open. The government said talks would resume.",
                "The government",
                None,
            ),
            // A judge's seat is not whom the judge speaks for.
            (
                "Draft ruling\n\nA federal judge in Texas ruled the draft law is unconstitutional. The men's group Tarn Coalition said the ruling was a victory.",
                "A federal judge in Texas",
                None,
            ),
            // After an origin, a place after a locative is where the speaker is, not whom they
            // speak for.
            (
                "Reef row\n\nChile accused Peru of seizing the reef. Peru denied it. A European diplomat in Lima said the talks would fail.",
                "A European diplomat in Lima",
                None,
            ),
            (
                "Reef row\n\nChile accused Peru of seizing the reef. Peru denied it. Officials in Lima said the reef was theirs.",
                "Officials in Lima",
                Some("Peru"),
            ),
            // The outlet that reached the speakers is not whom they speak for.
            (
                "Serbia's interior minister said the march was banned. Some of the protesters Reuters interviewed said they would defy the ban.",
                "Some of the protesters Reuters interviewed",
                Some("Protesters"),
            ),
            (
                "Serbia's interior minister said the march was banned. Shopkeepers the BBC interviewed said the ban was unfair.",
                "Shopkeepers the BBC interviewed",
                None,
            ),
            // The first group noun of a description is the group: a noun followed by words that
            // say more of the speaker, and a group named only as what another group speaks of.
            (
                "Protesters accused Serbia of banning the march. Serbia's interior minister rejected the accusation and said the ban would stay. \"We will march anyway,\" said a protester using the name Mira.",
                "a protester using the name Mira",
                Some("Protesters"),
            ),
            // A person named after a description and its comma stands where the description's
            // place stands, before any group noun of it.
            (
                "Reef row\n\nChile accused Peru of seizing the reef. Peru denied it. The prosecutor general of Lima, Ana Ruiz, said the reef was theirs.",
                "The prosecutor general of Lima, Ana Ruiz",
                Some("Peru"),
            ),
            // A named person introduced as one of a group speaks as one of it.
            (
                "Protesters accused Serbia of banning the march. Serbia's interior minister rejected the accusation and said the ban would stay. \"We will march anyway,\" said a protester named Ana Ruiz.",
                "a protester named Ana Ruiz",
                Some("Protesters"),
            ),
            (
                "Protesters accused Serbia of banning the march. Serbia's interior minister rejected the accusation and said the ban would stay. Student protester Ana Ruiz said the march would go ahead.",
                "Student protester Ana Ruiz",
                Some("Protesters"),
            ),
            (
                "Protesters accused Serbia of banning the march, and protesters said they would defy the ban. Serbia's interior minister rejected the accusation. Critics of the protesters said the march would block the city centre.",
                "Critics of the protesters",
                None,
            ),
            // A political party's adjective names its camp, in a description and before a
            // title; the lower-case word names none.
            (
                "Budget row\n\nRepublicans accused Democrats of blocking the budget. Democratic lawmakers said the budget cut schools. Republican leaders said the cuts were needed.",
                "Democratic lawmakers",
                Some("Democrats"),
            ),
            (
                "Budget row\n\nThe Democratic Party accused the governor of cutting schools. Democratic mayor Ana Ruiz said the city would sue. Governor Tom Hale said the cuts were needed and democratic debate would go on.",
                "Democratic mayor Ana Ruiz",
                Some("Democrats"),
            ),
            // Another party's name ("Liberal Democrat", a side of its own) and lower-case
            // "republicans" name neither US party.
            (
                "Budget row\n\nRepublicans accused Democrats of blocking the budget. Democratic lawmakers said the budget cut schools. Liberal Democrat leader Ed Davey said the plan would fail.",
                "Liberal Democrat leader Ed Davey",
                Some("Liberal Democrat"),
            ),
            (
                "Budget row\n\nRepublicans accused Democrats of blocking the budget. Democratic lawmakers said the budget cut schools. Irish republicans said the plan would fail.",
                "Irish republicans",
                Some("Ireland"),
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
