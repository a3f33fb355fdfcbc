//! Test-only (cargo feature `crash-test`): a panic on a marker text, so the end-to-end tests can
//! see the crash path (the banner `src/bin/web.rs` installs, the text kept, the reload), from a
//! panic in the analysis worker raised again on the page.
//!
//! The panic lives here, in the UI shell, and only in builds with the feature: the analysis core
//! stays panic-free (ARCHITECTURE.md, invariants), and neither the default build nor the release
//! site (`scripts/build-site.sh`) contains this code. `scripts/test.sh` builds a second site with
//! the feature for `tests/e2e/crash.test.mjs`.

/// Text that makes the analysis panic in a `crash-test` build.
pub const CRASH_MARKER: &str = "ARTICLE-EXPLORER-CRASH-TEST";

/// Panics when `text` contains [`CRASH_MARKER`]; called by `ui::analyser::analyse` before it analyses
/// (in the analysis worker, or on the main thread when there is none).
pub fn panic_on_marker(text: &str) {
    if text.contains(CRASH_MARKER) {
        panic!("crash-test: the text contains {CRASH_MARKER}");
    }
}
