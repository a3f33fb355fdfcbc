//! Fuzz target: any fragment decodes to a state or an error, never a panic or a hang; any text
//! round-trips through a link.
#![no_main]

use article_explorer::share::{decode, encode, Link, SharedState, ViewState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let _ = decode(&fragment);
    for prefix in ["v1.", "v2.", "v3.", "v2a."] {
        let _ = decode(&format!("{prefix}{fragment}"));
    }
    let state = SharedState { text: fragment.to_string(), analyzer: "fuzz".into(), view: ViewState::default() };
    assert_eq!(decode(&encode(&state)), Ok(Some(Link::Full(state))));
});
