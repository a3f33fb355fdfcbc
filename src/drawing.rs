//! The one drawing vocabulary of every shell that draws an analysis (the page's article view and
//! panels, the HTML and Markdown exports): the class each mark wears, the labels of layers and of
//! speakers nobody named, the order of the parties.
//!
//! The core says what a mark is (a claim on the first party's side, a place); this module alone
//! says how it looks. `style/main.css` styles exactly these class names.

use crate::analysis::markup::Mark;
use crate::analysis::{Analysis, Claim, EntityKind, SideId, Standing};
use crate::share::Layer;

/// What a claim's speaker is called when the analysis found none.
pub const UNKNOWN_SPEAKER: &str = "unknown speaker";

/// What a claim's side is called when it has none.
pub const NO_SIDE: &str = "no side";

/// A confidence as a whole percentage, as `{:.0}` would print `confidence * 100` (ties to even),
/// without float formatting, which costs the page dearly over thousands of marks.
pub fn percent(confidence: f32) -> i64 {
    (confidence * 100.0).round_ties_even() as i64
}

/// The name of a claim's speaker, or [`UNKNOWN_SPEAKER`].
pub fn speaker_name(claim: &Claim) -> &str {
    claim.speaker.as_ref().map_or(UNKNOWN_SPEAKER, |s| s.name.as_str())
}

/// The name of a claim's side, or [`NO_SIDE`].
pub fn side_name(analysis: &Analysis, claim: &Claim) -> String {
    claim.side.and_then(|s| analysis.sides.get(s.0 as usize)).map_or(NO_SIDE.to_string(), |s| s.name.clone())
}

/// The class of a standing: `side-a`, `side-b`, `side-third`, `side-none`.
pub fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::FirstParty => "side-a",
        Standing::SecondParty => "side-b",
        Standing::ThirdParty => "side-third",
        Standing::Unaligned => "side-none",
    }
}

/// The class of a side (or of no side).
pub fn side_class(analysis: &Analysis, side: Option<SideId>) -> &'static str {
    standing_class(analysis.standing(side))
}

/// The class of an entity of this kind: `entity entity-person`, `entity entity-place`...
pub fn entity_class(kind: EntityKind) -> String {
    format!("entity entity-{}", kind.label().to_lowercase())
}

/// How one mark is drawn: the element and its classes (without the page's own state, such as
/// `selected`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkLook {
    /// `mark` for entities, `span` for the rest.
    pub tag: &'static str,
    /// The class attribute.
    pub class: String,
}

/// How `mark` is drawn; `starts` when the mark starts in this segment.
pub fn mark_look(analysis: &Analysis, mark: Mark, starts: bool) -> MarkLook {
    match mark {
        Mark::Entity(id) => MarkLook { tag: "mark", class: entity_class(analysis.entity(id).kind) },
        Mark::Claim(id) => MarkLook {
            tag: "span",
            class: format!(
                "claim {}{}",
                side_class(analysis, analysis.claim(id).side),
                if starts { " claim-start" } else { "" }
            ),
        },
        Mark::Speaker(id) => {
            MarkLook { tag: "span", class: format!("speaker {}", side_class(analysis, analysis.claim(id).side)) }
        }
        Mark::Cue(_) => MarkLook { tag: "span", class: "cue".to_string() },
        Mark::Assertion(_) => MarkLook { tag: "span", class: "assertion".to_string() },
    }
}

/// The legend's label of a layer.
pub fn layer_label(layer: Layer) -> &'static str {
    match layer {
        Layer::Person => "People",
        Layer::Org => "Organisations",
        Layer::Place => "Places",
        Layer::Date => "Dates & numbers",
        Layer::Claims => "Claims",
        Layer::Sides => "Sides",
        Layer::Assertions => "Check-worthy",
    }
}

/// The class of a layer's legend button: `legend-person`, `legend-claims`...
pub fn legend_class(layer: Layer) -> &'static str {
    match layer {
        Layer::Person => "legend-person",
        Layer::Org => "legend-org",
        Layer::Place => "legend-place",
        Layer::Date => "legend-date",
        Layer::Claims => "legend-claims",
        Layer::Sides => "legend-sides",
        Layer::Assertions => "legend-assertions",
    }
}

/// The class the article view gets while a layer is hidden: `hide-person`, `hide-claims`...
pub fn hidden_class(layer: Layer) -> &'static str {
    match layer {
        Layer::Person => "hide-person",
        Layer::Org => "hide-org",
        Layer::Place => "hide-place",
        Layer::Date => "hide-date",
        Layer::Claims => "hide-claims",
        Layer::Sides => "hide-sides",
        Layer::Assertions => "hide-assertions",
    }
}

/// The keyboard shortcut that shows or hides a layer.
pub fn layer_key(layer: Layer) -> char {
    match layer {
        Layer::Person => '1',
        Layer::Org => '2',
        Layer::Place => '3',
        Layer::Date => '4',
        Layer::Claims => '5',
        Layer::Sides => '6',
        Layer::Assertions => '7',
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn percent_prints_as_float_formatting_does() {
        for c in [0.0f32, 0.125, 0.5, 0.555, 0.725, 0.735, 0.9949, 0.995, 1.0, 0.333_333] {
            assert_eq!(super::percent(c).to_string(), format!("{:.0}", c * 100.0), "{c}");
        }
    }

    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn sides_are_drawn_by_standing() {
        let analysis = analyze(crate::DEMO_ARTICLE);
        let classes: Vec<&str> =
            (0..analysis.sides.len()).map(|i| side_class(&analysis, Some(SideId(i as u32)))).collect();
        assert_eq!(classes[..2], ["side-a", "side-b"], "the two parties come first");
        assert!(classes.len() > 2 && classes[2..].iter().all(|c| *c == "side-third"), "{classes:?}");
        assert_eq!(side_class(&analysis, None), "side-none");
        assert_eq!(side_class(&analysis, Some(SideId(99))), "side-none");
        assert_eq!(analysis.parties().count(), 2);
    }

    #[test]
    fn every_layer_has_its_own_names() {
        let mut seen = std::collections::HashSet::new();
        for layer in Layer::ALL {
            for name in [layer_label(layer), legend_class(layer), hidden_class(layer)] {
                assert!(seen.insert(name), "{name} used twice");
            }
            assert!(seen.insert(Box::leak(layer_key(layer).to_string().into_boxed_str())));
        }
    }

    #[test]
    fn a_claim_without_a_speaker_is_said_so() {
        let mut analysis = analyze("Oslo says the port is shut.");
        let claim = &mut analysis.claims[0];
        assert_eq!(speaker_name(claim), "Oslo");
        (claim.speaker, claim.side) = (None, None);
        let claim = &analysis.claims[0];
        assert_eq!(speaker_name(claim), UNKNOWN_SPEAKER);
        assert_eq!(side_name(&analysis, claim), NO_SIDE);
    }
}
