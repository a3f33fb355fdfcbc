//! Build script: copies the lexicon's files (`src/analysis/lexicon/*.txt|tsv`) into `OUT_DIR`
//! without their comment lines, which the lexicon's reader skips anyway, so the binaries (and the
//! page's wasm) carry the words and not the files' documentation; and unpacks the tagger's packed
//! data (`src/analysis/ner/model.lzma` and `features.lzma`) when the crate is built for a native
//! target, so that a native process (the CLI, a script calling it once per file) reads the bytes as
//! they are instead of spending some 30 ms on LZMA at start. For wasm it writes empty files: the page's bytes are what count there,
//! and it unpacks on first use (`ner::packed::unpacked`). A stream that does not unpack also gives
//! an empty file, and the process then unpacks (and fails to) as the page does.

#[path = "src/analysis/ner/packed.rs"]
#[allow(dead_code)]
mod packed;

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    for name in ["model", "features"] {
        let path = format!("src/analysis/ner/{name}.lzma");
        println!("cargo::rerun-if-changed={path}");
        let raw = match (wasm, std::fs::read(&path)) {
            (false, Ok(packed)) => packed::unpack(&packed).unwrap_or_default(),
            _ => Vec::new(),
        };
        std::fs::write(out.join(format!("{name}.raw")), raw).expect("OUT_DIR is writable");
    }
    let lexicon = out.join("lexicon");
    std::fs::create_dir_all(&lexicon).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=src/analysis/lexicon");
    for entry in std::fs::read_dir("src/analysis/lexicon").expect("the lexicon's folder").flatten() {
        let path = entry.path();
        if !path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a lexicon file is UTF-8");
        let words: String = text.lines().filter(|l| !l.trim().starts_with('#')).flat_map(|l| [l, "\n"]).collect();
        std::fs::write(lexicon.join(entry.file_name()), words).expect("OUT_DIR is writable");
    }
    println!("cargo::rerun-if-changed=src/analysis/ner/packed.rs");
    println!("cargo::rerun-if-changed=build.rs");
}
