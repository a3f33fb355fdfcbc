//! The wasm entry point that Trunk builds: installs the panic hook and mounts the app (or the
//! comparison page); exports the analysis as bytes for the page's analysis workers, and the
//! analysis alone for the in-browser benchmark.
//!
//! The same wasm runs in two places: on the page, where `main` mounts the app, and in the analysis
//! worker (`assets/analysis-worker.js`), where there is no window, so `main` only installs the hook
//! and the worker calls [`analyse_in_worker`]. A panic there is raised again on the page
//! (`src/ui/analyser.rs`), so it ends here in the page's hook all the same.
//!
//! A panic cannot be recovered inside the wasm instance, so the hook shows a plain message with
//! a reload link; the reader's text is already in local storage (saved before each analysis). The
//! hook also leaves a crash note, so the reloaded page shows the text without analysing it again
//! (a text that always crashes the analysis would otherwise crash every reload). When the text on
//! the page is not the saved one (the browser refused it, or it came by link), the message says
//! so: the text is still in the page's text box to copy before reloading.

use wasm_bindgen::JsCast;

const CRASH_MESSAGE: &str = "Something went wrong inside the analysis and the page stopped. \
Your text is saved in this browser: reload to continue where you were.";
const CRASH_MESSAGE_UNSAVED: &str = "Something went wrong inside the analysis and the page stopped. \
The text in the box below is not saved in this browser: copy it before you reload.";

/// True when the text box holds what local storage holds (or there is no text box to compare).
fn text_is_saved(document: &web_sys::Document) -> bool {
    let Some(input) = document
        .query_selector("[data-testid=\"article-input\"]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return true;
    };
    article_explorer::ui::saved_text().is_some_and(|s| s == input.value())
}

fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("banner error crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "crash");
    let message = if text_is_saved(&document) { CRASH_MESSAGE } else { CRASH_MESSAGE_UNSAVED };
    banner.set_text_content(Some(&format!("{message} ")));
    if let Ok(link) = document.create_element("a") {
        // Reload without the fragment: a link that crashed the page must not crash it again.
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "./".into());
        let _ = link.set_attribute("href", &path);
        link.set_text_content(Some("Reload"));
        let _ = banner.append_child(&link);
    }
    let _ = body.insert_before(&banner, body.first_child().as_ref());
    if let Some(el) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The analysis alone, as the page runs it, for the in-browser benchmark (tests/e2e/bench-browser.mjs
/// times it through Trunk's `window.wasmBindings`). Returns the number of entities and claims found,
/// so that the work is used. The page itself never calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyze_for_benchmark(text: &str) -> u32 {
    let analysis = article_explorer::analysis::analyze(text);
    (analysis.entities.len() + analysis.claims.len()) as u32
}

/// What the analysis worker calls (assets/analysis-worker.js): the analysis of `text`, as the page
/// would make it, as compact bytes (`article_explorer::wire`), which the page decodes.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyse_in_worker(text: &str) -> Vec<u8> {
    article_explorer::ui::analyse_to_bytes(text)
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Both do nothing in the worker (no window, no storage): the page does them when the
        // worker's panic is raised again there.
        article_explorer::ui::note_crash();
        show_crash_message();
    }));
    // In the analysis worker there is no window and no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    // Two reports compared (`?compare`, or a comparison link), else the single article.
    if article_explorer::ui::compare_wanted() {
        leptos::mount::mount_to_body(article_explorer::ui::ComparePage);
    } else {
        leptos::mount::mount_to_body(article_explorer::ui::App);
    }
}
