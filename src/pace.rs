//! When the page draws an analysis that arrives while the reader types: at once after a single
//! edit (a key after a pause; a paste, a drop or a button replaces the text and is always drawn at
//! once), but during a burst of typing (keystrokes less than [`QUIET_MS`] apart) held until the
//! reader pauses for [`QUIET_MS`], or until
//! [`LONGEST_HOLD_MS`] have passed since the last drawing. A fast typist's keys are then not each
//! followed by redrawing the article and its panels (most of a keystroke's main-thread time), and
//! what is drawn is the latest text's analysis. Leaving the text box (to share, export or click
//! a mark) ends a burst at once, so what the reader acts on is the text they typed.
//!
//! Pure: times are passed in (milliseconds on one clock), so it is tested natively;
//! `ui::analyser` keeps one and asks it about each answer from the worker.

/// Edits less than this far apart are a burst of typing; a pause this long ends it (ms).
pub const QUIET_MS: f64 = 150.0;

/// However long a burst lasts, an analysis is drawn at least this often while it goes on (ms).
pub const LONGEST_HOLD_MS: f64 = 2000.0;

/// True for an input event's `inputType` that a key press makes (a character, a line break, a
/// deletion); false for a paste, a drop, undo and redo, and an event without one.
pub fn is_keystroke(input_type: &str) -> bool {
    matches!(input_type, "insertText" | "insertCompositionText" | "insertLineBreak" | "insertParagraph")
        || input_type.starts_with("delete") && !matches!(input_type, "deleteByCut" | "deleteByDrag")
}

/// The times of the reader's last two keystrokes and of the last drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    last_edit: f64,
    edit_before: f64,
    last_drawn: f64,
}

impl Default for Pace {
    /// Nothing edited or drawn yet: the first analysis is drawn at once.
    fn default() -> Pace {
        Pace { last_edit: f64::NEG_INFINITY, edit_before: f64::NEG_INFINITY, last_drawn: f64::NEG_INFINITY }
    }
}

impl Pace {
    /// The reader changed the text at `now`: `typed` for a keystroke ([`is_keystroke`]); any
    /// other change (a paste, a file, a button) ends a burst, and its analysis is drawn at once.
    pub fn edited(&mut self, now: f64, typed: bool) {
        if typed {
            self.edit_before = self.last_edit;
            self.last_edit = now;
        } else {
            self.left_the_text();
        }
    }

    /// The reader left the text box: a burst of typing ends there, and the next analysis (or the one
    /// held) is drawn at once.
    pub fn left_the_text(&mut self) {
        self.edit_before = f64::NEG_INFINITY;
        self.last_edit = f64::NEG_INFINITY;
    }

    /// An analysis was drawn at `now`.
    pub fn drawn(&mut self, now: f64) {
        self.last_drawn = now;
    }

    /// For an analysis that arrives at `now`: `None` to draw it now, or the time to ask again
    /// (when the burst will have paused, or the longest hold ends, whichever comes first).
    pub fn hold_until(&self, now: f64) -> Option<f64> {
        let typing = self.last_edit - self.edit_before < QUIET_MS && now - self.last_edit < QUIET_MS;
        let due = self.last_drawn + LONGEST_HOLD_MS;
        (typing && now < due).then(|| (self.last_edit + QUIET_MS).min(due))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pace after edits at `edits` and a drawing at `drawn`.
    fn pace(edits: &[f64], drawn: Option<f64>) -> Pace {
        let mut p = Pace::default();
        for &t in edits {
            p.edited(t, true);
        }
        if let Some(t) = drawn {
            p.drawn(t);
        }
        p
    }

    /// A case: the edits' times, when the last answer was drawn, when the answer arrives, and
    /// until when it is held (`None`: drawn at once).
    type Case<'a> = (&'a [f64], Option<f64>, f64, Option<f64>);

    #[test]
    fn when_an_arriving_analysis_is_drawn() {
        let cases: &[Case] = &[
            // The page's first analysis, and a first edit: at once.
            (&[], None, 0.0, None),
            (&[1000.0], None, 1010.0, None),
            (&[1000.0], Some(500.0), 1010.0, None),
            // A key after a pause (or a paste, a button): at once.
            (&[1000.0, 1400.0], Some(1010.0), 1410.0, None),
            // A burst: keys 60 ms apart; held until 150 ms after the last key.
            (&[1000.0, 1060.0], Some(1010.0), 1070.0, Some(1210.0)),
            (&[1000.0, 1060.0, 1120.0], Some(1010.0), 1125.0, Some(1270.0)),
            // Asked again once the reader has paused: drawn.
            (&[1000.0, 1060.0, 1120.0], Some(1010.0), 1270.0, None),
            // A long burst: drawn once 2 s have passed since the last drawing...
            (&[3000.0, 3060.0], Some(1010.0), 3070.0, None),
            // ...and held no later than that.
            (&[2900.0, 2960.0], Some(1010.0), 2965.0, Some(3010.0)),
        ];
        for (edits, drawn, now, want) in cases {
            assert_eq!(pace(edits, *drawn).hold_until(*now), *want, "edits {edits:?}, drawn {drawn:?}, at {now}");
        }
    }

    #[test]
    fn a_replaced_text_is_drawn_at_once_and_starts_no_burst() {
        let mut p = pace(&[1000.0, 1060.0], Some(1010.0));
        p.edited(1100.0, false);
        assert_eq!(p.hold_until(1110.0), None);
        p.edited(1150.0, true);
        assert_eq!(p.hold_until(1160.0), None, "the first key after a paste");
    }

    #[test]
    fn leaving_the_text_ends_a_burst() {
        let mut p = pace(&[1000.0, 1060.0], Some(1010.0));
        assert!(p.hold_until(1070.0).is_some());
        p.left_the_text();
        assert_eq!(p.hold_until(1070.0), None);
    }

    #[test]
    fn keystrokes_are_told_from_other_edits() {
        for t in [
            "insertText",
            "insertLineBreak",
            "insertParagraph",
            "insertCompositionText",
            "deleteContentBackward",
            "deleteWordBackward",
        ] {
            assert!(is_keystroke(t), "{t}");
        }
        for t in ["insertFromPaste", "insertFromDrop", "historyUndo", "historyRedo", "deleteByCut", "deleteByDrag", ""]
        {
            assert!(!is_keystroke(t), "{t}");
        }
    }

    #[test]
    fn a_held_analysis_is_drawn_at_the_time_it_was_held_until() {
        let p = pace(&[0.0, 60.0, 120.0], Some(5.0));
        let until = p.hold_until(125.0).expect("held during the burst");
        assert_eq!(p.hold_until(until), None);
    }
}
