//! Windowed lists: of a long list in a scrolling box, only the rows near the box's visible part
//! exist in the page ([`Window::range`]); the list's padding above and below them keeps the box's
//! scroll height that of the whole list (the list sits inside the box: a box's own padding would
//! stretch it past its maximum height), so the scroll bar and the scroll position read as usual. Every
//! row has the same height (the style sheet fixes it; the window measures it), so which rows are
//! near is arithmetic, never layout.
//!
//! The keyboard reaches every row: Tab moves from row to row (the rows around a focused row are
//! always there, and the browser scrolls the box to the focused one), and in the box the arrow
//! keys, Page Up/Down, Home and End move the focus by rows, to the first and to the last.
//!
//! The window is a signal written only by the box's scroll and key handlers; while the page is
//! printed (between the window's `beforeprint` and `afterprint` events) every row is drawn, so a
//! printed list is whole.

use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::JsCast;

/// A list of up to this many rows is drawn whole.
pub const WHOLE: usize = 60;

/// Lines of rows drawn beyond each edge of the visible part.
const OVERSCAN_LINES: usize = 12;

/// The part of a list in view, and the row geometry it is measured in.
#[derive(Clone, Copy)]
pub struct Window {
    /// The box's scroll offset, in pixels.
    scroll_top: RwSignal<f64>,
    /// The box's visible height, in pixels (estimated until the reader first scrolls).
    height: RwSignal<f64>,
    /// One line of rows, in pixels (estimated until measured).
    line_px: RwSignal<f64>,
    /// Rows side by side in one line.
    per_line: usize,
    /// True while the page is being printed: every row is drawn.
    printing: RwSignal<bool>,
}

/// Pixels per rem before anything is measured: the browsers' default font size.
const REM_PX: f64 = 16.0;

impl Window {
    /// The window of a box `height_rem` high whose lines are `line_rem` high and hold `per_line` rows each
    /// (both as the style sheet sets them; the real sizes are measured as soon as the reader scrolls).
    pub fn new(height_rem: f64, line_rem: f64, per_line: usize) -> Window {
        let printing = RwSignal::new(false);
        let before = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
        let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
        Window {
            scroll_top: RwSignal::new(0.0),
            height: RwSignal::new(height_rem * REM_PX),
            line_px: RwSignal::new(line_rem * REM_PX),
            per_line: per_line.max(1),
            printing,
        }
    }

    /// The rows of a list of `len` to draw now (all of a short list, and all while printing).
    pub fn range(&self, len: usize) -> Range<usize> {
        if len <= WHOLE || self.printing.get() {
            return 0..len;
        }
        let line = self.line_px.get().max(1.0);
        let lines = len.div_ceil(self.per_line);
        let top = (self.scroll_top.get() / line).floor().max(0.0) as usize;
        let bottom = ((self.scroll_top.get() + self.height.get()) / line).ceil().max(0.0) as usize;
        let first = top.saturating_sub(OVERSCAN_LINES).min(lines);
        let last = (bottom + OVERSCAN_LINES).min(lines).max(first);
        (first * self.per_line).min(len)..(last * self.per_line).min(len)
    }

    /// The padding above the drawn rows of a list of `len`: the lines not drawn there.
    pub fn padding_above(&self, len: usize) -> String {
        let lines = self.range(len).start / self.per_line;
        self.px(lines)
    }

    /// The padding below the drawn rows of a list of `len`: the lines not drawn there.
    pub fn padding_below(&self, len: usize) -> String {
        let drawn_to = self.range(len).end.div_ceil(self.per_line);
        let lines = len.div_ceil(self.per_line).saturating_sub(drawn_to);
        self.px(lines)
    }

    /// The height of `lines` lines in whole pixels (within half a pixel: the page carries no float
    /// formatting, see `analysis::decimal`).
    fn px(&self, lines: usize) -> String {
        format!("{}px", (lines as f64 * self.line_px.get()).round() as i64)
    }

    /// Reads the box's scroll position and size (and a drawn row's height) after a scroll.
    pub fn on_scroll(&self, ev: &leptos::ev::Event) {
        if let Some(list) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            self.measure(&list);
        }
    }

    fn measure(&self, list: &web_sys::HtmlElement) {
        let row = list.query_selector("[data-row]").ok().flatten();
        if let Some(px) = row.and_then(|row| exact_height(&row)).filter(|px| *px > 0.0) {
            if px != self.line_px.get_untracked() {
                self.line_px.set(px);
            }
        }
        let height = f64::from(list.client_height());
        if height > 0.0 && height != self.height.get_untracked() {
            self.height.set(height);
        }
        let top = f64::from(list.scroll_top());
        if top != self.scroll_top.get_untracked() {
            self.scroll_top.set(top);
        }
    }

    /// The box's keys: the arrow keys, Page Up/Down, Home and End move the focus between rows of a
    /// list of `len` (each row holds a button, the row's `data-row` its index), scrolling the box
    /// so that the row is drawn first.
    pub fn on_keydown(&self, ev: &leptos::ev::KeyboardEvent, len: usize) {
        // The list is found from the key's target: keydown is a delegated event, whose current
        // target is not the list.
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(list) =
            target.closest(".windowed").ok().flatten().and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let from = target
            .closest("[data-row]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-row")?.parse::<usize>().ok());
        let page =
            ((self.height.get_untracked() / self.line_px.get_untracked().max(1.0)) as usize).max(1) * self.per_line;
        let to = match (ev.key().as_str(), from) {
            ("Home", _) => 0,
            ("End", _) => len.saturating_sub(1),
            ("ArrowDown", Some(i)) => (i + self.per_line).min(len.saturating_sub(1)),
            ("ArrowUp", Some(i)) => i.saturating_sub(self.per_line),
            ("ArrowRight", Some(i)) if self.per_line > 1 => (i + 1).min(len.saturating_sub(1)),
            ("ArrowLeft", Some(i)) if self.per_line > 1 => i.saturating_sub(1),
            ("PageDown", Some(i)) => (i + page).min(len.saturating_sub(1)),
            ("PageUp", Some(i)) => i.saturating_sub(page),
            _ => return,
        };
        if len == 0 {
            return;
        }
        ev.prevent_default();
        self.focus_row(&list, to);
    }

    /// Scrolls row `index` into the box (so it is drawn) and focuses its button once drawn.
    fn focus_row(&self, list: &web_sys::HtmlElement, index: usize) {
        let line = self.line_px.get_untracked();
        let row_top = (index / self.per_line) as f64 * line;
        let top = f64::from(list.scroll_top());
        let height = f64::from(list.client_height());
        if row_top < top {
            list.set_scroll_top(row_top as i32);
        } else if row_top + line > top + height {
            list.set_scroll_top((row_top + line - height).ceil() as i32);
        }
        self.measure(list);
        let list = list.clone();
        // After the rows of the new window are drawn (the window's signals wake them in this task's
        // microtasks; the frame comes after).
        request_animation_frame(move || {
            let selector = format!("[data-row=\"{index}\"] button");
            if let Some(button) =
                list.query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        });
    }
}

/// An element's height in CSS pixels, fractions included (`offsetHeight` rounds, and a rounding
/// error repeated over thousands of rows would misplace the window).
fn exact_height(el: &web_sys::Element) -> Option<f64> {
    let measure =
        js_sys::Reflect::get(el, &"getBoundingClientRect".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let rect = measure.call0(el).ok()?;
    js_sys::Reflect::get(&rect, &"height".into()).ok()?.as_f64()
}
