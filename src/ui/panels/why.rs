//! "Why this?": the evidence behind the selected mark, so every highlight can answer for itself.

use crate::analysis::{Analysis, ClaimKind, Evidence};
use crate::drawing::{side_name, speaker_name};
use crate::ui::state::{Selection, UiState};
use leptos::prelude::*;

fn evidence_list(text: &str, evidence: &[Evidence]) -> impl IntoView {
    let items = evidence
        .iter()
        .map(|e| {
            let quoted = e.span.map(|s| format!(" — “{}”", s.slice(text).chars().take(80).collect::<String>()));
            view! { <li>{e.note.clone()}{quoted}</li> }
        })
        .collect::<Vec<_>>();
    view! { <ul class="evidence">{items}</ul> }
}

/// "A direct", "An indirect", "An according-to".
fn kind_phrase(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "A direct (quoted)",
        ClaimKind::Indirect => "An indirect (reported)",
        ClaimKind::AccordingTo => "An “according to”",
    }
}

/// "Why this?": the evidence behind the selected mark.
#[component]
pub fn WhyPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    view! {
        <section class="panel why" data-testid="why-panel" aria-label="Why this is highlighted" aria-live="polite">
            <h2>"Why this?"</h2>
            {move || {
                let selection = ui.selection.get();
                text.with(|t| analysis.with(|a| match selection {
                    None => view! { <p class="empty">"Select a highlighted name, claim or statement to see why it is marked."</p> }.into_any(),
                    Some(Selection::Entity(id)) => match a.entities.get(id.0 as usize) {
                        Some(e) => {
                            let cluster = a.cluster(e.cluster);
                            view! {
                                <p><strong>{e.span.slice(t).to_string()}</strong>{format!(" is a {} ({}% sure)", e.kind.label(), crate::analysis::decimal::percent(e.confidence))}</p>
                                <p>{format!("Entity “{}”, mentioned {} times.", cluster.name, cluster.mentions.len())}</p>
                                {evidence_list(t, &e.evidence)}
                            }.into_any()
                        }
                        None => ().into_any(),
                    },
                    Some(Selection::Claim(id)) => match a.claims.get(id.0 as usize) {
                        Some(c) => {
                            let speaker = speaker_name(c).to_string();
                            let side = if c.side.is_some() { format!("side: {}", side_name(a, c)) } else { "not tied to a side".into() };
                            view! {
                                <p>{format!("{} claim by ", kind_phrase(c.kind))}<strong>{speaker}</strong>
                                   {format!(" ({side}; {}% sure).", crate::analysis::decimal::percent(c.confidence))}</p>
                                {evidence_list(t, &c.evidence)}
                            }.into_any()
                        }
                        None => ().into_any(),
                    },
                    Some(Selection::Assertion(i)) => match a.assertions.get(i as usize) {
                        Some(x) => view! {
                            <p>{format!("A check-worthy statement that nobody is quoted for (score {}).", crate::analysis::decimal::fixed(x.score, 2))}</p>
                            {evidence_list(t, &x.evidence)}
                        }.into_any(),
                        None => ().into_any(),
                    },
                }))
            }}
        </section>
    }
}
