//! The claims panel: every claim with its speaker, side, kind and confidence; a click scrolls to it.

use super::key_of;
use crate::analysis::{Analysis, ClaimId};
use crate::drawing::{percent, side_class, side_name, speaker_name};
use crate::ui::article_view::focus_claim;
use crate::ui::state::{Selection, UiState};
use crate::ui::windowed::Window;
use leptos::prelude::*;

/// One row of the claims panel, resolved from the analysis (whether it is selected is not part of
/// it: a selection restyles the row, never redraws it, so a focused row keeps the focus).
#[derive(Clone, Debug, PartialEq, Hash)]
struct ClaimRow {
    id: ClaimId,
    class: String,
    speaker: String,
    meta: String,
    content: String,
}

/// Characters of a claim's content the panel shows.
const CONTENT_CHARS: usize = 160;

/// The claims list's box and rows, in rem, as `style/main.css` sets them (a row: the meta line, cut
/// with an ellipsis, and two lines of the claim). The list's left padding fits its numbers.
const LIST_REM: f64 = 28.0;
const ROW_REM: f64 = 4.5;

/// Every claim: speaker, side, kind, confidence and content; a click scrolls to it. A long list is
/// windowed (`crate::ui::windowed`): only the rows near the box's visible part are drawn, so an
/// article with thousands of claims costs what a short one does. Rows are keyed, so typing
/// redraws only the drawn rows whose claim changed.
#[component]
pub fn ClaimsPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let window = Window::new(LIST_REM, ROW_REM, 1);
    let len = Memo::new(move |_| analysis.with(|a| a.claims.len()));
    let range = Memo::new(move |_| window.range(len.get()));
    let rows = Memo::new(move |_| {
        let range = range.get();
        text.with(|t| {
            analysis.with(|a| {
                range
                    .filter_map(|i| Some((i, a.claims.get(i)?)))
                    .map(|(i, c)| {
                        let side = side_name(a, c);
                        ClaimRow {
                            id: ClaimId(i as u32),
                            class: format!("claim-item {}", side_class(a, c.side)),
                            speaker: speaker_name(c).to_string(),
                            meta: format!(
                                " · {side} · {} · {}%",
                                c.kind.label().replace('_', " "),
                                percent(c.confidence)
                            ),
                            content: c.span.slice(t).chars().take(CONTENT_CHARS).collect(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="panel" data-testid="claims-panel" aria-label="Claims">
            <h2>{move || format!("Claims ({})", len.get())}</h2>
            <div class="windowed claims-box" data-testid="claim-list"
                on:scroll=move |ev| window.on_scroll(&ev)
                on:keydown=move |ev| window.on_keydown(&ev, len.get_untracked())>
            <ol class="claim-list"
                style:padding-left=move || format!("{}ch", len.get().max(1).to_string().len() + 2)
                style:padding-top=move || window.padding_above(len.get())
                style:padding-bottom=move || window.padding_below(len.get())>
                <For each=move || rows.get() key=key_of children=move |row| {
                    let id = row.id;
                    let i = id.0 as usize;
                    let selected = move || ui.selection.get() == Some(Selection::Claim(id));
                    view! {
                        <li class=row.class class:selected=selected data-testid="claim-item" data-row=i value=i + 1
                            aria-setsize=move || len.get() aria-posinset=i + 1>
                            <button class="claim-button" on:click=move |_| focus_claim(ui, id)>
                                <span class="claim-meta"><strong>{row.speaker}</strong>{row.meta}</span>
                                <span class="claim-text">{row.content}</span>
                            </button>
                        </li>
                    }
                } />
            </ol>
            </div>
        </section>
    }
}
