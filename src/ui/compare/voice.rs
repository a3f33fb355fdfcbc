//! The voice table: for each camp, in each report, its claims, quoted words, named and anonymous
//! claims, named sources, and whether it has the first or the last word.

use super::{camp_class, Reports};
use crate::analysis::compare::Which;
use crate::analysis::SideBalance;
use leptos::prelude::*;

/// One row: a camp and its voice in A and in B, with each report's number of claims.
#[derive(Clone, Debug, PartialEq)]
struct VoiceRow {
    name: String,
    class: &'static str,
    voice: [Option<SideBalance>; 2],
    total: [usize; 2],
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A camp's voice in one report, as a cell.
fn cell(voice: Option<SideBalance>, total: usize, which: Which, camp: &str) -> AnyView {
    let Some(v) = voice else {
        return view! { <td data-report=which.label() class="absent">"not in this report"</td> }.into_any();
    };
    let order = match (v.speaks_first, v.speaks_last) {
        (true, true) => Some("first and last word"),
        (true, false) => Some("first word"),
        (false, true) => Some("last word"),
        (false, false) => None,
    };
    view! {
        <td data-report=which.label()>
            <meter class="bar" min="0" max=total.max(1).to_string() value=v.n_claims.to_string()
                aria-label=format!("{camp}: {} of the {total} claims of report {}", v.n_claims, which.label())></meter>
            <ul class="voice">
                <li data-testid="voice-claims">{plural(v.n_claims, "claim", "claims")}</li>
                <li>{plural(v.quoted_words, "quoted word", "quoted words")}</li>
                <li>{format!("{} named · {} anonymous", v.n_named_claims, v.n_anonymous_claims)}</li>
                <li>{plural(v.n_named_sources, "named source", "named sources")}</li>
                {order.map(|o| view! { <li class="first-last" data-testid="voice-order">{o}</li> })}
            </ul>
        </td>
    }
    .into_any()
}

/// The table of each camp's voice in the two reports.
#[component]
pub fn VoiceTable(reports: Reports) -> impl IntoView {
    let rows = move || {
        let total = [reports.a.analysis.with(|a| a.claims.len()), reports.b.analysis.with(|b| b.claims.len())];
        reports.comparison.with(|c| {
            (0..c.camps.len())
                .map(|i| VoiceRow {
                    name: c.camps[i].name.clone(),
                    class: camp_class(&c.camps, Some(i)),
                    voice: [c.voice_of(i, Which::A).cloned(), c.voice_of(i, Which::B).cloned()],
                    total,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel compare-panel" data-testid="voice-panel" aria-labelledby="voice-title">
            <h2 id="voice-title">"Whose voice each report carries"</h2>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="empty">"Nobody is quoted on either side yet."</p> }.into_any();
                }
                view! {
                    <table class="voice-table" data-testid="voice-table">
                        <caption class="visually-hidden">"Each camp's claims, quoted words, named and anonymous claims, named sources, and first or last word, in report A and in report B"</caption>
                        <thead><tr><th scope="col">"Camp"</th><th scope="col">"Report A"</th><th scope="col">"Report B"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let [va, vb] = r.voice;
                                view! {
                                    <tr class=format!("voice-row {}", r.class) data-testid="voice-row" data-camp=r.name.clone()>
                                        <th scope="row">{r.name.clone()}</th>
                                        {cell(va, r.total[0], Which::A, &r.name)}
                                        {cell(vb, r.total[1], Which::B, &r.name)}
                                    </tr>
                                }
                            }).collect::<Vec<_>>()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
