//! The comparison of two reports (issue 18) against the gold of our pairs (`eval/compare/*/gold.json`):
//! camps matched, who speaks first, last and most, the claims in both and the claims in one only;
//! the reader's fix to a camp; and the comparison's readable dump as a golden file
//! (`tests/golden/compare/NAME.expected`, blessed with `UPDATE_EXPECT=1 cargo test --test compare`).

use article_explorer::analysis::compare::{self, ArticleSide, CampEdit, Comparison, Which};
use article_explorer::analysis::{Analysis, ClaimId, SideId};
use article_explorer::analyze;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One pair of reports, analysed, with its gold.
struct Pair {
    name: String,
    a_text: String,
    b_text: String,
    a: Analysis,
    b: Analysis,
    gold: Value,
}

impl Pair {
    fn text(&self, which: Which) -> &str {
        match which {
            Which::A => &self.a_text,
            Which::B => &self.b_text,
        }
    }
    fn analysis(&self, which: Which) -> &Analysis {
        match which {
            Which::A => &self.a,
            Which::B => &self.b,
        }
    }
    fn compare(&self, edits: &[CampEdit]) -> Comparison {
        compare::compare(&self.a_text, &self.a, &self.b_text, &self.b, edits)
    }

    /// The sides of `which` that go by one of `names` (their name or an alias).
    fn sides_named(&self, which: Which, names: &[&str]) -> Vec<SideId> {
        let wanted = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n.trim()));
        self.analysis(which)
            .sides
            .iter()
            .enumerate()
            .filter(|(_, s)| wanted(&s.name) || s.aliases.iter().any(|a| wanted(a)))
            .map(|(i, _)| SideId(i as u32))
            .collect()
    }

    /// The claim of `which` whose content holds `anchor`.
    fn claim_at(&self, which: Which, anchor: &str) -> ClaimId {
        let text = self.text(which);
        let at =
            text.find(anchor).unwrap_or_else(|| panic!("{}: anchor {anchor:?} is not in {}", self.name, which.label()));
        let i = self
            .analysis(which)
            .claims
            .iter()
            .position(|c| (c.span.start as usize) <= at && at + anchor.len() <= c.span.end as usize)
            .unwrap_or_else(|| panic!("{}: no claim of {} holds {anchor:?}", self.name, which.label()));
        ClaimId(i as u32)
    }

    /// The gold camps, as (name, names in A, names in B).
    fn gold_camps(&self) -> Vec<(String, Vec<&str>, Vec<&str>)> {
        fn list(v: &Value) -> Vec<&str> {
            v.as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect()
        }
        self.gold["camps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["name"].as_str().unwrap().to_string(), list(&c["a"]), list(&c["b"])))
            .collect()
    }

    /// The gold camp a side of `which` belongs to, by any of its names.
    fn gold_camp_of(&self, which: Which, side: SideId) -> Option<String> {
        self.gold_camps().into_iter().find_map(|(name, a, b)| {
            let names = if which == Which::A { a } else { b };
            self.sides_named(which, &names).contains(&side).then_some(name)
        })
    }
}

fn pairs() -> Vec<Pair> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/compare");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("eval/compare exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").exists())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no pair of reports in eval/compare");
    dirs.into_iter()
        .map(|dir| {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
            let read = |key: &str| std::fs::read_to_string(dir.join(gold[key].as_str().unwrap())).unwrap();
            let (a_text, b_text) = (read("a"), read("b"));
            Pair {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                a: analyze(&a_text),
                b: analyze(&b_text),
                a_text,
                b_text,
                gold,
            }
        })
        .collect()
}

/// Every gold camp shown in both reports is one camp of the comparison (found by its canonical
/// name in each), and no camp of the comparison holds sides of two gold camps.
fn check_camps(pair: &Pair, c: &Comparison) {
    for (name, a_names, b_names) in pair.gold_camps() {
        let (in_a, in_b) = (pair.sides_named(Which::A, &[&name]), pair.sides_named(Which::B, &[&name]));
        assert_eq!(in_a.is_empty(), a_names.is_empty(), "{}: {name} is a side of A as the gold says", pair.name);
        assert_eq!(in_b.is_empty(), b_names.is_empty(), "{}: {name} is a side of B as the gold says", pair.name);
        let camps: Vec<Option<usize>> =
            in_a.iter().map(|s| c.camp_of(Which::A, *s)).chain(in_b.iter().map(|s| c.camp_of(Which::B, *s))).collect();
        assert!(camps.windows(2).all(|w| w[0] == w[1]), "{}: {name} is one camp: {:#?}", pair.name, c.camps);
        if let Some(Some(camp)) = camps.first() {
            let camp = &c.camps[*camp];
            assert_eq!(camp.a.is_empty(), a_names.is_empty(), "{}: {name} in A", pair.name);
            assert_eq!(camp.b.is_empty(), b_names.is_empty(), "{}: {name} in B", pair.name);
            if !a_names.is_empty() && !b_names.is_empty() {
                assert!(camp.confidence >= 0.5, "{}: {name} matched with confidence", pair.name);
            }
        }
    }
    for camp in &c.camps {
        let mut golds: Vec<String> = camp
            .a
            .iter()
            .filter_map(|s| pair.gold_camp_of(Which::A, *s))
            .chain(camp.b.iter().filter_map(|s| pair.gold_camp_of(Which::B, *s)))
            .collect();
        golds.sort();
        golds.dedup();
        assert!(golds.len() <= 1, "{}: camp {} mixes the gold camps {golds:?}", pair.name, camp.name);
    }
}

/// The camp of the comparison whose voice in `which` passes `pick`, as the gold camp it is.
fn gold_name_of_camp(pair: &Pair, c: &Comparison, which: Which, camp: usize) -> Option<String> {
    c.camps[camp].sides(which).iter().find_map(|s| pair.gold_camp_of(which, *s))
}

fn check_voice(pair: &Pair, c: &Comparison) {
    for which in [Which::A, Which::B] {
        let gold = &pair.gold["voice"][which.label().to_lowercase()];
        let camps = 0..c.camps.len();
        let first = camps.clone().find(|&i| c.voice_of(i, which).is_some_and(|v| v.speaks_first));
        let last = camps.clone().find(|&i| c.voice_of(i, which).is_some_and(|v| v.speaks_last));
        let most = camps.max_by_key(|&i| c.voice_of(i, which).map_or(0, |v| v.n_claims));
        for (what, found) in [("speaks_first", first), ("speaks_last", last), ("most_claims", most)] {
            let got = found.and_then(|i| gold_name_of_camp(pair, c, which, i));
            assert_eq!(got.as_deref(), gold[what].as_str(), "{}: {what} in {}", pair.name, which.label());
        }
    }
}

/// The one-sided claims are exactly the gold's, and the claims in both are counterparts.
fn check_claims(pair: &Pair, c: &Comparison) {
    for p in pair.gold["in_both"].as_array().unwrap() {
        let (x, y) =
            (pair.claim_at(Which::A, p["a"].as_str().unwrap()), pair.claim_at(Which::B, p["b"].as_str().unwrap()));
        assert!(
            c.counterparts.iter().any(|q| q.a == x && q.b == y),
            "{}: A C{} and B C{} are counterparts: {:#?}",
            pair.name,
            x.0 + 1,
            y.0 + 1,
            c.counterparts
        );
    }
    for which in [Which::A, Which::B] {
        let key = format!("only_in_{}", which.label().to_lowercase());
        let gold = pair.gold[&key].as_array().unwrap();
        let mut expected: Vec<ClaimId> =
            gold.iter().map(|o| pair.claim_at(which, o["anchor"].as_str().unwrap())).collect();
        expected.sort();
        expected.dedup();
        let found: Vec<ClaimId> = c.only_in(which).iter().map(|o| o.claim).collect();
        let name = |ids: &[ClaimId]| ids.iter().map(|i| format!("C{}", i.0 + 1)).collect::<Vec<_>>().join(" ");
        assert_eq!(name(&found), name(&expected), "{}: {key}", pair.name);
        // A one-sided claim the comparison puts in a camp is in the gold's camp (a camp that holds
        // part of a gold camp, such as a member the analysis gave a side of its own, counts as that
        // camp: the comparison may split a gold camp, never mix two); a claim the gold ties to no
        // camp is in no gold camp.
        for (o, g) in c.only_in(which).iter().zip(gold) {
            let found = o.camp.and_then(|camp| gold_name_of_camp(pair, c, which, camp));
            match (o.camp, g["camp"].as_str()) {
                (Some(_), Some(gold_camp)) => {
                    assert_eq!(found.as_deref(), Some(gold_camp), "{}: camp of {}", pair.name, g["anchor"])
                }
                (_, None) => assert_eq!(found, None, "{}: {} is in no gold camp", pair.name, g["anchor"]),
                (None, Some(_)) => {}
            }
            assert!(
                o.confidence >= 0.5 && !o.evidence.is_empty(),
                "{}: {} says how sure and why",
                pair.name,
                g["anchor"]
            );
        }
    }
}

#[test]
fn each_pair_matches_its_gold() {
    for pair in pairs() {
        let c = pair.compare(&[]);
        check_camps(&pair, &c);
        check_voice(&pair, &c);
        check_claims(&pair, &c);
    }
}

/// The analysis gives the trawler's captain a side of his own in B; the reader puts him in
/// Argentina's camp, and the camp's voice in B takes his claims.
#[test]
fn the_readers_fix_puts_a_side_in_its_camp() {
    let pair = pairs().into_iter().find(|p| p.name == "trawler").expect("the trawler pair");
    let before = pair.compare(&[]);
    let captain = pair.sides_named(Which::B, &["Julio Ferrante"]);
    let argentina = pair.sides_named(Which::A, &["Argentina"]);
    assert_eq!((captain.len(), argentina.len()), (1, 1));
    let argentina_camp = before.camp_of(Which::A, argentina[0]).unwrap();
    assert_ne!(before.camp_of(Which::B, captain[0]), Some(argentina_camp), "the analysis leaves him out");
    let edit = CampEdit::Join {
        side: ArticleSide { article: Which::B, side: captain[0] },
        with: ArticleSide { article: Which::A, side: argentina[0] },
    };
    let after = pair.compare(&[edit]);
    let camp = after.camp_of(Which::A, argentina[0]).unwrap();
    assert_eq!(after.camp_of(Which::B, captain[0]), Some(camp));
    assert!(after.camps[camp].by_reader);
    let claims = |c: &Comparison, i: usize| c.voice_of(i, Which::B).map_or(0, |v| v.n_claims);
    let captains_claims = pair.b.sides[captain[0].0 as usize].balance.n_claims;
    assert_eq!(claims(&after, camp), claims(&before, argentina_camp) + captains_claims);
    assert_eq!(after.camps.len(), before.camps.len() - 1, "his own camp is gone");
    check_claims(&pair, &after);
}

#[test]
fn golden_dumps_of_the_pairs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/compare");
    for pair in pairs() {
        let c = pair.compare(&[]);
        let dump = compare::dump(&pair.a_text, &pair.a, &pair.b_text, &pair.b, &c);
        expect_test::expect_file![dir.join(format!("{}.expected", pair.name))].assert_eq(&dump);
    }
}
