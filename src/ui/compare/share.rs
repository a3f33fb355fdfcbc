//! The comparison's share button: a link that carries both reports when they fit in a link that
//! chat apps keep, else the view and a fingerprint of each report; the reader is told which.

use super::Reports;
use crate::analysis::ANALYZER_VERSION;
use crate::share::compare::{self as links, CompareView};
use crate::share::{Layer, HARD_LINK_LIMIT};
use leptos::prelude::*;

/// What the reader is told once the link is copied.
fn told(n: usize, full: bool) -> String {
    if full {
        format!("Comparison link copied ({n} characters): it carries both reports and your view of the comparison.")
    } else {
        format!(
            "Comparison link copied ({n} characters). The two reports together are too long for one link, so it carries \
             your view of the comparison and a fingerprint of each report: whoever opens it pastes both reports to see it."
        )
    }
}

/// The share button, the link it made and what the reader is told.
#[component]
pub fn ShareComparison(reports: Reports) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let feedback = RwSignal::new(String::new());
    let share = move |_| {
        let location = window().location();
        let base =
            format!("{}{}?compare", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let hidden =
            reports.a.ui.hidden.with_untracked(|h| Layer::ALL.iter().filter(|l| h.contains(l)).copied().collect());
        let view = CompareView { hidden, edits: reports.edits.get_untracked() };
        let anchors = reports
            .a
            .analysis
            .with_untracked(|a| reports.b.analysis.with_untracked(|b| links::anchors(a, b, &view.edits)));
        let room = HARD_LINK_LIMIT.saturating_sub(base.chars().count() + 1);
        let (fragment, full) = reports.a.text.with_untracked(|a| {
            reports.b.text.with_untracked(|b| links::encode(a, b, ANALYZER_VERSION, &view, anchors, room))
        });
        let url = format!("{base}#{fragment}");
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        let _ = window().navigator().clipboard().write_text(&url);
        feedback.set(told(url.chars().count(), full));
        link.set(Some(url));
    };
    view! {
        <button data-testid="share-comparison" class="primary" on:click=share>"Share this comparison"</button>
        <div class="compare-share">
            <Show when=move || link.with(Option::is_some)>
                <label class="share">
                    "Link: "
                    <input data-testid="compare-share-link" readonly prop:value=move || link.get().unwrap_or_default() />
                </label>
            </Show>
            <p class="feedback" data-testid="compare-share-feedback" role="status" aria-live="polite">{move || feedback.get()}</p>
        </div>
    }
}
