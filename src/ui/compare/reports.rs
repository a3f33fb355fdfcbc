//! The two reports: a text box for each (paste, type, or drop a `.txt`, `.md` or `.html` file on
//! it; closed for a long report, as the single page's box is: `crate::import::long_text`) and each
//! report highlighted as the single-article page highlights an article, in the colours of the
//! comparison's camps, with its own selection.

use super::{Report, Reports};
use crate::analysis::compare::Which;
use crate::import;
use crate::ui::article_view::ArticleView;
use crate::ui::focus_next_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// Reads a file dropped on report `which` into it (a new text: a long report's opened box closes
/// again), or says why not.
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
                reports.replace(which, article);
                message.set(format!("Opened “{name}”."));
            }
            Err(e) => message.set(e),
        }
    });
}

/// Report `which`'s text box, its word count and what became of a dropped file (dropped anywhere
/// on the report's section, so also while the box is closed). The box is closed (hidden and empty,
/// so the browser lays nothing out in it) while the report is long, unless the reader opens it; a
/// long paste is put in by the page itself and can be undone.
#[component]
pub fn ReportInput(reports: Reports, which: Which) -> impl IntoView {
    let report = reports.report(which);
    let text = report.text;
    let analysing = report.analysing;
    let opened = report.editor_opened;
    let before_paste = report.before_long_paste;
    let message = RwSignal::new(String::new());
    let label = which.label();
    let lower = label.to_lowercase();
    let closed = Memo::new(move |_| !opened.get() && text.with(|t| import::long_text::is_long(t)));
    let area = NodeRef::<leptos::html::Textarea>::new();
    let open_button = NodeRef::<leptos::html::Button>::new();
    let on_dragover = move |ev: web_sys::DragEvent| {
        if crate::ui::article_in::carries_files(&ev) {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let file = ev.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            open_dropped(file, reports, which, message);
        }
    };
    // Focus goes to the note's button once it is drawn (the box it was in is now hidden).
    let paste_long = Callback::new(move |new_text: String| {
        reports.paste_long(which, new_text);
        focus_next_frame(open_button);
    });
    let open = move |_| {
        opened.set(true);
        focus_next_frame(area);
    };
    let undo = move |_| {
        if let Some(before) = before_paste.get_untracked() {
            reports.set_text(which, before);
        }
    };
    let size = move || text.with(|t| import::megabytes(t.len() as u64));
    let words = move || text.with(|t| t.split_whitespace().count());
    // The note's test ids (static: the note is drawn again each time the box closes).
    let (note_id, open_id, undo_id) = match which {
        Which::A => ("long-text-a", "open-report-a", "undo-paste-a"),
        Which::B => ("long-text-b", "open-report-b", "undo-paste-b"),
    };
    view! {
        <section class="report-input" data-testid=format!("report-input-{lower}")
            aria-labelledby=format!("report-title-{label}") on:dragover=on_dragover on:drop=on_drop>
            <h2 id=format!("report-title-{label}")>{format!("Report {label}")}
                <span class="word-count" aria-live="polite">{move || format!(" {} words", words())}</span>
                " "
                <span class="analysis-status" data-testid=format!("analysis-status-{lower}") role="status"
                    data-state=move || if analysing.get() { "analysing" } else { "done" }>
                    {move || analysing.get().then_some("Analysing…")}
                </span>
            </h2>
            <textarea
                data-testid=format!("report-text-{lower}")
                aria-label=format!("Paste report {label} here")
                placeholder=format!("Paste report {label} here, or drop a file on this box…")
                node_ref=area
                hidden=move || closed.get()
                prop:value=move || if closed.get() { String::new() } else { text.get() }
                on:input=move |ev| reports.set_text(which, event_target_value(&ev))
                on:paste=move |ev| crate::ui::article_in::paste(ev, paste_long)
            ></textarea>
            <Show when=move || closed.get()>
                <div class="long-text" data-testid=note_id role="status">
                    {format!("Report {label} is long (")} {size}
                    "), so its text box is closed to keep the page quick; the whole report is shown highlighted below. "
                    <span class="long-text-actions">
                        <button data-testid=open_id node_ref=open_button
                            title="Laying out a long text in the box takes a moment" on:click=open>
                            {format!("Edit report {label} anyway")}
                        </button>
                        <Show when=move || before_paste.with(Option::is_some)>
                            <button data-testid=undo_id on:click=undo>
                                {format!("Undo the paste into report {label}")}
                            </button>
                        </Show>
                    </span>
                </div>
            </Show>
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
