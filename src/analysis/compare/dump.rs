//! The readable form of a comparison: its camps, each camp's voice in the two articles, the
//! claims in both and the claims in one only. The golden test keeps it; the CLI prints it.

use super::{Comparison, OneSided, Which};
use crate::analysis::model::{Analysis, SideBalance, SideId};

/// A claim's speaker and its first words, for the dump.
fn claim_line(text: &str, analysis: &Analysis, id: u32) -> String {
    let Some(c) = analysis.claims.get(id as usize) else { return String::new() };
    let speaker = c.speaker.as_ref().map_or("?", |s| s.name.as_str());
    let content: String = c.span.slice(text).trim().chars().take(90).collect();
    let more = if c.span.slice(text).trim().chars().count() > 90 { "…" } else { "" };
    format!("C{} {speaker}: {content}{more}", id + 1)
}

fn side_names(analysis: &Analysis, sides: &[SideId]) -> String {
    if sides.is_empty() {
        return "—".into();
    }
    sides
        .iter()
        .filter_map(|s| analysis.sides.get(s.0 as usize))
        .map(|s| format!("{} ({})", s.name, s.role.label()))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// One camp's voice in one article, in words: "3 claims · 12 quoted words · 2 named, 1 anonymous ·
/// 2 named sources · speaks first".
pub fn voice_summary(b: &SideBalance) -> String {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let order = match (b.speaks_first, b.speaks_last) {
        (true, true) => " · speaks first and last",
        (true, false) => " · speaks first",
        (false, true) => " · speaks last",
        (false, false) => "",
    };
    format!(
        "{} · {} · {} named, {} anonymous · {}{order}",
        plural(b.n_claims, "claim", "claims"),
        plural(b.quoted_words, "quoted word", "quoted words"),
        b.n_named_claims,
        b.n_anonymous_claims,
        plural(b.n_named_sources, "named source", "named sources"),
    )
}

fn voice(v: Option<&SideBalance>) -> String {
    v.map_or_else(|| "not in this article".to_string(), voice_summary)
}

/// The comparison of article A (`a_text`, `a`) and article B, as plain text.
pub fn dump(a_text: &str, a: &Analysis, b_text: &str, b: &Analysis, comparison: &Comparison) -> String {
    let mut out = String::from("== camps\n");
    for (i, c) in comparison.camps.iter().enumerate() {
        out.push_str(&format!(
            "{}{}{}: A {} | B {} | {}\n",
            c.name,
            if c.principal { " [principal]" } else { "" },
            if c.by_reader { " [by the reader]" } else { "" },
            side_names(a, &c.a),
            side_names(b, &c.b),
            crate::analysis::decimal::fixed(c.confidence, 2)
        ));
        for e in &c.evidence {
            out.push_str(&format!("    {}\n", e.note));
        }
        out.push_str(&format!("    A: {}\n", voice(comparison.voice_of(i, Which::A))));
        out.push_str(&format!("    B: {}\n", voice(comparison.voice_of(i, Which::B))));
    }
    let camp_name = |camp: Option<usize>| camp.map_or("no camp", |c| comparison.camps[c].name.as_str());
    out.push_str("\n== in both\n");
    for p in &comparison.counterparts {
        out.push_str(&format!(
            "[{}] {} shares {}\n    A {}\n    B {}\n",
            camp_name(p.camp),
            crate::analysis::decimal::fixed(p.score, 2),
            p.shared_words.join(", "),
            claim_line(a_text, a, p.a.0),
            claim_line(b_text, b, p.b.0)
        ));
    }
    let mut one_sided = |title: &str, list: &[OneSided], text: &str, analysis: &Analysis| {
        out.push_str(&format!("\n== {title}\n"));
        for o in list {
            out.push_str(&format!(
                "[{}] {} {}\n",
                camp_name(o.camp),
                crate::analysis::decimal::fixed(o.confidence, 2),
                claim_line(text, analysis, o.claim.0)
            ));
            for e in &o.evidence {
                out.push_str(&format!("    {}\n", e.note));
            }
        }
    };
    one_sided("only in A", &comparison.only_in_a, a_text, a);
    one_sided("only in B", &comparison.only_in_b, b_text, b);
    if !comparison.notes.is_empty() {
        out.push_str("\n== notes\n");
        for n in &comparison.notes {
            out.push_str(&format!("{n}\n"));
        }
    }
    out
}
