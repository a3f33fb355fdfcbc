//! The reader's text in this browser's local storage, so it survives a reload or a crash.
//! Saved from event handlers (before the analysis runs), never from an effect. Also the note the
//! crash hook leaves, so the page after a crash opens the text without analysing it again.

/// The local-storage key of the reader's text.
const KEY: &str = "article-explorer.text";
/// The local-storage key of the crash note (present: the last page crashed in the analysis).
const CRASH_KEY: &str = "article-explorer.crashed";

/// Why the reader's text is not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSaved {
    /// The browser refused it: larger than the room local storage has left (or storage is read-only).
    TooLarge,
    /// The browser gives this page no local storage (disabled, or a sandboxed context).
    NoStorage,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text saved by an earlier visit, if any.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Saves the reader's text. When it cannot be saved, what was saved before stays as it was.
pub fn save(text: &str) -> Result<(), NotSaved> {
    let storage = storage().ok_or(NotSaved::NoStorage)?;
    storage.set_item(KEY, text).map_err(|_| NotSaved::TooLarge)
}

/// Leaves the crash note (called by the panic hook; quietly does nothing without storage).
pub fn note_crash() {
    if let Some(s) = storage() {
        let _ = s.set_item(CRASH_KEY, "1");
    }
}

/// True when the last page left a crash note; removes it, so only the next opening sees it.
pub fn take_crash_note() -> bool {
    let Some(s) = storage() else { return false };
    let noted = s.get_item(CRASH_KEY).ok().flatten().is_some();
    if noted {
        let _ = s.remove_item(CRASH_KEY);
    }
    noted
}
