//! Share links: the article and view state, compressed into the URL fragment behind a version
//! prefix, and decoded with bounds so a crafted link can neither hang nor exhaust memory.
//!
//! Format v1: `#v1.` + base64url (no padding) of raw DEFLATE of a JSON [`SharedState`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The fragment prefix of version 1 links.
pub const V1_PREFIX: &str = "v1.";
/// The largest fragment the decoder reads, in characters.
pub const MAX_FRAGMENT_LEN: usize = 200_000;
/// The largest decompressed payload the decoder produces, in bytes.
pub const MAX_PAYLOAD_LEN: usize = 2 * 1024 * 1024;

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedState {
    /// The article.
    pub text: String,
    /// The analyser version that made the link.
    #[serde(default)]
    pub analyzer: String,
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
            LinkError::UnknownVersion(v) => write!(f, "This link was made by an unknown version of the app ('{v}'); it cannot be opened here."),
            LinkError::TooLong(n) => write!(f, "This link is too long to open ({n} characters)."),
            LinkError::NotBase64 => write!(f, "This link is damaged (it may have been cut short when it was copied)."),
            LinkError::Corrupt => write!(f, "This link's content is damaged or too large to open."),
            LinkError::BadPayload => write!(f, "This link's content is not an article this app can read."),
        }
    }
}

/// Encodes `state` as a fragment (without the leading `#`).
pub fn encode(state: &SharedState) -> String {
    let json = serde_json::to_vec(state).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{V1_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Decodes a fragment (with or without the leading `#`). `Ok(None)` when there is no fragment.
pub fn decode(fragment: &str) -> Result<Option<SharedState>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Ok(None);
    }
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(LinkError::TooLong(fragment.chars().count()));
    }
    let Some(body) = fragment.strip_prefix(V1_PREFIX) else {
        let version: String = fragment.split('.').next().unwrap_or("").chars().take(12).collect();
        return Err(LinkError::UnknownVersion(version));
    };
    let compressed = URL_SAFE_NO_PAD.decode(body.trim_end_matches('=')).map_err(|_| LinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PAYLOAD_LEN).map_err(|_| LinkError::Corrupt)?;
    let state: SharedState = serde_json::from_slice(&json).map_err(|_| LinkError::BadPayload)?;
    Ok(Some(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(text: &str) -> SharedState {
        SharedState { text: text.to_string(), analyzer: "test".into() }
    }

    #[test]
    fn round_trip_including_non_latin_text() {
        for text in ["", "Baku says the road is open.", "Հայաստան, Azərbaycan, Азербайджан 👩‍👩‍👧 e\u{301}"] {
            let link = encode(&state(text));
            assert!(link.starts_with("v1."));
            assert_eq!(decode(&format!("#{link}")), Ok(Some(state(text))));
        }
    }

    #[test]
    fn bad_links_give_errors_not_panics() {
        let good = encode(&state("Yerevan says the checkpoint strangles supplies."));
        let cases: Vec<(&str, String, fn(&LinkError) -> bool)> = vec![
            ("unknown_version", "#v9.abc".into(), |e| matches!(e, LinkError::UnknownVersion(_))),
            ("no_version", "#hello".into(), |e| matches!(e, LinkError::UnknownVersion(_))),
            ("not_base64", "#v1.@@@".into(), |e| *e == LinkError::NotBase64),
            ("truncated", good[..good.len() / 2].to_string(), |e| matches!(e, LinkError::Corrupt | LinkError::NotBase64)),
            ("too_long", format!("v1.{}", "A".repeat(MAX_FRAGMENT_LEN)), |e| matches!(e, LinkError::TooLong(_))),
            ("not_json", format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"<script>", 6))), |e| *e == LinkError::BadPayload),
        ];
        for (name, link, expected) in cases {
            let err = decode(&link).expect_err(name);
            assert!(expected(&err), "case {name}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
        assert_eq!(decode(""), Ok(None));
    }

    #[test]
    fn decompression_bomb_is_bounded() {
        let bomb = vec![b'a'; MAX_PAYLOAD_LEN * 4];
        let link = format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9)));
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
    }
}
