//! Drawing a long article a frame at a time: [`FrameClock`] ticks once per animation frame while
//! some of the article waits to be drawn, and says how much one frame may draw (its batch, sized so
//! that one frame's drawing takes about [`FRAME_BUDGET_MS`]). What is drawn on each tick is the
//! article view's decision (`article_view::ArticleDrawing`), a memo of the tick.
//!
//! How this keeps the page's Leptos rules: the tick is a signal written only by the browser's frame
//! callback (like an event handler), never by an Effect. The one Effect here writes no signal: while
//! something waits, it only asks the browser for a frame.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// About how long one frame's drawing may take, in milliseconds: well under the 50 ms that make a
/// task long, so keys and clicks are answered at once while a long article is drawn, and long
/// enough that a 1 MB paste is drawn in a few seconds, not tens.
pub const FRAME_BUDGET_MS: f64 = 20.0;

/// The batch of the first frame, in paragraphs; later batches follow the time the last one took.
const FIRST_BATCH: usize = 16;

/// The fewest and the most paragraphs one frame draws, whatever the timing says.
const BATCH_RANGE: (usize, usize) = (4, 400);

/// Counts animation frames while something waits to be drawn, and sizes each frame's batch.
#[derive(Clone, Copy)]
pub struct FrameClock {
    /// Frames ticked so far.
    tick: RwSignal<u64>,
    /// True while a frame has been asked for.
    scheduled: StoredValue<bool>,
    /// Paragraphs the next frame may draw (adjusted to the time the last batch took).
    batch: StoredValue<usize>,
}

impl FrameClock {
    /// A clock that has not ticked.
    pub fn new() -> FrameClock {
        FrameClock { tick: RwSignal::new(0), scheduled: StoredValue::new(false), batch: StoredValue::new(FIRST_BATCH) }
    }

    /// The frames ticked so far (read reactively: a memo of it is redone each frame).
    pub fn tick(&self) -> u64 {
        self.tick.get()
    }

    /// What one frame may draw now.
    pub fn batch(&self) -> usize {
        self.batch.get_value()
    }

    /// Ticks once per frame for as long as `pending` is true.
    pub fn run_while(self, pending: Memo<bool>) {
        // Writes no signal: only asks the browser for a frame.
        Effect::new(move |_| {
            if pending.get() {
                self.schedule(pending);
            }
        });
    }

    fn schedule(self, pending: Memo<bool>) {
        if self.scheduled.get_value() {
            return;
        }
        self.scheduled.set_value(true);
        request_animation_frame(move || self.step(pending));
    }

    /// One frame: ticks (the drawing it wakes runs in the tasks this write queues), then times that
    /// drawing, sizes the next batch and asks for the next frame while something still waits.
    fn step(self, pending: Memo<bool>) {
        self.scheduled.set_value(false);
        if !pending.get_untracked() {
            return;
        }
        let batch = self.batch.get_value();
        let started = js_sys::Date::now();
        self.tick.update(|t| *t += 1);
        // Queued after the tasks the tick woke, so it runs once they have drawn.
        spawn_local(async move {
            let spent = (js_sys::Date::now() - started).max(1.0);
            let next = (batch as f64 * FRAME_BUDGET_MS / spent) as usize;
            self.batch.set_value(next.clamp(BATCH_RANGE.0, BATCH_RANGE.1).min(batch * 4));
            if pending.get_untracked() {
                self.schedule(pending);
            }
        });
    }
}
