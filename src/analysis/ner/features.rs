//! Features of the NER tagger: what the tagger sees of each token, as 64-bit hashes.
//!
//! A token's own facts (its word, lower-cased word, shape, affixes and word-list memberships) are
//! computed once per text by [`token_facts`]; [`Context::features`] then combines them with the
//! neighbours' facts and the tags already chosen into the hashed feature list of one position.
//! Training (`src/bin/ner.rs`) and tagging use this one module, so they cannot drift apart.
//! Hashes are computed with explicit 64-bit arithmetic and no random seed, so a model trained
//! natively scores identically in wasm.

use super::super::model::{Sentence, Token, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Word lists the tagger uses as membership features, parsed once. They are the tagger's own
/// (`features/*.txt`, written by `tools/build_ner_gazetteers.py`), versioned with its model: the
/// rules' lists in `src/analysis/lexicon/` may change without changing the model's inputs.
pub(super) struct WordLists {
    first_names: HashSet<&'static str>,
    last_names: HashSet<&'static str>,
    cities: HashSet<&'static str>,
    city_parts: HashSet<&'static str>,
    org_suffixes: HashSet<&'static str>,
    countries: HashSet<&'static str>,
    demonyms: HashSet<String>,
    titles: HashSet<String>,
    honorifics: HashSet<&'static str>,
    org_words: HashSet<&'static str>,
    place_words: HashSet<String>,
    calendar: HashSet<&'static str>,
    function_words: HashSet<String>,
    /// The lists above as [`flag`]s, made from them once: by the word as written, and by its
    /// lower case (titles, place and function words, legal forms). Two lookups per token.
    flags_of_word: HashMap<String, u32>,
    flags_of_lower: HashMap<String, u32>,
}

fn list(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lower_case(file: &'static str) -> HashSet<String> {
    list(file).map(str::to_lowercase).collect()
}

impl WordLists {
    fn load() -> WordLists {
        let mut cities = HashSet::default();
        let mut city_parts = HashSet::default();
        for name in list(include_str!("features/cities.txt")) {
            if name.contains(' ') {
                city_parts.extend(name.split(' '));
            } else {
                cities.insert(name);
            }
        }
        let mut lists = WordLists {
            first_names: list(include_str!("features/first_names.txt")).collect(),
            last_names: list(include_str!("features/last_names.txt")).collect(),
            cities,
            city_parts,
            org_suffixes: list(include_str!("features/org_suffixes.txt")).collect(),
            countries: list(include_str!("features/country_words.txt")).collect(),
            demonyms: list(include_str!("features/demonyms.txt"))
                .flat_map(|d| [d.to_string(), format!("{d}s")])
                .collect(),
            titles: lower_case(include_str!("features/titles.txt")),
            honorifics: list(include_str!("features/honorifics.txt")).collect(),
            org_words: list(include_str!("features/org_words.txt")).collect(),
            place_words: lower_case(include_str!("features/place_words.txt")),
            calendar: list(include_str!("features/calendar.txt")).collect(),
            function_words: lower_case(include_str!("features/function_words.txt")),
            flags_of_word: HashMap::default(),
            flags_of_lower: HashMap::default(),
        };
        lists.index_flags();
        lists
    }

    /// Fills `flags_of_word` and `flags_of_lower` from the lists.
    fn index_flags(&mut self) {
        fn add<'w>(map: &mut HashMap<String, u32>, words: impl Iterator<Item = &'w str>, bit: u32) {
            for w in words {
                *map.entry(w.to_string()).or_default() |= bit;
            }
        }
        let (mut by_word, mut by_lower) = (HashMap::default(), HashMap::default());
        add(&mut by_word, self.first_names.iter().copied(), flag::FIRST_NAME);
        add(&mut by_word, self.last_names.iter().copied(), flag::LAST_NAME);
        add(&mut by_word, self.cities.iter().copied(), flag::CITY);
        add(&mut by_word, self.city_parts.iter().copied(), flag::CITY_PART);
        add(&mut by_word, self.countries.iter().copied(), flag::COUNTRY);
        add(&mut by_word, self.demonyms.iter().map(String::as_str), flag::DEMONYM);
        add(&mut by_word, self.honorifics.iter().copied(), flag::TITLE);
        add(&mut by_word, self.org_words.iter().copied(), flag::ORG_WORD);
        add(&mut by_word, self.calendar.iter().copied(), flag::CALENDAR);
        add(&mut by_lower, self.titles.iter().map(String::as_str), flag::TITLE);
        add(&mut by_lower, self.place_words.iter().map(String::as_str), flag::PLACE_WORD);
        add(&mut by_lower, self.function_words.iter().map(String::as_str), flag::FUNCTION_WORD);
        add(&mut by_lower, self.org_suffixes.iter().copied(), flag::ORG_SUFFIX);
        self.flags_of_word = by_word;
        self.flags_of_lower = by_lower;
    }

    /// True for a frequent first name ("Maria").
    pub(super) fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }
}

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
}

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
    flags: u32,
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
#[inline]
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

/// Computes every token's own facts. `sentences` marks sentence starts.
pub fn token_facts(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<TokenFacts> {
    let lists = &*WORD_LISTS;
    let mut facts = Vec::with_capacity(tokens.len());
    let mut lower = String::new();
    let mut shape_buf = String::new();
    for (i, token) in tokens.iter().enumerate() {
        let piece = token.span.slice(text);
        lower.clear();
        if piece.is_ascii() {
            lower.push_str(piece);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(piece.chars().flat_map(char::to_lowercase));
        }
        shape(piece, &mut shape_buf);
        let mut flags = 0;
        if token.kind == TokenKind::Word {
            // Membership of every list at once (see `WordLists::index_flags`).
            flags |= lists.flags_of_word.get(piece).copied().unwrap_or(0);
            flags |= lists.flags_of_lower.get(lower.as_str()).copied().unwrap_or(0);
        }
        if i > 0 {
            let prev = tokens[i - 1].span.slice(text);
            if tokens[i - 1].kind == TokenKind::Quote || prev == "(" || prev == "[" {
                flags |= flag::AFTER_OPENER;
            }
        }
        facts.push(TokenFacts {
            word: hash_str(piece),
            lower: hash_str(&lower),
            shape: hash_str(&shape_buf),
            prefix: hash_str(head(&lower, 3)),
            suffix2: hash_str(tail(&lower, 2)),
            suffix3: hash_str(tail(&lower, 3)),
            suffix4: hash_str(tail(&lower, 4)),
            flags,
        });
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
    facts
}

/// Padding facts for positions before the first and after the last token.
const BOUNDARY: TokenFacts =
    TokenFacts { word: 1, lower: 1, shape: 1, prefix: 1, suffix2: 1, suffix3: 1, suffix4: 1, flags: 0 };

/// The most features one position can have.
pub const MAX_FEATURES: usize = 48;

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

    /// Writes the hashed features of position `i`, given the two tags before it, into `out`.
    pub fn features(&self, i: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
        out.clear();
        let i = i as isize;
        let (p2, p1, c, n1, n2) = (self.at(i - 2), self.at(i - 1), self.at(i), self.at(i + 1), self.at(i + 2));
        let prev = u64::from(prev) + 1;
        let prev2 = u64::from(prev2) + 1;
        let mut push = |template: u64, value: u64| out.push(mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), value));
        push(1, 0);
        push(2, c.word);
        push(3, c.lower);
        push(4, p1.lower);
        push(5, n1.lower);
        push(6, p2.lower);
        push(7, n2.lower);
        push(8, c.shape);
        push(9, p1.shape);
        push(10, n1.shape);
        push(11, mix(mix(p1.shape, c.shape), n1.shape));
        push(12, c.prefix);
        push(13, c.suffix2);
        push(14, c.suffix3);
        push(15, c.suffix4);
        push(16, mix(p1.lower, c.lower));
        push(17, mix(c.lower, n1.lower));
        push(18, u64::from(p1.flags));
        push(19, u64::from(n1.flags));
        push(20, prev);
        push(21, mix(prev, prev2));
        push(22, mix(prev, c.lower));
        push(23, mix(prev, c.shape));
        push(24, mix(u64::from(c.flags), c.shape));
        push(25, n1.word);
        push(26, p1.word);
        for bit in 0..flag::COUNT {
            if c.flags & (1 << bit) != 0 {
                push(100 + u64::from(bit), 0);
                push(200 + u64::from(bit), prev);
            }
        }
    }
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
    fn flags_mark_list_membership() {
        let text = "Mr John Smith flew to Paris, an Armenian said.";
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
        ];
        for (name, word, want) in cases {
            assert_eq!(flags_of(word) & want, want, "case {name}");
        }
        assert_ne!(flags_of("Smith") & flag::LAST_NAME, 0);
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
            ctx.features(i, 0, 0, &mut a);
            ctx.features(i, 0, 0, &mut b);
            assert_eq!(a, b);
            assert!(a.len() <= MAX_FEATURES);
        }
    }
}
