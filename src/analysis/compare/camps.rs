//! The camps of two articles: their sides matched by the names they go by (canonical name and
//! aliases), the reader's corrections to the match ([`CampEdit`]), and the camps' order.
//!
//! Two sides are one camp when they share names: "Chile" in one article (with "Santiago",
//! "Chilean", its officials) and "Chile" in the other. Pairs are taken best first, one side of each
//! article per camp; a side left over then joins a camp when most of its names are that camp's
//! (an article may split a camp in two, as when it gives a spokesman a side of his own whose
//! names tie him to his country). Every other side is a camp shown in one article only.

use super::{ArticleSide, Camp, Which};
use crate::analysis::model::{Analysis, Evidence, Side, SideId, SideRole};
use rustc_hash::FxHashSet;

/// The least share of the smaller side's names two sides must share to be matched.
const MIN_SHARE: f32 = 0.2;
/// The least share of its names a leftover side must share with a camp's side to join it.
const JOIN_SHARE: f32 = 0.5;
/// How many camps, at most, are principal (drawn as the two parties).
const PRINCIPAL: usize = 2;
/// How many shared names the evidence spells out.
const NAMES_SHOWN: usize = 5;

/// A reader's correction to the camps, applied in order by [`super::compare`]. Edits name sides
/// of the two analyses they were made on, so they belong with the two texts (a link keeps all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CampEdit {
    /// Put a side in the camp of another side (of either article), leaving the camp it was in.
    Join {
        /// The side that moves.
        side: ArticleSide,
        /// A side of the camp it joins.
        with: ArticleSide,
    },
    /// Give a side a camp of its own, shown in its article only.
    Separate {
        /// The side.
        side: ArticleSide,
    },
}

/// The names a side goes by: each as the article writes it and as it is compared (lower case,
/// without a leading "the"), each once, in order.
fn names(side: &Side) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(side.aliases.len() + 1);
    for name in std::iter::once(&side.name).chain(&side.aliases) {
        let lower = name.trim().to_lowercase();
        let key = lower.strip_prefix("the ").unwrap_or(&lower).to_string();
        if !key.is_empty() && !out.iter().any(|(k, _)| *k == key) {
            out.push((key, name.trim().to_string()));
        }
    }
    out
}

/// How two sides' names overlap: the share of the smaller list found in the other, and the
/// names shared, in the first side's order and spelling (`y_keys`: the other side's names as
/// compared).
fn overlap(x_names: &[(String, String)], y_keys: &FxHashSet<&str>) -> (f32, Vec<String>) {
    let shared: Vec<String> =
        x_names.iter().filter(|(key, _)| y_keys.contains(key.as_str())).map(|(_, shown)| shown.clone()).collect();
    let smaller = x_names.len().min(y_keys.len()).max(1);
    (shared.len() as f32 / smaller as f32, shared)
}

/// A candidate match: (share, number of names shared, same name, side in A, side in B, names).
type Candidate = (f32, usize, bool, usize, usize, Vec<String>);

/// How sure a match of this share is.
fn confidence(share: f32, same_name: bool) -> f32 {
    let c = (0.55 + 0.4 * share).min(0.95);
    if same_name {
        c.max(0.9)
    } else {
        c
    }
}

fn shared_note(shared: &[String]) -> String {
    let mut shown: Vec<&str> = shared.iter().take(NAMES_SHOWN).map(String::as_str).collect();
    if shared.len() > NAMES_SHOWN {
        shown.push("…");
    }
    format!("both go by {}", shown.join(", "))
}

/// Matches the sides of the two articles into camps (before the reader's edits and the order).
pub(super) fn match_camps(a: &Analysis, b: &Analysis) -> Vec<Camp> {
    let a_names: Vec<Vec<(String, String)>> = a.sides.iter().map(names).collect();
    let b_names: Vec<Vec<(String, String)>> = b.sides.iter().map(names).collect();
    let b_keys: Vec<FxHashSet<&str>> = b_names.iter().map(|n| n.iter().map(|(k, _)| k.as_str()).collect()).collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    for (i, x) in a_names.iter().enumerate() {
        for (j, y) in b_names.iter().enumerate() {
            let (share, shared) = overlap(x, &b_keys[j]);
            if !shared.is_empty() && share >= MIN_SHARE {
                let same_name = x.first().map(|n| &n.0) == y.first().map(|n| &n.0);
                candidates.push((share, shared.len(), same_name, i, j, shared));
            }
        }
    }
    // Best first: the larger share, then more names shared, then the same name, then text order.
    crate::analysis::sort::sort_by(&mut candidates, |x, y| {
        y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)).then(x.3.cmp(&y.3)).then(x.4.cmp(&y.4))
    });
    let mut camp_of_a: Vec<Option<usize>> = vec![None; a.sides.len()];
    let mut camp_of_b: Vec<Option<usize>> = vec![None; b.sides.len()];
    let mut camps: Vec<Camp> = Vec::new();
    for (share, _, same_name, i, j, shared) in &candidates {
        if camp_of_a[*i].is_some() || camp_of_b[*j].is_some() {
            continue;
        }
        camp_of_a[*i] = Some(camps.len());
        camp_of_b[*j] = Some(camps.len());
        camps.push(Camp {
            name: a.sides[*i].name.clone(),
            a: vec![SideId(*i as u32)],
            b: vec![SideId(*j as u32)],
            confidence: confidence(*share, *same_name),
            evidence: vec![Evidence::note(shared_note(shared))],
            by_reader: false,
            principal: false,
        });
    }
    // A side left over joins the camp of the side it shares most of its names with.
    for (share, _, _, i, j, shared) in &candidates {
        if *share < JOIN_SHARE {
            continue;
        }
        let (side_name, into, which) = match (camp_of_a[*i], camp_of_b[*j]) {
            (None, Some(camp)) => (&a.sides[*i].name, camp, Which::A),
            (Some(camp), None) => (&b.sides[*j].name, camp, Which::B),
            _ => continue,
        };
        let camp = &mut camps[into];
        match which {
            Which::A => {
                camp.a.push(SideId(*i as u32));
                camp_of_a[*i] = Some(into);
            }
            Which::B => {
                camp.b.push(SideId(*j as u32));
                camp_of_b[*j] = Some(into);
            }
        }
        camp.evidence.push(Evidence::note(format!(
            "{side_name} ({}) joins it: {}",
            which.label(),
            shared_note(shared)
        )));
    }
    for camp in &mut camps {
        crate::analysis::sort::sort(&mut camp.a);
        crate::analysis::sort::sort(&mut camp.b);
    }
    for (which, analysis, placed) in [(Which::A, a, &camp_of_a), (Which::B, b, &camp_of_b)] {
        for (i, side) in analysis.sides.iter().enumerate() {
            if placed[i].is_none() {
                camps.push(alone(which, SideId(i as u32), side, "no side of the other article goes by its names"));
            }
        }
    }
    camps
}

/// A camp of one side, shown in one article only.
fn alone(which: Which, id: SideId, side: &Side, why: &str) -> Camp {
    let (a, b) = match which {
        Which::A => (vec![id], Vec::new()),
        Which::B => (Vec::new(), vec![id]),
    };
    Camp {
        name: side.name.clone(),
        a,
        b,
        confidence: 0.0,
        evidence: vec![Evidence::note(format!("only in {}: {why}", which.label()))],
        by_reader: false,
        principal: false,
    }
}

fn analysis_of<'a>(which: Which, a: &'a Analysis, b: &'a Analysis) -> &'a Analysis {
    match which {
        Which::A => a,
        Which::B => b,
    }
}

fn sides_mut(camp: &mut Camp, which: Which) -> &mut Vec<SideId> {
    match which {
        Which::A => &mut camp.a,
        Which::B => &mut camp.b,
    }
}

/// Takes `side` out of its camp (dropping the camp if it is left empty); its index, if any.
fn take_out(camps: &mut Vec<Camp>, side: ArticleSide) -> Option<usize> {
    let at = camps.iter().position(|c| c.sides(side.article).contains(&side.side))?;
    sides_mut(&mut camps[at], side.article).retain(|s| *s != side.side);
    if camps[at].a.is_empty() && camps[at].b.is_empty() {
        camps.remove(at);
        return None;
    }
    camps[at].by_reader = true;
    Some(at)
}

/// Applies the reader's edits in order. An edit naming a side either analysis does not have, or
/// joining a side to itself, is skipped.
pub(super) fn apply_edits(camps: &mut Vec<Camp>, a: &Analysis, b: &Analysis, edits: &[CampEdit]) {
    let exists = |s: ArticleSide| (s.side.0 as usize) < analysis_of(s.article, a, b).sides.len();
    for edit in edits {
        match *edit {
            CampEdit::Join { side, with } => {
                if side == with || !exists(side) || !exists(with) {
                    continue;
                }
                if camps
                    .iter()
                    .any(|c| c.sides(side.article).contains(&side.side) && c.sides(with.article).contains(&with.side))
                {
                    continue;
                }
                let name = analysis_of(side.article, a, b).sides[side.side.0 as usize].name.clone();
                take_out(camps, side);
                let Some(into) = camps.iter().position(|c| c.sides(with.article).contains(&with.side)) else {
                    continue;
                };
                let camp = &mut camps[into];
                let list = sides_mut(camp, side.article);
                list.push(side.side);
                crate::analysis::sort::sort(list);
                camp.by_reader = true;
                camp.confidence = 1.0;
                camp.evidence
                    .push(Evidence::note(format!("{name} ({}): put in this camp by the reader", side.article.label())));
            }
            CampEdit::Separate { side } => {
                if !exists(side) {
                    continue;
                }
                let analysis = analysis_of(side.article, a, b);
                take_out(camps, side);
                let mut camp =
                    alone(side.article, side.side, &analysis.sides[side.side.0 as usize], "separated by the reader");
                camp.by_reader = true;
                camps.push(camp);
            }
        }
    }
    for camp in camps.iter_mut() {
        // A camp left with one article's sides is no longer a match; its name follows its first side.
        if camp.a.is_empty() || camp.b.is_empty() {
            camp.confidence = 0.0;
        }
        let first = camp.a.first().map(|s| (a, *s)).or_else(|| camp.b.first().map(|s| (b, *s)));
        if let Some((analysis, side)) = first {
            camp.name = analysis.sides[side.0 as usize].name.clone();
        }
    }
}

/// Orders the camps: those holding A's parties first (in A's order), then those holding B's,
/// then the rest by how many claims they make in both articles, then by their first side; the
/// first two are the principal camps when they hold a party.
pub(super) fn order(camps: &mut [Camp], a: &Analysis, b: &Analysis) {
    let party_rank = |analysis: &Analysis, sides: &[SideId]| -> Option<u32> {
        let parties: Vec<SideId> = analysis.parties().collect();
        sides.iter().filter_map(|s| parties.iter().position(|p| p == s)).min().map(|p| p as u32)
    };
    let claims = |analysis: &Analysis, sides: &[SideId]| -> u32 {
        sides.iter().filter_map(|s| analysis.sides.get(s.0 as usize)).map(|s| s.balance.n_claims).sum()
    };
    camps.sort_by_cached_key(|c| {
        let rank = match (party_rank(a, &c.a), party_rank(b, &c.b)) {
            (Some(p), _) => (0, p),
            (None, Some(p)) => (1, p),
            (None, None) => (2, 0),
        };
        let first = (c.a.first().map_or(u32::MAX, |s| s.0), c.b.first().map_or(u32::MAX, |s| s.0));
        (rank, std::cmp::Reverse(claims(a, &c.a) + claims(b, &c.b)), first)
    });
    for (i, camp) in camps.iter_mut().enumerate() {
        camp.principal = i < PRINCIPAL && holds_a_party(camp, a, b);
    }
}

/// True when the camp holds a side that is a party in its article.
fn holds_a_party(camp: &Camp, a: &Analysis, b: &Analysis) -> bool {
    let party =
        |analysis: &Analysis, s: &SideId| analysis.sides.get(s.0 as usize).is_some_and(|x| x.role == SideRole::Party);
    camp.a.iter().any(|s| party(a, s)) || camp.b.iter().any(|s| party(b, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::SideBalance;

    fn side(name: &str, role: SideRole, aliases: &[&str], claims: u32) -> Side {
        Side {
            name: name.into(),
            role,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            members: Vec::new(),
            evidence: Vec::new(),
            balance: SideBalance { n_claims: claims, ..SideBalance::default() },
        }
    }

    fn analysis(sides: Vec<Side>) -> Analysis {
        Analysis { sides, ..Analysis::default() }
    }

    fn camp_names(camps: &[Camp], a: &Analysis, b: &Analysis) -> Vec<String> {
        camps
            .iter()
            .map(|c| {
                let names = |x: &Analysis, ids: &[SideId]| {
                    ids.iter().map(|s| x.sides[s.0 as usize].name.as_str()).collect::<Vec<_>>().join("+")
                };
                format!("{}={}|{}", c.name, names(a, &c.a), names(b, &c.b))
            })
            .collect()
    }

    /// (what the table shows, sides of A, sides of B, camps expected as "name=A sides|B sides")
    #[test]
    #[allow(clippy::type_complexity)] // the table's row type, written once where it is read
    fn sides_are_matched_by_the_names_they_share() {
        use SideRole::{Party, ThirdParty};
        let cases: Vec<(&str, Vec<Side>, Vec<Side>, Vec<&str>)> = vec![
            (
                "same countries, other names and order",
                vec![
                    side("Santiago", Party, &["Chile", "Chilean", "Ana Ríos"], 5),
                    side("Argentina", Party, &["Argentine", "Buenos Aires"], 1),
                ],
                vec![
                    side("Argentina", Party, &["Buenos Aires", "Argentine", "Luis Paz"], 4),
                    side("Chile", ThirdParty, &["Chilean", "Santiago"], 1),
                ],
                vec!["Santiago=Santiago|Chile", "Argentina=Argentina|Argentina"],
            ),
            (
                "a camp in one article only",
                vec![side("Chile", Party, &["Chilean"], 3), side("Uruguay", ThirdParty, &["Montevideo"], 1)],
                vec![side("Chile", Party, &["Chilean"], 1)],
                vec!["Chile=Chile|Chile", "Uruguay=Uruguay|"],
            ),
            (
                "an article splits a camp: the leftover side joins by its names",
                vec![side("Chile", Party, &["Chilean", "Chilean Navy", "Santiago"], 3)],
                vec![
                    side("Chile", Party, &["Chile", "Santiago"], 2),
                    side("Chilean Navy", ThirdParty, &["Chilean Navy", "Chilean"], 1),
                ],
                vec!["Chile=Chile|Chile+Chilean Navy"],
            ),
            (
                "a leading 'the' and case do not matter; one shared name in many is not enough",
                vec![
                    side("The Union", Party, &["union"], 2),
                    side("Harbour Board", Party, &["Port", "Quay", "Docks", "Berth", "Pier", "Lena Ross"], 2),
                ],
                vec![
                    side("Union", Party, &[], 1),
                    side("Port Authority", Party, &["Pier", "Tom", "Ann", "Bo", "Cy", "Di"], 1),
                ],
                vec!["The Union=The Union|Union", "Harbour Board=Harbour Board|", "Port Authority=|Port Authority"],
            ),
            ("nothing on either side", vec![], vec![], vec![]),
        ];
        for (what, a_sides, b_sides, expected) in cases {
            let (a, b) = (analysis(a_sides), analysis(b_sides));
            let mut camps = match_camps(&a, &b);
            order(&mut camps, &a, &b);
            assert_eq!(camp_names(&camps, &a, &b), expected, "{what}");
            for c in &camps {
                assert_eq!(c.confidence > 0.0, !c.a.is_empty() && !c.b.is_empty(), "{what}: {}", c.name);
                assert!(!c.evidence.is_empty(), "{what}: {} says why", c.name);
            }
        }
    }

    #[test]
    fn the_reader_joins_and_separates_sides() {
        use SideRole::Party;
        let a = analysis(vec![side("Chile", Party, &["Chilean"], 3), side("Argentina", Party, &["Argentine"], 1)]);
        let b = analysis(vec![
            side("Argentina", Party, &["Argentine"], 4),
            side("Julio Ferrante", Party, &["Ferrante"], 2),
            side("Chile", Party, &["Chilean"], 1),
        ]);
        let at = |article, i| ArticleSide { article, side: SideId(i) };
        let mut camps = match_camps(&a, &b);
        let edits = [
            CampEdit::Join { side: at(Which::B, 1), with: at(Which::A, 1) },
            CampEdit::Join { side: at(Which::B, 9), with: at(Which::A, 0) },
            CampEdit::Join { side: at(Which::A, 0), with: at(Which::A, 0) },
        ];
        apply_edits(&mut camps, &a, &b, &edits);
        order(&mut camps, &a, &b);
        assert_eq!(camp_names(&camps, &a, &b), ["Chile=Chile|Chile", "Argentina=Argentina|Argentina+Julio Ferrante"]);
        assert!(camps[1].by_reader && camps[1].confidence == 1.0);
        assert!(camps[1]
            .evidence
            .iter()
            .any(|e| e.note.contains("Julio Ferrante (B): put in this camp by the reader")));
        assert!(!camps[0].by_reader, "edits naming sides that do not exist are skipped");

        apply_edits(&mut camps, &a, &b, &[CampEdit::Separate { side: at(Which::A, 0) }]);
        order(&mut camps, &a, &b);
        assert_eq!(
            camp_names(&camps, &a, &b),
            ["Chile=Chile|", "Argentina=Argentina|Argentina+Julio Ferrante", "Chile=|Chile"],
            "Chile of A now stands alone, and Chile of B too"
        );
        assert_eq!(camps[2].confidence, 0.0);
    }
}
