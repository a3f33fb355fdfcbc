//! What the comparison page opens with, decided once from the URL fragment and local storage: the
//! two reports and the view a comparison link brings, a view-only link waiting for its reports,
//! the reader's own saved pair, a link's error, and a crash note; and the two reports kept in
//! local storage (apart from the single-article page's text).

use super::Reports;
use crate::analysis::compare::{CampEdit, Which};
use crate::analysis::{analyze, Analysis};
use crate::share::compare::{self as links, CompareView, ComparisonLink};
use crate::share::{fingerprint, Layer};
use crate::ui::storage;
use leptos::prelude::*;

/// The local-storage keys of the two reports.
const KEYS: [&str; 2] = ["article-explorer.compare-a", "article-explorer.compare-b"];

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Keeps report `which` in this browser; false when the browser would not.
pub fn save(which: Which, text: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(KEYS[which as usize], text).is_ok())
}

fn load(which: Which) -> String {
    local_storage().and_then(|s| s.get_item(KEYS[which as usize]).ok().flatten()).unwrap_or_default()
}

/// A view-only comparison link waiting for the two reports it was made for.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The view to restore.
    pub view: CompareView,
    /// What its fixes to the camps named.
    pub anchors: Vec<Vec<String>>,
    fp: [String; 2],
    n: [usize; 2],
}

impl Pending {
    /// True when `a` and `b` are the reports the link was made for.
    pub fn matches(&self, a: &str, b: &str) -> bool {
        fingerprint(a) == self.fp[0] && fingerprint(b) == self.fp[1]
    }

    /// What the page asks of the reader, and which pasted report is not the link's.
    pub fn request(&self, a: &str, b: &str) -> String {
        let mut out = format!(
            "This link carries a view of a comparison, not the reports themselves (together they were too long for a link). \
             Paste report A ({} characters) and report B ({} characters) below and the view will be restored.",
            self.n[0], self.n[1]
        );
        for (i, text) in [a, b].into_iter().enumerate() {
            if !text.is_empty() && fingerprint(text) != self.fp[i] {
                out.push_str(&format!(" The text of report {} is not the one the link was made for.", ["A", "B"][i]));
            }
        }
        out
    }
}

/// What the page opens with.
pub struct Opening {
    /// Report A.
    pub a: String,
    /// Report B.
    pub b: String,
    /// Hidden layers a link brought.
    pub hidden: Vec<Layer>,
    /// Fixes to the camps a link brought (those that still attach).
    pub edits: Vec<CampEdit>,
    /// A view-only link waiting for its reports.
    pub pending: Option<Pending>,
    /// What to say about the link the page opened with.
    pub note: Option<String>,
    /// Why the link could not be opened.
    pub link_error: Option<String>,
    /// True when the last page crashed in the analysis: open the texts without analysing them.
    pub crashed: bool,
}

/// What to say about fixes to the camps that no longer attach.
fn dropped_note(dropped: usize) -> String {
    match dropped {
        0 => String::new(),
        1 => " One of its fixes to the camps was left out: this version of the analysis names its sides otherwise."
            .into(),
        n => format!(
            " {n} of its fixes to the camps were left out: this version of the analysis names their sides otherwise."
        ),
    }
}

/// Reads the fragment and local storage (once, when the page opens).
pub fn opening() -> Opening {
    let hash = window().location().hash().unwrap_or_default();
    let crashed = storage::take_crash_note();
    let saved = || (load(Which::A), load(Which::B));
    let fresh = |(a, b): (String, String)| Opening {
        a,
        b,
        hidden: Vec::new(),
        edits: Vec::new(),
        pending: None,
        note: None,
        link_error: None,
        crashed,
    };
    match links::decode(&hash) {
        Ok(Some(ComparisonLink::Full { a_text, b_text, view, anchors, .. })) => {
            // The fixes are checked against this version's analyses (once, when the link opens).
            let (edits, dropped) = if view.edits.is_empty() || crashed {
                (view.edits.clone(), 0)
            } else {
                links::attach(&analyze(&a_text), &analyze(&b_text), &view.edits, &anchors)
            };
            let note =
                format!("This link carried both reports and the view of their comparison.{}", dropped_note(dropped));
            Opening { hidden: view.hidden, edits, note: Some(note), ..fresh((a_text, b_text)) }
        }
        Ok(Some(ComparisonLink::ViewOnly { view, anchors, fp_a, fp_b, n_a, n_b, .. })) => {
            let pending = Pending { view, anchors, fp: [fp_a, fp_b], n: [n_a, n_b] };
            Opening { pending: Some(pending), ..fresh((String::new(), String::new())) }
        }
        Ok(None) => fresh(saved()),
        Err(error) => Opening { link_error: Some(error.to_string()), ..fresh(saved()) },
    }
}

/// Restores a view-only link's view over the two reports it was made for; what to tell the reader.
pub fn apply_view(
    reports: &Reports,
    view: &CompareView,
    anchors: &[Vec<String>],
    a: &Analysis,
    b: &Analysis,
) -> String {
    let (edits, dropped) = links::attach(a, b, &view.edits, anchors);
    reports.a.ui.hidden.set(view.hidden.clone());
    reports.edits.set(edits);
    format!(
        "These are the reports the link was made for: its view of the comparison is restored.{}",
        dropped_note(dropped)
    )
}
