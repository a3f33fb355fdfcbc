//! The NER tagger's native tool: `train` writes the shipped model from the openly licensed
//! training data; `clusters` learns the tagger's word clusters from open text; `bench` prints the
//! model's size, held-out scores, the analysis throughput and the entity scores of whole
//! articles; `tag` and `speed` help look at the tagger's output and cost. Native only: it reads
//! files and the clock, which the analysis never does. Run from the project's root.
//!
//! ```text
//! cargo run --release --bin ner -- train [DATA_DIR] [--dry-run] [--sweep] [--runs N] [--seed N] [--no-news] [--keep N] [--retrain N]  # default ../shared/data/ner-train
//! cargo run --release --bin ner -- clusters [DATA_DIR] [NEWS_JSONL]       # default ../shared/data/real-news/wikinews-2019-2020.jsonl
//! cargo run --release --bin ner -- bench [DATA_DIR]
//! cargo run --release --bin ner -- tag FILE [--tokens]
//! cargo run --release --bin ner -- speed [DATA_DIR] [--texts N] [--reps N]
//! ```
//!
//! Training is a structured averaged perceptron, sentence by sentence: the best tag sequence
//! under the current weights (Viterbi) against the best sequence the annotation permits; where
//! they differ, the permitted sequence's features and transitions gain and the guess's lose.
//! A source that does not annotate a type does not teach that type's absence: where MISC is not
//! annotated, a token outside every name may also be tagged MISC without penalty, and a token of
//! a name the tokens cannot hold exactly may take any tag. DATE is left to rules, so dates are
//! taught as outside.
//!
//! Besides `DATA_DIR`, it trains on real news: the Wikinews articles of `eval/real/sides-only`
//! whose names the team annotated (texts from the shared pool), weighted above the rest. The
//! shipped model is the mean of several runs, each shuffled by its own seed. With `--retrain N`
//! the weights are pruned to the `--keep` largest and trained again N times with only those free
//! (the kept weights learn to stand in for the pruned ones): a model of half the size at the same
//! held-out F1, though not yet at the shipped model's whole-article scores (not the default).
//!
//! Training is reproducible: documents are read in a fixed order, split by a hash of their id
//! (one in ten held out, never trained on, nor read for the clusters), and shuffled each epoch
//! by a fixed-seed generator; no clock or thread decides anything. The same data gives the same
//! `model.lzma`, byte for byte; likewise `clusters` gives the same `clusters.txt` (and packs the
//! word lists again into `features.lzma`).

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
#[path = "support/clusters.rs"]
mod clusters;

use article_explorer::analysis::lexicon::LEXICON;
use article_explorer::analysis::ner::features::{token_facts, Context, TokenFacts};
use article_explorer::analysis::ner::packed::{join_lists, pack, unpack, FEATURE_LISTS};
use article_explorer::analysis::ner::tagger::{
    self, Label, Model, Transitions, Weights, EDGE_TABLES, N_TAGS, OUTSIDE, PAIRS,
};
use article_explorer::analysis::{quotes, sentences, tokens::tokenize, Document};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Log2 of the number of hashed feature buckets in the shipped model.
const BITS: u32 = 18;
/// Passes over the training documents.
const EPOCHS: usize = 10;
/// Quantisation: the codebook's levels (zero and this many minus one magnitudes, each with its
/// negative), fitted to ...
const LEVELS: usize = 12;
/// ... the weights of this rank and larger; the smaller ones are pruned.
const KEEP: usize = 200_000;
/// Rounds of pruning and training the kept weights again.
const RETRAIN: usize = 0;
/// Seed of the epoch shuffles.
const SEED: u64 = 0x5eed_0003;
/// Training runs averaged (seeds `SEED`, `SEED + 1`, ...): one run's model owes much to the order
/// its sentences came in (one seed to the next moved dev entity F1 by 0.04); the mean of five less.
const RUNS: usize = 5;
/// Where the model is written.
const MODEL_PATH: &str = "src/analysis/ner/model.lzma";
/// The tagger's own word lists (and clusters), packed together as compiled in.
const FEATURES_PACKED: &str = "src/analysis/ner/features.lzma";
/// Where the word clusters are written.
const CLUSTERS_PATH: &str = "src/analysis/ner/features/clusters.txt";
/// The training files, in reading order.
const FILES: &[&str] = &[
    "gum-open.jsonl",
    "uner-ewt-train-provisional.jsonl",
    "uner-ewt-dev.jsonl",
    "uner-pud-wiki.jsonl",
    "wikigold.jsonl",
    "sec-filings.jsonl",
    "btc.jsonl",
    "wnut17.jsonl",
];

/// One training document, tokenised, with the set of allowed tags of each token (a bit mask).
struct Doc {
    id: String,
    source: String,
    text: String,
    facts: Vec<TokenFacts>,
    allowed: Vec<u16>,
    /// Gold names on token boundaries, and how many gold names could not be put on tokens.
    gold: Vec<(usize, usize, Label)>,
    unaligned: usize,
    annotated: Vec<Label>,
    /// The sentences, as token ranges: the units of training.
    chunks: Vec<Range<usize>>,
}

/// The Wikinews pool (CC BY 2.5): the texts of the articles annotated in [`NEWS_ANNOTATIONS`].
const NEWS_POOL: &str = "../shared/data/real-news/wikinews-2019-2020.jsonl";
/// Real news annotated for its names (a `read` set: the entities of `eval/real/sides-only/*.json`
/// where they are filled in); read after [`FILES`], in the order of their ids, as source `wikinews`.
const NEWS_ANNOTATIONS: &str = "eval/real/sides-only";

fn is_held_out(id: &str) -> bool {
    // FNV-1a of the id; one document in ten is held out.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h.is_multiple_of(10)
}

fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    for file in FILES {
        let path = dir.join(file);
        let body = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            docs.push(doc(&v).ok_or_else(|| format!("{}:{}: not a training document", path.display(), n + 1))?);
        }
    }
    for v in news_documents()? {
        docs.push(doc(&v).ok_or_else(|| format!("{NEWS_ANNOTATIONS}: {} is not a training document", v["id"]))?);
    }
    Ok(docs)
}

/// The Wikinews articles of [`NEWS_ANNOTATIONS`] whose names are annotated, as training documents
/// in the format of `../shared/data/ner-train`: the annotation lists each surface form once, and
/// every occurrence of it becomes a name, longest form first, at word boundaries, as the shared
/// scorer counts them (`../shared/eval/score.py`). The text is the title, a blank line, the body.
fn news_documents() -> Result<Vec<serde_json::Value>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(NEWS_ANNOTATIONS)
        .map_err(|e| format!("{NEWS_ANNOTATIONS}: {e} (run from the project's root)"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut annotated = Vec::new();
    for path in paths {
        let body = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gold: serde_json::Value = serde_json::from_str(&body).map_err(|e| format!("{}: {e}", path.display()))?;
        if gold["entities"].as_array().is_some_and(|e| !e.is_empty()) {
            annotated.push(gold);
        }
    }
    if annotated.is_empty() {
        return Ok(Vec::new());
    }
    let pool = std::fs::read_to_string(NEWS_POOL).map_err(|e| format!("{NEWS_POOL}: {e}"))?;
    let mut texts = BTreeMap::new();
    for line in pool.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{NEWS_POOL}: {e}"))?;
        if let (Some(id), Some(title), Some(text)) = (v["id"].as_str(), v["title"].as_str(), v["text"].as_str()) {
            texts.insert(id.to_string(), format!("{}\n\n{text}", title.trim()));
        }
    }
    let mut docs = Vec::new();
    for gold in annotated {
        let id = gold["id"].as_str().unwrap_or_default();
        let text = texts.get(id).ok_or_else(|| format!("{NEWS_ANNOTATIONS}/{id}.json: {id} is not in {NEWS_POOL}"))?;
        let mut forms: Vec<(&str, &str)> = gold["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| Some((e["text"].as_str()?, e["type"].as_str()?)))
            .collect();
        forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.chars().count()));
        let entities: Vec<serde_json::Value> = occurrences(text, &forms)
            .into_iter()
            .map(|(start, end, kind)| serde_json::json!({"start": start, "end": end, "type": kind}))
            .collect();
        docs.push(serde_json::json!({
            "id": format!("wikinews/{id}"),
            "text": text,
            "source": "wikinews",
            "annotated_types": ["PERSON", "ORG", "PLACE", "DATE"],
            "entities": entities,
        }));
    }
    Ok(docs)
}

/// Every occurrence of each form in `text` (code-point offsets), `forms` longest first: the words
/// of a form with any white space between them, not inside a word, not over an earlier occurrence.
fn occurrences<'a>(text: &str, forms: &[(&str, &'a str)]) -> Vec<(usize, usize, &'a str)> {
    let chars: Vec<char> = text.chars().collect();
    let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let mut taken = vec![false; chars.len()];
    let mut found = Vec::new();
    for (form, kind) in forms {
        let words: Vec<Vec<char>> = form.split_whitespace().map(|w| w.chars().collect()).collect();
        if words.is_empty() {
            continue;
        }
        let mut start = 0;
        while start < chars.len() {
            let end = match_words(&chars, start, &words);
            match end {
                Some(end)
                    if !(is_word(end) || taken[start..end].contains(&true) || start > 0 && is_word(start - 1)) =>
                {
                    taken[start..end].iter_mut().for_each(|t| *t = true);
                    found.push((start, end, *kind));
                    start = end;
                }
                _ => start += 1,
            }
        }
    }
    found.sort_unstable();
    found
}

/// Where `words`, separated by white space, end when they start at `at`.
fn match_words(chars: &[char], at: usize, words: &[Vec<char>]) -> Option<usize> {
    let mut i = at;
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            let gap = chars[i..].iter().take_while(|c| c.is_whitespace()).count();
            if gap == 0 {
                return None;
            }
            i += gap;
        }
        if chars.get(i..i + word.len()).is_none_or(|s| s != word.as_slice()) {
            return None;
        }
        i += word.len();
    }
    Some(i)
}

fn doc(v: &serde_json::Value) -> Option<Doc> {
    let text = v["text"].as_str()?.to_string();
    let id = v["id"].as_str()?.to_string();
    let source = v["source"].as_str().unwrap_or("").to_string();
    let annotated: Vec<Label> =
        v["annotated_types"].as_array()?.iter().filter_map(|t| t.as_str().and_then(Label::from_type)).collect();
    // Code-point offsets → byte offsets.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let tokens = tokenize(&text);
    let sentences = sentences::split(&text, &tokens, &LEXICON);
    let facts = token_facts(&text, &tokens, &sentences);
    let all: u16 = (1 << N_TAGS) - 1;
    let mut outside: u16 = 1 << OUTSIDE;
    if !annotated.contains(&Label::Misc) {
        outside |= (1 << Label::Misc.begin()) | (1 << Label::Misc.inside());
    }
    let mut allowed = vec![outside; tokens.len()];
    let mut gold = Vec::new();
    let mut unaligned = 0;
    for e in v["entities"].as_array()? {
        let Some(label) = e["type"].as_str().and_then(Label::from_type) else { continue };
        let (start, end) = (*byte_at.get(e["start"].as_u64()? as usize)?, *byte_at.get(e["end"].as_u64()? as usize)?);
        let first = tokens.partition_point(|t| t.span.end as usize <= start);
        let last = tokens.partition_point(|t| (t.span.start as usize) < end);
        if first >= last {
            unaligned += 1;
            continue;
        }
        let aligned = tokens[first].span.start as usize == start && tokens[last - 1].span.end as usize == end;
        if aligned {
            allowed[first] = 1 << label.begin();
            for a in &mut allowed[first + 1..last] {
                *a = 1 << label.inside();
            }
            gold.push((first, last, label));
        } else {
            unaligned += 1;
            for a in &mut allowed[first..last] {
                *a = all;
            }
        }
    }
    gold.sort_by_key(|g| g.0);
    // Sentences (and paragraphs) start afresh, as in tagging: a name the annotation runs on
    // across the boundary (a sentence split inside it) begins again there.
    let starts: Vec<usize> = (0..facts.len()).filter(|i| *i == 0 || facts[*i].starts_sentence()).collect();
    for s in &starts {
        for label in Label::ALL {
            if allowed[*s] & (1 << label.inside()) != 0 {
                allowed[*s] |= 1 << label.begin();
            }
        }
    }
    let chunks = starts.iter().zip(starts.iter().skip(1).chain([&tokens.len()])).map(|(a, b)| *a..*b).collect();
    Some(Doc { id, source, text, facts, allowed, gold, unaligned, annotated, chunks })
}

/// The trainer's weights: current, summed over time (for averaging), and last-update times, for
/// the hashed emission weights and for the transition tables.
struct Trainer {
    mask: u64,
    weights: Averaged,
    edges: Averaged,
    /// The current transition tables, summed (kept up to date with `edges`).
    transitions: Transitions,
    time: u64,
    /// The emission weights that may change (the ones a pruned model keeps); all when `None`.
    allowed: Option<Vec<bool>>,
}

/// Weights of an averaged perceptron, averaged lazily: a weight's running sum is brought up to
/// date only when it changes.
struct Averaged {
    current: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
}

impl Averaged {
    fn new(n: usize) -> Averaged {
        Averaged { current: vec![0.0; n], totals: vec![0.0; n], stamps: vec![0; n] }
    }

    fn bump(&mut self, k: usize, delta: f32, time: u64) {
        self.totals[k] += (time - self.stamps[k]) as f64 * f64::from(self.current[k]);
        self.stamps[k] = time;
        self.current[k] += delta;
    }

    fn averaged(&self, time: u64) -> Vec<f32> {
        let t = time.max(1) as f64;
        self.current
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((w, total), stamp)| ((total + (time - stamp) as f64 * f64::from(*w)) / t) as f32)
            .collect()
    }
}

/// Float weights, as the trainer averages them (before quantising).
struct Floats {
    mask: u64,
    weights: Vec<f32>,
    edges: Vec<f32>,
    transitions: Transitions,
}

impl Floats {
    /// The mean of the weights of several runs (each shuffled by its own seed): the model that
    /// owes less to one order of the training sentences.
    fn mean(runs: &[Floats]) -> Floats {
        let n = runs.len().max(1) as f32;
        let mean_of = |pick: fn(&Floats) -> &Vec<f32>| -> Vec<f32> {
            let mut sum = vec![0f32; runs.first().map_or(0, |r| pick(r).len())];
            for run in runs {
                for (s, w) in sum.iter_mut().zip(pick(run)) {
                    *s += *w;
                }
            }
            sum.iter().map(|s| s / n).collect()
        };
        let edges = mean_of(|r| &r.edges);
        Floats {
            mask: runs.first().map_or(0, |r| r.mask),
            weights: mean_of(|r| &r.weights),
            transitions: Transitions::new(&edges),
            edges,
        }
    }
}

impl Weights for Floats {
    #[inline]
    fn emission(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        for f in features {
            let at = (f & self.mask) as usize * N_TAGS;
            for (s, w) in scores.iter_mut().zip(&self.weights[at..at + N_TAGS]) {
                *s += *w;
            }
        }
    }

    fn transitions(&self) -> &Transitions {
        &self.transitions
    }
}

impl Weights for Trainer {
    #[inline]
    fn emission(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        for f in features {
            let at = (f & self.mask) as usize * N_TAGS;
            for (s, w) in scores.iter_mut().zip(&self.weights.current[at..at + N_TAGS]) {
                *s += *w;
            }
        }
    }

    fn transitions(&self) -> &Transitions {
        &self.transitions
    }
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        Trainer {
            mask: (1 << bits) - 1,
            weights: Averaged::new((1usize << bits) * N_TAGS),
            edges: Averaged::new(EDGE_TABLES * PAIRS),
            transitions: Transitions::new(&[]),
            time: 0,
            allowed: None,
        }
    }

    /// One structured perceptron step on the tokens `range` of `doc` (a sentence): the best
    /// sequence under the current weights against the best sequence the annotation permits;
    /// where they differ, the permitted one's features gain `rate` and the guess's lose it.
    /// Returns the number of wrong tokens.
    fn train_chunk(&mut self, doc: &Doc, range: Range<usize>, rate: f32, features: &mut Vec<Vec<u64>>) -> usize {
        self.time += 1;
        let ctx = Context::new(&doc.facts);
        features.resize_with(range.len(), Vec::new);
        let mut emissions = Vec::with_capacity(range.len());
        for (k, i) in range.clone().enumerate() {
            ctx.emissions(i, &mut features[k]);
            let mut scores = [0f32; N_TAGS];
            self.emission(&features[k], &mut scores);
            emissions.push(scores);
        }
        let guess = tagger::viterbi(self, &doc.facts, range.clone(), &emissions, &[]);
        let permitted = &doc.allowed[range.clone()];
        if guess.iter().zip(permitted).all(|(t, ok)| ok & (1 << t) != 0) {
            return 0;
        }
        let gold = tagger::viterbi(self, &doc.facts, range.clone(), &emissions, permitted);
        let mut errors = 0;
        for (k, i) in range.enumerate() {
            let (g, p) = (gold[k], guess[k]);
            if g != p {
                errors += 1;
                for f in &features[k] {
                    let at = (f & self.mask) as usize * N_TAGS;
                    for (tag, delta) in [(g, rate), (p, -rate)] {
                        let k = at + tag as usize;
                        if self.allowed.as_ref().is_none_or(|a| a[k]) {
                            self.weights.bump(k, delta, self.time);
                        }
                    }
                }
            }
            let (gp, pp) = if k == 0 { (OUTSIDE, OUTSIDE) } else { (gold[k - 1], guess[k - 1]) };
            if (gp, g) != (pp, p) {
                // A sentence start is entered as if from outside.
                let (gp, pp) = if doc.facts[i].starts_sentence() { (OUTSIDE, OUTSIDE) } else { (gp, pp) };
                for table in tagger::edge_tables(&doc.facts, i) {
                    let (kg, kp) = (gp as usize * N_TAGS + g as usize, pp as usize * N_TAGS + p as usize);
                    self.edges.bump(table * PAIRS + kg, rate, self.time);
                    self.edges.bump(table * PAIRS + kp, -rate, self.time);
                    self.transitions.bump(table, kg, rate);
                    self.transitions.bump(table, kp, -rate);
                }
            }
        }
        errors
    }

    fn averaged(&self) -> Floats {
        let edges = self.edges.averaged(self.time);
        Floats {
            mask: self.mask,
            weights: self.weights.averaged(self.time),
            transitions: Transitions::new(&edges),
            edges,
        }
    }
}

/// Training options; the defaults make the shipped model.
struct Options {
    bits: u32,
    epochs: usize,
    levels: usize,
    keep: usize,
    /// Rounds of pruning to `keep` weights and training again with only those.
    retrain: usize,
    /// Try other quantisations of the trained weights and print their size and scores.
    sweep: bool,
    /// Write the model (false: only report).
    write: bool,
    /// The shuffling generator's seed (another seed measures how much a result owes to the order).
    seed: u64,
    /// How many runs (seeds `seed`, `seed + 1`, ...) are trained and their weights averaged.
    runs: usize,
    /// Train on the Wikinews annotations of [`NEWS_ANNOTATIONS`] too.
    news: bool,
    /// Learning rate by source-name prefix.
    rates: Vec<(String, f32)>,
    /// `tag`: print every token's tag and margin.
    tokens: bool,
    /// `speed`: how many texts, timed how many times.
    texts: usize,
    reps: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            bits: BITS,
            epochs: EPOCHS,
            levels: LEVELS,
            keep: KEEP,
            retrain: RETRAIN,
            sweep: false,
            write: true,
            seed: SEED,
            runs: RUNS,
            news: true,
            rates: SOURCE_RATES.iter().map(|(s, r)| (s.to_string(), *r)).collect(),
            tokens: false,
            texts: 3000,
            reps: 5,
        }
    }
}

/// How much each source's mistakes teach, by the start of its name (legal boilerplate is
/// down-weighted, the real news the tagger is for weighs more); sources not listed teach at 1.
const SOURCE_RATES: &[(&str, f32)] = &[("sec", 0.5), ("wikinews", 3.0)];

/// How much a source's mistakes teach.
fn source_rate(options: &Options, source: &str) -> f32 {
    options.rates.iter().find(|(prefix, _)| source.starts_with(prefix.as_str())).map_or(1.0, |(_, r)| *r)
}

fn train(dir: &Path, options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let docs = load(dir)?;
    let trained = |d: &&Doc| !is_held_out(&d.id) && (options.news || d.source != "wikinews");
    let mut chunks: Vec<(&Doc, Range<usize>)> = Vec::new();
    for doc in docs.iter().filter(trained) {
        chunks.extend(doc.chunks.iter().map(|r| (doc, r.clone())));
    }
    let n_train = docs.iter().filter(trained).count();
    let n_tokens: usize = chunks.iter().map(|(_, r)| r.len()).sum();
    println!(
        "training on {} documents ({} sentences, {} tokens); {} held out or left out; loaded in {:.1}s",
        n_train,
        chunks.len(),
        n_tokens,
        docs.len() - n_train,
        started.elapsed().as_secs_f64()
    );
    let mut floats = train_runs(options, &mut chunks, n_tokens, None, &started);
    for round in 0..options.retrain {
        // Prune, then train again with only the surviving weights free: the kept weights learn
        // to do the work of the pruned ones (better than pruning the trained weights alone).
        println!("float weights before pruning (round {}):", round + 1);
        held_out_scores(&docs, &floats);
        let allowed = surviving(&floats, options.keep);
        floats = train_runs(options, &mut chunks, n_tokens, Some(allowed), &started);
    }
    println!("float weights:");
    held_out_scores(&docs, &floats);
    if options.sweep {
        for levels in [6, 8, 12, 16] {
            for keep in [100_000, 200_000, 300_000, 400_000] {
                let raw = Model::to_raw(options.bits, &floats.weights, &floats.edges, levels, keep);
                let packed = pack(&raw);
                let (_, _, f) = held_out_total(&docs, &Model::from_packed(&packed));
                let rows = u32::from_le_bytes(raw[20..24].try_into().expect("4 bytes"));
                println!(
                    "  levels {levels:3} keep {keep:7}: {:7} bytes packed, {rows:7} rows, F1 {f:.4}",
                    packed.len()
                );
            }
        }
    }
    let raw = Model::to_raw(options.bits, &floats.weights, &floats.edges, options.levels, options.keep);
    let packed = pack(&raw);
    let quantised = Model::from_packed(&packed);
    println!("quantised (shipped) weights:");
    held_out_scores(&docs, &quantised);
    if options.write {
        std::fs::write(MODEL_PATH, &packed).map_err(|e| format!("{MODEL_PATH}: {e}"))?;
    }
    println!(
        "{} {MODEL_PATH}: {} bytes raw, {} bytes packed, in {:.1}s",
        if options.write { "wrote" } else { "would write" },
        raw.len(),
        packed.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Trains `options.runs` runs (one seed each) over `chunks` and averages their weights; with
/// `allowed`, only those emission weights learn.
fn train_runs(
    options: &Options,
    chunks: &mut [(&Doc, Range<usize>)],
    n_tokens: usize,
    allowed: Option<Vec<bool>>,
    started: &Instant,
) -> Floats {
    let mut runs: Vec<Floats> = Vec::new();
    for run in 0..options.runs.max(1) {
        let mut trainer = Trainer::new(options.bits);
        trainer.allowed.clone_from(&allowed);
        let mut rng = Rng(options.seed.wrapping_add(run as u64));
        let mut features = Vec::new();
        for epoch in 0..options.epochs {
            rng.shuffle(chunks);
            let mut errors = 0;
            for (doc, range) in chunks.iter() {
                errors += trainer.train_chunk(doc, range.clone(), source_rate(options, &doc.source), &mut features);
            }
            println!(
                "run {} epoch {:2}: {:.3}% of tokens wrong ({:.1}s)",
                run + 1,
                epoch + 1,
                100.0 * errors as f64 / n_tokens.max(1) as f64,
                started.elapsed().as_secs_f64()
            );
        }
        runs.push(trainer.averaged());
    }
    Floats::mean(&runs)
}

/// The emission weights that pruning to the `keep` largest magnitudes leaves (as
/// [`Model::to_raw`] prunes: [`Model::kept_magnitudes`]).
fn surviving(floats: &Floats, keep: usize) -> Vec<bool> {
    let kept = Model::kept_magnitudes(&floats.weights, &floats.edges, keep);
    let lo = kept.last().copied().unwrap_or(0.0);
    floats.weights.iter().map(|w| w.abs() >= lo && *w != 0.0).collect()
}

#[derive(Default)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.predicted.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }
}

/// Held-out P, R and F1 over every type.
fn held_out_total(docs: &[Doc], model: &impl Weights) -> (f64, f64, f64) {
    held_out_counts(docs, model)
        .0
        .values()
        .fold(Counts::default(), |mut t, c| {
            t.tp += c.tp;
            t.predicted += c.predicted;
            t.gold += c.gold;
            t
        })
        .prf()
}

type ByName = BTreeMap<&'static str, Counts>;

fn held_out_counts(docs: &[Doc], model: &impl Weights) -> (ByName, BTreeMap<String, Counts>) {
    let mut by_label: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_source: BTreeMap<String, Counts> = BTreeMap::new();
    for doc in docs.iter().filter(|d| is_held_out(&d.id)) {
        let predicted = tagger::spans(&tagger::tag(model, &doc.facts));
        let source = doc.source.split('-').next().unwrap_or("").to_string();
        for label in [Label::Person, Label::Org, Label::Place] {
            if !doc.annotated.contains(&label) {
                continue;
            }
            let name = match label {
                Label::Person => "PERSON",
                Label::Org => "ORG",
                _ => "PLACE",
            };
            let p: Vec<_> = predicted.iter().filter(|t| t.label == label).map(|t| (t.first, t.end)).collect();
            let g: Vec<_> = doc.gold.iter().filter(|g| g.2 == label).map(|g| (g.0, g.1)).collect();
            let tp = p.iter().filter(|s| g.contains(s)).count();
            let unaligned = if label == Label::Person { doc.unaligned } else { 0 };
            for c in [by_label.entry(name).or_default(), by_source.entry(source.clone()).or_default()] {
                c.tp += tp;
                c.predicted += p.len();
                c.gold += g.len() + unaligned;
            }
        }
    }
    (by_label, by_source)
}

fn held_out_scores(docs: &[Doc], model: &impl Weights) {
    let (by_label, by_source) = held_out_counts(docs, model);
    let mut total = Counts::default();
    println!("held-out split (one document in ten, by id hash), exact token spans:");
    for (name, c) in &by_label {
        let (p, r, f) = c.prf();
        println!("  {name:<8} P {p:.3}  R {r:.3}  F1 {f:.3}  (gold {})", c.gold);
        total.tp += c.tp;
        total.predicted += c.predicted;
        total.gold += c.gold;
    }
    let (p, r, f) = total.prf();
    println!("  {:<8} P {p:.3}  R {r:.3}  F1 {f:.3}  (gold {})", "ALL", total.gold);
    for (name, c) in &by_source {
        let (p, r, f) = c.prf();
        println!("    source {name:<10} P {p:.3}  R {r:.3}  F1 {f:.3}  (gold {})", c.gold);
    }
}

fn throughput(docs: &[Doc]) {
    // Article-sized texts (about 800 words each) from the training texts, at least 100,000 words.
    let mut corpus: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = 0;
    for doc in docs {
        current.push_str(&doc.text);
        current.push_str("\n\n");
        if current.split_whitespace().count() >= 800 {
            words += current.split_whitespace().count();
            corpus.push(std::mem::take(&mut current));
        }
        if words >= 150_000 {
            break;
        }
    }
    let mut best_all = f64::INFINITY;
    let mut best_entities = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0;
        for text in &corpus {
            n += article_explorer::analyze(text).entities.len();
        }
        best_all = best_all.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for text in &corpus {
            let tokens = tokenize(text);
            let sentences = sentences::split(text, &tokens, &LEXICON);
            let (quotes, _) = quotes::find(text, &tokens);
            let doc = Document::new(text, tokens, sentences, quotes);
            n += article_explorer::analysis::entities::recognize(&doc).0.len();
        }
        best_entities = best_entities.min(t.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    println!("throughput on {} texts, {} words (one thread, best of 3):", corpus.len(), words);
    println!("  whole analysis:                   {:>10.0} words/s", words as f64 / best_all);
    println!("  tokens+sentences+quotes+entities: {:>10.0} words/s", words as f64 / best_entities);
}

fn bench(dir: &Path) -> Result<(), String> {
    let packed = std::fs::read(MODEL_PATH).map_err(|e| format!("{MODEL_PATH}: {e}"))?;
    let raw = unpack(&packed).ok_or_else(|| format!("{MODEL_PATH}: not a packed file"))?;
    // The page's wasm holds the packed bytes; gzip gains nothing more on them.
    println!("model {MODEL_PATH}: {} bytes raw, {} bytes packed (LZMA)", raw.len(), packed.len());
    // The tagger's word lists and clusters ship in the page too, packed together.
    let lists = std::fs::read(FEATURES_PACKED).map_err(|e| format!("{FEATURES_PACKED}: {e}"))?;
    let unpacked = unpack(&lists).ok_or_else(|| format!("{FEATURES_PACKED}: not a packed file"))?;
    println!(
        "feature lists {FEATURES_PACKED} ({} lists): {} bytes, {} bytes packed (LZMA)",
        FEATURE_LISTS.len(),
        unpacked.len(),
        lists.len()
    );
    let model = Model::from_packed(&packed);
    let docs = load(dir)?;
    held_out_scores(&docs, &model);
    throughput(&docs);
    let exe = std::env::current_exe().map_err(|e| e.to_string())?.with_file_name("article-explorer");
    if !exe.exists() {
        println!("articles: skipped ({} missing; build the CLI with cargo build --release)", exe.display());
        return Ok(());
    }
    println!("entities in whole articles (the shared scorer, {}):", exe.display());
    let scorer = dir.join("../../eval/score.py");
    let dev = dir.join("../../eval/dev");
    let sets: [(&str, Vec<PathBuf>, &str); 3] = [
        ("dev (shared)", vec![dev.clone()], ""),
        ("eval/own", ["a", "b", "c", "d"].iter().map(|s| PathBuf::from("eval/own").join(s)).collect(), ""),
        ("eval/real/read", vec![PathBuf::from("eval/real/work/read")], "run python3 eval/real/tool.py materialise"),
    ];
    for (name, dirs, hint) in sets {
        if !scorer.exists() || dirs.iter().any(|d| !d.is_dir()) {
            let missing = if scorer.exists() { dirs[0].display().to_string() } else { scorer.display().to_string() };
            println!("  {name:<15} skipped ({missing} missing{}{hint})", if hint.is_empty() { "" } else { "; " });
            continue;
        }
        let out = std::process::Command::new("python3")
            .arg(&scorer)
            .arg("--cmd")
            .arg(format!("{} analyze --json {{file}}", exe.display()))
            .args(&dirs)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!("score.py failed on {name}: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let summary: BTreeMap<&str, &str> =
            stdout.lines().last().unwrap_or("").split_whitespace().filter_map(|kv| kv.split_once('=')).collect();
        let get = |k: &str| summary.get(k).copied().unwrap_or("?");
        println!("  {name:<15} entity P {}  R {}  F1 {}", get("entity_p"), get("entity_r"), get("entity_f1"));
    }
    Ok(())
}

/// Prints the names the shipped model tags in a text file, one a line (for looking at its errors).
fn tag_file(path: &Path, options: &Options) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let tokens = tokenize(&text);
    let sentences = sentences::split(&text, &tokens, &LEXICON);
    if options.tokens {
        let facts = token_facts(&text, &tokens, &sentences);
        let model = &*article_explorer::analysis::ner::MODEL;
        let emissions = tagger::emissions(model, &facts);
        for ((t, (tag, margin)), e) in tokens.iter().zip(tagger::tag(model, &facts)).zip(emissions) {
            let e: Vec<String> = e.iter().map(|x| format!("{x:.0}")).collect();
            println!("{:?}\t{tag}\t{margin:.1}\t{}", t.span.slice(&text), e.join(" "));
        }
        return Ok(());
    }
    for t in article_explorer::analysis::ner::tag_names(&text, &tokens, &sentences) {
        let (start, end) = (tokens[t.first].span.start as usize, tokens[t.end - 1].span.end as usize);
        let chars = |b: usize| text[..b].chars().count();
        println!("{:?}\t{:.1}\t{}\t{}\t{:?}", t.label, t.margin, chars(start), chars(end), &text[start..end]);
    }
    Ok(())
}

/// Times the tagger's parts on the training texts (development aid).
fn speed(dir: &Path, options: &Options) -> Result<(), String> {
    let docs = load(dir)?;
    let (n, reps) = (options.texts, options.reps.max(1));
    let texts: Vec<&str> = docs.iter().skip(100).step_by(7).take(n).map(|d| d.text.as_str()).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let tokens = tokenize(t);
            let sentences = sentences::split(t, &tokens, &LEXICON);
            (tokens, sentences)
        })
        .collect();
    let model = &*article_explorer::analysis::ner::MODEL;
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let mut best = f64::INFINITY;
        for _ in 0..reps {
            let t = Instant::now();
            std::hint::black_box(f());
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("  {name:<12} {:>8.0} ns/word", best * 1e9 / words as f64);
    };
    println!("{} texts, {words} words:", texts.len());
    time("facts", &|| texts.iter().zip(&prepared).map(|(t, (k, s))| token_facts(t, k, s).len()).sum());
    let facts: Vec<Vec<TokenFacts>> = texts.iter().zip(&prepared).map(|(t, (k, s))| token_facts(t, k, s)).collect();
    time("emissions", &|| facts.iter().map(|f| tagger::emissions(model, f).len()).sum());
    time("tag", &|| facts.iter().map(|f| tagger::tag(model, f).len()).sum());
    time("entities", &|| {
        texts
            .iter()
            .zip(&prepared)
            .map(|(t, (k, s))| {
                let (quotes, _) = quotes::find(t, k);
                let doc = Document::new(t, k.clone(), s.clone(), quotes);
                article_explorer::analysis::entities::recognize(&doc).0.len()
            })
            .sum()
    });
    Ok(())
}

/// The articles kept for evaluation (`eval/real/articles.tsv`): never trained on.
fn evaluation_ids() -> Result<std::collections::BTreeSet<String>, String> {
    let path = "eval/real/articles.tsv";
    let body = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e} (run from the project's root)"))?;
    Ok(body
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(String::from)
        .collect())
}

/// Learns the word clusters from the training texts (held-out documents left out) and the
/// Wikinews pool (evaluation articles left out), and writes them to [`CLUSTERS_PATH`].
fn learn_clusters(dir: &Path, news: &Path) -> Result<(), String> {
    let started = Instant::now();
    let mut texts = Vec::new();
    for file in FILES {
        let path = dir.join(file);
        let body = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (n, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else { continue };
            if !is_held_out(id) {
                texts.push(text.to_string());
            }
        }
    }
    let from_training = texts.len();
    let kept_apart = evaluation_ids()?;
    let body = std::fs::read_to_string(news).map_err(|e| format!("{}: {e}", news.display()))?;
    let mut skipped = 0;
    for (n, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", news.display(), n + 1))?;
        let (Some(id), Some(title), Some(text)) = (v["id"].as_str(), v["title"].as_str(), v["text"].as_str()) else {
            continue;
        };
        if kept_apart.contains(id) {
            skipped += 1;
            continue;
        }
        texts.push(format!("{}\n\n{text}", title.trim()));
    }
    let learned = clusters::learn(&texts);
    let mut out = String::new();
    out.push_str("# Generated by `cargo run --release --bin ner -- clusters` (src/bin/support/clusters.rs); do not edit by hand.\n");
    out.push_str(&format!(
        "# Word clusters of the NER tagger: {} words seen at least {} times in {} tokens of open text: the\n",
        learned.words,
        clusters::MIN_COUNT,
        learned.tokens
    ));
    out.push_str(&format!(
        "# training texts of ../shared/data/ner-train ({from_training} documents, held-out ones left out) and {} Wikinews\n",
        texts.len() - from_training
    ));
    out.push_str(
        "# articles of 2019-2020 (CC BY 2.5, see ATTRIBUTION.md; the evaluation articles of eval/real left out).\n",
    );
    out.push_str(&format!(
        "# A line: coarse cluster (of {}), fine cluster (of {}), its words, each in its usual case mid-sentence.\n",
        clusters::COARSE,
        clusters::FINE
    ));
    for (coarse, fine, words) in &learned.lines {
        out.push_str(&format!("{coarse} {fine} {}\n", words.join(" ")));
    }
    std::fs::write(CLUSTERS_PATH, &out).map_err(|e| format!("{CLUSTERS_PATH}: {e}"))?;
    println!(
        "wrote {CLUSTERS_PATH}: {} words in {} clusters from {} texts ({skipped} evaluation articles left out), {} bytes, in {:.1}s",
        learned.words,
        learned.lines.len(),
        texts.len(),
        out.len(),
        started.elapsed().as_secs_f64()
    );
    write_packed_lists()
}

/// Packs the tagger's word lists (`features/*.txt`, clusters included) into the file compiled
/// in, [`FEATURES_PACKED`] (what `UPDATE_EXPECT=1 cargo test --test tagger_data` also writes).
fn write_packed_lists() -> Result<(), String> {
    let dir = Path::new(FEATURES_PACKED).with_file_name("features");
    let mut texts = Vec::new();
    for name in FEATURE_LISTS {
        let path = dir.join(name);
        texts.push(std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let packed = pack(join_lists(texts.iter().map(String::as_str)).as_bytes());
    std::fs::write(FEATURES_PACKED, &packed).map_err(|e| format!("{FEATURES_PACKED}: {e}"))?;
    println!("wrote {FEATURES_PACKED}: {} bytes", packed.len());
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = Options::default();
    let mut positional = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().and_then(|v| v.parse::<f64>().ok());
        match a.as_str() {
            "--sweep" => options.sweep = true,
            "--tokens" => options.tokens = true,
            "--texts" => options.texts = value().map_or(3000, |v| v as usize),
            "--reps" => options.reps = value().map_or(5, |v| v as usize),
            "--rate" => {
                let spec = it.next().cloned().unwrap_or_default();
                let (source, rate) = spec.split_once('=').unwrap_or((&spec, "1"));
                options.rates.insert(0, (source.to_string(), rate.parse().unwrap_or(1.0)));
            }
            "--dry-run" => options.write = false,
            "--seed" => options.seed = value().map_or(SEED, |v| v as u64),
            "--no-news" => options.news = false,
            "--runs" => options.runs = value().map_or(RUNS, |v| v as usize),
            "--bits" => options.bits = value().map_or(BITS, |v| v as u32),
            "--epochs" => options.epochs = value().map_or(EPOCHS, |v| v as usize),
            "--levels" => options.levels = value().map_or(LEVELS, |v| v as usize),
            "--keep" => options.keep = value().map_or(KEEP, |v| v as usize),
            "--retrain" => options.retrain = value().map_or(RETRAIN, |v| v as usize),
            _ => positional.push(a.clone()),
        }
    }
    let dir = PathBuf::from(positional.first().map(String::as_str).unwrap_or("../shared/data/ner-train"));
    let result = match args.first().map(String::as_str) {
        Some("train") => train(&dir, &options),
        Some("tag") => tag_file(&dir, &options),
        Some("speed") => speed(&dir, &options),
        Some("clusters") => learn_clusters(
            &dir,
            Path::new(
                positional.get(1).map(String::as_str).unwrap_or("../shared/data/real-news/wikinews-2019-2020.jsonl"),
            ),
        ),
        Some("bench") => bench(&dir),
        _ => Err("usage: ner train|clusters|bench|tag|speed [DATA_DIR | FILE] (see src/bin/ner.rs)".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ner: {e}");
            ExitCode::FAILURE
        }
    }
}
