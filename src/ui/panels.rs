//! The side panels: sides (the competing narratives), claims, and entities.

use super::article_view::side_class;
use crate::analysis::{Analysis, EntityKind, SideRole};
use leptos::prelude::*;

/// The sides of the dispute, each with its claims counted.
#[component]
pub fn SidesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    view! {
        <section class="panel" data-testid="sides-panel" aria-label="Sides">
            <h2>"Sides"</h2>
            {move || analysis.with(|a| {
                if a.sides.is_empty() {
                    return view! { <p class="empty">"No sides found yet."</p> }.into_any();
                }
                a.sides.iter().enumerate().map(|(i, s)| {
                    let n = a.claims.iter().filter(|c| c.side.is_some_and(|id| id.0 as usize == i)).count();
                    let class = format!("side-card {}", side_class(a, Some(crate::analysis::SideId(i as u32))));
                    let role = if s.role == SideRole::Party { "party" } else { "third party" };
                    view! {
                        <div class=class data-testid="side">
                            <span class="side-name">{s.name.clone()}</span>
                            <span class="side-role">{role}</span>
                            <span class="side-count">{format!("{n} claims")}</span>
                            <div class="side-aliases">{s.aliases.join(", ")}</div>
                        </div>
                    }
                }).collect::<Vec<_>>().into_any()
            })}
        </section>
    }
}

/// Every claim: speaker, side, kind, confidence and content.
#[component]
pub fn ClaimsPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    view! {
        <section class="panel" data-testid="claims-panel" aria-label="Claims">
            <h2>"Claims"</h2>
            <ol class="claim-list">
                {move || text.with(|t| analysis.with(|a| {
                    a.claims.iter().map(|c| {
                        let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into());
                        let side = c.side.map(|s| a.sides[s.0 as usize].name.clone()).unwrap_or_else(|| "no side".into());
                        let class = format!("claim-item {}", side_class(a, c.side));
                        let content: String = c.span.slice(t).chars().take(160).collect();
                        view! {
                            <li class=class>
                                <div class="claim-meta">
                                    <strong>{speaker}</strong>" · "{side}" · "{c.kind.label()}
                                    {format!(" · {:.0}%", c.confidence * 100.0)}
                                </div>
                                <div class="claim-text">{content}</div>
                            </li>
                        }
                    }).collect::<Vec<_>>()
                }))}
            </ol>
        </section>
    }
}

/// Entities, grouped: every cluster with its mention count.
#[component]
pub fn EntitiesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    view! {
        <section class="panel" data-testid="entities-panel" aria-label="Entities">
            <h2>"Entities"</h2>
            <ul class="entity-list">
                {move || analysis.with(|a| {
                    let mut clusters: Vec<(usize, &crate::analysis::Cluster)> = a.clusters.iter().enumerate()
                        .filter(|(_, c)| c.kind != EntityKind::Number)
                        .collect();
                    clusters.sort_by_key(|(_, c)| std::cmp::Reverse(c.mentions.len()));
                    clusters.into_iter().map(|(_, c)| {
                        let label = c.kind.label();
                        view! {
                            <li>
                                <mark class=format!("entity entity-{}", label.to_lowercase()) data-kind=label>{c.name.clone()}</mark>
                                <span class="count">{format!(" ×{}", c.mentions.len())}</span>
                            </li>
                        }
                    }).collect::<Vec<_>>()
                })}
            </ul>
        </section>
    }
}
