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
