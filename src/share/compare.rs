//! Comparison links (issue 18): two reports and the reader's view of their comparison in the URL
//! fragment, or, when both reports together are too long for a link, the view and a fingerprint
//! of each report (the recipient pastes them, as with an annotations-only link).
//!
//! Formats (read forever, like the single-article links of `mod.rs`):
//! - `c1.` + base64url(raw LZMA (lc 3, lp 0, pb 0, 512 KiB window, end marker, no preset
//!   dictionary, so that a comparison link never needs the single-article links' dictionaries) of
//!   (JSON header `{"a": analyzer, "v": view, "k": anchors, "la": bytes of report A}`, a NUL byte,
//!   report A's UTF-8 text, then report B's)). The length says where A ends, so either text may
//!   hold any byte.
//! - `c2a.` + base64url(raw LZMA, `c1.`'s settings, of JSON `{"a", "v", "k", "fa", "fb", "na",
//!   "nb"}`): the view, the [`fingerprint`] and length in characters of each report.
//! - `c1a.`: the same JSON as `c2a.` in raw DEFLATE; read, no longer written (the page carries
//!   DEFLATE's decoder only).
//!
//! The view (`"v"`) is `{"h": [layer names], "m": [camp edits]}`: hidden layers by their frozen
//! names ([`Layer::wire_name`]) and the reader's fixes to the camps, spelled out here:
//! `{"join": ["b1", "a0"]}` (side 1 of B joins the camp of side 0 of A) and `{"separate": "a2"}`;
//! an edit with neither key (a kind a later version may add) is skipped. The anchors (`"k"`) are, for each fix, the names of the sides it
//! names when the link was made, so that a fix whose sides another analyser version names
//! differently is left out rather than applied to the wrong side ([`attach`]).

#[cfg(not(target_arch = "wasm32"))]
use super::deflate;
use super::{fingerprint, inflate, unbase64, Layer, LinkError};
use super::{MAX_FRAGMENT_LEN, MAX_PAYLOAD_LEN};
use crate::analysis::compare::{ArticleSide, CampEdit, Which};
use crate::analysis::{Analysis, SideId};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The fragment prefix of comparison links carrying both reports.
pub const C1_PREFIX: &str = "c1.";
/// The fragment prefix of comparison links carrying the view and two fingerprints (LZMA).
pub const C2_VIEW_PREFIX: &str = "c2a.";
/// The fragment prefix of the first such links (DEFLATE), still read.
pub const C1_VIEW_PREFIX: &str = "c1a.";

/// What the reader was looking at in a comparison: hidden layers and their fixes to the camps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareView {
    /// Hidden layers (in both reports).
    pub hidden: Vec<Layer>,
    /// The reader's fixes to the camps, in the order they were made.
    pub edits: Vec<CampEdit>,
}

/// A comparison link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComparisonLink {
    /// Both reports and the view.
    Full {
        /// Report A.
        a_text: String,
        /// Report B.
        b_text: String,
        /// The analyser version that made the link.
        analyzer: String,
        /// The view.
        view: CompareView,
        /// For each camp edit, the names of the sides it names (links without: empty).
        anchors: Vec<Vec<String>>,
    },
    /// The view and a fingerprint of each report; the recipient pastes them.
    ViewOnly {
        /// The analyser version that made the link.
        analyzer: String,
        /// The view.
        view: CompareView,
        /// For each camp edit, the names of the sides it names.
        anchors: Vec<Vec<String>>,
        /// [`fingerprint`] of report A.
        fp_a: String,
        /// [`fingerprint`] of report B.
        fp_b: String,
        /// Report A's length in characters.
        n_a: usize,
        /// Report B's length in characters.
        n_b: usize,
    },
}

/// `c1.` links are raw LZMA with the v3 settings and no preset dictionary.
fn lzma(data: &[u8]) -> Vec<u8> {
    super::lzma(None, data)
}

/// Decodes a `c1.` link's raw LZMA; at most `limit` bytes of output.
fn unlzma(data: &[u8], limit: usize) -> Result<Vec<u8>, LinkError> {
    super::unlzma(None, data, limit)
}

/// The wire form of a side: `a0`, `b12`.
fn side_code(s: ArticleSide) -> String {
    format!("{}{}", if s.article == Which::A { "a" } else { "b" }, s.side.0)
}

fn side_from_code(code: &str) -> Option<ArticleSide> {
    let article = match code.get(..1)? {
        "a" => Which::A,
        "b" => Which::B,
        _ => return None,
    };
    let n: u32 = code.get(1..)?.parse().ok()?;
    Some(ArticleSide { article, side: SideId(n) })
}

/// The wire form of a camp edit: one of its two keys is set.
#[derive(Default, Serialize, Deserialize)]
struct WireCampEdit {
    #[serde(default, rename = "join", skip_serializing_if = "Option::is_none")]
    join: Option<(String, String)>,
    #[serde(default, rename = "separate", skip_serializing_if = "Option::is_none")]
    separate: Option<String>,
}

#[derive(Default, Serialize, Deserialize)]
struct WireView {
    #[serde(default, rename = "h", skip_serializing_if = "Vec::is_empty")]
    hidden: Vec<String>,
    #[serde(default, rename = "m", skip_serializing_if = "Vec::is_empty")]
    edits: Vec<WireCampEdit>,
}

impl Serialize for CompareView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let edits = self
            .edits
            .iter()
            .map(|e| match *e {
                CampEdit::Join { side, with } => {
                    WireCampEdit { join: Some((side_code(side), side_code(with))), ..WireCampEdit::default() }
                }
                CampEdit::Separate { side } => {
                    WireCampEdit { separate: Some(side_code(side)), ..WireCampEdit::default() }
                }
            })
            .collect();
        WireView { hidden: self.hidden.iter().map(|l| l.wire_name().to_string()).collect(), edits }
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CompareView {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CompareView, D::Error> {
        let wire = WireView::deserialize(deserializer)?;
        let edit = |w: WireCampEdit| -> Option<CampEdit> {
            match (w.join, w.separate) {
                (Some((side, with)), None) => {
                    Some(CampEdit::Join { side: side_from_code(&side)?, with: side_from_code(&with)? })
                }
                (None, Some(side)) => Some(CampEdit::Separate { side: side_from_code(&side)? }),
                _ => None,
            }
        };
        Ok(CompareView {
            hidden: wire.hidden.iter().filter_map(|n| Layer::from_wire_name(n)).collect(),
            edits: wire.edits.into_iter().filter_map(edit).collect(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct FullHeader {
    #[serde(rename = "a", default)]
    analyzer: String,
    #[serde(rename = "v", default)]
    view: CompareView,
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    anchors: Vec<Vec<String>>,
    #[serde(rename = "la")]
    a_len: usize,
}

#[derive(Serialize, Deserialize)]
struct ViewOnlyPayload {
    #[serde(rename = "a", default)]
    analyzer: String,
    #[serde(rename = "v", default)]
    view: CompareView,
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    anchors: Vec<Vec<String>>,
    fa: String,
    fb: String,
    na: usize,
    nb: usize,
}

/// The names of the sides each camp edit names, as the two analyses name them.
pub fn anchors(a: &Analysis, b: &Analysis, edits: &[CampEdit]) -> Vec<Vec<String>> {
    let name = |s: ArticleSide| {
        let analysis = if s.article == Which::A { a } else { b };
        analysis.sides.get(s.side.0 as usize).map_or(String::new(), |x| x.name.clone())
    };
    edits
        .iter()
        .map(|e| match *e {
            CampEdit::Join { side, with } => vec![name(side), name(with)],
            CampEdit::Separate { side } => vec![name(side)],
        })
        .collect()
}

/// The camp edits of a link that still name the sides they were made on (all of them when the
/// link has no anchors), and how many were left out.
pub fn attach(a: &Analysis, b: &Analysis, edits: &[CampEdit], link_anchors: &[Vec<String>]) -> (Vec<CampEdit>, usize) {
    if link_anchors.len() != edits.len() {
        return (edits.to_vec(), 0);
    }
    let now = anchors(a, b, edits);
    let kept: Vec<CampEdit> =
        edits.iter().zip(now.iter().zip(link_anchors)).filter(|(_, (n, t))| n == t).map(|(e, _)| e.clone()).collect();
    let dropped = edits.len() - kept.len();
    (kept, dropped)
}

/// Encodes a comparison link carrying both reports (without the leading `#`).
pub fn encode_full(
    a_text: &str,
    b_text: &str,
    analyzer: &str,
    view: &CompareView,
    anchors: Vec<Vec<String>>,
) -> String {
    let header = FullHeader { analyzer: analyzer.to_string(), view: view.clone(), anchors, a_len: a_text.len() };
    let mut payload = serde_json::to_vec(&header).unwrap_or_default();
    payload.push(0);
    payload.extend_from_slice(a_text.as_bytes());
    payload.extend_from_slice(b_text.as_bytes());
    format!("{C1_PREFIX}{}", URL_SAFE_NO_PAD.encode(lzma(&payload)))
}

/// Encodes a comparison link carrying the view and a fingerprint of each report.
pub fn encode_view_only(
    a_text: &str,
    b_text: &str,
    analyzer: &str,
    view: &CompareView,
    anchors: Vec<Vec<String>>,
) -> String {
    let json = view_only_json(a_text, b_text, analyzer, view, anchors);
    format!("{C2_VIEW_PREFIX}{}", URL_SAFE_NO_PAD.encode(lzma(&json)))
}

/// Encodes a `c1a.` link (kept so tests can prove those links still open).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_view_only_c1(
    a_text: &str,
    b_text: &str,
    analyzer: &str,
    view: &CompareView,
    anchors: Vec<Vec<String>>,
) -> String {
    let json = view_only_json(a_text, b_text, analyzer, view, anchors);
    format!("{C1_VIEW_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflate(&[], &json)))
}

/// The JSON of view-only comparison links.
fn view_only_json(
    a_text: &str,
    b_text: &str,
    analyzer: &str,
    view: &CompareView,
    anchors: Vec<Vec<String>>,
) -> Vec<u8> {
    let payload = ViewOnlyPayload {
        analyzer: analyzer.to_string(),
        view: view.clone(),
        anchors,
        fa: fingerprint(a_text),
        fb: fingerprint(b_text),
        na: a_text.chars().count(),
        nb: b_text.chars().count(),
    };
    serde_json::to_vec(&payload).unwrap_or_default()
}

/// The link for a comparison: both reports when their link is at most `max_len` characters long,
/// else the view and two fingerprints. The flag says which: true when it carries the reports.
pub fn encode(
    a_text: &str,
    b_text: &str,
    analyzer: &str,
    view: &CompareView,
    anchors: Vec<Vec<String>>,
    max_len: usize,
) -> (String, bool) {
    let full = encode_full(a_text, b_text, analyzer, view, anchors.clone());
    if full.len() <= max_len {
        (full, true)
    } else {
        (encode_view_only(a_text, b_text, analyzer, view, anchors), false)
    }
}

/// True when `fragment` (with or without `#`) is a comparison link, readable or not.
pub fn is_comparison_link(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    [C1_PREFIX, C2_VIEW_PREFIX, C1_VIEW_PREFIX].iter().any(|p| fragment.starts_with(p))
}

/// Decodes a fragment (with or without `#`) when it is a comparison link: `Ok(None)` when it is
/// not one (another kind of link, or none), an error when it is one that cannot be read.
pub fn decode(fragment: &str) -> Result<Option<ComparisonLink>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (full, body) = if let Some(body) = fragment.strip_prefix(C1_PREFIX) {
        (true, body)
    } else if let Some(body) = fragment.strip_prefix(C2_VIEW_PREFIX).or_else(|| fragment.strip_prefix(C1_VIEW_PREFIX)) {
        (false, body)
    } else {
        return Ok(None);
    };
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(LinkError::TooLong(fragment.chars().count()));
    }
    if !full {
        let json = if fragment.starts_with(C2_VIEW_PREFIX) {
            unlzma(&unbase64(body)?, 64 * 1024)?
        } else {
            inflate(&[], &unbase64(body)?, 64 * 1024)?
        };
        let p: ViewOnlyPayload = serde_json::from_slice(&json).map_err(|_| LinkError::BadPayload)?;
        return Ok(Some(ComparisonLink::ViewOnly {
            analyzer: p.analyzer,
            view: p.view,
            anchors: p.anchors,
            fp_a: p.fa,
            fp_b: p.fb,
            n_a: p.na,
            n_b: p.nb,
        }));
    }
    let payload = unlzma(&unbase64(body)?, MAX_PAYLOAD_LEN)?;
    let split = payload.iter().position(|b| *b == 0).ok_or(LinkError::BadPayload)?;
    let header: FullHeader = serde_json::from_slice(&payload[..split]).map_err(|_| LinkError::BadPayload)?;
    let texts = &payload[split + 1..];
    if header.a_len > texts.len() {
        return Err(LinkError::BadPayload);
    }
    let (a, b) = texts.split_at(header.a_len);
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).map_err(|_| LinkError::BadPayload);
    Ok(Some(ComparisonLink::Full {
        a_text: text(a)?,
        b_text: text(b)?,
        analyzer: header.analyzer,
        view: header.view,
        anchors: header.anchors,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(article: Which, side: u32) -> ArticleSide {
        ArticleSide { article, side: SideId(side) }
    }

    fn view() -> CompareView {
        CompareView {
            hidden: vec![Layer::Person, Layer::Assertions],
            edits: vec![
                CampEdit::Join { side: at(Which::B, 1), with: at(Which::A, 0) },
                CampEdit::Separate { side: at(Which::A, 2) },
            ],
        }
    }

    #[test]
    fn the_view_is_spelled_out_on_the_wire() {
        let json = r#"{"h":["person","assertions"],"m":[{"join":["b1","a0"]},{"separate":"a2"}]}"#;
        assert_eq!(serde_json::to_string(&view()).unwrap(), json);
        assert_eq!(serde_json::from_str::<CompareView>(json).unwrap(), view());
        // What a newer version may add is skipped, one edit at a time.
        let newer = r#"{"h":["person","minimap"],"m":[{"swap":"a0"},{"separate":"c9"},{"separate":"b3","more":1}]}"#;
        let read: CompareView = serde_json::from_str(newer).unwrap();
        assert_eq!(
            read,
            CompareView { hidden: vec![Layer::Person], edits: vec![CampEdit::Separate { side: at(Which::B, 3) }] }
        );
    }

    #[test]
    fn both_reports_round_trip_whatever_they_hold() {
        let cases = [
            ("", ""),
            ("Chile says the road is shut.", "Argentina says “it is open”."),
            ("a\0b", "\0"),
            ("Ə", "👩‍👩‍👧 e\u{301}"),
        ];
        for (a, b) in cases {
            let anchors = vec![vec!["Julio Ferrante".to_string(), "Argentina".to_string()], vec!["Uruguay".into()]];
            let link = encode_full(a, b, "0.1.0", &view(), anchors.clone());
            assert!(link.starts_with("c1."));
            let expected = ComparisonLink::Full {
                a_text: a.into(),
                b_text: b.into(),
                analyzer: "0.1.0".into(),
                view: view(),
                anchors,
            };
            assert_eq!(decode(&format!("#{link}")), Ok(Some(expected)), "{a:?} / {b:?}");
        }
    }

    #[test]
    fn a_long_pair_gets_the_view_and_two_fingerprints() {
        let varied = |who: &str| -> String {
            (0..1500u32)
                .map(|i| {
                    format!("{who} says boat {} sailed {} miles on day {}. ", i * 7919 % 1000, i * 104_729 % 977, i)
                })
                .collect()
        };
        let (a, b) = (varied("Chile"), varied("Argentina"));
        let (short, full) = encode("Chile says so.", "Argentina says not.", "x", &view(), Vec::new(), 4_000);
        assert!(full && short.starts_with("c1."));
        let (link, full) = encode(&a, &b, "x", &view(), Vec::new(), 4_000);
        assert!(!full && link.starts_with("c2a."), "{link}");
        let older = encode_view_only_c1(&a, &b, "x", &view(), Vec::new());
        assert!(older.starts_with("c1a."), "{older}");
        for link in [link, older] {
            let Ok(Some(ComparisonLink::ViewOnly { fp_a, fp_b, n_a, n_b, view: v, .. })) = decode(&link) else {
                panic!("the view-only link {link} did not decode")
            };
            assert_eq!((fp_a, fp_b), (fingerprint(&a), fingerprint(&b)));
            assert_eq!((n_a, n_b), (a.chars().count(), b.chars().count()));
            assert_eq!(v, view());
        }
    }

    #[test]
    fn other_fragments_are_not_comparison_links_and_bad_ones_are_errors() {
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#v3.abc"), Ok(None), "a single-article link is not for this decoder");
        assert_eq!(decode("#c1.@@"), Err(LinkError::NotBase64));
        assert!(matches!(decode("#c1a.AAAA"), Err(LinkError::Corrupt | LinkError::NotBase64)));
        assert!(matches!(decode("#c2a.AAAA"), Err(LinkError::Corrupt | LinkError::NotBase64)));
        let good = encode_full("Chile says the road is shut.", "Argentina agrees.", "x", &view(), Vec::new());
        assert!(decode(&good[..good.len() / 2]).is_err(), "a cut link");
        let bad_length = {
            let mut payload = br#"{"la":99}"#.to_vec();
            payload.push(0);
            payload.extend_from_slice(b"short");
            format!("c1.{}", URL_SAFE_NO_PAD.encode(lzma(&payload)))
        };
        assert_eq!(decode(&bad_length), Err(LinkError::BadPayload));
        let too_long = format!("c1.{}", "A".repeat(MAX_FRAGMENT_LEN));
        assert!(matches!(decode(&too_long), Err(LinkError::TooLong(_))));
    }

    #[test]
    fn decompression_is_bounded() {
        let mut payload = br#"{"la":0}"#.to_vec();
        payload.push(0);
        payload.extend(std::iter::repeat_n(b'a', MAX_PAYLOAD_LEN * 2));
        let link = format!("c1.{}", URL_SAFE_NO_PAD.encode(lzma(&payload)));
        assert!(link.len() < 10_000, "the bomb is small");
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
    }

    #[test]
    fn edits_whose_sides_are_named_otherwise_are_left_out() {
        let a =
            crate::analyze("Chile accused Peru of closing the border to trucks, while Peru says the border is open.");
        let b = crate::analyze("Peru says the border is open to trucks. Chile accused Peru of closing it.");
        let edits = vec![
            CampEdit::Separate { side: at(Which::A, 0) },
            CampEdit::Join { side: at(Which::B, 0), with: at(Which::A, 1) },
        ];
        let made = anchors(&a, &b, &edits);
        assert_eq!(made[0], [a.sides[0].name.clone()]);
        assert_eq!(attach(&a, &b, &edits, &made), (edits.clone(), 0));
        let mut other = made.clone();
        other[1][0] = "Lima".into();
        assert_eq!(attach(&a, &b, &edits, &other), (edits[..1].to_vec(), 1));
        assert_eq!(attach(&a, &b, &edits, &[]), (edits.clone(), 0), "a link without anchors cannot be checked");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
        #[test]
        fn any_pair_round_trips(a in "\\PC{0,600}", b in "\\PC{0,600}") {
            let link = encode_full(&a, &b, "x", &CompareView::default(), Vec::new());
            let Ok(Some(ComparisonLink::Full { a_text, b_text, .. })) = decode(&link) else { panic!("did not decode") };
            prop_assert_eq!((a_text, b_text), (a, b));
        }

        #[test]
        fn random_fragments_never_panic(fragment in "(c1\\.|c1a\\.|c2a\\.)[A-Za-z0-9_\\-]{0,400}") {
            let _ = decode(&fragment);
        }
    }
}
