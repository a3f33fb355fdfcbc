//! The legend: one toggle button per layer, with its colour swatch and keyboard shortcut.

use crate::drawing::{layer_key, layer_label, legend_class};
use crate::ui::state::{Layer, UiState};
use leptos::prelude::*;

/// The legend: one toggle button per layer, with its colour swatch.
#[component]
pub fn Legend() -> impl IntoView {
    let ui = UiState::get();
    view! {
        <div class="legend" role="group" aria-label="Layers: show or hide" data-testid="legend">
            {Layer::ALL.iter().map(|layer| {
                let layer = *layer;
                let shown = move || ui.hidden.with(|h| !h.contains(&layer));
                view! {
                    <button class=format!("legend-item {}", legend_class(layer))
                        aria-pressed=move || shown().to_string()
                        data-testid="layer-toggle" data-layer=layer_label(layer)
                        title=format!("Show or hide {} (key {})", layer_label(layer).to_lowercase(), layer_key(layer))
                        on:click=move |_| ui.toggle(layer)>
                        <span class="swatch" aria-hidden="true"></span>
                        {layer_label(layer)}
                    </button>
                }
            }).collect::<Vec<_>>()}
        </div>
    }
}
