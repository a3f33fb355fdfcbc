//! The Leptos page: one source signal (the article text), a `Memo` for its analysis, and
//! components that draw derived values. Nothing here analyses text; `crate::analysis` does.

mod article_view;
mod panels;
mod state;

use crate::analysis::{analyze, markup, ClaimId, ANALYZER_VERSION};
use crate::share::{self, SharedState};
use leptos::prelude::*;

use article_view::{scroll_to_claim, ArticleView};
use panels::{ClaimsPanel, EntitiesPanel, Legend, NarrativesPanel, WhyPanel};
pub use state::{Layer, Selection, UiState};

/// What the page starts with: the text, and the reason a link could not be opened, if any.
fn initial_state() -> (String, Option<String>) {
    let hash = window().location().hash().unwrap_or_default();
    match share::decode(&hash) {
        Ok(Some(state)) => (state.text, None),
        Ok(None) => (crate::DEMO_ARTICLE.to_string(), None),
        Err(error) => (String::new(), Some(error.to_string())),
    }
}

/// The full URL of the current page with `fragment`.
fn url_with_fragment(fragment: &str) -> String {
    let location = window().location();
    format!(
        "{}{}{}#{fragment}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let (initial_text, initial_error) = initial_state();
    let text = RwSignal::new(initial_text);
    let link_error = RwSignal::new(initial_error);
    let share_url = RwSignal::new(None::<String>);
    let analysis = Memo::new(move |_| text.with(|t| analyze(t)));
    let segments = Memo::new(move |_| text.with(|t| analysis.with(|a| markup::segments(t, a))));
    let word_count = move || text.with(|t| t.split_whitespace().count());
    let ui = UiState::new();
    provide_context(ui);

    let on_share = move |_| {
        let fragment = text.with(|t| share::encode(&SharedState { text: t.clone(), analyzer: ANALYZER_VERSION.to_string() }));
        let url = url_with_fragment(&fragment);
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let _ = window().navigator().clipboard().write_text(&url);
        share_url.set(Some(url));
    };

    // Keyboard: j/k (or n/p) move between claims, 1–7 toggle layers, Escape clears the selection.
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"));
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
        } else if let Some(layer) = Layer::ALL.iter().find(|l| key.starts_with(l.key())) {
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
        <main class="layout">
            <section class="editor" aria-label="Article">
                <div class="toolbar" role="toolbar" aria-label="Article actions">
                    <button data-testid="demo-button" on:click=move |_| { ui.selection.set(None); text.set(crate::DEMO_ARTICLE.to_string()) }>"Load demo"</button>
                    <button data-testid="clear-button" on:click=move |_| { ui.selection.set(None); text.set(String::new()) }>"Clear"</button>
                    <button data-testid="share-button" class="primary" on:click=on_share>"Share link"</button>
                    <span class="word-count" data-testid="word-count" aria-live="polite">{move || format!("{} words", word_count())}</span>
                </div>
                <Show when=move || share_url.with(Option::is_some)>
                    <label class="share">
                        "Link copied: "
                        <input data-testid="share-link" readonly prop:value=move || share_url.get().unwrap_or_default() />
                    </label>
                </Show>
                <textarea
                    data-testid="article-input"
                    aria-label="Paste a news article here"
                    placeholder="Paste a news article here…"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <Legend />
                <ArticleView text=text analysis=analysis segments=segments />
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
        </footer>
    }
}
