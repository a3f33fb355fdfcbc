//! The analysis core: pure functions from text to [`Analysis`]. No IO, no clock, no web.
//!
//! [`analyze`] is the whole pipeline, in order: the reading stages (tokens, sentences, quotes)
//! make a [`Document`], which every later stage takes by reference beside what the stages before
//! it found. Every span is a byte range into the original text.

pub mod assertions;
pub mod attribution;
pub mod claims;
pub mod compare;
pub mod decimal;
pub mod document;
pub mod entities;
pub mod lexicon;
pub mod markup;
pub mod mentions;
pub mod model;
pub mod narrative;
pub mod ner;
pub mod quotes;
pub mod sentences;
pub mod sides;
pub mod sort;
pub mod span;
pub mod tokens;

pub use document::Document;
pub use model::*;
pub use span::Span;

/// The analyser's version, carried in JSON output and share links.
pub const ANALYZER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyses `text`. Never fails and never panics: odd input yields diagnostics.
///
/// ```
/// let text = "Oslo says the port is shut, while Bergen says it is open.";
/// let analysis = article_explorer::analyze(text);
/// assert_eq!(analysis.claims.len(), 2);
/// assert_eq!(analysis.claims[0].speaker.as_ref().unwrap().name, "Oslo");
/// ```
pub fn analyze(text: &str) -> Analysis {
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens, &lexicon::LEXICON);
    let (quotes, mut diagnostics) = quotes::find(text, &tokens);
    let doc = Document::new(text, tokens, sentences, quotes);
    let (entities, clusters) = entities::recognize(&doc);
    let drafts = claims::find(&doc);
    let mut claims = attribution::attribute(&doc, drafts, &entities, &clusters);
    let sides = sides::assign(&doc, &entities, &clusters, &mut claims);
    let assertions = assertions::find(&doc, &entities, &claims);
    let Document { tokens, sentences, quotes, .. } = doc;
    diagnostics.extend(sides.diagnostics);
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic { span: None, message: "the text is empty".into() });
    }
    Analysis {
        text_len: text.len() as u32,
        tokens,
        sentences,
        quotes,
        entities,
        clusters,
        claims,
        assertions,
        sides: sides.sides,
        counter_claims: sides.counter_claims,
        diagnostics,
    }
}
