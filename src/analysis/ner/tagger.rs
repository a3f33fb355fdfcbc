//! The NER tagger: BIO tags over tokens, the best tag sequence of a linear-chain model found by
//! Viterbi (a structured averaged perceptron, trained by `src/bin/ner.rs`), and the compact
//! model file format.
//!
//! A sequence's score is the sum of its positions' emission scores (hashed observation features,
//! one weight per tag) and of its transitions' scores (dense tables indexed by the previous tag and
//! the tag, conditioned on small classes of the two tokens: [`edge_tables`]). An inside tag may
//! only follow its own label, so the search never produces an inside tag after outside; a
//! sentence starts afresh, as if after outside. Each tag's margin (how much worse the best
//! sequence giving the token another tag scores) comes from a backward pass.
//!
//! The model file holds a bitmap of the `2^bits` hashed feature buckets that have weights, their
//! rows of one code per tag, then the transition tables, every weight a one-byte code into a
//! codebook of magnitudes and their negatives (11 of each in the shipped model; zero for pruned
//! weights); it is packed (LZMA, `super::packed`).
//! Loading a damaged model gives an empty model (every token outside), never a panic.

use super::features::{
    boundary, word_features, word_hash, word_key, Context, TokenFacts, CONNECTOR_CLASSES, MAX_FEATURES, SHAPE_CLASSES,
    WORD_GROUPS,
};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// The number of tags: outside, then begin/inside for each label.
pub const N_TAGS: usize = 9;
/// The tag of a token outside every name.
pub const OUTSIDE: u8 = 0;
/// Weights of one transition table: `[previous tag][tag]`.
pub const PAIRS: usize = N_TAGS * N_TAGS;

/// How many transition tables there are: one for every transition, then one per shape class and
/// per connector class of the token entered, then one per connector class and per shape class of
/// the token left.
pub const EDGE_TABLES: usize = 1 + 2 * SHAPE_CLASSES + 2 * CONNECTOR_CLASSES;
const _: () = assert!(EDGE_TABLES <= 128);
/// How many transition tables add up for one transition.
pub const EDGE_KINDS: usize = 5;

/// The combinations of a token's shape and connector classes.
pub const COMBOS: usize = SHAPE_CLASSES * CONNECTOR_CLASSES;

/// The classes of the token at `i` and of the token before it (a boundary before the first), as
/// indices of [`Transitions`]' tables.
#[inline(always)]
fn step_classes(facts: &[TokenFacts], i: usize) -> (usize, usize) {
    let (shape, connector) = facts[i].edge_classes();
    let (prev_shape, prev_connector) = if i == 0 { (SHAPE_CLASSES - 2, 0) } else { facts[i - 1].edge_classes() };
    (shape * CONNECTOR_CLASSES + connector, prev_shape * CONNECTOR_CLASSES + prev_connector)
}

/// The transition tables that score the transition into position `i` (from the token before it).
#[inline]
pub fn edge_tables(facts: &[TokenFacts], i: usize) -> [usize; EDGE_KINDS] {
    let (shape, connector) = facts[i].edge_classes();
    let (prev_shape, prev_connector) = if i == 0 { (SHAPE_CLASSES - 2, 0) } else { facts[i - 1].edge_classes() };
    [
        0,
        1 + shape,
        1 + SHAPE_CLASSES + connector,
        1 + SHAPE_CLASSES + CONNECTOR_CLASSES + prev_connector,
        1 + SHAPE_CLASSES + 2 * CONNECTOR_CLASSES + prev_shape,
    ]
}

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

/// Anything that scores a position: the shipped model, or the trainer's weights.
pub trait Weights {
    /// Adds the weights of the hashed `features` to `scores`.
    fn emission(&self, features: &[u64], scores: &mut [f32; N_TAGS]);
    /// The transition tables, summed by the classes they are conditioned on.
    fn transitions(&self) -> &Transitions;
    /// Every position's emission scores; by default [`emissions`], each position's features
    /// scored in turn. A scorer may compute them another way, but must give the same scores.
    fn all_emissions(&self, facts: &[TokenFacts]) -> Vec<[f32; N_TAGS]>
    where
        Self: Sized,
    {
        emissions(self, facts)
    }
}

/// The transition tables summed ahead for each combination of classes: the table of every
/// transition with the entered token's shape and connector tables (`into`), and the left
/// token's connector and shape tables (`from`). A transition's score is one entry of each.
#[derive(Clone)]
pub struct Transitions {
    into: Vec<[f32; PAIRS]>,
    from: Vec<[f32; PAIRS]>,
}

impl Transitions {
    /// Sums the transition tables `edges` (`[table][previous tag][tag]`).
    pub fn new(edges: &[f32]) -> Transitions {
        let mut t = Transitions { into: vec![[0.0; PAIRS]; COMBOS], from: vec![[0.0; PAIRS]; COMBOS] };
        for (table, weights) in edges.chunks_exact(PAIRS).enumerate().take(EDGE_TABLES) {
            for (k, w) in weights.iter().enumerate() {
                if *w != 0.0 {
                    t.bump(table, k, *w);
                }
            }
        }
        t
    }

    /// Adds `delta` to entry `k` of transition table `table` in every sum that holds it.
    pub fn bump(&mut self, table: usize, k: usize, delta: f32) {
        let c = CONNECTOR_CLASSES;
        let (sums, combos): (&mut Vec<[f32; PAIRS]>, Vec<usize>) = if table == 0 {
            (&mut self.into, (0..COMBOS).collect())
        } else if table < 1 + SHAPE_CLASSES {
            (&mut self.into, (0..c).map(|x| (table - 1) * c + x).collect())
        } else if table < 1 + SHAPE_CLASSES + c {
            (&mut self.into, (0..SHAPE_CLASSES).map(|x| x * c + table - 1 - SHAPE_CLASSES).collect())
        } else if table < 1 + SHAPE_CLASSES + 2 * c {
            (&mut self.from, (0..SHAPE_CLASSES).map(|x| x * c + table - 1 - SHAPE_CLASSES - c).collect())
        } else {
            (&mut self.from, (0..c).map(|x| (table - 1 - SHAPE_CLASSES - 2 * c) * c + x).collect())
        };
        for combo in combos {
            sums[combo][k] += delta;
        }
    }

    /// The transition scores of a step (its classes from [`step_classes`]): the sum of its two
    /// tables, added once for the step's every pair of tags.
    #[inline(always)]
    fn step(&self, step: (usize, usize)) -> Step {
        let (into, from) = (&self.into[step.0], &self.from[step.1]);
        Step { scores: std::array::from_fn(|k| into[k] + from[k]) }
    }
}

/// The transition scores of one step.
struct Step {
    scores: [f32; PAIRS],
}

impl Step {
    /// The score of the transition from `prev` to `tag`.
    #[inline(always)]
    fn score(&self, prev: usize, tag: usize) -> f32 {
        self.scores[prev * N_TAGS + tag]
    }
}

/// The shipped model: quantised emission weights in hashed buckets, and the transition tables.
///
/// Most buckets hold no weight (pruned), so only the rows of the others are kept: a bitmap says
/// which buckets have a row, and a running count per 64 buckets finds the row. The rows are kept
/// decoded (each code's weight from the codebook, once, when the model is read), so scoring a
/// feature adds a row of nine weights without looking each up.
pub struct Model {
    /// Which model this is in this process (for [`WORD_SUMS`]).
    id: u64,
    mask: u64,
    /// Bit `b` of word `b / 64`: bucket `b` has a row.
    present: Vec<u64>,
    /// The number of rows before each word of `present`.
    rank: Vec<u32>,
    /// A row of zeros (what a bucket without a row scores), then the rows of the buckets
    /// present: each tag's weight.
    weights: Vec<[f32; N_TAGS]>,
    /// The transition tables.
    transitions: Transitions,
}

/// The first bytes of a model file (before packing).
pub const MAGIC: &[u8; 8] = b"AXNER03\0";
/// The header: magic, bits, tags, tables, rows, then the 256 codebook levels.
const HEADER: usize = 8 + 4 * 4 + 256 * 4;

impl Model {
    /// A model that tags nothing.
    pub fn empty() -> Model {
        Model {
            id: next_model_id(),
            mask: 0,
            present: vec![0],
            rank: vec![0],
            weights: vec![[0.0; N_TAGS]],
            transitions: Transitions::new(&[]),
        }
    }

    /// Reads a packed model file (`super::packed`); a damaged file gives the empty model.
    pub fn from_packed(bytes: &[u8]) -> Model {
        super::packed::unpack(bytes).and_then(|raw| Model::from_raw(&raw)).unwrap_or_else(Model::empty)
    }

    /// Reads a model file: the header, the bitmap of the buckets present (one bit each, in
    /// little-endian 64-bit words), their rows of codes stored sparsely (see [`sparse_rows`]),
    /// then the transition tables' codes.
    pub fn from_raw(raw: &[u8]) -> Option<Model> {
        let header = raw.get(..HEADER)?;
        if &header[..8] != MAGIC {
            return None;
        }
        let word = |k: usize| header[8 + 4 * k..12 + 4 * k].try_into().ok().map(u32::from_le_bytes);
        let (bits, n_tags, tables, n_rows) = (word(0)?, word(1)?, word(2)?, word(3)? as usize);
        if !(6..=24).contains(&bits) || n_tags as usize != N_TAGS || tables as usize != EDGE_TABLES {
            return None;
        }
        let mut codebook = [0f32; 256];
        for (level, bytes) in header[24..].chunks_exact(4).enumerate() {
            codebook[level] = f32::from_le_bytes(bytes.try_into().ok()?);
        }
        let words = (1usize << bits) / 64;
        let body = raw.get(HEADER..)?;
        let present: Vec<u64> = body
            .get(..words * 8)?
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
            .collect();
        let mut rank = Vec::with_capacity(words);
        let mut count = 0u32;
        for w in &present {
            rank.push(count);
            count += w.count_ones();
        }
        if count as usize != n_rows {
            return None;
        }
        let (rows, used) = dense_rows(body.get(words * 8..)?, n_rows)?;
        let weights: Vec<[f32; N_TAGS]> = std::iter::once([0.0; N_TAGS])
            .chain(rows.chunks_exact(N_TAGS).map(|row| std::array::from_fn(|tag| codebook[row[tag] as usize])))
            .collect();
        let edges: Vec<f32> = body.get(words * 8 + used..)?.iter().map(|c| codebook[*c as usize]).collect();
        if edges.len() != EDGE_TABLES * PAIRS {
            return None;
        }
        Some(Model {
            id: next_model_id(),
            mask: (1u64 << bits) - 1,
            present,
            rank,
            weights,
            transitions: Transitions::new(&edges),
        })
    }

    /// The number of `bucket`'s row; 0, the row of zeros, if it has none (which adds nothing to
    /// a score). Found without a branch on whether the bucket has a row: which buckets do is as
    /// good as random, and a mispredicted branch costs more than the arithmetic.
    #[inline(always)]
    fn row_number(&self, bucket: usize) -> u32 {
        let word_at = bucket / 64;
        let (word, rank) = (self.present[word_at], self.rank[word_at]);
        let bit = bucket % 64;
        let has = ((word >> bit) & 1) as u32;
        let below = (word & ((1u64 << bit) - 1)).count_ones();
        has * (1 + rank + below)
    }

    /// The row of the hashed feature `feature`.
    #[inline(always)]
    fn row_of(&self, feature: u64) -> u32 {
        self.row_number((feature & self.mask) as usize)
    }

    /// Adds row `row`'s weights to `sum`.
    #[inline(always)]
    fn add_row(&self, row: u32, sum: &mut [f32; N_TAGS]) {
        let weights = &self.weights[row as usize];
        for (s, w) in sum.iter_mut().zip(weights) {
            *s += *w;
        }
    }

    /// The sums of a word's [`word_features`], group by group ([`WORD_GROUPS`]).
    fn word_sums(&self, facts: &TokenFacts) -> WordSums {
        let features = word_features(facts);
        WORD_GROUPS.map(|(_, slots)| {
            let mut sum = [0f32; N_TAGS];
            for slot in slots {
                self.add_row(self.row_of(features[*slot]), &mut sum);
            }
            sum
        })
    }

    /// The magnitudes of the `keep` largest non-zero weights (emission and transition weights
    /// together), largest first: what [`Model::to_raw`] keeps; any smaller weight is pruned.
    pub fn kept_magnitudes(weights: &[f32], edges: &[f32], keep: usize) -> Vec<f32> {
        let mut magnitudes: Vec<f32> = weights.iter().chain(edges).map(|w| w.abs()).filter(|m| *m > 0.0).collect();
        magnitudes.sort_unstable_by(|a, b| b.total_cmp(a));
        magnitudes.truncate(keep.max(1));
        magnitudes
    }

    /// Writes a model file (not yet packed) from float weights: the emission weights laid out
    /// `[bucket][tag]` and the transition tables `[table][previous tag][tag]`.
    ///
    /// Weights are quantised to a codebook of `2 * levels - 1` values: code 0 is zero, codes
    /// ±1..±(levels - 1) are magnitudes fitted to the `keep` largest weights (Lloyd's algorithm:
    /// each level the mean of the weights nearest to it, starting from levels spaced on a log
    /// scale); smaller weights become zero (pruned).
    pub fn to_raw(bits: u32, weights: &[f32], edges: &[f32], levels: usize, keep: usize) -> Vec<u8> {
        let levels = levels.clamp(2, 128);
        let magnitudes = Model::kept_magnitudes(weights, edges, keep);
        let max = magnitudes.first().copied().unwrap_or(0.0);
        let lo = magnitudes.last().copied().unwrap_or(0.0);
        let steps = (levels - 2).max(1) as f32;
        let ratio = (max / lo.max(f32::MIN_POSITIVE)).ln().max(f32::EPSILON) / steps;
        let mut mags: Vec<f32> = (0..levels - 1).map(|k| lo * (k as f32 * ratio).exp()).collect();
        let nearest = |mags: &[f32], m: f32| -> usize {
            // The levels are increasing: the first whose midpoint with the next lies above m.
            (0..mags.len() - 1).find(|&k| m < (mags[k] + mags[k + 1]) / 2.0).unwrap_or(mags.len() - 1)
        };
        for _ in 0..12 {
            let mut sums = vec![(0f64, 0usize); mags.len()];
            for m in &magnitudes {
                let k = nearest(&mags, *m);
                sums[k].0 += f64::from(*m);
                sums[k].1 += 1;
            }
            for (level, (sum, n)) in mags.iter_mut().zip(sums) {
                if n > 0 {
                    *level = (sum / n as f64) as f32;
                }
            }
            mags.sort_unstable_by(f32::total_cmp);
        }
        let mut codebook = [0f32; 256];
        for (k, level) in mags.iter().enumerate() {
            codebook[k + 1] = *level;
            codebook[255 - k] = -*level;
        }
        let code = |w: f32| -> u8 {
            let m = w.abs();
            if max == 0.0 || m < lo {
                return 0;
            }
            let level = nearest(&mags, m) as u8 + 1;
            if w < 0.0 {
                level.wrapping_neg()
            } else {
                level
            }
        };
        let codes: Vec<u8> = weights.iter().map(|w| code(*w)).collect();
        let mut present = vec![0u64; ((1usize << bits) / 64).max(1)];
        let mut rows = Vec::new();
        for (bucket, row) in codes.chunks_exact(N_TAGS).enumerate() {
            if row.iter().any(|c| *c != 0) {
                present[bucket / 64] |= 1 << (bucket % 64);
                rows.extend_from_slice(row);
            }
        }
        let mut raw = Vec::with_capacity(HEADER + present.len() * 8 + rows.len() + edges.len());
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&bits.to_le_bytes());
        raw.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        raw.extend_from_slice(&(EDGE_TABLES as u32).to_le_bytes());
        raw.extend_from_slice(&((rows.len() / N_TAGS) as u32).to_le_bytes());
        for level in codebook {
            raw.extend_from_slice(&level.to_le_bytes());
        }
        for w in present {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        raw.extend(sparse_rows(&rows));
        raw.extend(edges.iter().map(|w| code(*w)));
        raw
    }
}

/// Bytes of a row's mask: one bit per tag.
const MASK_BYTES: usize = N_TAGS.div_ceil(8);

/// The rows of codes (`[row][tag]`) as the model file stores them, sparsely: first which tags of
/// each row have a code other than zero (a mask of one bit per tag; its first byte for every
/// row, then its second byte for every row), then for each tag in turn the non-zero codes of the
/// rows in order. Most codes are zero, and like values sit together, so the file packs smaller
/// than the plain rows (about a tenth); the model in memory is the same.
fn sparse_rows(rows: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() / 2);
    for plane in 0..MASK_BYTES {
        for row in rows.chunks_exact(N_TAGS) {
            let bits = row.iter().enumerate().skip(plane * 8).take(8);
            out.push(bits.filter(|(_, c)| **c != 0).fold(0u8, |m, (tag, _)| m | 1 << (tag - plane * 8)));
        }
    }
    for tag in 0..N_TAGS {
        out.extend(rows.chunks_exact(N_TAGS).map(|row| row[tag]).filter(|c| *c != 0));
    }
    out
}

/// The rows of codes from the start of `stored` ([`sparse_rows`]) and the bytes they took;
/// `None` if `stored` is too short.
fn dense_rows(stored: &[u8], n_rows: usize) -> Option<(Vec<u8>, usize)> {
    let masks = stored.get(..n_rows.checked_mul(MASK_BYTES)?)?;
    let has = |row: usize, tag: usize| masks[(tag / 8) * n_rows + row] & (1 << (tag % 8)) != 0;
    let mut rows = vec![0u8; n_rows * N_TAGS];
    let mut at = masks.len();
    for tag in 0..N_TAGS {
        for row in 0..n_rows {
            if has(row, tag) {
                rows[row * N_TAGS + tag] = *stored.get(at)?;
                at += 1;
            }
        }
    }
    Some((rows, at))
}

impl Weights for Model {
    #[inline]
    fn emission(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        let mut sum = *scores;
        for f in features {
            // A bucket without a row adds zeros: exact (a sum is never -0.0, so x + 0.0 == x).
            self.add_row(self.row_of(*f), &mut sum);
        }
        *scores = sum;
    }

    #[inline]
    fn transitions(&self) -> &Transitions {
        &self.transitions
    }

    /// The scores of [`grouped_emissions`]: the same weights as [`emissions`] adds, summed in
    /// another order (the same to within rounding), the word features' sums kept per word and per
    /// thread ([`WORD_SUMS`]). Over half of a position's features read one word alone; summed
    /// once per word, the weights a position reads from memory fall from about 26 rows to 16.
    fn all_emissions(&self, facts: &[TokenFacts]) -> Vec<[f32; N_TAGS]> {
        WORD_SUMS.with_borrow_mut(|cache| {
            if cache.model != self.id || cache.sums.len() + facts.len() > WORD_SUMS_CAPACITY {
                cache.model = self.id;
                cache.index.clear();
                cache.keys.clear();
                cache.sums.clear();
                // The boundary's sums first: the positions beyond either end read them.
                cache.sums.push(self.word_sums(boundary()));
                cache.keys.push(word_key(boundary()));
            }
            let WordSumsCache { index, keys, sums, of_token, context, context_rows, row_ends, .. } = cache;
            of_token.clear();
            of_token.extend(facts.iter().map(|f| {
                let key = word_key(f);
                match index.get(&word_hash(f)) {
                    Some(&at) if keys[at as usize] == key => at,
                    found => {
                        sums.push(self.word_sums(f));
                        keys.push(key);
                        let at = (sums.len() - 1) as u32;
                        // Another word with the same hash (a 64-bit collision, never seen)
                        // keeps the place; this one's sums are made afresh each time.
                        if found.is_none() {
                            index.insert(word_hash(f), at);
                        }
                        at
                    }
                }
            }));
            // First every position's context rows, then the sums: reading rows whose numbers are
            // all known lets the processor fetch many of them from memory at once.
            let ctx = Context::new(facts);
            let n = facts.len() as isize;
            context_rows.clear();
            row_ends.clear();
            for i in 0..facts.len() {
                ctx.context_features(i, context);
                context_rows.extend(context.iter().map(|f| self.row_of(*f)));
                row_ends.push(context_rows.len() as u32);
            }
            let mut start = 0;
            (0..facts.len())
                .map(|i| {
                    let end = row_ends[i] as usize;
                    let mut sum = [0f32; N_TAGS];
                    for row in &context_rows[start..end] {
                        self.add_row(*row, &mut sum);
                    }
                    start = end;
                    for (group, (offset, _)) in WORD_GROUPS.iter().enumerate() {
                        let j = i as isize + offset;
                        let word = if (0..n).contains(&j) { of_token[j as usize] } else { 0 };
                        add(&mut sum, &sums[word as usize][group]);
                    }
                    sum
                })
                .collect()
        })
    }
}

/// Adds `row` to `sum`, tag by tag.
#[inline(always)]
fn add(sum: &mut [f32; N_TAGS], row: &[f32; N_TAGS]) {
    for (s, w) in sum.iter_mut().zip(row) {
        *s += *w;
    }
}

/// Gives each model made in this process its own number.
fn next_model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A word's sums of its [`word_features`]' weights, one per group of [`WORD_GROUPS`].
type WordSums = [[f32; N_TAGS]; WORD_GROUPS.len()];

/// The most words [`WORD_SUMS`] keeps before it starts afresh (180 bytes each, and the key).
const WORD_SUMS_CAPACITY: usize = 20_000;

/// The sums of the word features of words met before on this thread, by what those features
/// read of the word ([`word_key`]), for one model (its id); a function of the word and the model
/// alone, so what it holds never changes a score. With the buffers [`Model::all_emissions`]
/// reuses from one text to the next.
#[derive(Default)]
struct WordSumsCache {
    model: u64,
    /// Where each word's sums are in `sums`, by the hash of the word's text.
    index: FxHashMap<u64, u32>,
    /// What the features read of each word in `sums` ([`word_key`]): equal keys, equal sums.
    keys: Vec<[u64; 9]>,
    /// The boundary's sums, then each word's.
    sums: Vec<WordSums>,
    /// For each token of the text, where its sums are.
    of_token: Vec<u32>,
    /// One position's context features.
    context: Vec<u64>,
    /// The rows of every position's context features, one after another.
    context_rows: Vec<u32>,
    /// Where each position's context rows end in `context_rows`.
    row_ends: Vec<u32>,
}

thread_local! {
    static WORD_SUMS: RefCell<WordSumsCache> = RefCell::default();
}

/// Every position's emission scores in the order [`Model::all_emissions`] adds them: from zero,
/// the position's [`Context::context_features`] in turn, then each group of [`WORD_GROUPS`]
/// summed on its own from zero and added. The same weights as [`emissions`].
pub fn grouped_emissions(weights: &impl Weights, facts: &[TokenFacts]) -> Vec<[f32; N_TAGS]> {
    let ctx = Context::new(facts);
    let mut features = Vec::with_capacity(MAX_FEATURES);
    (0..facts.len())
        .map(|i| {
            ctx.context_features(i, &mut features);
            let mut scores = [0f32; N_TAGS];
            weights.emission(&features, &mut scores);
            for (offset, slots) in WORD_GROUPS {
                let j = i as isize + offset;
                let word = if (0..facts.len() as isize).contains(&j) { &facts[j as usize] } else { boundary() };
                let all = word_features(word);
                features.clear();
                features.extend(slots.iter().map(|s| all[*s]));
                let mut group = [0f32; N_TAGS];
                weights.emission(&features, &mut group);
                add(&mut scores, &group);
            }
            scores
        })
        .collect()
}

/// Every position's emission scores.
pub fn emissions(weights: &impl Weights, facts: &[TokenFacts]) -> Vec<[f32; N_TAGS]> {
    let ctx = Context::new(facts);
    let mut features = Vec::with_capacity(MAX_FEATURES);
    (0..facts.len())
        .map(|i| {
            ctx.emissions(i, &mut features);
            let mut scores = [0f32; N_TAGS];
            weights.emission(&features, &mut scores);
            scores
        })
        .collect()
}

#[inline(always)]
fn max(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// True for an inside tag.
#[inline(always)]
fn is_inside(tag: usize) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

/// The forward pass of the search over positions `range` of `facts`: for each position, the best
/// score of a sequence ending there in each tag, and that sequence's previous tag. Each tag is
/// drawn from its position's `permitted` set (a bit mask; every tag when `permitted` is empty);
/// the sequence starts after an outside tag. An inside tag follows only its own label's begin or
/// inside tag; a sentence starts afresh: its first token is entered as if from outside, whatever
/// ended the sentence before (so no name runs on across a sentence boundary).
fn forward(
    weights: &impl Weights,
    facts: &[TokenFacts],
    range: std::ops::Range<usize>,
    emissions: &[[f32; N_TAGS]],
    permitted: &[u16],
) -> (Vec<[f32; N_TAGS]>, Vec<[u8; N_TAGS]>) {
    let trans = weights.transitions();
    let mut alpha = Vec::with_capacity(range.len());
    let mut back = Vec::with_capacity(range.len());
    let mut prev_alpha = [f32::NEG_INFINITY; N_TAGS];
    prev_alpha[OUTSIDE as usize] = 0.0;
    for (k, i) in range.enumerate() {
        let step = trans.step(step_classes(facts, i));
        let mask = permitted.get(k).copied().unwrap_or(u16::MAX);
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        let mut from = [OUTSIDE; N_TAGS];
        let fresh = i == 0 || facts[i].starts_sentence();
        let (best_prev, best_arg) = best_of(&prev_alpha);
        for tag in 0..N_TAGS {
            if mask & (1 << tag) == 0 {
                continue;
            }
            let (best, arg) = if fresh {
                if is_inside(tag) {
                    continue;
                }
                (best_prev + step.score(OUTSIDE as usize, tag), best_arg)
            } else if is_inside(tag) {
                let (b, i) = (tag - 1, tag);
                let (sb, si) = (prev_alpha[b] + step.score(b, tag), prev_alpha[i] + step.score(i, tag));
                if si > sb {
                    (si, i as u8)
                } else {
                    (sb, b as u8)
                }
            } else {
                let (mut best, mut arg) = (f32::NEG_INFINITY, OUTSIDE);
                for (prev, a) in prev_alpha.iter().enumerate() {
                    let s = a + step.score(prev, tag);
                    if s > best {
                        best = s;
                        arg = prev as u8;
                    }
                }
                (best, arg)
            };
            next[tag] = best + emissions[k][tag];
            from[tag] = arg;
        }
        // Nothing permitted is reachable (a contradictory constraint): fall back to outside.
        if next.iter().all(|s| *s == f32::NEG_INFINITY) {
            next[OUTSIDE as usize] = max(best_prev, 0.0);
            from[OUTSIDE as usize] = best_arg;
        }
        alpha.push(next);
        back.push(from);
        prev_alpha = next;
    }
    (alpha, back)
}

/// The best score in `scores` and its tag (the lowest tag on ties).
#[inline]
fn best_of(scores: &[f32; N_TAGS]) -> (f32, u8) {
    let mut best = (scores[0], 0u8);
    for (t, s) in scores.iter().enumerate().skip(1) {
        if *s > best.0 {
            best = (*s, t as u8);
        }
    }
    best
}

/// Follows the back pointers from the best last tag.
fn backtrack(alpha: &[[f32; N_TAGS]], back: &[[u8; N_TAGS]]) -> Vec<u8> {
    let Some(last) = alpha.last() else { return Vec::new() };
    let mut tag = best_of(last).1;
    let mut out = vec![OUTSIDE; alpha.len()];
    for i in (0..alpha.len()).rev() {
        out[i] = tag;
        tag = back[i][tag as usize];
    }
    out
}

/// The best tag sequence over positions `range` of `facts`, given their `emissions`, each tag
/// drawn from its position's `permitted` set (every tag when `permitted` is empty).
pub fn viterbi(
    weights: &impl Weights,
    facts: &[TokenFacts],
    range: std::ops::Range<usize>,
    emissions: &[[f32; N_TAGS]],
    permitted: &[u16],
) -> Vec<u8> {
    let (alpha, back) = forward(weights, facts, range, emissions, permitted);
    backtrack(&alpha, &back)
}

/// Tags every token with the best sequence; returns each token's tag and its margin: how much
/// the best sequence's score exceeds that of the best sequence giving the token another tag.
pub fn tag(weights: &impl Weights, facts: &[TokenFacts]) -> Vec<(u8, f32)> {
    let n = facts.len();
    let emissions = weights.all_emissions(facts);
    let (alpha, back) = forward(weights, facts, 0..n, &emissions, &[]);
    let path = backtrack(&alpha, &back);
    let Some(last) = alpha.last() else { return Vec::new() };
    let total = best_of(last).0;
    let trans = weights.transitions();
    // Backward: beta[t], the best score of the rest of the sequence after i, given t at i.
    let mut out = vec![(OUTSIDE, 0f32); n];
    let mut beta = [0f32; N_TAGS];
    for i in (0..n).rev() {
        let mut second = f32::NEG_INFINITY;
        for t in 0..N_TAGS {
            if t != path[i] as usize {
                second = max(second, alpha[i][t] + beta[t]);
            }
        }
        out[i] = (path[i], if second.is_finite() { max(total - second, 0.0) } else { 0.0 });
        if i == 0 {
            break;
        }
        let step = trans.step(step_classes(facts, i));
        let ahead: [f32; N_TAGS] = std::array::from_fn(|t| emissions[i][t] + beta[t]);
        let mut prev_beta = [f32::NEG_INFINITY; N_TAGS];
        if facts[i].starts_sentence() {
            let mut best = f32::NEG_INFINITY;
            for (tag, a) in ahead.iter().enumerate().filter(|(t, _)| !is_inside(*t)) {
                best = max(best, step.score(OUTSIDE as usize, tag) + a);
            }
            prev_beta = [best; N_TAGS];
        } else {
            for (prev, pb) in prev_beta.iter_mut().enumerate() {
                // Outside and the begin tags follow anything; an inside tag its own label only.
                let mut best = step.score(prev, 0) + ahead[0];
                for tag in (1..N_TAGS).step_by(2) {
                    best = max(best, step.score(prev, tag) + ahead[tag]);
                }
                if prev != OUTSIDE as usize {
                    let inside = prev + prev % 2;
                    best = max(best, step.score(prev, inside) + ahead[inside]);
                }
                *pb = best;
            }
        }
        beta = prev_beta;
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
        let truncated = super::super::packed::pack(b"AXNER02\0\x10");
        let cases: [(&str, &[u8]); 3] = [("empty", b""), ("garbage", b"not a model"), ("truncated_header", &truncated)];
        for (name, bytes) in cases {
            let model = Model::from_packed(bytes);
            assert_eq!(model.mask, 0, "case {name}");
        }
    }

    #[test]
    fn sparse_rows_round_trip() {
        // Rows with no code, one code, every code, and the last tag alone (the mask's second byte).
        let mut rows = vec![0u8; 5 * N_TAGS];
        rows[N_TAGS + 2] = 3;
        rows[2 * N_TAGS..3 * N_TAGS].copy_from_slice(&[1, 255, 2, 254, 3, 253, 4, 252, 5]);
        rows[4 * N_TAGS - 1] = 7;
        let stored = sparse_rows(&rows);
        assert_eq!(stored.len(), 5 * MASK_BYTES + 1 + N_TAGS + 1);
        let mut file = stored.clone();
        file.push(9); // what follows the rows is left alone
        assert_eq!(dense_rows(&file, 5), Some((rows, stored.len())));
        assert_eq!(dense_rows(&stored[..stored.len() - 1], 5), None);
    }

    #[test]
    fn raw_round_trip_keeps_weights() {
        let mut weights = vec![0f32; 128 * N_TAGS];
        weights[3] = 2.0;
        weights[70 * N_TAGS + 1] = -1.0;
        let mut edges = vec![0f32; EDGE_TABLES * PAIRS];
        edges[5] = 0.5;
        let raw = Model::to_raw(7, &weights, &edges, 128, 100);
        let model = Model::from_raw(&raw).expect("model");
        let mut scores = [0f32; N_TAGS];
        model.emission(&[0], &mut scores);
        assert!((scores[3] - 2.0).abs() < 0.1, "{scores:?}");
        let mut scores = [0f32; N_TAGS];
        model.emission(&[70], &mut scores);
        assert!((scores[1] + 1.0).abs() < 0.05, "{scores:?}");
        let mut scores = [0f32; N_TAGS];
        model.emission(&[69, 71, 127], &mut scores);
        assert_eq!(scores, [0.0; N_TAGS]);
        assert!((model.transitions().step((0, 0)).score(0, 5) - 0.5).abs() < 0.05);
    }

    #[test]
    fn shipped_model_scores_as_feature_by_feature() {
        // The per-word sums (kept per thread) give the same scores, bit for bit, as scoring each
        // position's groups of features in turn, and to within rounding the scores of all its
        // features in one run: on a first and a second reading, and with a model made after
        // (another id) reading the same words.
        use crate::analysis::{lexicon::LEXICON, ner::features::token_facts, sentences, tokens::tokenize};
        let texts =
            [crate::DEMO_ARTICLE, "Mr John Smith (of Paris) said: \"Armenians met.\" Then NATO left.", "Oslo", ""];
        let shipped = &*super::super::MODEL;
        let other = Model::from_packed(super::super::MODEL_BYTES);
        for model in [shipped, &other, shipped] {
            for text in texts {
                let tokens = tokenize(text);
                let facts = token_facts(text, &tokens, &sentences::split(text, &tokens, &LEXICON));
                let bits =
                    |e: Vec<[f32; N_TAGS]>| -> Vec<[u32; N_TAGS]> { e.iter().map(|s| s.map(f32::to_bits)).collect() };
                let fast = model.all_emissions(&facts);
                assert_eq!(bits(fast.clone()), bits(grouped_emissions(model, &facts)), "{text:.40}");
                for (a, b) in fast.iter().flatten().zip(emissions(model, &facts).iter().flatten()) {
                    assert!((a - b).abs() <= 1e-4 * (1.0 + b.abs()), "{a} vs {b} in {text:.40}");
                }
            }
        }
    }

    /// A toy model scoring only by transitions and a bias per tag, to test the search.
    struct Toy {
        bias: [f32; N_TAGS],
        transitions: Transitions,
    }

    impl Weights for Toy {
        fn emission(&self, _features: &[u64], scores: &mut [f32; N_TAGS]) {
            for (s, b) in scores.iter_mut().zip(self.bias) {
                *s += b;
            }
        }
        fn transitions(&self) -> &Transitions {
            &self.transitions
        }
    }

    #[test]
    fn search_never_puts_inside_after_outside() {
        // Inside-person scores best everywhere, but it cannot start a name: the best legal
        // sequence begins the name, then continues it.
        let mut bias = [0f32; N_TAGS];
        bias[Label::Person.inside() as usize] = 5.0;
        bias[Label::Person.begin() as usize] = 1.0;
        let toy = Toy { bias, transitions: Transitions::new(&[]) };
        let facts = vec![TokenFacts::default(); 3];
        let tags: Vec<u8> = tag(&toy, &facts).into_iter().map(|(t, _)| t).collect();
        let (b, i) = (Label::Person.begin(), Label::Person.inside());
        assert_eq!(tags, vec![b, i, i]);
        let permitted = [1 << OUTSIDE, u16::MAX, u16::MAX];
        let constrained = viterbi(&toy, &facts, 0..3, &emissions(&toy, &facts), &permitted);
        assert_eq!(constrained, vec![OUTSIDE, b, i]);
    }
}
