//! Fuzz target: any text analyses without a panic, and the span invariants hold.
#![no_main]

use article_explorer::analysis::markup;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = article_explorer::analyze(&text);
    let rebuilt: String = markup::segments(&text, &analysis).iter().map(|s| s.span.slice(&text)).collect();
    assert_eq!(rebuilt, text, "segments must reassemble the text");
    for e in &analysis.entities {
        assert!(text.is_char_boundary(e.span.start as usize) && text.is_char_boundary(e.span.end as usize));
    }
    for w in analysis.claims.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "claims overlap");
    }
    let _ = article_explorer::contract::to_json(&text, &analysis);
    let _ = markup::dump(&text, &analysis);
});
