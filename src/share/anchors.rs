//! Whether a shared view still attaches to the marks it was made on: what a link records about
//! the marks its selection and side edits point at (anchors), and the check made when a link is
//! opened, perhaps by another analyser version ([`fit`]).
//!
//! A view names marks by index: claim 3, side 1, actor 7. Another analyser version may find,
//! number or name them differently, so a link also records what those indices stood for when it
//! was made: a fingerprint of the selected mark's text and, for each side edit, the names of the
//! sides and actors it refers to at the moment it is applied. Links made before anchors existed
//! carry none: for them only indices that no longer exist are detected, and a link from another
//! analyser version says its view could not be checked.
//!
//! Wire form (inside the link's JSON header, key `"k"`, frozen like the rest of the payload):
//! `{"s": "1a2b3c4d", "e": [["Baku"], ["Ilham Aliyev", "Baku"], ["Yerevan", "Baku"]]}`.

use super::fingerprint;
use super::payload::{Selection, ViewState};
use crate::analysis::sides::{apply_edits, SideEdit};
use crate::analysis::{Analysis, SideId};
use serde::{Deserialize, Serialize};

/// What a view's references stood for when its link was made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchors {
    /// A short fingerprint of the selected mark's text.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<String>,
    /// For each side edit, in order: the names of the sides and actors it refers to, as they were
    /// just before it was applied (a side the reader renamed earlier goes by the reader's name).
    #[serde(rename = "e", default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Vec<String>>,
}

/// Whether a link's view fits the marks the running analyser finds in its article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Nothing to say: the view refers to no mark, or everything it refers to is where it was.
    Attached,
    /// Some of the view no longer points at the marks it was made on.
    Detached {
        /// The analyser version that made the link ("" when the link does not say).
        made_by: String,
        /// What no longer attaches, in view order (selection first, then edits).
        problems: Vec<Problem>,
    },
    /// Made by another analyser version, before links recorded anchors: it cannot be checked.
    Unchecked {
        /// The analyser version that made the link ("" when the link does not say).
        made_by: String,
    },
}

/// One part of a view that no longer attaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The selected mark does not exist in this analysis.
    SelectionMissing(Selection),
    /// The selected index exists but marks other text than when the link was made.
    SelectionMoved(Selection),
    /// Side edit `n` (0-based) refers to a side or actor this analysis does not have.
    EditMissing(usize),
    /// Side edit `edit` refers to sides or actors that go by other names in this analysis.
    EditRenamed {
        /// Its index in the view's edits.
        edit: usize,
        /// The names it referred to when the link was made.
        then: Vec<String>,
        /// The names the same indices have now.
        now: Vec<String>,
    },
}

/// A short fingerprint (8 hex digits) of a mark's text.
fn mark_fingerprint(mark: &str) -> String {
    fingerprint(mark)[..8].to_string()
}

/// The text of the selected mark, or `None` when the analysis has no such mark.
fn selected_text<'t>(text: &'t str, analysis: &Analysis, selection: Selection) -> Option<&'t str> {
    let span = match selection {
        Selection::Entity(id) => analysis.entities.get(id.0 as usize)?.span,
        Selection::Claim(id) => analysis.claims.get(id.0 as usize)?.span,
        Selection::Assertion(i) => analysis.assertions.get(i as usize)?.span,
    };
    Some(span.slice(text))
}

/// The current names of what `edit` refers to, in its field order; `None` for an index the
/// analysis does not have.
fn targets(analysis: &Analysis, edit: &SideEdit) -> Vec<Option<String>> {
    let side = |id: SideId| analysis.sides.get(id.0 as usize).map(|s| s.name.clone());
    match edit {
        SideEdit::Rename { side: id, .. } => vec![side(*id)],
        SideEdit::MoveActor { cluster, to } => {
            vec![analysis.clusters.get(cluster.0 as usize).map(|c| c.name.clone()), side(*to)]
        }
        SideEdit::Merge { from, into } => vec![side(*from), side(*into)],
    }
}

/// Calls `visit(i, edit, targets)` for each edit, with the targets' names just before the edit is
/// applied to a copy of `analysis` (edits before it applied, as the page applies them).
fn walk_edits(analysis: &Analysis, edits: &[SideEdit], mut visit: impl FnMut(usize, Vec<Option<String>>)) {
    if edits.is_empty() {
        return;
    }
    let mut edited = analysis.clone();
    for (i, edit) in edits.iter().enumerate() {
        visit(i, targets(&edited, edit));
        apply_edits(&mut edited, std::slice::from_ref(edit));
    }
}

/// The anchors of `view` over `analysis` of `text` (the analysis without the view's edits), or
/// `None` when the view refers to no mark.
pub fn anchors(text: &str, analysis: &Analysis, view: &ViewState) -> Option<Anchors> {
    if !view.refers_to_marks() {
        return None;
    }
    let selected = view.selected.and_then(|s| selected_text(text, analysis, s)).map(mark_fingerprint);
    let mut edits = Vec::with_capacity(view.edits.len());
    walk_edits(analysis, &view.edits, |_, names| {
        edits.push(names.into_iter().map(Option::unwrap_or_default).collect())
    });
    Some(Anchors { selected, edits })
}

/// Whether `view`, from a link made by analyser `made_by` with `anchors`, fits `analysis` of
/// `text` (without the view's edits) made by analyser `running`.
pub fn fit(
    text: &str,
    analysis: &Analysis,
    view: &ViewState,
    anchors: Option<&Anchors>,
    made_by: &str,
    running: &str,
) -> Fit {
    if !view.refers_to_marks() {
        return Fit::Attached;
    }
    let mut problems = Vec::new();
    if let Some(selection) = view.selected {
        match selected_text(text, analysis, selection) {
            None => problems.push(Problem::SelectionMissing(selection)),
            Some(mark) => {
                if anchors.and_then(|k| k.selected.as_ref()).is_some_and(|then| *then != mark_fingerprint(mark)) {
                    problems.push(Problem::SelectionMoved(selection));
                }
            }
        }
    }
    walk_edits(analysis, &view.edits, |i, names| {
        if names.iter().any(Option::is_none) {
            problems.push(Problem::EditMissing(i));
            return;
        }
        let now: Vec<String> = names.into_iter().flatten().collect();
        if let Some(then) = anchors.and_then(|k| k.edits.get(i)).filter(|then| **then != now) {
            problems.push(Problem::EditRenamed { edit: i, then: then.clone(), now });
        }
    });
    if !problems.is_empty() {
        Fit::Detached { made_by: made_by.to_string(), problems }
    } else if anchors.is_none() && made_by != running {
        Fit::Unchecked { made_by: made_by.to_string() }
    } else {
        Fit::Attached
    }
}

/// "the selected claim", "the selected name", ...
fn selection_words(selection: Selection) -> &'static str {
    match selection {
        Selection::Entity(_) => "name",
        Selection::Claim(_) => "claim",
        Selection::Assertion(_) => "check-worthy statement",
    }
}

/// What a view points at, in words: "selection", "side edit", "side edits", "selection and side
/// edits"... (empty when it points at nothing).
pub fn referring_parts(view: &ViewState) -> &'static str {
    match (view.selected.is_some(), view.edits.len()) {
        (false, 0) => "",
        (true, 0) => "selection",
        (false, 1) => "side edit",
        (false, _) => "side edits",
        (true, 1) => "selection and side edit",
        (true, _) => "selection and side edits",
    }
}

/// "version 0.1.0 of the analyser", or "an unnamed version of the analyser".
fn version_words(version: &str) -> String {
    if version.is_empty() {
        "an unnamed version of the analyser".to_string()
    } else {
        format!("version {version} of the analyser")
    }
}

/// The plain-words parts of a detached view: one phrase for the selection, one for the edits.
fn problem_phrases(problems: &[Problem], n_edits: usize) -> Vec<String> {
    let mut phrases = Vec::new();
    for problem in problems {
        match problem {
            Problem::SelectionMissing(s) => phrases.push(format!("the selected {} is not there", selection_words(*s))),
            Problem::SelectionMoved(s) => {
                phrases.push(format!("the selection now falls on another {}", selection_words(*s)))
            }
            _ => {}
        }
    }
    let broken = problems.iter().filter(|p| matches!(p, Problem::EditMissing(_) | Problem::EditRenamed { .. })).count();
    if broken > 0 {
        let mut phrase = if n_edits == 1 {
            "its side edit no longer points at the same side or person".to_string()
        } else {
            format!("{broken} of its {n_edits} side edits no longer point at the same sides or people")
        };
        let renamed = problems.iter().find_map(|p| match p {
            Problem::EditRenamed { then, now, .. } => then.iter().zip(now).find(|(t, n)| t != n),
            _ => None,
        });
        if let Some((then, now)) = renamed {
            phrase.push_str(&format!(" (“{then}” is now “{now}”)"));
        }
        phrases.push(phrase);
    }
    phrases
}

impl Fit {
    /// What the page tells the reader about `view`, in plain words; `None` when there is nothing
    /// to say. `running` is this page's analyser version.
    pub fn message(&self, view: &ViewState, running: &str) -> Option<String> {
        match self {
            Fit::Attached => None,
            Fit::Detached { made_by, problems } => {
                let what = problem_phrases(problems, view.edits.len()).join("; ");
                Some(if made_by == running {
                    format!("Its view does not fit the marks this page finds in the article: {what}.")
                } else {
                    format!(
                        "It was made by {}, and this page runs version {running}, which marks the article differently: {what}.",
                        version_words(made_by)
                    )
                })
            }
            Fit::Unchecked { made_by } => Some(format!(
                "It was made by {}, and this page runs version {running}, which may mark the article differently: its {} may no longer point at the same marks as when the link was made.",
                version_words(made_by),
                referring_parts(view)
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, ClaimId, Cluster, ClusterId, EntityId, EntityKind, Side, SideBalance, SideRole};

    const ARTICLE: &str = "Oslo says the port is shut, while Bergen says it is open. \
        Mayor Kari Nordmann said the ferries would sail on Monday.";

    fn view(selected: Option<Selection>, edits: Vec<SideEdit>) -> ViewState {
        ViewState { hidden: vec![], selected, edits }
    }

    fn rename(side: u32, name: &str) -> SideEdit {
        SideEdit::Rename { side: SideId(side), name: name.into() }
    }

    /// An analysis with the given side and actor names and nothing else.
    fn named(sides: &[&str], clusters: &[&str]) -> Analysis {
        let mut a = Analysis::default();
        for name in sides {
            a.sides.push(Side {
                name: name.to_string(),
                role: SideRole::Party,
                aliases: vec![],
                members: vec![],
                evidence: vec![],
                balance: SideBalance::default(),
            });
        }
        for name in clusters {
            a.clusters.push(Cluster { name: name.to_string(), kind: EntityKind::Person, mentions: vec![] });
        }
        a
    }

    #[test]
    fn wire_form_is_spelled_out() {
        let k = Anchors { selected: Some("1a2b3c4d".into()), edits: vec![vec!["Baku".into()], vec![]] };
        let json = r#"{"s":"1a2b3c4d","e":[["Baku"],[]]}"#;
        assert_eq!(serde_json::to_string(&k).unwrap(), json);
        assert_eq!(serde_json::from_str::<Anchors>(json).unwrap(), k);
        assert_eq!(serde_json::to_string(&Anchors::default()).unwrap(), "{}");
        assert_eq!(
            serde_json::from_str::<Anchors>(r#"{"s":"1a2b3c4d","later":1}"#).unwrap().selected.unwrap(),
            "1a2b3c4d"
        );
    }

    #[test]
    fn a_view_made_here_fits_here() {
        let analysis = analyze(ARTICLE);
        assert!(analysis.sides.len() >= 2 && !analysis.claims.is_empty(), "the article has sides and claims");
        let v = view(
            Some(Selection::Claim(ClaimId(0))),
            vec![rename(0, "The capital"), SideEdit::Merge { from: SideId(1), into: SideId(0) }],
        );
        let k = anchors(ARTICLE, &analysis, &v).expect("the view refers to marks");
        assert_eq!(k.edits.len(), 2);
        assert_eq!(k.edits[1][1], "The capital", "an edit's anchors see the edits before it");
        for made_by in ["0.1.0", "0.0.1"] {
            assert_eq!(fit(ARTICLE, &analysis, &v, Some(&k), made_by, "0.1.0"), Fit::Attached, "made by {made_by}");
        }
    }

    #[test]
    fn a_view_without_references_always_fits() {
        let v = ViewState { hidden: vec![crate::share::Layer::Person], ..ViewState::default() };
        assert_eq!(anchors(ARTICLE, &analyze(ARTICLE), &v), None);
        assert_eq!(fit(ARTICLE, &Analysis::default(), &v, None, "0.0.1", "0.1.0"), Fit::Attached);
    }

    /// (case, view, anchors, made by, expected problems or Unchecked/Attached)
    #[test]
    fn the_decision_table() {
        let a = named(&["Oslo", "Bergen"], &["Kari Nordmann", "Oslo"]);
        let k = |edits: &[&[&str]]| Anchors {
            selected: None,
            edits: edits.iter().map(|e| e.iter().map(|s| s.to_string()).collect()).collect(),
        };
        let detached = |problems: Vec<Problem>| Fit::Detached { made_by: "0.0.1".into(), problems };
        let cases: Vec<(&str, ViewState, Option<Anchors>, &str, Fit)> = vec![
            (
                "same names, older version",
                view(None, vec![rename(1, "West")]),
                Some(k(&[&["Bergen"]])),
                "0.0.1",
                Fit::Attached,
            ),
            (
                "a side renamed by the new version",
                view(None, vec![rename(1, "West")]),
                Some(k(&[&["Stavanger"]])),
                "0.0.1",
                detached(vec![Problem::EditRenamed {
                    edit: 0,
                    then: vec!["Stavanger".into()],
                    now: vec!["Bergen".into()],
                }]),
            ),
            (
                "a side that is gone",
                view(None, vec![rename(5, "West")]),
                None,
                "0.0.1",
                detached(vec![Problem::EditMissing(0)]),
            ),
            (
                "an actor that is gone",
                view(None, vec![SideEdit::MoveActor { cluster: ClusterId(9), to: SideId(0) }]),
                Some(k(&[&["Ola Nordmann", "Oslo"]])),
                "0.0.1",
                detached(vec![Problem::EditMissing(0)]),
            ),
            (
                "an actor renamed",
                view(None, vec![SideEdit::MoveActor { cluster: ClusterId(0), to: SideId(1) }]),
                Some(k(&[&["Ola Nordmann", "Bergen"]])),
                "0.0.1",
                detached(vec![Problem::EditRenamed {
                    edit: 0,
                    then: vec!["Ola Nordmann".into(), "Bergen".into()],
                    now: vec!["Kari Nordmann".into(), "Bergen".into()],
                }]),
            ),
            (
                "a merge shifts later ids: side 1 is gone after merging 1 into 0",
                view(None, vec![SideEdit::Merge { from: SideId(1), into: SideId(0) }, rename(1, "West")]),
                None,
                "0.0.1",
                detached(vec![Problem::EditMissing(1)]),
            ),
            (
                "a selected claim that is not there",
                view(Some(Selection::Claim(ClaimId(3))), vec![]),
                None,
                "0.1.0",
                Fit::Detached {
                    made_by: "0.1.0".into(),
                    problems: vec![Problem::SelectionMissing(Selection::Claim(ClaimId(3)))],
                },
            ),
            (
                "an old link without anchors from another version",
                view(None, vec![rename(0, "East")]),
                None,
                "0.0.1",
                Fit::Unchecked { made_by: "0.0.1".into() },
            ),
            (
                "an old link without anchors from this version",
                view(None, vec![rename(0, "East")]),
                None,
                "0.1.0",
                Fit::Attached,
            ),
        ];
        for (case, v, anchors, made_by, expected) in cases {
            assert_eq!(fit("", &a, &v, anchors.as_ref(), made_by, "0.1.0"), expected, "{case}");
        }
    }

    #[test]
    fn a_selection_that_moved_to_another_mark_is_detected() {
        let analysis = analyze(ARTICLE);
        assert!(analysis.entities.len() >= 2);
        let v = view(Some(Selection::Entity(EntityId(0))), vec![]);
        let k = anchors(ARTICLE, &analysis, &v).unwrap();
        // The same index in an article where another name comes first.
        let other = format!("Trondheim agreed. {ARTICLE}");
        let moved = analyze(&other);
        assert_eq!(
            fit(&other, &moved, &v, Some(&k), "0.0.1", "0.1.0"),
            Fit::Detached {
                made_by: "0.0.1".into(),
                problems: vec![Problem::SelectionMoved(Selection::Entity(EntityId(0)))]
            }
        );
    }

    #[test]
    fn messages_say_what_no_longer_attaches() {
        let detached = Fit::Detached {
            made_by: "0.0.1".into(),
            problems: vec![
                Problem::SelectionMissing(Selection::Claim(ClaimId(9))),
                Problem::EditMissing(0),
                Problem::EditRenamed { edit: 2, then: vec!["Stavanger".into()], now: vec!["Bergen".into()] },
            ],
        };
        let three_edits =
            view(Some(Selection::Claim(ClaimId(9))), vec![rename(0, "A"), rename(1, "B"), rename(0, "C")]);
        assert_eq!(
            detached.message(&three_edits, "0.1.0").unwrap(),
            "It was made by version 0.0.1 of the analyser, and this page runs version 0.1.0, which marks the \
             article differently: the selected claim is not there; 2 of its 3 side edits no longer point at the same \
             sides or people (“Stavanger” is now “Bergen”)."
        );
        let one = Fit::Detached { made_by: "0.1.0".into(), problems: vec![Problem::EditMissing(0)] };
        assert_eq!(
            one.message(&view(None, vec![rename(0, "A")]), "0.1.0").unwrap(),
            "Its view does not fit the marks this page finds in the article: its side edit no longer points at the \
             same side or person."
        );
        let unchecked = Fit::Unchecked { made_by: String::new() };
        let selected = view(Some(Selection::Claim(ClaimId(0))), vec![]);
        assert_eq!(
            unchecked.message(&selected, "0.1.0").unwrap(),
            "It was made by an unnamed version of the analyser, and this page runs version 0.1.0, which may \
             mark the article differently: its selection may no longer point at the same marks as when the link was made."
        );
        let edited = view(None, vec![rename(0, "A")]);
        assert!(unchecked.message(&edited, "0.1.0").unwrap().contains(": its side edit may no longer point"));
        assert_eq!(Fit::Attached.message(&edited, "0.1.0"), None);
        assert_eq!(referring_parts(&three_edits), "selection and side edits");
        assert_eq!(referring_parts(&ViewState::default()), "");
    }
}

/// The message for each kind of problem, word for word (caught mutants: `scripts/mutants.sh`).
#[cfg(test)]
mod message_table {
    use super::*;
    use crate::analysis::{ClaimId, EntityId};

    fn view(selected: Option<Selection>, n_edits: u32) -> ViewState {
        let edits = (0..n_edits).map(|i| SideEdit::Rename { side: SideId(i), name: "X".into() }).collect();
        ViewState { hidden: vec![], selected, edits }
    }

    #[test]
    fn each_problem_has_its_words() {
        let entity = Selection::Entity(EntityId(2));
        let assertion = Selection::Assertion(1);
        let claim = Selection::Claim(ClaimId(0));
        let renamed =
            Problem::EditRenamed { edit: 0, then: vec!["A".into(), "B".into()], now: vec!["A".into(), "C".into()] };
        // (problems, the view, what the message says after the colon)
        let cases: Vec<(Vec<Problem>, ViewState, &str)> = vec![
            (vec![Problem::SelectionMoved(entity)], view(Some(entity), 0), "the selection now falls on another name"),
            (
                vec![Problem::SelectionMissing(assertion)],
                view(Some(assertion), 0),
                "the selected check-worthy statement is not there",
            ),
            (vec![Problem::SelectionMoved(claim)], view(Some(claim), 2), "the selection now falls on another claim"),
            (
                vec![Problem::EditMissing(0), Problem::EditMissing(1)],
                view(None, 2),
                "2 of its 2 side edits no longer point at the same sides or people",
            ),
            (
                vec![renamed],
                view(None, 1),
                "its side edit no longer points at the same side or person (“B” is now “C”)",
            ),
        ];
        for (problems, view, words) in cases {
            let fit = Fit::Detached { made_by: "0.1.0".into(), problems };
            assert_eq!(
                fit.message(&view, "0.1.0").unwrap(),
                format!("Its view does not fit the marks this page finds in the article: {words}."),
            );
        }
    }

    #[test]
    fn what_a_view_refers_to_in_words() {
        let claim = Some(Selection::Claim(ClaimId(0)));
        for (view, words) in [
            (view(None, 0), ""),
            (view(claim, 0), "selection"),
            (view(None, 1), "side edit"),
            (view(None, 3), "side edits"),
            (view(claim, 1), "selection and side edit"),
            (view(claim, 2), "selection and side edits"),
        ] {
            assert_eq!(referring_parts(&view), words, "{view:?}");
        }
    }
}
