//! The statistical part of entity recognition: a trained BIO tagger for people, organisations,
//! places and other proper names, used by the entity stage (`entities/`) next to its rules.
//!
//! The model file `model.lzma` is trained by `cargo run --release --bin ner -- train` (see
//! `src/bin/ner.rs`) and compiled into the binary; it is read once, on first use. The word lists
//! the tagger reads as features (`features/*.txt`) are its own and versioned with the model,
//! compiled in packed together (`features.lzma`, see `packed.rs`; native builds hold both unpacked,
//! see `build.rs`); the rules ask what the tagger
//! knows only through the functions below.

pub mod features;
pub mod packed;
pub mod tagger;

use super::model::{Sentence, Token};
use std::sync::LazyLock;
pub use tagger::{Label, Tagged};

/// The shipped model, packed (LZMA, `packed.rs`).
pub static MODEL_BYTES: &[u8] = include_bytes!("model.lzma");

/// The shipped model as `build.rs` unpacked it (natively; empty in the page's wasm).
static MODEL_BUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.raw"));

/// The shipped model, read on first use (unpacked then, in the page).
pub static MODEL: LazyLock<tagger::Model> = LazyLock::new(|| {
    packed::unpacked(MODEL_BYTES, MODEL_BUILT)
        .and_then(|raw| tagger::Model::from_raw(&raw))
        .unwrap_or_else(tagger::Model::empty)
});

/// Tags the names in a tokenised text with the shipped model.
pub fn tag_names(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Tagged> {
    let facts = features::token_facts(text, tokens, sentences);
    tagger::spans(&tagger::tag(&*MODEL, &facts))
}

/// True for a first name the tagger knows (a frequent US Census first name, "Maria").
pub fn is_known_first_name(word: &str) -> bool {
    features::WORD_LISTS.is_first_name(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_native_build_holds_the_packed_files_unpacked() {
        assert_eq!(MODEL_BUILT, &packed::unpack(MODEL_BYTES).expect("model.lzma unpacks")[..]);
        assert_eq!(
            features::FEATURE_LISTS_BUILT,
            &packed::unpack(features::FEATURE_LISTS_BYTES).expect("features.lzma unpacks")[..]
        );
    }
}
