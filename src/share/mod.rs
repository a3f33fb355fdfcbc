//! Share links: the article and the reader's view, compressed into the URL fragment behind a
//! version prefix, and decoded with bounds so a crafted link can neither hang nor exhaust memory.
//!
//! Formats (every version stays readable forever; links are written in the newest):
//! - `v1.` + base64url(raw DEFLATE(JSON `{"text", "analyzer"}`)).
//! - `v2.` + base64url(raw DEFLATE with the preset dictionary `dictionary_v2.txt` of
//!   (JSON header `{"a": analyzer, "v": view}`, a NUL byte, the article's UTF-8 text)).
//! - `v3.` + base64url(raw LZMA (lc 3, lp 0, pb 0, 512 KiB window, end marker) with the preset
//!   dictionary `dictionary_v3.txt` of the same payload as v2): about 10% shorter than v2.
//! - `v2a.` + base64url(raw DEFLATE(JSON `{"a", "v", "fp", "n"}`)): annotations only, for articles
//!   too long for a link; the recipient pastes the article and its fingerprint is checked.
//! - `v3a.` + base64url(raw LZMA, v3's settings without a dictionary, of the same JSON as v2a):
//!   what annotations-only links are written in since the page stopped carrying a DEFLATE
//!   compressor (it already carries LZMA's, for v3); `v1.`, `v2.` and `v2a.` are only read there.
//!
//! The two preset dictionaries (about 280 KB) are data the codec is given ([`Dictionaries`]), not
//! constants it reaches for: natively they are compiled in ([`Dictionaries::compiled_in`], used by
//! [`encode`] and [`decode`]); the page fetches them as one file ([`BUNDLE_FILE`], LZMA of both,
//! read by [`Dictionaries::from_bundle`], which checks them against the frozen fingerprints below)
//! only when a link needs them ([`needs_dictionaries`]), so its first highlight never loads them.
//!
//! Comparison links (`c1.`, `c1a.`: two reports and the view of their comparison) live in
//! `compare.rs`.
//!
//! Since links carry a view, the JSON header of v2, v3 and v2a links may also hold `"k"`: the
//! [`Anchors`] of the view (what its selection and side edits pointed at), so a later analyser can
//! tell whether the view still attaches ([`fit`]). It is optional: older links lack it, and older
//! readers ignore it.

mod anchors;
pub mod compare;
mod payload;

pub use anchors::{anchors, fit, referring_parts, Anchors, Fit, Problem};
pub use payload::{Layer, Selection, ViewState};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
#[cfg(not(target_arch = "wasm32"))]
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};

/// The fragment prefix of version 1 links (text only).
pub const V1_PREFIX: &str = "v1.";
/// The fragment prefix of version 2 links (text and view, dictionary-compressed).
pub const V2_PREFIX: &str = "v2.";
/// The fragment prefix of version 3 links (text and view, LZMA with a preset dictionary).
pub const V3_PREFIX: &str = "v3.";
/// The fragment prefix of version 2 annotations-only links.
pub const V2_ANNOTATIONS_PREFIX: &str = "v2a.";
/// The fragment prefix of version 3 annotations-only links.
pub const V3_ANNOTATIONS_PREFIX: &str = "v3a.";
/// The largest fragment the decoder reads, in bytes.
pub const MAX_FRAGMENT_LEN: usize = 200_000;
/// The largest decompressed payload the decoder produces, in bytes.
pub const MAX_PAYLOAD_LEN: usize = 2 * 1024 * 1024;
/// Links longer than this may be cut by some tools.
pub const SOFT_LINK_LIMIT: usize = 2_000;
/// Links longer than this are cut by most chat apps.
pub const HARD_LINK_LIMIT: usize = 4_000;

/// The LZMA window of v3 links: larger than the dictionary plus a long article's reach.
const V3_WINDOW: u32 = 1 << 19;

/// The frozen preset dictionaries' lengths and [`fingerprint`]s, computed when compiling (the
/// bytes themselves are not kept in a build that does not compile them in): what
/// [`Dictionaries::from_bundle`] checks a fetched file against.
const V2_SIZE: usize = include_bytes!("dictionary_v2.txt").len();
const V2_FINGERPRINT: u64 = fnv1a(include_bytes!("dictionary_v2.txt"));
const V3_SIZE: usize = include_bytes!("dictionary_v3.txt").len();
const V3_FINGERPRINT: u64 = fnv1a(include_bytes!("dictionary_v3.txt"));

/// Where the page finds the dictionaries, relative to the page: one file holding both, named by
/// the link formats whose dictionaries it holds (frozen, so the name never serves stale bytes).
/// Trunk copies it from `assets/lazy/` (index.html); `tests/link_dictionaries.rs` checks (and
/// with `UPDATE_EXPECT=1` writes) it from the dictionaries compiled in natively.
pub const BUNDLE_FILE: &str = "lazy/link-dictionaries-v2-v3.lzma";

/// The preset dictionaries of the link formats that have one: given to the codec as data.
#[derive(Clone, PartialEq, Eq)]
pub struct Dictionaries {
    /// The preset dictionary of v2 links (DEFLATE). Frozen: changing it breaks every v2 link.
    v2: std::borrow::Cow<'static, [u8]>,
    /// The preset dictionary of v3 links (LZMA). Frozen: changing it breaks every v3 link.
    v3: std::borrow::Cow<'static, [u8]>,
}

impl std::fmt::Debug for Dictionaries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dictionaries {{ v2: {} bytes, v3: {} bytes }}", self.v2.len(), self.v3.len())
    }
}

/// Why a dictionaries file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// The file is not the LZMA stream the page expects (cut short or damaged).
    Damaged,
    /// The file decodes, but not to the frozen dictionaries (another file, or a stale copy).
    NotTheFrozenDictionaries,
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::Damaged => write!(f, "the file that links are decoded with arrived damaged"),
            BundleError::NotTheFrozenDictionaries => {
                write!(f, "the file that links are decoded with is not the one this version needs")
            }
        }
    }
}

impl Dictionaries {
    /// Dictionaries from their bytes. Only the frozen dictionaries open real links; other bytes
    /// make links only they can open (tests use that to prove the codec reads what it is given).
    pub fn new(v2: impl Into<std::borrow::Cow<'static, [u8]>>, v3: impl Into<std::borrow::Cow<'static, [u8]>>) -> Self {
        Dictionaries { v2: v2.into(), v3: v3.into() }
    }

    /// The frozen dictionaries, compiled in (natively: the CLI, the tests, the Python package,
    /// the fuzz targets). The page has no such copy: it fetches [`BUNDLE_FILE`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn compiled_in() -> &'static Dictionaries {
        static COMPILED_IN: Dictionaries = Dictionaries {
            v2: std::borrow::Cow::Borrowed(include_bytes!("dictionary_v2.txt")),
            v3: std::borrow::Cow::Borrowed(include_bytes!("dictionary_v3.txt")),
        };
        &COMPILED_IN
    }

    /// True when these are the frozen dictionaries (by length and fingerprint).
    pub fn are_frozen(&self) -> bool {
        self.v2.len() == V2_SIZE
            && fnv1a(&self.v2) == V2_FINGERPRINT
            && self.v3.len() == V3_SIZE
            && fnv1a(&self.v3) == V3_FINGERPRINT
    }

    /// The dictionaries file's bytes: raw LZMA (the v3 settings, no preset dictionary) of the v3
    /// dictionary followed by the v2 one, whose words it mostly repeats, so v2 costs little
    /// more; about 94 KB for 280 KB of dictionaries (gzip: 123 KB).
    pub fn to_bundle(&self) -> Vec<u8> {
        let mut both = self.v3.to_vec();
        both.extend_from_slice(&self.v2);
        lzma(None, &both)
    }

    /// Reads a dictionaries file ([`Dictionaries::to_bundle`]) and checks that it holds the
    /// frozen dictionaries, so a damaged or stale file is an error, never a wrong decoding.
    pub fn from_bundle(bundle: &[u8]) -> Result<Dictionaries, BundleError> {
        let mut both = unlzma(None, bundle, V2_SIZE + V3_SIZE).map_err(|_| BundleError::Damaged)?;
        if both.len() != V2_SIZE + V3_SIZE {
            return Err(BundleError::NotTheFrozenDictionaries);
        }
        let v2 = both.split_off(V3_SIZE);
        let dictionaries = Dictionaries::new(v2, both);
        if !dictionaries.are_frozen() {
            return Err(BundleError::NotTheFrozenDictionaries);
        }
        Ok(dictionaries)
    }
}

/// 64-bit FNV-1a of `bytes`, usable when compiling.
const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// True when opening `fragment` needs the [`Dictionaries`] (a v2 or v3 link); v1 and
/// annotations-only links, empty and unknown fragments decode without them.
pub fn needs_dictionaries(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.len() <= MAX_FRAGMENT_LEN && (fragment.starts_with(V3_PREFIX) || fragment.starts_with(V2_PREFIX))
}

/// A full link: the article and the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedState {
    /// The article.
    pub text: String,
    /// The analyser version that made the link.
    pub analyzer: String,
    /// The view.
    pub view: ViewState,
    /// What the view pointed at when the link was made (links made before anchors: none).
    pub anchors: Option<Anchors>,
}

/// An annotations-only link: the view and a fingerprint of the article it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedAnnotations {
    /// The analyser version that made the link.
    #[serde(rename = "a")]
    pub analyzer: String,
    /// The view.
    #[serde(rename = "v", default)]
    pub view: ViewState,
    /// [`fingerprint`] of the article.
    pub fp: String,
    /// The article's length in characters, to tell the recipient what to paste.
    pub n: usize,
    /// What the view pointed at when the link was made (links made before anchors: none).
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    pub anchors: Option<Anchors>,
}

/// What a link holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// The article and the view.
    Full(SharedState),
    /// Only the view; the recipient pastes the article.
    AnnotationsOnly(SharedAnnotations),
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment has no version prefix this app knows.
    UnknownVersion(String),
    /// The fragment is longer than the decoder reads.
    TooLong(usize),
    /// The fragment is not valid base64url (cut or edited).
    NotBase64,
    /// The compressed data is damaged or expands beyond the limit.
    Corrupt,
    /// The payload is not a state this version understands.
    BadPayload,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::UnknownVersion(v)
                if v.starts_with('v') && v[1..].chars().all(|c| c.is_ascii_digit()) && !v[1..].is_empty() =>
            {
                write!(f, "This link was made by a newer version of the app ('{v}'); reload the page to get it, or ask for the article itself.")
            }
            LinkError::UnknownVersion(_) => write!(f, "This does not look like an Article Explorer link."),
            LinkError::TooLong(n) => write!(f, "This link is too long to open ({n} characters)."),
            LinkError::NotBase64 => {
                write!(f, "This link is damaged (it may have been cut short or edited when it was copied).")
            }
            LinkError::Corrupt => {
                write!(f, "This link's content is damaged or too large to open (it may have been cut short).")
            }
            LinkError::BadPayload => write!(f, "This link's content is not an article this app can read."),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct V1Payload {
    text: String,
    #[serde(default)]
    analyzer: String,
}

#[derive(Serialize, Deserialize)]
struct V2Header {
    #[serde(rename = "a", default)]
    analyzer: String,
    #[serde(rename = "v", default)]
    view: ViewState,
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    anchors: Option<Anchors>,
}

/// A 64-bit FNV-1a fingerprint of a text, as 16 hex digits: enough to tell articles apart, not
/// a security measure.
pub fn fingerprint(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes()))
}

/// Raw DEFLATE of `data`, with `dictionary` as the history before it (empty: none). Links are no
/// longer written with it; it stays (natively) so tests can prove the older links still open.
#[cfg(not(target_arch = "wasm32"))]
fn deflate(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(10, -15, 0));
    // Compress the dictionary and throw its output away: a sync flush byte-aligns the stream and
    // keeps the history, so what follows may refer back into the dictionary.
    if !dictionary.is_empty() {
        let mut scratch = vec![0u8; dictionary.len() + 1024];
        let (status, _, _) = compress(&mut compressor, dictionary, &mut scratch, TDEFLFlush::Sync);
        debug_assert_eq!(status, TDEFLStatus::Okay);
    }
    let mut out = vec![0u8; data.len() + data.len() / 10 + 1024];
    let mut written = 0;
    let mut consumed = 0;
    loop {
        let (status, n_in, n_out) =
            compress(&mut compressor, &data[consumed..], &mut out[written..], TDEFLFlush::Finish);
        consumed += n_in;
        written += n_out;
        match status {
            TDEFLStatus::Done => break,
            TDEFLStatus::Okay if written == out.len() => out.resize(out.len() * 2, 0),
            TDEFLStatus::Okay => {}
            _ => break,
        }
    }
    out.truncate(written);
    out
}

/// Inflates raw DEFLATE `data` with `dictionary` as history; at most `limit` bytes of output.
fn inflate(dictionary: &[u8], data: &[u8], limit: usize) -> Result<Vec<u8>, LinkError> {
    let mut out = dictionary.to_vec();
    out.resize(dictionary.len() + limit.min(data.len().saturating_mul(1100) + 64), 0);
    let mut state = DecompressorOxide::new();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let (status, _, n_out) = decompress(&mut state, data, &mut out, dictionary.len(), flags);
    match status {
        TINFLStatus::Done => {
            out.truncate(dictionary.len() + n_out);
            Ok(out.split_off(dictionary.len()))
        }
        _ => Err(LinkError::Corrupt),
    }
}

/// Raw LZMA of `data` with the v3 settings and `dictionary` as preset.
pub(super) fn lzma(dictionary: Option<&[u8]>, data: &[u8]) -> Vec<u8> {
    let mut options = lzma_rust2::LzmaOptions::with_preset(9);
    options.dict_size = V3_WINDOW;
    options.lc = 3;
    options.lp = 0;
    options.pb = 0;
    options.preset_dict = dictionary.map(<[u8]>::to_vec);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let written = lzma_rust2::LzmaWriter::new_no_header(&mut out, &options, true).and_then(|mut w| {
        std::io::Write::write_all(&mut w, data)?;
        w.finish().map(|_| ())
    });
    if written.is_err() {
        out.clear();
    }
    out
}

/// Decodes raw LZMA `data` with the v3 settings and `dictionary` as preset; at most `limit`
/// bytes of output.
pub(super) fn unlzma(dictionary: Option<&[u8]>, data: &[u8], limit: usize) -> Result<Vec<u8>, LinkError> {
    let reader =
        lzma_rust2::LzmaReader::new(data, u64::MAX, 3, 0, 0, V3_WINDOW, dictionary).map_err(|_| LinkError::Corrupt)?;
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(reader, limit as u64 + 1), &mut out)
        .map_err(|_| LinkError::Corrupt)?;
    if out.len() > limit {
        return Err(LinkError::Corrupt);
    }
    Ok(out)
}

/// The payload of v2 and v3 links: the JSON header, a NUL byte, the text.
fn payload(state: &SharedState) -> Vec<u8> {
    let header =
        V2Header { analyzer: state.analyzer.clone(), view: state.view.clone(), anchors: state.anchors.clone() };
    let mut payload = serde_json::to_vec(&header).unwrap_or_default();
    payload.push(0);
    payload.extend_from_slice(state.text.as_bytes());
    payload
}

/// Reads the payload of v2 and v3 links.
fn from_payload(payload: &[u8]) -> Result<SharedState, LinkError> {
    let split = payload.iter().position(|b| *b == 0).ok_or(LinkError::BadPayload)?;
    let header: V2Header = serde_json::from_slice(&payload[..split]).map_err(|_| LinkError::BadPayload)?;
    let text = String::from_utf8(payload[split + 1..].to_vec()).map_err(|_| LinkError::BadPayload)?;
    Ok(SharedState { text, analyzer: header.analyzer, view: header.view, anchors: header.anchors })
}

/// Encodes a full link (without the leading `#`) with the compiled-in dictionaries.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(state: &SharedState) -> String {
    encode_with(state, Dictionaries::compiled_in())
}

/// Encodes a full link (without the leading `#`): always the newest format.
pub fn encode_with(state: &SharedState, dictionaries: &Dictionaries) -> String {
    format!("{V3_PREFIX}{}", URL_SAFE_NO_PAD.encode(lzma(Some(&dictionaries.v3), &payload(state))))
}

/// Encodes a version 2 link (kept so tests can prove v2 links still open).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_v2(state: &SharedState) -> String {
    encode_v2_with(state, Dictionaries::compiled_in())
}

/// Encodes a version 2 link with `dictionaries`.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_v2_with(state: &SharedState, dictionaries: &Dictionaries) -> String {
    format!("{V2_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflate(&dictionaries.v2, &payload(state))))
}

/// Encodes a version 1 link (kept so tests can prove old links still open).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_v1(text: &str, analyzer: &str) -> String {
    let json =
        serde_json::to_vec(&V1Payload { text: text.to_string(), analyzer: analyzer.to_string() }).unwrap_or_default();
    format!("{V1_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflate(&[], &json)))
}

/// Encodes an annotations-only link for `text` with `view` and its `anchors` (the newest format).
pub fn encode_annotations(text: &str, analyzer: &str, view: &ViewState, anchors: Option<Anchors>) -> String {
    let json = annotations_json(text, analyzer, view, anchors);
    format!("{V3_ANNOTATIONS_PREFIX}{}", URL_SAFE_NO_PAD.encode(lzma(None, &json)))
}

/// Encodes a version 2 annotations-only link (kept so tests can prove those links still open).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_annotations_v2(text: &str, analyzer: &str, view: &ViewState, anchors: Option<Anchors>) -> String {
    let json = annotations_json(text, analyzer, view, anchors);
    format!("{V2_ANNOTATIONS_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflate(&[], &json)))
}

/// The JSON of annotations-only links.
fn annotations_json(text: &str, analyzer: &str, view: &ViewState, anchors: Option<Anchors>) -> Vec<u8> {
    let annotations = SharedAnnotations {
        analyzer: analyzer.to_string(),
        view: view.clone(),
        fp: fingerprint(text),
        n: text.chars().count(),
        anchors,
    };
    serde_json::to_vec(&annotations).unwrap_or_default()
}

fn unbase64(body: &str) -> Result<Vec<u8>, LinkError> {
    URL_SAFE_NO_PAD.decode(body.trim_end_matches('=')).map_err(|_| LinkError::NotBase64)
}

/// Decodes a fragment (with or without the leading `#`) with the compiled-in dictionaries.
/// `Ok(None)` when there is no fragment.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(fragment: &str) -> Result<Option<Link>, LinkError> {
    decode_with(fragment, Dictionaries::compiled_in())
}

/// Decodes a fragment (with or without the leading `#`) without dictionaries: what opens without
/// them ([`needs_dictionaries`] is false), or `Ok(None)` for a fragment that needs them.
pub fn decode_without_dictionaries(fragment: &str) -> Result<Option<Link>, LinkError> {
    if needs_dictionaries(fragment) {
        return Ok(None);
    }
    decode_with(fragment, &Dictionaries::new(Vec::new(), Vec::new()))
}

/// Decodes a fragment (with or without the leading `#`) with `dictionaries`. `Ok(None)` when
/// there is no fragment.
pub fn decode_with(fragment: &str, dictionaries: &Dictionaries) -> Result<Option<Link>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(LinkError::TooLong(fragment.chars().count()));
    }
    if let Some(body) = fragment.strip_prefix(V3_PREFIX) {
        let payload = unlzma(Some(&dictionaries.v3), &unbase64(body)?, MAX_PAYLOAD_LEN)?;
        return from_payload(&payload).map(|s| Some(Link::Full(s)));
    }
    if let Some(body) = fragment.strip_prefix(V2_PREFIX) {
        let payload = inflate(&dictionaries.v2, &unbase64(body)?, MAX_PAYLOAD_LEN)?;
        return from_payload(&payload).map(|s| Some(Link::Full(s)));
    }
    if let Some(body) = fragment.strip_prefix(V3_ANNOTATIONS_PREFIX) {
        let json = unlzma(None, &unbase64(body)?, 64 * 1024)?;
        let annotations: SharedAnnotations = serde_json::from_slice(&json).map_err(|_| LinkError::BadPayload)?;
        return Ok(Some(Link::AnnotationsOnly(annotations)));
    }
    if let Some(body) = fragment.strip_prefix(V2_ANNOTATIONS_PREFIX) {
        let json = inflate(&[], &unbase64(body)?, 64 * 1024)?;
        let annotations: SharedAnnotations = serde_json::from_slice(&json).map_err(|_| LinkError::BadPayload)?;
        return Ok(Some(Link::AnnotationsOnly(annotations)));
    }
    if let Some(body) = fragment.strip_prefix(V1_PREFIX) {
        let json = inflate(&[], &unbase64(body)?, MAX_PAYLOAD_LEN)?;
        let v1: V1Payload = serde_json::from_slice(&json).map_err(|_| LinkError::BadPayload)?;
        let state = SharedState { text: v1.text, analyzer: v1.analyzer, view: ViewState::default(), anchors: None };
        return Ok(Some(Link::Full(state)));
    }
    let version: String = fragment.split('.').next().unwrap_or("").chars().take(12).collect();
    Err(LinkError::UnknownVersion(version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sides::SideEdit;
    use proptest::prelude::*;

    fn state(text: &str) -> SharedState {
        let edits = vec![SideEdit::Rename { side: crate::analysis::SideId(0), name: "Port city".into() }];
        SharedState {
            text: text.to_string(),
            analyzer: "test".into(),
            view: ViewState {
                hidden: vec![Layer::Person],
                selected: Some(Selection::Claim(crate::analysis::ClaimId(2))),
                edits,
            },
            anchors: Some(Anchors { selected: Some("0badf00d".into()), edits: vec![vec!["Port".into()]] }),
        }
    }

    #[test]
    fn round_trip_including_non_latin_text() {
        for text in ["", "Baku says the road is open.", "Հայաստան, Azərbaycan, Азербайджан 👩‍👩‍👧 e\u{301}", "a\0b"]
        {
            let link = encode(&state(text));
            assert!(link.starts_with("v3."));
            assert_eq!(decode(&format!("#{link}")), Ok(Some(Link::Full(state(text)))));
            assert_eq!(decode(&encode_v2(&state(text))), Ok(Some(Link::Full(state(text)))), "v2 links still open");
        }
    }

    #[test]
    fn the_codec_reads_the_dictionaries_it_is_given() {
        let own = Dictionaries::new(
            b"Lisbon ferry terminal passengers port director".to_vec(),
            b"Lisbon ferry terminal passengers port director said".to_vec(),
        );
        let s = state("The port director said the ferry terminal in Lisbon would open.");
        for (link, other) in [(encode_with(&s, &own), encode(&s)), (encode_v2_with(&s, &own), encode_v2(&s))] {
            assert_eq!(decode_with(&link, &own), Ok(Some(Link::Full(s.clone()))), "{link}");
            assert_ne!(link, other, "another dictionary makes another link");
            assert_ne!(decode(&link), Ok(Some(Link::Full(s.clone()))), "the frozen dictionaries cannot read {link}");
        }
    }

    #[test]
    fn injected_frozen_dictionaries_decode_like_the_compiled_in_ones() {
        let compiled = Dictionaries::compiled_in();
        let owned = Dictionaries::new(compiled.v2.to_vec(), compiled.v3.to_vec());
        assert!(owned.are_frozen());
        let s = state("Հայաստան, Azərbaycan: the ferry is late again, the mayor said.");
        for link in
            [encode(&s), encode_v2(&s), encode_v1(&s.text, "x"), encode_annotations(&s.text, "x", &s.view, None)]
        {
            assert_eq!(decode_with(&link, &owned), decode(&link), "{link}");
        }
        assert_eq!(encode_with(&s, &owned), encode(&s));
    }

    #[test]
    fn the_dictionaries_file_round_trips_and_is_checked() {
        let bundle = Dictionaries::compiled_in().to_bundle();
        assert!(bundle.len() < 110_000, "the file is small: {} bytes", bundle.len());
        assert_eq!(Dictionaries::from_bundle(&bundle).as_ref(), Ok(Dictionaries::compiled_in()));
        assert_eq!(Dictionaries::from_bundle(&bundle[..bundle.len() / 2]), Err(BundleError::Damaged));
        assert_eq!(Dictionaries::from_bundle(b"not lzma at all"), Err(BundleError::Damaged));
        let other = Dictionaries::new(b"other words".to_vec(), b"and more".to_vec());
        assert!(!other.are_frozen());
        assert_eq!(Dictionaries::from_bundle(&other.to_bundle()), Err(BundleError::NotTheFrozenDictionaries));
        let mut edited = Dictionaries::compiled_in().clone();
        edited.v2.to_mut()[0] ^= 1;
        assert_eq!(Dictionaries::from_bundle(&edited.to_bundle()), Err(BundleError::NotTheFrozenDictionaries));
    }

    #[test]
    fn which_links_need_the_dictionaries() {
        let s = state("Baku says the road is open.");
        let view = ViewState::default();
        let cases = [
            (encode(&s), true),
            (format!("#{}", encode_v2(&s)), true),
            (encode_v1(&s.text, "x"), false),
            (encode_annotations(&s.text, "x", &view, None), false),
            ("".to_string(), false),
            ("#v9.abc".to_string(), false),
            (format!("v3.{}", "A".repeat(MAX_FRAGMENT_LEN)), false),
        ];
        for (fragment, needs) in cases {
            assert_eq!(needs_dictionaries(&fragment), needs, "{fragment:.20}");
            let without = decode_without_dictionaries(&fragment);
            if needs {
                assert_eq!(without, Ok(None), "{fragment:.20}");
            } else {
                assert_eq!(without, decode(&fragment), "{fragment:.20}");
            }
        }
    }

    #[test]
    fn version_1_links_still_open() {
        let link = encode_v1("Yerevan says the checkpoint strangles supplies.", "0.1.0");
        let Ok(Some(Link::Full(s))) = decode(&link) else { panic!("v1 link did not decode") };
        assert_eq!(s.text, "Yerevan says the checkpoint strangles supplies.");
        assert_eq!(s.analyzer, "0.1.0");
        assert!(s.view.is_default());
    }

    #[test]
    fn each_version_makes_links_shorter() {
        let text = crate::DEMO_ARTICLE;
        let state =
            SharedState { text: text.into(), analyzer: String::new(), view: ViewState::default(), anchors: None };
        let (v3, v2, v1) = (encode(&state), encode_v2(&state), encode_v1(text, ""));
        assert!(v2.len() * 100 < v1.len() * 92, "v2 {} vs v1 {}", v2.len(), v1.len());
        assert!(v3.len() * 100 < v2.len() * 97, "v3 {} vs v2 {}", v3.len(), v2.len());
    }

    #[test]
    fn annotations_only_links_carry_a_fingerprint() {
        let view = ViewState {
            hidden: vec![],
            selected: Some(Selection::Entity(crate::analysis::EntityId(4))),
            edits: vec![],
        };
        let (v3a, v2a) = (
            encode_annotations("The article.", "0.1.0", &view, None),
            encode_annotations_v2("The article.", "0.1.0", &view, None),
        );
        assert!(v3a.starts_with(V3_ANNOTATIONS_PREFIX) && v2a.starts_with(V2_ANNOTATIONS_PREFIX));
        for link in [v3a, v2a] {
            let Ok(Some(Link::AnnotationsOnly(a))) = decode(&link) else { panic!("{link} did not decode") };
            assert_eq!(a.fp, fingerprint("The article."));
            assert_ne!(a.fp, fingerprint("The article!"));
            assert_eq!(a.n, 12);
            assert_eq!(a.view, view);
        }
    }

    #[test]
    #[allow(clippy::type_complexity)] // the table's row type, written once where it is read
    fn bad_links_give_errors_not_panics() {
        let good = encode(&state("Yerevan says the checkpoint strangles supplies."));
        let cases: Vec<(&str, String, fn(&LinkError) -> bool)> = vec![
            ("future_version", "#v9.abc".into(), |e| matches!(e, LinkError::UnknownVersion(v) if v == "v9")),
            ("no_version", "#hello".into(), |e| matches!(e, LinkError::UnknownVersion(_))),
            ("not_base64", "#v2.@@@".into(), |e| *e == LinkError::NotBase64),
            ("truncated", good[..good.len() / 2].to_string(), |e| {
                matches!(e, LinkError::Corrupt | LinkError::NotBase64)
            }),
            ("too_long", format!("v2.{}", "A".repeat(MAX_FRAGMENT_LEN)), |e| matches!(e, LinkError::TooLong(_))),
            (
                "script_payload",
                format!("v1.{}", URL_SAFE_NO_PAD.encode(deflate(&[], b"<script>alert(1)</script>"))),
                |e| *e == LinkError::BadPayload,
            ),
            (
                "v2_without_header",
                format!("v2.{}", URL_SAFE_NO_PAD.encode(deflate(&Dictionaries::compiled_in().v2, b"no header here"))),
                |e| *e == LinkError::BadPayload,
            ),
            ("annotations_garbage", "v2a.AAAA".into(), |e| matches!(e, LinkError::Corrupt | LinkError::NotBase64)),
            ("annotations_v3_garbage", "v3a.AAAA".into(), |e| matches!(e, LinkError::Corrupt | LinkError::NotBase64)),
        ];
        for (name, link, expected) in cases {
            let err = decode(&link).expect_err(name);
            assert!(expected(&err), "case {name}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#"), Ok(None));
    }

    #[test]
    fn decompression_bomb_is_bounded() {
        let mut payload = b"{}\0".to_vec();
        payload.extend(std::iter::repeat_n(b'a', MAX_PAYLOAD_LEN * 4));
        let link = format!("v2.{}", URL_SAFE_NO_PAD.encode(deflate(&Dictionaries::compiled_in().v2, &payload)));
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
        let link = format!("v3.{}", URL_SAFE_NO_PAD.encode(lzma(Some(&Dictionaries::compiled_in().v3), &payload)));
        assert!(link.len() < 10_000, "the bomb is small");
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
        #[test]
        fn any_text_round_trips(text in "\\PC{0,2000}") {
            let s = SharedState { text: text.clone(), analyzer: "x".into(), view: ViewState::default(), anchors: None };
            prop_assert_eq!(decode(&encode(&s)), Ok(Some(Link::Full(s))));
        }

        #[test]
        fn random_fragments_never_panic(fragment in "(v1\\.|v2\\.|v3\\.|v2a\\.)?[A-Za-z0-9_\\-]{0,400}") {
            let _ = decode(&fragment);
        }
    }

    #[test]
    fn a_100_kb_article_round_trips() {
        let mut text = String::new();
        let mut i = 0u32;
        while text.len() < 100_000 {
            text.push_str(&format!(
                "Paragraph {i}: Yerevan says «{}» while Baku says “{}”. Ճանապարհ {i}\n\n",
                i * 7919 % 1000,
                i * 104_729 % 977
            ));
            i += 1;
        }
        let s = SharedState { text, analyzer: "x".into(), view: ViewState::default(), anchors: None };
        assert_eq!(decode(&encode(&s)), Ok(Some(Link::Full(s))));
    }
}

/// Table tests of the limits, the fingerprint and the messages, exactly at their boundaries:
/// written so that each limit, off by one or by a factor, fails a test (`scripts/mutants.sh`).
#[cfg(test)]
mod limits_and_messages {
    use super::*;
    use crate::analysis::sides::SideEdit;

    fn plain_state(text: String) -> SharedState {
        SharedState { text, analyzer: String::new(), view: ViewState::default(), anchors: None }
    }

    #[test]
    fn fingerprint_is_64_bit_fnv_1a() {
        // The published FNV-1a test vectors.
        for (text, hash) in [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")] {
            assert_eq!(fingerprint(text), hash, "{text:?}");
        }
    }

    #[test]
    fn each_error_says_what_went_wrong() {
        let newer = "made by a newer version";
        let not_ours = "does not look like an Article Explorer link";
        let cases: [(LinkError, &str); 11] = [
            (LinkError::UnknownVersion("v9".into()), newer),
            (LinkError::UnknownVersion("v12".into()), newer),
            (LinkError::UnknownVersion("v".into()), not_ours),
            (LinkError::UnknownVersion("vx".into()), not_ours),
            (LinkError::UnknownVersion("v9x".into()), not_ours),
            (LinkError::UnknownVersion("hello".into()), not_ours),
            (LinkError::UnknownVersion("9".into()), not_ours),
            (LinkError::TooLong(200_001), "too long to open (200001 characters)"),
            (LinkError::NotBase64, "cut short or edited"),
            (LinkError::Corrupt, "damaged or too large"),
            (LinkError::BadPayload, "not an article this app can read"),
        ];
        for (error, words) in cases {
            assert!(error.to_string().contains(words), "{error:?}: {error}");
        }
        assert!(LinkError::UnknownVersion("v9".into()).to_string().contains("('v9')"));
    }

    #[test]
    fn fragments_are_read_up_to_the_limit_and_not_beyond() {
        // Valid base64 (a length divisible by 4) of bytes that are no DEFLATE stream.
        let at_limit = format!("v2a.{}", "A".repeat(MAX_FRAGMENT_LEN - 4));
        assert_eq!(at_limit.len(), MAX_FRAGMENT_LEN);
        assert_eq!(decode(&at_limit), Err(LinkError::Corrupt), "read, and found damaged");
        let over = format!("{at_limit}A");
        assert_eq!(decode(&over), Err(LinkError::TooLong(MAX_FRAGMENT_LEN + 1)));
        assert_eq!(decode(&format!("#{over}")), Err(LinkError::TooLong(MAX_FRAGMENT_LEN + 1)), "'#' is not counted");
    }

    #[test]
    fn payloads_are_decoded_up_to_the_limit_and_not_beyond() {
        let header_len = payload(&plain_state(String::new())).len();
        let fits = plain_state("a".repeat(MAX_PAYLOAD_LEN - header_len));
        assert_eq!(payload(&fits).len(), MAX_PAYLOAD_LEN);
        let too_big = plain_state("a".repeat(MAX_PAYLOAD_LEN - header_len + 1));
        assert_eq!(decode(&encode_v2(&fits)), Ok(Some(Link::Full(fits.clone()))), "v2 at the limit");
        assert_eq!(decode(&encode_v2(&too_big)), Err(LinkError::Corrupt), "v2 one byte over");
        assert_eq!(decode(&encode(&fits)), Ok(Some(Link::Full(fits))), "v3 at the limit");
        assert_eq!(decode(&encode(&too_big)), Err(LinkError::Corrupt), "v3 one byte over");
    }

    #[test]
    fn the_largest_article_a_file_opens_fits_in_a_link() {
        let state = plain_state("a".repeat(crate::import::MAX_TEXT_BYTES as usize));
        assert_eq!(decode(&encode_v2(&state)), Ok(Some(Link::Full(state))));
    }

    #[test]
    fn annotations_links_carry_views_up_to_64_kib() {
        let edits = |n: usize| -> Vec<SideEdit> {
            (0..n)
                .map(|i| SideEdit::Rename {
                    side: crate::analysis::SideId(i as u32),
                    name: format!("Side {i:05} {}", "x".repeat(80)),
                })
                .collect()
        };
        let view = |n| ViewState { hidden: vec![], selected: None, edits: edits(n) };
        // About 10 KB of JSON: well inside the bound.
        let link = encode_annotations("The article.", "0.1.0", &view(100), None);
        let Ok(Some(Link::AnnotationsOnly(a))) = decode(&link) else { panic!("a 10 KB view did not decode") };
        assert_eq!(a.view, view(100));
        // About 70 KB of JSON: over it.
        let link = encode_annotations("The article.", "0.1.0", &view(700), None);
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
    }

    #[test]
    fn empty_bodies_are_errors() {
        for (fragment, error) in [
            ("v1.", LinkError::Corrupt),
            ("v2.", LinkError::Corrupt),
            ("v2a.", LinkError::Corrupt),
            ("v3.", LinkError::Corrupt),
        ] {
            assert_eq!(decode(fragment), Err(error), "{fragment}");
        }
    }

    #[test]
    fn base64_padding_is_tolerated() {
        let state = plain_state("Baku says the road is open.".into());
        let link = encode_v2(&state);
        assert_eq!(decode(&format!("{link}==")), Ok(Some(Link::Full(state))));
    }
}
