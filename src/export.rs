//! Exports of an analysis for readers: a self-contained HTML page of the highlighted article
//! (opens offline, no script), a Markdown summary of the claims by side, and the claims as CSV for
//! spreadsheets. The JSON export is the CLI's contract ([`crate::contract`]).

use crate::analysis::markup::{segments, Mark};
use crate::analysis::{Analysis, SideRole};
use crate::drawing::{mark_look, side_class, side_name, speaker_name};

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A self-contained HTML page of the highlighted article, with `stylesheet` inlined (the page
/// passes its own, read from its document, so the wasm carries no second copy of it) and a table
/// of claims by side. It contains no script.
pub fn to_html(text: &str, analysis: &Analysis, title: &str, stylesheet: &str) -> String {
    let mut body = String::new();
    for seg in segments(text, analysis) {
        let mut open = String::new();
        let mut close = String::new();
        for &mark in &seg.marks {
            let look = mark_look(analysis, mark, seg.starts.contains(&mark));
            let data = match mark {
                Mark::Entity(id) => format!(" data-kind=\"{}\"", analysis.entity(id).kind.label()),
                Mark::Claim(id) => format!(" data-speaker=\"{}\"", escape_html(speaker_name(analysis.claim(id)))),
                Mark::Speaker(_) | Mark::Cue(_) | Mark::Assertion(_) => String::new(),
            };
            open.push_str(&format!("<{} class=\"{}\"{data}>", look.tag, look.class));
            close.insert_str(0, &format!("</{}>", look.tag));
        }
        body.push_str(&open);
        body.push_str(&escape_html(seg.span.slice(text)));
        body.push_str(&close);
    }
    let mut table = String::from("<table class=\"claims-table\"><thead><tr><th>Side</th><th>Speaker</th><th>Kind</th><th>Claim</th></tr></thead><tbody>");
    for c in &analysis.claims {
        table.push_str(&format!(
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            side_class(analysis, c.side),
            escape_html(&side_name(analysis, c)),
            escape_html(speaker_name(c)),
            c.kind.label(),
            escape_html(c.span.slice(text))
        ));
    }
    table.push_str("</tbody></table>");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{}\n.claims-table{{border-collapse:collapse;margin-top:1rem;font-size:.9rem}}.claims-table td,.claims-table th{{border:1px solid var(--border);padding:.3rem .5rem;text-align:left;vertical-align:top}}</style></head>\
         <body><main class=\"export\"><h1>{}</h1><p class=\"tagline\">Exported from Article Explorer {}.</p><article class=\"article-view\">{}</article>{}</main></body></html>\n",
        escape_html(title),
        // Nothing in a stylesheet may close the style element early.
        stylesheet.replace("</", "<\\/"),
        escape_html(title),
        crate::analysis::ANALYZER_VERSION,
        body,
        table
    )
}

/// A Markdown summary: the sides, then each side's claims with speakers, then unaligned claims.
pub fn to_markdown(text: &str, analysis: &Analysis, title: &str) -> String {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let claim_line = |out: &mut String, c: &crate::analysis::Claim| {
        out.push_str(&format!(
            "- **{}** ({}): {}\n",
            one_line(speaker_name(c)),
            c.kind.label(),
            one_line(c.span.slice(text))
        ));
    };
    let mut out = format!(
        "# {}\n\nClaims by side, from Article Explorer {}.\n",
        one_line(title),
        crate::analysis::ANALYZER_VERSION
    );
    for (i, side) in analysis.sides.iter().enumerate() {
        let claims: Vec<_> = analysis.claims.iter().filter(|c| c.side.is_some_and(|s| s.0 as usize == i)).collect();
        if claims.is_empty() && side.role == SideRole::ThirdParty {
            continue;
        }
        let role = if side.role == SideRole::Party { "party" } else { "third party" };
        out.push_str(&format!("\n## {} ({role}, {} claims)\n\n", one_line(&side.name), claims.len()));
        claims.iter().for_each(|c| claim_line(&mut out, c));
    }
    let unaligned: Vec<_> = analysis.claims.iter().filter(|c| c.side.is_none()).collect();
    if !unaligned.is_empty() {
        out.push_str(&format!("\n## Not tied to a side ({} claims)\n\n", unaligned.len()));
        unaligned.iter().for_each(|c| claim_line(&mut out, c));
    }
    out
}

/// The CSV export's header row.
pub const CSV_HEADER: [&str; 7] = ["speaker", "side", "kind", "cue", "text", "start", "end"];

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
/// doubled. A text field starting with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a
/// leading apostrophe, so that a spreadsheet shows it as text and never runs it as a formula.
pub fn csv_field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The claims as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), one row per claim in
/// text order: speaker, side, kind, cue, text, and the claim's start and end as Unicode code points
/// (end exclusive), as in the JSON contract. Starts with a byte-order mark, so that spreadsheet
/// programs read it as UTF-8.
pub fn to_csv(text: &str, analysis: &Analysis) -> String {
    let cp = crate::contract::CodePoints::new(text);
    let mut out = String::from("\u{FEFF}");
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    for c in &analysis.claims {
        let row = [
            csv_field(speaker_name(c)),
            csv_field(&side_name(analysis, c)),
            c.kind.label().to_string(),
            csv_field(c.cue.map_or("", |cue| cue.slice(text))),
            csv_field(c.span.slice(text)),
            cp.of(c.span.start).to_string(),
            cp.of(c.span.end).to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_export_escapes_pasted_markup_and_has_no_script() {
        let text = "<script>alert(1)</script> “<b>Open</b>,” said Maria Lopez.";
        let html = to_html(text, &crate::analyze(text), "A <title>", ".claim{color:red}</STYLE><i>");
        assert!(!html.contains("<script"), "pasted script must be escaped");
        assert!(!html.contains("<b>"), "pasted markup must be escaped");
        assert!(html.contains("alert(1)") && html.contains("&lt;"));
        assert!(html.contains("<title>A &lt;title&gt;</title>"));
        assert!(html.contains("class=\"claim"));
        assert!(html.contains("<style>.claim{color:red}<\\/STYLE><i>"), "the stylesheet is inlined, closing nothing");
    }

    #[test]
    fn markdown_lists_claims_by_side() {
        let text = "Oslo says the port is shut, while Bergen says it is open.";
        let md = to_markdown(text, &crate::analyze(text), "Ports");
        assert!(md.starts_with("# Ports"));
        assert!(md.contains("the port is shut"));
        assert!(md.contains("it is open"));
    }

    #[test]
    fn csv_fields_by_table() {
        let table = [
            ("plain", "plain"),
            ("", ""),
            ("a, b", "\"a, b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+1 555", "'+1 555"),
            ("-2", "'-2"),
            ("@cmd", "'@cmd"),
            ("\t=1", "'\t=1"),
            ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
            ("a=b", "a=b"),
            ("“quoted”", "“quoted”"),
        ];
        for (value, want) in table {
            assert_eq!(csv_field(value), want, "{value:?}");
        }
    }

    #[test]
    fn csv_lists_claims_with_code_point_offsets() {
        let text = "Señor Díaz said the port is shut, while Bergen says “=1+1, it is open”.";
        let analysis = crate::analyze(text);
        let csv = to_csv(text, &analysis);
        assert!(csv.starts_with("\u{FEFF}speaker,side,kind,cue,text,start,end\r\n"), "{csv}");
        let rows: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(rows.len(), analysis.claims.len() + 2, "header, one row per claim, final CRLF: {csv}");
        assert_eq!(rows.last(), Some(&""));
        let json = crate::contract::to_json(text, &analysis);
        let value = serde_json::to_value(&json).unwrap();
        for (row, claim) in rows[1..].iter().zip(value["claims"].as_array().unwrap()) {
            let end = format!(",{},{}", claim["start"], claim["end"]);
            assert!(row.ends_with(&end), "offsets as in the JSON contract: {row} / {end}");
            assert!(row.contains(claim["kind"].as_str().unwrap()));
        }
        assert!(csv.contains("Señor Díaz") || csv.contains("Díaz"), "{csv}");
    }

    #[test]
    fn csv_of_no_claims_is_the_header() {
        assert_eq!(to_csv("", &crate::analyze("")), "\u{FEFF}speaker,side,kind,cue,text,start,end\r\n");
    }
}

/// Escaping, and the Markdown summary's sections with the claims each holds (caught mutants:
/// `scripts/mutants.sh`).
#[cfg(test)]
mod by_table {
    use super::*;
    use crate::analysis::{Side, SideBalance, SideId};

    fn side(name: &str, role: SideRole) -> Side {
        Side {
            name: name.into(),
            role,
            aliases: vec![],
            members: vec![],
            evidence: vec![],
            balance: SideBalance::default(),
        }
    }

    #[test]
    fn escaping_by_table() {
        for (text, want) in [
            ("a & b", "a &amp; b"),
            ("<b>", "&lt;b&gt;"),
            ("say \"no\"", "say &quot;no&quot;"),
            ("it's", "it&#39;s"),
            ("&amp;", "&amp;amp;"),
            ("plain “text” é", "plain “text” é"),
        ] {
            assert_eq!(escape_html(text), want, "{text:?}");
        }
    }

    #[test]
    fn each_side_lists_its_own_claims_and_empty_third_parties_are_left_out() {
        let text = "Oslo says the port is shut, while Bergen says it is open.";
        let mut analysis = crate::analyze(text);
        assert!(analysis.claims.len() >= 2, "two claims to place");
        analysis.claims.truncate(2);
        analysis.claims.push(analysis.claims[0].clone());
        analysis.sides = vec![
            side("Oslo", SideRole::Party),
            side("Nobody", SideRole::Party),
            side("UN", SideRole::ThirdParty),
            side("EU", SideRole::ThirdParty),
        ];
        let placed = [Some(SideId(0)), Some(SideId(3)), None];
        for (claim, side) in analysis.claims.iter_mut().zip(placed) {
            claim.side = side;
        }
        let md = to_markdown(text, &analysis, "Ports");
        let sections: Vec<(&str, &str)> =
            md.split("\n## ").skip(1).map(|s| s.split_once('\n').unwrap_or((s, ""))).collect();
        let headers: Vec<&str> = sections.iter().map(|(h, _)| *h).collect();
        assert_eq!(
            headers,
            [
                "Oslo (party, 1 claims)",
                "Nobody (party, 0 claims)",
                "EU (third party, 1 claims)",
                "Not tied to a side (1 claims)"
            ],
            "{md}"
        );
        let claim_text = |i: usize| analysis.claims[i].span.slice(text).to_string();
        for (section, claim) in [(0, 0), (2, 1), (3, 2)] {
            assert!(sections[section].1.contains(&claim_text(claim)), "claim {claim} in {:?}: {md}", headers[section]);
            assert_eq!(sections[section].1.matches("- **").count(), 1, "{md}");
        }
        assert!(!sections[1].1.contains("- **"), "{md}");
    }
}
