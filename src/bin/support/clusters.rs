//! Word clusters for the NER tagger, learned from open text (`ner -- clusters`): each frequent
//! word's neighbours are counted, weighted by positive pointwise mutual information, and the words
//! grouped by spherical k-means into fine clusters, the fine clusters into coarse ones. Each word
//! is written in its usual case away from sentence starts ("paris" → "Paris"), which the tagger
//! reads as a feature too. Deterministic: fixed order, fixed-seed initialisation, no clock.

use super::rng::Rng;
use article_explorer::analysis::lexicon::LEXICON;
use article_explorer::analysis::model::TokenKind;
use article_explorer::analysis::{sentences, tokens::tokenize};
use std::collections::{BTreeMap, HashMap};

/// Words seen fewer times than this get no cluster.
pub const MIN_COUNT: u32 = 3;
/// At most this many words get a cluster (the most frequent).
pub const MAX_WORDS: usize = 15_000;
/// The most frequent tokens are the context words; others are counted by their kind.
const CONTEXT_WORDS: usize = 600;
/// Fine clusters, and coarse clusters of fine clusters.
pub const FINE: usize = 256;
/// Coarse clusters.
pub const COARSE: usize = 32;
/// k-means iterations.
const ITERATIONS: usize = 20;
/// Seed of the k-means++ initialisation.
const SEED: u64 = 0x5eed_c1a5;

/// How a word was written in one occurrence.
#[derive(Clone, Copy, Default)]
struct CaseCounts {
    lower: u32,
    capitalised: u32,
    upper: u32,
}

/// One text, tokenised: lower-cased tokens, their kinds, and whether each starts a sentence,
/// with the written form of each word token.
struct Tokenised {
    lower: Vec<String>,
    forms: Vec<u8>,
    starts: Vec<bool>,
}

const FORM_LOWER: u8 = 1;
const FORM_CAPITALISED: u8 = 2;
const FORM_UPPER: u8 = 3;
const FORM_NUMBER: u8 = 4;
const FORM_PUNCT: u8 = 5;

fn tokenised(text: &str) -> Tokenised {
    let tokens = tokenize(text);
    let sents = sentences::split(text, &tokens, &LEXICON);
    let mut starts = vec![false; tokens.len()];
    for s in &sents {
        if let Some(x) = starts.get_mut(s.first_token as usize) {
            *x = true;
        }
    }
    let mut out = Tokenised { lower: Vec::new(), forms: Vec::new(), starts: Vec::new() };
    for (i, t) in tokens.iter().enumerate() {
        let piece = t.span.slice(text);
        let after_opener =
            i > 0 && (tokens[i - 1].kind == TokenKind::Quote || matches!(tokens[i - 1].span.slice(text), "(" | "["));
        out.starts.push(starts[i] || t.newlines_before > 0 || after_opener);
        out.lower.push(piece.to_lowercase());
        out.forms.push(match t.kind {
            TokenKind::Word => {
                let first_upper = piece.starts_with(char::is_uppercase);
                if !first_upper {
                    FORM_LOWER
                } else if piece.chars().count() > 1 && piece.chars().all(|c| !c.is_lowercase()) {
                    FORM_UPPER
                } else {
                    FORM_CAPITALISED
                }
            }
            TokenKind::Number => FORM_NUMBER,
            TokenKind::Punct | TokenKind::Quote => FORM_PUNCT,
        });
    }
    out
}

/// A fine cluster's words (each in its usual case) and its coarse cluster.
pub struct Clusters {
    /// `(coarse, fine, words)`, in fine order.
    pub lines: Vec<(usize, usize, Vec<String>)>,
    pub words: usize,
    pub tokens: usize,
}

/// Learns the clusters from `texts`.
pub fn learn(texts: &[String]) -> Clusters {
    let docs: Vec<Tokenised> = texts.iter().map(|t| tokenised(t)).collect();
    let n_tokens: usize = docs.iter().map(|d| d.lower.len()).sum();
    // Word and token counts, in a fixed order (BTreeMap), ranked by count then by the word.
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    let mut word_counts: BTreeMap<&str, u32> = BTreeMap::new();
    for d in &docs {
        for (w, f) in d.lower.iter().zip(&d.forms) {
            *counts.entry(w).or_default() += 1;
            if matches!(*f, FORM_LOWER | FORM_CAPITALISED | FORM_UPPER) {
                *word_counts.entry(w).or_default() += 1;
            }
        }
    }
    let vocab: Vec<&str> =
        ranked(&word_counts).into_iter().filter(|(_, c)| *c >= MIN_COUNT).take(MAX_WORDS).map(|(w, _)| w).collect();
    let context: HashMap<&str, usize> =
        ranked(&counts).into_iter().take(CONTEXT_WORDS).enumerate().map(|(i, (w, _))| (w, i)).collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    // Context classes: the context words, then a class per form for the others, then the edges.
    let classes = CONTEXT_WORDS + 6 + 1;
    let dims = 4 * classes;
    let class_of = |d: &Tokenised, j: isize| -> usize {
        if j < 0 || j as usize >= d.lower.len() {
            return classes - 1;
        }
        let j = j as usize;
        context.get(d.lower[j].as_str()).copied().unwrap_or(CONTEXT_WORDS + d.forms[j] as usize)
    };
    let mut vectors: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); vocab.len()];
    let mut cases = vec![CaseCounts::default(); vocab.len()];
    for d in &docs {
        for i in 0..d.lower.len() {
            let Some(&w) = index.get(d.lower[i].as_str()) else { continue };
            if !d.starts[i] {
                let c = &mut cases[w];
                match d.forms[i] {
                    FORM_LOWER => c.lower += 1,
                    FORM_CAPITALISED => c.capitalised += 1,
                    FORM_UPPER => c.upper += 1,
                    _ => {}
                }
            }
            let i = i as isize;
            for (slot, (j, weight)) in [(i - 1, 1.0), (i + 1, 1.0), (i - 2, 0.5), (i + 2, 0.5)].into_iter().enumerate()
            {
                *vectors[w].entry(slot * classes + class_of(d, j)).or_default() += weight;
            }
        }
    }
    // Positive PMI with context smoothing (counts^0.75), then unit length.
    let mut column = vec![0f64; dims];
    let mut total = 0f64;
    for v in &vectors {
        for (k, c) in v {
            column[*k] += c;
            total += c;
        }
    }
    let smoothed: Vec<f64> = column.iter().map(|c| c.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let sparse: Vec<Vec<(usize, f32)>> = vectors
        .iter()
        .map(|v| {
            let row: f64 = v.values().sum();
            let mut out: Vec<(usize, f32)> = v
                .iter()
                .filter_map(|(k, c)| {
                    let pmi = ((c / total) / ((row / total) * (smoothed[*k] / smoothed_total))).ln();
                    (pmi > 0.0).then_some((*k, pmi as f32))
                })
                .collect();
            let norm = out.iter().map(|(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            out.iter_mut().for_each(|(_, x)| *x /= norm);
            out
        })
        .collect();
    let fine = spherical_kmeans(&sparse, dims, FINE, SEED);
    // Coarse clusters: k-means over the fine centroids (as sparse vectors).
    let centroids = centroids(&sparse, &fine, dims, FINE);
    let centroid_rows: Vec<Vec<(usize, f32)>> = centroids
        .iter()
        .map(|c| c.iter().enumerate().filter(|(_, x)| **x != 0.0).map(|(k, x)| (k, *x)).collect())
        .collect();
    let coarse = spherical_kmeans(&centroid_rows, dims, COARSE, SEED ^ 1);
    // Number the fine clusters coarse cluster by coarse cluster, each group by its first word.
    let mut members: Vec<Vec<String>> = vec![Vec::new(); FINE];
    for (w, c) in fine.iter().enumerate() {
        members[*c].push(written(vocab[w], &cases[w]));
    }
    members.iter_mut().for_each(|m| m.sort());
    let mut order: Vec<usize> = (0..FINE).filter(|c| !members[*c].is_empty()).collect();
    order.sort_by(|a, b| coarse[*a].cmp(&coarse[*b]).then(members[*a].cmp(&members[*b])));
    let mut coarse_ids: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &order {
        let next = coarse_ids.len();
        coarse_ids.entry(coarse[*c]).or_insert(next);
    }
    let lines = order
        .iter()
        .enumerate()
        .map(|(fine_id, c)| (coarse_ids[&coarse[*c]], fine_id, std::mem::take(&mut members[*c])))
        .collect();
    Clusters { lines, words: vocab.len(), tokens: n_tokens }
}

/// The entries of `m`, most frequent first (ties in word order).
fn ranked<'a>(m: &BTreeMap<&'a str, u32>) -> Vec<(&'a str, u32)> {
    let mut v: Vec<(&str, u32)> = m.iter().map(|(w, c)| (*w, *c)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

/// A word in its usual case away from sentence starts (as seen when it never is).
fn written(lower: &str, c: &CaseCounts) -> String {
    if c.lower >= c.capitalised + c.upper {
        lower.to_string()
    } else if c.upper > c.capitalised && lower.chars().count() > 1 {
        lower.to_uppercase()
    } else {
        let mut chars = lower.chars();
        chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }
}

fn dot(sparse: &[(usize, f32)], dense: &[f32]) -> f32 {
    sparse.iter().map(|(k, x)| x * dense[*k]).sum()
}

fn centroids(rows: &[Vec<(usize, f32)>], assign: &[usize], dims: usize, k: usize) -> Vec<Vec<f32>> {
    let mut c = vec![vec![0f32; dims]; k];
    for (row, a) in rows.iter().zip(assign) {
        for (d, x) in row {
            c[*a][*d] += x;
        }
    }
    for v in &mut c {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
    }
    c
}

/// Spherical k-means (cosine) of unit `rows` into `k` clusters, k-means++ initialised with a
/// fixed seed. Returns each row's cluster.
fn spherical_kmeans(rows: &[Vec<(usize, f32)>], dims: usize, k: usize, seed: u64) -> Vec<usize> {
    let n = rows.len();
    let k = k.min(n.max(1));
    let mut rng = Rng(seed);
    let mut centres: Vec<Vec<f32>> = Vec::with_capacity(k);
    let dense = |row: &[(usize, f32)]| {
        let mut v = vec![0f32; dims];
        row.iter().for_each(|(d, x)| v[*d] = *x);
        v
    };
    if n == 0 {
        return Vec::new();
    }
    centres.push(dense(&rows[(rng.next() % n as u64) as usize]));
    let mut distance: Vec<f64> = rows.iter().map(|r| f64::from(1.0 - dot(r, &centres[0])).max(0.0)).collect();
    while centres.len() < k {
        let sum: f64 = distance.iter().sum();
        let target = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * sum;
        let mut acc = 0.0;
        let mut pick = n - 1;
        for (i, d) in distance.iter().enumerate() {
            acc += d;
            if acc >= target && *d > 0.0 {
                pick = i;
                break;
            }
        }
        let c = dense(&rows[pick]);
        for (i, r) in rows.iter().enumerate() {
            distance[i] = distance[i].min(f64::from(1.0 - dot(r, &c)).max(0.0));
        }
        centres.push(c);
    }
    let mut assign = vec![0usize; n];
    for _ in 0..ITERATIONS {
        let mut changed = 0;
        for (i, r) in rows.iter().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0);
            for (c, centre) in centres.iter().enumerate() {
                let s = dot(r, centre);
                if s > best.0 {
                    best = (s, c);
                }
            }
            if assign[i] != best.1 {
                changed += 1;
                assign[i] = best.1;
            }
        }
        let next = centroids(rows, &assign, dims, k);
        // An emptied cluster keeps its old centre.
        for (c, v) in next.into_iter().enumerate() {
            if v.iter().any(|x| *x != 0.0) {
                centres[c] = v;
            }
        }
        if changed == 0 {
            break;
        }
    }
    assign
}
