//! Fuzz target (structure-aware): any view state (hidden layers, a selection, side edits) with
//! any anchors, article and analyser name survives a link: encode → decode gives the same state,
//! for full links (v2: v3 carries the same payload, and its encoder builds a match finder over a
//! 250 KB dictionary per call, too slow to fuzz; proptest covers its round trip) and
//! annotations-only links. Over the article's own analysis, anchors made now fit now: only marks
//! that do not exist can be reported missing.
#![no_main]

use arbitrary::Arbitrary;
use article_explorer::analysis::sides::SideEdit;
use article_explorer::analysis::{ClaimId, ClusterId, EntityId, SideId};
use article_explorer::share::{
    anchors, decode, encode_annotations, encode_v2, fingerprint, fit, Anchors, Fit, Layer, Link, LinkError, Problem,
    Selection, SharedAnnotations, SharedState, ViewState,
};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum AnySelection {
    Entity(u32),
    Claim(u32),
    Assertion(u32),
}

#[derive(Arbitrary, Debug)]
enum AnyEdit {
    Rename { side: u32, name: String },
    MoveActor { cluster: u32, to: u32 },
    Merge { from: u32, into: u32 },
}

#[derive(Arbitrary, Debug)]
struct AnyAnchors {
    selected: Option<String>,
    edits: Vec<Vec<String>>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    analyzer: String,
    /// Indices into `Layer::ALL` (taken modulo its length; repeats kept, as the page could).
    hidden: Vec<u8>,
    selected: Option<AnySelection>,
    edits: Vec<AnyEdit>,
    anchors: Option<AnyAnchors>,
    /// Small ids make edits that the article's own analysis can resolve.
    small_ids: bool,
}

fn view_of(input: &Input) -> ViewState {
    let id = |n: u32| if input.small_ids { n % 4 } else { n };
    ViewState {
        hidden: input.hidden.iter().map(|i| Layer::ALL[*i as usize % Layer::ALL.len()]).collect(),
        selected: input.selected.as_ref().map(|s| match s {
            AnySelection::Entity(n) => Selection::Entity(EntityId(id(*n))),
            AnySelection::Claim(n) => Selection::Claim(ClaimId(id(*n))),
            AnySelection::Assertion(n) => Selection::Assertion(id(*n)),
        }),
        edits: input
            .edits
            .iter()
            .map(|e| match e {
                AnyEdit::Rename { side, name } => SideEdit::Rename { side: SideId(id(*side)), name: name.clone() },
                AnyEdit::MoveActor { cluster, to } => {
                    SideEdit::MoveActor { cluster: ClusterId(id(*cluster)), to: SideId(id(*to)) }
                }
                AnyEdit::Merge { from, into } => SideEdit::Merge { from: SideId(id(*from)), into: SideId(id(*into)) },
            })
            .collect(),
    }
}

/// The size of the JSON an annotations link for `input` carries.
fn annotations_json_len(input: &Input, view: &ViewState, anchors: &Option<Anchors>) -> usize {
    let annotations = SharedAnnotations {
        analyzer: input.analyzer.clone(),
        view: view.clone(),
        fp: fingerprint(&input.text),
        n: input.text.chars().count(),
        anchors: anchors.clone(),
    };
    serde_json::to_vec(&annotations).map_or(0, |json| json.len())
}

fuzz_target!(init: {
    // The analysis loads its word lists and models on first use: seconds under the sanitizer,
    // which libFuzzer would report as a timeout of whichever input came first.
    let _ = article_explorer::analyze("Baku says the road is open.");
}, |input: Input| {
    let view = view_of(&input);
    let anchors_given =
        input.anchors.as_ref().map(|k| Anchors { selected: k.selected.clone(), edits: k.edits.clone() });
    let state =
        SharedState { text: input.text.clone(), analyzer: input.analyzer.clone(), view: view.clone(), anchors: anchors_given.clone() };

    // Full links: the same state comes back.
    assert_eq!(decode(&encode_v2(&state)), Ok(Some(Link::Full(state.clone()))), "v2 round trip");

    // Annotations-only links: the view, anchors and the article's fingerprint come back.
    let link = encode_annotations(&input.text, &input.analyzer, &view, anchors_given.clone());
    match decode(&link) {
        Ok(Some(Link::AnnotationsOnly(a))) => {
            assert_eq!(a.view, view, "annotations view");
            assert_eq!(a.anchors, anchors_given, "annotations anchors");
            assert_eq!(a.analyzer, input.analyzer);
            assert_eq!(a.fp, fingerprint(&input.text));
            assert_eq!(a.n, input.text.chars().count());
        }
        // A view too large for an annotations link (over 64 KiB of JSON) is refused, never misread.
        Err(LinkError::Corrupt) if annotations_json_len(&input, &view, &anchors_given) > 64 * 1024 => {}
        other => panic!("annotations link decoded to {other:?}"),
    }

    // Anchors made over an analysis fit that same analysis: nothing moved or was renamed.
    if input.text.len() <= 2048 {
        let analysis = article_explorer::analyze(&input.text);
        let made = anchors(&input.text, &analysis, &view);
        assert_eq!(made.is_some(), view.refers_to_marks());
        if let Fit::Detached { problems, .. } = fit(&input.text, &analysis, &view, made.as_ref(), "x", "x") {
            for p in problems {
                assert!(
                    matches!(p, Problem::SelectionMissing(_) | Problem::EditMissing(_)),
                    "a view fits the analysis its anchors were made on: {p:?}"
                );
            }
        }
        let mut edited = analysis.clone();
        article_explorer::analysis::sides::apply_edits(&mut edited, &view.edits);
    }
});
