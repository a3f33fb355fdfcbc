//! The Leptos page: one source signal (the article text), a `Memo` for its analysis, and
//! components that draw derived values. Nothing here analyses text; `crate::analysis` does.

mod article_in;
mod article_view;
mod offline;
mod panels;
mod pictures;
mod share_bar;
mod state;
mod storage;

use crate::analysis::{analyze, markup, sides, ClaimId, ANALYZER_VERSION};
use crate::share::{self, Link, SharedAnnotations, ViewState};
use leptos::prelude::*;

use article_in::OpenFile;
use article_view::{scroll_to_claim, ArticleView};
use offline::OfflineStatus;
use panels::{ClaimsPanel, EntitiesPanel, Legend, NarrativesPanel, WhyPanel};
use pictures::{Minimap, Pictures};
use share_bar::ShareBar;
pub use state::{Layer, Selection, UiState};

/// What the page opens with, decided once from the URL fragment and local storage.
struct Opening {
    text: String,
    view: ViewState,
    link_error: Option<String>,
    pending: Option<SharedAnnotations>,
    /// The reader's own saved text, kept aside when a link brought another article.
    set_aside: Option<String>,
}

fn opening() -> Opening {
    let hash = window().location().hash().unwrap_or_default();
    let saved = storage::load().filter(|t| !t.trim().is_empty());
    let fresh =
        |text: String| Opening { text, view: ViewState::default(), link_error: None, pending: None, set_aside: None };
    match share::decode(&hash) {
        Ok(Some(Link::Full(state))) => {
            let set_aside = saved.filter(|s| *s != state.text);
            Opening { text: state.text, view: state.view, set_aside, ..fresh(String::new()) }
        }
        Ok(Some(Link::AnnotationsOnly(annotations))) => {
            Opening { pending: Some(annotations), set_aside: saved, ..fresh(String::new()) }
        }
        Ok(None) => fresh(saved.unwrap_or_else(|| crate::DEMO_ARTICLE.to_string())),
        Err(error) => Opening { link_error: Some(error.to_string()), ..fresh(saved.unwrap_or_default()) },
    }
}

/// Applies a shared view to the UI state.
fn apply_view(ui: UiState, view: &ViewState) {
    ui.hidden.set(view.hidden.clone());
    ui.selection.set(view.selected);
    ui.edits.set(view.edits.clone());
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let opening = opening();
    let text = RwSignal::new(opening.text);
    let link_error = RwSignal::new(opening.link_error);
    let pending = RwSignal::new(opening.pending);
    let set_aside = RwSignal::new(opening.set_aside);
    let ui = UiState::new();
    apply_view(ui, &opening.view);
    // The analysis of the text with the reader's side edits applied over it.
    let analysis = Memo::new(move |_| {
        let mut a = text.with(|t| analyze(t));
        ui.edits.with(|edits| sides::apply_edits(&mut a, edits));
        a
    });
    let segments = Memo::new(move |_| text.with(|t| analysis.with(|a| markup::segments(t, a))));
    let word_count = move || text.with(|t| t.split_whitespace().count());
    provide_context(ui);

    // Every change of text goes through here: saved first (so a crash cannot lose it), then shown.
    // While a link's article stands in for the reader's own saved text, nothing is saved until
    // the reader edits (and so adopts) the shared article or goes back to their own.
    // Side edits name actors of one analysis, so a new text starts without them.
    let set_text = move |new_text: String| {
        if set_aside.with_untracked(Option::is_some) {
            set_aside.set(None);
        }
        if ui.edits.with_untracked(|e| !e.is_empty()) {
            ui.edits.set(Vec::new());
        }
        storage::save(&new_text);
        text.set(new_text);
    };
    // Typing or pasting: an annotations-only link waits for the article whose fingerprint it carries.
    let on_input = move |ev| {
        let new_text = event_target_value(&ev);
        let waiting = pending.get_untracked().filter(|p| share::fingerprint(&new_text) == p.fp);
        set_text(new_text);
        if let Some(p) = waiting {
            apply_view(ui, &p.view);
            pending.set(None);
        }
    };

    // Keyboard: j/k (or n/p) move between claims, 1–7 toggle layers, Escape clears the selection.
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing =
            document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let n_claims = analysis.with(|a| a.claims.len());
        let current = match ui.selection.get_untracked() {
            Some(Selection::Claim(id)) => Some(id.0 as usize),
            _ => None,
        };
        let step = match key.as_str() {
            "j" | "n" => Some(1i64),
            "k" | "p" => Some(-1),
            _ => None,
        };
        if let (Some(step), true) = (step, n_claims > 0) {
            let next = match current {
                Some(i) => (i as i64 + step).rem_euclid(n_claims as i64) as usize,
                None if step > 0 => 0,
                None => n_claims - 1,
            };
            ui.selection.set(Some(Selection::Claim(ClaimId(next as u32))));
            scroll_to_claim(next);
            ev.prevent_default();
        } else if key == "Escape" {
            ui.selection.set(None);
        } else if let Some(layer) = Layer::ALL.iter().find(|l| key.starts_with(crate::drawing::layer_key(**l))) {
            ui.toggle(*layer);
        }
    });

    view! {
        <header class="top">
            <h1>"Article Explorer"</h1>
            <p class="tagline">"Who is named, who says what, and for which side. Analysed in your browser; the text never leaves it."</p>
        </header>
        <Show when=move || link_error.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="link-error">
                <strong>"This link could not be opened. "</strong>
                {move || link_error.get().unwrap_or_default()}
                " You can paste the article below instead."
                <button class="dismiss" on:click=move |_| link_error.set(None) aria-label="Dismiss this message">"×"</button>
            </div>
        </Show>
        <Show when=move || set_aside.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="kept-text">
                "This link opened a shared article. The text you had here before is kept in this browser. "
                <button data-testid="restore-text" on:click=move |_| {
                    if let Some(own) = set_aside.get_untracked() {
                        ui.selection.set(None);
                        set_text(own);
                    }
                }>"Go back to my text"</button>
                " (Editing the shared article replaces it.)"
            </div>
        </Show>
        <Show when=move || pending.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="paste-request">
                {move || pending.with(|p| p.as_ref().map(|p| format!(
                    "This link carries highlights for an article of {} characters, not the article itself. Paste that article below and its view will be restored.",
                    p.n
                )))}
                {move || text.with(|t| (!t.is_empty() && pending.with(Option::is_some)).then(|| view! {
                    <strong data-testid="fingerprint-mismatch">" The text below is not the article this link was made for."</strong>
                }))}
            </div>
        </Show>
        <main class="layout">
            <section class="editor" aria-label="Article">
                <div class="toolbar" role="toolbar" aria-label="Article actions">
                    <button data-testid="demo-button" on:click=move |_| { ui.selection.set(None); set_text(crate::DEMO_ARTICLE.to_string()) }>"Load demo"</button>
                    <button data-testid="clear-button" on:click=move |_| { ui.selection.set(None); set_text(String::new()) }>"Clear"</button>
                    <OpenFile load=move |t: String| { ui.selection.set(None); set_text(t) } />
                    <span class="word-count" data-testid="word-count" aria-live="polite">{move || format!("{} words", word_count())}</span>
                </div>
                <ShareBar text=text analysis=analysis />
                <textarea
                    data-testid="article-input"
                    aria-label="Paste a news article here"
                    placeholder="Paste a news article here…"
                    prop:value=move || text.get()
                    on:input=on_input
                ></textarea>
                <Legend />
                <div class="article-row">
                    <ArticleView text=text analysis=analysis segments=segments />
                    <Minimap analysis=analysis />
                </div>
                <Pictures text=text analysis=analysis />
                <NarrativesPanel text=text analysis=analysis />
            </section>
            <aside class="panels" aria-label="Analysis panels">
                <WhyPanel text=text analysis=analysis />
                <ClaimsPanel text=text analysis=analysis />
                <EntitiesPanel analysis=analysis />
            </aside>
        </main>
        <footer class="foot">
            "Article Explorer " {ANALYZER_VERSION} ". Keys: j/k next/previous claim, 1–7 layers, Esc clears. "
            "Analysis runs locally in WebAssembly. Data and model credits: ATTRIBUTION.md in the source."
            <OfflineStatus />
        </footer>
    }
}
