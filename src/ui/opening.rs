//! What the page opens with, decided once from the URL fragment and local storage: the text, the
//! shared view, a link's error, an annotations-only link waiting for its article, the reader's own
//! text kept aside, a crash note; and whether a link's view still fits its article. A link that
//! needs the preset dictionaries (v2, v3) opens once they arrive ([`open_arriving_link`]): until
//! then the page waits with an empty text, and the reader's saved text is left as it is.

use super::article::{Arrival, Article};
use super::link_dictionaries::LinkDictionaries;
use super::state::UiState;
use super::storage;
use crate::analysis::{analyze, ANALYZER_VERSION};
use crate::share::{self, Anchors, Link, LinkError, SharedAnnotations, ViewState};
use leptos::prelude::*;

/// What the page opens with.
pub struct Opening {
    /// The text to show.
    pub text: String,
    /// The view a link brought (default: none).
    pub view: ViewState,
    /// Why the link in the fragment could not be opened.
    pub link_error: Option<String>,
    /// An annotations-only link waiting for its article.
    pub pending: Option<SharedAnnotations>,
    /// The reader's own saved text, kept aside when a link brought another article.
    pub set_aside: Option<String>,
    /// What to tell the reader when the link's view no longer fits its article.
    pub view_note: Option<ViewNote>,
    /// True when the last page crashed in the analysis: open the text without analysing it.
    pub crashed: bool,
    /// A link (the fragment) that opens once the dictionaries arrive.
    pub arriving: Option<String>,
}

/// Reads the fragment and local storage (once, when the page opens).
pub fn opening() -> Opening {
    let hash = window().location().hash().unwrap_or_default();
    let saved = storage::load().filter(|t| !t.trim().is_empty());
    let crashed = storage::take_crash_note();
    if share::needs_dictionaries(&hash) {
        return Opening { arriving: Some(hash), ..fresh(String::new(), crashed) };
    }
    from_decoded(share::decode_without_dictionaries(&hash), saved, crashed)
}

/// What the page opens with, given what the fragment decoded to and the reader's saved text.
fn from_decoded(decoded: Result<Option<Link>, LinkError>, saved: Option<String>, crashed: bool) -> Opening {
    let fresh = |text: String| fresh(text, crashed);
    match decoded {
        Ok(Some(Link::Full(state))) => {
            let set_aside = saved.filter(|s| *s != state.text);
            let view_note = view_note(&state.text, &state.view, state.anchors.as_ref(), &state.analyzer);
            Opening { view: state.view, set_aside, view_note, ..fresh(state.text) }
        }
        Ok(Some(Link::AnnotationsOnly(annotations))) => {
            Opening { pending: Some(annotations), set_aside: saved, ..fresh(String::new()) }
        }
        Ok(None) => fresh(saved.unwrap_or_else(|| crate::DEMO_ARTICLE.to_string())),
        Err(error) => Opening { link_error: Some(error.to_string()), ..fresh(saved.unwrap_or_default()) },
    }
}

/// `text` with nothing else: no link, no view.
fn fresh(text: String, crashed: bool) -> Opening {
    Opening {
        text,
        view: ViewState::default(),
        link_error: None,
        pending: None,
        set_aside: None,
        view_note: None,
        crashed,
        arriving: None,
    }
}

/// Opens the link the page is waiting for once the dictionaries arrive (asking for them now).
/// It then stands in for the reader's saved text as a link opened at once would (kept aside and
/// offered back); if they cannot be had, the page says why, shows the saved text, and offers to
/// try again ([`Arrival::Failed`]). Runs from the load's completion, never from an effect.
pub fn open_arriving_link(article: Article, ui: UiState, link_error: RwSignal<Option<String>>) {
    let Some(fragment) = article.arriving_link.get_value() else { return };
    article.arrival.set(Some(Arrival::Loading));
    LinkDictionaries::get().with(move |loaded| {
        let saved = storage::load().filter(|t| !t.trim().is_empty());
        match loaded {
            Ok(dictionaries) => {
                let opened = from_decoded(share::decode_with(&fragment, &dictionaries), saved, false);
                article.arriving_link.set_value(None);
                article.arrival.set(None);
                apply_view(ui, &opened.view);
                article.set_aside.set(opened.set_aside);
                article.view_note.set(opened.view_note);
                link_error.set(opened.link_error);
                article.text.set(opened.text);
                article.analyse(false);
            }
            Err(why) => {
                article.arrival.set(Some(Arrival::Failed(why)));
                // Nothing is lost: the reader's saved text comes back (and stays saved).
                if article.text.with_untracked(String::is_empty) {
                    article.text.set(saved.unwrap_or_default());
                    article.analyse(false);
                }
            }
        }
    });
}

/// What the page says when a link's view no longer fits its article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewNote {
    /// The plain-words message ([`share::Fit::message`]).
    pub message: String,
    /// What the view points at, for the buttons: "selection", "side edits"...
    pub parts: &'static str,
}

/// What to tell the reader when a link's `view` (made by analyser `made_by`) no longer fits the
/// marks this version finds in `text`; `None` when it fits. Analyses the text only when the view
/// points at marks (once, when the link is opened).
pub fn view_note(text: &str, view: &ViewState, anchors: Option<&Anchors>, made_by: &str) -> Option<ViewNote> {
    if !view.refers_to_marks() {
        return None;
    }
    let fit = share::fit(text, &analyze(text), view, anchors, made_by, ANALYZER_VERSION);
    let message = fit.message(view, ANALYZER_VERSION)?;
    Some(ViewNote { message, parts: share::referring_parts(view) })
}

/// Applies a shared view to the UI state.
pub fn apply_view(ui: UiState, view: &ViewState) {
    ui.hidden.set(view.hidden.clone());
    ui.selection.set(view.selected);
    ui.edits.set(view.edits.clone());
}
