//! UI-only state shared by the components through context: what the reader selected and which
//! layers are shown. The article text and its analysis live in `App`; nothing here is derived data.

use crate::analysis::sides::SideEdit;
use crate::analysis::{ClaimId, EntityId, SideId};
use leptos::prelude::*;

/// What the reader has selected in the article or a panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// An entity mention (all mentions of its cluster are highlighted).
    Entity(EntityId),
    /// A claim.
    Claim(ClaimId),
    /// A check-worthy assertion (index into `Analysis::assertions`).
    Assertion(u32),
}

/// A layer of marks the reader can show or hide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Places.
    Place,
    /// Dates and numbers.
    Date,
    /// Claims and speakers.
    Claims,
    /// Side colours on claims.
    Sides,
    /// Check-worthy assertions.
    Assertions,
}

impl Layer {
    /// Every layer, in legend order.
    pub const ALL: [Layer; 7] =
        [Layer::Person, Layer::Org, Layer::Place, Layer::Date, Layer::Claims, Layer::Sides, Layer::Assertions];

    /// The legend's label.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Person => "People",
            Layer::Org => "Organisations",
            Layer::Place => "Places",
            Layer::Date => "Dates & numbers",
            Layer::Claims => "Claims",
            Layer::Sides => "Sides",
            Layer::Assertions => "Check-worthy",
        }
    }

    /// The class the article view gets when this layer is hidden.
    pub fn hidden_class(self) -> &'static str {
        match self {
            Layer::Person => "hide-person",
            Layer::Org => "hide-org",
            Layer::Place => "hide-place",
            Layer::Date => "hide-date",
            Layer::Claims => "hide-claims",
            Layer::Sides => "hide-sides",
            Layer::Assertions => "hide-assertions",
        }
    }

    /// Its name in share links (`"person"`, `"claims"`...).
    pub fn name(self) -> &'static str {
        self.hidden_class().trim_start_matches("hide-")
    }

    /// The layer with this share-link name.
    pub fn from_name(name: &str) -> Option<Layer> {
        Layer::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// The keyboard shortcut that toggles it.
    pub fn key(self) -> char {
        match self {
            Layer::Person => '1',
            Layer::Org => '2',
            Layer::Place => '3',
            Layer::Date => '4',
            Layer::Claims => '5',
            Layer::Sides => '6',
            Layer::Assertions => '7',
        }
    }
}

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

impl Selection {
    /// Its name in share links: `c3`, `e12`, `a1`.
    pub fn to_code(self) -> String {
        match self {
            Selection::Entity(id) => format!("e{}", id.0),
            Selection::Claim(id) => format!("c{}", id.0),
            Selection::Assertion(i) => format!("a{i}"),
        }
    }

    /// The selection a share-link name stands for.
    pub fn from_code(code: &str) -> Option<Selection> {
        let (kind, n) = code.split_at(code.char_indices().nth(1)?.0);
        let n: u32 = n.parse().ok()?;
        match kind {
            "e" => Some(Selection::Entity(EntityId(n))),
            "c" => Some(Selection::Claim(ClaimId(n))),
            "a" => Some(Selection::Assertion(n)),
            _ => None,
        }
    }
}

impl Default for UiState {
    fn default() -> Self {
        UiState::new()
    }
}
