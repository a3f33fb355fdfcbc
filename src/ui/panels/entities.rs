//! The entities panel: every entity with its mention count; a click highlights every mention.

use super::key_of;
use crate::analysis::{Analysis, EntityId, EntityKind};
use crate::ui::progressive::Progressive;
use crate::ui::state::{Selection, UiState};
use leptos::prelude::*;

/// One chip of the entities panel.
#[derive(Clone, Debug, PartialEq, Hash)]
struct EntityChip {
    cluster: u32,
    first: EntityId,
    name: String,
    label: &'static str,
    count: usize,
}

/// Entities, grouped: every cluster with its mention count; a click highlights every mention.
#[component]
pub fn EntitiesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let chips = Memo::new(move |_| {
        analysis.with(|a| {
            let mut chips: Vec<EntityChip> = a
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind != EntityKind::Number && !c.mentions.is_empty())
                .map(|(i, c)| EntityChip {
                    cluster: i as u32,
                    first: c.mentions[0],
                    name: c.name.clone(),
                    label: c.kind.label(),
                    count: c.mentions.len(),
                })
                .collect();
            chips.sort_by_key(|c| std::cmp::Reverse(c.count));
            chips
        })
    });
    // A long list is drawn a batch per frame (crate::ui::progressive).
    let progressive = Progressive::new(move || chips.with(Vec::len));
    let shown_chips = move || {
        let n = progressive.shown();
        chips.with(|c| c.iter().take(n).cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="panel" data-testid="entities-panel" aria-label="Entities">
            <h2>"Entities"</h2>
            <ul class="entity-list">
                <For each=shown_chips key=key_of children=move |chip| {
                    let (first, cluster) = (chip.first, chip.cluster);
                    view! {
                        <li>
                            <button class=format!("entity-chip entity-{}", chip.label.to_lowercase()) data-kind=chip.label
                                on:click=move |_| {
                                    ui.selection.set(Some(Selection::Entity(first)));
                                    let selector = format!("[data-testid=entity][data-cluster=\"{cluster}\"]");
                                    if let Some(el) = document().query_selector(&selector).ok().flatten() {
                                        el.scroll_into_view();
                                    }
                                }>
                                {chip.name}<span class="count">{format!(" ×{}", chip.count)}</span>
                            </button>
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}
