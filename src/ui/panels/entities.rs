//! The entities panel: every entity with its mention count; a click highlights every mention.

use super::key_of;
use crate::analysis::{Analysis, EntityId, EntityKind};
use crate::ui::state::{Selection, UiState};
use crate::ui::windowed::Window;
use leptos::prelude::*;

/// One chip of the entities panel.
#[derive(Clone, Debug, PartialEq, Hash)]
struct EntityChip {
    /// Its place in the list (the most mentioned first).
    row: usize,
    cluster: u32,
    first: EntityId,
    name: String,
    label: &'static str,
    count: usize,
}

/// The entities list's box and lines, in rem, as `style/main.css` sets them, and chips per line.
const LIST_REM: f64 = 16.0;
const LINE_REM: f64 = 2.0;
const PER_LINE: usize = 2;

/// Entities, grouped: every cluster with its mention count, the most mentioned first; a click
/// highlights every mention. A long list is windowed (`crate::ui::windowed`), two chips a line.
#[component]
pub fn EntitiesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let window = Window::new(LIST_REM, LINE_REM, PER_LINE);
    // The clusters listed, the most mentioned first (indexes only: chips are made for drawn rows).
    let order = Memo::new(move |_| {
        analysis.with(|a| {
            let mut order: Vec<usize> = (0..a.clusters.len())
                .filter(|&i| a.clusters[i].kind != EntityKind::Number && !a.clusters[i].mentions.is_empty())
                .collect();
            crate::analysis::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(a.clusters[i].mentions.len()));
            order
        })
    });
    let len = Memo::new(move |_| order.with(Vec::len));
    let range = Memo::new(move |_| window.range(len.get()));
    let chips = Memo::new(move |_| {
        let range = range.get();
        order.with(|order| {
            analysis.with(|a| {
                order[range.start.min(order.len())..range.end.min(order.len())]
                    .iter()
                    .zip(range.clone())
                    .map(|(&i, row)| {
                        let c = &a.clusters[i];
                        EntityChip {
                            row,
                            cluster: i as u32,
                            first: c.mentions[0],
                            name: c.name.clone(),
                            label: c.kind.label(),
                            count: c.mentions.len(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="panel" data-testid="entities-panel" aria-label="Entities">
            <h2>{move || format!("Entities ({})", len.get())}</h2>
            <div class="windowed entities-box" data-testid="entity-list"
                on:scroll=move |ev| window.on_scroll(&ev)
                on:keydown=move |ev| window.on_keydown(&ev, len.get_untracked())>
            <ul class="entity-list"
                style:padding-top=move || window.padding_above(len.get())
                style:padding-bottom=move || window.padding_below(len.get())>
                <For each=move || chips.get() key=key_of children=move |chip| {
                    let (first, cluster) = (chip.first, chip.cluster);
                    let full_name = chip.name.clone();
                    view! {
                        <li data-row=chip.row aria-setsize=move || len.get() aria-posinset=chip.row + 1>
                            <button class=format!("entity-chip entity-{}", chip.label.to_lowercase()) data-kind=chip.label
                                title=full_name
                                on:click=move |_| {
                                    ui.selection.set(Some(Selection::Entity(first)));
                                    let selector = format!("[data-testid=entity][data-cluster=\"{cluster}\"]");
                                    if let Some(el) = document().query_selector(&selector).ok().flatten() {
                                        el.scroll_into_view();
                                    }
                                }>
                                <span class="chip-name">{chip.name}</span><span class="count">{format!(" ×{}", chip.count)}</span>
                            </button>
                        </li>
                    }
                } />
            </ul>
            </div>
        </section>
    }
}
