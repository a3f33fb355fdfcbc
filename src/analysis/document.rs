//! The document view: the article as every stage after reading sees it (its text, tokens,
//! sentences and quotations, and the lexicon), built once in `analyze()` and lent to each stage.
//!
//! The reading stages (tokens, sentences, quotes) make its parts; the later stages take it by
//! reference and never recompute them. What the later stages find (entities, claims) is passed
//! beside it, not put in it, so the order of the stages stays written once, in `analyze()`.
//!
//! The questions about tokens that more than one stage asks (the token at a byte, a capitalised
//! word, a wire-style dateline) are answered here, as free functions on the token slice for the
//! stages' rules and as methods of [`Document`]. Questions about mentions that more than one
//! stage asks live in `mentions.rs`.

use super::lexicon::{Lexicon, WordLists, WordSet, LEXICON};
use super::model::{Quote, Sentence, Token, TokenKind};

/// The article as the stages read it. Token arguments are indexes into `tokens`.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text, unmodified: every span is a byte range into it.
    pub text: &'a str,
    /// Its tokens, in order (stage 1).
    pub tokens: Vec<Token>,
    /// Its sentences, in order (stage 2).
    pub sentences: Vec<Sentence>,
    /// Its quotations, sorted by position (stage 3).
    pub quotes: Vec<Quote>,
    /// What the stages know about words and names: the one lexicon, parsed once per process.
    pub lex: &'static Lexicon,
    /// Every token's text in lower case, made once (see [`Document::lower`]).
    lower: LowerTokens,
}

/// Every token's text in lower case (as `str::to_lowercase` makes it), in one buffer, so that
/// the stages compare and look up lower-case words without allocating one per question.
#[derive(Debug, Default)]
pub struct LowerTokens {
    text: String,
    /// `starts[i]..starts[i + 1]` is token `i` in `text`.
    starts: Vec<u32>,
    /// The lexicon's word lists token `i`'s lower case is in ([`Lexicon::word_lists`]).
    lists: Vec<WordLists>,
}

impl LowerTokens {
    /// The lower case of every token of `text`, and the lists of `lex` each is in.
    pub fn new(text: &str, tokens: &[Token], lex: &Lexicon) -> LowerTokens {
        let mut lower = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        let mut lists = Vec::with_capacity(tokens.len());
        starts.push(0);
        for t in tokens {
            let piece = t.span.slice(text);
            let from = lower.len();
            if piece.is_ascii() {
                lower.push_str(piece);
                lower[from..].make_ascii_lowercase();
            } else {
                lower.push_str(&piece.to_lowercase());
            }
            lists.push(lex.word_lists(&lower[from..]));
            starts.push(lower.len() as u32);
        }
        LowerTokens { text: lower, starts, lists }
    }

    /// Token `i` in lower case.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// True when token `i`'s lower case is in the word list `list` (`list.contains(get(i))`,
    /// without hashing for a list the lexicon numbered).
    #[inline]
    pub fn is_in(&self, list: &WordSet, i: usize) -> bool {
        match list.number() {
            Some(n) => self.lists[i] >> n & 1 == 1,
            None => list.contains(self.get(i)),
        }
    }
}

impl<'a> Document<'a> {
    /// The document of `text`, from what the reading stages made of it.
    pub fn new(text: &'a str, tokens: Vec<Token>, sentences: Vec<Sentence>, quotes: Vec<Quote>) -> Document<'a> {
        let lower = LowerTokens::new(text, &tokens, &LEXICON);
        Document { text, tokens, sentences, quotes, lex: &LEXICON, lower }
    }

    /// The text of token `i` in lower case (`piece(i).to_lowercase()`, made once per document).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i)
    }

    /// True when token `i`'s lower case is in the word list `list` (see [`LowerTokens::is_in`]).
    #[inline]
    pub fn is_in(&self, list: &WordSet, i: usize) -> bool {
        self.lower.is_in(list, i)
    }

    /// Every token in lower case.
    pub fn lower_tokens(&self) -> &LowerTokens {
        &self.lower
    }

    /// The text of token `i`.
    pub fn piece(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    /// The index of the token starting at byte `pos`, if one does.
    pub fn token_starting_at(&self, pos: u32) -> Option<usize> {
        token_starting_at(&self.tokens, pos)
    }

    /// The index of the token ending at byte `pos`, if one does.
    pub fn token_ending_at(&self, pos: u32) -> Option<usize> {
        token_ending_at(&self.tokens, pos)
    }

    /// The index of the first token starting at or after byte `pos` (`tokens.len()` if none).
    pub fn token_from(&self, pos: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// The document of `text` as `analyze()` reads it (without the quotation diagnostics), for
    /// the stages' table tests and the training commands.
    pub fn read(text: &'a str) -> Document<'a> {
        let tokens = super::tokens::tokenize(text);
        let sentences = super::sentences::split(text, &tokens, &LEXICON);
        let (quotes, _) = super::quotes::find(text, &tokens);
        Document::new(text, tokens, sentences, quotes)
    }
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_uppercase)
}

/// Three to six capital letters and nothing else ("KNVB", "RAF", "WHO"): an acronym's shape.
pub fn acronym_shaped(word: &str) -> bool {
    (3..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Index of the token starting at byte `pos`, if any (`tokens` in text order).
pub fn token_starting_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.start).ok()
}

/// Index of the token ending at byte `pos`, if any (`tokens` in text order).
pub fn token_ending_at(tokens: &[Token], pos: u32) -> Option<usize> {
    tokens.binary_search_by_key(&pos, |t| t.span.end).ok()
}

/// A wire-style dateline opening the paragraph at token `first` ("PARIS —", "NAIROBI (Reuters) -",
/// "KYIV, Ukraine —"): returns the end of its place name (all upper-case words) and the index
/// of the first token after the dash. `None` when the tokens there are not a dateline.
pub fn dateline_at(text: &str, tokens: &[Token], first: usize) -> Option<(usize, usize)> {
    let piece = |i: usize| tokens[i].span.slice(text);
    let upper = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && piece(i).chars().count() >= 2
            && piece(i).chars().all(|c| !c.is_lowercase())
    };
    if first > 0 && tokens.get(first)?.newlines_before < 2 {
        return None; // not a paragraph's first token
    }
    let mut i = first;
    while i < tokens.len() && i < first + 4 && upper(i) {
        i += 1;
    }
    if i == first {
        return None;
    }
    let place_end = i;
    // ", Ukraine", ", Dec 3": a few more words before the agency or the dash.
    if i < tokens.len() && piece(i) == "," {
        let rest = (i + 1..tokens.len().min(i + 5)).find(|&k| matches!(piece(k), "(" | "—" | "–" | "-" | "--"))?;
        i = rest;
    }
    if i + 2 < tokens.len() && piece(i) == "(" && piece(i + 2) == ")" {
        i += 3;
    }
    let dash = |i: usize| i < tokens.len() && matches!(piece(i), "—" | "–" | "-" | "--");
    if !dash(i) {
        return None;
    }
    while dash(i) {
        i += 1;
    }
    Some((place_end, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    #[test]
    fn datelines() {
        // (text, the place name and the first word after the dateline)
        let table: &[(&str, Option<(&str, &str)>)] = &[
            ("PARIS — Farmers blocked roads.", Some(("PARIS", "Farmers"))),
            ("NAIROBI (Reuters) - Kenya summoned the envoy.", Some(("NAIROBI", "Kenya"))),
            ("KYIV, Ukraine — Sirens sounded.", Some(("KYIV", "Sirens"))),
            ("NEW YORK (AP) -- Markets fell.", Some(("NEW YORK", "Markets"))),
            ("NATO - the alliance - met.", Some(("NATO", "the"))),
            ("Paris — Farmers blocked roads.", None),
            ("The EU - and NATO - met.", None),
        ];
        for (text, want) in table {
            let tokens = tokenize(text);
            let got = dateline_at(text, &tokens, 0).map(|(place_end, after)| {
                (&text[..tokens[place_end - 1].span.end as usize], tokens[after].span.slice(text))
            });
            assert_eq!(got, *want, "{text:?}");
        }
    }
}
