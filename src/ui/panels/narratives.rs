//! The narratives panel: a column per party with its claims and balance, counter-claims side by
//! side, third parties apart, and the reader's edits to the sides (rename, merge, move an actor).

use crate::analysis::sides::SideEdit;
use crate::analysis::{Analysis, ClaimId, EntityKind, SideId, SideRole, Standing};
use crate::drawing::{side_class, speaker_name};
use crate::ui::article_view::focus_claim;
use crate::ui::state::UiState;
use leptos::prelude::*;

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
///
/// Long only because the three controls (rename, merge, move an actor) are one form.
fn side_controls(a: &Analysis, id: SideId) -> AnyView {
    let ui = UiState::get();
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
    let side = a.side(id);
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
            let name = a.cluster(cluster).name.clone();
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

/// The claims listed in a side's column (and the claim/counter-claim pairs listed): a very long
/// article's column names how many more there are instead of drawing thousands at once.
const COLUMN_CLAIMS: usize = 100;

/// The narratives: a column per party with its claims and balance, counter-claims side by side,
/// third parties apart, and the reader's edits to the sides.
///
/// Long only because it is the panel's one view: columns, pairs and third parties in reading order.
#[component]
pub fn NarrativesPanel(text: Memo<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
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
                if a.sides.is_empty() && a.claims.is_empty() {
                    return view! { <p class="empty">"No sides found yet: they appear when people or governments are quoted."</p> }.into_any();
                }
                // Ordinary news: nobody is set against anybody, and the page says so instead of
                // inventing two sides.
                let no_dispute = (a.parties().count() < 2).then(|| view! {
                    <p class="no-dispute" data-testid="no-dispute">
                        "This article reports no dispute between two sides, so no sides are drawn: "
                        "the people and bodies quoted are listed below."
                    </p>
                });
                let total = a.claims.len().max(1);
                let claim_line = move |i: usize, a: &Analysis, t: &str| {
                    let c = &a.claims[i];
                    let speaker = speaker_name(c).to_string();
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
                    let n_claims = s.balance.n_claims as usize;
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
                                <span class="side-count">{claims_count(n_claims)}</span></h3>
                            <meter class="bar" min="0" max=total.to_string() value=n_claims.to_string()
                                aria-label=format!("{} of {} claims", n_claims, a.claims.len())></meter>
                            <p class="balance" data-testid="balance">{format!(
                                "{} quoted words · {} named, {} anonymous claims · {} named sources{order}",
                                b.quoted_words, b.n_named_claims, b.n_anonymous_claims, b.n_named_sources
                            )}</p>
                            <div class="side-aliases">{s.aliases.iter().take(8).cloned().collect::<Vec<_>>().join(", ")}</div>
                            <ul>{claims.iter().take(COLUMN_CLAIMS).map(|&j| claim_line(j, a, t)).collect::<Vec<_>>()}</ul>
                            {(claims.len() > COLUMN_CLAIMS).then(|| view! {
                                <p class="side-count" data-testid="more-claims">{format!(
                                    "{} more claims from this side are in the claims list.", claims.len() - COLUMN_CLAIMS
                                )}</p>
                            })}
                            {side_controls(a, id)}
                        </div>
                    }
                }).collect::<Vec<_>>();
                let pairs = a.counter_claims.iter().take(COLUMN_CLAIMS).map(|p| {
                    // The first party's claim on the left, as in the columns above.
                    let (x, y) = (p.claim.0 as usize, p.counter.0 as usize);
                    let (x, y) = if a.standing(a.claims[x].side) == Standing::SecondParty { (y, x) } else { (x, y) };
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
                    let n = s.balance.n_claims as usize;
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
                    {no_dispute}
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
