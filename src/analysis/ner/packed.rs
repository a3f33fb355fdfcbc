//! The tagger's data as it is compiled in: LZMA-compressed (`model.lzma`, `features.lzma`), so
//! the page's wasm carries fewer bytes than with DEFLATE; and the order of the word lists in the
//! lists' file. `pack` is what `ner -- train`, `ner -- clusters` and `tests/tagger_data.rs` write
//! with, `unpack` what the tagger reads with, once per process. Native builds have them unpacked
//! already (`build.rs`, which compiles this file too); the page unpacks on first use.
//!
//! The stream is raw LZMA (no header) with an end marker and fixed settings below, the same codec
//! the share links use (`lzma-rust2`, already in the page), so it adds no decoder to the page.

/// The word lists of the tagger, in the order `features.lzma` holds them, each the text of
/// `features/NAME` (a NUL byte between two, which no list contains).
pub const FEATURE_LISTS: [&str; 13] = [
    "first_names.txt",
    "last_names.txt",
    "cities.txt",
    "country_words.txt",
    "honorifics.txt",
    "org_words.txt",
    "calendar.txt",
    "demonyms.txt",
    "titles.txt",
    "place_words.txt",
    "function_words.txt",
    "org_suffixes.txt",
    "clusters.txt",
];

/// The window: larger than any file packed (the model, under a megabyte), so that every match
/// can reach back to the file's start.
const WINDOW: u32 = 1 << 21;
/// Literal context bits, literal position bits, position bits (text and byte codes alike).
const LC: u32 = 3;
const LP: u32 = 0;
const PB: u32 = 0;
/// No file is ever unpacked to more than this; a damaged stream stops here.
const LIMIT: u64 = 1 << 24;

/// `data` LZMA-compressed (preset 9, the settings above); the same bytes give the same output.
pub fn pack(data: &[u8]) -> Vec<u8> {
    let mut options = lzma_rust2::LzmaOptions::with_preset(9);
    options.dict_size = WINDOW;
    options.lc = LC;
    options.lp = LP;
    options.pb = PB;
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    let written = lzma_rust2::LzmaWriter::new_no_header(&mut out, &options, true).and_then(|mut w| {
        std::io::Write::write_all(&mut w, data)?;
        w.finish().map(|_| ())
    });
    if written.is_err() {
        out.clear();
    }
    out
}

/// The bytes `pack` was given, or `None` for a damaged stream.
pub fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    let reader = lzma_rust2::LzmaReader::new(packed, u64::MAX, LC, LP, PB, WINDOW, None).ok()?;
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, LIMIT + 1), &mut out).ok()?;
    (out.len() as u64 <= LIMIT).then_some(out)
}

/// A packed file's bytes as this build holds them: those `build.rs` unpacked when the crate was
/// built (`built`, natively), else `packed` unpacked now (the page, where only the packed bytes
/// are carried); `None` for a damaged stream.
pub fn unpacked(packed: &[u8], built: &'static [u8]) -> Option<std::borrow::Cow<'static, [u8]>> {
    if built.is_empty() {
        unpack(packed).map(std::borrow::Cow::Owned)
    } else {
        Some(std::borrow::Cow::Borrowed(built))
    }
}

/// The word lists in [`FEATURE_LISTS`] order, as `features.lzma` holds them before packing.
pub fn join_lists<'a>(lists: impl IntoIterator<Item = &'a str>) -> String {
    lists.into_iter().collect::<Vec<_>>().join("\0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_and_is_reproducible() {
        let data = b"Maria\nJohn\nMaria\n\x00\x01\x02".repeat(50);
        let packed = pack(&data);
        assert!(packed.len() < data.len() / 4);
        assert_eq!(pack(&data), packed);
        assert_eq!(unpack(&packed).as_deref(), Some(&data[..]));
    }

    #[test]
    fn a_damaged_stream_unpacks_to_none() {
        let packed = pack(b"some words of a list, some words of a list");
        assert_eq!(unpack(&packed[..packed.len() / 2]), None);
        assert_eq!(unpack(b""), None);
    }
}
