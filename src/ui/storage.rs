//! The reader's text in this browser's local storage, so it survives a reload or a crash.
//! Saved from event handlers (before the analysis runs), never from an effect.

/// The local-storage key of the reader's text.
const KEY: &str = "article-explorer.text";

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// The text saved by an earlier visit, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the reader's text (quietly does nothing where storage is unavailable or full).
pub fn save(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, text);
    }
}
