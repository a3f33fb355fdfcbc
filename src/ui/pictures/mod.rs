//! The pictures of the dispute, drawn as inline SVG: a balance chart per side, who accuses whom
//! between the camps (`<Pictures/>`, below the article) and a minimap of where each side's claims
//! sit (`<Minimap/>`, beside it).
//!
//! The markup comes from [`crate::pictures`] (pure, escaped, tested natively); these components put
//! it in place and turn clicks on it into selections. It is derived on each change of the analysis
//! and the page writes it into the DOM only when it differs from what is there (`inner_html`
//! compares), so a keystroke that changes no picture redraws nothing. What a click on a picture does, a button or key does too, for the keyboard and
//! screen readers; each chart carries a `<title>` and a `<desc>`.

mod minimap;

use crate::analysis::{Analysis, ClaimId, SideId};
use crate::pictures::{self, claims_count};
use crate::ui::article_view::focus_claim;
use crate::ui::state::UiState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use minimap::Minimap;

/// The value of `attr` on the clicked element or its nearest ancestor that has it.
fn clicked(ev: &leptos::ev::MouseEvent, attr: &str) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)
}

/// The balance charts and the accusations diagram, in one panel below the article. A click on an
/// arrow, or on its button in the list (the keyboard's way in), lists that pair's claims.
#[component]
pub fn Pictures(text: Memo<String>, analysis: Memo<Analysis>) -> impl IntoView {
    let ui = UiState::get();
    let pairs = Memo::new(move |_| text.with(|t| analysis.with(|a| pictures::pairs(t, a))));
    let open = RwSignal::new(None::<(SideId, SideId)>);
    let glance = move || analysis.with(|a| pairs.with(|p| pictures::at_a_glance(a, p, open.get())));
    let toggle = move |pair: (SideId, SideId)| open.update(|o| *o = if *o == Some(pair) { None } else { Some(pair) });
    let on_arrow = move |ev: leptos::ev::MouseEvent| {
        let side = |attr| clicked(&ev, attr).and_then(|v| v.parse().ok()).map(SideId);
        if let (Some(from), Some(to)) = (side("data-from"), side("data-to")) {
            toggle((from, to));
        }
    };
    let pair_buttons = move || {
        pairs.with(|ps| {
            ps.iter()
                .map(|p| {
                    let key = (p.from, p.to);
                    view! {
                        <li class=p.class>
                            <button class="pair-button" data-testid="accusation-pair"
                                aria-expanded=move || (open.get() == Some(key)).to_string() on:click=move |_| toggle(key)>
                                {format!("{} · {}", p.label, claims_count(p.claims.len()))}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    // The open pair's claims; a click selects one in the article.
    let open_claims = move || {
        let key = open.get()?;
        pairs.with(|ps| {
            let p = ps.iter().find(|p| (p.from, p.to) == key)?;
            let items = p
                .claims
                .iter()
                .map(|(id, line)| {
                    let id: ClaimId = *id;
                    view! { <li><button class="claim-button" on:click=move |_| focus_claim(ui, id)>{line.clone()}</button></li> }
                })
                .collect::<Vec<_>>();
            Some(view! {
                <ul class="accused-claims" data-testid="accusation-claims" aria-label=format!("Claims: {}", p.label)>{items}</ul>
            })
        })
    };
    view! {
        <section class="panel pictures" data-testid="pictures" aria-label="The dispute at a glance">
            <h2>"At a glance"</h2>
            <div on:click=on_arrow inner_html=glance></div>
            <ul class="accusation-list" aria-label="Accusations between sides: open one to list its claims">{pair_buttons}</ul>
            {open_claims}
        </section>
    }
}
