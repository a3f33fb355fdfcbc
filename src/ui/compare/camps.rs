//! The camps panel: each camp of the dispute with its sides in report A and in report B, how sure
//! the match is and why, and for each side a choice to move it to another camp or give it a camp
//! of its own (the reader's fixes, with undo and reset).

use super::{camp_class, Reports};
use crate::analysis::compare::{ArticleSide, CampEdit, Which};
use crate::analysis::SideId;
use leptos::prelude::*;

/// One side of a camp, as the panel lists it.
#[derive(Clone, Debug, PartialEq)]
struct SideRow {
    side: ArticleSide,
    name: String,
    role: &'static str,
    /// (value, label) of each move it can make: another camp's first side, or "own".
    moves: Vec<(String, String)>,
}

/// One camp, as the panel lists it.
#[derive(Clone, Debug, PartialEq)]
struct CampRow {
    name: String,
    class: &'static str,
    how_sure: String,
    evidence: Vec<String>,
    by_reader: bool,
    sides: Vec<SideRow>,
}

/// The wire-free value of a side in a menu: "a0", "b3".
fn code(s: ArticleSide) -> String {
    format!("{}{}", s.article.label().to_lowercase(), s.side.0)
}

fn parse(code: &str) -> Option<ArticleSide> {
    let article = match code.get(..1)? {
        "a" => Which::A,
        "b" => Which::B,
        _ => return None,
    };
    Some(ArticleSide { article, side: SideId(code.get(1..)?.parse().ok()?) })
}

fn rows(reports: &Reports) -> Vec<CampRow> {
    reports.comparison.with(|c| {
        reports.a.analysis.with(|a| {
            reports.b.analysis.with(|b| {
                let first_side = |i: usize| {
                    let camp = &c.camps[i];
                    camp.a
                        .first()
                        .map(|s| ArticleSide { article: Which::A, side: *s })
                        .or_else(|| camp.b.first().map(|s| ArticleSide { article: Which::B, side: *s }))
                };
                c.camps
                    .iter()
                    .enumerate()
                    .map(|(i, camp)| {
                        let n_sides = camp.a.len() + camp.b.len();
                        let sides = [(Which::A, &camp.a, a), (Which::B, &camp.b, b)]
                            .into_iter()
                            .flat_map(|(which, ids, analysis)| ids.iter().map(move |s| (which, *s, analysis)))
                            .filter_map(|(which, id, analysis)| {
                                let side = analysis.sides.get(id.0 as usize)?;
                                let mut moves: Vec<(String, String)> = (0..c.camps.len())
                                    .filter(|&j| j != i)
                                    .filter_map(|j| {
                                        Some((code(first_side(j)?), format!("Move to {}", c.camps[j].name)))
                                    })
                                    .collect();
                                if n_sides > 1 {
                                    moves.push(("own".into(), "Give it a camp of its own".into()));
                                }
                                Some(SideRow {
                                    side: ArticleSide { article: which, side: id },
                                    name: side.name.clone(),
                                    role: if side.role == crate::analysis::SideRole::Party {
                                        "party"
                                    } else {
                                        "third party"
                                    },
                                    moves,
                                })
                            })
                            .collect();
                        let how_sure = if camp.a.is_empty() || camp.b.is_empty() {
                            format!("only in report {}", if camp.a.is_empty() { "B" } else { "A" })
                        } else if camp.by_reader {
                            "matched by you".to_string()
                        } else {
                            format!("matched, {}% sure", crate::analysis::decimal::percent(camp.confidence))
                        };
                        CampRow {
                            name: camp.name.clone(),
                            class: camp_class(&c.camps, Some(i)),
                            how_sure,
                            evidence: camp.evidence.iter().map(|e| e.note.clone()).collect(),
                            by_reader: camp.by_reader,
                            sides,
                        }
                    })
                    .collect()
            })
        })
    })
}

/// One side's line: its name, role and report, and the menu that moves it.
fn side_line(reports: Reports, row: SideRow) -> impl IntoView {
    let side = row.side;
    let label = side.article.label();
    let options =
        row.moves.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect::<Vec<_>>();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
        let edit = if value == "own" {
            Some(CampEdit::Separate { side })
        } else {
            parse(&value).map(|with| CampEdit::Join { side, with })
        };
        if let Some(edit) = edit {
            reports.edits.update(|e| e.push(edit));
        }
    };
    view! {
        <li class="camp-side" data-testid="camp-side" data-report=label data-side=row.name.clone()>
            <span class="report-tag" aria-label=format!("report {label}")>{label}</span>
            <span class="camp-side-name">{row.name.clone()}</span>
            <span class="side-role">{row.role}</span>
            <select data-testid="camp-choice" aria-label=format!("Camp of {} in report {label}", row.name) on:change=on_change>
                <option value="">"Keep it here"</option>
                {options}
            </select>
        </li>
    }
}

/// The camps, matched across the two reports, with the reader's fixes.
#[component]
pub fn CampsPanel(reports: Reports) -> impl IntoView {
    let edits = reports.edits;
    view! {
        <section class="panel compare-panel camps" data-testid="camps-panel" aria-labelledby="camps-title">
            <h2 id="camps-title">"Camps matched across the two reports"</h2>
            <Show when=move || edits.with(|e| !e.is_empty())>
                <p class="edits" data-testid="camp-edits">
                    {move || edits.with(|e| format!("Your fixes to the camps: {}. ", e.len()))}
                    <button data-testid="undo-camp-edit" on:click=move |_| edits.update(|e| { e.pop(); })>"Undo last"</button>
                    " "
                    <button data-testid="reset-camp-edits" on:click=move |_| edits.set(Vec::new())>"Reset"</button>
                </p>
            </Show>
            {move || {
                let rows = rows(&reports);
                if rows.is_empty() {
                    return view! { <p class="empty">"No camps yet: they appear when the reports quote governments, groups or people."</p> }.into_any();
                }
                view! {
                    <ul class="camp-list">
                        {rows.into_iter().map(|row| view! {
                            <li class=format!("camp {}", row.class) data-testid="camp" data-camp=row.name.clone()>
                                <h3><span class="camp-name">{row.name.clone()}</span>
                                    <span class="camp-sure">{format!(" · {}", row.how_sure)}</span>
                                    {row.by_reader.then(|| view! { <span class="by-reader">" · fixed by you"</span> })}
                                </h3>
                                <ul class="camp-sides">{row.sides.into_iter().map(|s| side_line(reports, s)).collect::<Vec<_>>()}</ul>
                                <p class="camp-why">{row.evidence.join(" · ")}</p>
                            </li>
                        }).collect::<Vec<_>>()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
