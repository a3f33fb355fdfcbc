//! Stable sorting for the crate's own code, through one copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over its comparison, so every call compiles its own copy of the
//! sort (about 3 KB of wasm each, some thirty in the page). In the page (wasm32) these functions
//! sort the items' positions instead, with one function that takes the comparison as a trait
//! object, then move the items into that order: the same stable order from one copy of the
//! sort. Natively, where a few kilobytes do not matter and speed does, they are the standard
//! library's own sorts.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
#[inline]
pub fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_positions(items, compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(compare);
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
#[inline]
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably, as `slice::sort` does.
#[inline]
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The page's way: the positions sorted by one copy of the sort, then the items moved.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    // Position i takes the item at order[i]: follow each cycle of the permutation with swaps,
    // marking a position done by pointing it at itself.
    for start in 0..items.len() {
        let mut i = start;
        loop {
            let from = order[i];
            order[i] = i;
            if from == start || from == i {
                break;
            }
            items.swap(i, from);
            i = from;
        }
    }
}

/// The one copy of the standard library's stable sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn by_positions_by_table() {
        let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_positions(&mut pairs, |x, y| x.0.cmp(&y.0));
        assert_eq!(pairs, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')], "stable: ties keep their order");
        let mut words = vec!["pear", "fig", "apple"];
        by_positions(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, vec!["pear", "fig", "apple"]);
        let mut none: Vec<u8> = Vec::new();
        by_positions(&mut none, u8::cmp);
        assert!(none.is_empty());
    }

    proptest! {
        /// The page's way gives exactly what the standard library's stable sort gives.
        #[test]
        fn by_positions_is_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut want = items.clone();
            want.sort_by_key(|p| p.0);
            let mut got = items;
            by_positions(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(got, want);
        }
    }
}
