//! `<ArticleView/>`: draws the core's segments as nested marks over the original text; a click
//! on a mark selects it.
//!
//! The segments are grouped into paragraphs (the core cuts segments where paragraphs end). Each
//! paragraph is keyed by a hash of everything it shows, its text and its marks as drawn, worked
//! out without drawing anything; the paragraphs are a keyed list, so an edit redraws only the
//! paragraphs whose key changed (typing in one paragraph redraws that one) and a paragraph that
//! did not change stays in the page, even when paragraphs before it come or go. What a mark's
//! tooltip says (its type or kind, its cluster's name or its speaker, how sure the analysis is) is
//! worked out when the pointer reaches the mark ([`show_title`]), so a confidence that moves as the
//! reader types elsewhere redraws no paragraph.
//! A paragraph never drawn before waits for its turn ([`ArticleDrawing`]): the analysis that brings
//! it draws at most [`FIRST`] new paragraphs (of a longer article, [`FIRST_OF_LONG`]), top first,
//! then each animation frame draws a batch ([`super::progressive`]); meanwhile its text stands
//! plain, so a huge paste shows at once and never holds the page in one long task.

use super::progressive::FrameClock;
use super::state::{Layer, Selection, UiState};
use crate::analysis::markup::{Mark, Segment};
use crate::analysis::{Analysis, ClaimId, EntityId};
use leptos::prelude::*;
// Keys and sets of keys hashed with FxHash: a paragraph's key hashes its whole text, and SipHash
// over a megabyte was a noticeable part of the task that brings a long article's analysis.
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use wasm_bindgen::JsCast;

use crate::drawing::{hidden_class, mark_look, percent, side_class, speaker_name};

/// New paragraphs drawn at once with the analysis that brings them: every paragraph an edit
/// changes, and the whole of an ordinary article.
pub const FIRST: usize = 48;

/// New paragraphs drawn at once in an article longer than [`FIRST`] paragraphs, which is drawn
/// over several frames anyway: its top, so that the task that brings the analysis stays short.
const FIRST_OF_LONG: usize = 12;

/// Paragraphs per section: the article is drawn in sections of this many paragraphs, each a block
/// the browser may skip while it is out of view (`content-visibility` in the style sheet; one per
/// paragraph would make the browser watch thousands of blocks on every frame). The paragraphs of
/// a section still waiting for their frame stand together as one block of plain text.
const SECTION: usize = 32;

/// Scrolls the start of claim `index` into view (smoothly, centred).
pub fn scroll_to_claim(index: usize) {
    scroll_to_claim_in("", index);
}

/// Scrolls the start of claim `index` of the article view whose ids start with `id_prefix` into
/// view (the comparison page draws two articles, "a-" and "b-").
pub fn scroll_to_claim_in(id_prefix: &str, index: usize) {
    if let Some(el) = document().get_element_by_id(&format!("{id_prefix}claim-{index}")) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Everything one mark element shows, resolved from the analysis (made only to draw a paragraph);
/// its tooltip is made when the pointer reaches it ([`show_title`]).
#[derive(Clone, Debug, PartialEq)]
enum MarkView {
    Entity { class: String, kind: &'static str, entity: u32, cluster: u32 },
    Claim { class: String, claim: u32, speaker: String, dom_id: Option<String> },
    Speaker { class: String, claim: u32 },
    Cue { claim: u32 },
    Assertion { class: String, index: u32 },
}

/// True when an entity mark is drawn selected: the reader selected a mention of its cluster.
fn same_entity(analysis: &Analysis, selection: Option<Selection>, id: EntityId) -> bool {
    let cluster = analysis.entity(id).cluster;
    matches!(selection, Some(Selection::Entity(s)) if analysis.entities.get(s.0 as usize).is_some_and(|x| x.cluster == cluster))
}

fn mark_view(analysis: &Analysis, selection: Option<Selection>, mark: Mark, starts: bool, id_prefix: &str) -> MarkView {
    let look = mark_look(analysis, mark, starts);
    let selected = |yes: bool| if yes { format!("{} selected", look.class) } else { look.class.clone() };
    match mark {
        Mark::Entity(id) => {
            let e = analysis.entity(id);
            MarkView::Entity {
                class: selected(same_entity(analysis, selection, id)),
                kind: e.kind.label(),
                entity: id.0,
                cluster: e.cluster.0,
            }
        }
        Mark::Claim(id) => MarkView::Claim {
            class: selected(selection == Some(Selection::Claim(id))),
            claim: id.0,
            speaker: speaker_name(analysis.claim(id)).to_string(),
            dom_id: starts.then(|| format!("{id_prefix}claim-{}", id.0)),
        },
        Mark::Speaker(id) => MarkView::Speaker { class: look.class, claim: id.0 },
        Mark::Cue(id) => MarkView::Cue { claim: id.0 },
        Mark::Assertion(i) => {
            MarkView::Assertion { class: selected(selection == Some(Selection::Assertion(i))), index: i }
        }
    }
}

/// Feeds `hasher` everything [`mark_view`] reads to draw `mark`, without drawing it: two marks
/// hash alike only when they are drawn alike.
fn hash_mark(hasher: &mut FxHasher, analysis: &Analysis, selection: Option<Selection>, mark: Mark, starts: bool) {
    match mark {
        Mark::Entity(id) => {
            let e = analysis.entity(id);
            (0u8, id.0, e.kind.label(), e.cluster.0).hash(hasher);
            same_entity(analysis, selection, id).hash(hasher);
        }
        Mark::Claim(id) => {
            let c = analysis.claim(id);
            (1u8, id.0, starts, side_class(analysis, c.side)).hash(hasher);
            speaker_name(c).hash(hasher);
            (selection == Some(Selection::Claim(id))).hash(hasher);
        }
        Mark::Speaker(id) => (2u8, id.0, side_class(analysis, analysis.claim(id).side)).hash(hasher),
        Mark::Cue(id) => (3u8, id.0).hash(hasher),
        Mark::Assertion(i) => (4u8, i, selection == Some(Selection::Assertion(i))).hash(hasher),
    }
}

/// One paragraph of the article: its segments and bytes, and a key that changes when anything it
/// shows does (equal paragraphs are told apart by how many came before them).
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    key: u64,
    segments: Range<usize>,
    bytes: Range<usize>,
}

/// Groups the segments into keyed paragraphs (hashing what each shows; nothing is drawn here).
fn paragraphs(text: &str, analysis: &Analysis, selection: Option<Selection>, segments: &[Segment]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    let mut first = 0;
    let mut hasher = FxHasher::default();
    for (i, seg) in segments.iter().enumerate() {
        seg.span.slice(text).hash(&mut hasher);
        seg.marks.len().hash(&mut hasher);
        for mark in &seg.marks {
            hash_mark(&mut hasher, analysis, selection, *mark, seg.starts.contains(mark));
        }
        if seg.ends_paragraph || i + 1 == segments.len() {
            let content = hasher.finish();
            let nth = seen.entry(content).or_insert(0);
            let mut keyed = FxHasher::default();
            (content, *nth).hash(&mut keyed);
            *nth += 1;
            let bytes = segments[first].span.start as usize..seg.span.end as usize;
            out.push(Paragraph { key: keyed.finish(), segments: first..i + 1, bytes });
            first = i + 1;
            hasher = FxHasher::default();
        }
    }
    out
}

/// What the article's keyed list holds: a paragraph drawn with its marks, or a block of
/// paragraphs waiting for their frame, shown as plain text.
#[derive(Clone, Debug, PartialEq)]
enum Item {
    Drawn(Paragraph),
    Waiting { key: u64, bytes: Range<usize> },
}

impl Item {
    fn key(&self) -> u64 {
        match self {
            Item::Drawn(p) => p.key,
            Item::Waiting { key, .. } => *key,
        }
    }
}

/// The article's list as it stands after a frame (or an analysis): which paragraphs are drawn.
#[derive(Clone, Debug, PartialEq)]
struct Layout {
    /// The frame it was made in ([`FrameClock::tick`]).
    tick: u64,
    /// The items of each section, in order.
    sections: Vec<Vec<Item>>,
    /// Paragraphs still waiting for their frame.
    waiting: usize,
}

/// Which paragraphs to draw now: those drawn before stay drawn; of the others, the first
/// `allowance` (top first); the rest wait, each run of them in a section one block of plain text.
fn lay_out(tick: u64, paragraphs: &[Paragraph], drawn_before: &FxHashSet<u64>, mut allowance: usize) -> Layout {
    let mut sections: Vec<Vec<Item>> = Vec::with_capacity(paragraphs.len().div_ceil(SECTION));
    let mut items = Vec::new();
    let mut waiting = 0;
    // The run of waiting paragraphs being gathered: a hash of their keys, and their bytes.
    let mut block: Option<(FxHasher, Range<usize>)> = None;
    let close = |block: &mut Option<(FxHasher, Range<usize>)>, items: &mut Vec<Item>| {
        if let Some((hasher, bytes)) = block.take() {
            items.push(Item::Waiting { key: hasher.finish(), bytes });
        }
    };
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 && i % SECTION == 0 {
            close(&mut block, &mut items);
            sections.push(std::mem::take(&mut items));
        }
        let draw = drawn_before.contains(&p.key) || allowance > 0;
        if draw {
            if !drawn_before.contains(&p.key) {
                allowance -= 1;
            }
            close(&mut block, &mut items);
            items.push(Item::Drawn(p.clone()));
            continue;
        }
        waiting += 1;
        let (hasher, bytes) = block.get_or_insert_with(|| {
            let mut hasher = FxHasher::default();
            "waiting".hash(&mut hasher);
            (hasher, p.bytes.start..p.bytes.start)
        });
        p.key.hash(hasher);
        bytes.end = p.bytes.end;
    }
    close(&mut block, &mut items);
    if !items.is_empty() {
        sections.push(items);
    }
    Layout { tick, sections, waiting }
}

/// The drawing of one article: its keyed paragraphs, which of them are drawn so far, and the
/// frames that draw the rest. Made by the caller that wants to know when the article is drawn
/// (the page's "Analysing…" stays until then), else by the view itself.
#[derive(Clone, Copy)]
pub struct ArticleDrawing {
    layout: Memo<Layout>,
    pending: Memo<bool>,
}

impl ArticleDrawing {
    /// The drawing of `text` with `analysis` and its `segments`, for the selection in context.
    pub fn new(text: RwSignal<String>, analysis: Memo<Analysis>, segments: Memo<Vec<Segment>>) -> ArticleDrawing {
        let ui = UiState::get();
        let clock = FrameClock::new();
        let paragraphs = Memo::new(move |_| {
            let selection = ui.selection.get();
            text.with(|t| analysis.with(|a| segments.with(|s| paragraphs(t, a, selection, s))))
        });
        let layout = Memo::new(move |before: Option<&Layout>| {
            let tick = clock.tick();
            paragraphs.with(|ps| {
                let drawn_before: FxHashSet<u64> = before
                    .map(|l| {
                        l.sections.iter().flatten().filter(|i| matches!(i, Item::Drawn(_))).map(Item::key).collect()
                    })
                    .unwrap_or_default();
                // A frame draws a batch; a new analysis (or selection) draws what it changed at once.
                let allowance = match before {
                    Some(l) if l.tick != tick => clock.batch(),
                    _ if ps.len() > FIRST => FIRST_OF_LONG,
                    _ => FIRST,
                };
                lay_out(tick, ps, &drawn_before, allowance)
            })
        });
        let pending = Memo::new(move |_| layout.with(|l| l.waiting > 0));
        clock.run_while(pending);
        ArticleDrawing { layout, pending }
    }

    /// True while some paragraphs wait for their frame.
    pub fn pending(&self) -> bool {
        self.pending.get()
    }
}

/// One mark element around `inner`. Marks carry no click handlers of their own: the article's
/// one handler ([`clicked_mark`]) reads what was clicked from their data attributes.
fn wrap(mark: MarkView, inner: AnyView) -> AnyView {
    match mark {
        MarkView::Entity { class, kind, entity, cluster } => view! {
            <mark class=class data-testid="entity" data-kind=kind data-entity=entity data-cluster=cluster>{inner}</mark>
        }
        .into_any(),
        MarkView::Claim { class, claim, speaker, dom_id } => view! {
            <span class=class id=dom_id data-testid="claim" data-claim=claim data-speaker=speaker>{inner}</span>
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

/// Draws a paragraph (its `segments`) as a block of its own. Its key says everything it shows, so
/// once drawn it is never redrawn: a change makes a paragraph with another key. The page's CSS lets
/// the browser skip the layout and paint of sections out of view (`content-visibility`).
fn draw_paragraph(
    text: &str,
    analysis: &Analysis,
    selection: Option<Selection>,
    segments: &[Segment],
    id_prefix: &str,
) -> AnyView {
    let pieces = segments
        .iter()
        .map(|seg| {
            let mut view = seg.span.slice(text).to_string().into_any();
            for mark in seg.marks.iter().rev() {
                view = wrap(mark_view(analysis, selection, *mark, seg.starts.contains(mark), id_prefix), view);
            }
            view
        })
        .collect::<Vec<_>>();
    view! { <div class="paragraph">{pieces}</div> }.into_any()
}

/// The highlighted article. Hidden layers are classes on the container, so toggling a layer
/// restyles without re-rendering. A page that draws two articles gives each its own `id_prefix`
/// (the claims' element ids) and `label`; a page that says when the article is drawn gives the
/// `drawing` it reads (made with [`ArticleDrawing::new`] of the same text, analysis and segments).
#[component]
pub fn ArticleView(
    text: RwSignal<String>,
    analysis: Memo<Analysis>,
    segments: Memo<Vec<Segment>>,
    #[prop(optional)] id_prefix: &'static str,
    #[prop(optional)] label: Option<&'static str>,
    #[prop(optional)] drawing: Option<ArticleDrawing>,
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
    let drawing = drawing.unwrap_or_else(|| ArticleDrawing::new(text, analysis, segments));
    let empty = move || text.with(|t| t.trim().is_empty());
    // Drawn when it enters the list, from the values the list was laid out with (read untracked:
    // the item's key already says everything it shows).
    let draw = move |item: Item| match item {
        Item::Drawn(p) => {
            let selection = ui.selection.get_untracked();
            text.with_untracked(|t| {
                analysis.with_untracked(|a| {
                    segments.with_untracked(|s| draw_paragraph(t, a, selection, &s[p.segments.clone()], id_prefix))
                })
            })
        }
        Item::Waiting { bytes, .. } => {
            let plain = text.with_untracked(|t| t.get(bytes).unwrap_or_default().to_string());
            view! { <div class="waiting" data-testid="article-waiting" aria-busy="true">{plain}</div> }.into_any()
        }
    };
    view! {
        <article class=class data-testid="article-view" aria-label=label.unwrap_or("Highlighted article") tabindex="0"
            on:click=move |ev| if let Some(selection) = clicked_mark(&ev) { ui.selection.set(Some(selection)) }
            on:mouseover=move |ev| analysis.with_untracked(|a| show_title(&ev, a))>
            <Show when=empty>
                <p class="empty">"Paste an article above, or load the demo, to see its entities, claims and sides."</p>
            </Show>
            <For each=move || 0..drawing.layout.with(|l| l.sections.len()) key=|k| *k children=move |k| {
                // Each section's items as a memo: a frame or an edit redraws only the sections it changed.
                let items = Memo::new(move |_| drawing.layout.with(|l| l.sections.get(k).cloned().unwrap_or_default()));
                view! { <div class="section"><For each=move || items.get() key=Item::key children=draw /></div> }
            } />
        </article>
    }
}

/// The marks a click can select: the innermost one under the pointer is.
const CLICKABLE_MARKS: &str = "[data-testid=entity],[data-testid=claim],[data-testid=speaker],[data-testid=assertion]";

/// The marks that carry a tooltip ([`show_title`]).
const TITLED_MARKS: &str = "[data-testid=entity],[data-testid=claim]";

/// What a click in the article selects: the innermost mark under it, read from its data attributes.
fn clicked_mark(ev: &leptos::ev::MouseEvent) -> Option<Selection> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    mark_at(&target.closest(CLICKABLE_MARKS).ok()??)
}

/// What mark element `mark` is, read from its data attributes.
fn mark_at(mark: &web_sys::Element) -> Option<Selection> {
    let number = |attr: &str| mark.get_attribute(attr)?.parse::<u32>().ok();
    match mark.get_attribute("data-testid")?.as_str() {
        "entity" => number("data-entity").map(|i| Selection::Entity(EntityId(i))),
        "claim" | "speaker" => number("data-claim").map(|i| Selection::Claim(ClaimId(i))),
        "assertion" => number("data-assertion").map(Selection::Assertion),
        _ => None,
    }
}

/// The tooltip of an entity or claim mark, from the analysis on screen: what it is, and how sure.
fn mark_title(analysis: &Analysis, mark: Selection) -> Option<String> {
    match mark {
        Selection::Entity(id) => {
            let e = analysis.entities.get(id.0 as usize)?;
            let cluster = &analysis.clusters.get(e.cluster.0 as usize)?.name;
            Some(format!("{}: {cluster} ({}% sure). Click for why.", e.kind.label(), percent(e.confidence)))
        }
        Selection::Claim(id) => {
            let c = analysis.claims.get(id.0 as usize)?;
            Some(format!(
                "{} claim by {} ({}% sure). Click for why.",
                c.kind.label(),
                speaker_name(c),
                percent(c.confidence)
            ))
        }
        Selection::Assertion(_) => None,
    }
}

/// Gives the mark under the pointer its tooltip ([`mark_title`]) as the pointer reaches it, before
/// the browser shows it; marks are drawn without one.
fn show_title(ev: &leptos::ev::MouseEvent, analysis: &Analysis) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(mark) = target.closest(TITLED_MARKS).ok().flatten() else { return };
    let Some(title) = mark_at(&mark).and_then(|m| mark_title(analysis, m)) else { return };
    if mark.get_attribute("title").as_deref() != Some(title.as_str()) {
        let _ = mark.set_attribute("title", &title);
    }
}

/// Selects claim `id` and scrolls to it (used by the panels).
pub fn focus_claim(ui: UiState, id: ClaimId) {
    ui.selection.set(Some(Selection::Claim(id)));
    scroll_to_claim(id.0 as usize);
}
