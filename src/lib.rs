//! Article Explorer: entities, claims and competing narratives in a news article.
//!
//! The crate is one pure analysis core plus thin shells over it:
//!
//! 1. [`analysis`] turns text into an [`Analysis`]: tokens → sentences → quotes → entities →
//!    claims → attribution → sides → assertions (the order is written once, in [`analyze`]), and
//!    the view-model ([`analysis::markup`]) that every shell draws.
//! 2. [`contract`] is the versioned JSON contract of the CLI (code-point offsets).
//! 3. [`share`] encodes and decodes the share link that lives in the URL fragment; [`export`]
//!    renders the analysis as a self-contained HTML page or a Markdown summary; [`drawing`] is
//!    the one vocabulary (classes, labels, party order) that the exports and the page draw with;
//!    [`import`] turns an opened file (text, Markdown, a web page) into an article; [`pictures`]
//!    draws the balance, who-accuses-whom and minimap pictures as SVG markup; [`pace`] decides
//!    when the page draws an analysis that arrives while the reader types.
//! 4. `ui` (feature `ui`) is the Leptos page; `src/main.rs` is the native CLI.
#![deny(missing_docs)]

pub mod analysis;
pub mod contract;
pub mod drawing;
pub mod export;
pub mod import;
pub mod pace;
pub mod pictures;
pub mod share;
pub mod wire;

#[cfg(feature = "ui")]
pub mod ui;

pub use analysis::{analyze, Analysis};

/// The demo article shown on first load: written for this project, modelled on real events.
pub const DEMO_ARTICLE: &str = include_str!("demo_article.txt");
