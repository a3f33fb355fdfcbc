//! The pictures of the dispute as inline SVG markup: a balance chart per side, who accuses whom
//! between the camps, and the marks of the minimap. Pure: the page's components (`ui::pictures`)
//! put this markup in place and handle its clicks; the tests read it here.
//!
//! Every text that comes from the article (side and speaker names) is escaped; nothing carries a
//! `style` attribute (the page's Content-Security-Policy forbids them): the classes are those of
//! [`crate::drawing`], which `style/main.css` colours as `currentColor`, so the pictures follow
//! the light and dark themes and print. Each chart has a `<title>` and a `<desc>`.

use crate::analysis::narrative::{accusations, insert_sorted};
use crate::analysis::{Analysis, ClaimId, SideBalance, SideId, SideRole, Standing};
use crate::drawing::{side_class, side_name, speaker_name};
use crate::export::escape_html;
use std::fmt::Write;

/// Third parties drawn beside the two parties: those with the most claims (balance) or
/// accusations (diagram).
pub const MAX_THIRD_PARTIES: usize = 3;

/// "1 claim", "3 claims".
pub fn claims_count(n: usize) -> String {
    format!("{n} claim{}", if n == 1 { "" } else { "s" })
}

/// A name cut to `n` characters for a label in a picture (the full name is in its text alternative).
fn short(name: &str, n: usize) -> String {
    if name.chars().count() <= n {
        name.to_string()
    } else {
        name.chars().take(n - 1).chain(['…']).collect()
    }
}

/// The third parties with the most `weight` (none with zero), at most [`MAX_THIRD_PARTIES`], in side order.
fn third_parties(a: &Analysis, weight: impl Fn(SideId) -> usize) -> Vec<SideId> {
    let mut third: Vec<(usize, SideId)> = (0..a.sides.len() as u32)
        .map(SideId)
        .filter(|s| a.side(*s).role == SideRole::ThirdParty)
        .map(|s| (weight(s), s))
        .filter(|(n, _)| *n > 0)
        .collect();
    let mut kept = Vec::new();
    // Repeatedly take the heaviest (the first of equals): a few sides, no sort needed.
    while kept.len() < MAX_THIRD_PARTIES {
        let Some(best) = third.iter().enumerate().max_by_key(|(i, (n, _))| (*n, usize::MAX - i)).map(|(i, _)| i) else {
            break;
        };
        insert_sorted(&mut kept, third.remove(best).1);
    }
    kept
}

// ---- Balance ------------------------------------------------------------------------------

/// Where the bars start and how long the longest is, in a chart's units (300 wide).
const BAR_X: u32 = 100;
const BAR_W: u32 = 150;

/// The length of a bar for `value` on a scale up to `max` (a sliver when the value is not zero).
fn bar(value: u32, max: u32) -> u32 {
    if value == 0 || max == 0 {
        0
    } else {
        (value as u64 * BAR_W as u64 / max as u64).max(2) as u32
    }
}

/// "speaks first", "speaks last", "speaks first and last" or nothing.
fn order(b: &SideBalance) -> &'static str {
    match (b.speaks_first, b.speaks_last) {
        (true, true) => "speaks first and last",
        (true, false) => "speaks first",
        (false, true) => "speaks last",
        _ => "",
    }
}

/// The "At a glance" pictures: who gets to speak ([`balance`]) and who accuses whom
/// ([`accusations_svg`], the `open` pair marked), each under its heading, with a sentence when
/// there is nothing to draw.
pub fn at_a_glance(a: &Analysis, pairs: &[Pair], open: Option<(SideId, SideId)>) -> String {
    let empty = |s: &str| format!("<p class=\"empty\">{s}</p>");
    let charts = balance(a);
    let diagram = accusations_svg(a, pairs, open);
    format!(
        "<h3>Who gets to speak</h3><div class=\"balance-charts\" data-testid=\"balance-chart\">{}</div>\
         <h3>Who accuses whom</h3>{diagram}{}",
        if charts.is_empty() {
            empty("No sides yet: they appear when people or governments are quoted.")
        } else {
            charts
        },
        match (diagram.is_empty(), pairs.is_empty()) {
            (true, _) => empty("No camps yet: they appear when two sides are quoted."),
            (false, true) => empty("No claim here accuses, denies, warns or demands anything of another side."),
            _ => String::new(),
        }
    )
}

/// One chart per party, then per third party with claims (the most first, at most
/// [`MAX_THIRD_PARTIES`]), as `<svg>` elements side by side; all share one scale. Empty when the
/// article has no sides.
pub fn balance(a: &Analysis) -> String {
    let third = third_parties(a, |s| a.side(s).balance.n_claims as usize);
    let sides: Vec<SideId> = a.parties().chain(third).collect();
    let max_claims = sides.iter().map(|s| a.side(*s).balance.n_claims).max().unwrap_or(0);
    let max_words = sides.iter().map(|s| a.side(*s).balance.quoted_words).max().unwrap_or(0);
    let mut out = String::new();
    for id in sides {
        let (side, b) = (a.side(id), &a.side(id).balance);
        let name = escape_html(&side.name);
        let order = order(b);
        let (claims_w, words_w) = (bar(b.n_claims, max_claims), bar(b.quoted_words, max_words));
        let (named_w, anon_w) = (bar(b.n_named_claims, max_claims), bar(b.n_anonymous_claims, max_claims));
        let sep = if order.is_empty() { "" } else { "; " };
        let _ = write!(
            out,
            "<svg class=\"picture balance {class}\" viewBox=\"0 0 300 112\" role=\"img\" data-testid=\"balance-side\">\
             <title>Balance of {name}</title>\
             <desc>{name}: {} claims, {} quoted words, {} named and {} anonymous claims, {} named sources{sep}{order}.</desc>\
             <rect class=\"mark\" x=\"0\" y=\"3\" width=\"12\" height=\"12\" rx=\"2\"/>\
             <text class=\"name\" x=\"18\" y=\"14\">{}</text>",
            b.n_claims,
            b.quoted_words,
            b.n_named_claims,
            b.n_anonymous_claims,
            b.n_named_sources,
            escape_html(&short(&side.name, 30)),
            class = side_class(a, Some(id)),
        );
        for (y, label, width, value) in [
            (40, "Claims", claims_w, b.n_claims.to_string()),
            (62, "Quoted words", words_w, b.quoted_words.to_string()),
        ] {
            let _ = write!(
                out,
                "<text x=\"0\" y=\"{y}\">{label}</text><rect class=\"mark\" x=\"{BAR_X}\" y=\"{}\" width=\"{width}\" height=\"12\"/>\
                 <text class=\"value\" x=\"{}\" y=\"{y}\">{value}</text>",
                y - 10,
                BAR_X + width + 5
            );
        }
        let plural = if b.n_named_sources == 1 { "" } else { "s" };
        let dot = if order.is_empty() { "" } else { " · " };
        let _ = write!(
            out,
            "<text x=\"0\" y=\"84\">Named / anon.</text>\
             <rect class=\"mark\" x=\"{BAR_X}\" y=\"74\" width=\"{named_w}\" height=\"12\"/>\
             <rect class=\"anonymous\" x=\"{}\" y=\"75\" width=\"{anon_w}\" height=\"10\"/>\
             <text class=\"value\" x=\"{}\" y=\"84\">{} / {}</text>\
             <text class=\"caption\" x=\"0\" y=\"106\">{} named source{plural}{dot}{order}</text></svg>",
            BAR_X + named_w,
            BAR_X + named_w + anon_w + 5,
            b.n_named_claims,
            b.n_anonymous_claims,
            b.n_named_sources,
        );
    }
    out
}

// ---- Who accuses whom -----------------------------------------------------------------------

/// One arrow of the diagram, as the page lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The speakers' side.
    pub from: SideId,
    /// The side their claims target.
    pub to: SideId,
    /// "Baku → Yerevan".
    pub label: String,
    /// The class of the speakers' side (`side-a`...).
    pub class: &'static str,
    /// The claims, in text order, each with "speaker: content" (content cut to 160 characters).
    pub claims: Vec<(ClaimId, String)>,
}

/// The arrows of the diagram, from [`accusations`], with what the page shows of them.
pub fn pairs(text: &str, a: &Analysis) -> Vec<Pair> {
    accusations(text, a)
        .into_iter()
        .map(|acc| Pair {
            from: acc.from,
            to: acc.to,
            label: format!("{} → {}", a.side(acc.from).name, a.side(acc.to).name),
            class: side_class(a, Some(acc.from)),
            claims: acc
                .claims
                .iter()
                .map(|&c| {
                    let content: String = a.claim(c).span.slice(text).chars().take(160).collect();
                    (c, format!("{}: {content}", speaker_name(a.claim(c))))
                })
                .collect(),
        })
        .collect()
}

const WIDTH: i32 = 320;
const BOX_W: f32 = 96.0;
const BOX_H: f32 = 28.0;

/// The least room between two boxes of a row.
const BOX_GAP: f32 = 8.0;

/// The centres of a row of `n` boxes: two at the ends of the row when `ends`, else spread evenly
/// over it, but never closer than a box and a gap (three boxes in a row would otherwise overlap).
fn row_centres(n: usize, ends: bool) -> Vec<f32> {
    let width = WIDTH as f32;
    if ends && n == 2 {
        return vec![60.0, width - 60.0];
    }
    let step = (width / (n as f32 + 1.0)).max(BOX_W + BOX_GAP);
    let middle = (n as f32 - 1.0) / 2.0;
    (0..n).map(|i| width / 2.0 + (i as f32 - middle) * step).collect()
}

/// The point where a line from the centre of a box towards `(dx, dy)` leaves it (plus a margin).
fn leave_box((x, y): (f32, f32), dx: f32, dy: f32) -> (f32, f32) {
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let t = ((BOX_W / 2.0 + 3.0) / ux.abs().max(0.001)).min((BOX_H / 2.0 + 3.0) / uy.abs().max(0.001));
    (x + ux * t, y + uy * t)
}

/// An arrow from box `a` to box `b` of stroke `width`: its curve (bent to one side, so that the
/// arrow back does not cover it), its head and its count badge, as SVG.
fn arrow(a: (f32, f32), b: (f32, f32), width: f32, count: usize, out: &mut String) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (cx, cy) = ((a.0 + b.0) / 2.0 - dy / len * 26.0, (a.1 + b.1) / 2.0 + dx / len * 26.0);
    let (sx, sy) = leave_box(a, cx - a.0, cy - a.1);
    let (ex, ey) = leave_box(b, cx - b.0, cy - b.1);
    let (hx, hy) = (ex - cx, ey - cy);
    let hl = (hx * hx + hy * hy).sqrt().max(0.001);
    let (ux, uy) = (hx / hl, hy / hl);
    let (head, half) = (8.0 + width, 4.0 + width / 2.0);
    let (bx, by) = (ex - ux * head, ey - uy * head);
    let r = |v: f32| v.round() as i32;
    let path = format!("M{} {} Q{} {} {} {}", r(sx), r(sy), r(cx), r(cy), r(bx + ux), r(by + uy));
    let (mx, my) = (r(0.25 * sx + 0.5 * cx + 0.25 * ex), r(0.25 * sy + 0.5 * cy + 0.25 * ey));
    let _ = write!(
        out,
        "<path class=\"hit\" d=\"{path}\"/><path class=\"line\" d=\"{path}\" stroke-width=\"{}\"/>\
         <polygon class=\"head\" points=\"{},{} {},{} {},{}\"/>\
         <circle class=\"badge\" cx=\"{mx}\" cy=\"{my}\" r=\"9\"/><text class=\"badge-count\" x=\"{mx}\" y=\"{}\" text-anchor=\"middle\">{count}</text>",
        r(width),
        r(ex),
        r(ey),
        r(bx - uy * half),
        r(by + ux * half),
        r(bx + uy * half),
        r(by - ux * half),
        my + 4,
    );
}

/// The diagram: a box per party on top, the third parties most involved below, an arrow per
/// pair (thicker with more claims, the `open` one marked), as one `<svg>`; empty when the article
/// has fewer than two sides.
pub fn accusations_svg(a: &Analysis, pairs: &[Pair], open: Option<(SideId, SideId)>) -> String {
    let weight = |s: SideId| pairs.iter().filter(|p| p.from == s || p.to == s).map(|p| p.claims.len()).sum();
    let parties: Vec<SideId> = a.parties().collect();
    let third = third_parties(a, weight);
    if parties.len() + third.len() < 2 {
        return String::new();
    }
    // The parties at the ends of the top row (an arrow and the one back curve above and below
    // it), the third parties spread along a row below.
    let place = |row: &[SideId], y: f32, ends: bool| -> Vec<(SideId, (f32, f32))> {
        row.iter().zip(row_centres(row.len(), ends)).map(|(&s, x)| (s, (x, y))).collect()
    };
    let mut nodes = place(&parties, 40.0, true);
    nodes.extend(place(&third, 150.0, false));
    let at = |s: SideId| nodes.iter().find(|(id, _)| *id == s).map(|(_, p)| *p);
    let desc = if pairs.is_empty() {
        "No claim accuses, denies, warns or demands anything of another side.".to_string()
    } else {
        pairs.iter().map(|p| format!("{}: {}.", p.label, claims_count(p.claims.len()))).collect::<Vec<_>>().join(" ")
    };
    let mut out = format!(
        "<svg class=\"picture accusations\" viewBox=\"0 0 {WIDTH} {}\" role=\"img\" data-testid=\"accusations-diagram\">\
         <title>Who accuses whom</title><desc>{}</desc>",
        if third.is_empty() { 82 } else { 172 },
        escape_html(&desc)
    );
    for p in pairs {
        let (Some(from), Some(to)) = (at(p.from), at(p.to)) else { continue };
        let n = p.claims.len();
        let _ = write!(
            out,
            "<g class=\"arrow {}{}\" data-testid=\"accusation-arrow\" data-from=\"{}\" data-to=\"{}\">",
            p.class,
            if open == Some((p.from, p.to)) { " open" } else { "" },
            p.from.0,
            p.to.0
        );
        arrow(from, to, 1.5 + 1.5 * n.min(5) as f32, n, &mut out);
        out.push_str("</g>");
    }
    for (s, (x, y)) in &nodes {
        let _ = write!(
            out,
            "<g class=\"camp {}\"><rect x=\"{}\" y=\"{}\" width=\"96\" height=\"28\" rx=\"6\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            side_class(a, Some(*s)),
            (x - BOX_W / 2.0) as i32,
            (y - BOX_H / 2.0) as i32,
            *x as i32,
            *y as i32 + 4,
            escape_html(&short(&a.side(*s).name, 13))
        );
    }
    out.push_str("</svg>");
    out
}

// ---- Minimap --------------------------------------------------------------------------------

/// The minimap's height in its own units; a mark is at least `MIN_MARK` tall.
pub const MINIMAP_HEIGHT: u32 = 1000;
const MIN_MARK: u32 = 8;

/// Where claim `id` sits in the text, as (top, height) in minimap units.
pub fn claim_band(a: &Analysis, id: ClaimId) -> Option<(u32, u32)> {
    let c = a.claims.get(id.0 as usize)?;
    let len = a.text_len.max(1) as u64;
    let at = |byte: u32| (byte as u64 * MINIMAP_HEIGHT as u64 / len) as u32;
    let top = at(c.span.start).min(MINIMAP_HEIGHT - MIN_MARK);
    Some((top, at(c.span.end).max(top + MIN_MARK).min(MINIMAP_HEIGHT) - top))
}

/// "Claim 3 of 12: Hikmet Hajiyev (Baku), 45% into the article".
pub fn claim_label(a: &Analysis, id: ClaimId) -> Option<String> {
    let c = a.claims.get(id.0 as usize)?;
    let percent = c.span.start as u64 * 100 / a.text_len.max(1) as u64;
    Some(format!(
        "Claim {} of {}: {} ({}), {percent}% into the article",
        id.0 + 1,
        a.claims.len(),
        speaker_name(c),
        side_name(a, c)
    ))
}

/// The minimap's marks, a lane per party and one for everyone else (30 units wide): the lanes,
/// then a `<rect>` per claim (with its `data-claim` and a `<title>` for the pointer), claims that
/// would overlap in a lane drawn as one mark, and a cursor around the `selected` claim.
pub fn minimap(a: &Analysis, selected: Option<ClaimId>) -> String {
    let mut out = minimap_lanes();
    for mark in minimap_marks(a) {
        out.push_str(&mark);
    }
    out.push_str(&minimap_cursor(a, selected));
    out
}

/// The minimap's three lanes ([`minimap`] in parts, so that a page redraws only the marks that change).
pub fn minimap_lanes() -> String {
    let mut out = String::new();
    for (x, class) in [(1, "side-a"), (11, "side-b"), (21, "side-third")] {
        let _ = write!(out, "<rect class=\"lane {class}\" x=\"{x}\" y=\"0\" width=\"8\" height=\"{MINIMAP_HEIGHT}\"/>");
    }
    out
}

/// The minimap's marks, one string each, top to bottom per lane (see [`minimap`]).
pub fn minimap_marks(a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    let mut lane_end = [0u32; 3];
    for (i, c) in a.claims.iter().enumerate() {
        let lane = match a.standing(c.side) {
            Standing::FirstParty => 0,
            Standing::SecondParty => 1,
            _ => 2,
        };
        let Some((top, height)) = claim_band(a, ClaimId(i as u32)) else { continue };
        if i > 0 && top < lane_end[lane] {
            continue; // inside the lane's previous mark, which jumps to the first of them
        }
        lane_end[lane] = top + height;
        out.push(format!(
            "<rect class=\"mark {}\" x=\"{}\" y=\"{top}\" width=\"8\" height=\"{height}\" data-testid=\"minimap-mark\" data-claim=\"{i}\">\
             <title>{}</title></rect>",
            side_class(a, c.side),
            1 + 10 * lane,
            escape_html(&claim_label(a, ClaimId(i as u32)).unwrap_or_default())
        ));
    }
    out
}

/// The cursor around the `selected` claim in the minimap, or nothing (see [`minimap`]).
pub fn minimap_cursor(a: &Analysis, selected: Option<ClaimId>) -> String {
    match selected.and_then(|id| claim_band(a, id)) {
        Some((top, height)) => format!("<rect class=\"cursor\" x=\"0\" y=\"{top}\" width=\"30\" height=\"{height}\"/>"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    const NILE: &str = "Egypt's foreign minister Sameh Shoukry said the dam threatened the water of farmers. \
        The foreign ministry in Addis Ababa accused Cairo of trying to keep a monopoly over the river. \
        Shoukry warned that Ethiopia had broken the declaration. The African Union urged both sides to talk.";

    #[test]
    fn balance_draws_a_chart_per_side_parties_first() {
        let a = analyze(crate::DEMO_ARTICLE);
        let svg = balance(&a);
        let charts: Vec<&str> = svg.split("<svg ").skip(1).collect();
        assert!(charts.len() >= 2 && charts.len() <= 2 + MAX_THIRD_PARTIES, "{}", charts.len());
        assert!(charts[0].starts_with("class=\"picture balance side-a\""));
        assert!(charts[1].starts_with("class=\"picture balance side-b\""));
        for chart in &charts {
            assert!(chart.contains("role=\"img\"") && chart.contains("<title>Balance of ") && chart.contains("<desc>"));
            assert!(!chart.contains("style="), "no inline styles: the CSP forbids them");
        }
        let b = &a.sides[0].balance;
        assert!(charts[0].contains(&format!("{} claims, {} quoted words", b.n_claims, b.quoted_words)));
        assert_eq!(balance(&analyze("")), "");
    }

    #[test]
    fn at_a_glance_says_when_there_is_nothing_to_draw() {
        let none = analyze("The port is shut.");
        let html = at_a_glance(&none, &[], None);
        assert!(html.contains("No sides yet") && html.contains("No camps yet"), "{html}");
        // Two parties (a dispute the model recognises), neither accusing the other.
        let text = "Oslo and Stockholm are locked in a dispute over the port. Oslo says the port is shut. \
                    Stockholm says “the port is open” and rejected the claim.";
        let two = analyze(text);
        let html = at_a_glance(&two, &pairs(text, &two), None);
        assert!(html.contains("accusations-diagram") && html.contains("No claim here accuses"), "{html}");
        let demo = analyze(crate::DEMO_ARTICLE);
        let html = at_a_glance(&demo, &pairs(crate::DEMO_ARTICLE, &demo), None);
        assert!(!html.contains("class=\"empty\""), "{html}");
    }

    #[test]
    fn bars_share_one_scale() {
        for (value, max, want) in [(0, 5, 0), (5, 5, BAR_W), (1, 2, BAR_W / 2), (1, 1000, 2), (3, 0, 0)] {
            assert_eq!(bar(value, max), want, "{value}/{max}");
        }
    }

    #[test]
    fn accusations_draw_an_arrow_per_pair_and_mark_the_open_one() {
        let a = analyze(NILE);
        let p = pairs(NILE, &a);
        let labels: Vec<&str> = p.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["Egypt → Ethiopia", "Ethiopia → Egypt"], "{p:?}");
        assert!(p[1].claims[0].1.contains("Cairo of trying"), "{:?}", p[1].claims);
        let svg = accusations_svg(&a, &p, Some((p[1].from, p[1].to)));
        assert_eq!(svg.matches("data-testid=\"accusation-arrow\"").count(), 2);
        assert_eq!(svg.matches(" open\"").count(), 1);
        assert!(svg.contains("<desc>Egypt → Ethiopia: 1 claim. Ethiopia → Egypt: 1 claim.</desc>"), "{svg}");
        assert!(svg.contains("class=\"camp side-a\"") && svg.contains("class=\"camp side-b\""));
        assert!(!svg.contains("NaN") && !svg.contains("style="));
        // The demo: its one accusation; no sides, no diagram.
        let demo = analyze(crate::DEMO_ARTICLE);
        let demo_pairs = pairs(crate::DEMO_ARTICLE, &demo);
        assert!(accusations_svg(&demo, &demo_pairs, None).contains("Yerevan → Baku: 1 claim."));
        assert_eq!(accusations_svg(&analyze("No one spoke."), &[], None), "");
    }

    #[test]
    fn the_boxes_of_a_row_never_overlap_and_stay_inside() {
        for (n, ends) in [(1, false), (2, true), (2, false), (3, false), (MAX_THIRD_PARTIES, false)] {
            let xs = row_centres(n, ends);
            assert_eq!(xs.len(), n);
            for pair in xs.windows(2) {
                assert!(pair[1] - pair[0] >= BOX_W + BOX_GAP, "{n} boxes: {xs:?}");
            }
            for x in &xs {
                assert!(x - BOX_W / 2.0 >= 0.0 && x + BOX_W / 2.0 <= WIDTH as f32, "{n} boxes: {xs:?}");
            }
        }
        // As before for one and two: centred, and thirds of the row.
        assert_eq!(row_centres(1, false), vec![160.0]);
        assert_eq!(row_centres(2, true), vec![60.0, 260.0]);
    }

    #[test]
    fn names_from_the_article_are_escaped() {
        let text = "<b>Oslo</b> says the port is shut, while Bergen says it is open.";
        let mut a = analyze(text);
        for s in &mut a.sides {
            s.name = "<script>alert(1)</script>".into();
        }
        for svg in [at_a_glance(&a, &pairs(text, &a), None), minimap(&a, None)] {
            assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
        }
        assert!(balance(&a).contains("&lt;script&gt;"));
    }

    #[test]
    fn minimap_marks_sit_where_the_claims_are() {
        let a = analyze(crate::DEMO_ARTICLE);
        let svg = minimap(&a, None);
        assert_eq!(svg.matches("class=\"lane ").count(), 3);
        let marks = svg.matches("data-testid=\"minimap-mark\"").count();
        assert!(marks >= 1 && marks <= a.claims.len());
        let (top, height) = claim_band(&a, ClaimId(a.claims.len() as u32 - 1)).unwrap();
        assert!(top > MINIMAP_HEIGHT / 2 && top + height <= MINIMAP_HEIGHT, "the last claim is low in the strip");
        assert_eq!(claim_band(&a, ClaimId(999)), None);
        assert!(claim_label(&a, ClaimId(0)).unwrap().starts_with(&format!("Claim 1 of {}: ", a.claims.len())));
        let empty = analyze("");
        assert_eq!(minimap(&empty, None).matches("<rect").count(), 3, "lanes only");
        assert!(!svg.contains("cursor"));
        assert_eq!(minimap(&a, Some(ClaimId(0))).matches("class=\"cursor\"").count(), 1);
    }
}
