//! A text too long for the text box: the page keeps it out of the box (laying out a megabyte in a
//! text box blocks the page for a third of a second or more) and shows it only highlighted, and a
//! long paste is put in by the page itself. Pure: the page asks; this module decides.

/// A text longer than this (bytes; about 25,000 words of English) is not put in the text box unless
/// the reader asks for it. Laying out text in a text box costs 0.3 to 0.5 ms per kilobyte in
/// Chromium here, so this keeps that task under about 80 ms, within the page's 100 ms for a task.
pub const LONG_TEXT_BYTES: usize = 150_000;

/// True for a text the text box is closed for.
pub fn is_long(text: &str) -> bool {
    text.len() > LONG_TEXT_BYTES
}

/// The text box's text `current` with `pasted` in place of its selection `start..end`, given as
/// the browser gives them (UTF-16 code units). Offsets out of order, past the end or inside a
/// character are taken as the browser would: ordered, clamped, and moved to the character's start.
pub fn splice(current: &str, start: u32, end: u32, pasted: &str) -> String {
    let (start, end) = (start.min(end), start.max(end));
    let (from, to) = (byte_offset(current, start), byte_offset(current, end));
    let mut out = String::with_capacity(current.len() - (to - from) + pasted.len());
    out.push_str(&current[..from]);
    out.push_str(pasted);
    out.push_str(&current[to..]);
    out
}

/// The byte offset in `text` of UTF-16 offset `units` (the text's length past its end; the start
/// of the character when `units` falls inside a surrogate pair).
fn byte_offset(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (at, c) in text.char_indices() {
        let next = seen + c.len_utf16() as u32;
        if next > units {
            return at;
        }
        seen = next;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_replaces_the_selection() {
        let cases: &[(&str, u32, u32, &str, &str)] = &[
            ("", 0, 0, "new", "new"),
            ("abc", 3, 3, "d", "abcd"),
            ("abc", 0, 0, "z", "zabc"),
            ("abcdef", 1, 4, "X", "aXef"),
            ("abcdef", 4, 1, "X", "aXef"), // out of order
            ("abc", 2, 99, "Z", "abZ"),    // past the end
            ("é😀x", 1, 3, "-", "é-x"),    // an accent is one unit, an emoji two
            ("é😀x", 2, 3, "-", "é-x"),    // inside the emoji: from its start
            ("Ağrı Dağı", 4, 4, ",", "Ağrı, Dağı"),
        ];
        for (current, start, end, pasted, want) in cases {
            assert_eq!(splice(current, *start, *end, pasted), *want, "{current:?} {start}..{end}");
        }
    }

    #[test]
    fn long_means_over_the_limit() {
        assert!(!is_long(&"a".repeat(LONG_TEXT_BYTES)));
        assert!(is_long(&"a".repeat(LONG_TEXT_BYTES + 1)));
        assert!(!is_long(""));
    }
}
