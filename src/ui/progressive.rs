//! Drawing a long list a frame at a time: [`Progressive`] says how many items of a list may be
//! drawn now. A short list (up to [`FIRST`] items) is drawn at once, as before; a longer one grows
//! by a batch each animation frame, the batch sized so that one frame's drawing takes about
//! [`FRAME_BUDGET_MS`], so a huge paste never blocks the page in one long task. Items already drawn
//! stay drawn (keyed lists keep them); a list that shrinks starts counting again from its new length.
//!
//! How this keeps the page's Leptos rules: the count is a signal written only by the browser's frame
//! callback (like an event handler), never by an Effect. The one Effect here writes no signal: when
//! the list's length changes it only asks the browser for a frame.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Items drawn at once, in the first frame: every item of an ordinary article.
pub const FIRST: usize = 48;

/// About how long one frame's drawing may take, in milliseconds (a frame is 16.7 ms).
pub const FRAME_BUDGET_MS: f64 = 8.0;

/// The most items added in one frame, whatever the timing says.
const MOST_PER_FRAME: usize = 2000;

/// How many items of a list are drawn, catching up with its length a batch per frame.
#[derive(Clone, Copy)]
pub struct Progressive {
    /// Items drawn in full (may exceed what is shown while the list is short: see [`Self::shown`]).
    drawn: RwSignal<usize>,
    /// The list's length (a derived value the owner gives).
    total: Signal<usize>,
    /// True while a frame has been asked for.
    scheduled: StoredValue<bool>,
    /// Items to add in the next frame (adjusted to the time the last batch took).
    batch: StoredValue<usize>,
}

impl Progressive {
    /// Counts the items of a list of length `total` (read reactively).
    pub fn new(total: impl Fn() -> usize + Send + Sync + 'static) -> Progressive {
        let total = Signal::derive(total);
        let progressive = Progressive {
            drawn: RwSignal::new(total.get_untracked().min(FIRST)),
            total,
            scheduled: StoredValue::new(false),
            batch: StoredValue::new(FIRST),
        };
        // Writes no signal: only asks the browser for a frame when the length changes.
        Effect::new(move |_| {
            let total = progressive.total.get();
            if total != progressive.drawn.get_untracked() {
                progressive.schedule();
            }
        });
        progressive
    }

    /// How many leading items to draw now: all of a short list, else those drawn so far.
    pub fn shown(&self) -> usize {
        let total = self.total.get();
        total.min(self.drawn.get().max(FIRST))
    }

    /// True while some items are still waiting for their frame.
    pub fn pending(&self) -> bool {
        self.shown() < self.total.get()
    }

    fn schedule(self) {
        if self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        request_animation_frame(move || self.step());
    }

    /// One frame: adds a batch (or shrinks to a shorter list), then times the drawing it caused
    /// and asks for the next frame while items still wait.
    fn step(self) {
        self.scheduled.set_value(false);
        let total = self.total.get_untracked();
        let drawn = self.drawn.get_untracked();
        if drawn >= total {
            if drawn > total {
                self.drawn.set(total);
            }
            return;
        }
        let batch = self.batch.get_value();
        let started = js_sys::Date::now();
        self.drawn.set((drawn.max(FIRST) + batch).min(total));
        // The drawing runs in the tasks this write woke; this one is queued after them.
        spawn_local(async move {
            let spent = (js_sys::Date::now() - started).max(1.0);
            let next = (batch as f64 * FRAME_BUDGET_MS / spent) as usize;
            self.batch.set_value(next.clamp(8, MOST_PER_FRAME).min(batch * 4));
            if self.drawn.get_untracked() < self.total.get_untracked() {
                self.schedule();
            }
        });
    }
}
