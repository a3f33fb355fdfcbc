//! Questions about entity mentions that more than one stage asks once the entities are found:
//! the mentions within a span, the part of a speaker's words before the outlet that reached them,
//! and the organisation a common noun refers back to ("the ministry", "a company spokesman").
//! Shared here so that no stage imports another's helpers.

use super::document::LowerTokens;
use super::lexicon::Lexicon;
use super::model::{Entity, EntityKind, Token};
use super::span::Span;

/// The mentions whose span lies within `span`, in order (`entities` sorted, never overlapping).
pub fn within(entities: &[Entity], span: Span) -> &[Entity] {
    let start = entities.partition_point(|e| e.span.start < span.start);
    let end = entities.partition_point(|e| e.span.start < span.end);
    let slice = &entities[start..end.max(start)];
    let keep = slice.iter().take_while(|e| e.span.end <= span.end).count();
    &slice[..keep]
}

/// A speaker's words up to a name followed by a verb of reaching people (lexicon
/// `reaching_verbs.txt`): in "the protesters Wikinews interviewed" the outlet reached the
/// speakers; it is neither one of them nor whom they speak for. The whole phrase when no such
/// name follows its first word.
pub fn before_reaching_name(
    tokens: &[Token],
    lower: &LowerTokens,
    lex: &Lexicon,
    entities: &[Entity],
    phrase: Span,
) -> Span {
    let reacher = within(entities, phrase).iter().find(|e| {
        let next = tokens.partition_point(|t| t.span.start < e.span.end);
        e.span.start > phrase.start
            && tokens.get(next).is_some_and(|t| t.span.end <= phrase.end)
            && lex.reaching_verbs.contains(lower.get(next))
    });
    reacher.map_or(phrase, |e| Span::new(phrase.start as usize, e.span.start as usize))
}

/// The organisation a common noun refers back to ("ministry", "union", "company"), named before
/// byte `before`: the last one with the noun in its name, or one described as such ("Sport
/// Integrity Australia, the country's anti-doping agency"), or for a kind that is not a name
/// word ("company", "group"), the last organisation.
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
    let described = || {
        recent().find(|e| {
            let after = &text[e.span.end as usize..];
            let apposition = after.strip_prefix(", ").map(|a| a.split([',', '.', ';']).next().unwrap_or(""));
            apposition.is_some_and(|a| a.len() < 80 && a.split_whitespace().any(|w| w.to_lowercase() == noun))
        })
    };
    by_name.or_else(described).or_else(|| {
        if in_names && !lex.kind_org_words.contains(&noun) {
            None
        } else {
            recent().next()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::LEXICON;
    use crate::analysis::model::ClusterId;

    fn org(text: &str, name: &str, cluster: u32) -> Entity {
        let start = text.find(name).expect("name in text");
        Entity {
            span: Span::new(start, start + name.len()),
            kind: EntityKind::Org,
            cluster: ClusterId(cluster),
            confidence: 1.0,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn within_keeps_whole_mentions_only() {
        let text = "Tarn Shipping and the Harbour Authority met.";
        let entities = vec![org(text, "Tarn Shipping", 0), org(text, "Harbour Authority", 1)];
        let names = |span: Span| within(&entities, span).iter().map(|e| e.span.slice(text)).collect::<Vec<_>>();
        assert_eq!(names(Span::new(0, text.len())), ["Tarn Shipping", "Harbour Authority"]);
        assert_eq!(names(Span::new(0, 30)), ["Tarn Shipping"], "a mention cut by the span is not within it");
        assert!(names(Span::new(5, 5)).is_empty());
    }

    /// (text, the noun, the organisation it refers back to)
    #[test]
    fn nouns_refer_back_to_organisations() {
        let table = [
            ("The Ministry of Health met Tarn Shipping. The ministry", "ministry", Some("Ministry of Health")),
            ("Tarn Shipping met the Ministry of Health. The company", "company", Some("Ministry of Health")),
            (
                "Tarn Shipping, the biggest carrier, met the Ministry of Health. The carrier",
                "carrier",
                Some("Tarn Shipping"),
            ),
            ("Tarn Shipping met the Ministry of Health. The union", "union", None),
            ("Tarn Shipping met them. The minister", "minister", None),
        ];
        for (text, noun, want) in table {
            let mut entities: Vec<Entity> = ["Ministry of Health", "Tarn Shipping"]
                .iter()
                .enumerate()
                .filter(|(_, n)| text.contains(*n))
                .map(|(i, n)| org(text, n, i as u32))
                .collect();
            entities.sort_by_key(|e| e.span.start);
            let found = organisation_named_earlier(text, &entities, &LEXICON, noun, text.len() as u32);
            assert_eq!(found.map(|e| e.span.slice(text)), want, "{text}");
        }
    }
}
