//! The share links' preset dictionaries in the page, a lazily loaded resource: the first highlight
//! never needs them, so they are fetched (one same-origin file, `share::BUNDLE_FILE`, beside the
//! page) the first time a link is opened or made, or the reader points at the Share button, and
//! kept for the page's life. A failed fetch is remembered as a message; the next request tries again.

use crate::share::{Dictionaries, BUNDLE_FILE};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    // Where the dictionaries come from: what the next load reads instead of fetching, when set.
    static GIVEN_FILE: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// Gives the page the dictionaries file's bytes instead of letting it fetch them (`None`: fetch,
/// the default). For a host that serves the page without the file, and for the in-browser tests,
/// which have no server for it. The bytes are checked like fetched ones.
pub fn give_link_dictionaries_file(bundle: Option<Vec<u8>>) {
    GIVEN_FILE.with(|given| *given.borrow_mut() = bundle);
}

/// Where the dictionaries stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not asked for yet (the page that only highlights never asks).
    NotLoaded,
    /// Being fetched.
    Loading,
    /// Here, and checked against the frozen fingerprints.
    Ready,
    /// The last attempt failed: why, in plain words.
    Failed(String),
}

/// What a caller waiting for the dictionaries gets.
pub type Loaded = Result<Rc<Dictionaries>, String>;

type Waiting = Vec<Box<dyn FnOnce(Loaded)>>;

/// The lazily loaded dictionaries, `Copy` (shared through the context like `UiState`).
#[derive(Clone, Copy)]
pub struct LinkDictionaries {
    /// Where they stand, for the page to show.
    pub status: RwSignal<Status>,
    /// The dictionaries once here.
    loaded: StoredValue<Option<Rc<Dictionaries>>, LocalStorage>,
    /// Who waits for the load in progress.
    waiting: StoredValue<Waiting, LocalStorage>,
}

impl LinkDictionaries {
    /// Nothing loaded yet; provided as context.
    pub fn provide() -> LinkDictionaries {
        let this = LinkDictionaries {
            status: RwSignal::new(Status::NotLoaded),
            loaded: StoredValue::new_local(None),
            waiting: StoredValue::new_local(Vec::new()),
        };
        provide_context(this);
        this
    }

    /// The page's dictionaries (from the context).
    pub fn get() -> LinkDictionaries {
        expect_context::<LinkDictionaries>()
    }

    /// The dictionaries, when already here.
    pub fn ready(self) -> Option<Rc<Dictionaries>> {
        self.loaded.get_value()
    }

    /// Starts loading them unless they are here or on their way (the reader is about to ask).
    pub fn prefetch(self) {
        if self.ready().is_none() && self.status.get_untracked() != Status::Loading {
            self.load();
        }
    }

    /// Calls `then` with the dictionaries: at once when they are here, else when a load ends
    /// (starting one unless one is on its way), with why not when it failed.
    pub fn with(self, then: impl FnOnce(Loaded) + 'static) {
        if let Some(dictionaries) = self.ready() {
            then(Ok(dictionaries));
            return;
        }
        self.waiting.update_value(|w| w.push(Box::new(then)));
        if self.status.get_untracked() != Status::Loading {
            self.load();
        }
    }

    fn load(self) {
        self.status.set(Status::Loading);
        spawn_local(async move {
            let result = match GIVEN_FILE.with(|given| given.borrow().clone()) {
                Some(bytes) => Ok(bytes),
                None => fetch_bytes(BUNDLE_FILE).await,
            }
            .and_then(|bytes| Dictionaries::from_bundle(&bytes).map_err(|e| e.to_string()))
            .map(Rc::new);
            match &result {
                Ok(dictionaries) => {
                    self.loaded.set_value(Some(dictionaries.clone()));
                    self.status.set(Status::Ready);
                }
                Err(why) => self.status.set(Status::Failed(why.clone())),
            }
            let waiting = std::mem::take(&mut *self.waiting.write_value());
            for then in waiting {
                then(result.clone());
            }
        });
    }
}

/// The bytes of `url` (relative to the page), or why not in plain words.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let unreachable = "the page could not fetch the file that links are decoded with (is the connection down?)";
    let response = JsFuture::from(window().fetch_with_str(url)).await.map_err(|_| unreachable.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreachable.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server did not send the file that links are decoded with (HTTP {})",
            response.status()
        ));
    }
    let buffer = response.array_buffer().map_err(|_| unreachable.to_string())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| unreachable.to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
