//! The native CLI: `article-explorer analyze` over files, stdin or a JSONL corpus, and
//! `article-explorer compare` over two files. A thin shell: reads input, calls the analysis core,
//! prints the JSON contract or a dump.

use article_explorer::analysis::compare;
use article_explorer::{analysis::markup, analyze, contract};
use rayon::prelude::*;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: see Cargo.toml (issue 20).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
article-explorer: entities, claims and sides in a news article

USAGE:
    article-explorer analyze --json FILE     one JSON object for FILE ('-' reads stdin)
    article-explorer analyze --jsonl         JSONL batch: {\"id\", \"text\"} per stdin line -> one object per line
    article-explorer analyze FILE            readable marked-up text and tables
    article-explorer compare --json A B      two reports of one dispute compared: camps, voice, one-sided claims
    article-explorer compare A B             the comparison as readable text ('-' reads one of A, B from stdin)
    article-explorer --help | --version

Offsets in JSON are Unicode code points into the input, end exclusive (schema_version 1).
Exit status: 0 ok, 1 bad input (unreadable file, invalid UTF-8, bad JSONL lines), 2 bad usage.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] | ["--help"] | ["-h"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["--version"] | ["-V"] => {
            println!("article-explorer {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        ["analyze", rest @ ..] => match rest {
            ["--json", file] | [file, "--json"] => one(file, true),
            ["--jsonl"] => batch(io::stdin().lock(), &mut io::BufWriter::with_capacity(1 << 16, io::stdout().lock())),
            [file] if !file.starts_with("--") || *file == "-" => one(file, false),
            _ => usage_error("analyze takes --json FILE, --jsonl, or FILE"),
        },
        ["compare", rest @ ..] => match rest {
            ["-", "-"] | ["--json", "-", "-"] | ["-", "-", "--json"] => {
                usage_error("compare reads at most one of its two articles from standard input ('-')")
            }
            ["--json", a, b] | [a, b, "--json"] if !a.starts_with("--") && !b.starts_with("--") => {
                compare_files(a, b, true)
            }
            [a, b] if !a.starts_with("--") && !b.starts_with("--") => compare_files(a, b, false),
            _ => usage_error("compare takes --json A B, or A B: two article files ('-' reads one from standard input)"),
        },
        [other, ..] => usage_error(&format!("unknown command '{other}'")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if file == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(file).map(|b| bytes = b)
    };
    read.map_err(|e| format!("cannot read {}: {e}", if file == "-" { "standard input" } else { file }))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not valid UTF-8 text (invalid byte at offset {})",
            if file == "-" { "standard input" } else { file },
            e.utf8_error().valid_up_to()
        )
    })
}

fn one(file: &str, json: bool) -> ExitCode {
    let text = match read_input(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(1);
        }
    };
    let analysis = analyze(&text);
    let out = if json {
        serde_json::to_string(&contract::to_json(&text, &analysis)).unwrap_or_default()
    } else {
        markup::dump(&text, &analysis)
    };
    let mut stdout = io::stdout().lock();
    if writeln!(stdout, "{out}").is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Compares two articles, each analysed alone (on two threads), and prints the comparison.
fn compare_files(a_file: &str, b_file: &str, json: bool) -> ExitCode {
    let mut texts = Vec::with_capacity(2);
    for (name, file) in [("A", a_file), ("B", b_file)] {
        match read_input(file) {
            Ok(text) => texts.push(text),
            Err(message) => {
                eprintln!("error: article {name}: {message}");
                return ExitCode::from(1);
            }
        }
    }
    let (a_text, b_text) = (&texts[0], &texts[1]);
    let (a, b) = rayon::join(|| analyze(a_text), || analyze(b_text));
    let comparison = compare::compare(a_text, &a, b_text, &b, &[]);
    let out = if json {
        serde_json::to_string(&contract::to_compare_json(a_text, &a, b_text, &b, &comparison)).unwrap_or_default()
    } else {
        compare::dump(a_text, &a, b_text, &b, &comparison)
    };
    let mut stdout = io::stdout().lock();
    if writeln!(stdout, "{out}").is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// One JSONL input line.
#[derive(serde::Deserialize)]
struct BatchLine {
    id: serde_json::Value,
    text: String,
}

/// One output line, newline included: `{"id": …` and then the analysis's fields, as
/// `#[serde(flatten)]` would write them (the analysis object with its opening brace turned into a
/// comma), without its slow path. serde_json writes only UTF-8.
fn batch_line(id: &serde_json::Value, analysis: &contract::JsonAnalysis) -> Vec<u8> {
    let mut line = Vec::with_capacity(4096);
    line.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut line, id).ok();
    let brace = line.len();
    serde_json::to_writer(&mut line, analysis).ok();
    if line.get(brace) == Some(&b'{') {
        line[brace] = b',';
    }
    line.push(b'\n');
    line
}

/// Analyses a JSONL stream in chunks on every core, writing results in input order as it goes
/// (`out` is buffered: it is flushed after every chunk).
fn batch(input: impl BufRead, out: &mut impl Write) -> ExitCode {
    const CHUNK: usize = 256;
    let mut n_bad = 0usize;
    let mut lines = input.split(b'\n').enumerate().peekable();
    while lines.peek().is_some() {
        let chunk: Vec<(usize, io::Result<Vec<u8>>)> = lines.by_ref().take(CHUNK).collect();
        let results: Vec<Result<Option<Vec<u8>>, String>> = chunk
            .into_par_iter()
            .map(|(n, line)| {
                let line_no = n + 1;
                let bytes = line.map_err(|e| format!("line {line_no}: cannot read: {e}"))?;
                let line = String::from_utf8(bytes).map_err(|_| format!("line {line_no}: not valid UTF-8"))?;
                if line.trim().is_empty() {
                    return Ok(None);
                }
                let parsed: BatchLine = serde_json::from_str(&line)
                    .map_err(|e| format!("line {line_no}: not a JSON object with \"id\" and \"text\" ({e})"))?;
                let analysis = analyze(&parsed.text);
                Ok(Some(batch_line(&parsed.id, &contract::to_json(&parsed.text, &analysis))))
            })
            .collect();
        for r in results {
            match r {
                Ok(Some(line)) => {
                    if out.write_all(&line).is_err() {
                        return ExitCode::from(1);
                    }
                }
                Ok(None) => {}
                Err(message) => {
                    n_bad += 1;
                    eprintln!("error: {message}");
                }
            }
        }
        if out.flush().is_err() {
            return ExitCode::from(1);
        }
    }
    if n_bad > 0 {
        eprintln!("error: {n_bad} line(s) could not be analysed; the others were");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
