//! The page's dictionaries file (`assets/lazy/`, what the page fetches to open or make a link)
//! must hold exactly the preset dictionaries compiled in natively, or links would decode
//! differently in the page. `UPDATE_EXPECT=1 cargo test --test link_dictionaries` writes it.

use article_explorer::share::{Dictionaries, BUNDLE_FILE};

#[test]
fn the_pages_dictionaries_file_holds_the_frozen_dictionaries() {
    let path = format!("{}/assets/{BUNDLE_FILE}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let bundle = Dictionaries::compiled_in().to_bundle();
        let current = std::fs::read(&path).ok().and_then(|b| Dictionaries::from_bundle(&b).ok());
        // The file is rewritten only when it does not already hold the frozen dictionaries, so a
        // release never renames or re-encodes it needlessly.
        if current.as_ref() != Some(Dictionaries::compiled_in()) {
            std::fs::write(&path, &bundle).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (write it with UPDATE_EXPECT=1)"));
    assert_eq!(Dictionaries::from_bundle(&bytes).as_ref(), Ok(Dictionaries::compiled_in()));
}
