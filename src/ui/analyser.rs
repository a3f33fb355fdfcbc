//! The analysis off the main thread: `Analyser` sends the article's text to a Web Worker that runs
//! this same wasm (`analysis-worker.js`, beside the page, given the page's compiled module: nothing
//! new to download or compile) and hands each answer to the page, so typing and scrolling never
//! wait for an analysis.
//!
//! The latest text wins: at most one text is in the worker and at most one waits; a newer text
//! replaces the waiting one, and an answer for a text that a newer one has replaced is dropped,
//! never drawn. The worker answers with the analysis as compact bytes (`crate::wire`), decoded
//! only when they are drawn; during a burst of typing an answer is held until the reader pauses
//! (`crate::pace`), and a newer text replaces it. When there
//! is no worker (a page without `<meta name="analysis-worker">`, such as the wasm tests' page, or a
//! browser that cannot start it) the text is analysed here, on the main thread, as before. A panic
//! in the worker is raised again on the page, so it takes the page's one crash path (the banner,
//! the reader's text kept).

use crate::analysis::{analyze, Analysis};
use crate::pace::Pace;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The analysis of one text, the same in the worker and on the main thread: the only place the
/// page calls the core's `analyze` (and, in a `crash-test` build, panics on the marker first).
pub fn analyse(text: &str) -> Analysis {
    #[cfg(feature = "crash-test")]
    super::crash_test::panic_on_marker(text);
    analyze(text)
}

/// What the worker runs: the analysis of `text` as bytes (`crate::wire`).
pub fn analyse_to_bytes(text: &str) -> Vec<u8> {
    crate::wire::encode(&analyse(text))
}

/// Texts longer than this (bytes) have their answer drawn in a task after the one that decodes it
/// (and, beside and below the article, the pictures and narratives in a task after that:
/// `Article::panels_wait`).
pub(super) const DRAW_LATER_BYTES: usize = 256 * 1024;

/// Receives each analysis the page should draw, with the text it was made from.
type Deliver = Rc<dyn Fn(String, Analysis)>;

/// Sends texts to the worker (or analyses them here) and delivers the answers that are still wanted.
pub struct Analyser {
    state: Rc<RefCell<State>>,
}

struct State {
    worker: Option<Worker>,
    /// The id of the last request; an answer with another id has been replaced.
    latest: u32,
    /// The request the worker is on, with its text.
    in_flight: Option<(u32, String)>,
    /// The newest text, waiting for the worker to finish the one in flight.
    waiting: Option<String>,
    /// The reader's typing pace: whether an answer is drawn at once or held.
    pace: Pace,
    /// An answer held during a burst of typing (its id, text and bytes), and the timer that asks
    /// about it again.
    held: Option<(u32, String, Vec<u8>)>,
    hold_timer: Option<Timeout>,
    deliver: Deliver,
}

/// The worker and its handlers (kept alive with it).
struct Worker {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What the worker said about a request.
enum Answer {
    /// The analysis, as bytes.
    Bytes(Vec<u8>),
    /// The analysis panicked in the worker (its message).
    Crashed(String),
    /// The worker could not run the analysis at all (its wasm did not load).
    Unavailable,
}

impl Analyser {
    /// An analyser that hands each wanted analysis to `deliver`. It starts the worker named by the
    /// page's `<meta name="analysis-worker">`, if any.
    pub fn new(deliver: impl Fn(String, Analysis) + 'static) -> Analyser {
        let state = Rc::new(RefCell::new(State {
            worker: None,
            latest: 0,
            in_flight: None,
            waiting: None,
            pace: Pace::default(),
            held: None,
            hold_timer: None,
            deliver: Rc::new(deliver),
        }));
        let worker = worker_url().and_then(|url| start_worker(&url, Rc::downgrade(&state)));
        state.borrow_mut().worker = worker;
        Analyser { state }
    }

    /// True when texts go to a worker (their analyses arrive later).
    pub fn has_worker(&self) -> bool {
        self.state.borrow().worker.is_some()
    }

    /// Asks for the analysis of `text`: to the worker when it is free, else it waits (replacing any
    /// older waiting text); without a worker, analysed and delivered at once. `typed` when a
    /// keystroke made the text (`crate::pace`).
    pub fn request(&self, text: String, typed: bool) {
        let mut state = self.state.borrow_mut();
        state.pace.edited(now(), typed);
        // The held answer is for an older text: the newer one's answer will be drawn instead.
        state.held = None;
        if state.worker.is_none() {
            drop(state);
            self.analyse_here(text);
        } else if state.in_flight.is_some() {
            state.waiting = Some(text);
        } else {
            let fallback = state.post(text);
            drop(state);
            if let Some(text) = fallback {
                self.analyse_here(text);
            }
        }
    }

    /// The reader left the text box: a burst of typing is over, so a held answer is drawn now and
    /// the next one at once (a share or an export made next is of the text they typed).
    pub fn end_burst(&self) {
        let held = {
            let mut state = self.state.borrow_mut();
            state.pace.left_the_text();
            state.hold_timer = None;
            let held = state.held.take();
            held.filter(|(id, _, _)| state.still_wanted(*id))
        };
        if let Some((id, text, bytes)) = held {
            draw(&self.state, id, text, &bytes);
        }
    }

    /// Analyses `text` here and now and delivers it; any answer still to come is dropped.
    pub fn analyse_here(&self, text: String) {
        let deliver = {
            let mut state = self.state.borrow_mut();
            state.latest = state.latest.wrapping_add(1);
            state.waiting = None;
            state.held = None;
            state.pace.drawn(now());
            state.deliver.clone()
        };
        let analysis = analyse(&text);
        deliver(text, analysis);
    }
}

impl State {
    /// Posts `text` to the worker as the latest request; gives it back when the worker refuses it.
    fn post(&mut self, text: String) -> Option<String> {
        let Some(worker) = &self.worker else { return Some(text) };
        let id = self.latest.wrapping_add(1);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &JsValue::from(id));
        let _ = js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&text));
        if worker.worker.post_message(&message).is_err() {
            self.stop_worker();
            return Some(text);
        }
        self.latest = id;
        self.in_flight = Some((id, text));
        None
    }

    /// True when answer `id` is still the one to draw: no newer text was asked for, and the worker
    /// is on nothing else.
    fn still_wanted(&self, id: u32) -> bool {
        id == self.latest && self.in_flight.is_none() && self.waiting.is_none()
    }

    fn stop_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.worker.terminate();
        }
    }
}

/// The worker's URL from the page's `<meta name="analysis-worker" content="...">`.
fn worker_url() -> Option<String> {
    let meta = web_sys::window()?.document()?.query_selector("meta[name=\"analysis-worker\"]").ok()??;
    meta.get_attribute("content").filter(|u| !u.is_empty())
}

/// Starts the module worker at `url` with its handlers; `None` when the browser cannot.
fn start_worker(url: &str, state: Weak<RefCell<State>>) -> Option<Worker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(url, &options).ok()?;
    let on_message = {
        let state = state.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(state) = state.upgrade() {
                let data = event.data();
                let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0);
                on_answer(&state, id as u32, read_answer(&data));
            }
        })
    };
    // The script or its wasm could not be loaded: analyse on the main thread from now on.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
        if let Some(state) = state.upgrade() {
            let id = state.borrow().in_flight.as_ref().map_or(0, |(id, _)| *id);
            on_answer(&state, id, Answer::Unavailable);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The page's own compiled wasm module, so the worker neither downloads nor compiles it again
    // (it loads the wasm by URL only if this message cannot be sent).
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"module".into(), &wasm_bindgen::module());
    let _ = worker.post_message(&message);
    Some(Worker { worker, _on_message: on_message, _on_error: on_error })
}

fn read_answer(data: &JsValue) -> Answer {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(bytes) = field("bytes").dyn_ref::<js_sys::Uint8Array>() {
        return Answer::Bytes(bytes.to_vec());
    }
    if let Some(message) = field("crash").as_string() {
        return Answer::Crashed(message);
    }
    Answer::Unavailable
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    js_sys::Date::now()
}

/// Handles the worker's answer to request `id`: the next waiting text goes in; the analysis is
/// drawn only when no newer text has been asked for since, at once or, during a burst of typing,
/// once the reader pauses.
fn on_answer(state_cell: &Rc<RefCell<State>>, id: u32, answer: Answer) {
    let mut state = state_cell.borrow_mut();
    let text = match state.in_flight.take() {
        Some((in_flight, text)) if in_flight == id => text,
        other => {
            state.in_flight = other;
            return;
        }
    };
    let wanted = id == state.latest && state.waiting.is_none();
    let bytes = match answer {
        Answer::Crashed(message) => {
            drop(state);
            // Raised again here, so the page's panic hook shows the crash banner (src/bin/web.rs).
            panic!("the analysis stopped in its worker: {message}");
        }
        Answer::Unavailable => {
            state.stop_worker();
            // Whatever is wanted now is analysed here.
            let next = state.waiting.take().or(wanted.then_some(text));
            drop(state);
            if let Some(text) = next {
                Analyser { state: state_cell.clone() }.analyse_here(text);
            }
            return;
        }
        Answer::Bytes(bytes) => bytes,
    };
    if let Some(next) = state.waiting.take() {
        let fallback = state.post(next);
        drop(state);
        if let Some(text) = fallback {
            Analyser { state: state_cell.clone() }.analyse_here(text);
        }
        return;
    }
    if !wanted {
        return;
    }
    match state.pace.hold_until(now()) {
        Some(until) => {
            state.held = Some((id, text, bytes));
            state.hold_timer = Some(hold_timer(state_cell, until));
        }
        None => {
            drop(state);
            draw(state_cell, id, text, &bytes);
        }
    }
}

/// A timer that asks again, at `until`, about the held answer: drawn if the reader has paused
/// (and no newer text was asked for meanwhile), else held longer.
fn hold_timer(state_cell: &Rc<RefCell<State>>, until: f64) -> Timeout {
    let state = Rc::downgrade(state_cell);
    Timeout::new((until - now()).clamp(0.0, f64::from(u16::MAX)) as u32, move || {
        let Some(state_cell) = state.upgrade() else { return };
        let mut state = state_cell.borrow_mut();
        let Some(&(id, _, _)) = state.held.as_ref() else { return };
        if !state.still_wanted(id) {
            state.held = None;
            return;
        }
        match state.pace.hold_until(now()) {
            Some(until) => state.hold_timer = Some(hold_timer(&state_cell, until)),
            None => {
                let (id, text, bytes) = state.held.take().expect("checked above");
                drop(state);
                draw(&state_cell, id, text, &bytes);
            }
        }
    })
}

/// Decodes answer `id` (for `text`) and delivers it to be drawn.
fn draw(state_cell: &Rc<RefCell<State>>, id: u32, text: String, bytes: &[u8]) {
    let deliver = {
        let mut state = state_cell.borrow_mut();
        state.pace.drawn(now());
        state.deliver.clone()
    };
    match crate::wire::decode(bytes) {
        // A long article's answer takes a while to decode: it is drawn in a task of its own, so
        // that decoding and drawing never add up to one long task. A text asked for meanwhile wins.
        Some(analysis) if text.len() > DRAW_LATER_BYTES => {
            let state = Rc::downgrade(state_cell);
            Timeout::new(0, move || {
                if state.upgrade().is_some_and(|s| s.borrow().still_wanted(id)) {
                    deliver(text, analysis);
                }
            })
            .forget();
        }
        Some(analysis) => deliver(text, analysis),
        // Bytes that do not decode (never expected): the same analysis, here.
        None => Analyser { state: state_cell.clone() }.analyse_here(text),
    }
}
