//! The panels beside and below the article: the legend (which is also the layer toggle), "why
//! this?", claims, entities, and the narratives view (a column per side, counter-claims paired).

use super::article_view::{focus_claim, side_class};
use super::state::{Layer, Selection, UiState};
use crate::analysis::sides::SideEdit;
use crate::analysis::{Analysis, ClaimId, EntityId, EntityKind, Evidence, SideId, SideRole};
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

/// A hash of everything an item shows: the key that lets `<For>` keep unchanged rows.
fn key_of(item: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    item.hash(&mut hasher);
    hasher.finish()
}

/// One row of the claims panel, resolved from the analysis.
#[derive(Clone, Debug, PartialEq, Hash)]
struct ClaimRow {
    id: ClaimId,
    class: String,
    speaker: String,
    meta: String,
    content: String,
}

/// Every claim: speaker, side, kind, confidence and content; a click scrolls to it. Rows are
/// keyed, so typing re-renders only the rows whose claim changed.
#[component]
pub fn ClaimsPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    let rows = Memo::new(move |_| {
        let selection = ui.selection.get();
        text.with(|t| {
            analysis.with(|a| {
                a.claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = ClaimId(i as u32);
                        let side =
                            c.side.map(|s| a.sides[s.0 as usize].name.clone()).unwrap_or_else(|| "no side".into());
                        let selected = selection == Some(Selection::Claim(id));
                        ClaimRow {
                            id,
                            class: format!(
                                "claim-item {}{}",
                                side_class(a, c.side),
                                if selected { " selected" } else { "" }
                            ),
                            speaker: c.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into()),
                            meta: format!(
                                " · {side} · {} · {:.0}%",
                                c.kind.label().replace('_', " "),
                                c.confidence * 100.0
                            ),
                            content: c.span.slice(t).chars().take(160).collect(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="panel" data-testid="claims-panel" aria-label="Claims">
            <h2>{move || format!("Claims ({})", rows.with(Vec::len))}</h2>
            <ol class="claim-list">
                <For each=move || rows.get() key=key_of children=move |row| {
                    let id = row.id;
                    view! {
                        <li class=row.class data-testid="claim-item">
                            <button class="claim-button" on:click=move |_| focus_claim(ui, id)>
                                <span class="claim-meta"><strong>{row.speaker}</strong>{row.meta}</span>
                                <span class="claim-text">{row.content}</span>
                            </button>
                        </li>
                    }
                } />
            </ol>
        </section>
    }
}

/// One chip of the entities panel.
#[derive(Clone, Debug, PartialEq, Hash)]
struct EntityChip {
    cluster: u32,
    first: EntityId,
    name: String,
    label: &'static str,
    count: usize,
}

/// Entities, grouped: every cluster with its mention count; a click highlights every mention.
#[component]
pub fn EntitiesPanel(analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    let chips = Memo::new(move |_| {
        analysis.with(|a| {
            let mut chips: Vec<EntityChip> = a
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind != EntityKind::Number && !c.mentions.is_empty())
                .map(|(i, c)| EntityChip {
                    cluster: i as u32,
                    first: c.mentions[0],
                    name: c.name.clone(),
                    label: c.kind.label(),
                    count: c.mentions.len(),
                })
                .collect();
            chips.sort_by_key(|c| std::cmp::Reverse(c.count));
            chips
        })
    });
    view! {
        <section class="panel" data-testid="entities-panel" aria-label="Entities">
            <h2>"Entities"</h2>
            <ul class="entity-list">
                <For each=move || chips.get() key=key_of children=move |chip| {
                    let (first, cluster) = (chip.first, chip.cluster);
                    view! {
                        <li>
                            <button class=format!("entity-chip entity-{}", chip.label.to_lowercase()) data-kind=chip.label
                                on:click=move |_| {
                                    ui.selection.set(Some(Selection::Entity(first)));
                                    let selector = format!("[data-testid=entity][data-cluster=\"{cluster}\"]");
                                    if let Some(el) = document().query_selector(&selector).ok().flatten() {
                                        el.scroll_into_view();
                                    }
                                }>
                                {chip.name}<span class="count">{format!(" ×{}", chip.count)}</span>
                            </button>
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}

/// "1 claim", "3 claims".
fn claims_count(n: usize) -> String {
    if n == 1 {
        "1 claim".to_string()
    } else {
        format!("{n} claims")
    }
}

/// Puts an action menu back on its prompt ("Move…"): the panel re-renders into the same elements,
/// so a choice left selected would show against the next actor in the list.
fn reset_choice(ev: &leptos::ev::Event) {
    event_target::<web_sys::HtmlSelectElement>(ev).set_value("");
}

/// Controls to rename a side, merge it into another, or move one of its actors elsewhere.
fn side_controls(a: &Analysis, id: SideId) -> AnyView {
    let ui = ui();
    // Controls are built only for open editors: a closed one costs one element per keystroke.
    let open = ui.open_editors.with(|o| o.contains(&id));
    let on_toggle = move |ev: leptos::ev::Event| {
        let now_open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if now_open != ui.open_editors.with_untracked(|o| o.contains(&id)) {
            ui.open_editors.update(|o| if now_open { o.push(id) } else { o.retain(|x| *x != id) });
        }
    };
    if !open {
        return view! {
            <details class="side-edit" on:toggle=on_toggle><summary>"Edit this side"</summary></details>
        }
        .into_any();
    }
    let side = &a.sides[id.0 as usize];
    let others: Vec<(u32, String)> = a
        .sides
        .iter()
        .enumerate()
        .filter(|(i, _)| *i as u32 != id.0)
        .map(|(i, s)| (i as u32, s.name.clone()))
        .collect();
    let merge_options = others
        .iter()
        .map(|(i, n)| view! { <option value=i.to_string()>{format!("Merge into {n}")}</option> })
        .collect::<Vec<_>>();
    let members = side
        .members
        .iter()
        .filter(|m| a.clusters.get(m.0 as usize).is_some_and(|c| c.kind != EntityKind::Place))
        .map(|m| {
            let cluster = *m;
            let name = a.clusters[m.0 as usize].name.clone();
            let options = others
                .iter()
                .map(|(i, n)| view! { <option value=i.to_string()>{format!("Move to {n}")}</option> })
                .collect::<Vec<_>>();
            view! {
                <li class="member">
                    {name.clone()}
                    <select aria-label=format!("Move {name} to another side") data-testid="move-actor"
                        on:change=move |ev| {
                            if let Ok(to) = event_target_value(&ev).parse::<u32>() {
                                reset_choice(&ev);
                                ui.edit(SideEdit::MoveActor { cluster, to: SideId(to) });
                            }
                        }>
                        <option value="">"Move…"</option>
                        {options}
                    </select>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <details class="side-edit" open=true on:toggle=on_toggle>
            <summary>"Edit this side"</summary>
            <label>"Name "
                <input data-testid="rename-side" value=side.name.clone() aria-label="Rename this side"
                    on:change=move |ev| {
                        let name = event_target_value(&ev).trim().to_string();
                        if !name.is_empty() {
                            ui.edit(SideEdit::Rename { side: id, name });
                        }
                    } />
            </label>
            <select aria-label="Merge this side into another" data-testid="merge-side"
                on:change=move |ev| {
                    if let Ok(into) = event_target_value(&ev).parse::<u32>() {
                        reset_choice(&ev);
                        ui.edit(SideEdit::Merge { from: id, into: SideId(into) });
                    }
                }>
                <option value="">"Merge…"</option>
                {merge_options}
            </select>
            <ul class="members">{members}</ul>
        </details>
    }
    .into_any()
}

/// A hash of everything the narratives panel shows, so that a keystroke which changes no claim,
/// side or pair (most keystrokes) does not re-render the panel.
fn narratives_fingerprint(text: &str, a: &Analysis) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for s in &a.sides {
        (&s.name, s.role.label(), &s.aliases).hash(&mut h);
        let b = &s.balance;
        (b.n_claims, b.quoted_words, b.n_named_claims, b.n_anonymous_claims, b.n_named_sources).hash(&mut h);
        (b.speaks_first, b.speaks_last).hash(&mut h);
        for m in &s.members {
            (m.0, a.clusters.get(m.0 as usize).map(|c| (&c.name, c.kind))).hash(&mut h);
        }
    }
    for c in &a.claims {
        (c.side, c.speaker.as_ref().map(|s| &s.name), c.span.slice(text)).hash(&mut h);
    }
    for p in &a.counter_claims {
        (p.claim, p.counter).hash(&mut h);
    }
    h.finish()
}

/// The narratives: a column per party with its claims and balance, counter-claims side by side,
/// third parties apart, and the reader's edits to the sides.
#[component]
pub fn NarrativesPanel(text: RwSignal<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = ui();
    let shown = Memo::new(move |_| text.with(|t| analysis.with(|a| narratives_fingerprint(t, a))));
    view! {
        <section class="panel narratives" data-testid="sides-panel" aria-label="Competing narratives">
            <h2>"Narratives"</h2>
            <Show when=move || ui.edits.with(|e| !e.is_empty())>
                <p class="edits" data-testid="reader-edits">
                    {move || ui.edits.with(|e| format!("Your edits to the sides: {}. ", e.len()))}
                    <button on:click=move |_| ui.edits.update(|e| { e.pop(); })>"Undo last"</button>
                    " "
                    <button on:click=move |_| ui.edits.set(Vec::new())>"Reset"</button>
                </p>
            </Show>
            {move || { let _ = shown.get(); text.with_untracked(|t| analysis.with_untracked(|a| {
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
                    let b = &s.balance;
                    let order = match (b.speaks_first, b.speaks_last) {
                        (true, true) => " · speaks first and last",
                        (true, false) => " · speaks first",
                        (false, true) => " · speaks last",
                        _ => "",
                    };
                    view! {
                        <div class=format!("side-column {}", side_class(a, Some(id))) data-testid="side">
                            <h3><span class="side-name">{s.name.clone()}</span>
                                <span class="side-count">{claims_count(claims.len())}</span></h3>
                            <meter class="bar" min="0" max=total.to_string() value=claims.len().to_string()
                                aria-label=format!("{} of {} claims", claims.len(), a.claims.len())></meter>
                            <p class="balance" data-testid="balance">{format!(
                                "{} quoted words · {} named, {} anonymous claims · {} named sources{order}",
                                b.quoted_words, b.n_named_claims, b.n_anonymous_claims, b.n_named_sources
                            )}</p>
                            <div class="side-aliases">{s.aliases.iter().take(8).cloned().collect::<Vec<_>>().join(", ")}</div>
                            <ul>{claims.iter().map(|&j| claim_line(j, a, t)).collect::<Vec<_>>()}</ul>
                            {side_controls(a, id)}
                        </div>
                    }
                }).collect::<Vec<_>>();
                let pairs = a.counter_claims.iter().map(|p| {
                    // The first party's claim on the left, as in the columns above.
                    let (x, y) = (p.claim.0 as usize, p.counter.0 as usize);
                    let (x, y) = if a.claims[x].side.is_some_and(|s| s.0 == 1) { (y, x) } else { (x, y) };
                    view! {
                        <div class="pair" data-testid="counter-claim">
                            <ul class=side_class(a, a.claims[x].side)>{claim_line(x, a, t)}</ul>
                            <span class="versus" aria-label="versus">"vs"</span>
                            <ul class=side_class(a, a.claims[y].side)>{claim_line(y, a, t)}</ul>
                        </div>
                    }
                }).collect::<Vec<_>>();
                let third = a.sides.iter().enumerate().filter(|(_, s)| s.role == SideRole::ThirdParty).map(|(i, s)| {
                    let id = SideId(i as u32);
                    let n = a.claims.iter().filter(|c| c.side == Some(id)).count();
                    view! {
                        <li data-testid="side" class="third-party">
                            <span class="side-name">{s.name.clone()}</span>
                            <span class="side-count">{format!(" {}", claims_count(n))}</span>
                            {side_controls(a, id)}
                        </li>
                    }
                }).collect::<Vec<_>>();
                let unaligned = a.claims.iter().filter(|c| c.side.is_none()).count();
                view! {
                    <div class="side-columns">{columns}</div>
                    {(!pairs.is_empty()).then(|| view! { <h3>"Claim and counter-claim"</h3><div class="pairs">{pairs}</div> })}
                    <h3>"Third parties"</h3>
                    <ul class="third-parties">{third}</ul>
                    <p class="side-count">{format!("{unaligned} claims from sources not tied to a side.")}</p>
                }.into_any()
            }))}}
        </section>
    }
}
