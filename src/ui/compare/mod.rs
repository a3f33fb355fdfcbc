//! The comparison page (issue 18): two reports of one dispute, each analysed alone and drawn side
//! by side in the colours of their camps, with the camps matched across the two (the reader can
//! fix a match), each camp's voice in each report, and the claims one report carries and the
//! other leaves out. It opens at `?compare` or from a comparison link; the single-article page
//! (`App`) is untouched by it.
//!
//! Two source signals (the texts). Each report's analysis is made as the single page makes it, in
//! a Web Worker (`crate::ui::analyser`, one analyser per report, so the two run side by side and
//! typing in one report analyses that one only), and arrives with the text it was made from; a
//! `Memo` for the comparison, and one for each report drawn in the camps' terms (redrawn only when
//! its own analysis or the camps change). The reader's fixes to the camps live in one signal
//! written by event handlers and by a view-only link's view, restored when both reports' analyses
//! have arrived. Files: `opening.rs` (what the page opens with),
//! `reports.rs` (the two text boxes and the two highlighted reports), `camps.rs`, `voice.rs` and
//! `lists.rs` (the three panels), `share.rs` (the comparison link).

mod camps;
mod lists;
mod opening;
mod reports;
mod share;
mod voice;

use super::analyser::Analyser;
use super::article::OPENING_ANALYSED_HERE;
use super::panels::Legend;
use super::state::UiState;
use crate::analysis::compare::{self, Camp, CampEdit, Comparison, Which};
use crate::analysis::{markup, Analysis, Standing, ANALYZER_VERSION};
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
    /// The text the analysis on screen was made from: `text` once its analysis has arrived. The
    /// highlighted report and the comparison use this text, so every span indexes the text it
    /// came from.
    pub shown: RwSignal<String>,
    /// The analysis of `shown`, alone (empty while paused); written only by the analyser's answers.
    pub analysis: RwSignal<Analysis>,
    /// True from a request for the analysis of `text` until that analysis is on screen.
    pub analysing: RwSignal<bool>,
    analyser: StoredValue<Analyser, LocalStorage>,
    /// Its analysis in the camps' terms (what the page draws).
    pub drawn: Memo<Analysis>,
    /// The segments of the drawing.
    pub segments: Memo<Vec<markup::Segment>>,
    /// Its own selection; the hidden layers are the page's.
    pub ui: UiState,
    /// True when the reader opened the text box of a long report (`crate::import::long_text`); a
    /// new text from a button, a file or a long paste closes it again ([`Reports::replace`]).
    pub editor_opened: RwSignal<bool>,
    /// The text before a long paste the page put in itself, while that paste can be undone: any
    /// other change of the text clears it ([`Reports::set_text`]).
    pub before_long_paste: RwSignal<Option<String>>,
}

impl Report {
    /// "a-" or "b-": the prefix of its claims' element ids.
    pub fn id_prefix(&self) -> &'static str {
        match self.which {
            Which::A => "a-",
            Which::B => "b-",
        }
    }

    /// Asks for the analysis of the current text (the text itself, unanalysed, while `paused`).
    /// Until it arrives the report keeps showing its last analysed text.
    fn analyse(&self, paused: bool) {
        let text = self.text.get_untracked();
        if paused {
            self.shown.set(text);
            self.analysis.set(Analysis::default());
            self.analysing.set(false);
            return;
        }
        let analysing = self.analysing;
        self.analyser.with_value(|a| {
            if a.has_worker() && !analysing.get_untracked() {
                analysing.set(true);
            }
            a.request(text, false);
        });
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

    /// Every change of a text goes through here: saved first, then shown, and its analysis asked
    /// for. Fixes to the camps name sides of the analyses they were made on, so a new text starts
    /// without them (the same text again is no change). A view-only link waiting for both reports
    /// restores its view when both their analyses have arrived ([`Reports::arrived`]).
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
        let report = self.report(which);
        report.ui.selection.set(None);
        if report.before_long_paste.with_untracked(Option::is_some) {
            report.before_long_paste.set(None);
        }
        report.text.set(text);
        report.analyse(self.paused.get_untracked());
        self.arrived();
    }

    /// A new text from a button, a file or a paste: as [`Reports::set_text`], and the text box of a
    /// long report, if the reader had opened it, closes again (typing keeps it open).
    pub fn replace(&self, which: Which, text: String) {
        let report = self.report(which);
        if report.editor_opened.get_untracked() {
            report.editor_opened.set(false);
        }
        self.set_text(which, text);
    }

    /// A long paste the page put in itself: the new text, which can be undone.
    pub fn paste_long(&self, which: Which, text: String) {
        let before = self.report(which).text.get_untracked();
        self.replace(which, text);
        self.report(which).before_long_paste.set(Some(before));
    }

    /// The reader asks for the analysis of paused reports again.
    pub fn resume(&self) {
        self.paused.set(false);
        self.a.analyse(false);
        self.b.analyse(false);
    }

    /// After an analysis arrives (or a text changes): a view-only link waiting for these two
    /// reports restores its view once both analyses on screen are of its reports.
    fn arrived(&self) {
        let Some(p) = self.pending.get_untracked() else { return };
        let current = |r: Report| r.text.with_untracked(|t| r.shown.with_untracked(|s| t == s));
        let ready = current(self.a)
            && current(self.b)
            && !self.paused.get_untracked()
            && self.a.shown.with_untracked(|a| self.b.shown.with_untracked(|b| p.matches(a, b)));
        if !ready {
            return;
        }
        self.pending.set(None);
        let note = self.a.analysis.with_untracked(|a| {
            self.b.analysis.with_untracked(|b| opening::apply_view(self, &p.view, &p.anchors, a, b))
        });
        self.link_note.set(Some(note));
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

/// What a report's analysis arrives in: the text it was made from, the analysis, and whether one
/// is on its way.
#[derive(Clone, Copy)]
struct Arrivals {
    shown: RwSignal<String>,
    analysis: RwSignal<Analysis>,
    analysing: RwSignal<bool>,
}

impl Arrivals {
    fn new(text: &str) -> Arrivals {
        Arrivals {
            shown: RwSignal::new(text.to_string()),
            analysis: RwSignal::new(Analysis::default()),
            analysing: RwSignal::new(false),
        }
    }
}

/// A report: its text, the analyser that answers for it (each answer shown, then handed to
/// `arrived`, which may restore a waiting link's view), and its memos.
fn report(
    which: Which,
    text: String,
    arrivals: Arrivals,
    camps: Memo<Vec<Camp>>,
    page: UiState,
    arrived: impl Fn() + 'static,
) -> Report {
    let Arrivals { shown, analysis, analysing } = arrivals;
    let analyser = Analyser::new(move |text, answer| {
        shown.set(text);
        analysis.set(answer);
        analysing.set(false);
        arrived();
    });
    let drawn = Memo::new(move |_| analysis.with(|a| camps.with(|c| compare::in_camp_terms(a, c, which))));
    let segments = Memo::new(move |_| shown.with(|t| drawn.with(|a| markup::segments(t, a))));
    let ui = UiState {
        selection: RwSignal::new(None),
        hidden: page.hidden,
        edits: RwSignal::new(Vec::new()),
        open_editors: RwSignal::new(Vec::new()),
    };
    Report {
        which,
        text: RwSignal::new(text),
        shown,
        analysis,
        analysing,
        analyser: StoredValue::new_local(analyser),
        drawn,
        segments,
        ui,
        editor_opened: RwSignal::new(false),
        before_long_paste: RwSignal::new(None),
    }
}

/// Makes the page's state from what it opens with, and asks for the two analyses: made here at
/// once when the two reports together are no longer than the single page analyses here when it
/// opens (so opening freezes the page no longer than opening one article), else in the workers.
fn reports(opening: opening::Opening, page: UiState) -> Reports {
    let crashed = opening.crashed;
    let analyse_here = opening.a.len() + opening.b.len() <= OPENING_ANALYSED_HERE;
    let (in_a, in_b) = (Arrivals::new(&opening.a), Arrivals::new(&opening.b));
    let edits = RwSignal::new(opening.edits);
    let comparison = Memo::new(move |_| {
        in_a.shown.with(|ta| {
            in_b.shown.with(|tb| {
                in_a.analysis.with(|a| in_b.analysis.with(|b| edits.with(|e| compare::compare(ta, a, tb, b, e))))
            })
        })
    });
    let camps = Memo::new(move |_| comparison.with(|c| c.camps.clone()));
    // The answers reach the page's whole state through this cell, filled once it exists.
    let whole: StoredValue<Option<Reports>, LocalStorage> = StoredValue::new_local(None);
    let arrived = move || {
        if let Some(reports) = whole.get_value() {
            reports.arrived();
        }
    };
    let a = report(Which::A, opening.a, in_a, camps, page, arrived);
    let b = report(Which::B, opening.b, in_b, camps, page, arrived);
    let reports = Reports {
        a,
        b,
        edits,
        comparison,
        paused: RwSignal::new(crashed),
        pending: RwSignal::new(opening.pending),
        link_note: RwSignal::new(opening.note),
        not_saved: RwSignal::new(false),
    };
    whole.set_value(Some(reports));
    for r in [a, b] {
        if crashed {
            r.analyse(true);
        } else if analyse_here {
            let text = r.text.get_untracked();
            r.analyser.with_value(|x| x.analyse_here(text));
        } else {
            r.analyse(false);
        }
    }
    reports
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
                    <button data-testid="analyse-again" on:click=move |_| reports.resume()>"Analyse them again"</button>
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
        reports.replace(Which::A, EXAMPLE.0.to_string());
        reports.replace(Which::B, EXAMPLE.1.to_string());
    };
    let clear = move |_| {
        reports.replace(Which::A, String::new());
        reports.replace(Which::B, String::new());
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
