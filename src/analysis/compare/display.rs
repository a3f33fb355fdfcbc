//! One article's analysis in the comparison's terms, so that both articles are drawn in one set
//! of colours: a side per camp (the sides of a camp merged, named after the camp), in the
//! comparison's camp order, the two principal camps as the two parties.
//!
//! Where one principal camp is not in this article at all, an empty side holds its place, so that
//! the other principal camp keeps its colour. The result is for drawing; what each article says
//! on its own (its sides, their roles and order) stays in the analysis [`super::compare`] read.

use super::{Camp, Which};
use crate::analysis::model::{Analysis, Evidence, Side, SideBalance, SideId, SideRole};
use crate::analysis::sides::apply_edits;

/// `analysis` (article `which` of a comparison) with a side per camp of the comparison's `camps`,
/// in their order. It depends on the camps only, so a page redraws an article only when its own
/// text or the camps change.
///
/// ```
/// use article_explorer::analysis::compare::{compare, in_camp_terms, Which};
/// use article_explorer::analysis::Standing;
/// let a = "Chile accused Peru of closing the border to trucks, while Peru says the border is open.";
/// let b = "Peru says the border is open to trucks. Peru said “trade is normal”. Chile accused Peru of closing it.";
/// let (x, y) = (article_explorer::analyze(a), article_explorer::analyze(b));
/// let comparison = compare(a, &x, b, &y, &[]);
/// let drawn_b = in_camp_terms(&y, &comparison.camps, Which::B);
/// // Chile is A's first party, so it is the first party in both drawings.
/// let chile = drawn_b.claims.iter().find(|c| c.speaker.as_ref().unwrap().name == "Chile").unwrap();
/// assert_eq!(drawn_b.standing(chile.side), Standing::FirstParty);
/// ```
pub fn in_camp_terms(analysis: &Analysis, camps: &[Camp], which: Which) -> Analysis {
    let mut out = analysis.clone();
    let mut sides: Vec<Side> = Vec::new();
    let mut new_id: Vec<Option<SideId>> = vec![None; analysis.sides.len()];
    for camp in camps {
        let mine = camp.sides(which);
        if mine.is_empty() && !camp.principal {
            continue;
        }
        let id = SideId(sides.len() as u32);
        let mut side = Side {
            name: camp.name.clone(),
            role: if camp.principal { SideRole::Party } else { SideRole::ThirdParty },
            aliases: Vec::new(),
            members: Vec::new(),
            evidence: Vec::new(),
            balance: SideBalance::default(),
        };
        if mine.is_empty() {
            side.evidence.push(Evidence::note(format!(
                "{} is not in this article: its place is kept so that the colours match the other one",
                camp.name
            )));
        }
        for s in mine {
            let Some(original) = analysis.sides.get(s.0 as usize) else { continue };
            new_id[s.0 as usize] = Some(id);
            for alias in std::iter::once(&original.name).chain(&original.aliases) {
                if !side.aliases.contains(alias) {
                    side.aliases.push(alias.clone());
                }
            }
            side.members.extend(&original.members);
            side.evidence.extend(original.evidence.iter().cloned());
        }
        crate::analysis::sort::sort(&mut side.members);
        side.members.dedup();
        sides.push(side);
    }
    out.sides = sides;
    for claim in &mut out.claims {
        claim.side = claim.side.and_then(|s| new_id.get(s.0 as usize).copied().flatten());
    }
    // Recomputes the balances, and drops counter-claims now on one side.
    apply_edits(&mut out, &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::{compare, CampEdit};
    use super::*;
    use crate::analysis::Standing;

    #[test]
    fn both_articles_are_drawn_in_the_camps_colours() {
        let a_text = "Chile accused Peru of closing the border to trucks. Peru says the border is open to trucks. Bolivia's ministry said talks would follow.";
        let b_text = "Peru says the border is open to trucks. Peru said “trade is normal”. Chile accused Peru of closing the border.";
        let (a, b) = (crate::analyze(a_text), crate::analyze(b_text));
        let comparison = compare(a_text, &a, b_text, &b, &[]);
        let (da, db) = (in_camp_terms(&a, &comparison.camps, Which::A), in_camp_terms(&b, &comparison.camps, Which::B));
        let standing_of = |d: &Analysis, speaker: &str| {
            let c = d.claims.iter().find(|c| c.speaker.as_ref().is_some_and(|s| s.name == speaker)).unwrap();
            d.standing(c.side)
        };
        for (d, what) in [(&da, "A"), (&db, "B")] {
            assert_eq!(standing_of(d, "Chile"), Standing::FirstParty, "{what}: Chile as in A");
            assert_eq!(standing_of(d, "Peru"), Standing::SecondParty, "{what}: Peru as in A");
        }
        assert_eq!(db.sides[1].balance.n_claims, 2, "balances recomputed");
        assert_eq!(da.claims.len(), a.claims.len());
    }

    #[test]
    fn a_principal_camp_missing_from_one_article_keeps_its_place() {
        let a_text = "Chile accused Peru of closing the border to trucks, while Peru says the border is open.";
        let b_text = "Peru says the border is open, while Ecuador says the road is closed.";
        let (a, b) = (crate::analyze(a_text), crate::analyze(b_text));
        let comparison = compare(a_text, &a, b_text, &b, &[]);
        let db = in_camp_terms(&b, &comparison.camps, Which::B);
        let peru = db.claims.iter().find(|c| c.speaker.as_ref().is_some_and(|s| s.name == "Peru")).unwrap();
        assert_eq!(db.standing(peru.side), Standing::SecondParty, "Peru keeps A's colour: {:#?}", db.sides);
        assert_eq!(db.sides[0].balance.n_claims, 0, "Chile's place is held by an empty side");
        let ecuador = db.claims.iter().find(|c| c.speaker.as_ref().is_some_and(|s| s.name == "Ecuador")).unwrap();
        assert_eq!(db.standing(ecuador.side), Standing::ThirdParty);
    }

    #[test]
    fn a_camp_of_two_sides_is_one_side_in_the_drawing() {
        let a_text = "Chile accused Peru of closing the border to trucks, while Peru says the border is open.";
        let b_text = a_text;
        let (a, b) = (crate::analyze(a_text), crate::analyze(b_text));
        let at = |article, i| super::super::ArticleSide { article, side: SideId(i) };
        let edits = [CampEdit::Join { side: at(Which::B, 1), with: at(Which::A, 0) }];
        let comparison = compare(a_text, &a, b_text, &b, &edits);
        let db = in_camp_terms(&b, &comparison.camps, Which::B);
        assert_eq!(db.sides[0].balance.n_claims, 2, "{:#?}", db.sides);
        assert!(db.claims.iter().all(|c| c.side == Some(SideId(0))));
    }
}
