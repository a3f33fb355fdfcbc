//! Links already shared must open the same way forever: links made by earlier versions (committed
//! in `tests/fixtures/links/`, never re-encoded) decode to the article and view written out here.
//! A renamed serde field, layer or CSS class that changes what an old link means fails this test.
//! Links made before anchors existed must keep decoding without them (`anchors: None`).

use article_explorer::analysis::sides::SideEdit;
use article_explorer::analysis::{ClaimId, ClusterId, EntityId, SideId};
use article_explorer::share::{decode, fingerprint, Anchors, Layer, Link, Selection, ViewState};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/links/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")).trim_end_matches('\n').to_string()
}

/// The view carried by the v2 and v3 fixtures (made on 2026-12-01 by analyser 0.1.0).
fn full_view() -> ViewState {
    ViewState {
        hidden: vec![Layer::Person, Layer::Assertions],
        selected: Some(Selection::Claim(ClaimId(1))),
        edits: vec![
            SideEdit::Rename { side: SideId(0), name: "Vessen government".into() },
            SideEdit::MoveActor { cluster: ClusterId(3), to: SideId(1) },
            SideEdit::Merge { from: SideId(2), into: SideId(0) },
        ],
    }
}

#[test]
fn full_links_of_every_version_open_the_same_article_and_view() {
    let article = fixture("article.txt");
    for (version, view) in [("v1.txt", ViewState::default()), ("v2.txt", full_view()), ("v3.txt", full_view())] {
        let link = fixture(version);
        let Ok(Some(Link::Full(state))) = decode(&format!("#{link}")) else { panic!("{version} did not decode") };
        assert_eq!(state.text, article, "{version}");
        assert_eq!(state.analyzer, "0.1.0", "{version}");
        assert_eq!(state.view, view, "{version}");
        assert_eq!(state.anchors, None, "{version}");
    }
}

#[test]
fn annotations_only_links_open_the_same_view() {
    // v2a made on 2026-12-01, v3a on 2026-12-02 (analyser 0.1.0), of the same view.
    for version in ["v2a.txt", "v3a.txt"] {
        let Ok(Some(Link::AnnotationsOnly(a))) = decode(&fixture(version)) else { panic!("{version} did not decode") };
        assert_eq!(a.fp, fingerprint(&fixture("article.txt")), "{version}");
        assert_eq!(a.n, fixture("article.txt").chars().count(), "{version}");
        assert_eq!(a.anchors, None, "{version}");
        assert_eq!(
            a.view,
            ViewState {
                hidden: vec![Layer::Sides],
                selected: Some(Selection::Entity(EntityId(4))),
                edits: vec![SideEdit::Rename { side: SideId(1), name: "Nalvia".into() }],
            },
            "{version}"
        );
    }
}

/// Links that also record anchors (what the view pointed at; made on 2026-12-01 by analyser
/// 0.1.0): the optional `"k"` field of the header must decode to the same anchors forever.
#[test]
fn links_with_anchors_open_the_same_view_and_anchors() {
    let view = ViewState {
        hidden: vec![Layer::Date],
        selected: Some(Selection::Claim(ClaimId(1))),
        edits: vec![
            SideEdit::Rename { side: SideId(0), name: "Vessen government".into() },
            SideEdit::MoveActor { cluster: ClusterId(3), to: SideId(1) },
        ],
    };
    let anchors = Anchors {
        selected: Some("30f23f70".into()),
        edits: vec![vec!["Vessen".into()], vec!["Ada Korr".into(), "Nalvia".into()]],
    };
    let Ok(Some(Link::Full(state))) = decode(&fixture("v3-anchors.txt")) else {
        panic!("v3 with anchors did not decode")
    };
    assert_eq!(state.text, fixture("article.txt"));
    assert_eq!(state.analyzer, "0.1.0");
    assert_eq!(state.view, view);
    assert_eq!(state.anchors.as_ref(), Some(&anchors));
    let Ok(Some(Link::AnnotationsOnly(a))) = decode(&fixture("v2a-anchors.txt")) else {
        panic!("v2a with anchors did not decode")
    };
    assert_eq!(a.fp, fingerprint(&fixture("article.txt")));
    assert_eq!(a.view, view);
    assert_eq!(a.anchors, Some(anchors));
}

/// Comparison links (issue 18; made on 2026-12-02 by analyser 0.1.0): `c1.` carries both reports
/// and the view, `c2a.` (and the older `c1a.`) the view and a fingerprint of each report; all
/// must open the same forever.
#[test]
fn comparison_links_open_the_same_reports_and_view() {
    use article_explorer::analysis::compare::{ArticleSide, CampEdit, Which};
    use article_explorer::share::compare::{decode, CompareView, ComparisonLink};
    let at = |article, side| ArticleSide { article, side: SideId(side) };
    let view = CompareView {
        hidden: vec![Layer::Person, Layer::Assertions],
        edits: vec![
            CampEdit::Join { side: at(Which::B, 1), with: at(Which::A, 0) },
            CampEdit::Separate { side: at(Which::A, 2) },
        ],
    };
    let anchors = vec![vec!["Bolivia".to_string(), "Chile".to_string()], vec!["Bolivia".to_string()]];
    let (a, b) = (fixture("compare-a.txt"), fixture("compare-b.txt"));
    let full = ComparisonLink::Full {
        a_text: a.clone(),
        b_text: b.clone(),
        analyzer: "0.1.0".into(),
        view: view.clone(),
        anchors: anchors.clone(),
    };
    assert_eq!(decode(&fixture("c1.txt")), Ok(Some(full)));
    let view_only = ComparisonLink::ViewOnly {
        analyzer: "0.1.0".into(),
        view,
        anchors,
        fp_a: fingerprint(&a),
        fp_b: fingerprint(&b),
        n_a: a.chars().count(),
        n_b: b.chars().count(),
    };
    assert_eq!(decode(&fixture("c1a.txt")), Ok(Some(view_only.clone())));
    assert_eq!(decode(&fixture("c2a.txt")), Ok(Some(view_only)));
}
