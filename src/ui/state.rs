//! UI-only state shared by the components through context: what the reader selected and which
//! layers are shown. The article text and its analysis live in `App`; nothing here is derived data.
//! The value types (layers, selections, edits) are the share link's, so a view round-trips.

use crate::analysis::sides::SideEdit;
use crate::analysis::SideId;
pub use crate::share::{Layer, Selection};
use leptos::prelude::*;

/// The UI state every component may read and write.
#[derive(Clone, Copy)]
pub struct UiState {
    /// The current selection.
    pub selection: RwSignal<Option<Selection>>,
    /// Hidden layers.
    pub hidden: RwSignal<Vec<Layer>>,
    /// The reader's edits to the sides, applied over the analysis in order.
    pub edits: RwSignal<Vec<SideEdit>>,
    /// The sides whose "Edit this side" controls are open (only those are rendered).
    pub open_editors: RwSignal<Vec<SideId>>,
}

impl UiState {
    /// The state `App` provided. Panics when called outside `App`: a component without the shared
    /// state would silently draw a detached copy of it.
    pub fn get() -> UiState {
        expect_context::<UiState>()
    }

    /// Fresh state: nothing selected, every layer shown.
    pub fn new() -> UiState {
        UiState {
            selection: RwSignal::new(None),
            hidden: RwSignal::new(Vec::new()),
            edits: RwSignal::new(Vec::new()),
            open_editors: RwSignal::new(Vec::new()),
        }
    }

    /// Records a reader's edit to the sides.
    pub fn edit(&self, edit: SideEdit) {
        self.edits.update(|e| e.push(edit));
    }

    /// Shows a hidden layer or hides a shown one.
    pub fn toggle(&self, layer: Layer) {
        self.hidden.update(|h| {
            if let Some(i) = h.iter().position(|l| *l == layer) {
                h.remove(i);
            } else {
                h.push(layer);
            }
        });
    }
}
