//! `<ArticleView/>`: draws the core's segments as nested marks over the original text; a click
//! on a mark selects it.
//!
//! The segments are grouped into paragraphs (the core cuts segments where paragraphs end), each
//! drawn as a block with a key that hashes everything it shows, so a keystroke redraws only the
//! paragraphs that changed (typing in a long article touches one paragraph, not the whole page).
//! A long article is drawn a batch of paragraphs per animation frame, from the top
//! ([`super::progressive`]); until its turn comes, the rest of the text stands below as plain text,
//! so a huge paste shows at once and never blocks the page in one long task.

use super::progressive::Progressive;
use super::state::{Layer, Selection, UiState};
use crate::analysis::markup::{Mark, Segment};
use crate::analysis::{Analysis, ClaimId, EntityId};
use leptos::prelude::*;
use std::hash::{Hash, Hasher};
use wasm_bindgen::JsCast;

use crate::drawing::{hidden_class, mark_look, percent, speaker_name};

/// Scrolls the start of claim `index` into view (smoothly, centred).
pub fn scroll_to_claim(index: usize) {
    if let Some(el) = document().get_element_by_id(&format!("claim-{index}")) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Everything one mark element shows, resolved from the analysis.
#[derive(Clone, Debug, PartialEq, Hash)]
enum MarkView {
    Entity { class: String, kind: &'static str, entity: u32, cluster: u32, title: String },
    Claim { class: String, claim: u32, speaker: String, title: String, dom_id: Option<String> },
    Speaker { class: String, claim: u32 },
    Cue { claim: u32 },
    Assertion { class: String, index: u32 },
}

/// A stretch of text and its marks, outermost first.
#[derive(Clone, Debug, PartialEq, Hash)]
struct SegmentView {
    text: String,
    marks: Vec<MarkView>,
}

/// The segments of one paragraph, with a key that changes when anything shown does.
#[derive(Clone, Debug, PartialEq)]
struct Chunk {
    key: u64,
    /// Where the paragraph starts in the text (bytes).
    start: usize,
    segments: Vec<SegmentView>,
}

fn mark_view(analysis: &Analysis, selection: Option<Selection>, mark: Mark, starts: bool) -> MarkView {
    let look = mark_look(analysis, mark, starts);
    let selected = |yes: bool| if yes { format!("{} selected", look.class) } else { look.class.clone() };
    match mark {
        Mark::Entity(id) => {
            let e = analysis.entity(id);
            let label = e.kind.label();
            let cluster = &analysis.cluster(e.cluster).name;
            let same_entity = matches!(selection, Some(Selection::Entity(s)) if analysis.entities.get(s.0 as usize).is_some_and(|x| x.cluster == e.cluster));
            MarkView::Entity {
                class: selected(same_entity),
                kind: label,
                entity: id.0,
                cluster: e.cluster.0,
                title: format!("{label}: {cluster} ({}% sure). Click for why.", percent(e.confidence)),
            }
        }
        Mark::Claim(id) => {
            let c = analysis.claim(id);
            let speaker = speaker_name(c).to_string();
            MarkView::Claim {
                class: selected(selection == Some(Selection::Claim(id))),
                claim: id.0,
                title: format!(
                    "{} claim by {speaker} ({}% sure). Click for why.",
                    c.kind.label(),
                    percent(c.confidence)
                ),
                speaker,
                dom_id: starts.then(|| format!("claim-{}", id.0)),
            }
        }
        Mark::Speaker(id) => MarkView::Speaker { class: look.class, claim: id.0 },
        Mark::Cue(id) => MarkView::Cue { claim: id.0 },
        Mark::Assertion(i) => MarkView::Assertion {
            class: selected(selection == Some(Selection::Assertion(i))),
            index: i,
        },
    }
}

/// How many paragraphs [`chunks`] makes of `segments` (the core cuts segments where paragraphs
/// end), without drawing anything: what the page counts to know when the article is drawn.
pub fn paragraph_count(segments: &[Segment]) -> usize {
    let ends = segments.iter().filter(|s| s.ends_paragraph).count();
    ends + usize::from(segments.last().is_some_and(|s| !s.ends_paragraph))
}

/// Groups the segments into keyed paragraphs.
fn chunks(text: &str, analysis: &Analysis, selection: Option<Selection>, segments: &[Segment]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut current: Vec<SegmentView> = Vec::new();
    let mut start = 0;
    let finish = |current: &mut Vec<SegmentView>, out: &mut Vec<Chunk>, start: usize| {
        if current.is_empty() {
            return;
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        current.hash(&mut hasher);
        out.len().hash(&mut hasher); // equal paragraphs at different places stay distinct
        out.push(Chunk { key: hasher.finish(), start, segments: std::mem::take(current) });
    };
    for seg in segments {
        if current.is_empty() {
            start = seg.span.start as usize;
        }
        let piece = seg.span.slice(text);
        let marks = seg.marks.iter().map(|m| mark_view(analysis, selection, *m, seg.starts.contains(m))).collect();
        current.push(SegmentView { text: piece.to_string(), marks });
        if seg.ends_paragraph {
            finish(&mut current, &mut out, start);
        }
    }
    finish(&mut current, &mut out, start);
    out
}

/// One mark element around `inner`. Marks carry no click handlers of their own: the article's
/// one handler ([`clicked_mark`]) reads what was clicked from their data attributes.
fn wrap(mark: &MarkView, inner: AnyView) -> AnyView {
    match mark.clone() {
        MarkView::Entity { class, kind, entity, cluster, title } => view! {
            <mark class=class data-testid="entity" data-kind=kind data-entity=entity data-cluster=cluster title=title>{inner}</mark>
        }
        .into_any(),
        MarkView::Claim { class, claim, speaker, title, dom_id } => view! {
            <span class=class id=dom_id data-testid="claim" data-claim=claim data-speaker=speaker title=title>{inner}</span>
        }
        .into_any(),
        MarkView::Speaker { class, claim } => view! {
            <span class=class data-testid="speaker" data-claim=claim>{inner}</span>
        }
        .into_any(),
        MarkView::Cue { claim } => view! { <span class="cue" data-claim=claim>{inner}</span> }.into_any(),
        MarkView::Assertion { class, index } => view! {
            <span class=class data-testid="assertion" data-assertion=index
                title="Check-worthy: a factual statement nobody is quoted for. Click for why.">{inner}</span>
        }
        .into_any(),
    }
}

/// Paragraph `i`, as a block of its own that stays while the reader types: only its content is
/// redrawn, and only when its key changes. The page's CSS lets the browser skip the layout and
/// paint of paragraphs out of view (`content-visibility`), which keeps a keystroke in a long
/// article cheap; a block that stays keeps the size the browser remembered for it.
fn paragraph(chunks: Memo<Vec<Chunk>>, i: usize) -> impl IntoView {
    let key = Memo::new(move |_| chunks.with(|c| c.get(i).map(|c| c.key)));
    let content = move || {
        let _ = key.get();
        chunks.with_untracked(|c| c.get(i).cloned()).map(render_chunk)
    };
    view! { <div class="paragraph">{content}</div> }
}

/// Paragraphs per block of plain text while a long article is drawn.
const WAITING_BLOCK: usize = 64;

/// Block `k` of the paragraphs still waiting to be drawn: their text, plain. Its text is made
/// again when the text or the bytes it covers change (a memo of the range), not on every frame.
fn waiting_block(text: RwSignal<String>, chunks: Memo<Vec<Chunk>>, progressive: Progressive, k: usize) -> impl IntoView {
    let range = Memo::new(move |_| {
        let from = (k * WAITING_BLOCK).max(progressive.shown());
        let to = (k + 1) * WAITING_BLOCK;
        chunks.with(|c| {
            let start = c.get(from).map(|c| c.start)?;
            let end = c.get(to).map_or(usize::MAX, |c| c.start);
            Some((start, end))
        })
    });
    let rest = move || {
        let (start, end) = range.get()?;
        text.with(|t| t.get(start..end.min(t.len())).map(str::to_string))
    };
    view! { <div class="waiting" data-testid="article-waiting" aria-busy="true">{rest}</div> }
}

fn render_chunk(chunk: Chunk) -> impl IntoView {
    chunk
        .segments
        .into_iter()
        .map(|seg| {
            let mut view = seg.text.into_any();
            for mark in seg.marks.iter().rev() {
                view = wrap(mark, view);
            }
            view
        })
        .collect::<Vec<_>>()
}

/// The highlighted article. Hidden layers are classes on the container, so toggling a layer
/// restyles without re-rendering.
#[component]
///
/// `drawing` counts the paragraphs drawn so far (made with [`paragraph_count`] of the same
/// segments), for a caller that says when the article is drawn; without it the view counts its own.
pub fn ArticleView(
    text: RwSignal<String>,
    analysis: Memo<Analysis>,
    segments: Memo<Vec<Segment>>,
    #[prop(optional)] drawing: Option<Progressive>,
) -> impl IntoView {
    let ui = UiState::get();
    let class = move || {
        ui.hidden.with(|h| {
            let mut class = String::from("article-view");
            for layer in Layer::ALL.iter().filter(|l| h.contains(l)) {
                class.push(' ');
                class.push_str(hidden_class(*layer));
            }
            class
        })
    };
    let chunks = Memo::new(move |_| {
        let selection = ui.selection.get();
        text.with(|t| analysis.with(|a| segments.with(|segs| chunks(t, a, selection, segs))))
    });
    let empty = move || text.with(|t| t.trim().is_empty());
    let progressive = drawing.unwrap_or_else(|| Progressive::new(move || segments.with(|s| paragraph_count(s))));
    // The paragraphs still waiting for their frame, as plain text in blocks of WAITING_BLOCK
    // paragraphs: each frame changes only the first block, and blocks out of view cost no layout.
    let waiting_blocks = move || {
        let (shown, len) = (progressive.shown(), chunks.with(Vec::len));
        if shown >= len { 0..0 } else { shown / WAITING_BLOCK..(len - 1) / WAITING_BLOCK + 1 }
    };
    view! {
        <article class=class data-testid="article-view" aria-label="Highlighted article" tabindex="0"
            on:click=move |ev| if let Some(selection) = clicked_mark(&ev) { ui.selection.set(Some(selection)) }>
            <Show when=empty>
                <p class="empty">"Paste an article above, or load the demo, to see its entities, claims and sides."</p>
            </Show>
            <For each=move || 0..progressive.shown() key=|i| *i children=move |i| paragraph(chunks, i) />
            <For each=waiting_blocks key=|k| *k children=move |k| waiting_block(text, chunks, progressive, k) />
        </article>
    }
}

/// The marks a click can select: the innermost one under the pointer is.
const CLICKABLE_MARKS: &str = "[data-testid=entity],[data-testid=claim],[data-testid=speaker],[data-testid=assertion]";

/// What a click in the article selects: the innermost mark under it, read from its data attributes.
fn clicked_mark(ev: &leptos::ev::MouseEvent) -> Option<Selection> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = target.closest(CLICKABLE_MARKS).ok()??;
    let number = |attr: &str| mark.get_attribute(attr)?.parse::<u32>().ok();
    match mark.get_attribute("data-testid")?.as_str() {
        "entity" => number("data-entity").map(|i| Selection::Entity(EntityId(i))),
        "claim" | "speaker" => number("data-claim").map(|i| Selection::Claim(ClaimId(i))),
        "assertion" => number("data-assertion").map(Selection::Assertion),
        _ => None,
    }
}

/// Selects claim `id` and scrolls to it (used by the panels).
pub fn focus_claim(ui: UiState, id: ClaimId) {
    ui.selection.set(Some(Selection::Claim(id)));
    scroll_to_claim(id.0 as usize);
}
