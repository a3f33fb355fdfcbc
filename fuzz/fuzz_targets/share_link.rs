//! Fuzz target: any fragment decodes to a state or an error, never a panic or a hang, in every
//! link format; any text round-trips through a (fast) v2 link. The v3 encoder builds its match
//! finder over a 250 KB dictionary on every call, too slow to fuzz: proptest covers its round trip.
#![no_main]

use article_explorer::share::{decode, encode_v2, Link, SharedState, ViewState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let _ = decode(&fragment);
    for prefix in ["v1.", "v2.", "v3.", "v2a."] {
        let _ = decode(&format!("{prefix}{fragment}"));
    }
    let state =
        SharedState { text: fragment.to_string(), analyzer: "fuzz".into(), view: ViewState::default(), anchors: None };
    assert_eq!(decode(&encode_v2(&state)), Ok(Some(Link::Full(state))));
});
