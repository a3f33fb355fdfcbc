//! Stage 6, attribution: who said each claim. Resolves the speaker words of a claim to a named
//! entity (the person in "US secretary of state Antony Blinken"), a pronoun to its antecedent,
//! and a continued quotation or participle to the previous claim's speaker.
//!
//! A speaker's name is the form the text uses (so "NATO", not a gazetteer's long form), and a
//! bare surname that the recogniser took for a place or an organisation ("Paris" after "Valeska
//! Paris") is read as the person it shortens.

use super::claims::ClaimDraft;
use super::lexicon::Lexicon;
use super::model::{Claim, Cluster, ClusterId, Entity, EntityKind, Evidence, Speaker};
use super::span::Span;
use std::collections::HashMap;

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

/// True when the entity is an owner ("Aliyev’s adviser", "Hamas' rival"), not the head.
fn possessed(text: &str, entity: &Entity) -> bool {
    let rest = &text[entity.span.end as usize..];
    rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with("' ") || rest.starts_with("’ ")
}

/// The entity a speaker phrase names: the first person that is not an owner, then an
/// organisation, then a place; for "a spokesperson for X" or "one of the officials" no entity is
/// the speaker itself.
fn head_entity<'a>(text: &str, entities: &'a [Entity], phrase: Span) -> Option<&'a Entity> {
    let inside = entities_within(entities, phrase);
    let first = inside.first()?;
    // "Spokespeople for Michel": the head noun comes before the entity, joined by a preposition.
    let lead = Span::new(phrase.start as usize, first.span.start as usize).slice(text).to_lowercase();
    let lead_words: Vec<&str> = lead.split_whitespace().collect();
    if lead_words.last().is_some_and(|w| matches!(*w, "for" | "of" | "in" | "from" | "at" | "with")) {
        return None;
    }
    [EntityKind::Person, EntityKind::Org, EntityKind::Place].iter().find_map(|kind| {
        inside
            .iter()
            .find(|e| e.kind == *kind && !possessed(text, e))
            .or_else(|| inside.iter().rev().find(|e| e.kind == *kind))
    })
}

/// Names and links computed once per text: the surface name of each cluster, and for each
/// one-word name the person whose surname it is.
struct Names {
    /// The name to show for each cluster: its canonical name if the text uses it, else its longest mention.
    shown: Vec<String>,
    /// Surname → the person cluster whose full name ends with it (first such person).
    person_by_surname: HashMap<String, ClusterId>,
}

impl Names {
    fn new(text: &str, entities: &[Entity], clusters: &[Cluster]) -> Names {
        let mut shown = Vec::with_capacity(clusters.len());
        let mut person_by_surname = HashMap::new();
        for (i, cluster) in clusters.iter().enumerate() {
            let forms = cluster.mentions.iter().filter_map(|m| entities.get(m.0 as usize)).map(|e| e.span.slice(text));
            let uses_canonical = cluster
                .mentions
                .iter()
                .filter_map(|m| entities.get(m.0 as usize))
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

    /// The cluster a mention stands for: a place or organisation named like a person's surname
    /// is that person.
    fn person_or_self(&self, clusters: &[Cluster], cluster: ClusterId) -> ClusterId {
        let c = &clusters[cluster.0 as usize];
        if c.kind != EntityKind::Person && !c.name.contains(' ') {
            if let Some(&person) = self.person_by_surname.get(&c.name) {
                return person;
            }
        }
        cluster
    }
}

/// The most recent person (or group) entity mentioned before `pos`, outside `exclude`.
fn antecedent<'a>(entities: &'a [Entity], pos: u32, person: bool, exclude: Span) -> Option<&'a Entity> {
    let end = entities.partition_point(|e| e.span.start < pos);
    entities[..end].iter().rev().take(40).find(|e| {
        !exclude.contains(e.span)
            && if person { e.kind == EntityKind::Person } else { matches!(e.kind, EntityKind::Org | EntityKind::Place) }
    })
}

/// The earlier speaker a definite role refers back to: "the spokesperson" or "the official" is the
/// last claim's speaker described with that role word.
fn same_role_earlier<'a>(text: &str, lex: &Lexicon, claims: &'a [Claim], words: Span) -> Option<&'a Speaker> {
    let (determiner, role) = determiner_and_noun(text, words)?;
    if determiner != "the" || !lex.titles.contains(&role) {
        return None;
    }
    claims
        .iter()
        .rev()
        .take(20)
        .filter_map(|c| c.speaker.as_ref())
        .find(|s| s.span != words && s.span.slice(text).to_lowercase().split_whitespace().any(|w| w == role.as_str()))
}

/// The owner of "his lawyers", "her office" or "its spokesman": the last person (for his and
/// her) or organisation or place (for its and their) named before the description.
fn owner_of_description<'a>(text: &str, entities: &'a [Entity], words: Span) -> Option<&'a Entity> {
    let phrase = words.slice(text).to_lowercase();
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let person = match parts[0] {
        "his" | "her" => true,
        "its" | "their" => false,
        _ => return None,
    };
    antecedent(entities, words.start, person, words)
}

/// The organisation a definite description stands for: "the ministry" is the last organisation
/// named earlier with "Ministry" in its name; "the company" or "the group" (a kind, not a name
/// word) is the last organisation named earlier.
fn named_earlier<'a>(text: &str, entities: &'a [Entity], lex: &Lexicon, words: Span) -> Option<&'a Entity> {
    let (determiner, noun) = determiner_and_noun(text, words)?;
    if !matches!(determiner.as_str(), "the" | "its" | "this") {
        return None;
    }
    organisation_named_earlier(text, entities, lex, &noun, words.start)
}

/// A speaker phrase of two words, lower case: ("the", "ministry").
fn determiner_and_noun(text: &str, words: Span) -> Option<(String, String)> {
    let phrase = words.slice(text).to_lowercase();
    let mut parts = phrase.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(determiner), Some(noun), None) => Some((determiner.to_string(), noun.to_string())),
        _ => None,
    }
}

/// The organisation a common noun refers back to ("ministry", "union", "company"), named before
/// byte `before`: the last one with the noun in its name, or for a kind that is not a name word
/// ("company", "group"), the last organisation.
pub fn organisation_named_earlier<'a>(
    text: &str,
    entities: &'a [Entity],
    lex: &Lexicon,
    noun: &str,
    before: u32,
) -> Option<&'a Entity> {
    let noun = noun.to_lowercase();
    let name_word: String = noun.chars().take(1).flat_map(char::to_uppercase).chain(noun.chars().skip(1)).collect();
    let in_names = lex.org_words.contains(&name_word);
    if !in_names && !lex.org_nouns.contains(&noun) {
        return None;
    }
    let end = entities.partition_point(|e| e.span.start < before);
    let recent = || entities[..end].iter().rev().take(60).filter(|e| e.kind == EntityKind::Org);
    let by_name = recent().find(|e| e.span.slice(text).split_whitespace().any(|w| w == name_word));
    // "Sport Integrity Australia, the country's anti-doping agency, ...": described as one.
    let described = || {
        recent().find(|e| {
            let after = &text[e.span.end as usize..];
            let apposition = after.strip_prefix(", ").map(|a| a.split([',', '.', ';']).next().unwrap_or(""));
            apposition.is_some_and(|a| a.len() < 80 && a.split_whitespace().any(|w| w.to_lowercase() == noun))
        })
    };
    by_name.or_else(described).or_else(|| {
        if in_names && !matches!(noun.as_str(), "company" | "group") {
            None
        } else {
            recent().next()
        }
    })
}

/// Resolves every draft's speaker and turns drafts into claims (sides are set later).
pub fn attribute(
    text: &str,
    drafts: Vec<ClaimDraft>,
    entities: &[Entity],
    clusters: &[Cluster],
    lex: &Lexicon,
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::with_capacity(drafts.len());
    let names = Names::new(text, entities, clusters);
    for draft in drafts {
        let mut evidence = draft.evidence;
        let mut confidence = draft.confidence;
        let previous = claims.last().and_then(|c: &Claim| c.speaker.clone());
        let speaker = if draft.continues_previous {
            if let Some(prev) = &previous {
                evidence.push(Evidence::at(
                    prev.span,
                    format!("speaker carried over from the previous claim: {}", prev.name),
                ));
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
                    let right_kind = if person {
                        kind == Some(EntityKind::Person)
                    } else {
                        kind.is_some_and(|k| k != EntityKind::Person)
                    };
                    right_kind && draft.span.start.saturating_sub(p.span.end) < 600
                });
                // ... unless another person of that kind is named after the previous claim, nearer the pronoun.
                let previous_end =
                    claims.last().map_or(0, |c: &Claim| c.span.end.max(c.speaker.as_ref().map_or(0, |s| s.span.end)));
                // Owners and objects ("Aliyev’s adviser", "adviser to Aliyev") do not count.
                let nearer = antecedent(entities, words.start, person, draft.span).filter(|e| {
                    let before =
                        text[..e.span.start as usize].trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
                    e.span.start >= previous_end
                        && !possessed(text, e)
                        && !matches!(before.as_str(), "to" | "for" | "of" | "with" | "by")
                });
                let recent = recent
                    .filter(|p| nearer.is_none_or(|e| Some(names.person_or_self(clusters, e.cluster)) == p.cluster));
                let resolved = recent.map(|p| (p.name, p.cluster)).or_else(|| {
                    antecedent(entities, words.start, person, draft.span)
                        .map(|e| (names.shown[e.cluster.0 as usize].clone(), Some(e.cluster)))
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
                let id = names.person_or_self(clusters, entity.cluster);
                let cluster = &clusters[id.0 as usize];
                if id != entity.cluster {
                    evidence.push(Evidence::at(
                        entity.span,
                        format!("'{}' is the surname of {}", entity.span.slice(text), cluster.name),
                    ));
                }
                evidence.push(Evidence::at(
                    entity.span,
                    format!("speaker is the {} {}", cluster.kind.label().to_lowercase(), names.shown[id.0 as usize]),
                ));
                Some(Speaker { span: words, name: names.shown[id.0 as usize].clone(), cluster: Some(id) })
            } else if let Some(earlier) = same_role_earlier(text, lex, &claims, words) {
                // "the spokesperson" after "a FIFA spokesperson said": the same speaker again.
                evidence.push(Evidence::at(
                    earlier.span,
                    format!("'{phrase}' is the speaker named earlier: {}", earlier.name),
                ));
                // A described speaker ("a spokesperson for FIFA") stands for the body it names.
                let body = || {
                    entities_within(entities, earlier.span)
                        .iter()
                        .rev()
                        .find(|e| matches!(e.kind, EntityKind::Org | EntityKind::Place))
                        .map(|e| e.cluster)
                };
                Some(Speaker { span: words, name: earlier.name.clone(), cluster: earlier.cluster.or_else(body) })
            } else if let Some(e) = owner_of_description(text, entities, words) {
                // "his lawyers", "her office", "its spokesman": they speak for the one named before.
                let owner = names.shown[e.cluster.0 as usize].clone();
                evidence.push(Evidence::at(words, format!("'{phrase}' speak for {owner}, named before")));
                Some(Speaker { span: words, name: phrase.to_string(), cluster: Some(e.cluster) })
            } else if let Some(e) = named_earlier(text, entities, lex, words) {
                let id = e.cluster;
                evidence.push(Evidence::at(
                    e.span,
                    format!("'{phrase}' taken as {}, named earlier", names.shown[id.0 as usize]),
                ));
                Some(Speaker { span: words, name: names.shown[id.0 as usize].clone(), cluster: Some(id) })
            } else if let Some(&id) = names.person_by_surname.get(phrase.trim()) {
                // A surname the recogniser missed ("Hajiyev said ...") names the person it shortens.
                evidence.push(Evidence::at(
                    words,
                    format!("'{phrase}' is the surname of {}", clusters[id.0 as usize].name),
                ));
                Some(Speaker { span: words, name: names.shown[id.0 as usize].clone(), cluster: Some(id) })
            } else {
                evidence.push(Evidence::at(words, "speaker is a description, not a named entity"));
                Some(Speaker {
                    span: words,
                    name: phrase.split_whitespace().collect::<Vec<_>>().join(" "),
                    cluster: None,
                })
            }
        } else {
            confidence *= 0.5;
            evidence.push(Evidence::note("no speaker found"));
            None
        };
        claims.push(Claim {
            span: draft.span,
            kind: draft.kind,
            cue: draft.cue,
            speaker,
            side: None,
            confidence,
            evidence,
        });
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;
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
            let analysis = crate::analysis::analyze(text);
            let claim = analysis.claims.last().expect("a claim");
            let speaker = claim.speaker.as_ref().expect("a speaker");
            assert_eq!(speaker.span.slice(text), words, "{text}");
            let cluster = speaker.cluster.map(|c| analysis.clusters[c.0 as usize].name.as_str());
            assert_eq!(cluster, Some(want), "{text}");
        }
    }

    #[test]
    fn head_entity_skips_owners() {
        let text = "Tom Hale's aide Ann Lee said so.";
        let entities =
            vec![entity(text, "Tom Hale", EntityKind::Person, 0), entity(text, "Ann Lee", EntityKind::Person, 1)];
        let phrase = Span::new(0, text.find(" said").unwrap());
        assert_eq!(head_entity(text, &entities, phrase).map(|e| e.cluster), Some(ClusterId(1)));
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
        assert_eq!(names.shown[0], "NATO", "the gazetteer's long form is not in the text");
        assert_eq!(
            names.person_or_self(&clusters, ClusterId(2)),
            ClusterId(1),
            "a place named like a surname is the person"
        );
    }
}
