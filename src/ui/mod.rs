//! The Leptos page: one source signal (the article text), a `Memo` for its analysis, and
//! components that draw derived values. Nothing here analyses text; `crate::analysis` does.

mod article_view;
mod panels;

use crate::analysis::{analyze, markup, ANALYZER_VERSION};
use crate::share::{self, SharedState};
use leptos::prelude::*;

use article_view::ArticleView;
use panels::{ClaimsPanel, EntitiesPanel, SidesPanel};

/// What the page starts with: the text, and the reason a link could not be opened, if any.
fn initial_state() -> (String, Option<String>) {
    let hash = window().location().hash().unwrap_or_default();
    match share::decode(&hash) {
        Ok(Some(state)) => (state.text, None),
        Ok(None) => (crate::DEMO_ARTICLE.to_string(), None),
        Err(error) => (String::new(), Some(error.to_string())),
    }
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

    let on_share = move |_| {
        let fragment = text.with(|t| share::encode(&SharedState { text: t.clone(), analyzer: ANALYZER_VERSION.to_string() }));
        let location = window().location();
        let base = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let url = format!("{base}#{fragment}");
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let _ = window().navigator().clipboard().write_text(&url);
        share_url.set(Some(url));
    };

    view! {
        <header class="top">
            <h1>"Article Explorer"</h1>
            <p class="tagline">"Who says what, and for which side — analysed in your browser; the text never leaves it."</p>
        </header>
        <Show when=move || link_error.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="link-error">
                <strong>"This link could not be opened. "</strong>
                {move || link_error.get().unwrap_or_default()}
                " You can paste the article below instead."
                <button class="dismiss" on:click=move |_| link_error.set(None) aria-label="Dismiss">"×"</button>
            </div>
        </Show>
        <main class="layout">
            <section class="editor" aria-label="Article">
                <div class="toolbar">
                    <button data-testid="demo-button" on:click=move |_| text.set(crate::DEMO_ARTICLE.to_string())>"Load demo"</button>
                    <button data-testid="clear-button" on:click=move |_| text.set(String::new())>"Clear"</button>
                    <button data-testid="share-button" class="primary" on:click=on_share>"Share link"</button>
                    <span class="word-count" data-testid="word-count">{move || format!("{} words", word_count())}</span>
                </div>
                <Show when=move || share_url.with(Option::is_some)>
                    <label class="share">
                        "Link (copied): "
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
                <ArticleView text=text analysis=analysis segments=segments />
            </section>
            <aside class="panels">
                <SidesPanel analysis=analysis />
                <ClaimsPanel text=text analysis=analysis />
                <EntitiesPanel analysis=analysis />
            </aside>
        </main>
        <footer class="foot">
            "Article Explorer " {ANALYZER_VERSION} " · analysis runs locally in WebAssembly · "
            <a href="https://creativecommons.org/licenses/by-sa/4.0/">"model and data credits in ATTRIBUTION.md"</a>
        </footer>
    }
}
