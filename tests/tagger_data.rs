//! The tagger's data as compiled in (`src/analysis/ner/packed.rs`): `features.lzma` must hold
//! exactly the word lists `features/*.txt` (`UPDATE_EXPECT=1 cargo test --test tagger_data`
//! writes it after a list changed), and `model.lzma` must be a model file packed as `ner -- train`
//! packs it.

use article_explorer::analysis::ner::features::FEATURE_LISTS_BYTES;
use article_explorer::analysis::ner::packed::{join_lists, pack, unpack, FEATURE_LISTS};
use article_explorer::analysis::ner::tagger::Model;
use article_explorer::analysis::ner::MODEL_BYTES;

const FEATURES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/ner/features");

fn lists_on_disk() -> String {
    let texts: Vec<String> = FEATURE_LISTS
        .iter()
        .map(|name| std::fs::read_to_string(format!("{FEATURES_DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect();
    join_lists(texts.iter().map(String::as_str))
}

#[test]
fn the_packed_lists_are_the_word_list_files() {
    let lists = lists_on_disk();
    let path = format!("{FEATURES_DIR}/../features.lzma");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let current = std::fs::read(&path).ok().and_then(|b| unpack(&b));
        // Rewritten only when the lists changed, so the compiled-in bytes never move needlessly.
        if current.as_deref() != Some(lists.as_bytes()) {
            std::fs::write(&path, pack(lists.as_bytes())).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let on_disk = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(on_disk, FEATURE_LISTS_BYTES, "{path} changed after this build; rebuild");
    let unpacked = unpack(FEATURE_LISTS_BYTES).expect("features.lzma unpacks");
    assert!(
        unpacked == lists.as_bytes(),
        "features.lzma does not hold the lists in src/analysis/ner/features/ (write it with UPDATE_EXPECT=1 cargo test --test tagger_data)"
    );
    // Every list is in the file and none is empty: each has words, not only its header.
    let texts: Vec<&str> = std::str::from_utf8(&unpacked).expect("utf-8").split('\0').collect();
    assert_eq!(texts.len(), FEATURE_LISTS.len());
    for (name, text) in FEATURE_LISTS.iter().zip(texts) {
        assert!(text.lines().any(|l| !l.trim().is_empty() && !l.starts_with('#')), "{name} has no words");
    }
    // Every list of the features directory is packed.
    let mut files: Vec<String> = std::fs::read_dir(FEATURES_DIR)
        .expect("features dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    let mut named: Vec<String> = FEATURE_LISTS.iter().map(|s| s.to_string()).collect();
    named.sort();
    assert_eq!(files, named, "FEATURE_LISTS must name every features/*.txt");
}

#[test]
fn the_model_file_is_a_packed_model() {
    let raw = unpack(MODEL_BYTES).expect("model.lzma unpacks");
    assert!(Model::from_raw(&raw).is_some(), "model.lzma is not a model file");
    // Packed as `ner -- train` packs it: the file is reproducible from the raw model.
    assert!(pack(&raw) == MODEL_BYTES, "model.lzma is not what `pack` writes for its content");
}
