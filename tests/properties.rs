//! Property tests on the span invariants: every span inside the text and on character
//! boundaries, sorted and non-overlapping where promised, segments that reassemble the input,
//! shift invariance ("\n\n" + text gives the same analysis moved by two bytes), determinism;
//! and the tokenizer's own word boundaries are Unicode's (`unicode-segmentation`'s) exactly.

use article_explorer::analysis::{markup, tokens, Analysis, Span};
use article_explorer::analyze;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn spans_ok(text: &str, spans: impl Iterator<Item = Span>) -> Result<(), String> {
    for s in spans {
        if s.start > s.end
            || s.end as usize > text.len()
            || !text.is_char_boundary(s.start as usize)
            || !text.is_char_boundary(s.end as usize)
        {
            return Err(format!("bad span {s:?} in text of {} bytes", text.len()));
        }
    }
    Ok(())
}

fn check(text: &str) -> Result<Analysis, TestCaseError> {
    let a = analyze(text);
    let all = a
        .tokens
        .iter()
        .map(|t| t.span)
        .chain(a.sentences.iter().map(|s| s.span))
        .chain(a.quotes.iter().map(|q| q.span))
        .chain(a.entities.iter().map(|e| e.span))
        .chain(
            a.claims
                .iter()
                .flat_map(|c| [Some(c.span), c.cue, c.speaker.as_ref().map(|s| s.span)].into_iter().flatten()),
        )
        .chain(a.assertions.iter().map(|x| x.span));
    spans_ok(text, all).map_err(TestCaseError::fail)?;
    for w in a.entities.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "entities overlap: {:?}", (w[0].span, w[1].span));
    }
    for w in a.claims.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "claims overlap");
    }
    for w in a.tokens.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "tokens overlap");
    }
    let rebuilt: String = markup::segments(text, &a).iter().map(|s| s.span.slice(text)).collect();
    prop_assert_eq!(&rebuilt, text, "segments reassemble the input");
    // Each paragraph (a token after two or more line breaks) starts a segment, and the one before
    // it says so: a shell can draw paragraphs as blocks.
    let segments = markup::segments(text, &a);
    for t in a.tokens.iter().filter(|t| t.newlines_before >= 2 && t.span.start > 0) {
        let i = segments.iter().position(|s| s.span.start == t.span.start);
        prop_assert!(
            i.is_some_and(|i| i > 0 && segments[i - 1].ends_paragraph),
            "paragraph at {} not cut",
            t.span.start
        );
    }
    prop_assert_eq!(
        segments.iter().filter(|s| s.ends_paragraph).count(),
        a.tokens.iter().filter(|t| t.newlines_before >= 2 && t.span.start > 0).count()
    );
    Ok(a)
}

fn article_like() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Baku",
        "says",
        "said",
        "Yerevan",
        "the",
        "road",
        "is",
        "open",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        ",",
        ".",
        "\n",
        "\n\n",
        "according",
        "to",
        "officials",
        "Ilham",
        "Aliyev",
        "He",
        "added",
        "that",
        "2,000",
        "June",
        "1",
        "Ə",
        "Ճ",
        "👩‍👩‍👧",
        "e\u{301}",
        "\r\n",
        "\r",
        "—",
        "Mr.",
        "U.S.",
        "EU",
        "(",
        ")",
        "told",
        "reporters",
        "accused",
    ]);
    prop::collection::vec(words, 0..80).prop_map(|ws| ws.join(" "))
}

/// Pieces of a text and their byte offsets.
type Pieces<'a> = Vec<(usize, &'a str)>;

/// The pieces `tokens::word_bounds` cuts `text` into, and those of `unicode-segmentation`.
fn both_word_bounds(text: &str) -> (Pieces<'_>, Pieces<'_>) {
    let mut ours = Vec::new();
    tokens::word_bounds(text, |i, piece| ours.push((i, piece)));
    (ours, text.split_word_bound_indices().collect())
}

/// Characters of every ASCII word-break class and some beyond ASCII that join or look across
/// boundaries (accents, combining marks, ZWJ, regional indicators, no-break and wide spaces).
const BOUND_CHARS: &[char] = &[
    'a', 'Z', '7', '_', ' ', '\n', '\r', '\t', '\u{b}', '\u{c}', '.', ',', ';', ':', '\'', '"', '-', '(', 'é',
    '\u{301}', '\u{200d}', '’', '“', '—', '\u{a0}', '\u{3000}', '🇫', '🇷', '👩', '٣', 'ש',
];

#[test]
fn word_bounds_match_unicode_segmentation_on_every_short_string() {
    // Every string of up to four of the characters above.
    let n = BOUND_CHARS.len();
    let mut text = String::new();
    for len in 0..=4u32 {
        for mut code in 0..n.pow(len) {
            text.clear();
            for _ in 0..len {
                text.push(BOUND_CHARS[code % n]);
                code /= n;
            }
            let (ours, theirs) = both_word_bounds(&text);
            assert_eq!(ours, theirs, "{text:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn word_bounds_match_unicode_segmentation(
        text in prop::collection::vec(prop::sample::select(BOUND_CHARS), 0..120).prop_map(|cs| cs.into_iter().collect::<String>())
    ) {
        let (ours, theirs) = both_word_bounds(&text);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn word_bounds_match_unicode_segmentation_on_any_text(text in "\\PC{0,200}") {
        let (ours, theirs) = both_word_bounds(&text);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn invariants_hold_on_article_like_text(text in article_like()) {
        check(&text)?;
    }

    #[test]
    fn invariants_hold_on_any_text(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn shifting_the_text_shifts_the_analysis(text in article_like()) {
        let a = analyze(&text);
        let shifted = format!("\n\n{text}");
        let b = analyze(&shifted);
        let ents = |x: &Analysis, d: u32| x.entities.iter().map(|e| (e.span.shift(d), e.kind)).collect::<Vec<_>>();
        prop_assert_eq!(ents(&a, 2), ents(&b, 0));
        let claims = |x: &Analysis, d: u32| x.claims.iter().map(|c| (c.span.shift(d), c.kind)).collect::<Vec<_>>();
        prop_assert_eq!(claims(&a, 2), claims(&b, 0));
    }

    #[test]
    fn analysis_is_deterministic(text in article_like()) {
        prop_assert_eq!(analyze(&text), analyze(&text));
    }
}
