//! The comparison page (issue 18): two reports of one dispute, each analysed alone and drawn side
//! by side in the colours of their camps, with the camps matched across the two (the reader can
//! fix a match), each camp's voice in each report, and the claims one report carries and the
//! other leaves out. It opens at `?compare` or from a comparison link; the single-article page
//! (`App`) is untouched by it.
//!
//! Two source signals (the texts), a `Memo` for each analysis (so typing in one report analyses
//! that one only), one for the comparison, and one for each report drawn in the camps' terms
//! (redrawn only when its own text or the camps change). The reader's fixes to the camps live in
//! one signal written by event handlers. Files: `opening.rs` (what the page opens with),
//! `reports.rs` (the two text boxes and the two highlighted reports), `camps.rs`, `voice.rs` and
//! `lists.rs` (the three panels), `share.rs` (the comparison link).

mod camps;
mod lists;
mod opening;
mod reports;
mod share;
mod voice;

use super::panels::Legend;
use super::state::UiState;
use crate::analysis::compare::{self, Camp, CampEdit, Comparison, Which};
use crate::analysis::{analyze, markup, Analysis, Standing, ANALYZER_VERSION};
use crate::drawing::standing_class;
use leptos::prelude::*;

/// The example pair the page offers: two reports of one invented incident (`eval/compare/trawler`).
const EXAMPLE: (&str, &str) = (
    include_str!("../../../eval/compare/trawler/a_santiago.txt"),
    include_str!("../../../eval/compare/trawler/b_buenos_aires.txt"),
);

/// True when the page should open the comparison: `?compare` in the address, or a comparison link.
pub fn wanted() -> bool {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|p| p == "compare")
        || crate::share::compare::is_comparison_link(&hash)
}

/// One of the two reports: its text and what is derived from it.
#[derive(Clone, Copy)]
pub(crate) struct Report {
    /// A or B.
    pub which: Which,
    /// The text: a source signal.
    pub text: RwSignal<String>,
    /// Its analysis, alone.
    pub analysis: Memo<Analysis>,
    /// Its analysis in the camps' terms (what the page draws).
    pub drawn: Memo<Analysis>,
    /// The segments of the drawing.
    pub segments: Memo<Vec<markup::Segment>>,
    /// Its own selection; the hidden layers are the page's.
    pub ui: UiState,
}

impl Report {
    /// "a-" or "b-": the prefix of its claims' element ids.
    pub fn id_prefix(&self) -> &'static str {
        match self.which {
            Which::A => "a-",
            Which::B => "b-",
        }
    }
}

/// The page's state: both reports, the reader's fixes to the camps, and the comparison.
#[derive(Clone, Copy)]
pub(crate) struct Reports {
    /// Report A.
    pub a: Report,
    /// Report B.
    pub b: Report,
    /// The reader's fixes to the camps, in order.
    pub edits: RwSignal<Vec<CampEdit>>,
    /// The comparison of the two analyses with the fixes applied.
    pub comparison: Memo<Comparison>,
    /// True while analysis is paused because the last page stopped analysing these texts.
    pub paused: RwSignal<bool>,
    /// A view-only link waiting for the two reports whose fingerprints it carries.
    pub pending: RwSignal<Option<opening::Pending>>,
    /// What the page says about the link it was opened with, if anything.
    pub link_note: RwSignal<Option<String>>,
    /// True when the browser would not keep the texts.
    pub not_saved: RwSignal<bool>,
}

impl Reports {
    /// The report `which`.
    pub fn report(&self, which: Which) -> Report {
        match which {
            Which::A => self.a,
            Which::B => self.b,
        }
    }

    /// Every change of a text goes through here: saved first, then shown. Fixes to the camps name
    /// sides of the analyses they were made on, so a new text starts without them (the same text
    /// again is no change). A view-only
    /// link waiting for both reports restores its view when both have arrived.
    pub fn set_text(&self, which: Which, text: String) {
        // The same text again (a browser may fire several input events for one paste) changes nothing.
        if self.report(which).text.with_untracked(|t| *t == text) {
            return;
        }
        let saved = opening::save(which, &text);
        if self.not_saved.get_untracked() == saved {
            self.not_saved.set(!saved);
        }
        if self.edits.with_untracked(|e| !e.is_empty()) {
            self.edits.set(Vec::new());
        }
        self.report(which).ui.selection.set(None);
        self.report(which).text.set(text);
        if let Some(p) = self.pending.get_untracked() {
            if p.matches(&self.a.text.get_untracked(), &self.b.text.get_untracked()) {
                self.pending.set(None);
                let note = self.a.analysis.with_untracked(|a| {
                    self.b.analysis.with_untracked(|b| opening::apply_view(self, &p.view, &p.anchors, a, b))
                });
                self.link_note.set(Some(note));
            }
        }
    }
}

/// The class of camp `i`'s colour: the two principal camps are drawn as the two parties.
pub(crate) fn camp_class(camps: &[Camp], camp: Option<usize>) -> &'static str {
    let standing = match camp.and_then(|i| camps.get(i).map(|c| (i, c))) {
        Some((0, c)) if c.principal => Standing::FirstParty,
        Some((1, c)) if c.principal => Standing::SecondParty,
        Some(_) => Standing::ThirdParty,
        None => Standing::Unaligned,
    };
    standing_class(standing)
}

/// A report's memos, from its text.
fn report(
    which: Which,
    text: RwSignal<String>,
    camps: Memo<Vec<Camp>>,
    analysis: Memo<Analysis>,
    page: UiState,
) -> Report {
    let drawn = Memo::new(move |_| analysis.with(|a| camps.with(|c| compare::in_camp_terms(a, c, which))));
    let segments = Memo::new(move |_| text.with(|t| drawn.with(|a| markup::segments(t, a))));
    let ui = UiState {
        selection: RwSignal::new(None),
        hidden: page.hidden,
        edits: RwSignal::new(Vec::new()),
        open_editors: RwSignal::new(Vec::new()),
    };
    Report { which, text, analysis, drawn, segments, ui }
}

/// Makes the page's state from what it opens with.
fn reports(opening: opening::Opening, page: UiState) -> Reports {
    let paused = RwSignal::new(opening.crashed);
    let (text_a, text_b) = (RwSignal::new(opening.a), RwSignal::new(opening.b));
    let analysed = move |text: RwSignal<String>| {
        Memo::new(move |_| if paused.get() { Analysis::default() } else { text.with(|t| analyze(t)) })
    };
    let (analysis_a, analysis_b) = (analysed(text_a), analysed(text_b));
    let edits = RwSignal::new(opening.edits);
    let comparison = Memo::new(move |_| {
        text_a.with(|ta| {
            text_b
                .with(|tb| analysis_a.with(|a| analysis_b.with(|b| edits.with(|e| compare::compare(ta, a, tb, b, e)))))
        })
    });
    let camps = Memo::new(move |_| comparison.with(|c| c.camps.clone()));
    Reports {
        a: report(Which::A, text_a, camps, analysis_a, page),
        b: report(Which::B, text_b, camps, analysis_b, page),
        edits,
        comparison,
        paused,
        pending: RwSignal::new(opening.pending),
        link_note: RwSignal::new(opening.note),
        not_saved: RwSignal::new(false),
    }
}

/// The messages above the reports: a link that could not be opened or that asks for the
/// reports, what became of a link's view, texts the browser would not keep, a paused analysis.
#[component]
fn Messages(reports: Reports, link_error: RwSignal<Option<String>>) -> impl IntoView {
    let Reports { pending, link_note, not_saved, paused, .. } = reports;
    view! {
        <Show when=move || link_error.with(Option::is_some)>
            <div class="banner error" role="alert" data-testid="link-error">
                <strong>"This link could not be opened. "</strong>
                {move || link_error.get().unwrap_or_default()}
                " You can paste the two reports below instead."
                <button class="dismiss" on:click=move |_| link_error.set(None) aria-label="Dismiss this message">"×"</button>
            </div>
        </Show>
        <Show when=move || pending.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="compare-paste-request">
                {move || pending.with(|p| p.as_ref().map(|p| {
                    reports.a.text.with(|a| reports.b.text.with(|b| p.request(a, b)))
                }))}
            </div>
        </Show>
        <Show when=move || link_note.with(Option::is_some)>
            <div class="banner info" role="status" data-testid="compare-link-note">
                {move || link_note.get().unwrap_or_default()}
                <button class="dismiss" on:click=move |_| link_note.set(None) aria-label="Dismiss this message">"×"</button>
            </div>
        </Show>
        <Show when=move || not_saved.get()>
            <div class="banner error" role="alert" data-testid="compare-not-saved">
                "This browser would not keep these reports: they stay while the page is open. Copy them somewhere to keep them."
            </div>
        </Show>
        <Show when=move || paused.get()>
            <div class="banner error" role="alert" data-testid="analysis-paused">
                <strong>"The analysis stopped with an error on these reports last time. "</strong>
                "They are below, unchanged and not analysed, so the page does not stop again."
                <span class="banner-actions">
                    <button data-testid="analyse-again" on:click=move |_| paused.set(false)>"Analyse them again"</button>
                </span>
            </div>
        </Show>
    }
}

/// The whole comparison page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let page = UiState::new();
    provide_context(page);
    let opened = opening::opening();
    page.hidden.set(opened.hidden.clone());
    let link_error = RwSignal::new(opened.link_error.clone());
    let reports = reports(opened, page);
    let load_example = move |_| {
        reports.set_text(Which::A, EXAMPLE.0.to_string());
        reports.set_text(Which::B, EXAMPLE.1.to_string());
    };
    let clear = move |_| {
        reports.set_text(Which::A, String::new());
        reports.set_text(Which::B, String::new());
    };
    let notes = move || reports.comparison.with(|c| c.notes.join("; "));
    view! {
        <header class="top">
            <h1>"Compare two reports"</h1>
            <p class="tagline">"Two reports of the same dispute: whose voice each one carries, and what each leaves out. Analysed in your browser."</p>
            <nav class="pages" aria-label="Pages"><a href="./" data-testid="single-page-link">"One article"</a></nav>
        </header>
        <Messages reports=reports link_error=link_error />
        <main class="compare" data-testid="compare-page">
            <div class="toolbar" role="toolbar" aria-label="Comparison actions">
                <button data-testid="example-pair" on:click=load_example>"Load the example pair"</button>
                <button data-testid="clear-both" on:click=clear>"Clear both"</button>
                <share::ShareComparison reports=reports />
            </div>
            <div class="report-inputs">
                <reports::ReportInput reports=reports which=Which::A />
                <reports::ReportInput reports=reports which=Which::B />
            </div>
            <p class="compare-notes" data-testid="compare-notes" role="status">{notes}</p>
            <camps::CampsPanel reports=reports />
            <voice::VoiceTable reports=reports />
            <lists::OneSidedPanel reports=reports />
            <section class="compare-reports" aria-label="The two reports, highlighted">
                <Legend />
                <div class="report-columns">
                    <reports::ReportView report=reports.a />
                    <reports::ReportView report=reports.b />
                </div>
            </section>
        </main>
        <footer class="foot">
            "Article Explorer " {ANALYZER_VERSION} ". Each report is analysed on its own; camps are matched by the names they go by. "
            "Analysis runs locally in WebAssembly. Data and model credits: ATTRIBUTION.md in the source."
        </footer>
    }
}
