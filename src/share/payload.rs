//! The share link's payload vocabulary: the reader's view (hidden layers, the selection, edits to
//! the sides) as typed values, and their frozen wire names.
//!
//! Every name written here is read back by links already shared, so the wire form is spelled out
//! explicitly and never derived from a Rust identifier, a CSS class or a label: renaming a variant
//! or a class changes nothing on the wire. `tests/link_fixtures.rs` decodes links made by earlier
//! versions and must keep passing forever. Unknown names in a link (from a newer version) are
//! skipped, never an error.

use crate::analysis::sides::SideEdit;
use crate::analysis::{ClaimId, ClusterId, EntityId, SideId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

    /// Its frozen name in links.
    pub fn wire_name(self) -> &'static str {
        match self {
            Layer::Person => "person",
            Layer::Org => "org",
            Layer::Place => "place",
            Layer::Date => "date",
            Layer::Claims => "claims",
            Layer::Sides => "sides",
            Layer::Assertions => "assertions",
        }
    }

    /// The layer a link's name stands for.
    pub fn from_wire_name(name: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.wire_name() == name)
    }
}

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

impl Selection {
    /// Its frozen code in links: `c3` (claim 3), `e12` (entity mention 12), `a1` (assertion 1).
    pub fn to_code(self) -> String {
        match self {
            Selection::Entity(id) => format!("e{}", id.0),
            Selection::Claim(id) => format!("c{}", id.0),
            Selection::Assertion(i) => format!("a{i}"),
        }
    }

    /// The selection a link's code stands for.
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

/// What the reader was looking at: hidden layers, the selection and their edits to the sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Hidden layers, in the order the reader hid them.
    pub hidden: Vec<Layer>,
    /// The selection.
    pub selected: Option<Selection>,
    /// The reader's edits to the sides, in the order they were made.
    pub edits: Vec<SideEdit>,
}

impl ViewState {
    /// True when nothing differs from a fresh page.
    pub fn is_default(&self) -> bool {
        *self == ViewState::default()
    }

    /// True when the view points at marks of one analysis (a selection or side edits), which
    /// another analyser version may find elsewhere or not at all. Hidden layers point at none.
    pub fn refers_to_marks(&self) -> bool {
        self.selected.is_some() || !self.edits.is_empty()
    }
}

/// The wire form of [`ViewState`]: `{"h": [layer names], "s": selection code, "e": [edits]}`.
#[derive(Default, Serialize, Deserialize)]
struct WireView {
    #[serde(default, rename = "h", skip_serializing_if = "Vec::is_empty")]
    hidden: Vec<String>,
    #[serde(default, rename = "s", skip_serializing_if = "Option::is_none")]
    selected: Option<String>,
    #[serde(default, rename = "e", skip_serializing_if = "Vec::is_empty")]
    edits: Vec<WireEdit>,
}

/// The wire form of a [`SideEdit`]: `{"Rename": {"side": 0, "name": "…"}}`,
/// `{"MoveActor": {"cluster": 3, "to": 1}}`, `{"Merge": {"from": 2, "into": 0}}`.
#[derive(Serialize, Deserialize)]
enum WireEdit {
    #[serde(rename = "Rename")]
    Rename {
        #[serde(rename = "side")]
        side: u32,
        #[serde(rename = "name")]
        name: String,
    },
    #[serde(rename = "MoveActor")]
    MoveActor {
        #[serde(rename = "cluster")]
        cluster: u32,
        #[serde(rename = "to")]
        to: u32,
    },
    #[serde(rename = "Merge")]
    Merge {
        #[serde(rename = "from")]
        from: u32,
        #[serde(rename = "into")]
        into: u32,
    },
}

impl From<&SideEdit> for WireEdit {
    fn from(edit: &SideEdit) -> WireEdit {
        match edit {
            SideEdit::Rename { side, name } => WireEdit::Rename { side: side.0, name: name.clone() },
            SideEdit::MoveActor { cluster, to } => WireEdit::MoveActor { cluster: cluster.0, to: to.0 },
            SideEdit::Merge { from, into } => WireEdit::Merge { from: from.0, into: into.0 },
        }
    }
}

impl From<WireEdit> for SideEdit {
    fn from(edit: WireEdit) -> SideEdit {
        match edit {
            WireEdit::Rename { side, name } => SideEdit::Rename { side: SideId(side), name },
            WireEdit::MoveActor { cluster, to } => SideEdit::MoveActor { cluster: ClusterId(cluster), to: SideId(to) },
            WireEdit::Merge { from, into } => SideEdit::Merge { from: SideId(from), into: SideId(into) },
        }
    }
}

impl Serialize for ViewState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireView {
            hidden: self.hidden.iter().map(|l| l.wire_name().to_string()).collect(),
            selected: self.selected.map(Selection::to_code),
            edits: self.edits.iter().map(WireEdit::from).collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ViewState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ViewState, D::Error> {
        let wire = WireView::deserialize(deserializer)?;
        Ok(ViewState {
            hidden: wire.hidden.iter().filter_map(|n| Layer::from_wire_name(n)).collect(),
            selected: wire.selected.as_deref().and_then(Selection::from_code),
            edits: wire.edits.into_iter().map(SideEdit::from).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (the JSON a link carries, the view it stands for)
    #[test]
    fn wire_form_is_spelled_out() {
        let view = ViewState {
            hidden: vec![Layer::Person, Layer::Assertions],
            selected: Some(Selection::Claim(ClaimId(1))),
            edits: vec![
                SideEdit::Rename { side: SideId(0), name: "Port city".into() },
                SideEdit::MoveActor { cluster: ClusterId(3), to: SideId(1) },
                SideEdit::Merge { from: SideId(2), into: SideId(0) },
            ],
        };
        let json = r#"{"h":["person","assertions"],"s":"c1","e":[{"Rename":{"side":0,"name":"Port city"}},{"MoveActor":{"cluster":3,"to":1}},{"Merge":{"from":2,"into":0}}]}"#;
        assert_eq!(serde_json::to_string(&view).unwrap(), json);
        assert_eq!(serde_json::from_str::<ViewState>(json).unwrap(), view);
        assert_eq!(serde_json::to_string(&ViewState::default()).unwrap(), "{}");
    }

    #[test]
    fn names_from_a_newer_version_are_skipped() {
        let view: ViewState = serde_json::from_str(r#"{"h":["person","minimap"],"s":"z9"}"#).unwrap();
        assert_eq!(view.hidden, vec![Layer::Person]);
        assert_eq!(view.selected, None);
    }

    #[test]
    fn every_layer_and_selection_round_trips_by_name() {
        for layer in Layer::ALL {
            assert_eq!(Layer::from_wire_name(layer.wire_name()), Some(layer));
        }
        for s in [Selection::Entity(EntityId(12)), Selection::Claim(ClaimId(3)), Selection::Assertion(0)] {
            assert_eq!(Selection::from_code(&s.to_code()), Some(s));
        }
        for bad in ["", "c", "x3", "c-1", "e1.5", "é3"] {
            assert_eq!(Selection::from_code(bad), None, "{bad:?}");
        }
    }
}

/// What a view says about itself, field by field (caught mutants: `scripts/mutants.sh`).
#[cfg(test)]
mod view_questions {
    use super::*;

    #[test]
    fn a_view_is_default_only_when_every_field_is() {
        let hidden = ViewState { hidden: vec![Layer::Date], ..ViewState::default() };
        let selected = ViewState { selected: Some(Selection::Assertion(0)), ..ViewState::default() };
        let edited =
            ViewState { edits: vec![SideEdit::Merge { from: SideId(1), into: SideId(0) }], ..ViewState::default() };
        // (view, is_default, refers_to_marks)
        for (view, default, refers) in [
            (ViewState::default(), true, false),
            (hidden, false, false),
            (selected, false, true),
            (edited, false, true),
        ] {
            assert_eq!(view.is_default(), default, "{view:?}");
            assert_eq!(view.refers_to_marks(), refers, "{view:?}");
        }
    }
}
