//! The article: the page's one source signal (the text) and what travels with it — the reader's
//! own text a link set aside, an annotations-only link waiting for its article, the note about a
//! link's view, a link whose article is on its way (waiting for the link dictionaries), whether the
//! text is saved, and whether analysis is paused after a crash — and the analysis of the text,
//! which arrives later (`analyser.rs`, in a Web Worker). Every change of text goes through
//! [`Article::set`] (or, for a link that arrives late, `opening::open_arriving_link`), which asks
//! for its analysis; all of it is written only by event handlers and by the analyser's answers.

use super::analyser::{Analyser, DRAW_LATER_BYTES};
use super::opening::{Opening, ViewNote};
use super::state::UiState;
use super::storage::{self, NotSaved};
use crate::analysis::Analysis;
use crate::share::SharedAnnotations;
use gloo::timers::callback::Timeout;
use leptos::prelude::*;

/// The text and its companions; `Copy`, so handlers and components take it by value.
#[derive(Clone, Copy)]
pub struct Article {
    /// The article text: the one source signal every analysis is derived from.
    pub text: RwSignal<String>,
    /// The reader's own saved text, kept aside while a link's article stands in for it.
    pub set_aside: RwSignal<Option<String>>,
    /// An annotations-only link waiting for the article whose fingerprint it carries.
    pub pending: RwSignal<Option<SharedAnnotations>>,
    /// What the page says about a link's view that no longer fits its article (with a way out).
    pub view_note: RwSignal<Option<ViewNote>>,
    /// Why the text on the page is not saved in this browser, when it is not.
    pub not_saved: RwSignal<Option<NotSaved>>,
    /// True while the analysis is paused because the last page crashed analysing this text.
    pub paused: RwSignal<bool>,
    /// The text the analysis on screen was made from: `text` once the analysis has caught up.
    /// The article view and the panels draw this text, so every span indexes the text it came from.
    pub shown: RwSignal<String>,
    /// The analysis of `shown` (empty while paused); written only by the analyser's answers.
    pub analysed: RwSignal<Analysis>,
    /// True from a request for the analysis of `text` until that analysis is on screen.
    pub analysing: RwSignal<bool>,
    /// True for one task after a long article's analysis arrives: the pictures and the narratives
    /// keep their last text and analysis meanwhile ([`PanelsView`]), so that drawing the article's
    /// top and drawing them never add up to one long task.
    pub panels_wait: RwSignal<bool>,
    analyser: StoredValue<Analyser, LocalStorage>,
    /// A link whose article is on its way: the dictionaries it needs are loading, or failed to.
    pub arrival: RwSignal<Option<Arrival>>,
    /// That link's fragment, until it has opened.
    pub arriving_link: StoredValue<Option<String>>,
    /// The reader asked for the text box with a long text in it (`crate::import::long_text`: the
    /// box is otherwise closed for one). A new text from a button or a long paste closes it again.
    pub editor_opened: RwSignal<bool>,
    /// The text before a long paste the page put in itself, for "Undo the paste": cleared by any
    /// other change of text.
    pub before_long_paste: RwSignal<Option<String>>,
}

/// Where a link whose article needs the dictionaries stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The dictionaries are being fetched.
    Loading,
    /// They could not be had: why, in plain words.
    Failed(String),
}

/// An opening text up to this size (about 5,000 words) is analysed on the main thread at once, so
/// the first highlight does not wait for the worker to start; a longer one goes to the worker.
pub(super) const OPENING_ANALYSED_HERE: usize = 32 * 1024;

impl Article {
    /// The article the page opens with; its analysis is asked for at once.
    pub fn new(opening: &Opening) -> Article {
        let shown = RwSignal::new(opening.text.clone());
        let analysed = RwSignal::new(Analysis::default());
        let analysing = RwSignal::new(false);
        let panels_wait = RwSignal::new(false);
        let analyser = Analyser::new(move |text, analysis| {
            let long = text.len() > DRAW_LATER_BYTES;
            shown.set(text);
            analysed.set(analysis);
            analysing.set(false);
            if long {
                // Written by the analyser's answer and by a timer, never by an Effect.
                panels_wait.set(true);
                Timeout::new(0, move || panels_wait.set(false)).forget();
            }
        });
        let article = Article {
            text: RwSignal::new(opening.text.clone()),
            set_aside: RwSignal::new(opening.set_aside.clone()),
            pending: RwSignal::new(opening.pending.clone()),
            view_note: RwSignal::new(opening.view_note.clone()),
            not_saved: RwSignal::new(None),
            paused: RwSignal::new(opening.crashed),
            shown,
            analysed,
            analysing,
            panels_wait,
            analyser: StoredValue::new_local(analyser),
            arrival: RwSignal::new(opening.arriving.as_ref().map(|_| Arrival::Loading)),
            arriving_link: StoredValue::new(opening.arriving.clone()),
            editor_opened: RwSignal::new(false),
            before_long_paste: RwSignal::new(None),
        };
        if !opening.crashed && opening.text.len() <= OPENING_ANALYSED_HERE {
            article.analyser.with_value(|a| a.analyse_here(opening.text.clone()));
        } else {
            article.analyse(false);
        }
        article
    }

    /// Asks for the analysis of the current text (the text itself, unanalysed, while paused). Until
    /// it arrives the page keeps showing the last analysed text, and says it is analysing. `typed`
    /// when a keystroke made the text.
    pub(super) fn analyse(&self, typed: bool) {
        let text = self.text.get_untracked();
        if self.paused.get_untracked() {
            self.shown.set(text);
            self.analysed.set(Analysis::default());
            self.analysing.set(false);
            return;
        }
        let analysing = self.analysing;
        self.analyser.with_value(|a| {
            if a.has_worker() && !analysing.get_untracked() {
                analysing.set(true);
            }
            a.request(text, typed);
        });
    }

    /// The reader left the text box: what they typed is drawn now, not after a pause
    /// (`crate::pace`).
    pub fn typing_ended(&self) {
        self.analyser.with_value(Analyser::end_burst);
    }

    /// The reader asks for the analysis of a paused text again.
    pub fn resume(&self) {
        self.paused.set(false);
        self.analyse(false);
    }

    /// Every change of text goes through here: saved first (so a crash cannot lose it), then shown.
    /// While a link's article stands in for the reader's own saved text, nothing is saved until
    /// the reader edits (and so adopts) the shared article or goes back to their own. Side edits
    /// name actors of one analysis, so a new text starts without them (and without the note about
    /// the link's view). A text the browser refuses to save stays on the page, and the page says so.
    /// `typed` when a keystroke made the text.
    pub fn set(&self, ui: UiState, new_text: String, typed: bool) {
        if self.set_aside.with_untracked(Option::is_some) {
            self.set_aside.set(None);
        }
        if ui.edits.with_untracked(|e| !e.is_empty()) {
            ui.edits.set(Vec::new());
        }
        if self.view_note.with_untracked(Option::is_some) {
            self.view_note.set(None);
        }
        // Only the text a long paste made can be undone (the paste sets this again after).
        if self.before_long_paste.with_untracked(Option::is_some) {
            self.before_long_paste.set(None);
        }
        let saved = storage::save(&new_text).err();
        if self.not_saved.get_untracked() != saved {
            self.not_saved.set(saved);
        }
        self.text.set(new_text);
        self.analyse(typed);
    }

    /// A whole new text from a button (the demo, Clear, the reader's own text): nothing stays
    /// selected, a paused analysis runs again, and the text box is closed again if the new text is
    /// long.
    pub fn replace(&self, ui: UiState, new_text: String) {
        ui.selection.set(None);
        if self.editor_opened.get_untracked() {
            self.editor_opened.set(false);
        }
        if self.paused.get_untracked() {
            self.paused.set(false);
        }
        self.set(ui, new_text, false);
    }
}

/// The text and analysis the pictures and the narratives draw: the article's, except for the one
/// task after a long article's analysis arrives ([`Article::panels_wait`]), when they keep the
/// last ones (a pair that belong together, so every span still indexes its text).
#[derive(Clone, Copy)]
pub struct PanelsView {
    /// The text they draw.
    pub text: Memo<String>,
    /// Its analysis.
    pub analysis: Memo<Analysis>,
}

impl PanelsView {
    /// What the panels draw of `article` and its `analysis` (the reader's edits applied).
    pub fn new(article: Article, analysis: Memo<Analysis>) -> PanelsView {
        let shown = article.shown;
        PanelsView {
            text: kept_while(article.panels_wait, move || shown.get()),
            analysis: kept_while(article.panels_wait, move || analysis.get()),
        }
    }
}

/// `current()`, except while `wait` is set, when the last value is kept. `wait` is read first,
/// always, so that the memo follows it from its first run on.
fn kept_while<T: Send + Sync + 'static>(
    wait: RwSignal<bool>,
    current: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    Memo::new_owning(move |last: Option<T>| match (wait.get(), last) {
        (true, Some(last)) => (last, false),
        _ => (current(), true),
    })
}
