//! The panels beside and below the article: the legend (which is also the layer toggle), "why
//! this?", claims, entities, and the narratives view (a column per side, counter-claims paired).

use super::article_view::{focus_claim, side_class};
use super::state::{Layer, Selection, UiState};
use crate::analysis::{Analysis, ClaimId, EntityKind, Evidence, SideId, SideRole};
use leptos::prelude::*;

fn ui() -> UiState {
    use_context::<UiState>().unwrap_or_default()
}

/// The legend: one toggle button per layer, with its colour swatch.
#[component]
pub fn Legend() -> impl IntoView {
    let ui = ui();
    view! {
        <div class="legend" role="group" aria-label="Layers: show or hide" data-testid="legend">
            {Layer::ALL.iter().map(|layer| {
                let layer = *layer;
                let shown = move || ui.hidden.with(|h| !h.contains(&layer));
                view! {
                    <button class=format!("legend-item legend-{}", layer.hidden_class().trim_start_matches("hide-"))
                        aria-pressed=move || shown().to_string()
                        data-testid="layer-toggle" data-layer=layer.label()
                        title=format!("Show or hide {} (key {})", layer.label().to_lowercase(), layer.key())
                        on:click=move |_| ui.toggle(layer)>
                        <span class="swatch" aria-hidden="true"></span>
                        {layer.label()}
                    </button>
                }
            }).collect::<Vec<_>>()}
        </div>
    }
}

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
fn kind_phrase(kind: crate::analysis::ClaimKind) -> &'static str {
    match kind {
        crate::analysis::ClaimKind::Direct => "A direct (quoted)",
        crate::analysis::ClaimKind::Indirect => "An indirect (reported)",
        crate::analysis::ClaimKind::AccordingTo => "An “according to”",
    }
}

/// "Why this?": the evidence behind the selected mark.
#[component]
pub fn WhyPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    view! {
        <section class="panel why" data-testid="why-panel" aria-label="Why this is highlighted" aria-live="polite">
            <h2>"Why this?"</h2>
            {move || {
                let selection = ui.selection.get();
                text.with(|t| analysis.with(|a| match selection {
                    None => view! { <p class="empty">"Select a highlighted name, claim or statement to see why it is marked."</p> }.into_any(),
                    Some(Selection::Entity(id)) => match a.entities.get(id.0 as usize) {
                        Some(e) => {
                            let cluster = &a.clusters[e.cluster.0 as usize];
                            view! {
                                <p><strong>{e.span.slice(t).to_string()}</strong>{format!(" is a {} ({:.0}% sure)", e.kind.label(), e.confidence * 100.0)}</p>
                                <p>{format!("Entity “{}”, mentioned {} times.", cluster.name, cluster.mentions.len())}</p>
                                {evidence_list(t, &e.evidence)}
                            }.into_any()
                        }
                        None => ().into_any(),
                    },
                    Some(Selection::Claim(id)) => match a.claims.get(id.0 as usize) {
                        Some(c) => {
                            let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "an unknown speaker".into());
                            let side = c.side.map(|s| format!("side: {}", a.sides[s.0 as usize].name)).unwrap_or_else(|| "not tied to a side".into());
                            view! {
                                <p>{format!("{} claim by ", kind_phrase(c.kind))}<strong>{speaker}</strong>
                                   {format!(" ({side}; {:.0}% sure).", c.confidence * 100.0)}</p>
                                {evidence_list(t, &c.evidence)}
                            }.into_any()
                        }
                        None => ().into_any(),
                    },
                    Some(Selection::Assertion(i)) => match a.assertions.get(i as usize) {
                        Some(x) => view! {
                            <p>{format!("A check-worthy statement that nobody is quoted for (score {:.2}).", x.score)}</p>
                            {evidence_list(t, &x.evidence)}
                        }.into_any(),
                        None => ().into_any(),
                    },
                }))
            }}
        </section>
    }
}

/// Every claim: speaker, side, kind, confidence and content; a click scrolls to it.
#[component]
pub fn ClaimsPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    view! {
        <section class="panel" data-testid="claims-panel" aria-label="Claims">
            <h2>{move || format!("Claims ({})", analysis.with(|a| a.claims.len()))}</h2>
            <ol class="claim-list">
                {move || {
                    let selection = ui.selection.get();
                    text.with(|t| analysis.with(|a| {
                        a.claims.iter().enumerate().map(|(i, c)| {
                            let id = ClaimId(i as u32);
                            let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into());
                            let side = c.side.map(|s| a.sides[s.0 as usize].name.clone()).unwrap_or_else(|| "no side".into());
                            let selected = selection == Some(Selection::Claim(id));
                            let class = format!("claim-item {}{}", side_class(a, c.side), if selected { " selected" } else { "" });
                            let content: String = c.span.slice(t).chars().take(160).collect();
                            view! {
                                <li class=class data-testid="claim-item">
                                    <button class="claim-button" on:click=move |_| focus_claim(ui, id)>
                                        <span class="claim-meta">
                                            <strong>{speaker}</strong>" · "{side}" · "{c.kind.label().replace('_', " ")}
                                            {format!(" · {:.0}%", c.confidence * 100.0)}
                                        </span>
                                        <span class="claim-text">{content}</span>
                                    </button>
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    }))
                }}
            </ol>
        </section>
    }
}

/// Entities, grouped: every cluster with its mention count; a click highlights every mention.
#[component]
pub fn EntitiesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    view! {
        <section class="panel" data-testid="entities-panel" aria-label="Entities">
            <h2>"Entities"</h2>
            <ul class="entity-list">
                {move || analysis.with(|a| {
                    let mut clusters: Vec<(usize, &crate::analysis::Cluster)> = a.clusters.iter().enumerate()
                        .filter(|(_, c)| c.kind != EntityKind::Number && !c.mentions.is_empty()).collect();
                    clusters.sort_by_key(|(_, c)| std::cmp::Reverse(c.mentions.len()));
                    clusters.into_iter().map(|(cluster, c)| {
                        let label = c.kind.label();
                        let first = c.mentions[0];
                        view! {
                            <li>
                                <button class=format!("entity-chip entity-{}", label.to_lowercase()) data-kind=label
                                    on:click=move |_| {
                                        ui.selection.set(Some(Selection::Entity(first)));
                                        if let Some(el) = document().query_selector(&format!("[data-testid=entity][data-cluster=\"{cluster}\"]")).ok().flatten() {
                                            el.scroll_into_view();
                                        }
                                    }>
                                    {c.name.clone()}<span class="count">{format!(" ×{}", c.mentions.len())}</span>
                                </button>
                            </li>
                        }
                    }).collect::<Vec<_>>()
                })}
            </ul>
        </section>
    }
}

/// The narratives: a column per party with its claims, counter-claims side by side, third parties apart.
#[component]
pub fn NarrativesPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    view! {
        <section class="panel narratives" data-testid="sides-panel" aria-label="Competing narratives">
            <h2>"Narratives"</h2>
            {move || text.with(|t| analysis.with(|a| {
                if a.sides.is_empty() {
                    return view! { <p class="empty">"No sides found yet: they appear when people or governments are quoted."</p> }.into_any();
                }
                let total = a.claims.len().max(1);
                let claim_line = move |i: usize, a: &Analysis, t: &str| {
                    let c = &a.claims[i];
                    let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_default();
                    let content: String = c.span.slice(t).chars().take(140).collect();
                    let id = ClaimId(i as u32);
                    view! {
                        <li><button class="claim-button" on:click=move |_| focus_claim(ui, id)>
                            <strong>{speaker}</strong>": "{content}
                        </button></li>
                    }
                };
                let columns = a.sides.iter().enumerate().filter(|(_, s)| s.role == SideRole::Party).map(|(i, s)| {
                    let id = SideId(i as u32);
                    let claims: Vec<usize> = a.claims.iter().enumerate().filter(|(_, c)| c.side == Some(id)).map(|(j, _)| j).collect();
                    view! {
                        <div class=format!("side-column {}", side_class(a, Some(id))) data-testid="side">
                            <h3><span class="side-name">{s.name.clone()}</span>
                                <span class="side-count">{format!("{} claims", claims.len())}</span></h3>
                            <meter class="bar" min="0" max=total.to_string() value=claims.len().to_string()
                                aria-label=format!("{} of {} claims", claims.len(), a.claims.len())></meter>
                            <div class="side-aliases">{s.aliases.iter().take(8).cloned().collect::<Vec<_>>().join(", ")}</div>
                            <ul>{claims.iter().map(|&j| claim_line(j, a, t)).collect::<Vec<_>>()}</ul>
                        </div>
                    }
                }).collect::<Vec<_>>();
                let pairs = a.counter_claims.iter().map(|p| {
                    let (x, y) = (p.claim.0 as usize, p.counter.0 as usize);
                    view! {
                        <div class="pair" data-testid="counter-claim">
                            <ul class=side_class(a, a.claims[x].side)>{claim_line(x, a, t)}</ul>
                            <span class="versus" aria-label="versus">"vs"</span>
                            <ul class=side_class(a, a.claims[y].side)>{claim_line(y, a, t)}</ul>
                        </div>
                    }
                }).collect::<Vec<_>>();
                let third = a.sides.iter().enumerate().filter(|(_, s)| s.role == SideRole::ThirdParty).map(|(i, s)| {
                    let n = a.claims.iter().filter(|c| c.side == Some(SideId(i as u32))).count();
                    view! { <li data-testid="side">{s.name.clone()}<span class="side-count">{format!(" {n} claims")}</span></li> }
                }).collect::<Vec<_>>();
                let unaligned = a.claims.iter().filter(|c| c.side.is_none()).count();
                view! {
                    <div class="side-columns">{columns}</div>
                    {(!pairs.is_empty()).then(|| view! { <h3>"Claim and counter-claim"</h3><div class="pairs">{pairs}</div> })}
                    <h3>"Third parties"</h3>
                    <ul class="third-parties">{third}</ul>
                    <p class="side-count">{format!("{unaligned} claims from sources not tied to a side.")}</p>
                }.into_any()
            }))}
        </section>
    }
}
