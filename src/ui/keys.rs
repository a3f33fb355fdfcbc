//! The page's keyboard: j/k (or n/p) move between claims, 1–7 toggle layers, Escape clears the
//! selection. Keys typed into a text field, or with Ctrl, Meta or Alt, are left alone.

use super::article_view::scroll_to_claim;
use super::state::{Layer, Selection, UiState};
use crate::analysis::{Analysis, ClaimId};
use leptos::prelude::*;

/// The claim after (`step` 1) or before (`step` -1) `current` among `n_claims`, wrapping around;
/// from no selection, the first or the last.
fn next_claim(current: Option<usize>, step: i64, n_claims: usize) -> usize {
    match current {
        Some(i) => (i as i64 + step).rem_euclid(n_claims as i64) as usize,
        None if step > 0 => 0,
        None => n_claims - 1,
    }
}

/// True when the focus is in a text field, where keys are the reader's typing.
fn typing() -> bool {
    document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"))
}

/// Listens for the page's keys on the window; the listener lives as long as the page.
pub fn install(analysis: Memo<Analysis>, ui: UiState) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |ev| {
        if typing() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let n_claims = analysis.with(|a| a.claims.len());
        let step = match key.as_str() {
            "j" | "n" => Some(1i64),
            "k" | "p" => Some(-1),
            _ => None,
        };
        if let (Some(step), true) = (step, n_claims > 0) {
            let current = match ui.selection.get_untracked() {
                Some(Selection::Claim(id)) => Some(id.0 as usize),
                _ => None,
            };
            let next = next_claim(current, step, n_claims);
            ui.selection.set(Some(Selection::Claim(ClaimId(next as u32))));
            scroll_to_claim(next);
            ev.prevent_default();
        } else if key == "Escape" {
            ui.selection.set(None);
        } else if let Some(layer) = Layer::ALL.iter().find(|l| key.starts_with(crate::drawing::layer_key(**l))) {
            ui.toggle(*layer);
        }
    })
}
