//! The NER tagger: BIO tags over tokens, chosen greedily left to right by a linear model
//! (an averaged perceptron, trained by `src/bin/ner.rs`), and the compact model file format.
//!
//! The model is a table of `2^bits` hashed feature buckets, each with one weight per tag,
//! quantised to `i8` with one scale, and deflated. Loading a damaged model gives an empty model
//! (every token outside), never a panic.

use super::features::{Context, TokenFacts, MAX_FEATURES};

/// The number of tags: outside, then begin/inside for each label.
pub const N_TAGS: usize = 9;
/// The tag of a token outside every name.
pub const OUTSIDE: u8 = 0;

/// What a tagged name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place.
    Place,
    /// Another proper name (events, works, nationalities): found so that it is not taken for the others.
    Misc,
}

impl Label {
    /// Every label, in tag order.
    pub const ALL: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Misc];

    /// The begin tag of this label.
    pub fn begin(self) -> u8 {
        1 + 2 * self as u8
    }

    /// The inside tag of this label.
    pub fn inside(self) -> u8 {
        2 + 2 * self as u8
    }

    /// The label of a begin or inside tag.
    pub fn of_tag(tag: u8) -> Option<Label> {
        (tag > 0 && (tag as usize) < N_TAGS).then(|| Label::ALL[((tag - 1) / 2) as usize])
    }

    /// The training data's type name.
    pub fn from_type(name: &str) -> Option<Label> {
        match name {
            "PERSON" => Some(Label::Person),
            "ORG" => Some(Label::Org),
            "PLACE" => Some(Label::Place),
            "MISC" => Some(Label::Misc),
            _ => None,
        }
    }
}

/// True when `tag` may follow `prev` (an inside tag continues its own label only).
pub fn allowed(prev: u8, tag: u8) -> bool {
    tag == OUTSIDE || tag % 2 == 1 || (prev != OUTSIDE && (prev - 1) / 2 == (tag - 1) / 2)
}

/// Anything that scores hashed features: the shipped model, or the trainer's weights.
pub trait Weights {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u64, scores: &mut [f32; N_TAGS]);
}

/// The shipped model: quantised weights in hashed buckets, decoded through the codebook once, on
/// loading, so that scoring adds floats and looks nothing up.
pub struct Model {
    mask: u64,
    /// `[bucket][tag]` weights, each the codebook's value of its code.
    weights: Vec<f32>,
}

/// The first bytes of a model file (before deflating).
pub const MAGIC: &[u8; 8] = b"AXNER01\0";

impl Model {
    /// A model that tags nothing.
    pub fn empty() -> Model {
        Model { mask: 0, weights: vec![0.0; N_TAGS] }
    }

    /// Reads a deflated model file; a damaged file gives the empty model.
    pub fn from_deflated(bytes: &[u8]) -> Model {
        miniz_oxide::inflate::decompress_to_vec(bytes)
            .ok()
            .and_then(|raw| Model::from_raw(&raw))
            .unwrap_or_else(Model::empty)
    }

    fn from_raw(raw: &[u8]) -> Option<Model> {
        let header = raw.get(..16 + 128 * 4)?;
        if &header[..8] != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(header[8..12].try_into().ok()?);
        let n_tags = u32::from_le_bytes(header[12..16].try_into().ok()?);
        if bits > 24 || n_tags as usize != N_TAGS {
            return None;
        }
        let mut codebook = [0f32; 256];
        for (level, bytes) in header[16..].chunks_exact(4).enumerate() {
            let value = f32::from_le_bytes(bytes.try_into().ok()?);
            codebook[level] = value;
            codebook[(256 - level) % 256] = -value;
        }
        let n = (1usize << bits) * N_TAGS;
        let body = raw.get(header.len()..header.len() + n)?;
        let weights = body.iter().map(|code| codebook[*code as usize]).collect();
        Some(Model { mask: (1u64 << bits) - 1, weights })
    }

    /// Writes a model file (not yet deflated) from float weights laid out `[bucket][tag]`.
    ///
    /// Weights are quantised to a codebook of 255 levels: code 0 is zero, codes ±1..±127 are
    /// magnitudes spaced evenly on a log scale from the largest weight down to 1/10,000 of it,
    /// so each weight keeps about 4 % relative precision; smaller weights become zero.
    pub fn to_raw(bits: u32, weights: &[f32]) -> Vec<u8> {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let lo = max / 10_000.0;
        let ratio = (max / lo.max(f32::MIN_POSITIVE)).ln() / 126.0;
        let mut levels = [0f32; 128];
        for (k, level) in levels.iter_mut().enumerate().skip(1) {
            *level = lo * ((k - 1) as f32 * ratio).exp();
        }
        let code = |w: f32| -> u8 {
            let m = w.abs();
            if max == 0.0 || m < lo / 2.0 {
                return 0;
            }
            let level = (((m / lo).ln() / ratio).round() as i32 + 1).clamp(1, 127) as i8;
            (if w < 0.0 { -level } else { level }) as u8
        };
        let mut raw = Vec::with_capacity(16 + 128 * 4 + weights.len());
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&bits.to_le_bytes());
        raw.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        for level in levels {
            raw.extend_from_slice(&level.to_le_bytes());
        }
        raw.extend(weights.iter().map(|w| code(*w)));
        raw
    }
}

impl Weights for Model {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_TAGS]) {
        let at = (feature & self.mask) as usize * N_TAGS;
        if let Some(row) = self.weights.get(at..at + N_TAGS) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += *w;
            }
        }
    }
}

/// Scores every tag at position `i` given the previous two tags.
pub fn score(
    weights: &impl Weights,
    ctx: &Context,
    i: usize,
    prev: u8,
    prev2: u8,
    features: &mut Vec<u64>,
) -> [f32; N_TAGS] {
    ctx.features(i, prev, prev2, features);
    let mut scores = [0f32; N_TAGS];
    for f in features.iter() {
        weights.add(*f, &mut scores);
    }
    scores
}

/// The best tag allowed after `prev`, and its margin over the runner-up.
pub fn best(scores: &[f32; N_TAGS], prev: u8) -> (u8, f32) {
    let mut best = (OUTSIDE, f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    for (tag, s) in scores.iter().enumerate() {
        if !allowed(prev, tag as u8) {
            continue;
        }
        if *s > best.1 {
            second = best.1;
            best = (tag as u8, *s);
        } else if *s > second {
            second = *s;
        }
    }
    (best.0, if second.is_finite() { best.1 - second } else { 0.0 })
}

/// Tags every token greedily; returns each token's tag and margin.
pub fn tag(weights: &impl Weights, facts: &[TokenFacts]) -> Vec<(u8, f32)> {
    let ctx = Context::new(facts);
    let mut features = Vec::with_capacity(MAX_FEATURES);
    let mut out = Vec::with_capacity(facts.len());
    let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
    for i in 0..facts.len() {
        let scores = score(weights, &ctx, i, prev, prev2, &mut features);
        let (t, margin) = best(&scores, prev);
        out.push((t, margin));
        prev2 = prev;
        prev = t;
    }
    out
}

/// A tagged name: tokens `first..end`, its label, and its weakest token margin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tagged {
    /// Index of its first token.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// What it is.
    pub label: Label,
    /// The smallest margin of its tokens' tags (how sure the tagger was).
    pub margin: f32,
}

/// Turns tags into names.
pub fn spans(tags: &[(u8, f32)]) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (i, (tag, margin)) in tags.iter().enumerate() {
        let Some(label) = Label::of_tag(*tag) else { continue };
        match out.last_mut() {
            Some(last) if *tag == label.inside() && last.end == i && last.label == label => {
                last.end = i + 1;
                last.margin = last.margin.min(*margin);
            }
            _ => out.push(Tagged { first: i, end: i + 1, label, margin: *margin }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_follows_its_own_label_only() {
        let cases = [
            ("outside_after_anything", 3, OUTSIDE, true),
            ("begin_after_outside", OUTSIDE, Label::Org.begin(), true),
            ("inside_after_begin", Label::Person.begin(), Label::Person.inside(), true),
            ("inside_after_inside", Label::Place.inside(), Label::Place.inside(), true),
            ("inside_after_outside", OUTSIDE, Label::Person.inside(), false),
            ("inside_after_other_label", Label::Org.begin(), Label::Person.inside(), false),
        ];
        for (name, prev, tag, want) in cases {
            assert_eq!(allowed(prev, tag), want, "case {name}");
        }
    }

    #[test]
    fn tags_become_spans() {
        let (b, i) = (Label::Person.begin(), Label::Person.inside());
        let tags = [(OUTSIDE, 1.0), (b, 2.0), (i, 0.5), (Label::Place.begin(), 3.0), (OUTSIDE, 1.0)];
        let got = spans(&tags);
        assert_eq!(
            got,
            vec![
                Tagged { first: 1, end: 3, label: Label::Person, margin: 0.5 },
                Tagged { first: 3, end: 4, label: Label::Place, margin: 3.0 }
            ]
        );
    }

    #[test]
    fn damaged_model_is_empty_not_a_panic() {
        let cases: [(&str, &[u8]); 3] =
            [("empty", b""), ("garbage", b"not a model"), ("truncated_header", b"AXNER01\0\x10")];
        for (name, bytes) in cases {
            let model = Model::from_deflated(bytes);
            assert_eq!(model.mask, 0, "case {name}");
        }
    }

    #[test]
    fn raw_round_trip_keeps_weights() {
        let mut weights = vec![0f32; 2 * N_TAGS];
        weights[3] = 2.0;
        weights[N_TAGS + 1] = -1.0;
        let raw = Model::to_raw(1, &weights);
        let model = Model::from_raw(&raw).expect("model");
        let mut scores = [0f32; N_TAGS];
        model.add(0, &mut scores);
        assert!((scores[3] - 2.0).abs() < 0.1, "{scores:?}");
        let mut scores = [0f32; N_TAGS];
        model.add(1, &mut scores);
        assert!((scores[1] + 1.0).abs() < 0.05, "{scores:?}");
    }
}
