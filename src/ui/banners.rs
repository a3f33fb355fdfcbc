//! The messages above the article: a link that could not be opened, a link whose article is on its
//! way (or could not be fetched, with a way to try again), the reader's own text kept
//! aside, an annotations-only link waiting for its article, a link's view that no longer fits,
//! a text the browser would not save, and an analysis paused after a crash. Each is shown while
//! its state says so and is cleared by its own buttons (event handlers).

use super::article::{Arrival, Article};
use super::opening;
use super::state::UiState;
use super::storage::NotSaved;
use leptos::prelude::*;

/// A link in the fragment could not be opened.
#[component]
pub fn LinkErrorBanner(link_error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || link_error.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="link-error">
                <strong>"This link could not be opened. "</strong>
                {move || link_error.get().unwrap_or_default()}
                " You can paste the article below instead."
                <button class="dismiss" on:click=move |_| link_error.set(None) aria-label="Dismiss this message">"×"</button>
            </div>
        </Show>
    }
}

/// A link's article is on its way (the page fetches what links are decoded with), or could not be
/// had: then the reader's own text is back, and they can try again.
#[component]
pub fn ArrivingLinkBanner(article: Article, link_error: RwSignal<Option<String>>) -> impl IntoView {
    let ui = UiState::get();
    let arrival = article.arrival;
    let failed = move || {
        arrival.with(|a| match a {
            Some(Arrival::Failed(why)) => Some(why.clone()),
            _ => None,
        })
    };
    view! {
        <Show when=move || arrival.get() == Some(Arrival::Loading)>
            <div class="banner info" role="status" data-testid="link-arriving">
                "Opening the shared article…"
            </div>
        </Show>
        <Show when=move || failed().is_some()>
            <div class="banner error" role="alert" data-testid="link-fetch-error">
                <strong>"This link could not be opened yet: "</strong>
                {move || failed().unwrap_or_default()}
                ". Your own text is below, as you left it. "
                <span class="banner-actions">
                    <button data-testid="link-retry" on:click=move |_| opening::open_arriving_link(article, ui, link_error)>
                        "Try again"
                    </button>
                </span>
            </div>
        </Show>
    }
}

/// A link brought another article; the reader's own text is kept and offered back.
#[component]
pub fn KeptTextBanner(article: Article) -> impl IntoView {
    let ui = UiState::get();
    let restore = move |_| {
        if let Some(own) = article.set_aside.get_untracked() {
            article.replace(ui, own);
        }
    };
    view! {
        <Show when=move || article.set_aside.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="kept-text">
                "This link opened a shared article. The text you had here before is kept in this browser. "
                <button data-testid="restore-text" on:click=restore>"Go back to my text"</button>
                " (Editing the shared article replaces it.)"
            </div>
        </Show>
    }
}

/// An annotations-only link asks for its article (and says when the text is not that article).
#[component]
pub fn PasteRequestBanner(article: Article) -> impl IntoView {
    let Article { text, pending, .. } = article;
    view! {
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
    }
}

/// A link's selection or side edits no longer point at the marks they were made on: say so, and
/// offer the article without them.
#[component]
pub fn ViewNoteBanner(article: Article) -> impl IntoView {
    let ui = UiState::get();
    let note = article.view_note;
    let open_without = move |_| {
        ui.selection.set(None);
        ui.edits.set(Vec::new());
        note.set(None);
    };
    let parts = move || note.with(|n| n.as_ref().map_or("", |n| n.parts));
    let keep = move || if parts() == "selection" || parts() == "side edit" { "Keep it" } else { "Keep them" };
    view! {
        <Show when=move || note.with(Option::is_some)>
            <div class="banner warning" role="status" data-testid="view-detached">
                <strong>"The link's highlights may not match this article. "</strong>
                {move || note.with(|n| n.as_ref().map(|n| n.message.clone()).unwrap_or_default())}
                <span class="banner-actions">
                    <button data-testid="open-without-view" on:click=open_without>
                        {move || format!("Open the text without its {}", parts())}
                    </button>
                    <button data-testid="keep-view" on:click=move |_| note.set(None)>{keep}</button>
                </span>
            </div>
        </Show>
    }
}

/// `n` with thousands separators: 12,345.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The text on the page is not saved in this browser: say so while it lasts.
#[component]
pub fn NotSavedBanner(article: Article) -> impl IntoView {
    let Article { text, not_saved, .. } = article;
    let message = move || {
        not_saved.get().map(|why| match why {
            NotSaved::TooLarge => format!(
                "At {} characters, it is more than the room this browser has left for the page. It stays here while the page is open, but a reload or a closed tab would bring back the last text that was saved instead. Copy it somewhere to keep it.",
                thousands(text.with(|t| t.chars().count()))
            ),
            NotSaved::NoStorage => "This browser does not let the page keep text. It stays here while the page is open, but a reload or a closed tab would lose it. Copy it somewhere to keep it.".to_string(),
        })
    };
    view! {
        <Show when=move || not_saved.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="not-saved">
                <strong>"Your text is not saved in this browser. "</strong>
                {message}
            </div>
        </Show>
    }
}

/// The last page crashed analysing this text: it is shown unanalysed until the reader asks again.
#[component]
pub fn PausedBanner(article: Article) -> impl IntoView {
    let paused = article.paused;
    view! {
        <Show when=move || paused.get()>
            <div class="banner error" role="alert" data-testid="analysis-paused">
                <strong>"The analysis stopped with an error on this text last time. "</strong>
                "Your text is below, unchanged and not analysed, so the page does not stop again. You can edit it before you analyse it again."
                <span class="banner-actions">
                    <button data-testid="analyse-again" on:click=move |_| article.resume()>"Analyse it again"</button>
                </span>
            </div>
        </Show>
    }
}
