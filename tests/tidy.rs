//! Tidy: architecture invariants checked as tests. The analysis core stays pure (no web, no IO,
//! no clock, no randomness) and every Rust file opens with a `//!` line saying what it owns.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn analysis_core_is_pure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/analysis"), &mut files);
    assert!(!files.is_empty());
    let forbidden = [
        "leptos",
        "web_sys",
        "wasm_bindgen",
        "js_sys",
        "gloo",
        "std::fs",
        "std::net",
        "std::time",
        "SystemTime",
        "Instant",
        "rand::",
        "std::env",
        "std::process",
        "println!",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in forbidden {
            assert!(!text.contains(word), "{} uses `{word}`: the analysis core must stay pure", file.display());
        }
    }
}

#[test]
fn every_rust_file_says_what_it_owns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "tools"] {
        rust_files(&root.join(dir), &mut files);
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert!(first.starts_with("//!"), "{} must start with a `//!` line saying what it owns", file.display());
    }
}

#[test]
fn the_tagger_and_the_rules_keep_their_own_word_lists() {
    // The tagger's feature lists (src/analysis/ner/features/) are versioned with its model:
    // editing a rules list in src/analysis/lexicon/ must not change the model's inputs, and the
    // rules ask what the tagger knows through `ner::` functions, not its lists.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/analysis"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let in_tagger = file.starts_with(root.join("src/analysis/ner"));
        let forbidden: &[&str] =
            if in_tagger { &["lexicon::", "LEXICON", "../lexicon"] } else { &["ner::features", "WORD_LISTS"] };
        for word in forbidden {
            assert!(
                !code.contains(word),
                "{} uses `{word}`: the tagger and the rules keep their own lists",
                file.display()
            );
        }
    }
}
