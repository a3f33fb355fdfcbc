//! `<Minimap/>`: a strip beside the article showing where each side's claims sit in the text, a
//! lane per party and one for everyone else ([`crate::pictures::minimap`]). A click on a mark jumps
//! to its claim. For the keyboard and screen readers the strip is one slider over the claims: the
//! arrow keys, Home and End move to a claim and jump there, and it reads out the claim it is on.

use super::clicked;
use crate::analysis::{Analysis, ClaimId};
use crate::pictures::{self, MINIMAP_HEIGHT};
use crate::ui::article_view::{focus_claim, scroll_to_claim};
use crate::ui::state::{Selection, UiState};
use leptos::prelude::*;

/// The strip. Each mark is an item of a keyed list, so a keystroke that moves or changes a few
/// marks redraws those, not the whole strip; the cursor is drawn apart.
#[component]
pub fn Minimap(analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let selected = move || match ui.selection.get() {
        Some(Selection::Claim(id)) => Some(id),
        _ => None,
    };
    let marks = Memo::new(move |_| analysis.with(pictures::minimap_marks));
    let cursor = move || {
        let selected = selected();
        analysis.with(|a| pictures::minimap_cursor(a, selected))
    };
    let n_claims = move || analysis.with(|a| a.claims.len());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = analysis.with_untracked(|a| a.claims.len());
        let current = match ui.selection.get_untracked() {
            Some(Selection::Claim(id)) => Some(id.0 as usize),
            _ => None,
        };
        if n == 0 {
            return;
        }
        let to = match (ev.key().as_str(), current) {
            ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(n - 1),
            ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("ArrowDown" | "ArrowRight" | "Home", _) => 0,
            ("ArrowUp" | "ArrowLeft" | "End", _) => n - 1,
            ("Enter" | " ", Some(i)) => {
                ev.prevent_default();
                return scroll_to_claim(i);
            }
            _ => return,
        };
        ev.prevent_default();
        focus_claim(ui, ClaimId(to as u32));
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = clicked(&ev, "data-claim").and_then(|v| v.parse().ok()) {
            focus_claim(ui, ClaimId(id));
        }
    };
    view! {
        <div class="minimap" role="slider" tabindex="0" data-testid="minimap" on:keydown=on_key on:click=on_click
            aria-label="Claims map: where each side's claims are in the article (arrow keys move between claims)"
            aria-valuemin="1" aria-valuemax=move || n_claims().max(1)
            aria-valuenow=move || selected().map_or(1, |id| id.0 as usize + 1)
            aria-valuetext=move || selected()
                .and_then(|id| analysis.with(|a| pictures::claim_label(a, id)))
                .unwrap_or_else(|| format!("{} claims; none selected", n_claims()))>
            <svg class="picture" viewBox=format!("0 0 30 {MINIMAP_HEIGHT}") preserveAspectRatio="none" aria-hidden="true">
                <g inner_html=pictures::minimap_lanes()></g>
                <For each=move || marks.get() key=|mark| mark.clone() children=|mark| view! { <g inner_html=mark></g> } />
                <g inner_html=cursor></g>
            </svg>
        </div>
    }
}
