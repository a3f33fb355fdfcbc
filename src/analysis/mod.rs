//! The analysis core: pure functions from text to [`Analysis`]. No IO, no clock, no web.
//!
//! [`analyze`] is the whole pipeline, in order; each stage is a module that takes the earlier
//! stages' results by reference. Every span is a byte range into the original text.

pub mod assertions;
pub mod attribution;
pub mod claims;
pub mod entities;
pub mod lexicon;
pub mod markup;
pub mod model;
pub mod narrative;
pub mod ner;
pub mod quotes;
pub mod sentences;
pub mod sides;
pub mod span;
pub mod tokens;

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
    let lex = &*lexicon::LEXICON;
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens, lex);
    let (quotes, mut diagnostics) = quotes::find(text, &tokens);
    let (entities, clusters) = entities::recognize(text, &tokens, &sentences, lex);
    let drafts = claims::find(text, &tokens, &sentences, &quotes, lex);
    let mut claims = attribution::attribute(text, drafts, &entities, &clusters, lex);
    let sides = sides::assign(text, &tokens, &entities, &clusters, &mut claims, lex);
    let assertions = assertions::find(text, &tokens, &sentences, &entities, &claims, lex);
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
