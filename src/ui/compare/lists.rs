//! What each report leaves out: the claims found in one report only ("only in A", "only in B"),
//! each with its camp, how sure that is and why, and the claims reported in both; a click selects
//! the claim in its report and scrolls to it.

use super::{camp_class, Report, Reports};
use crate::analysis::compare::Which;
use crate::analysis::ClaimId;
use crate::drawing::speaker_name;
use crate::share::Selection;
use crate::ui::article_view::scroll_to_claim_in;
use leptos::prelude::*;

/// How much of a claim a list shows.
const SHOWN_CHARS: usize = 160;

/// One claim in a list.
#[derive(Clone, Debug, PartialEq)]
struct ClaimLine {
    which: Which,
    id: ClaimId,
    class: &'static str,
    camp: String,
    speaker: String,
    content: String,
    sure: Option<String>,
    why: String,
}

/// Selects claim `id` of `report` and scrolls to it.
fn show_claim(report: Report, id: ClaimId) {
    report.ui.selection.set(Some(Selection::Claim(id)));
    scroll_to_claim_in(report.id_prefix(), id.0 as usize);
}

fn line(
    reports: &Reports,
    which: Which,
    id: ClaimId,
    camp: Option<usize>,
    sure: Option<f32>,
    why: String,
) -> ClaimLine {
    let report = reports.report(which);
    let (speaker, content) = report.shown.with(|t| {
        report.analysis.with(|a| {
            a.claims.get(id.0 as usize).map_or_else(
                || (String::new(), String::new()),
                |c| {
                    let content = c.span.slice(t).trim();
                    let mut shown: String = content.chars().take(SHOWN_CHARS).collect();
                    if content.chars().count() > SHOWN_CHARS {
                        shown.push('…');
                    }
                    (speaker_name(c).to_string(), shown)
                },
            )
        })
    });
    reports.comparison.with(|c| ClaimLine {
        which,
        id,
        class: camp_class(&c.camps, camp),
        camp: camp.and_then(|i| c.camps.get(i)).map_or("no camp".to_string(), |k| k.name.clone()),
        speaker,
        content,
        sure: sure
            .map(|s| format!("left out of {} ({}% sure)", which.other().label(), crate::analysis::decimal::percent(s))),
        why,
    })
}

fn claim_button(reports: Reports, l: ClaimLine) -> impl IntoView {
    let report = reports.report(l.which);
    let (which, id) = (l.which, l.id);
    view! {
        <li class=format!("one-sided {}", l.class) data-testid="one-sided" data-report=which.label() data-claim=id.0>
            <button class="claim-button" on:click=move |_| show_claim(report, id)
                title=format!("Show claim {} in report {}", id.0 + 1, which.label())>
                <span class="claim-meta"><strong>{l.speaker.clone()}</strong>{format!(" · {}", l.camp)}
                    {l.sure.map(|s| format!(" · {s}"))}</span>
                <span class="claim-text">{l.content.clone()}</span>
            </button>
            {(!l.why.is_empty()).then(|| view! { <span class="claim-why">{l.why.clone()}</span> })}
        </li>
    }
}

/// The claims each report carries alone, and those in both.
#[component]
pub fn OneSidedPanel(reports: Reports) -> impl IntoView {
    let only = move |which: Which| -> Vec<ClaimLine> {
        let list: Vec<_> = reports.comparison.with(|c| {
            c.only_in(which)
                .iter()
                .map(|o| {
                    (o.claim, o.camp, o.confidence, o.evidence.first().map(|e| e.note.clone()).unwrap_or_default())
                })
                .collect()
        });
        list.into_iter().map(|(id, camp, sure, why)| line(&reports, which, id, camp, Some(sure), why)).collect()
    };
    let both = move || -> Vec<(ClaimLine, ClaimLine)> {
        let pairs: Vec<_> = reports
            .comparison
            .with(|c| c.counterparts.iter().map(|p| (p.a, p.b, p.camp, p.shared_words.join(", "))).collect());
        pairs
            .into_iter()
            .map(|(a, b, camp, words)| {
                let why = format!("shares: {words}");
                (line(&reports, Which::A, a, camp, None, String::new()), line(&reports, Which::B, b, camp, None, why))
            })
            .collect()
    };
    let column = move |which: Which| {
        let label = which.label();
        view! {
            <div class="only-in" data-testid=format!("only-in-{}", label.to_lowercase())>
                {move || {
                    let lines = only(which);
                    let heading = format!("Only in report {label} ({})", lines.len());
                    if lines.is_empty() {
                        let none = format!("Nothing: every claim of report {label} is in the other report too.");
                        return view! { <h3>{heading}</h3><p class="empty">{none}</p> }.into_any();
                    }
                    let items = lines.into_iter().map(|l| claim_button(reports, l)).collect::<Vec<_>>();
                    view! { <h3>{heading}</h3><ol class="claim-list">{items}</ol> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <section class="panel compare-panel" data-testid="one-sided-panel" aria-labelledby="one-sided-title">
            <h2 id="one-sided-title">"What each report leaves out"</h2>
            <div class="only-in-columns">
                {column(Which::A)}
                {column(Which::B)}
            </div>
            {move || {
                let pairs = both();
                let heading = format!("In both reports ({})", pairs.len());
                let items = pairs.into_iter().map(|(a, b)| view! {
                    <li class="pair" data-testid="counterpart">
                        <ul class="pair-side">{claim_button(reports, a)}</ul>
                        <span class="versus" aria-hidden="true">"↔"</span>
                        <ul class="pair-side">{claim_button(reports, b)}</ul>
                    </li>
                }).collect::<Vec<_>>();
                view! { <h3>{heading}</h3><ul class="in-both" data-testid="in-both">{items}</ul> }
            }}
        </section>
    }
}
