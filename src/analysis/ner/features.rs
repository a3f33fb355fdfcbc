//! Features of the NER tagger: what the tagger sees of each token, as 64-bit hashes.
//!
//! A token's own facts (its word, lower-cased word, shape, affixes, word-list memberships, word
//! cluster and usual case) are computed once per text by [`token_facts`]; [`Context::emissions`]
//! then combines them with the neighbours' facts into the hashed feature list of one position,
//! and [`TokenFacts::edge_classes`] gives the small classes the tag transitions are conditioned on.
//! No feature reads a tag, so the tagger can score each position once and search the best tag
//! sequence (Viterbi) afterwards. Training (`src/bin/ner.rs`) and tagging use this one module, so
//! they cannot drift apart. Hashes are computed with explicit 64-bit arithmetic and no random
//! seed, so a model trained natively scores identically in wasm.

use super::super::model::{Sentence, Token, TokenKind};
use super::packed::{unpacked, FEATURE_LISTS};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a as a `Hasher`: the word lists are looked up for every token, and their keys are short.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(if self.0 == 0 { SEED } else { self.0 }, bytes);
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// What the word lists and the clusters say about a lower-cased word.
#[derive(Clone, Copy, Debug, Default)]
struct LowerFacts {
    flags: u32,
    /// Fine cluster + 1 (0: not in the clusters file).
    cluster: u16,
    /// Coarse cluster + 1 (0: not in the clusters file).
    coarse: u16,
    /// Its usual case in running text, away from sentence starts ([`case`]).
    case: u8,
    /// Its connector class (0: not a connector).
    connector: u8,
}

/// The usual case of a word in open text (`features/clusters.txt`).
pub mod case {
    /// Not in the clusters file.
    pub const UNKNOWN: u8 = 0;
    /// Usually written in lower case ("the", "said", "however").
    pub const LOWER: u8 = 1;
    /// Usually capitalised mid-sentence ("Paris", "Nikol").
    pub const CAPITALISED: u8 = 2;
    /// Usually written in capitals ("NATO").
    pub const UPPER: u8 = 3;
}

/// Word lists the tagger uses as membership features, and its word clusters, parsed once. They
/// are the tagger's own (`features/*.txt`; the lists written by `tools/build_ner_gazetteers.py`,
/// the clusters by `ner -- clusters`), versioned with its model: the rules' lists in
/// `src/analysis/lexicon/` may change without changing the model's inputs.
pub(super) struct WordLists {
    /// Flags of lists matched as written.
    exact: FnvMap<&'static str, u32>,
    /// Flags of lists matched lower-cased, and the clusters (keyed lower-cased; a word the files
    /// write in lower case already is borrowed from them, not copied).
    lower: FnvMap<Cow<'static, str>, LowerFacts>,
}

/// `word` lower-cased, borrowed when it is already.
fn lowered(word: &'static str) -> Cow<'static, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

fn list(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The usual case of a word from how the clusters file writes it.
fn case_of(form: &str) -> u8 {
    let mut chars = form.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if form.chars().count() > 1 && form.chars().all(|c| !c.is_lowercase()) {
                case::UPPER
            } else {
                case::CAPITALISED
            }
        }
        Some(_) => case::LOWER,
        None => case::UNKNOWN,
    }
}

impl WordLists {
    fn load() -> WordLists {
        // The text of one list (`features/NAME`); a damaged file gives empty lists.
        let text = |name: &str| -> &'static str {
            let k = FEATURE_LISTS.iter().position(|n| *n == name);
            k.and_then(|k| LISTS_TEXT.split('\0').nth(k)).unwrap_or("")
        };
        // Sized up front (a line a word, near enough), so that neither map grows while it is filled.
        let lines =
            |names: &[&str]| names.iter().map(|n| text(n).bytes().filter(|b| *b == b'\n').count()).sum::<usize>();
        let mut exact: FnvMap<&'static str, u32> = FnvMap::with_capacity_and_hasher(
            lines(&["first_names.txt", "last_names.txt", "cities.txt", "country_words.txt", "demonyms.txt"]) * 5 / 4,
            Default::default(),
        );
        let mut lower: FnvMap<Cow<'static, str>, LowerFacts> =
            FnvMap::with_capacity_and_hasher(text("clusters.txt").len() / 6, Default::default());
        let mut add_exact = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in words {
                *exact.entry(w).or_default() |= bit;
            }
        };
        add_exact(&mut list(text("first_names.txt")), flag::FIRST_NAME);
        add_exact(&mut list(text("last_names.txt")), flag::LAST_NAME);
        for name in list(text("cities.txt")) {
            if name.contains(' ') {
                add_exact(&mut name.split(' ').filter(|w| !w.is_empty()), flag::CITY_PART);
            } else {
                add_exact(&mut std::iter::once(name), flag::CITY);
            }
        }
        add_exact(&mut list(text("country_words.txt")), flag::COUNTRY);
        add_exact(&mut list(text("honorifics.txt")), flag::TITLE);
        add_exact(&mut list(text("org_words.txt")), flag::ORG_WORD);
        add_exact(&mut list(text("calendar.txt")), flag::CALENDAR);
        let demonyms: Vec<&'static str> = list(text("demonyms.txt")).collect();
        add_exact(&mut demonyms.iter().copied(), flag::DEMONYM);
        let mut add_lower = |words: &mut dyn Iterator<Item = &'static str>, bit: u32| {
            for w in words {
                lower.entry(lowered(w)).or_default().flags |= bit;
            }
        };
        add_lower(&mut list(text("titles.txt")), flag::TITLE);
        add_lower(&mut list(text("place_words.txt")), flag::PLACE_WORD);
        add_lower(&mut list(text("function_words.txt")), flag::FUNCTION_WORD);
        add_lower(&mut list(text("org_suffixes.txt")), flag::ORG_SUFFIX);
        // A demonym's plural in "s" ("Armenians") is matched as written too; it is kept apart
        // (lower-cased key, checked against the written form) because it is not a static str.
        for d in demonyms {
            lower.entry(Cow::Owned(format!("{d}s").to_lowercase())).or_default().flags |= flag::DEMONYM_PLURAL;
        }
        for line in list(text("clusters.txt")) {
            let mut parts = line.split(' ');
            let (Some(Ok(coarse)), Some(Ok(fine))) =
                (parts.next().map(str::parse::<u16>), parts.next().map(str::parse::<u16>))
            else {
                continue;
            };
            for form in parts.filter(|w| !w.is_empty()) {
                let facts = lower.entry(lowered(form)).or_default();
                facts.cluster = fine + 1;
                facts.coarse = coarse + 1;
                facts.case = case_of(form);
            }
        }
        for (k, c) in CONNECTORS.iter().enumerate() {
            lower.entry(Cow::Borrowed(*c)).or_default().connector = k as u8 + 1;
        }
        WordLists { exact, lower }
    }

    /// True for a frequent first name ("Maria").
    pub(super) fn is_first_name(&self, word: &str) -> bool {
        self.exact.get(word).is_some_and(|f| f & flag::FIRST_NAME != 0)
    }
}

/// The tagger's word lists (`features/*.txt`) as compiled in: packed together, in
/// [`FEATURE_LISTS`] order (`tests/tagger_data.rs` checks the file against the lists and writes it).
pub static FEATURE_LISTS_BYTES: &[u8] = include_bytes!("features.lzma");

/// The lists as `build.rs` unpacked them (natively; empty in the page's wasm).
pub(super) static FEATURE_LISTS_BUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/features.raw"));

/// The lists' texts, read on first use (unpacked then, in the page; empty if the file were damaged).
static LISTS_TEXT: LazyLock<std::borrow::Cow<'static, str>> =
    LazyLock::new(|| match unpacked(FEATURE_LISTS_BYTES, FEATURE_LISTS_BUILT) {
        Some(std::borrow::Cow::Borrowed(b)) => std::str::from_utf8(b).unwrap_or_default().into(),
        Some(std::borrow::Cow::Owned(b)) => String::from_utf8(b).unwrap_or_default().into(),
        None => "".into(),
    });

/// The tagger's word lists, parsed on first use.
pub(super) static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(WordLists::load);

/// Membership and form flags of one token (bit positions).
pub mod flag {
    /// A frequent first name.
    pub const FIRST_NAME: u32 = 1 << 0;
    /// A frequent last name.
    pub const LAST_NAME: u32 = 1 << 1;
    /// A city or US state of one word.
    pub const CITY: u32 = 1 << 2;
    /// A word of a multi-word city name.
    pub const CITY_PART: u32 = 1 << 3;
    /// A word of a country name or capital.
    pub const COUNTRY: u32 = 1 << 4;
    /// A nationality adjective or its plural ("Armenian", "Armenians").
    pub const DEMONYM: u32 = 1 << 5;
    /// A title or role, or an honorific ("president", "Mr").
    pub const TITLE: u32 = 1 << 6;
    /// An organisation head word ("Ministry", "Party").
    pub const ORG_WORD: u32 = 1 << 7;
    /// A place head word ("corridor", "river").
    pub const PLACE_WORD: u32 = 1 << 8;
    /// A month or weekday name.
    pub const CALENDAR: u32 = 1 << 9;
    /// A function word ("the", "and").
    pub const FUNCTION_WORD: u32 = 1 << 10;
    /// A legal-form suffix ("Inc", "Ltd").
    pub const ORG_SUFFIX: u32 = 1 << 11;
    /// The first token of a sentence.
    pub const SENTENCE_START: u32 = 1 << 12;
    /// Just after an opening quote mark or bracket.
    pub const AFTER_OPENER: u32 = 1 << 13;
    /// The number of flags.
    pub const COUNT: u32 = 14;
    /// A demonym's plural, before it is checked against the written form (then [`DEMONYM`]).
    pub(super) const DEMONYM_PLURAL: u32 = 1 << 31;
}

/// The shape classes of a token that tag transitions are conditioned on.
pub const SHAPE_CLASSES: usize = 8;

/// Words that join or open names ("of", "and", "de", "'s"): the tag transition into such a word
/// and out of it are conditioned on which one it is. Index + 1 is the connector class; 0 is
/// any other token.
pub const CONNECTORS: [&str; 31] = [
    "of", "and", "the", "de", "'s", "’s", "&", "for", "on", "in", "at", "van", "von", "der", "la", "le", "du", "da",
    "del", "y", "al", "bin", "to", "-", ".", ",", "(", ")", "'", "di", "st",
];

/// The number of connector classes (the connectors and "none").
pub const CONNECTOR_CLASSES: usize = CONNECTORS.len() + 1;

/// What the tagger knows about one token on its own.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenFacts {
    word: u64,
    lower: u64,
    shape: u64,
    prefix: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
    cluster: u64,
    coarse: u64,
    flags: u32,
    case: u8,
    shape_class: u8,
    connector: u8,
    /// How the word is written elsewhere in the text away from sentence starts: bit 0 in lower
    /// case, bit 1 capitalised.
    text_case: u8,
}

impl TokenFacts {
    /// The token's shape class (`0..SHAPE_CLASSES`) and connector class (`0..CONNECTOR_CLASSES`).
    #[inline]
    pub fn edge_classes(&self) -> (usize, usize) {
        (self.shape_class as usize, self.connector as usize)
    }

    /// True for the first token of a sentence or a paragraph: the tag sequence starts afresh there.
    #[inline]
    pub fn starts_sentence(&self) -> bool {
        self.flags & flag::SENTENCE_START != 0
    }
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

fn hash_str(s: &str) -> u64 {
    hash_bytes(SEED, s.as_bytes())
}

/// Mixes two hashes into one (order matters).
#[inline(always)]
pub fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// The token's shape with runs collapsed: "Aliyev" → "Xx", "2023" → "d", "U.S." → "X.X.".
fn shape(piece: &str, out: &mut String) {
    out.clear();
    let mut last = None;
    for c in piece.chars().take(12) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
}

/// The shape class of a token: 0 lower-case word, 1 capitalised word ("Xx"), 2 all capitals,
/// 3 other word ("iPhone", "McCain"), 4 number, 5 quote mark, 6 other punctuation, 7 a word
/// with a dot ("U.S.").
fn shape_class(kind: TokenKind, shape: &str) -> u8 {
    match kind {
        TokenKind::Number => 4,
        TokenKind::Quote => 5,
        TokenKind::Punct => 6,
        TokenKind::Word => match shape {
            "x" => 0,
            "Xx" => 1,
            "X" => 2,
            s if s.contains('.') => 7,
            _ => 3,
        },
    }
}

/// Byte index of the start of the `n`-th character from the end (or 0).
fn tail(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// What a token's facts are before its context is known: everything but the flags of its place
/// (sentence start, after an opener) and `text_case`; a function of its text and kind alone.
fn word_facts(
    lists: &WordLists,
    piece: &str,
    kind: TokenKind,
    lower: &mut String,
    shape_buf: &mut String,
) -> TokenFacts {
    lower.clear();
    if piece.is_ascii() {
        lower.push_str(piece);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(piece.chars().flat_map(char::to_lowercase));
    }
    shape(piece, shape_buf);
    let mut flags = 0;
    let known = lists.lower.get(lower.as_str()).copied().unwrap_or_default();
    if kind == TokenKind::Word {
        flags |= lists.exact.get(piece).copied().unwrap_or(0);
        flags |= known.flags & !flag::DEMONYM_PLURAL;
        if known.flags & flag::DEMONYM_PLURAL != 0 && piece.starts_with(char::is_uppercase) {
            flags |= flag::DEMONYM;
        }
    }
    TokenFacts {
        word: hash_str(piece),
        lower: hash_str(lower),
        shape: hash_str(shape_buf),
        prefix: hash_str(head(lower, 3)),
        suffix2: hash_str(tail(lower, 2)),
        suffix3: hash_str(tail(lower, 3)),
        suffix4: hash_str(tail(lower, 4)),
        cluster: u64::from(known.cluster),
        coarse: u64::from(known.coarse),
        flags,
        case: known.case,
        shape_class: shape_class(kind, shape_buf),
        connector: known.connector,
        text_case: 0,
    }
}

/// The most words [`WORD_FACTS`] keeps before it starts afresh (a few MiB at most).
const WORD_FACTS_CAPACITY: usize = 20_000;

/// The facts of words met before on this thread, by text (with their kind): most words of a text, and of
/// the next text, were met before, and their facts cost a lower-casing, seven hashes and two
/// lookups each. The facts are a function of the word alone, so what the cache holds never
/// changes a result, only how soon it comes.
#[derive(Default)]
struct WordFactsCache {
    facts: rustc_hash::FxHashMap<Box<str>, (TokenKind, TokenFacts)>,
    lower: String,
    shape: String,
}

thread_local! {
    static WORD_FACTS: std::cell::RefCell<WordFactsCache> = std::cell::RefCell::default();
}

/// Computes every token's own facts. `sentences` marks sentence starts.
pub fn token_facts(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<TokenFacts> {
    let lists = &*WORD_LISTS;
    let mut facts = Vec::with_capacity(tokens.len());
    WORD_FACTS.with_borrow_mut(|cache| {
        let WordFactsCache { facts: known, lower, shape } = cache;
        for token in tokens {
            let piece = token.span.slice(text);
            let f = match known.get(piece) {
                Some((kind, f)) if *kind == token.kind => *f,
                // The same text as another kind of token: not kept (the tokenizer gives one kind).
                Some(_) => word_facts(lists, piece, token.kind, lower, shape),
                None => {
                    let f = word_facts(lists, piece, token.kind, lower, shape);
                    if known.len() >= WORD_FACTS_CAPACITY {
                        known.clear();
                    }
                    known.insert(piece.into(), (token.kind, f));
                    f
                }
            };
            facts.push(f);
        }
    });
    for (i, f) in facts.iter_mut().enumerate().skip(1) {
        let prev = tokens[i - 1].span.slice(text);
        if tokens[i - 1].kind == TokenKind::Quote || prev == "(" || prev == "[" {
            f.flags |= flag::AFTER_OPENER;
        }
    }
    for s in sentences {
        if let Some(f) = facts.get_mut(s.first_token as usize) {
            f.flags |= flag::SENTENCE_START;
        }
    }
    // A paragraph start (a headline, a dateline) is a sentence start too.
    for (f, t) in facts.iter_mut().zip(tokens) {
        if t.newlines_before > 0 {
            f.flags |= flag::SENTENCE_START;
        }
    }
    across_the_text(&mut facts);
    facts
}

/// The written form of a word token as [`TokenFacts::text_case`] counts it (0: not a word).
fn written_case(f: &TokenFacts) -> u8 {
    match f.shape_class {
        0 => 1,
        1..=3 | 7 => 2,
        _ => 0,
    }
}

/// How each token's word is written elsewhere in the text, away from sentence starts: a name at
/// a sentence start is capitalised elsewhere too, "However" is not.
fn across_the_text(facts: &mut [TokenFacts]) {
    // Keyed by a hash already: FxHash mixes it in one multiply (FNV would hash its eight bytes).
    let mut counts: rustc_hash::FxHashMap<u64, [u32; 3]> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(facts.len(), Default::default());
    let mid = |f: &TokenFacts| f.flags & (flag::SENTENCE_START | flag::AFTER_OPENER) == 0;
    for f in facts.iter() {
        if mid(f) {
            counts.entry(f.lower).or_default()[written_case(f) as usize] += 1;
        }
    }
    for f in facts.iter_mut() {
        let mut c = counts.get(&f.lower).copied().unwrap_or_default();
        if mid(f) {
            c[written_case(f) as usize] -= 1;
        }
        f.text_case = u8::from(c[1] > 0) | u8::from(c[2] > 0) << 1;
    }
}

/// Padding facts for positions before the first and after the last token.
const BOUNDARY: TokenFacts = TokenFacts {
    word: 1,
    lower: 1,
    shape: 1,
    prefix: 1,
    suffix2: 1,
    suffix3: 1,
    suffix4: 1,
    cluster: 1 << 20,
    coarse: 1 << 20,
    flags: 0,
    case: 4,
    shape_class: 6,
    connector: 0,
    text_case: 4,
};

/// The most features one position can have.
pub const MAX_FEATURES: usize = 64;

/// One text's token facts, ready to produce each position's features.
pub struct Context<'a> {
    facts: &'a [TokenFacts],
}

impl<'a> Context<'a> {
    /// Wraps the facts of one text.
    pub fn new(facts: &'a [TokenFacts]) -> Context<'a> {
        Context { facts }
    }

    fn at(&self, i: isize) -> &TokenFacts {
        if i < 0 {
            &BOUNDARY
        } else {
            self.facts.get(i as usize).unwrap_or(&BOUNDARY)
        }
    }

    /// Writes the hashed features of position `i` into `out` (they read no tag).
    pub fn emissions(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let i = i as isize;
        let (p2, p1, c, n1, n2) = (self.at(i - 2), self.at(i - 1), self.at(i), self.at(i + 1), self.at(i + 2));
        let start = u64::from(c.flags & flag::SENTENCE_START != 0);
        let values = [
            (1, 0),
            (2, c.word),
            (3, c.lower),
            (4, p1.lower),
            (5, n1.lower),
            (6, p2.lower),
            (7, n2.lower),
            (8, c.shape),
            (11, mix(mix(p1.shape, c.shape), n1.shape)),
            (12, c.prefix),
            (13, c.suffix2),
            (14, c.suffix3),
            (15, c.suffix4),
            (16, mix(p1.lower, c.lower)),
            (17, mix(c.lower, n1.lower)),
            (18, u64::from(p1.flags)),
            (19, u64::from(n1.flags)),
            (24, mix(u64::from(c.flags), c.shape)),
            (27, c.cluster),
            (28, c.coarse),
            (29, p1.cluster),
            (30, n1.cluster),
            (32, mix(mix(u64::from(c.case), c.shape), start)),
            (33, mix(p1.lower, c.shape)),
            (34, mix(c.shape, n1.lower)),
            (40, mix(u64::from(c.text_case), mix(u64::from(c.shape_class), start))),
        ];
        out.extend(values.iter().map(|(template, value)| feature(*template, *value)));
        for bit in 0..flag::COUNT {
            if c.flags & (1 << bit) != 0 {
                out.push(feature(100 + u64::from(bit), 0));
            }
        }
    }
}

/// How many features [`word_features`] gives.
pub const WORD_FEATURES: usize = 15;

/// The features of a position that read one word alone, grouped by where that word is: the
/// position's own token (`word_features` slots 0..9), the token before (9, 13), after (10, 14), two
/// before (11) and two after (12), a boundary beyond the text. A scorer may sum each group's
/// weights once per word and add the five sums at every position. With
/// [`Context::context_features`], exactly the features of [`Context::emissions`]
/// (`tests::groups_and_context_are_the_features`).
pub const WORD_GROUPS: [(isize, &[usize]); 5] =
    [(0, &[0, 1, 2, 3, 4, 5, 6, 7, 8]), (-1, &[9, 13]), (1, &[10, 14]), (-2, &[11]), (2, &[12])];

/// The features of a token that depend on its word alone: as the position's own token (slots
/// 0..9), as the token before, after, two before, two after (9..13), and its cluster as the
/// token before and after (13, 14).
pub fn word_features(f: &TokenFacts) -> [u64; WORD_FEATURES] {
    [
        feature(2, f.word),
        feature(3, f.lower),
        feature(8, f.shape),
        feature(12, f.prefix),
        feature(13, f.suffix2),
        feature(14, f.suffix3),
        feature(15, f.suffix4),
        feature(27, f.cluster),
        feature(28, f.coarse),
        feature(4, f.lower),
        feature(5, f.lower),
        feature(6, f.lower),
        feature(7, f.lower),
        feature(29, f.cluster),
        feature(30, f.cluster),
    ]
}

/// The hash of a token's text: equal texts, equal word features (and, but for a collision of
/// hashes, the converse).
pub fn word_hash(f: &TokenFacts) -> u64 {
    f.word
}

/// The parts of a token's facts [`word_features`] reads: equal keys, equal word features.
pub fn word_key(f: &TokenFacts) -> [u64; 9] {
    [f.word, f.lower, f.shape, f.prefix, f.suffix2, f.suffix3, f.suffix4, f.cluster, f.coarse]
}

/// The facts that stand for the positions beyond either end of the text.
pub fn boundary() -> &'static TokenFacts {
    &BOUNDARY
}

impl Context<'_> {
    /// The features of position `i` that are not of one word alone (not in [`WORD_GROUPS`]):
    /// those of its neighbours read together, its flags.
    pub fn context_features(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let i = i as isize;
        let (p1, c, n1) = (self.at(i - 1), self.at(i), self.at(i + 1));
        let start = u64::from(c.flags & flag::SENTENCE_START != 0);
        let values = [
            (1, 0),
            (11, mix(mix(p1.shape, c.shape), n1.shape)),
            (16, mix(p1.lower, c.lower)),
            (17, mix(c.lower, n1.lower)),
            (18, u64::from(p1.flags)),
            (19, u64::from(n1.flags)),
            (24, mix(u64::from(c.flags), c.shape)),
            (32, mix(mix(u64::from(c.case), c.shape), start)),
            (33, mix(p1.lower, c.shape)),
            (34, mix(c.shape, n1.lower)),
            (40, mix(u64::from(c.text_case), mix(u64::from(c.shape_class), start))),
        ];
        out.extend(values.iter().map(|(template, value)| feature(*template, *value)));
        for bit in 0..flag::COUNT {
            if c.flags & (1 << bit) != 0 {
                out.push(feature(100 + u64::from(bit), 0));
            }
        }
    }
}

/// The hash of one feature: its template and its value.
#[inline(always)]
fn feature(template: u64, value: u64) -> u64 {
    mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{lexicon::LEXICON, sentences, tokens::tokenize};

    #[test]
    fn shapes_collapse_runs() {
        let cases = [
            ("aliyev_title_case", "Aliyev", "Xx"),
            ("year", "2023", "d"),
            ("dotted_acronym", "U.S.", "X.X."),
            ("hyphen_inside", "co-op", "x-x"),
        ];
        let mut out = String::new();
        for (name, word, want) in cases {
            shape(word, &mut out);
            assert_eq!(out, want, "case {name}");
        }
    }

    #[test]
    fn usual_case_is_read_from_the_written_form() {
        let cases = [
            ("lower", "said", case::LOWER),
            ("capitalised", "Paris", case::CAPITALISED),
            ("capitals", "NATO", case::UPPER),
            ("one_capital", "I", case::CAPITALISED),
        ];
        for (name, form, want) in cases {
            assert_eq!(case_of(form), want, "case {name}");
        }
    }

    #[test]
    fn flags_mark_list_membership() {
        let text = "Mr John Smith flew to Paris, where Armenians met an Armenian.";
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let facts = token_facts(text, &tokens, &sentences);
        let flags_of =
            |word: &str| tokens.iter().position(|t| t.span.slice(text) == word).map(|i| facts[i].flags).unwrap_or(0);
        let cases = [
            ("honorific", "Mr", flag::TITLE | flag::SENTENCE_START),
            ("first_name", "John", flag::FIRST_NAME),
            ("city", "Paris", flag::CITY | flag::COUNTRY),
            ("demonym", "Armenian", flag::DEMONYM),
            ("demonym_plural", "Armenians", flag::DEMONYM),
            ("function_word", "where", flag::FUNCTION_WORD),
        ];
        for (name, word, want) in cases {
            assert_eq!(flags_of(word) & want, want, "case {name}");
        }
        assert_ne!(flags_of("Smith") & flag::LAST_NAME, 0);
        assert_eq!(flags_of("flew") & flag::DEMONYM_PLURAL, 0);
    }

    #[test]
    fn connectors_and_shapes_classify_tokens() {
        let text = "Bank of America's U.S. arm";
        let tokens = tokenize(text);
        let facts = token_facts(text, &tokens, &[]);
        let classes: Vec<(&str, (usize, usize))> =
            tokens.iter().zip(&facts).map(|(t, f)| (t.span.slice(text), f.edge_classes())).collect();
        let want = [
            ("Bank", (1, 0)),
            ("of", (0, 1)),
            ("America", (1, 0)),
            ("'s", (3, 5)),
            ("U.S", (7, 0)),
            (".", (6, 25)),
            ("arm", (0, 0)),
        ];
        assert_eq!(classes, want);
    }

    #[test]
    fn groups_and_context_are_the_features() {
        // Every position of a text with sentence starts, openers, flags and both boundaries near.
        let text = "Mr John Smith (of Paris) said: \"Armenians met.\" Then NATO left. U.S. troops";
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let facts = token_facts(text, &tokens, &sentences);
        let ctx = Context::new(&facts);
        let (mut want, mut got) = (Vec::new(), Vec::new());
        for i in 0..facts.len() {
            ctx.emissions(i, &mut want);
            ctx.context_features(i, &mut got);
            for (offset, slots) in WORD_GROUPS {
                let word = word_features(ctx.at(i as isize + offset));
                got.extend(slots.iter().map(|s| word[*s]));
            }
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "position {i}");
        }
    }

    #[test]
    fn features_are_deterministic_and_bounded() {
        let text = "Ilham Aliyev met Nikol Pashinyan in Brussels.";
        let tokens = tokenize(text);
        let sentences = sentences::split(text, &tokens, &LEXICON);
        let facts = token_facts(text, &tokens, &sentences);
        let ctx = Context::new(&facts);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for i in 0..tokens.len() {
            ctx.emissions(i, &mut a);
            ctx.emissions(i, &mut b);
            assert_eq!(a, b);
            assert!(a.len() <= MAX_FEATURES);
        }
    }
}
