//! Who accuses whom: the claims whose content targets another side, grouped by pair of sides,
//! computed over a finished [`Analysis`] so that the page only draws the arrows.
//!
//! A claim targets another side when a word of its cue is an accusation cue (lexicon
//! `accusation_cues.txt`: accuse, deny, demand, warn, condemn, criticise, blame, urge...) and its
//! content names that side: a mention of one of its members, or one of its aliases (a capital, a
//! demonym) where no entity was recognised. The speaker's own side is never a target.

use super::lexicon::{Lexicon, LEXICON};
use super::{Analysis, Claim, ClaimId, SideId, Span};

/// The claims of one side that target another: one arrow of the diagram.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Accusation {
    /// The speakers' side.
    pub from: SideId,
    /// The side the claims name.
    pub to: SideId,
    /// The claims, in text order (never empty).
    pub claims: Vec<ClaimId>,
}

/// The arrows between sides, ordered by (from, to) side id; a claim naming two other sides is on
/// both arrows. Claims without a side or without a cue never count.
pub fn accusations(text: &str, analysis: &Analysis) -> Vec<Accusation> {
    let lex = &*LEXICON;
    // The side of each entity (by cluster index), if any.
    let mut side_of: Vec<Option<SideId>> = vec![None; analysis.clusters.len()];
    for (i, side) in analysis.sides.iter().enumerate() {
        for m in &side.members {
            if let Some(slot) = side_of.get_mut(m.0 as usize) {
                *slot = Some(SideId(i as u32));
            }
        }
    }
    // Kept in (from, to) order as found: a binary search places each pair, claims stay in text order.
    let mut out: Vec<Accusation> = Vec::new();
    for (i, claim) in analysis.claims.iter().enumerate() {
        let (Some(from), Some(cue)) = (claim.side, claim.cue) else { continue };
        if !is_accusation_cue(cue.slice(text), lex) {
            continue;
        }
        for to in targets(text, analysis, claim, &side_of) {
            if to == from {
                continue;
            }
            let at = out.partition_point(|x| (x.from, x.to) < (from, to));
            match out.get_mut(at) {
                Some(x) if (x.from, x.to) == (from, to) => x.claims.push(ClaimId(i as u32)),
                _ => out.insert(at, Accusation { from, to, claims: vec![ClaimId(i as u32)] }),
            }
        }
    }
    out
}

/// True when a word of the cue ("accused", "issued a warning") is an accusation cue.
fn is_accusation_cue(cue: &str, lex: &Lexicon) -> bool {
    cue.split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && lex.accusation_cues.contains_key(&w.to_lowercase()))
}

/// The sides the claim's content names, in side order, each once.
fn targets(text: &str, analysis: &Analysis, claim: &Claim, side_of: &[Option<SideId>]) -> Vec<SideId> {
    let span = claim.span;
    let first = analysis.entities.partition_point(|e| e.span.start < span.start);
    let inside: Vec<_> = analysis.entities[first..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .filter(|e| span.contains(e.span))
        .collect();
    let mut out: Vec<SideId> = Vec::new();
    for side in inside.iter().filter_map(|e| side_of.get(e.cluster.0 as usize).copied().flatten()) {
        insert_sorted(&mut out, side);
    }
    // Aliases that no recognised entity covers: demonyms ("Armenians"), capitals the rules missed.
    let content = span.slice(text);
    let covered = |at: usize, len: usize| {
        let s = Span::new(span.start as usize + at, span.start as usize + at + len);
        inside.iter().any(|e| e.span.overlaps(s))
    };
    for (i, side) in analysis.sides.iter().enumerate() {
        let id = SideId(i as u32);
        if out.contains(&id) || Some(id) == claim.side {
            continue;
        }
        let named = side.aliases.iter().filter(|a| !a.is_empty()).any(|alias| {
            content
                .match_indices(alias.as_str())
                .any(|(at, _)| whole_word(content, at, alias.len()) && !covered(at, alias.len()))
        });
        if named {
            insert_sorted(&mut out, id);
        }
    }
    out
}

/// Adds `side` to a sorted list of sides unless it is there.
pub fn insert_sorted(sides: &mut Vec<SideId>, side: SideId) {
    let at = sides.partition_point(|s| *s < side);
    if sides.get(at) != Some(&side) {
        sides.insert(at, side);
    }
}

/// True when `text[at..at + len]` is a whole word, allowing a plural "s" after it ("Armenians").
fn whole_word(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let mut after = text[at + len..].chars();
    let next = match after.next() {
        Some('s') => after.next(),
        other => other,
    };
    !before.is_some_and(char::is_alphanumeric) && !next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// (from, to, claim contents) of every arrow, by side name.
    fn arrows(text: &str) -> Vec<(String, String, Vec<String>)> {
        let a = analyze(text);
        accusations(text, &a)
            .into_iter()
            .map(|acc| {
                let contents = acc.claims.iter().map(|c| a.claim(*c).span.slice(text).to_string()).collect();
                (a.side(acc.from).name.clone(), a.side(acc.to).name.clone(), contents)
            })
            .collect()
    }

    #[test]
    fn accusations_by_table() {
        // (article, expected arrows as "from -> to: claim count")
        let table: &[(&str, &[&str])] = &[
            // A cue that accuses, a content that names the other side's capital.
            (
                "Yerevan says the talks will go on. Baku accused Yerevan of shelling the border villages.",
                &["Baku -> Yerevan: 1"],
            ),
            // Saying is not accusing, even when the content names the other side.
            ("Yerevan says Baku is blocking the road, while Baku says Yerevan is smuggling arms.", &[]),
            // Both directions, each its own arrow.
            (
                "Norway accused Sweden of closing the port, while Stockholm denied that Oslo had paid the fees.",
                &["Norway -> Stockholm: 1", "Stockholm -> Norway: 1"],
            ),
            // A demonym the entity rules do not mark still names its side.
            (
                "Oslo says the port is open. Stockholm warned that the Norwegians would close the road.",
                &["Stockholm -> Oslo: 1"],
            ),
            // An accusation that names nobody on another side targets no one.
            ("Oslo says the port is open. Bergen warned that the storm would close the roads.", &[]),
        ];
        for (text, want) in table {
            let got: Vec<String> =
                arrows(text).iter().map(|(from, to, claims)| format!("{from} -> {to}: {}", claims.len())).collect();
            let mut got_sorted = got.clone();
            got_sorted.sort();
            let mut want_sorted: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            want_sorted.sort();
            assert_eq!(got_sorted, want_sorted, "{text}");
        }
    }

    #[test]
    fn the_demo_article_has_an_accusation_between_the_parties() {
        let text = crate::DEMO_ARTICLE;
        let a = analyze(text);
        let arrows = accusations(text, &a);
        let parties: Vec<SideId> = a.parties().collect();
        assert!(
            arrows.iter().any(|acc| parties.contains(&acc.from) && parties.contains(&acc.to)),
            "{:?}",
            arrows.iter().map(|x| (a.side(x.from).name.clone(), a.side(x.to).name.clone())).collect::<Vec<_>>()
        );
        for acc in &arrows {
            assert_ne!(acc.from, acc.to);
            assert!(!acc.claims.is_empty() && acc.claims.windows(2).all(|w| w[0] < w[1]), "claims in text order");
            assert!(acc.claims.iter().all(|c| a.claim(*c).side == Some(acc.from)));
        }
    }

    #[test]
    fn cue_words_and_whole_words() {
        let lex = &*LEXICON;
        for (cue, want) in [("accused", true), ("issued a warning", true), ("said", false), ("according to", false)] {
            assert_eq!(is_accusation_cue(cue, lex), want, "{cue}");
        }
        for (text, at, len, want) in [
            ("the Armenians left", 4, 8, true),
            ("Baku's checkpoint", 0, 4, true),
            ("Bakunin wrote", 0, 4, false),
            ("anti-Baku", 5, 4, true),
            ("xBaku", 1, 4, false),
        ] {
            assert_eq!(whole_word(text, at, len), want, "{text}");
        }
    }

    #[test]
    fn empty_and_odd_input_give_no_arrows() {
        for text in ["", "   ", "“Quote” said.", "accused accused accused"] {
            assert!(accusations(text, &analyze(text)).is_empty(), "{text:?}");
        }
    }
}
