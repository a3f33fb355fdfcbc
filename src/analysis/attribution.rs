//! Stage 6, attribution: who said each claim. Resolves the speaker words of a claim to a named
//! entity (the person in "US secretary of state Antony Blinken"), a pronoun to its antecedent,
//! and a continued quotation or participle to the previous claim's speaker.

use super::claims::ClaimDraft;
use super::model::{Claim, Cluster, Entity, EntityKind, Evidence, Speaker};
use super::span::Span;

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "we"];

/// Entities whose span lies within `span`, in order.
fn entities_within(entities: &[Entity], span: Span) -> &[Entity] {
    let start = entities.partition_point(|e| e.span.start < span.start);
    let end = entities.partition_point(|e| e.span.start < span.end);
    let slice = &entities[start..end.max(start)];
    let keep = slice.iter().take_while(|e| e.span.end <= span.end).count();
    &slice[..keep]
}

/// The entity a speaker phrase names: a person first, then an organisation, then a place; for
/// "a spokesperson for X" or "one of the officials" no entity is the speaker itself.
fn head_entity<'a>(text: &str, entities: &'a [Entity], phrase: Span) -> Option<&'a Entity> {
    let inside = entities_within(entities, phrase);
    let first = inside.first()?;
    // "Spokespeople for Michel": the head noun comes before the entity, joined by a preposition.
    let lead = Span::new(phrase.start as usize, first.span.start as usize).slice(text).to_lowercase();
    let lead_words: Vec<&str> = lead.split_whitespace().collect();
    if lead_words.last().is_some_and(|w| matches!(*w, "for" | "of" | "in" | "from" | "at" | "with")) {
        return None;
    }
    [EntityKind::Person, EntityKind::Org, EntityKind::Place]
        .iter()
        .find_map(|kind| inside.iter().rev().find(|e| e.kind == *kind))
}

/// The most recent person (or group) entity mentioned before `pos`, outside `exclude`.
fn antecedent<'a>(entities: &'a [Entity], pos: u32, person: bool, exclude: Span) -> Option<&'a Entity> {
    let end = entities.partition_point(|e| e.span.start < pos);
    entities[..end].iter().rev().take(40).find(|e| {
        !exclude.contains(e.span)
            && if person { e.kind == EntityKind::Person } else { matches!(e.kind, EntityKind::Org | EntityKind::Place) }
    })
}

/// Resolves every draft's speaker and turns drafts into claims (sides are set later).
pub fn attribute(text: &str, drafts: Vec<ClaimDraft>, entities: &[Entity], clusters: &[Cluster]) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let mut evidence = draft.evidence;
        let mut confidence = draft.confidence;
        let previous = claims.last().and_then(|c: &Claim| c.speaker.clone());
        let speaker = if draft.continues_previous {
            if let Some(prev) = &previous {
                evidence.push(Evidence::at(prev.span, format!("speaker carried over from the previous claim: {}", prev.name)));
            }
            previous
        } else if let Some(words) = draft.speaker_words {
            let phrase = words.slice(text);
            let lower = phrase.to_lowercase();
            if PERSON_PRONOUNS.contains(&lower.as_str()) || GROUP_PRONOUNS.contains(&lower.as_str()) {
                let person = PERSON_PRONOUNS.contains(&lower.as_str());
                // Prefer the previous claim's speaker when it is of the right kind and close by.
                let recent = previous.filter(|p| {
                    let kind = p.cluster.map(|c| clusters[c.0 as usize].kind);
                    let right_kind = if person { kind == Some(EntityKind::Person) } else { kind.is_some_and(|k| k != EntityKind::Person) };
                    right_kind && draft.span.start.saturating_sub(p.span.end) < 600
                });
                let resolved = recent.map(|p| (p.name, p.cluster)).or_else(|| {
                    antecedent(entities, words.start, person, draft.span)
                        .map(|e| (clusters[e.cluster.0 as usize].name.clone(), Some(e.cluster)))
                });
                match resolved {
                    Some((name, cluster)) => {
                        evidence.push(Evidence::at(words, format!("pronoun '{phrase}' resolved to {name}")));
                        Some(Speaker { span: words, name, cluster })
                    }
                    None => {
                        confidence *= 0.6;
                        evidence.push(Evidence::at(words, format!("pronoun '{phrase}' left unresolved")));
                        Some(Speaker { span: words, name: phrase.to_string(), cluster: None })
                    }
                }
            } else if let Some(entity) = head_entity(text, entities, words) {
                let cluster = &clusters[entity.cluster.0 as usize];
                evidence.push(Evidence::at(entity.span, format!("speaker is the {} {}", entity.kind.label().to_lowercase(), cluster.name)));
                Some(Speaker { span: words, name: cluster.name.clone(), cluster: Some(entity.cluster) })
            } else {
                evidence.push(Evidence::at(words, "speaker is a description, not a named entity"));
                Some(Speaker { span: words, name: phrase.split_whitespace().collect::<Vec<_>>().join(" "), cluster: None })
            }
        } else {
            confidence *= 0.5;
            evidence.push(Evidence::note("no speaker found"));
            None
        };
        claims.push(Claim { span: draft.span, kind: draft.kind, cue: draft.cue, speaker, side: None, confidence, evidence });
    }
    claims
}
