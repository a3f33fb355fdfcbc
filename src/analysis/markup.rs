//! The view-model every shell draws: the text cut into segments, each with the marks that
//! cover it (outermost first), plus the plain-text marked-up dump used by goldens and the CLI.
//!
//! Concatenating the segments' text gives back the input exactly.

use super::model::{Analysis, ClaimId, EntityId};
use super::span::Span;

/// One mark over a stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Inside the content of a claim.
    Claim(ClaimId),
    /// Inside the words naming a claim's speaker.
    Speaker(ClaimId),
    /// Inside a claim's reporting cue.
    Cue(ClaimId),
    /// Inside an unattributed, check-worthy assertion (index into `Analysis::assertions`).
    Assertion(u32),
    /// Inside an entity mention.
    Entity(EntityId),
}

/// A stretch of text with the same marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Where it is.
    pub span: Span,
    /// The marks over it, outermost first (claim or assertion, then speaker/cue, then entity).
    pub marks: Vec<Mark>,
    /// Which of `marks` start exactly here (so a shell draws a label once).
    pub starts: Vec<Mark>,
    /// True when a new paragraph starts right after it (segments are cut there, so a shell can
    /// draw each paragraph as a block).
    pub ends_paragraph: bool,
}

fn rank(mark: &Mark) -> u8 {
    match mark {
        Mark::Assertion(_) => 0,
        Mark::Claim(_) => 1,
        Mark::Speaker(_) | Mark::Cue(_) => 2,
        Mark::Entity(_) => 3,
    }
}

/// Cuts `text` into segments at every mark boundary.
pub fn segments(text: &str, analysis: &Analysis) -> Vec<Segment> {
    let mut marks: Vec<(Span, Mark)> = Vec::new();
    for (i, a) in analysis.assertions.iter().enumerate() {
        marks.push((a.span, Mark::Assertion(i as u32)));
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        let id = ClaimId(i as u32);
        marks.push((c.span, Mark::Claim(id)));
        if let Some(s) = &c.speaker {
            if !s.span.overlaps(c.span) {
                marks.push((s.span, Mark::Speaker(id)));
            }
        }
        if let Some(cue) = c.cue {
            if !cue.overlaps(c.span) {
                marks.push((cue, Mark::Cue(id)));
            }
        }
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        marks.push((e.span, Mark::Entity(EntityId(i as u32))));
    }
    marks.retain(|(s, _)| !s.is_empty() && s.end as usize <= text.len());
    let mut cuts: Vec<u32> = Vec::with_capacity(marks.len() * 2 + 2);
    cuts.push(0);
    cuts.push(text.len() as u32);
    for (s, _) in &marks {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    // Paragraphs start at a token after two or more line breaks (as in sentence splitting).
    let paragraph_starts: Vec<u32> = analysis
        .tokens
        .iter()
        .filter(|t| t.newlines_before >= 2 && t.span.start > 0 && t.span.start as usize <= text.len())
        .map(|t| t.span.start)
        .collect();
    cuts.extend_from_slice(&paragraph_starts);
    cuts.sort_unstable();
    cuts.dedup();
    // By start, then rank, ties kept in the order above: as a stable sort by (start, rank) would,
    // from one sort of plain numbers (start, rank, position packed in order; a text's marks number
    // far fewer than 2^30).
    const POSITION_BITS: u32 = 30;
    debug_assert!(marks.len() < 1 << POSITION_BITS);
    let mut order: Vec<u64> = marks
        .iter()
        .enumerate()
        .map(|(i, (s, m))| u64::from(s.start) << 32 | u64::from(rank(m)) << POSITION_BITS | i as u64)
        .collect();
    order.sort_unstable();
    let marks: Vec<(Span, Mark)> = order.iter().map(|k| marks[(k & ((1 << POSITION_BITS) - 1)) as usize]).collect();
    // Sweep: active marks at each segment.
    let mut out = Vec::with_capacity(cuts.len());
    let mut active: Vec<(Span, Mark)> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let span = Span { start: w[0], end: w[1] };
        active.retain(|(s, _)| s.end > span.start);
        let mut starts = Vec::new();
        while next < marks.len() && marks[next].0.start <= span.start {
            if marks[next].0.end > span.start {
                // Kept in rank order as they come (after the marks of its rank already there):
                // the order a stable sort by rank would give, without sorting at every segment.
                let r = rank(&marks[next].1);
                let at = active.partition_point(|(_, m)| rank(m) <= r);
                active.insert(at, marks[next]);
                starts.push(marks[next].1);
            }
            next += 1;
        }
        let ends_paragraph = paragraph_starts.binary_search(&span.end).is_ok();
        out.push(Segment { span, marks: active.iter().map(|(_, m)| *m).collect(), starts, ends_paragraph });
    }
    out
}

/// A readable dump of the analysis: the text with `[[KIND text]]` entities, `«C1 …»` claims with
/// speakers, then tables of claims and sides. Deterministic: used by golden tests and the CLI.
pub fn dump(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    for seg in segments(text, analysis) {
        for m in &seg.starts {
            match m {
                Mark::Claim(id) => out.push_str(&format!("«C{} ", id.0 + 1)),
                Mark::Entity(id) => out.push_str(&format!("[[{} ", analysis.entity(*id).kind.label())),
                Mark::Speaker(_) | Mark::Cue(_) | Mark::Assertion(_) => {}
            }
        }
        out.push_str(seg.span.slice(text));
        let mut ends: Vec<&Mark> = seg.marks.iter().filter(|m| mark_span(analysis, m).end == seg.span.end).collect();
        ends.reverse();
        for m in ends {
            match m {
                Mark::Claim(_) => out.push('»'),
                Mark::Entity(_) => out.push_str("]]"),
                _ => {}
            }
        }
    }
    out.push_str("\n\n== claims\n");
    for (i, c) in analysis.claims.iter().enumerate() {
        let speaker = c.speaker.as_ref().map_or("?".to_string(), |s| format!("{} [{}]", s.name, s.span.slice(text)));
        let side = c.side.map_or("-".to_string(), |s| analysis.side(s).name.clone());
        let cue = c.cue.map_or("-", |s| s.slice(text));
        out.push_str(&format!(
            "C{} {} cue={} speaker={} side={} conf={}\n",
            i + 1,
            c.kind.label(),
            cue,
            speaker,
            side,
            crate::analysis::decimal::fixed(c.confidence, 2)
        ));
    }
    out.push_str("\n== sides\n");
    for s in &analysis.sides {
        out.push_str(&format!("{} ({}): {}\n", s.name, s.role.label(), s.aliases.join(", ")));
    }
    if !analysis.counter_claims.is_empty() {
        out.push_str("\n== counter-claims\n");
        for p in &analysis.counter_claims {
            out.push_str(&format!(
                "C{} <> C{} score={}\n",
                p.claim.0 + 1,
                p.counter.0 + 1,
                crate::analysis::decimal::fixed(p.score, 2)
            ));
        }
    }
    if !analysis.diagnostics.is_empty() {
        out.push_str("\n== diagnostics\n");
        for d in &analysis.diagnostics {
            out.push_str(&format!("{}\n", d.message));
        }
    }
    out
}

fn mark_span(analysis: &Analysis, mark: &Mark) -> Span {
    match mark {
        Mark::Claim(id) => analysis.claim(*id).span,
        Mark::Speaker(id) => analysis.claim(*id).speaker.as_ref().map(|s| s.span).unwrap_or_default(),
        Mark::Cue(id) => analysis.claim(*id).cue.unwrap_or_default(),
        Mark::Assertion(i) => analysis.assertions[*i as usize].span,
        Mark::Entity(id) => analysis.entity(*id).span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    /// (text, the segments' text with "|" after each one that ends a paragraph)
    #[test]
    fn segments_end_where_paragraphs_do() {
        let table = [
            ("One line.", "One line."),
            ("First.\nStill first.", "First.\nStill first."),
            ("First.\n\nSecond.", "First.\n\n|Second."),
            ("First.\r\n\r\n  Second.\n\n\nThird.", "First.\r\n\r\n  |Second.\n\n\n|Third."),
            ("\n\nLeading breaks.", "\n\n|Leading breaks."),
        ];
        for (text, want) in table {
            let analysis = analyze(text);
            let got: String = segments(text, &analysis)
                .iter()
                .map(|s| format!("{}{}", s.span.slice(text), if s.ends_paragraph { "|" } else { "" }))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_mark_across_a_paragraph_break_is_cut_there_and_starts_once() {
        let text = "Maria Santos said: \"The ferry is late.\n\nIt will be late again,\" she added.";
        let analysis = analyze(text);
        let segs = segments(text, &analysis);
        let cut = segs.iter().position(|s| s.ends_paragraph).expect("a paragraph end");
        assert!(segs[cut].span.slice(text).ends_with("\n\n"));
        let after = &segs[cut + 1];
        assert!(after.span.slice(text).starts_with("It"));
        for m in &after.marks {
            assert!(
                !after.starts.contains(m) || segs[..=cut].iter().all(|s| !s.marks.contains(m)),
                "{m:?} starts twice"
            );
        }
    }
}

/// `segments` checked against a slow, obvious reading of its contract (every mark listed for
/// each stretch of text), and the dump's tables (caught mutants: `scripts/mutants.sh`).
#[cfg(test)]
mod against_a_naive_reading {
    use super::*;
    use crate::analysis::{analyze, Claim, ClaimKind, ClusterId, Entity, EntityKind};

    /// How deep a kind of mark sits: claims and assertions outermost, then speaker and cue
    /// words, then names (the contract of `Segment::marks`, written out again here).
    fn depth(mark: &Mark) -> u8 {
        match mark {
            Mark::Claim(_) | Mark::Assertion(_) => 0,
            Mark::Speaker(_) | Mark::Cue(_) => 1,
            Mark::Entity(_) => 2,
        }
    }

    /// Every mark of the analysis with its span: claims, their speaker and cue words where those
    /// lie outside the claim, assertions, entities; empty spans and spans past the text dropped.
    fn all_marks(text: &str, analysis: &Analysis) -> Vec<(Span, Mark)> {
        let mut marks = Vec::new();
        for (i, c) in analysis.claims.iter().enumerate() {
            let id = ClaimId(i as u32);
            marks.push((c.span, Mark::Claim(id)));
            if let Some(s) = c.speaker.as_ref().filter(|s| !s.span.overlaps(c.span)) {
                marks.push((s.span, Mark::Speaker(id)));
            }
            if let Some(cue) = c.cue.filter(|cue| !cue.overlaps(c.span)) {
                marks.push((cue, Mark::Cue(id)));
            }
        }
        for (i, a) in analysis.assertions.iter().enumerate() {
            marks.push((a.span, Mark::Assertion(i as u32)));
        }
        for (i, e) in analysis.entities.iter().enumerate() {
            marks.push((e.span, Mark::Entity(EntityId(i as u32))));
        }
        marks.retain(|(s, _)| !s.is_empty() && s.end as usize <= text.len());
        marks
    }

    fn check(text: &str) {
        let analysis = analyze(text);
        let marks = all_marks(text, &analysis);
        let segs = segments(text, &analysis);
        let paragraph_starts: Vec<u32> = analysis
            .tokens
            .iter()
            .filter(|t| t.newlines_before >= 2 && t.span.start > 0)
            .map(|t| t.span.start)
            .collect();
        // The segments tile the text (none for no text), cut exactly at mark edges and paragraph
        // starts.
        if text.is_empty() {
            assert_eq!(segs, vec![]);
            return;
        }
        assert_eq!(segs.first().map(|s| s.span.start), Some(0), "{text:?}");
        assert_eq!(segs.last().map(|s| s.span.end), Some(text.len() as u32), "{text:?}");
        for w in segs.windows(2) {
            assert_eq!(w[0].span.end, w[1].span.start, "{text:?}");
            let cut = w[0].span.end;
            assert!(
                marks.iter().any(|(s, _)| s.start == cut || s.end == cut) || paragraph_starts.contains(&cut),
                "a cut at {cut} with no reason in {text:?}"
            );
        }
        for seg in &segs {
            assert!(!seg.span.is_empty(), "an empty segment in {text:?}");
            // Each mark covering the segment, outermost first; the ones starting here, once.
            let mut covering: Vec<(Span, Mark)> = marks.iter().copied().filter(|(s, _)| s.contains(seg.span)).collect();
            covering.sort_by_key(|(s, m)| (depth(m), s.start));
            let want: Vec<Mark> = covering.iter().map(|(_, m)| *m).collect();
            let mut got = seg.marks.clone();
            // Marks of one rank may come in any order; compare as sets within a rank.
            let key = |m: &Mark| (depth(m), format!("{m:?}"));
            let (mut want_sorted, mut got_sorted) = (want.clone(), got.clone());
            want_sorted.sort_by_key(key);
            got_sorted.sort_by_key(key);
            assert_eq!(got_sorted, want_sorted, "marks over {:?} in {text:?}", seg.span.slice(text));
            got.dedup_by_key(|m| depth(m));
            assert!(got.windows(2).all(|w| depth(&w[0]) < depth(&w[1])), "outermost first: {:?}", seg.marks);
            let mut starting: Vec<Mark> =
                marks.iter().filter(|(s, _)| s.start == seg.span.start).map(|(_, m)| *m).collect();
            starting.sort_by_key(key);
            let mut starts = seg.starts.clone();
            starts.sort_by_key(key);
            assert_eq!(starts, starting, "marks starting at {:?} in {text:?}", seg.span.slice(text));
            assert_eq!(
                seg.ends_paragraph,
                paragraph_starts.contains(&seg.span.end),
                "paragraph end after {:?} in {text:?}",
                seg.span.slice(text)
            );
        }
    }

    #[test]
    fn segments_list_every_mark_over_every_stretch() {
        for text in [
            crate::DEMO_ARTICLE,
            "Oslo says the port is shut, while Bergen says it is open.",
            "“The ferry is late,” said Maria Santos, the mayor of Bergen, on 3 May 2024.\n\nShe added: \"It will be \
             late again.\"\n\n\nThe government denies this. Unemployment rose 4% in 2023.",
            "Maria Santos said: \"The ferry is late.\n\nIt will be late again,\" she added.",
            "",
            "\n\n",
        ] {
            check(text);
        }
    }

    /// The dump's tables: claims and sides always, counter-claims and diagnostics only when there
    /// are some.
    #[test]
    fn dump_lists_its_tables_when_they_have_rows() {
        use crate::analysis::{CounterClaim, Diagnostic};
        let text = "Oslo says the port is shut, while Bergen says it is open.";
        let plain = analyze(text);
        let mut full = plain.clone();
        full.counter_claims.clear();
        full.counter_claims.push(CounterClaim { claim: ClaimId(0), counter: ClaimId(1), score: 0.5, evidence: vec![] });
        full.diagnostics = vec![Diagnostic { span: None, message: "A test note.".into() }];
        let mut bare = plain.clone();
        bare.counter_claims.clear();
        bare.diagnostics.clear();
        let out = dump(text, &full);
        assert!(out.contains("\n\n== claims\nC1 "), "{out}");
        assert!(out.contains("\n== sides\n"), "{out}");
        assert!(out.contains("\n== counter-claims\nC1 <> C2 score=0.50\n"), "{out}");
        assert!(out.ends_with("\n== diagnostics\nA test note.\n"), "{out}");
        let out = dump(text, &bare);
        assert!(!out.contains("== counter-claims") && !out.contains("== diagnostics"), "{out}");
        assert!(out.split("\n\n== claims").next().unwrap_or("").contains("the port is shut"), "the text first: {out}");
    }

    /// A claim that starts inside a name: over their overlap the claim is still listed first.
    #[test]
    fn outermost_first_when_a_name_starts_before_the_claim() {
        let text = "Port Authority says the port is shut.";
        let mut analysis = Analysis::default();
        analysis.entities.push(Entity {
            span: Span::new(0, 14),
            kind: EntityKind::Org,
            cluster: ClusterId(0),
            confidence: 1.0,
            evidence: vec![],
        });
        analysis.claims.push(Claim {
            span: Span::new(5, 36),
            kind: ClaimKind::Indirect,
            cue: None,
            speaker: None,
            side: None,
            confidence: 1.0,
            evidence: vec![],
        });
        let over: Vec<Vec<Mark>> = segments(text, &analysis).into_iter().map(|s| s.marks).collect();
        assert_eq!(
            over,
            vec![
                vec![Mark::Entity(EntityId(0))],
                vec![Mark::Claim(ClaimId(0)), Mark::Entity(EntityId(0))],
                vec![Mark::Claim(ClaimId(0))],
                vec![],
            ]
        );
    }
}
