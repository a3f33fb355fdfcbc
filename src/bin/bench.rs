//! The speed and size benchmark (issues 8 and 20): prints words/s for the whole analysis and per
//! stage on long articles, words/s on a corpus of short documents, the fixed cost of one call
//! (an empty text, one sentence), comparing two 1,000-word reports against one analysis, how cost
//! grows from 1k to 1M words, peak memory, the first call in a process and the CLI on one sentence
//! (start-up), batch articles/s, and the site's gzipped size, each beside its budget where it has one.
//! Run: `cargo run --release --bin bench [-- --quick] [--compare-only]`.
//!
//! The corpora are generated here from templates we wrote, with fixed seeds, so runs compare.
//! `-- --write-short-corpus FILE` writes the short-document corpus as JSONL (`{"id", "text"}`
//! per line, what `article-explorer analyze --jsonl` reads) and exits: `scripts/bench-wink.sh`
//! runs wink-nlp and the CLI on it side by side.

use article_explorer::analysis::{attribution, claims, entities, lexicon, quotes, sentences, sides, tokens, Document};
use std::io::Write;
use std::time::Instant;

/// mimalloc rather than the system allocator: see Cargo.toml (issue 20).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const PEOPLE: &[&str] = &[
    "Maria Lopez",
    "Tom Reed",
    "Kari Berg",
    "Lars Holm",
    "Priya Nair",
    "James Ward",
    "Amal Haddad",
    "Oleg Petrov",
    "Ana Silva",
    "Chen Wei",
];
const PLACES: &[&str] =
    &["Oslo", "Stockholm", "Lisbon", "Madrid", "Kyiv", "Warsaw", "Nairobi", "Lima", "Hanoi", "Ottawa"];
const COUNTRIES: &[&str] =
    &["Norway", "Sweden", "Portugal", "Spain", "Ukraine", "Poland", "Kenya", "Peru", "Vietnam", "Canada"];
const ORGS: &[&str] = &[
    "the European Union",
    "the United Nations",
    "the Transport Workers Union",
    "Harwell Shipping",
    "the Nordic Council",
    "NATO",
];
const TITLES: &[&str] = &["foreign minister", "president", "spokesperson", "trade minister", "prime minister", "mayor"];
const TEMPLATES: &[&str] = &[
    "{C}'s {T} {P} said on Monday that talks with {C2} would resume in {L} next week.",
    "\"We will not accept these terms,\" said {P}, the {T} of {C}.",
    "{L} says {L2} is using the border crossing to block supplies, while {L2} says the checks are needed.",
    "According to officials in {L}, about 2,000 people have left the region since March.",
    "{P} accused {C2} of breaking the agreement, adding that {O} had been informed.",
    "Hundreds of workers gathered outside the ministry in {L} on Friday.",
    "\"The road is open to civilians,\" {P} told reporters. \"It is closed to smugglers.\"",
    "The meeting, the first since June 1, will be chaired by {O}, two diplomats said.",
    "Prices rose 4 percent in {C} last year, the central bank said in a statement.",
    "{T} {P} declined to comment on the report.",
];

/// Headlines for the short documents.
const HEADLINES: &[&str] = &[
    "Talks between {C} and {C2} resume in {L}",
    "{O} warns of shortages in {L}",
    "Strike closes the port of {L}",
    "{P} steps down as {T}",
    "{C} accuses {C2} of breaking border deal",
];

/// One generated short document (a news brief, a post, a caption): a headline or a dateline at
/// times, then one to ten sentences of the templates.
fn short_document(rng: &mut Rng) -> String {
    let mut out = String::new();
    match rng.next() % 4 {
        0 => {
            let headline = rng.pick(HEADLINES);
            out.push_str(&fill(rng, headline));
            out.push_str("\n\n");
        }
        1 => {
            out.push_str(&rng.pick(PLACES).to_uppercase());
            out.push_str(" — ");
        }
        _ => {}
    }
    let n = 1 + rng.next() % 10;
    for i in 0..n {
        let template = rng.pick(TEMPLATES);
        out.push_str(&fill(rng, template));
        if i + 1 < n {
            out.push_str(if rng.next().is_multiple_of(5) { "\n\n" } else { " " });
        }
    }
    out
}

/// A template with its slots filled.
fn fill(rng: &mut Rng, template: &str) -> String {
    template
        .replace("{C2}", rng.pick(COUNTRIES))
        .replace("{C}", rng.pick(COUNTRIES))
        .replace("{L2}", rng.pick(PLACES))
        .replace("{L}", rng.pick(PLACES))
        .replace("{P}", rng.pick(PEOPLE))
        .replace("{O}", rng.pick(ORGS))
        .replace("{T}", rng.pick(TITLES))
}

/// The short-document corpus: 3,000 documents, median under 100 words.
fn short_corpus() -> Vec<String> {
    let mut rng = Rng(0x5eed_5407_d0c5_0002);
    (0..3_000).map(|_| short_document(&mut rng)).collect()
}

/// One generated article of roughly `words` words.
fn article(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    while n < words {
        let template = rng.pick(TEMPLATES);
        let s = fill(rng, template);
        n += s.split_whitespace().count();
        out.push_str(&s);
        out.push_str(if rng.next().is_multiple_of(4) { "\n\n" } else { " " });
    }
    out
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Seconds per run of `f`, best of `reps`.
fn best<F: FnMut()>(reps: usize, mut f: F) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "OVER BUDGET"
    }
}

/// Microseconds per call of `analyze(text)`, best of `reps` runs of `calls` calls.
fn per_call_us(text: &str, calls: usize, reps: usize) -> f64 {
    best(reps, || {
        for _ in 0..calls {
            drop(std::hint::black_box(article_explorer::analyze(std::hint::black_box(text))));
        }
    }) * 1e6
        / calls as f64
}

/// The comparison of two 1,000-word reports (issue 18) beside one analysis: as the CLI runs it
/// (the two analyses on two threads), on one thread, the comparison step alone, and what a
/// keystroke in one report costs the page (that report analysed, compared, redrawn).
fn compare_figures(quick: bool) {
    use article_explorer::analysis::compare::{compare, in_camp_terms, Which};
    use article_explorer::analyze;
    use std::hint::black_box;
    let mut rng = Rng(0x5eed_c0de_0018_0001);
    let (a_text, b_text) = (article(&mut rng, 1_000), article(&mut rng, 1_000));
    let reps = if quick { 20 } else { 60 };
    let (a, b) = (analyze(&a_text), analyze(&b_text));
    // One analysis: the mean of the two reports' (they differ a little in length and content).
    let one = (best(reps, || drop(black_box(analyze(black_box(&a_text)))))
        + best(reps, || drop(black_box(analyze(black_box(&b_text))))))
        / 2.0;
    let step = best(reps, || drop(black_box(compare(&a_text, &a, &b_text, &b, &[]))));
    let comparison = compare(&a_text, &a, &b_text, &b, &[]);
    let redraw = best(reps, || drop(black_box(in_camp_terms(&a, &comparison.camps, Which::A))));
    let threads = best(reps, || {
        let (x, y) = rayon::join(|| analyze(black_box(&a_text)), || analyze(black_box(&b_text)));
        drop(black_box(compare(&a_text, &x, &b_text, &y, &[])));
    });
    let single = best(reps, || {
        let (x, y) = (analyze(black_box(&a_text)), analyze(black_box(&b_text)));
        drop(black_box(compare(&a_text, &x, &b_text, &y, &[])));
    });
    let keystroke = one + step + redraw;
    let ms = |s: f64| s * 1e3;
    println!(
        "compare two reports of {} and {} words, as the CLI (two threads; needs two free cores): {:.3} ms = {:.2}x one analysis ({:.3} ms)  (budget < 2x: {})",
        words(&a_text),
        words(&b_text),
        ms(threads),
        threads / one,
        ms(one),
        verdict(threads < 2.0 * one)
    );
    println!(
        "  one thread (the page's first comparison): {:.3} ms = {:.2}x; the comparison step alone {:.3} ms = {:.1}% of one analysis; a keystroke in one report on the page (that report analysed, compared, redrawn): {:.3} ms = {:.2}x  (budget < 2x: {})",
        ms(single),
        single / one,
        ms(step),
        100.0 * step / one,
        ms(keystroke),
        keystroke / one,
        verdict(keystroke < 2.0 * one)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write-short-corpus") {
        let Some(path) = args.get(i + 1) else {
            eprintln!("usage: bench --write-short-corpus FILE");
            std::process::exit(2);
        };
        let mut out = Vec::new();
        for (id, text) in short_corpus().iter().enumerate() {
            writeln!(out, "{}", serde_json::json!({"id": id, "text": text})).ok();
        }
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(1);
        }
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    if args.iter().any(|a| a == "--compare-only") {
        compare_figures(quick);
        return;
    }
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    // The first call reads what every later one shares (the model, the word lists, the lexicon,
    // the automata): what one process pays once, before any text.
    let t = Instant::now();
    let _ = article_explorer::analyze("warm up the lexicon and automata");
    let first_call = t.elapsed().as_secs_f64();
    let lex = &*lexicon::LEXICON;

    // Whole analysis and per stage on a 100,000-word corpus of 500-word articles.
    let corpus: Vec<String> = (0..200).map(|_| article(&mut rng, 500)).collect();
    let n_words: usize = corpus.iter().map(|a| words(a)).sum();
    let reps = if quick { 1 } else { 3 };
    let whole = best(reps, || corpus.iter().for_each(|a| drop(std::hint::black_box(article_explorer::analyze(a)))));
    println!("corpus: {} articles, {n_words} words", corpus.len());
    let wps = n_words as f64 / whole;
    println!(
        "whole analysis, one thread: {:>12.0} words/s  (budget >= 1,000,000: {})",
        wps,
        verdict(wps >= 1_000_000.0)
    );

    let mut stage = [0f64; 6];
    for a in &corpus {
        let t0 = Instant::now();
        let toks = tokens::tokenize(a);
        let t1 = Instant::now();
        let sents = sentences::split(a, &toks, lex);
        let (qs, _) = quotes::find(a, &toks);
        let doc = Document::new(a, toks, sents, qs);
        let t2 = Instant::now();
        let (ents, clusters) = entities::recognize(&doc);
        let t3 = Instant::now();
        let drafts = claims::find(&doc);
        let t4 = Instant::now();
        let mut cl = attribution::attribute(&doc, drafts, &ents, &clusters);
        let t5 = Instant::now();
        let _ = sides::assign(&doc, &ents, &clusters, &mut cl);
        let t6 = Instant::now();
        for (i, (x, y)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6)].iter().enumerate() {
            stage[i] += (*y - *x).as_secs_f64();
        }
    }
    for (name, secs) in ["tokens", "sentences+quotes", "entities", "claims", "attribution", "sides"].iter().zip(stage) {
        println!("  stage {name:<18} {:>12.0} words/s", n_words as f64 / secs);
    }

    // Short documents: what a corpus of news briefs and posts costs, fixed cost per call included.
    let short = short_corpus();
    let mut lengths: Vec<usize> = short.iter().map(|d| words(d)).collect();
    let short_words: usize = lengths.iter().sum();
    lengths.sort_unstable();
    let secs = best(reps + 2, || short.iter().for_each(|d| drop(std::hint::black_box(article_explorer::analyze(d)))));
    println!(
        "short documents: {} docs, {short_words} words, median {} words: {:>10.0} words/s, {:.0} docs/s, one thread",
        short.len(),
        lengths[lengths.len() / 2],
        short_words as f64 / secs,
        short.len() as f64 / secs
    );
    println!("  (budget >= 2x wink-nlp's words/s on this corpus: scripts/bench-wink.sh runs both side by side)");

    // The fixed cost of one call: an empty text, and one sentence.
    let sentence = "Oslo says the port is shut, while Bergen says it is open.";
    let calls = if quick { 2_000 } else { 20_000 };
    for (what, text) in [("empty text", ""), ("one sentence", sentence)] {
        let us = per_call_us(text, calls, reps + 2);
        println!("fixed cost per call, {what:<13} {us:>8.2} µs  (budget <= 10 µs: {})", verdict(us <= 10.0));
    }

    compare_figures(quick);

    // Growth: the same per-word cost from 1k to 1M words in one text.
    println!("growth (one text):");
    let sizes: &[usize] = if quick { &[1_000, 10_000, 100_000] } else { &[1_000, 10_000, 100_000, 1_000_000] };
    let mut base = None;
    for &size in sizes {
        let text = article(&mut rng, size);
        let secs = best(if size >= 1_000_000 { 1 } else { reps }, || {
            drop(std::hint::black_box(article_explorer::analyze(&text)))
        });
        let per_word_ns = secs * 1e9 / words(&text) as f64;
        let ratio = per_word_ns / *base.get_or_insert(per_word_ns);
        println!(
            "  {:>9} words: {:>9.2} ms, {:>7.0} ns/word ({ratio:.2}x the 1k cost per word)",
            words(&text),
            secs * 1e3,
            per_word_ns
        );
    }
    match peak_memory_kib() {
        Some(kib) => println!("peak memory (VmHWM): {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak memory: not available on this system"),
    }

    println!("first call in a process (reads the model, word lists and lexicon): {:.1} ms", first_call * 1e3);
    cli_one_sentence();

    // Batch: the CLI's --jsonl over a generated corpus, all cores.
    let n_articles = if quick { 1_000 } else { 10_000 };
    match cli_path() {
        Some(cli) => {
            let mut input = Vec::new();
            for i in 0..n_articles {
                let line = serde_json::json!({"id": i, "text": article(&mut rng, 300)});
                writeln!(input, "{line}").ok();
            }
            let t = Instant::now();
            let mut child = std::process::Command::new(cli)
                .args(["analyze", "--jsonl"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("the CLI starts");
            child.stdin.take().expect("stdin").write_all(&input).ok();
            let ok = child.wait().map(|s| s.success()).unwrap_or(false);
            let secs = t.elapsed().as_secs_f64();
            println!(
                "batch --jsonl: {n_articles} articles in {secs:.2} s = {:.0} articles/s on {} cores{}",
                n_articles as f64 / secs,
                std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
                if ok { "" } else { " (CLI FAILED)" }
            );
        }
        None => println!("batch --jsonl: skipped (build the CLI first: cargo build --release)"),
    }

    // The site (build it with scripts/build-site.sh): gzipped size of what the first highlight
    // needs (the page and the script, wasm and stylesheet it loads; scripts/bench-browser.sh
    // measures it in the browser) and of every file the site serves (lazy/ included).
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    match site_files(&dist) {
        Ok(files) => {
            let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
            let (mut first_gz, mut total_gz) = (0usize, 0usize);
            for (name, bytes) in &files {
                let gz = miniz_oxide::deflate::compress_to_vec(bytes, 9).len() + 18;
                let first = name == "index.html" || (!name.contains('/') && index.contains(&format!("/{name}")));
                println!(
                    "  dist/{name:<40} {:>9} bytes, {gz:>8} gzipped{}",
                    bytes.len(),
                    if first { "  (first highlight)" } else { "" }
                );
                total_gz += gz;
                first_gz += if first { gz } else { 0 };
            }
            println!(
                "first highlight transfer (gzipped): {first_gz} bytes (budget <= 750,000 bytes: {})",
                verdict(first_gz <= 750_000)
            );
            println!(
                "site transfer, every file (gzipped): {total_gz} bytes (budget <= 1,000,000 bytes: {})",
                verdict(total_gz <= 1_000_000)
            );
        }
        Err(_) => println!("site transfer: skipped (no dist/; run scripts/build-site.sh)"),
    }
}

/// The release CLI beside this binary, if it is built.
fn cli_path() -> Option<std::path::PathBuf> {
    std::env::current_exe().ok().and_then(|p| Some(p.parent()?.join("article-explorer"))).filter(|p| p.exists())
}

/// The CLI analysing one sentence, from its start to its exit (best of 5): what a script that
/// runs it once per file pays per file.
fn cli_one_sentence() {
    let Some(cli) = cli_path() else {
        println!("the CLI on one sentence: skipped (build the CLI first: cargo build --release)");
        return;
    };
    let run = || -> Option<f64> {
        let t = Instant::now();
        let mut child = std::process::Command::new(&cli)
            .args(["analyze", "--json", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(b"The minister said the talks would resume.").ok()?;
        child.wait().ok()?.success().then(|| t.elapsed().as_secs_f64())
    };
    match (0..5).map(|_| run()).collect::<Option<Vec<f64>>>() {
        Some(times) => println!(
            "the CLI on one sentence, start to exit: {:.1} ms (best of 5; a script running it per file pays this per file)",
            times.into_iter().fold(f64::INFINITY, f64::min) * 1e3
        ),
        None => println!("the CLI on one sentence: FAILED to run"),
    }
}

/// Every file under `dist` but `_headers` (hosts read it; it is never sent), by path, sorted.
fn site_files(dist: &std::path::Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path != dist.join("_headers") {
                let name = path.strip_prefix(dist).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                files.push((name, std::fs::read(&path)?));
            }
        }
    }
    files.sort();
    Ok(files)
}
