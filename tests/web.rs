//! Owns the in-browser (wasm-bindgen-test, headless Chromium) tests of the Leptos UI.
//
// Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features ui --test web
// (scripts/test.sh does). Each test mounts `article_explorer::ui::App` into its own fresh <div>
// and talks to it only through the DOM and the `data-testid` contract.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The link dictionaries file the page fetches (`share::BUNDLE_FILE`): the test runner serves no
/// such file, so the tests that open or make full links give it to the page.
const DICTIONARIES_FILE: &[u8] = include_bytes!("../assets/lazy/link-dictionaries-v2-v3.lzma");

/// An article of our own (not the demo): two named people, each reported as saying something.
const OWN_ARTICLE: &str = "Maria Santos, the port director, said the new ferry terminal in Lisbon \
would double the number of passengers. Opposition councillor João Pereira said the project was \
two years late and 40 million euros over budget.";

fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Resolves after `ms` milliseconds (a macrotask), so Leptos' scheduled effects have run.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// Polls `cond` every 20 ms until it holds or `limit` passes; on time-out panics with `what`
/// and the start of the mounted HTML, so a failure shows what the page had instead.
async fn wait_for(app: &Mounted, what: &str, limit: Duration, mut cond: impl FnMut() -> bool) {
    let mut waited = 0u128;
    while !cond() {
        if waited >= limit.as_millis() {
            let html: String = app.root.inner_html().chars().take(1500).collect();
            panic!("timed out after {limit:?} waiting for {what}; the app shows:\n{html}");
        }
        sleep(20).await;
        waited += 20;
    }
}

/// A mounted App inside its own container, removed from the page on drop.
struct Mounted {
    root: HtmlElement,
}

impl Mounted {
    /// Mounts the app as a first-time visitor (no saved text) who opened the page with
    /// `fragment` ("" for none). The test runner's own page URL carries a fragment, so it is
    /// always replaced first.
    async fn with_fragment(fragment: &str) -> Self {
        Self::with_saved_text_and_fragment(None, fragment).await
    }

    /// Mounts the app for a visitor whose browser holds `saved` (None: nothing) and who opened
    /// the page with `fragment`.
    async fn with_saved_text_and_fragment(saved: Option<&str>, fragment: &str) -> Self {
        let window = web_sys::window().expect("window");
        if let Ok(Some(storage)) = window.local_storage() {
            storage.clear().expect("localStorage.clear");
            if let Some(text) = saved {
                storage.set_item("article-explorer.text", text).expect("localStorage.setItem");
            }
        }
        let location = window.location();
        let url =
            format!("{}{}{}", location.pathname().expect("pathname"), location.search().expect("search"), fragment);
        window
            .history()
            .expect("history")
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .expect("replaceState");
        let root: HtmlElement = document().create_element("div").expect("div").unchecked_into();
        document().body().expect("body").append_child(&root).expect("append");
        // Keep the app mounted for the rest of the test: dropping the handle would unmount it.
        std::mem::forget(leptos::mount::mount_to(root.clone(), article_explorer::ui::App));
        sleep(0).await;
        Mounted { root }
    }

    async fn new() -> Self {
        Self::with_fragment("").await
    }

    fn all(&self, testid: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(&format!("[data-testid=\"{testid}\"]")).expect("selector");
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    fn one(&self, testid: &str) -> Element {
        self.root
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .expect("selector")
            .unwrap_or_else(|| panic!("no [data-testid=\"{testid}\"] in the mounted app"))
    }

    fn view_text(&self) -> String {
        self.one("article-view").text_content().unwrap_or_default()
    }

    fn marks_in_view(&self, testid: &str) -> Vec<Element> {
        let list =
            self.one("article-view").query_selector_all(&format!("[data-testid=\"{testid}\"]")).expect("selector");
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    /// Sets the textarea's value as a user would and fires the `input` event the app listens to.
    fn type_article(&self, text: &str) {
        let input: HtmlTextAreaElement = self.one("article-input").dyn_into().expect("article-input is a <textarea>");
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict("input", &init).expect("event");
        input.dispatch_event(&event).expect("dispatch");
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
async fn demo_article_is_highlighted_on_load() {
    let app = Mounted::new().await;
    wait_for(&app, "entity and claim marks of the demo", Duration::from_secs(5), || {
        app.marks_in_view("entity").len() >= 5 && !app.marks_in_view("claim").is_empty()
    })
    .await;

    let entities = app.marks_in_view("entity");
    let claims = app.marks_in_view("claim");
    assert!(entities.len() >= 5, "expected several entity marks in the demo, got {}", entities.len());
    assert!(!claims.is_empty(), "expected claim marks in the demo");
    for mark in &entities {
        assert_eq!(mark.tag_name().to_ascii_lowercase(), "mark", "entity marks are <mark> elements");
        let kind = mark.get_attribute("data-kind").unwrap_or_default();
        assert!(["PERSON", "ORG", "PLACE", "DATE", "NUMBER"].contains(&kind.as_str()), "unexpected data-kind {kind:?}");
    }
    assert!(
        entities.iter().any(|m| m.get_attribute("data-kind").as_deref() == Some("PERSON")),
        "the demo names people"
    );
    for claim in &claims {
        assert!(claim.get_attribute("data-claim").is_some(), "claim elements carry data-claim");
    }

    let demo_start = normalise(article_explorer::DEMO_ARTICLE.lines().next().unwrap_or_default());
    assert!(normalise(&app.view_text()).contains(&demo_start), "the view shows the demo article");
}

#[wasm_bindgen_test]
async fn typing_a_new_article_re_highlights_the_view() {
    let app = Mounted::new().await;
    wait_for(&app, "the demo to render", Duration::from_secs(5), || !app.marks_in_view("entity").is_empty()).await;

    app.type_article(OWN_ARTICLE);
    wait_for(&app, "the view to show the typed article", Duration::from_secs(5), || {
        normalise(&app.view_text()) == normalise(OWN_ARTICLE)
    })
    .await;

    let people: Vec<String> = app
        .marks_in_view("entity")
        .iter()
        .filter(|m| m.get_attribute("data-kind").as_deref() == Some("PERSON"))
        .map(|m| normalise(&m.text_content().unwrap_or_default()))
        .collect();
    assert!(people.iter().any(|p| p == "Maria Santos"), "Maria Santos is marked as a person: {people:?}");
    assert!(people.iter().any(|p| p.ends_with("Pereira")), "(João) Pereira is marked as a person: {people:?}");

    let claim_ids: std::collections::BTreeSet<String> =
        app.marks_in_view("claim").iter().filter_map(|c| c.get_attribute("data-claim")).collect();
    assert!(claim_ids.len() >= 2, "both reported statements are claims, got {claim_ids:?}");

    let count = app.one("word-count").text_content().unwrap_or_default();
    let words = OWN_ARTICLE.split_whitespace().count().to_string();
    assert!(count.contains(&words), "word count {count:?} shows {words}");
}

#[wasm_bindgen_test]
async fn clearing_empties_the_view_and_demo_button_restores_it() {
    let app = Mounted::new().await;
    wait_for(&app, "the demo to render", Duration::from_secs(5), || !app.marks_in_view("entity").is_empty()).await;

    let clear: HtmlElement = app.one("clear-button").dyn_into().expect("button");
    clear.click();
    wait_for(&app, "the view to empty", Duration::from_secs(5), || app.marks_in_view("entity").is_empty()).await;
    let input: HtmlTextAreaElement = app.one("article-input").dyn_into().expect("textarea");
    assert_eq!(input.value(), "", "clear empties the textarea");

    let demo: HtmlElement = app.one("demo-button").dyn_into().expect("button");
    demo.click();
    wait_for(&app, "the demo to come back", Duration::from_secs(5), || !app.marks_in_view("entity").is_empty()).await;
    assert!(!app.marks_in_view("claim").is_empty());
}

#[wasm_bindgen_test]
async fn a_broken_link_shows_an_error_and_the_app_still_works() {
    let app = Mounted::with_fragment("#v9.xyz").await;
    wait_for(&app, "the link error", Duration::from_secs(5), || !app.all("link-error").is_empty()).await;
    let message = app.one("link-error").text_content().unwrap_or_default();
    assert!(message.trim().len() > 20, "the error explains the problem: {message:?}");

    app.type_article(OWN_ARTICLE);
    wait_for(&app, "marks in the typed article", Duration::from_secs(5), || {
        !app.marks_in_view("entity").is_empty() && !app.marks_in_view("claim").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_share_link_round_trips_through_the_fragment() {
    article_explorer::ui::give_link_dictionaries_file(Some(DICTIONARIES_FILE.to_vec()));
    let app = Mounted::new().await;
    wait_for(&app, "the demo to render", Duration::from_secs(5), || !app.marks_in_view("entity").is_empty()).await;
    app.type_article(OWN_ARTICLE);
    wait_for(&app, "the typed article", Duration::from_secs(5), || {
        normalise(&app.view_text()) == normalise(OWN_ARTICLE)
    })
    .await;
    let entities = app.marks_in_view("entity").len();

    let share: HtmlElement = app.one("share-button").dyn_into().expect("button");
    share.click();
    wait_for(&app, "the share link", Duration::from_secs(5), || !app.all("share-link").is_empty()).await;
    let link: web_sys::HtmlInputElement = app.one("share-link").dyn_into().expect("share-link is an <input>");
    let url = link.value();
    let fragment = &url[url.find('#').expect("the link has a fragment")..];
    let version = fragment.trim_start_matches("#v").split('.').next().unwrap_or_default();
    assert!(
        !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) && fragment.len() > version.len() + 3,
        "share link fragment is #v<N>.<data>: {fragment:?}"
    );
    assert_eq!(
        web_sys::window().expect("window").location().hash().expect("hash"),
        fragment,
        "the page URL's fragment is the link's"
    );
    drop(app);

    // A second app opened at that link shows the same article, marked the same way.
    let reopened = Mounted::with_fragment(fragment).await;
    wait_for(&reopened, "the shared article", Duration::from_secs(5), || {
        normalise(&reopened.view_text()) == normalise(OWN_ARTICLE)
    })
    .await;
    assert_eq!(reopened.marks_in_view("entity").len(), entities);
    assert!(reopened.all("link-error").is_empty(), "a good link shows no error");
}

#[wasm_bindgen_test]
async fn a_link_whose_dictionaries_cannot_be_had_says_so_keeps_the_saved_text_and_can_try_again() {
    // A v3 link made by an earlier version (tests/link_fixtures.rs decodes it too).
    let link = include_str!("fixtures/links/v3.txt").trim();
    let shared_article = include_str!("fixtures/links/article.txt");
    // No file given: the page fetches it from the test runner, which does not serve it.
    article_explorer::ui::give_link_dictionaries_file(None);
    let app = Mounted::with_saved_text_and_fragment(Some(OWN_ARTICLE), &format!("#{link}")).await;
    wait_for(&app, "the failed fetch", Duration::from_secs(10), || !app.all("link-fetch-error").is_empty()).await;
    let message = app.one("link-fetch-error").text_content().unwrap_or_default();
    assert!(message.contains("could not be opened yet") && message.contains("Your own text"), "{message:?}");
    assert!(app.all("link-arriving").is_empty(), "no longer waiting");
    wait_for(&app, "the saved text, analysed", Duration::from_secs(5), || {
        normalise(&app.view_text()) == normalise(OWN_ARTICLE) && !app.marks_in_view("entity").is_empty()
    })
    .await;
    let storage = web_sys::window().expect("window").local_storage().expect("storage").expect("storage");
    assert_eq!(
        storage.get_item("article-explorer.text").expect("getItem").as_deref(),
        Some(OWN_ARTICLE),
        "still saved"
    );

    // The file comes back (the connection, say): Try again opens the link, the saved text kept aside.
    article_explorer::ui::give_link_dictionaries_file(Some(DICTIONARIES_FILE.to_vec()));
    let retry: HtmlElement = app.one("link-retry").dyn_into().expect("button");
    retry.click();
    wait_for(&app, "the shared article", Duration::from_secs(10), || {
        normalise(&app.view_text()) == normalise(shared_article)
    })
    .await;
    assert!(app.all("link-fetch-error").is_empty(), "the error is gone");
    assert!(!app.all("kept-text").is_empty(), "the reader's own text is offered back");
    assert_eq!(
        storage.get_item("article-explorer.text").expect("getItem").as_deref(),
        Some(OWN_ARTICLE),
        "and stays saved"
    );
}

#[wasm_bindgen_test]
async fn the_share_button_refuses_a_file_that_is_not_the_frozen_dictionaries() {
    // A file that is not the dictionaries: were it read, the Share button would fail.
    article_explorer::ui::give_link_dictionaries_file(Some(b"not the dictionaries".to_vec()));
    let app = Mounted::new().await;
    wait_for(&app, "the demo to render", Duration::from_secs(5), || !app.marks_in_view("entity").is_empty()).await;
    assert!(app.all("link-arriving").is_empty() && app.all("link-fetch-error").is_empty());
    let share: HtmlElement = app.one("share-button").dyn_into().expect("button");
    share.click();
    wait_for(&app, "the refusal", Duration::from_secs(5), || {
        app.one("share-feedback").text_content().unwrap_or_default().contains("could not be made")
    })
    .await;
    assert!(app.all("share-link").is_empty(), "no link from the wrong dictionaries");
}
