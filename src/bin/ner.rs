//! The NER tagger's native tool: `train` writes the shipped model from the openly licensed
//! training data; `bench` prints held-out and dev-article scores, the model's size and the
//! analysis throughput. Native only: it reads files and the clock, which the analysis never does.
//!
//! ```text
//! cargo run --release --bin ner -- train [DATA_DIR]   # default ../shared/data/ner-train
//! cargo run --release --bin ner -- bench [DATA_DIR]
//! ```
//!
//! Training is reproducible: documents are read in a fixed order, split by a hash of their id
//! (one in ten held out), and shuffled each epoch by a fixed-seed generator. A source that does
//! not annotate a type does not teach that type's absence: where MISC is not annotated, a token
//! outside every name may also be tagged MISC without penalty (the update treats the set of
//! allowed tags as the gold). DATE is left to rules, so dates are taught as outside.

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

use article_explorer::analysis::lexicon::LEXICON;
use article_explorer::analysis::ner::features::{token_facts, Context, TokenFacts, MAX_FEATURES};
use article_explorer::analysis::ner::tagger::{self, Label, Model, Weights, N_TAGS, OUTSIDE};
use article_explorer::analysis::{quotes, sentences, tokens::tokenize, Document};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Log2 of the number of hashed feature buckets in the shipped model.
const BITS: u32 = 16;
/// Passes over the training documents.
const EPOCHS: usize = 10;
/// Seed of the epoch shuffles.
const SEED: u64 = 0x5eed_0003;
/// Where the model is written.
const MODEL_PATH: &str = "src/analysis/ner/model.bin";
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
}

fn is_held_out(id: &str) -> bool {
    // FNV-1a of the id; one document in ten is held out.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % 10 == 0
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
    Ok(docs)
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
    Some(Doc { id, source, text, facts, allowed, gold, unaligned, annotated })
}

/// The trainer's weights: current, summed over time (for averaging), and last-update times.
struct Trainer {
    mask: u64,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    time: u64,
}

impl Weights for Trainer {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_TAGS]) {
        let at = (feature & self.mask) as usize * N_TAGS;
        for (s, w) in scores.iter_mut().zip(&self.weights[at..at + N_TAGS]) {
            *s += *w;
        }
    }
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * N_TAGS;
        Trainer { mask: (1 << bits) - 1, weights: vec![0.0; n], totals: vec![0.0; n], stamps: vec![0; n], time: 0 }
    }

    fn bump(&mut self, feature: u64, tag: u8, delta: f32) {
        let k = (feature & self.mask) as usize * N_TAGS + tag as usize;
        self.totals[k] += (self.time - self.stamps[k]) as f64 * f64::from(self.weights[k]);
        self.stamps[k] = self.time;
        self.weights[k] += delta;
    }

    fn train_doc(&mut self, doc: &Doc) -> (usize, usize) {
        let ctx = Context::new(&doc.facts);
        let mut features = Vec::with_capacity(MAX_FEATURES);
        let (mut prev, mut prev2) = (OUTSIDE, OUTSIDE);
        let mut errors = 0;
        for i in 0..doc.facts.len() {
            self.time += 1;
            let scores = tagger::score(self, &ctx, i, prev, prev2, &mut features);
            let (guess, _) = tagger::best(&scores, prev);
            let ok = doc.allowed[i];
            let chosen = if ok & (1 << guess) != 0 {
                guess
            } else {
                errors += 1;
                // The best-scoring allowed tag is the gold; an illegal one can still be taught.
                // It must be able to follow the previous tag, or the update could never be met.
                let legal = (0..N_TAGS as u8)
                    .filter(|t| ok & (1 << t) != 0 && tagger::allowed(prev, *t))
                    .fold(0u16, |m, t| m | 1 << t);
                let pool = if legal != 0 { legal } else { ok };
                let truth = (0..N_TAGS as u8)
                    .filter(|t| pool & (1 << t) != 0)
                    .max_by(|a, b| scores[*a as usize].total_cmp(&scores[*b as usize]).then(b.cmp(a)))
                    .unwrap_or(OUTSIDE);
                for f in features.clone() {
                    self.bump(f, truth, 1.0);
                    self.bump(f, guess, -1.0);
                }
                truth
            };
            // Follow the gold history while training, so that later tokens learn from clean context.
            prev2 = prev;
            prev = chosen;
        }
        (errors, doc.facts.len())
    }

    fn averaged(&self) -> Vec<f32> {
        let t = self.time.max(1) as f64;
        self.weights
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((w, total), stamp)| ((total + (self.time - stamp) as f64 * f64::from(*w)) / t) as f32)
            .collect()
    }
}

fn train(dir: &Path) -> Result<(), String> {
    let started = Instant::now();
    let docs = load(dir)?;
    let mut train: Vec<&Doc> = docs.iter().filter(|d| !is_held_out(&d.id)).collect();
    let n_tokens: usize = train.iter().map(|d| d.facts.len()).sum();
    println!(
        "training on {} documents ({} tokens); {} held out; loaded in {:.1}s",
        train.len(),
        n_tokens,
        docs.len() - train.len(),
        started.elapsed().as_secs_f64()
    );
    let mut trainer = Trainer::new(BITS);
    let mut rng = Rng(SEED);
    for epoch in 0..EPOCHS {
        rng.shuffle(&mut train);
        let (mut errors, mut total) = (0, 0);
        for doc in &train {
            let (e, t) = trainer.train_doc(doc);
            errors += e;
            total += t;
        }
        println!(
            "epoch {:2}: {:.3}% of tokens wrong ({:.1}s)",
            epoch + 1,
            100.0 * errors as f64 / total.max(1) as f64,
            started.elapsed().as_secs_f64()
        );
    }
    let averaged = trainer.averaged();
    let floats = Trainer { mask: trainer.mask, weights: averaged, totals: Vec::new(), stamps: Vec::new(), time: 0 };
    println!("float weights:");
    held_out_scores(&docs, &floats);
    let raw = Model::to_raw(BITS, &floats.weights);
    let deflated = miniz_oxide::deflate::compress_to_vec(&raw, 10);
    let quantised = Model::from_deflated(&deflated);
    println!("quantised (shipped) weights:");
    held_out_scores(&docs, &quantised);
    std::fs::write(MODEL_PATH, &deflated).map_err(|e| format!("{MODEL_PATH}: {e}"))?;
    println!(
        "wrote {MODEL_PATH}: {} bytes raw, {} bytes deflated, in {:.1}s",
        raw.len(),
        deflated.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
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

fn held_out_scores(docs: &[Doc], model: &impl Weights) {
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
    let deflated = std::fs::read(MODEL_PATH).map_err(|e| format!("{MODEL_PATH}: {e}"))?;
    let raw = miniz_oxide::inflate::decompress_to_vec(&deflated).map_err(|e| format!("{MODEL_PATH}: {e:?}"))?;
    // gzip adds an 18-byte header and trailer around the same deflate stream.
    println!(
        "model {MODEL_PATH}: {} bytes raw, {} bytes deflated (~{} gzipped)",
        raw.len(),
        deflated.len(),
        deflated.len() + 18
    );
    let model = Model::from_deflated(&deflated);
    let docs = load(dir)?;
    held_out_scores(&docs, &model);
    throughput(&docs);
    let eval = dir.join("../../eval/dev");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?.with_file_name("article-explorer");
    if eval.is_dir() && exe.exists() {
        println!("dev articles (score.py, with {}):", exe.display());
        let status = std::process::Command::new("python3")
            .arg(dir.join("../../eval/score.py"))
            .arg(&eval)
            .arg("--cmd")
            .arg(format!("{} analyze --json {{file}}", exe.display()))
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("score.py failed".into());
        }
    } else {
        println!(
            "dev articles: skipped ({} or {} missing; build the CLI with cargo build --release)",
            eval.display(),
            exe.display()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("../shared/data/ner-train"));
    let result = match args.first().map(String::as_str) {
        Some("train") => train(&dir),
        Some("bench") => bench(&dir),
        _ => Err("usage: ner train|bench [DATA_DIR]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ner: {e}");
            ExitCode::FAILURE
        }
    }
}
