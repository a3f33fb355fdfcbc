//! Offline and installable: `<OfflineStatus/>` registers the service worker (`sw.js`, beside the
//! page; it caches the site's own files under a name versioned by the build) and says when the page
//! works offline. Only a page built with its manifest (`index.html`) registers it, so the test
//! harness and other hosts of the component never do.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Registers `sw.js` (relative to the page, so its scope is the site's sub-path) and checks it
/// for a new release (which then takes over and replaces the cache); true once a worker is active.
async fn register() -> bool {
    let navigator = window().navigator();
    // Absent on insecure origins: calling into it would throw.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return false;
    }
    let workers = navigator.service_worker();
    let Ok(registration) = JsFuture::from(workers.register("sw.js")).await else { return false };
    // Ask for a new release now: the browser's own check may come later than this visit.
    if let Ok(update) = registration.unchecked_into::<web_sys::ServiceWorkerRegistration>().update() {
        let _ = JsFuture::from(update).await;
    }
    match workers.ready() {
        Ok(ready) => JsFuture::from(ready).await.is_ok(),
        Err(_) => false,
    }
}

/// A note in the footer once the page works offline.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let ready = RwSignal::new(false);
    let built_site = document().query_selector("link[rel=\"manifest\"]").ok().flatten().is_some();
    if built_site {
        spawn_local(async move { ready.set(register().await) });
    }
    view! {
        <span class="offline-status" data-testid="offline-status" data-ready=move || ready.get().to_string()>
            {move || ready.get().then_some(" Works offline: this page and its analysis are saved in your browser.")}
        </span>
    }
}
