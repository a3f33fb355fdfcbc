//! The CLI contract: `analyze --json FILE`, `analyze --jsonl` batch, and clear errors for bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-explorer"))
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let mut child = cli()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cli starts");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    child.wait_with_output().expect("cli ends")
}

const ARTICLE: &str = "Oslo’s harbour chief Lena Ross said the port was shut. “It is closed,” said Ross.\n";

#[test]
fn json_has_the_contract_fields_with_code_point_offsets() {
    let out = run_with_stdin(&["analyze", "--json", "-"], ARTICLE.as_bytes());
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["schema_version"], 1);
    for key in ["entities", "claims", "sides", "diagnostics"] {
        assert!(v[key].is_array(), "{key} is an array");
    }
    let chars: Vec<char> = ARTICLE.chars().collect();
    let slice = |s: &serde_json::Value| -> String {
        chars[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize].iter().collect()
    };
    let entities = v["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| e["text"] == "Lena Ross" && e["kind"] == "PERSON"));
    for e in entities {
        assert_eq!(slice(e), e["text"].as_str().unwrap(), "entity offsets are code points");
        assert!(e["cluster"].is_string());
    }
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    for c in claims {
        assert_eq!(slice(c), c["text"].as_str().unwrap(), "claim offsets are code points");
        assert!(["direct", "indirect", "according_to"].contains(&c["kind"].as_str().unwrap()));
        let speaker = &c["speaker"];
        assert_eq!(slice(speaker), speaker["text"].as_str().unwrap());
        assert!(speaker["name"].as_str().unwrap().contains("Ross"));
        assert_eq!(slice(&c["cue"]), c["cue"]["text"].as_str().unwrap());
        assert!(c["confidence"].is_number());
    }
    // The curly quotes before “It” are multi-byte: a byte offset would point elsewhere.
    assert_eq!(claims[1]["kind"], "direct");
}

#[test]
fn json_reads_a_file() {
    let path = std::env::temp_dir().join(format!("ae-cli-{}.txt", std::process::id()));
    std::fs::write(&path, ARTICLE).unwrap();
    let out = cli().args(["analyze", "--json", path.to_str().unwrap()]).output().unwrap();
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["claims"].as_array().unwrap().len(), 2);
}

#[test]
fn missing_file_and_invalid_utf8_fail_clearly() {
    let out = cli().args(["analyze", "--json", "/no/such/article.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/article.txt"));
    assert!(out.stdout.is_empty());

    let out = run_with_stdin(&["analyze", "--json", "-"], b"Baku \xff\xfe says");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));

    let out = cli().args(["analyze", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("USAGE"));
}

#[test]
fn jsonl_keeps_ids_and_order_and_survives_a_bad_line() {
    let mut input = String::new();
    for i in 0..600 {
        input.push_str(
            &serde_json::json!({"id": format!("a{i}"), "text": format!("Article {i}. Oslo says the port is shut.")})
                .to_string(),
        );
        input.push('\n');
        if i == 300 {
            input.push_str("{not json\n");
        }
    }
    let out = run_with_stdin(&["analyze", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line makes the exit status non-zero");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 302"), "the bad line is named: {stderr}");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 600, "no good line is lost");
    for (i, v) in lines.iter().enumerate() {
        assert_eq!(v["id"], format!("a{i}"), "output keeps input order");
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["claims"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn text_dump_marks_the_article() {
    let out = run_with_stdin(&["analyze", "-"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let dump = String::from_utf8(out.stdout).unwrap();
    assert!(dump.contains("[[PERSON Lena Ross]]"), "{dump}");
    assert!(dump.contains("== claims"));
}

/// The trawler pair of `eval/compare/` (issue 18).
fn pair_files() -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/compare/trawler");
    let path = |f: &str| dir.join(f).to_string_lossy().into_owned();
    (path("a_santiago.txt"), path("b_buenos_aires.txt"))
}

#[test]
fn compare_json_carries_both_analyses_and_the_comparison_in_code_points() {
    let (a, b) = pair_files();
    let out = cli().args(["compare", "--json", &a, &b]).output().unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["schema_version"], 1);
    for (key, file) in [("a", &a), ("b", &b)] {
        let alone = cli().args(["analyze", "--json", file]).output().unwrap();
        let alone: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
        assert_eq!(v[key], alone, "{key} is exactly what analyze --json prints");
    }
    let camps = v["camps"].as_array().unwrap();
    let chile = camps.iter().find(|c| c["name"] == "Chile").expect("a camp named Chile");
    assert!(!chile["a"].as_array().unwrap().is_empty() && !chile["b"].as_array().unwrap().is_empty());
    assert_eq!(chile["voice"]["a"]["speaks_first"], true);
    assert!(camps
        .iter()
        .any(|c| c["name"] == "Uruguay" && c["b"].as_array().unwrap().is_empty() && c["voice"]["b"].is_null()));
    // Chile's charge, Argentina's "fishing in international waters" and its demand for the crew's
    // release (B's "said A, and demanded B" is two claims; A's one claim says both).
    assert_eq!(v["in_both"].as_array().unwrap().len(), 3);
    // The claims' offsets are code points into their own article ("Brígida", "Malvín" are multi-byte).
    for (key, file) in [("only_in_a", &a), ("only_in_b", &b)] {
        let text: Vec<char> = std::fs::read_to_string(file).unwrap().chars().collect();
        let list = v[key].as_array().unwrap();
        assert!(list.len() >= 8, "{key}: {}", list.len());
        for o in list {
            let (start, end) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
            assert_eq!(text[start..end].iter().collect::<String>(), o["text"].as_str().unwrap());
            assert!(o["confidence"].as_f64().unwrap() > 0.0 && !o["evidence"].as_array().unwrap().is_empty());
        }
    }
    let out = cli().args(["compare", &a, &b]).output().unwrap();
    let dump = String::from_utf8(out.stdout).unwrap();
    assert!(dump.contains("== only in A") && dump.contains("== camps"), "{dump}");
}

#[test]
fn compare_reads_one_article_from_stdin_and_fails_clearly() {
    let (a, b) = pair_files();
    let out = run_with_stdin(&["compare", "--json", &a, "-"], std::fs::read(&b).unwrap().as_slice());
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));

    let out = cli().args(["compare", "--json", &a, "/no/such/report.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("article B: cannot read /no/such/report.txt"), "{stderr}");
    assert!(out.stdout.is_empty());

    let out = run_with_stdin(&["compare", "-", &b], b"Baku \xff says");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("article A: standard input is not valid UTF-8"));

    for args in
        [vec!["compare", &a], vec!["compare", "--json", &a], vec!["compare", "-", "-"], vec!["compare", &a, &b, &b]]
    {
        let out = cli().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("error: compare") && stderr.contains("USAGE"), "{args:?}: {stderr}");
    }
}
