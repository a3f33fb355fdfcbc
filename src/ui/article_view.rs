//! `<ArticleView/>`: draws the core's segments as nested marks over the original text.

use crate::analysis::markup::{Mark, Segment};
use crate::analysis::{Analysis, SideRole};
use leptos::prelude::*;

/// The CSS class of a side: the two parties get their own colour, third parties share one.
pub fn side_class(analysis: &Analysis, side: Option<crate::analysis::SideId>) -> String {
    match side {
        Some(id) => match analysis.sides.get(id.0 as usize).map(|s| s.role) {
            Some(SideRole::Party) => format!("side-{}", if id.0 == 0 { "a" } else { "b" }),
            _ => "side-third".to_string(),
        },
        None => "side-none".to_string(),
    }
}

fn wrap(analysis: &Analysis, mark: Mark, starts: bool, inner: AnyView) -> AnyView {
    match mark {
        Mark::Entity(id) => {
            let e = &analysis.entities[id.0 as usize];
            let label = e.kind.label();
            let cluster = analysis.clusters[e.cluster.0 as usize].name.clone();
            let title = format!("{label}: {cluster} ({:.0}% sure)", e.confidence * 100.0);
            view! {
                <mark class=format!("entity entity-{}", label.to_lowercase()) data-testid="entity" data-kind=label
                    data-cluster=e.cluster.0 title=title>{inner}</mark>
            }
            .into_any()
        }
        Mark::Claim(id) => {
            let c = &analysis.claims[id.0 as usize];
            let class = format!("claim {}{}", side_class(analysis, c.side), if starts { " claim-start" } else { "" });
            let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown speaker".into());
            let title = format!("{} claim by {speaker} ({:.0}% sure)", c.kind.label(), c.confidence * 100.0);
            view! {
                <span class=class data-testid="claim" data-claim=id.0 data-speaker=speaker title=title>{inner}</span>
            }
            .into_any()
        }
        Mark::Speaker(id) => {
            let c = &analysis.claims[id.0 as usize];
            view! { <span class=format!("speaker {}", side_class(analysis, c.side)) data-testid="speaker" data-claim=id.0>{inner}</span> }.into_any()
        }
        Mark::Cue(id) => view! { <span class="cue" data-claim=id.0>{inner}</span> }.into_any(),
        Mark::Assertion(i) => view! { <span class="assertion" data-testid="assertion" data-assertion=i title="check-worthy statement">{inner}</span> }.into_any(),
    }
}

fn render_segment(text: &str, analysis: &Analysis, segment: &Segment) -> AnyView {
    let mut view = segment.span.slice(text).to_string().into_any();
    for mark in segment.marks.iter().rev() {
        view = wrap(analysis, *mark, segment.starts.contains(mark), view);
    }
    view
}

/// The highlighted article.
#[component]
pub fn ArticleView(text: RwSignal<String>, analysis: Memo<Analysis>, segments: Memo<Vec<Segment>>) -> impl IntoView {
    view! {
        <article class="article-view" data-testid="article-view" aria-label="Highlighted article">
            {move || {
                text.with(|t| analysis.with(|a| segments.with(|segs| {
                    segs.iter().map(|s| render_segment(t, a, s)).collect::<Vec<_>>()
                })))
            }}
        </article>
    }
}
