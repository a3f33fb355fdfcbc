//! Each side's voice: how many claims it makes, named or anonymous, from how many sources, how
//! many of their words are quoted, and whether it speaks first or last.

use crate::analysis::model::{ById, Claim, ClaimId, ClusterId, Quote, Side, SideBalance, SideId, Token, TokenKind};
use crate::analysis::span::Span;
use rustc_hash::FxHashSet;

/// Words inside quotation marks within `span`.
fn quoted_words(span: Span, tokens: &[Token], quotes: &[Quote]) -> u32 {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let mut n = 0;
    for t in tokens[first..].iter().take_while(|t| t.span.end <= span.end) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let q = quotes.partition_point(|q| q.span.start <= t.span.start);
        // Quotes are sorted by start and nest at most a few deep: look at the last few that open before it.
        if quotes[..q].iter().rev().take(3).any(|q| q.inner.contains(t.span)) {
            n += 1;
        }
    }
    n
}

/// Fills every side's balance from the claims placed on it (also after the reader's edits).
pub(super) fn set_balances(claims: &[Claim], tokens: &[Token], quotes: &[Quote], sides: &mut [Side]) {
    for side in sides.iter_mut() {
        side.balance = SideBalance::default();
    }
    let mut sources: Vec<FxHashSet<ClusterId>> = vec![FxHashSet::default(); sides.len()];
    let mut first_any: Option<SideId> = None;
    let mut last_any: Option<SideId> = None;
    for (i, claim) in claims.iter().enumerate() {
        let Some(side) = claim.side.filter(|s| (s.0 as usize) < sides.len()) else { continue };
        let b = &mut sides.by_id_mut(side).balance;
        b.n_claims += 1;
        b.quoted_words += quoted_words(claim.span, tokens, quotes);
        match claim.speaker.as_ref().and_then(|s| s.cluster) {
            Some(cluster) => {
                b.n_named_claims += 1;
                sources[side.0 as usize].insert(cluster);
            }
            None => b.n_anonymous_claims += 1,
        }
        b.first_claim.get_or_insert(ClaimId(i as u32));
        b.last_claim = Some(ClaimId(i as u32));
        first_any.get_or_insert(side);
        last_any = Some(side);
    }
    for (i, side) in sides.iter_mut().enumerate() {
        side.balance.n_named_sources = sources[i].len() as u32;
        side.balance.speaks_first = first_any == Some(SideId(i as u32));
        side.balance.speaks_last = last_any == Some(SideId(i as u32));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::TEXT;

    #[test]
    fn each_sides_voice() {
        let analysis = crate::analyze(TEXT);
        let (chile, peru) = (&analysis.sides[0].balance, &analysis.sides[1].balance);
        assert_eq!((chile.n_claims, chile.quoted_words, chile.speaks_first, chile.speaks_last), (1, 0, true, false));
        assert_eq!((peru.n_claims, peru.quoted_words, peru.speaks_first, peru.speaks_last), (1, 6, false, true));
        assert_eq!(peru.n_named_claims + peru.n_anonymous_claims, 1);
        assert_eq!(analysis.counter_claims.len(), 1, "the two border claims answer each other");
    }
}
