//! `<ShareBar/>`: share links (full, or annotations only for long articles) with length warnings,
//! and exports of the analysis as JSON, a self-contained HTML page, a Markdown summary, or the
//! claims as CSV for spreadsheets. A full link needs the link dictionaries: they are fetched when
//! the reader points at (or focuses) the Share button, and the link is made once they are here.

use super::link_dictionaries::LinkDictionaries;
use super::state::{Layer, UiState};
use crate::analysis::{analyze, Analysis, ANALYZER_VERSION};
use crate::share::{self, Anchors, SharedState, ViewState, HARD_LINK_LIMIT, SOFT_LINK_LIMIT};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// The page's own styles, rule by rule as the browser holds them: what the HTML export inlines.
fn page_stylesheet() -> String {
    let mut css = String::new();
    let Some(sheets) = window().document().map(|d| d.style_sheets()) else { return css };
    for sheet in (0..sheets.length()).filter_map(|i| sheets.item(i)) {
        let Ok(sheet) = sheet.dyn_into::<web_sys::CssStyleSheet>() else { continue };
        let Ok(rules) = sheet.css_rules() else { continue };
        for rule in (0..rules.length()).filter_map(|j| rules.item(j)) {
            css.push_str(&rule.css_text());
            css.push('\n');
        }
    }
    css
}

fn current_view(ui: UiState) -> ViewState {
    ViewState {
        hidden: ui.hidden.with_untracked(|h| Layer::ALL.iter().filter(|l| h.contains(l)).copied().collect()),
        selected: ui.selection.get_untracked(),
        edits: ui.edits.get_untracked(),
    }
}

/// What the view's selection and side edits point at in `text`, recorded in the link so another
/// analyser version can tell whether they still attach. Analyses the text again, without the
/// edits (only when the view points at marks, and only on a click).
fn anchors_for(text: &str, view: &ViewState) -> Option<Anchors> {
    if !view.refers_to_marks() {
        return None;
    }
    share::anchors(text, &analyze(text), view)
}

/// Offers `content` as a file download.
fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document().create_element("a").ok().and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The article's first line, for titles of exports.
fn title_of(text: &str) -> String {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("Article").trim().chars().take(120).collect()
}

/// Share and export controls.
#[component]
pub fn ShareBar(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let dictionaries = LinkDictionaries::get();
    let link = RwSignal::new(None::<String>);
    let feedback = RwSignal::new(String::new());
    // Feedback fades after a while; a newer message replaces the timer of an older one.
    let clear_timer = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    let say = move |message: String| {
        feedback.set(message);
        let timeout = gloo::timers::callback::Timeout::new(8_000, move || feedback.set(String::new()));
        clear_timer.set_value(Some(timeout));
    };

    let publish = move |fragment: String, what: &str| {
        let url = url_with_fragment(&fragment);
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let _ = window().navigator().clipboard().write_text(&url);
        let n = url.chars().count();
        say(if n > HARD_LINK_LIMIT {
            format!("{what} copied, but it is {n} characters: most chat apps cut links near {HARD_LINK_LIMIT}. Share an annotations-only link instead.")
        } else if n > SOFT_LINK_LIMIT {
            format!("{what} copied ({n} characters): some tools cut links longer than {SOFT_LINK_LIMIT}.")
        } else {
            format!("{what} copied ({n} characters).")
        });
        link.set(Some(url));
    };
    // The link shares the article and view as they are at the click, even when the dictionaries
    // arrive later.
    let share_full = move |_| {
        let state = text.with(|t| {
            let view = current_view(ui);
            let anchors = anchors_for(t, &view);
            SharedState { text: t.clone(), analyzer: ANALYZER_VERSION.to_string(), view, anchors }
        });
        if dictionaries.ready().is_none() {
            say("Preparing the link…".into());
        }
        dictionaries.with(move |loaded| match loaded {
            Ok(d) => publish(share::encode_with(&state, &d), "Link"),
            Err(why) => say(format!("The link could not be made: {why}. Try again when the connection is back.")),
        });
    };
    let share_annotations = move |_| {
        let fragment = text.with(|t| {
            let view = current_view(ui);
            share::encode_annotations(t, ANALYZER_VERSION, &view, anchors_for(t, &view))
        });
        publish(fragment, "Annotations-only link (the recipient pastes the article)");
    };
    let export_json = move |_| {
        let json = text.with(|t| {
            analysis.with(|a| serde_json::to_string_pretty(&crate::contract::to_json(t, a)).unwrap_or_default())
        });
        download("analysis.json", "application/json", &json);
        say("Saved analysis.json.".into());
    };
    let export_html = move |_| {
        let css = page_stylesheet();
        let html = text.with(|t| analysis.with(|a| crate::export::to_html(t, a, &title_of(t), &css)));
        download("article.html", "text/html", &html);
        say("Saved article.html: it opens offline.".into());
    };
    let export_markdown = move |_| {
        let md = text.with(|t| analysis.with(|a| crate::export::to_markdown(t, a, &title_of(t))));
        download("claims.md", "text/markdown", &md);
        say("Saved claims.md.".into());
    };
    let export_csv = move |_| {
        let csv = text.with(|t| analysis.with(|a| crate::export::to_csv(t, a)));
        download("claims.csv", "text/csv", &csv);
        say("Saved claims.csv: it opens in any spreadsheet.".into());
    };
    view! {
        <div class="share-bar" role="group" aria-label="Share and export">
            <button data-testid="share-button" class="primary" on:click=share_full
                on:pointerenter=move |_| dictionaries.prefetch() on:focus=move |_| dictionaries.prefetch()>"Share link"</button>
            <button data-testid="share-annotations-button" on:click=share_annotations title="A short link without the article: the recipient pastes it">"Annotations-only link"</button>
            <button data-testid="export-json" on:click=export_json>"JSON"</button>
            <button data-testid="export-html" on:click=export_html>"HTML"</button>
            <button data-testid="export-markdown" on:click=export_markdown>"Markdown"</button>
            <button data-testid="export-csv" on:click=export_csv title="The claims as a spreadsheet">"CSV"</button>
        </div>
        <Show when=move || link.with(Option::is_some)>
            <label class="share">
                "Link: "
                <input data-testid="share-link" readonly prop:value=move || link.get().unwrap_or_default() />
            </label>
        </Show>
        <p class="feedback" data-testid="share-feedback" role="status" aria-live="polite">{move || feedback.get()}</p>
    }
}
