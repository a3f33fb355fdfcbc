//! Golden tests: every `tests/golden/NAME.txt` article is analysed and its readable marked-up
//! dump compared with `NAME.expected`. Bless changes with `UPDATE_EXPECT=1 cargo test --test golden`
//! and review the diff like code.

use article_explorer::analysis::markup;
use std::path::Path;

#[test]
fn golden_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "golden articles missing");
    // The demo article is a golden case too: what the page shows first must not drift unseen.
    let demo = ("000-demo-article".to_string(), article_explorer::DEMO_ARTICLE.to_string());
    let cases = std::iter::once(demo).chain(inputs.iter().map(|p| {
        (
            p.file_stem().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(p).expect("readable golden input"),
        )
    }));
    for (name, text) in cases {
        let analysis = article_explorer::analyze(&text);
        let dump = markup::dump(&text, &analysis);
        expect_test::expect_file![dir.join(format!("{name}.expected"))].assert_eq(&dump);
    }
}
