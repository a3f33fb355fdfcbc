//! The article: the page's one source signal (the text) and what travels with it — the reader's
//! own text a link set aside, an annotations-only link waiting for its article, the note about a
//! link's view, a link whose article is on its way (waiting for the link dictionaries), whether the
//! text is saved, and whether analysis is paused after a crash. Every
//! change of text goes through [`Article::set`]; all of it is written only by event handlers.

use super::opening::{Opening, ViewNote};
use super::state::UiState;
use super::storage::{self, NotSaved};
use crate::share::SharedAnnotations;
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
    /// A link whose article is on its way: the dictionaries it needs are loading, or failed to.
    pub arrival: RwSignal<Option<Arrival>>,
    /// That link's fragment, until it has opened.
    pub arriving_link: StoredValue<Option<String>>,
}

/// Where a link whose article needs the dictionaries stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The dictionaries are being fetched.
    Loading,
    /// They could not be had: why, in plain words.
    Failed(String),
}

impl Article {
    /// The article the page opens with.
    pub fn new(opening: &Opening) -> Article {
        Article {
            text: RwSignal::new(opening.text.clone()),
            set_aside: RwSignal::new(opening.set_aside.clone()),
            pending: RwSignal::new(opening.pending.clone()),
            view_note: RwSignal::new(opening.view_note.clone()),
            not_saved: RwSignal::new(None),
            paused: RwSignal::new(opening.crashed),
            arrival: RwSignal::new(opening.arriving.as_ref().map(|_| Arrival::Loading)),
            arriving_link: StoredValue::new(opening.arriving.clone()),
        }
    }

    /// Every change of text goes through here: saved first (so a crash cannot lose it), then shown.
    /// While a link's article stands in for the reader's own saved text, nothing is saved until
    /// the reader edits (and so adopts) the shared article or goes back to their own. Side edits
    /// name actors of one analysis, so a new text starts without them (and without the note about
    /// the link's view). A text the browser refuses to save stays on the page, and the page says so.
    pub fn set(&self, ui: UiState, new_text: String) {
        if self.set_aside.with_untracked(Option::is_some) {
            self.set_aside.set(None);
        }
        if ui.edits.with_untracked(|e| !e.is_empty()) {
            ui.edits.set(Vec::new());
        }
        if self.view_note.with_untracked(Option::is_some) {
            self.view_note.set(None);
        }
        let saved = storage::save(&new_text).err();
        if self.not_saved.get_untracked() != saved {
            self.not_saved.set(saved);
        }
        self.text.set(new_text);
    }

    /// A whole new text from a button (the demo, Clear, the reader's own text): nothing stays
    /// selected, and a paused analysis runs again.
    pub fn replace(&self, ui: UiState, new_text: String) {
        ui.selection.set(None);
        if self.paused.get_untracked() {
            self.paused.set(false);
        }
        self.set(ui, new_text);
    }
}
