//! The claims panel: every claim with its speaker, side, kind and confidence; a click scrolls to it.

use super::key_of;
use crate::analysis::{Analysis, ClaimId};
use crate::drawing::{percent, side_class, side_name, speaker_name};
use crate::ui::article_view::focus_claim;
use crate::ui::progressive::Progressive;
use crate::ui::state::{Selection, UiState};
use leptos::prelude::*;

/// One row of the claims panel, resolved from the analysis.
#[derive(Clone, Debug, PartialEq, Hash)]
struct ClaimRow {
    id: ClaimId,
    class: String,
    speaker: String,
    meta: String,
    content: String,
}

/// Every claim: speaker, side, kind, confidence and content; a click scrolls to it. Rows are
/// keyed, so typing re-renders only the rows whose claim changed; a long list is drawn a batch
/// per animation frame.
#[component]
pub fn ClaimsPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let rows = Memo::new(move |_| {
        let selection = ui.selection.get();
        text.with(|t| {
            analysis.with(|a| {
                a.claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = ClaimId(i as u32);
                        let side = side_name(a, c);
                        let selected = selection == Some(Selection::Claim(id));
                        ClaimRow {
                            id,
                            class: format!(
                                "claim-item {}{}",
                                side_class(a, c.side),
                                if selected { " selected" } else { "" }
                            ),
                            speaker: speaker_name(c).to_string(),
                            meta: format!(
                                " · {side} · {} · {}%",
                                c.kind.label().replace('_', " "),
                                percent(c.confidence)
                            ),
                            content: c.span.slice(t).chars().take(160).collect(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // A long list is drawn a batch per frame (super::super::progressive).
    let progressive = Progressive::new(move || rows.with(Vec::len));
    let shown_rows = move || {
        let n = progressive.shown();
        rows.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="panel" data-testid="claims-panel" aria-label="Claims">
            <h2>{move || format!("Claims ({})", rows.with(Vec::len))}</h2>
            <ol class="claim-list">
                <For each=shown_rows key=key_of children=move |row| {
                    let id = row.id;
                    view! {
                        <li class=row.class data-testid="claim-item">
                            <button class="claim-button" on:click=move |_| focus_claim(ui, id)>
                                <span class="claim-meta"><strong>{row.speaker}</strong>{row.meta}</span>
                                <span class="claim-text">{row.content}</span>
                            </button>
                        </li>
                    }
                } />
            </ol>
        </section>
    }
}
