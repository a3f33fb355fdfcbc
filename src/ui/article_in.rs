//! Any article in: `<OpenFile/>` opens a `.txt`, `.md` or `.html` file from its button or dropped
//! anywhere on the page, and pasting rich text into the article keeps its paragraphs (the
//! clipboard's `text/html` reduced by [`crate::import::html`]; plain text pastes as the browser
//! does, unless it is too long for the text box: `crate::import::long_text`). HTML is never
//! rendered. A file that cannot be opened leaves the reader's text as it was and says why.

use crate::import;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the last file did: a note, or why it was not opened.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Opened(String),
    Refused(String),
}

/// Reads `file` and hands its article to `load`, or says why not.
fn open(file: web_sys::File, load: Callback<String>, outcome: RwSignal<Option<Outcome>>) {
    let name = file.name();
    let kind = match import::check(&name, &file.type_(), file.size() as u64) {
        Ok(kind) => kind,
        Err(e) => return outcome.set(Some(Outcome::Refused(e.to_string()))),
    };
    spawn_local(async move {
        let contents = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        let result = match contents {
            Some(contents) => import::article(&name, kind, &contents).map_err(|e| e.to_string()),
            None => Err(format!("“{name}” could not be read. Your text is unchanged.")),
        };
        match result {
            Ok(article) => {
                load.run(article);
                outcome.set(Some(Outcome::Opened(format!("Opened “{name}”."))));
            }
            Err(message) => outcome.set(Some(Outcome::Refused(message))),
        }
    });
}

/// True when a drag carries files (not text dragged within the page).
pub(super) fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Pasting into the article: the HTML of a copied web page becomes its paragraphs. The text goes
/// in as typing would (the browser's own insertion, so Undo works), firing the article's input.
/// A paste into a text box (this page's, or a report's on the comparison page): rich text keeps its
/// paragraphs, and a long paste (`import::long_text`) the browser would lay out in the text box,
/// blocking the page, the page puts in itself instead: `long` receives the text box's whole new text.
pub(super) fn paste(ev: web_sys::ClipboardEvent, long: Callback<String>) {
    if ev.default_prevented() {
        return;
    }
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    let data = ev.clipboard_data();
    let html = data.as_ref().and_then(|d| d.get_data("text/html").ok()).unwrap_or_default();
    let mut text = import::html::to_text(&html);
    let rich = !text.trim().is_empty();
    if !rich {
        text = data.and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
    }
    let selection = || {
        let (start, end) = (area.selection_start().ok().flatten(), area.selection_end().ok().flatten());
        (start.unwrap_or(0), end.unwrap_or(0))
    };
    if import::long_text::is_long(&text) {
        ev.prevent_default();
        let (start, end) = selection();
        return long.run(import::long_text::splice(&area.value(), start, end, &text));
    }
    if !rich {
        return; // plain text, or HTML without text: the browser pastes text/plain
    }
    ev.prevent_default();
    let inserted = document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command_with_show_ui_and_value("insertText", false, &text).ok())
        .unwrap_or(false);
    if !inserted {
        let (start, end) = selection();
        let _ = area.set_range_text_with_start_and_end_and_mode(&text, start, end, "end");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(input) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = area.dispatch_event(&input);
        }
    }
}

/// The "Open file…" button (a labelled file input), the drop target (the whole page) and the
/// paste handler; `load` receives the article of an opened file, `paste_long` the text after a long
/// paste.
#[component]
pub fn OpenFile(#[prop(into)] load: Callback<String>, #[prop(into)] paste_long: Callback<String>) -> impl IntoView {
    let outcome = RwSignal::new(None::<Outcome>);
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open(file, load, outcome);
        }
        input.set_value(""); // the same file can be opened again
    };
    let _dragover = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let _drop = window_event_listener(leptos::ev::drop, move |ev| {
        if ev.default_prevented() || !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0)) {
            open(file, load, outcome);
        }
    });
    let _paste = window_event_listener(leptos::ev::paste, move |ev| paste(ev, paste_long));
    view! {
        <label class="open-file" title="Open a .txt, .md or .html file, or drop one on the page">
            "Open file…"
            <input type="file" class="visually-hidden" data-testid="file-input"
                accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
                on:change=on_change />
        </label>
        <p class=move || match outcome.get() { Some(Outcome::Refused(_)) => "file-message error", _ => "file-message" }
            data-testid="file-message" role="status">
            {move || outcome.get().map(|o| match o { Outcome::Opened(m) | Outcome::Refused(m) => m })}
        </p>
    }
}
