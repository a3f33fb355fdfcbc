//! Clusters: every mention of one entity tied together. Mentions join by the same canonical
//! name, the same text, a person's surname (before or after the full name) or first name (when
//! one full name has it), an organisation's head word ("the Commission") or a company's first
//! word, or an acronym of a longer name.

use super::acronyms::initials;
use super::Found;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::model::{Cluster, ClusterId, Entity, EntityId, EntityKind, Token};
use rustc_hash::FxHashMap;

/// Groups mentions: same canonical name, same text, a person's surname (before or after the
/// full name) or first name (when only one full name in the text starts with it: "Terri Collins
/// … Terri said"), an organisation's head word or a company's first word, or an acronym of a
/// longer name in the text.
pub(super) fn cluster(text: &str, tokens: &[Token], lex: &Lexicon, found: Vec<Found>) -> (Vec<Entity>, Vec<Cluster>) {
    let surface_of = |f: &Found| f.span(tokens).slice(text);
    // Full names by surname ("Aliyev" → "Ilham Aliyev").
    // (Every name below is borrowed from the text or the knowledge base: a string is made only for
    // a new cluster's name.)
    let mut full_names: FxHashMap<&str, &str> = FxHashMap::default();
    // Full names by first name, `None` when two full names share it ("Terri" → "Terri Collins").
    let mut by_first_name: FxHashMap<&str, Option<&str>> = FxHashMap::default();
    // Organisations by their head word ("the Commission" → "European Commission") and companies
    // by their first word ("Solvane" → "Solvane Technologies").
    let mut org_heads: FxHashMap<&str, &str> = FxHashMap::default();
    // Longer names by initials ("EU" → "European Union").
    let mut by_initials: FxHashMap<String, (EntityKind, &str)> = FxHashMap::default();
    for f in &found {
        let surface = surface_of(f);
        if f.kind == EntityKind::Person && f.end - f.first >= 2 {
            full_names.entry(tokens[f.end - 1].span.slice(text)).or_insert(surface);
            if super::people::title_at(text, tokens, lex, f.first, f.end) == 0 {
                let first = by_first_name.entry(tokens[f.first].span.slice(text)).or_insert(Some(surface));
                if *first != Some(surface) {
                    *first = None;
                }
            }
        }
        if f.kind == EntityKind::Org && f.end - f.first >= 2 {
            let name = f.canonical.unwrap_or(surface);
            org_heads.entry(tokens[f.end - 1].span.slice(text)).or_insert(name);
            if lex.company_words.contains(tokens[f.end - 1].span.slice(text)) {
                org_heads.entry(tokens[f.first].span.slice(text)).or_insert(name);
            }
        }
        if matches!(f.kind, EntityKind::Org | EntityKind::Place) {
            let name = f.canonical.unwrap_or(surface);
            if let Some(acronym) = initials(name) {
                by_initials.entry(acronym).or_insert((f.kind, name));
            }
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: FxHashMap<(EntityKind, &str), ClusterId> = FxHashMap::default();
    let mut entities = Vec::with_capacity(found.len());
    for f in found {
        let span = f.span(tokens);
        let surface = span.slice(text);
        let kind = f.kind;
        let single = f.end - f.first == 1;
        let (key_kind, key_name): (EntityKind, &str) = if let Some(c) = f.canonical {
            (kind, c)
        } else if let (true, EntityKind::Person, Some(full)) = (single, kind, full_names.get(surface)) {
            (kind, full)
        } else if let (true, EntityKind::Person, Some(Some(full))) = (single, kind, by_first_name.get(surface)) {
            (kind, full)
        } else if let (true, EntityKind::Org, Some(full)) = (single, kind, org_heads.get(surface)) {
            (kind, full)
        } else if let Some((k, name)) = by_initials
            .get(surface)
            .filter(|_| single && kind != EntityKind::Person && surface.chars().all(char::is_uppercase))
        {
            (*k, name)
        } else {
            (kind, surface)
        };
        let id = *by_key.entry((key_kind, key_name)).or_insert_with(|| {
            clusters.push(Cluster { name: key_name.to_string(), kind: key_kind, mentions: Vec::new() });
            ClusterId(clusters.len() as u32 - 1)
        });
        clusters[id.0 as usize].mentions.push(EntityId(entities.len() as u32));
        entities.push(Entity { span, kind, cluster: id, confidence: f.confidence, evidence: f.evidence });
    }
    (entities, clusters)
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::recognize;
    use crate::analysis::Document;

    #[test]
    fn surname_joins_the_full_name_cluster() {
        let text = "Ilham Aliyev spoke. Later Aliyev left.";
        let (e, c) = recognize(&Document::read(text));
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].cluster, e[1].cluster);
        assert_eq!(c[e[1].cluster.0 as usize].name, "Ilham Aliyev");
    }

    #[test]
    fn clusters_join_titles_surnames_first_names_and_acronyms() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "title_then_full_name",
                "President Aliyev spoke on Monday. On Tuesday, Ilham Aliyev said he had left.",
                "Aliyev",
                "Ilham Aliyev",
            ),
            ("acronym_of_known_org", "The European Union met. The EU agreed.", "EU", "European Union"),
            (
                "head_word_of_an_organisation",
                "The Harbour Authority met on Monday. A spokesman said the Authority would appeal.",
                "Authority",
                "Harbour Authority",
            ),
            (
                "first_name_of_one_full_name",
                "Terri Collins filed the bill. Terri said it would pass.",
                "Terri",
                "Terri Collins",
            ),
            (
                "acronym_of_text_org",
                "A spokesman for the Royal Air Force said on Monday that the RAF would respond.",
                "RAF",
                "Royal Air Force",
            ),
        ];
        for (name, text, mention, want) in cases {
            let (e, c) = recognize(&Document::read(text));
            let m = e
                .iter()
                .find(|e| e.span.slice(text) == *mention)
                .unwrap_or_else(|| panic!("case {name}: no mention {mention}"));
            assert_eq!(c[m.cluster.0 as usize].name, *want, "case {name}");
        }
    }

    #[test]
    fn a_first_name_two_full_names_share_stays_apart() {
        let text = "Anna Berg and Anna Lund met. Anna said the talks went well.";
        let (e, c) = recognize(&Document::read(text));
        let anna = e.iter().find(|e| e.span.slice(text) == "Anna").expect("mention Anna");
        assert_eq!(c[anna.cluster.0 as usize].name, "Anna");
    }
}
