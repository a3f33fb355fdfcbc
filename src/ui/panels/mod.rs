//! The panels beside and below the article, one file each: the legend (also the layer toggle),
//! "why this?", claims, entities, and the narratives (a column per side, counter-claims paired).
//! Every panel reads the shared [`UiState`] and draws with [`crate::drawing`].

mod claims;
mod entities;
mod legend;
mod narratives;
mod why;

pub use claims::ClaimsPanel;
pub use entities::EntitiesPanel;
pub use legend::Legend;
pub use narratives::NarrativesPanel;
pub use why::WhyPanel;

/// A hash of everything an item shows: the key that lets `<For>` keep unchanged rows.
fn key_of(item: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    item.hash(&mut hasher);
    hasher.finish()
}
