//! The reader's corrections to the sides ([`SideEdit`]): rename a side, move an actor to
//! another side, merge two sides; [`apply_edits`] applies them and recomputes what follows.

use super::balance::set_balances;
use crate::analysis::model::{Analysis, ById, ClaimId, ClusterId, Evidence, SideId};

/// A reader's correction to the sides, applied by [`apply_edits`]. Edits carry ids of the
/// analysis they were made on, so they belong with its text (a share link keeps both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SideEdit {
    /// Give a side another name.
    Rename {
        /// The side.
        side: SideId,
        /// Its new name.
        name: String,
    },
    /// Put an actor (and the claims it speaks) on another side.
    MoveActor {
        /// The actor.
        cluster: ClusterId,
        /// Its new side.
        to: SideId,
    },
    /// Fold one side into another; the folded side disappears and later side ids shift down by one.
    Merge {
        /// The side that disappears.
        from: SideId,
        /// The side that takes its members and claims.
        into: SideId,
    },
}

/// Applies the reader's edits in order, then recomputes claim sides, counter-claims and
/// balances to match. Edits that name a side or actor the analysis does not have are skipped.
///
/// ```
/// use article_explorer::analysis::sides::{apply_edits, SideEdit};
/// use article_explorer::analysis::SideId;
/// let mut analysis = article_explorer::analyze("Oslo says the port is shut, while Bergen says it is open.");
/// apply_edits(&mut analysis, &[SideEdit::Rename { side: SideId(0), name: "The capital".into() }]);
/// assert_eq!(analysis.sides[0].name, "The capital");
/// ```
pub fn apply_edits(analysis: &mut Analysis, edits: &[SideEdit]) {
    for edit in edits {
        match edit {
            SideEdit::Rename { side, name } => rename(analysis, *side, name),
            SideEdit::MoveActor { cluster, to } => move_actor(analysis, *cluster, *to),
            SideEdit::Merge { from, into } => merge(analysis, *from, *into),
        }
    }
    // A claim and its counter-claim must stay on different sides.
    let claims = &analysis.claims;
    let side_of = |id: ClaimId| claims.get_by_id(id).and_then(|c| c.side);
    analysis.counter_claims.retain(|p| side_of(p.claim).is_some() && side_of(p.claim) != side_of(p.counter));
    set_balances(&analysis.claims, &analysis.tokens, &analysis.quotes, &mut analysis.sides);
}

fn rename(analysis: &mut Analysis, side: SideId, name: &str) {
    if let Some(s) = analysis.sides.get_by_id_mut(side) {
        s.name = name.to_string();
    }
}

/// Moves the actor to side `to`, with the claims it speaks.
fn move_actor(analysis: &mut Analysis, cluster: ClusterId, to: SideId) {
    let Some(cluster_name) = analysis.clusters.get_by_id(cluster).map(|c| c.name.clone()) else { return };
    if to.0 as usize >= analysis.sides.len() {
        return;
    }
    for side in analysis.sides.iter_mut() {
        side.members.retain(|m| *m != cluster);
    }
    let target = analysis.sides.by_id_mut(to);
    target.members.push(cluster);
    crate::analysis::sort::sort(&mut target.members);
    if !target.aliases.contains(&cluster_name) {
        target.aliases.push(cluster_name.clone());
    }
    target.evidence.push(Evidence::note(format!("{cluster_name}: moved here by the reader")));
    let side_name = target.name.clone();
    for claim in analysis.claims.iter_mut().filter(|c| c.speaker.as_ref().and_then(|s| s.cluster) == Some(cluster)) {
        claim.side = Some(to);
        claim.evidence.push(Evidence::note(format!("side {side_name}: the reader moved {cluster_name} here")));
    }
}

/// Folds side `from` into side `into`; later side ids shift down by one.
fn merge(analysis: &mut Analysis, from: SideId, into: SideId) {
    let n = analysis.sides.len();
    if from == into || from.0 as usize >= n || into.0 as usize >= n {
        return;
    }
    let folded = analysis.sides.remove(from.0 as usize);
    let into = if into.0 > from.0 { SideId(into.0 - 1) } else { into };
    let target = analysis.sides.by_id_mut(into);
    target.members.extend(folded.members);
    crate::analysis::sort::sort(&mut target.members);
    target.members.dedup();
    for alias in folded.aliases {
        if !target.aliases.contains(&alias) {
            target.aliases.push(alias);
        }
    }
    target.evidence.extend(folded.evidence);
    target.evidence.push(Evidence::note(format!("{} merged here by the reader", folded.name)));
    let shift = |id: SideId| -> SideId {
        if id == from {
            into
        } else if id.0 > from.0 {
            SideId(id.0 - 1)
        } else {
            id
        }
    };
    for claim in analysis.claims.iter_mut() {
        claim.side = claim.side.map(shift);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::TEXT;
    use super::*;

    #[test]
    fn edits_rename_move_and_merge() {
        let mut analysis = crate::analyze(TEXT);
        apply_edits(&mut analysis, &[SideEdit::Rename { side: SideId(1), name: "Lima".into() }]);
        assert_eq!(analysis.sides[1].name, "Lima");
        let peru = analysis.claims[1].speaker.as_ref().and_then(|s| s.cluster).expect("Peru is a named speaker");
        apply_edits(&mut analysis, &[SideEdit::MoveActor { cluster: peru, to: SideId(0) }]);
        assert_eq!(analysis.claims[1].side, Some(SideId(0)));
        assert!(analysis.counter_claims.is_empty(), "a pair on one side is no longer a counter-claim");
        assert_eq!(analysis.sides[0].balance.n_claims, 2);
        let n_sides = analysis.sides.len();
        apply_edits(
            &mut analysis,
            &[
                SideEdit::Merge { from: SideId(1), into: SideId(0) },
                SideEdit::Merge { from: SideId(99), into: SideId(0) },
            ],
        );
        assert_eq!(analysis.sides.len(), n_sides - 1);
        assert!(analysis.claims.iter().all(|c| c.side.is_none_or(|s| (s.0 as usize) < analysis.sides.len())));
    }
}
