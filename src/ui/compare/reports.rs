//! The two reports: a text box for each (paste, type, or drop a `.txt`, `.md` or `.html` file on
//! it) and each report highlighted as the single-article page highlights an article, in the
//! colours of the comparison's camps, with its own selection.

use super::{Report, Reports};
use crate::analysis::compare::Which;
use crate::import;
use crate::ui::article_view::ArticleView;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Reads a file dropped on report `which`'s text box into it, or says why not.
fn open_dropped(file: web_sys::File, reports: Reports, which: Which, message: RwSignal<String>) {
    let name = file.name();
    let kind = match import::check(&name, &file.type_(), file.size() as u64) {
        Ok(kind) => kind,
        Err(e) => return message.set(e.to_string()),
    };
    spawn_local(async move {
        let contents = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        let result = match contents {
            Some(contents) => import::article(&name, kind, &contents).map_err(|e| e.to_string()),
            None => Err(format!("“{name}” could not be read. The report is unchanged.")),
        };
        match result {
            Ok(article) => {
                reports.set_text(which, article);
                message.set(format!("Opened “{name}”."));
            }
            Err(e) => message.set(e),
        }
    });
}

/// Report `which`'s text box, its word count and what became of a dropped file.
#[component]
pub fn ReportInput(reports: Reports, which: Which) -> impl IntoView {
    let report = reports.report(which);
    let text = report.text;
    let analysing = report.analysing;
    let message = RwSignal::new(String::new());
    let label = which.label();
    let on_drop = move |ev: web_sys::DragEvent| {
        let file = ev.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            open_dropped(file, reports, which, message);
        }
    };
    let words = move || text.with(|t| t.split_whitespace().count());
    view! {
        <section class="report-input" data-testid=format!("report-input-{}", label.to_lowercase())
            aria-labelledby=format!("report-title-{label}")>
            <h2 id=format!("report-title-{label}")>{format!("Report {label}")}
                <span class="word-count" aria-live="polite">{move || format!(" {} words", words())}</span>
                " "
                <span class="analysis-status" data-testid=format!("analysis-status-{}", label.to_lowercase()) role="status"
                    data-state=move || if analysing.get() { "analysing" } else { "done" }>
                    {move || analysing.get().then_some("Analysing…")}
                </span>
            </h2>
            <textarea
                data-testid=format!("report-text-{}", label.to_lowercase())
                aria-label=format!("Paste report {label} here")
                placeholder=format!("Paste report {label} here, or drop a file on this box…")
                prop:value=move || text.get()
                on:input=move |ev| reports.set_text(which, event_target_value(&ev))
                on:drop=on_drop
            ></textarea>
            <p class="file-message" role="status">{move || message.get()}</p>
        </section>
    }
}

/// Report `report` highlighted, with its own selection (given to the marks through context).
#[component]
pub fn ReportView(report: Report) -> impl IntoView {
    provide_context(report.ui);
    let label = report.which.label();
    let heading = match report.which {
        Which::A => "Highlighted report A",
        Which::B => "Highlighted report B",
    };
    view! {
        <div class="report-column" data-testid=format!("report-{}", label.to_lowercase())>
            <h2>{format!("Report {label}")}</h2>
            <ArticleView text=report.shown analysis=report.drawn segments=report.segments
                id_prefix=report.id_prefix() label=heading />
        </div>
    }
}
