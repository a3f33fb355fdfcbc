//! `Span`: the one way to point into the text, as byte offsets into the original input.

/// A half-open byte range `start..end` into the original, unmodified text.
///
/// Every token, entity, claim and piece of evidence uses this type; conversion to code points
/// (the JSON contract) or UTF-16 (JavaScript) happens only at the edges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so the span is never reversed.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end.max(start) as u32 }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers; empty if the span does not fit `text` or cuts a character.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize).unwrap_or("")
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span moved right by `delta` bytes.
    pub fn shift(self, delta: u32) -> Span {
        Span { start: self.start + delta, end: self.end + delta }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_cover_contains() {
        let text = "Baku says";
        let a = Span::new(0, 4);
        let b = Span::new(5, 9);
        assert_eq!(a.slice(text), "Baku");
        assert_eq!(a.cover(b).slice(text), "Baku says");
        assert!(a.cover(b).contains(b));
        assert!(!a.overlaps(b));
        assert_eq!(Span::new(3, 1).len(), 0);
        assert_eq!(Span::new(0, 99).slice(text), "");
    }
}

/// Every `Span` question by table, at the edges where an off-by-one would show (caught mutants:
/// `scripts/mutants.sh`).
#[cfg(test)]
mod table {
    use super::*;

    fn s(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    #[test]
    fn length_and_emptiness() {
        // (span, len, is_empty)
        for (span, len, empty) in [(s(0, 0), 0, true), (s(3, 3), 0, true), (s(2, 5), 3, false), (s(0, 1), 1, false)] {
            assert_eq!((span.len(), span.is_empty()), (len, empty), "{span:?}");
        }
        assert_eq!(Span::new(4, 2), s(4, 4), "a reversed span is clamped to empty");
    }

    #[test]
    fn slices_fit_the_text_or_are_empty() {
        let text = "aé b"; // 'é' is bytes 1..3
        for (span, want) in
            [(s(0, 1), "a"), (s(1, 3), "é"), (s(0, 5), "aé b"), (s(1, 2), ""), (s(4, 6), ""), (s(5, 5), "")]
        {
            assert_eq!(span.slice(text), want, "{span:?}");
        }
    }

    /// (a, b, a contains b, a overlaps b)
    #[test]
    fn containment_and_overlap_at_the_edges() {
        let cases = [
            (s(2, 6), s(2, 6), true, true),
            (s(2, 6), s(3, 5), true, true),
            (s(2, 6), s(1, 5), false, true),
            (s(2, 6), s(3, 7), false, true),
            (s(2, 6), s(6, 8), false, false),
            (s(2, 6), s(0, 2), false, false),
            (s(2, 6), s(5, 6), true, true),
            (s(2, 6), s(2, 3), true, true),
            (s(3, 5), s(2, 6), false, true),
        ];
        for (a, b, contains, overlaps) in cases {
            assert_eq!(a.contains(b), contains, "{a:?} contains {b:?}");
            assert_eq!(a.overlaps(b), overlaps, "{a:?} overlaps {b:?}");
            assert_eq!(b.overlaps(a), overlaps, "{b:?} overlaps {a:?}");
        }
    }

    #[test]
    fn cover_and_shift() {
        assert_eq!(s(2, 4).cover(s(6, 9)), s(2, 9));
        assert_eq!(s(6, 9).cover(s(2, 4)), s(2, 9));
        assert_eq!(s(2, 9).cover(s(3, 4)), s(2, 9));
        assert_eq!(s(2, 4).shift(3), s(5, 7));
        assert_eq!(s(2, 4).shift(0), s(2, 4));
    }
}
