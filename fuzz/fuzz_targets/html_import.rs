//! Fuzz target: any HTML file opens without a panic or a hang, and what it gives is text the
//! analysis takes (no NUL byte, no byte-order mark left at the start).
#![no_main]

use article_explorer::import::{article, FileKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(text) = article("fuzz.html", FileKind::Html, &html) {
        assert!(!text.contains('\0'));
        assert!(!text.trim().is_empty());
        assert!(!text.starts_with('\u{FEFF}'));
    }
    let _ = article_explorer::import::html::to_text(&html);
});
