//! The adversarial corpus: text a reader might paste that no article looks like. Every case must
//! analyse without a panic, keep the span invariants, and stay linear in the text's length.

use article_explorer::analysis::markup;
use article_explorer::analyze;
use std::time::Instant;

fn cases() -> Vec<(&'static str, String)> {
    let mut long_sentence = String::new();
    while long_sentence.len() < 100_000 {
        long_sentence.push_str("and the minister said that the road ");
    }
    vec![
        ("empty", String::new()),
        ("whitespace_only", " \n\n\t \r\n ".to_string()),
        ("one_huge_token", "a".repeat(100_000)),
        ("ten_thousand_quotes", "\"".repeat(10_000)),
        ("ten_thousand_curly_quotes", "“ ” ‘ ’ ".repeat(2_500)),
        ("one_100k_sentence", long_sentence),
        (
            "crlf_and_lone_cr",
            "Baku says the road is open.\r\n\r\n“It is,” said Hajiyev.\rYerevan denies it.\r".to_string(),
        ),
        ("nul_and_controls", "Baku\0 says\u{1} the \u{7}road\u{1b}[31m is open.\u{0}".to_string()),
        ("right_to_left", "قال المتحدث إن الطريق مفتوح. \u{202E}Baku says it is open.\u{202C} אמר הדובר".to_string()),
        ("armenian", "Երևանը հայտարարում է, որ Բաքուն փակել է ճանապարհը։ «Ճանապարհը փակ է», ասաց նա։".to_string()),
        ("azerbaijani_latin", "Bakı bildirir ki, yol açıqdır. “Yol açıqdır,” dedi Hikmət Hacıyev.".to_string()),
        ("azerbaijani_cyrillic", "Бакы билдирир ки, јол ачыгдыр. «Јол ачыгдыр», деди о.".to_string()),
        ("emoji_zwj_combining", "👩‍👩‍👧‍👦 says 🇦🇲 e\u{301}\u{302}\u{303} “ok” said Zoë. 🏳️‍🌈".to_string()),
        (
            "html_and_script",
            "<script>alert('x')</script><img src=x onerror=alert(1)> “<b>bold</b>,” said <i>Mr. X</i>.".to_string(),
        ),
        ("only_numbers", "1 2 3 4.5 6,000 2020 1999 31 12 ".repeat(200)),
        ("unbalanced_everything", "“(“[‘«“ said he said she said « » ” ) ] ’".repeat(300)),
        ("many_cues", "He said she said they said. ".repeat(3_000)),
        ("many_names", "Ilham Aliyev met Nikol Pashinyan in Brussels. ".repeat(2_000)),
    ]
}

#[test]
fn every_adversarial_case_analyses_sanely() {
    for (name, text) in cases() {
        let analysis = analyze(&text);
        let rebuilt: String = markup::segments(&text, &analysis).iter().map(|s| s.span.slice(&text)).collect();
        assert_eq!(rebuilt, text, "case {name}: segments must reassemble the text");
        for e in &analysis.entities {
            assert!(
                text.is_char_boundary(e.span.start as usize) && text.is_char_boundary(e.span.end as usize),
                "case {name}"
            );
        }
        for c in &analysis.claims {
            assert!(c.span.end as usize <= text.len() && c.span.start <= c.span.end, "case {name}");
        }
        // The JSON contract and the dump must not fail either.
        let json = serde_json::to_string(&article_explorer::contract::to_json(&text, &analysis)).expect("serialises");
        assert!(json.starts_with('{'), "case {name}");
        let _ = markup::dump(&text, &analysis);
    }
}

#[test]
fn empty_text_says_so() {
    let analysis = analyze("   ");
    assert!(analysis.diagnostics.iter().any(|d| d.message.contains("empty")));
    assert!(analysis.claims.is_empty() && analysis.entities.is_empty());
}

/// Cost grows linearly: analysing 8 times the text takes far less than 64 times as long.
/// A relative check (not a time budget): quadratic behaviour would show as a ratio near 64.
#[test]
fn cost_grows_linearly() {
    let unit = "“The road is open,” said Hikmet Hajiyev, Aliyev’s adviser. Yerevan says Baku is wrong, while \
                Baku says it is right. \"Nobody can use it,\" he added. According to officials, 2,000 troops stay. ";
    for (name, piece) in [
        ("article", unit.to_string()),
        ("quotes", "\" ".repeat(40)),
        ("one_sentence", "and he said that the road ".repeat(8)),
    ] {
        let small = piece.repeat(250);
        let large = piece.repeat(2_000);
        let time = |t: &str| {
            let start = Instant::now();
            std::hint::black_box(analyze(t));
            start.elapsed().as_secs_f64()
        };
        time(&small); // warm up the lexicon
                      // The smallest of five ratios, each of two runs made back to back: a busy machine slows
                      // both runs of a pair alike, and never speeds one up.
        let ratio = (0..5).map(|_| time(&large) / time(&small).max(1e-6)).fold(f64::INFINITY, f64::min);
        assert!(ratio < 24.0, "case {name}: 8x the text took {ratio:.1}x the time");
    }
}
