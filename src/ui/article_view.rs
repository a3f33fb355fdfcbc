//! `<ArticleView/>`: draws the core's segments as nested marks over the original text; a click
//! on a mark selects it.

use super::state::{Layer, Selection, UiState};
use crate::analysis::markup::{Mark, Segment};
use crate::analysis::{Analysis, ClaimId};
use leptos::prelude::*;

pub use crate::analysis::markup::side_class;

/// Scrolls the start of claim `index` into view (smoothly, centred).
pub fn scroll_to_claim(index: usize) {
    if let Some(el) = document().get_element_by_id(&format!("claim-{index}")) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn wrap(analysis: &Analysis, selection: Option<Selection>, mark: Mark, starts: bool, inner: AnyView) -> AnyView {
    let ui = use_context::<UiState>().unwrap_or_default();
    match mark {
        Mark::Entity(id) => {
            let e = &analysis.entities[id.0 as usize];
            let label = e.kind.label();
            let cluster = analysis.clusters[e.cluster.0 as usize].name.clone();
            let selected = matches!(selection, Some(Selection::Entity(s)) if analysis.entities[s.0 as usize].cluster == e.cluster);
            let class = format!("entity entity-{}{}", label.to_lowercase(), if selected { " selected" } else { "" });
            let title = format!("{label}: {cluster} ({:.0}% sure). Click for why.", e.confidence * 100.0);
            view! {
                <mark class=class data-testid="entity" data-kind=label data-cluster=e.cluster.0 title=title
                    on:click=move |ev| { ev.stop_propagation(); ui.selection.set(Some(Selection::Entity(id))) }>{inner}</mark>
            }
            .into_any()
        }
        Mark::Claim(id) => {
            let c = &analysis.claims[id.0 as usize];
            let selected = selection == Some(Selection::Claim(id));
            let class = format!(
                "claim {}{}{}",
                side_class(analysis, c.side),
                if starts { " claim-start" } else { "" },
                if selected { " selected" } else { "" }
            );
            let speaker = c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown speaker".into());
            let title = format!("{} claim by {speaker} ({:.0}% sure). Click for why.", c.kind.label(), c.confidence * 100.0);
            let dom_id = starts.then(|| format!("claim-{}", id.0));
            view! {
                <span class=class id=dom_id data-testid="claim" data-claim=id.0 data-speaker=speaker title=title
                    on:click=move |_| ui.selection.set(Some(Selection::Claim(id)))>{inner}</span>
            }
            .into_any()
        }
        Mark::Speaker(id) => {
            let c = &analysis.claims[id.0 as usize];
            view! {
                <span class=format!("speaker {}", side_class(analysis, c.side)) data-testid="speaker" data-claim=id.0
                    on:click=move |_| ui.selection.set(Some(Selection::Claim(id)))>{inner}</span>
            }
            .into_any()
        }
        Mark::Cue(id) => view! { <span class="cue" data-claim=id.0>{inner}</span> }.into_any(),
        Mark::Assertion(i) => {
            let selected = selection == Some(Selection::Assertion(i));
            view! {
                <span class=if selected { "assertion selected" } else { "assertion" } data-testid="assertion" data-assertion=i
                    title="Check-worthy: a factual statement nobody is quoted for. Click for why."
                    on:click=move |_| ui.selection.set(Some(Selection::Assertion(i)))>{inner}</span>
            }
            .into_any()
        }
    }
}

fn render_segment(text: &str, analysis: &Analysis, selection: Option<Selection>, segment: &Segment) -> AnyView {
    let mut view = segment.span.slice(text).to_string().into_any();
    for mark in segment.marks.iter().rev() {
        view = wrap(analysis, selection, *mark, segment.starts.contains(mark), view);
    }
    view
}

/// The highlighted article. Hidden layers are classes on the container, so toggling a layer
/// restyles without re-rendering.
#[component]
pub fn ArticleView(text: RwSignal<String>, analysis: Memo<Analysis>, segments: Memo<Vec<Segment>>) -> impl IntoView {
    let ui = use_context::<UiState>().unwrap_or_default();
    let class = move || {
        ui.hidden.with(|h| {
            let mut class = String::from("article-view");
            for layer in Layer::ALL.iter().filter(|l| h.contains(l)) {
                class.push(' ');
                class.push_str(layer.hidden_class());
            }
            class
        })
    };
    view! {
        <article class=class data-testid="article-view" aria-label="Highlighted article" tabindex="0">
            {move || {
                let selection = ui.selection.get();
                text.with(|t| analysis.with(|a| segments.with(|segs| {
                    if t.trim().is_empty() {
                        return view! { <p class="empty">"Paste an article above, or load the demo, to see its entities, claims and sides."</p> }.into_any();
                    }
                    segs.iter().map(|s| render_segment(t, a, selection, s)).collect::<Vec<_>>().into_any()
                })))
            }}
        </article>
    }
}

/// Selects claim `id` and scrolls to it (used by the panels).
pub fn focus_claim(ui: UiState, id: ClaimId) {
    ui.selection.set(Some(Selection::Claim(id)));
    scroll_to_claim(id.0 as usize);
}
