//! The Leptos page: one source signal (the article text), its analysis made in a Web Worker
//! (`analyser.rs`) and delivered with the text it was made from, a `Memo` that applies the
//! reader's side edits, and components that draw derived values. Nothing here analyses text;
//! `crate::analysis` does. `App` only wires the pieces: the opening (`opening.rs`), the text and
//! its companions (`article.rs`), the keyboard (`keys.rs`), the messages (`banners.rs`), the
//! editor and panels;
//! the link dictionaries (`link_dictionaries.rs`), loaded only when a link is opened or made.
//! `ComparePage` (`compare/`) is the page that compares two reports, mounted instead of `App`
//! at `?compare` or by a comparison link.

mod analyser;
mod article;
mod article_in;
mod article_view;
mod banners;
mod compare;
#[cfg(feature = "crash-test")]
mod crash_test;
mod keys;
mod link_dictionaries;
mod offline;
mod opening;
mod panels;
mod pictures;
mod progressive;
mod share_bar;
mod state;
mod storage;
mod windowed;

use crate::analysis::{markup, sides, Analysis, ANALYZER_VERSION};
use crate::share;
use leptos::prelude::*;

pub use analyser::analyse_to_bytes;
use article::{Article, PanelsView};
use article_in::OpenFile;
use article_view::{ArticleDrawing, ArticleView};
use banners::{
    ArrivingLinkBanner, KeptTextBanner, LinkErrorBanner, NotSavedBanner, PasteRequestBanner, PausedBanner,
    ViewNoteBanner,
};
pub use compare::{wanted as compare_wanted, ComparePage};
pub use link_dictionaries::give_link_dictionaries_file;
use offline::OfflineStatus;
use panels::{ClaimsPanel, EntitiesPanel, Legend, NarrativesPanel, WhyPanel};
use pictures::{Minimap, Pictures};
use share_bar::ShareBar;
pub use state::{Layer, Selection, UiState};
pub use storage::{load as saved_text, note_crash};

/// The analysis on screen (of `article.shown`) with the reader's side edits applied over it.
fn analysis_memo(article: Article, ui: UiState) -> Memo<Analysis> {
    Memo::new(move |_| {
        let mut a = article.analysed.get();
        ui.edits.with(|edits| sides::apply_edits(&mut a, edits));
        a
    })
}

/// Says, beside the word count, that the analysis of the latest text is still being made or a long
/// article's highlights are still being drawn (`data-state` "analysing" or "drawing"; shown only
/// when it takes a moment: the style sheet fades it in after a short delay). "done" means the
/// latest text's highlights are all drawn.
#[component]
fn AnalysisStatus(article: Article, drawing: ArticleDrawing) -> impl IntoView {
    let analysing = article.analysing;
    let state = move || {
        if analysing.get() {
            "analysing"
        } else if drawing.pending() {
            "drawing"
        } else {
            "done"
        }
    };
    // One word for the reader while the page works on the latest text, analysing or drawing it.
    let label = move || (state() != "done").then_some("Analysing…");
    view! {
        <span class="analysis-status" data-testid="analysis-status" role="status" data-state=state>
            {label}
        </span>
    }
}

/// Focuses the element of `node` when the page next draws: an element a change has just shown (a
/// text box opened, a note's button) is in the page only then.
pub(crate) fn focus_next_frame<E>(node: NodeRef<E>)
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(element) = node.get_untracked() {
            let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&element).focus();
        }
    });
}

/// Says that the text box is closed because the text is long (`crate::import::long_text`): the
/// text is shown highlighted below; the reader may open the box anyway, or undo a long paste.
#[component]
fn LongTextNote(
    article: Article,
    closed: Memo<bool>,
    area: NodeRef<leptos::html::Textarea>,
    open_button: NodeRef<leptos::html::Button>,
) -> impl IntoView {
    let ui = UiState::get();
    let open = move |_| {
        article.editor_opened.set(true);
        focus_next_frame(area);
    };
    let undo = move |_| {
        if let Some(before) = article.before_long_paste.get_untracked() {
            article.set(ui, before, false);
        }
    };
    let size = move || article.text.with(|t| crate::import::megabytes(t.len() as u64));
    view! {
        <Show when=move || closed.get()>
            <div class="long-text" data-testid="long-text" role="status">
                "This article is long (" {size} "), so the text box is closed to keep the page quick; "
                "the whole text is shown highlighted below. "
                <span class="long-text-actions">
                    <button data-testid="open-editor" node_ref=open_button
                        title="Laying out a long text in the box takes a moment" on:click=open>
                        "Edit the text anyway"
                    </button>
                    <Show when=move || article.before_long_paste.with(Option::is_some)>
                        <button data-testid="undo-long-paste" on:click=undo>"Undo the paste"</button>
                    </Show>
                </span>
            </div>
        </Show>
    }
}

/// The article's editor: actions, share bar, the text box, the legend, the marked-up article and
/// the narratives. Typing goes through here; an annotations-only link waiting for the article
/// whose fingerprint it carries restores its view when that article arrives. The text box is closed
/// for a long text (`crate::import::long_text`) unless the reader opens it.
#[component]
fn Editor(
    article: Article,
    analysis: Memo<Analysis>,
    segments: Memo<Vec<markup::Segment>>,
    panels: PanelsView,
) -> impl IntoView {
    let ui = UiState::get();
    let text = article.text;
    let shown = article.shown;
    // A new text from the text box (typed when a keystroke made it).
    let take = move |new_text: String, typed: bool| {
        let waiting = article.pending.get_untracked().filter(|p| share::fingerprint(&new_text) == p.fp);
        article.set(ui, new_text, typed);
        if let Some(p) = waiting {
            opening::apply_view(ui, &p.view);
            let note = text.with_untracked(|t| opening::view_note(t, &p.view, p.anchors.as_ref(), &p.analyzer));
            article.view_note.set(note);
            article.pending.set(None);
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        // A keystroke (not a paste or a drop): during a burst of them, drawing waits for a pause.
        let typed = wasm_bindgen::JsCast::dyn_ref::<web_sys::InputEvent>(&ev)
            .is_some_and(|e| crate::pace::is_keystroke(&e.input_type()));
        take(event_target_value(&ev), typed);
    };
    // A long paste the page put in itself: the box closes, and the paste can be undone. Focus
    // goes to the note's button once it is drawn (the box it was in is now hidden).
    let open_button = NodeRef::<leptos::html::Button>::new();
    let paste_long = move |new_text: String| {
        let before = text.get_untracked();
        article.editor_opened.set(false);
        take(new_text, false);
        article.before_long_paste.set(Some(before));
        focus_next_frame(open_button);
    };
    let closed =
        Memo::new(move |_| !article.editor_opened.get() && text.with(|t| crate::import::long_text::is_long(t)));
    let area = NodeRef::<leptos::html::Textarea>::new();
    let word_count = move || text.with(|t| t.split_whitespace().count());
    // Which of the article's paragraphs are drawn: a long article is drawn a batch per frame.
    let drawing = ArticleDrawing::new(shown, analysis, segments);
    view! {
        <section class="editor" aria-label="Article">
            <div class="toolbar" role="toolbar" aria-label="Article actions">
                <button data-testid="demo-button" on:click=move |_| article.replace(ui, crate::DEMO_ARTICLE.to_string())>"Load demo"</button>
                <button data-testid="clear-button" on:click=move |_| article.replace(ui, String::new())>"Clear"</button>
                <OpenFile load=move |t: String| article.replace(ui, t) paste_long=paste_long />
                <span class="word-count" data-testid="word-count" aria-live="polite">{move || format!("{} words", word_count())}</span>
                <AnalysisStatus article=article drawing=drawing />
            </div>
            <ShareBar text=shown analysis=analysis />
            // Closed for a long text: hidden, and empty, so the browser lays nothing out in it.
            <textarea
                data-testid="article-input"
                aria-label="Paste a news article here"
                placeholder="Paste a news article here…"
                node_ref=area
                hidden=move || closed.get()
                prop:value=move || if closed.get() { String::new() } else { text.get() }
                on:input=on_input
                on:blur=move |_| article.typing_ended()
            ></textarea>
            <LongTextNote article=article closed=closed area=area open_button=open_button />
            <Legend />
            <div class="article-row">
                <ArticleView text=shown analysis=analysis segments=segments drawing=drawing />
                <Minimap analysis=panels.analysis />
            </div>
            <Pictures text=panels.text analysis=panels.analysis />
            <NarrativesPanel text=panels.text analysis=panels.analysis />
        </section>
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let opening = opening::opening();
    let ui = UiState::new();
    opening::apply_view(ui, &opening.view);
    provide_context(ui);
    link_dictionaries::LinkDictionaries::provide();
    let article = Article::new(&opening);
    let link_error = RwSignal::new(opening.link_error);
    opening::open_arriving_link(article, ui, link_error);
    let analysis = analysis_memo(article, ui);
    // The panels and the view draw the analysed text, so spans always index the text they came from.
    let text = article.shown;
    let segments = Memo::new(move |_| text.with(|t| analysis.with(|a| markup::segments(t, a))));
    let _keys = keys::install(analysis, ui);
    let panels = PanelsView::new(article, analysis);

    view! {
        <header class="top">
            <h1>"Article Explorer"</h1>
            <p class="tagline">"Who is named, who says what, and for which side. Analysed in your browser; the text never leaves it."</p>
            <nav class="pages" aria-label="Pages"><a href="?compare" data-testid="compare-page-link">"Compare two reports"</a></nav>
        </header>
        <LinkErrorBanner link_error=link_error />
        <ArrivingLinkBanner article=article link_error=link_error />
        <PausedBanner article=article />
        <NotSavedBanner article=article />
        <KeptTextBanner article=article />
        <PasteRequestBanner article=article />
        <ViewNoteBanner article=article />
        <main class="layout">
            <Editor article=article analysis=analysis segments=segments panels=panels />
            <aside class="panels" aria-label="Analysis panels">
                <WhyPanel text=text analysis=analysis />
                <ClaimsPanel text=text analysis=analysis />
                <EntitiesPanel analysis=analysis />
            </aside>
        </main>
        <footer class="foot">
            "Article Explorer " {ANALYZER_VERSION} ". Keys: j/k next/previous claim, 1–7 layers, Esc clears. "
            "Analysis runs locally in WebAssembly. Data and model credits: ATTRIBUTION.md in the source."
            <OfflineStatus />
        </footer>
    }
}
