//! The claim stage, and the whole analysis, are linear in the text's length: adversarial inputs
//! (10,000 quote marks, one 100,000-character sentence, thousands of names) must take about four
//! times as long when four times as long. Timing lives here, outside the pure core, because the
//! core may not read a clock.

use article_explorer::analysis::{analyze, claims, lexicon::LEXICON, quotes, sentences, tokens::tokenize, Document};
use std::time::{Duration, Instant};

/// Runs the stages the claim stage needs and times the claim stage alone.
fn time_claims(text: &str) -> Duration {
    let tokens = tokenize(text);
    let sentences = sentences::split(text, &tokens, &LEXICON);
    let (quotes, _) = quotes::find(text, &tokens);
    let doc = Document::new(text, tokens, sentences, quotes);
    let start = Instant::now();
    let drafts = claims::find(&doc);
    let elapsed = start.elapsed();
    assert!(drafts.len() <= doc.tokens.len());
    elapsed
}

/// Quadrupling the input must not take much more than four times as long (a quadratic stage
/// takes sixteen times as long). Runs under 2 ms count as 2 ms (noise).
fn assert_linear(name: &str, unit: &str, n: usize) {
    assert_linear_with(time_claims, name, unit, n);
}

/// Times the whole analysis.
fn time_analysis(text: &str) -> Duration {
    let start = Instant::now();
    let analysis = analyze(text);
    let elapsed = start.elapsed();
    assert!(analysis.entities.len() <= analysis.tokens.len());
    elapsed
}

/// The timing tests take turns: two of them timing at once on two cores would skew both.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn assert_linear_with(time: fn(&str) -> Duration, name: &str, unit: &str, n: usize) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (small_text, large_text) = (unit.repeat(n / 4), unit.repeat(n));
    // The pair with the smallest ratio of seven, each pair run back to back: a busy machine slows
    // both runs of a pair alike, and never speeds one up.
    let (small, large) = (0..7)
        .map(|_| (time(&small_text), time(&large_text)))
        .min_by(|a, b| {
            (a.1.as_secs_f64() / a.0.as_secs_f64().max(2e-3))
                .total_cmp(&(b.1.as_secs_f64() / b.0.as_secs_f64().max(2e-3)))
        })
        .unwrap_or_default();
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(2e-3);
    assert!(ratio < 9.0, "{name}: {n} units took {large:?}, a quarter of them {small:?} (ratio {ratio:.1})");
    assert!(large.as_secs() < 5, "{name}: {large:?}");
}

#[test]
fn linear_in_ten_thousand_quote_marks() {
    assert_linear("bare marks", "\" ", 10_000);
    assert_linear("quoted claims", "“Yes,” he said. ", 5_000);
    assert_linear("unclosed marks", "“a said b ", 10_000);
}

#[test]
fn linear_in_one_long_sentence() {
    // Each input is about 100,000 characters with no full stop.
    assert_linear("said chain", "Tom said the port, ", 5_000);
    assert_linear("commas", "a, ", 33_000);
    assert_linear("coordinated cues", "the aide rejected it and said ", 3_300);
    assert_linear("according to", "according to officials, ", 4_000);
}

#[test]
fn linear_in_thousands_of_names() {
    // Datelines, organisation names to complete and split, acronyms, company short names,
    // "the ministry" to resolve and outlets told: the entity and side rules' own passes.
    let unit = "NAIROBI (Reuters) - The Competition and Markets Authority and the Tarn Medical Association (TMA) \
                said Tarnvale Technologies and Tarnland's Interior Ministry had failed. Tarnvale denied it, \
                and the ministry told the BBC that Ana Reis, a spokeswoman for Tarnvale, was wrong.\n\n";
    assert_linear_with(time_analysis, "names", unit, 1_200);
}
