#!/usr/bin/env python3
"""eval/real/tool.py — owns the real-article evaluation set: its texts, checks, agreement and floors.

The gold annotations point into the shared Wikinews pool by id (the texts are never committed):

  python3 eval/real/tool.py texts                 write every chosen article to eval/real/work/texts/ID.txt
  python3 eval/real/tool.py materialise           write work/read/, work/held/ and work/sides-only-annotated/
                                                  (ID.txt + gold ID.json) for score.py
  python3 eval/real/tool.py check FILE.json ...   check annotations against their article and the conventions
  python3 eval/real/tool.py agree DIR_A DIR_B     agreement between two independent annotations of the same articles
  python3 eval/real/tool.py diff A.json B.json     where two annotations of one article differ (for the adjudicator)
  python3 eval/real/tool.py floors                score the sets of eval/floors.json (eval/own, eval/real/read, the
                                                  claims of the fully annotated sides-only articles); fail below

An article's text is its title, a blank line, then its body, as in ../shared/eval/dev.
Run from the project's root; the pool is ../shared/data/real-news/wikinews-2019-2020.jsonl.
"""
import json, os, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def shared_dir():
    """../shared beside the project, or beside a parent folder (a git worktree such as wt/NAME)."""
    if os.environ.get("AE_SHARED"):
        return os.environ["AE_SHARED"]
    d = os.path.dirname(ROOT)
    while True:
        if os.path.isdir(os.path.join(d, "shared")) or os.path.dirname(d) == d:
            return os.path.join(d, "shared")
        d = os.path.dirname(d)


SHARED = shared_dir()
POOL = os.path.join(SHARED, "data", "real-news", "wikinews-2019-2020.jsonl")
SCORER = os.path.join(SHARED, "eval", "score.py")
WORK = os.path.join(HERE, "work")
TYPES = ("PERSON", "ORG", "PLACE", "DATE")
KINDS = ("direct", "indirect", "according_to")


def manifest():
    """[(id, split, chosen_as)] from articles.tsv, in file order."""
    rows = []
    for line in open(os.path.join(HERE, "articles.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        rows.append(tuple(line.rstrip("\n").split("\t")))
    return rows


def pool():
    with open(POOL, encoding="utf-8") as f:
        return {a["id"]: a for a in map(json.loads, f)}


def article_text(article):
    return article["title"].strip() + "\n\n" + article["text"]


def pattern(s):
    # The shared scorer's pattern: the words of s, any white space between, at word boundaries.
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in s.split()) + r"(?!\w)")


def gold_mentions(text, entities):
    """Every occurrence of every surface form, longest first, as the shared scorer counts them."""
    taken = [False] * len(text)
    out = set()
    for e in sorted(entities, key=lambda e: -len(e["text"])):
        if e.get("type") not in TYPES:
            continue
        for m in pattern(e["text"]).finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            out.add((m.start(), m.end(), e["type"]))
    return out


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


def cmd_texts(_args):
    articles = pool()
    for aid, _split, _kind in manifest():
        write(os.path.join(WORK, "texts", aid + ".txt"), article_text(articles[aid]))
    print(f"wrote {len(manifest())} texts to {os.path.relpath(os.path.join(WORK, 'texts'), ROOT)}/")


def cmd_materialise(_args):
    articles = pool()
    n = 0
    for aid, split, _kind in manifest():
        gold = os.path.join(HERE, split, aid + ".json")
        if not os.path.exists(gold):
            continue
        write(os.path.join(WORK, split, aid + ".txt"), article_text(articles[aid]))
        write(os.path.join(WORK, split, aid + ".json"), open(gold, encoding="utf-8").read())
        n += 1
    print(f"materialised {n} gold articles under {os.path.relpath(WORK, ROOT)}/{{read,held}}")
    m = 0
    shutil.rmtree(os.path.join(WORK, "sides-only-annotated"), ignore_errors=True)
    for aid, path in fully_annotated():
        write(os.path.join(WORK, "sides-only-annotated", aid + ".txt"), article_text(articles[aid]))
        write(os.path.join(WORK, "sides-only-annotated", aid + ".json"), open(path, encoding="utf-8").read())
        m += 1
    print(f"materialised {m} fully annotated sides-only articles under "
          f"{os.path.relpath(WORK, ROOT)}/sides-only-annotated")


def fully_annotated():
    """[(id, gold path)] of the sides-only articles annotated in full (names and claims as well as
    sides), as `sides-only-annotated.txt` lists them."""
    with open(os.path.join(HERE, "sides-only-annotated.txt"), encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return [(aid, os.path.join(HERE, "sides-only", aid + ".json")) for aid in ids]


def check(path, articles):
    """The problems of one annotation file, as strings (empty when it is sound)."""
    problems = []
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as ex:  # noqa: BLE001 — any parse error is the annotator's to fix
        return [f"not valid JSON: {ex}"]
    aid = gold.get("id")
    if aid not in articles:
        return [f"id {aid!r} is not an article of the pool"]
    text = article_text(articles[aid])
    for key in ("sides", "third_parties", "entities", "claims"):
        if not isinstance(gold.get(key), list):
            problems.append(f"'{key}' must be a list")
    if problems:
        return problems
    if len(gold["sides"]) not in (0, 2):
        problems.append(f"'sides' must hold exactly two groups or none, not {len(gold['sides'])}")
    names = set()
    for g in gold["sides"] + gold["third_parties"]:
        if not g.get("name") or not isinstance(g.get("aliases"), list):
            problems.append(f"group {g!r} needs a name and a list of aliases")
            continue
        names.add(g["name"])
        for a in g["aliases"]:
            if not pattern(a).search(text):
                problems.append(f"alias {a!r} of {g['name']!r} is not in the text")
    seen = set()
    for e in gold["entities"]:
        t = e.get("text", "")
        if e.get("type") not in TYPES:
            problems.append(f"entity {t!r}: type {e.get('type')!r} is not one of {TYPES}")
        if (t, e.get("type")) in seen:
            problems.append(f"entity {t!r} listed twice")
        seen.add((t, e.get("type")))
        if not t or not pattern(t).search(text):
            problems.append(f"entity {t!r} is not in the text (word boundaries, exact case)")
    for c in gold["claims"]:
        a = c.get("anchor", "")
        hits = list(pattern(a).finditer(text)) if a.strip() else []
        if len(hits) != 1:
            problems.append(f"anchor {a!r} occurs {len(hits)} times (must be exactly once)")
        if not 3 <= len(a.split()) <= 14:
            problems.append(f"anchor {a!r} has {len(a.split())} words (5-12 wanted)")
        if c.get("kind") not in KINDS:
            problems.append(f"claim {a!r}: kind {c.get('kind')!r} is not one of {KINDS}")
        if not c.get("speaker"):
            problems.append(f"claim {a!r} has no speaker")
        side = c.get("side")
        if side != "none" and side not in names:
            problems.append(f"claim {a!r}: side {side!r} is neither a side, a third party nor 'none'")
    return problems


def cmd_check(args):
    articles = pool()
    bad = 0
    for path in args:
        problems = check(path, articles)
        for p in problems:
            print(f"{path}: {p}")
        bad += bool(problems)
    print(f"{len(args) - bad} of {len(args)} files sound")
    return 1 if bad else 0


# --- agreement between two annotators -------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n\s*\n")


def sentence_of(text, pos):
    return len(SENTENCE_END.findall(text, 0, pos))


def claim_spans(text, gold):
    out = []
    for c in gold["claims"]:
        m = pattern(c["anchor"]).search(text)
        if m:
            out.append((m.start(), m.end(), c))
    return out


def match_claims(text, a, b):
    """Greedy one-to-one pairs of claims: anchors that overlap, else anchors in the same sentence."""
    pairs, used = [], set()
    for s0, e0, ca in claim_spans(text, a):
        best, best_key = None, None
        for j, (s1, e1, cb) in enumerate(claim_spans(text, b)):
            if j in used:
                continue
            overlap = min(e0, e1) - max(s0, s1)
            same_sentence = sentence_of(text, s0) == sentence_of(text, s1)
            if overlap <= 0 and not same_sentence:
                continue
            key = (overlap > 0, -abs(s0 - s1))
            if best_key is None or key > best_key:
                best, best_key = j, key
        if best is not None:
            used.add(best)
            pairs.append((ca, claim_spans(text, b)[best][2]))
    return pairs


def words(s):
    stop = {"the", "a", "an", "of", "he", "she", "they", "it", "his", "her", "their", "its", "and", "to", "for", "in"}
    return {w for w in re.findall(r"\w+", (s or "").lower()) if w not in stop}


def resolved(speaker):
    m = re.search(r"\(([^)]*)\)", speaker or "")
    return m.group(1) if m else speaker


def group_words(gold, name):
    for g in gold["sides"] + gold["third_parties"]:
        if g["name"] == name:
            return {x.lower() for x in g["aliases"] + [g["name"]]}
    return {name.lower()}


def role(gold, other, name):
    """'none', 'party:<index in other's sides>' when the group shares a name with one of the other's
    parties, or 'third'."""
    if name == "none":
        return "none"
    mine = group_words(gold, name)
    for i, g in enumerate(other["sides"]):
        if mine & group_words(other, g["name"]):
            return f"party:{i}"
    return "third"


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def cmd_agree(args):
    dir_a, dir_b = args[:2]
    articles = pool()
    tot = dict(ent=[0, 0, 0], claim=[0, 0, 0], speaker=[0, 0], side=[0, 0], dispute=[0, 0], parties=[0, 0])
    for f in sorted(os.listdir(dir_a)):
        if not f.endswith(".json") or not os.path.exists(os.path.join(dir_b, f)):
            continue
        a = json.load(open(os.path.join(dir_a, f), encoding="utf-8"))
        b = json.load(open(os.path.join(dir_b, f), encoding="utf-8"))
        text = article_text(articles[a["id"]])
        ea, eb = gold_mentions(text, a["entities"]), gold_mentions(text, b["entities"])
        tot["ent"] = [x + y for x, y in zip(tot["ent"], (len(ea & eb), len(ea), len(eb)))]
        pairs = match_claims(text, a, b)
        tot["claim"] = [x + y for x, y in zip(tot["claim"], (len(pairs), len(a["claims"]), len(b["claims"])))]
        for ca, cb in pairs:
            tot["speaker"][1] += 1
            tot["speaker"][0] += bool(words(resolved(ca["speaker"])) & words(resolved(cb["speaker"])))
            tot["side"][1] += 1
            # B's side seen through A's parties: the same party, both third or both none.
            ra = role(a, a, ca["side"])
            rb = role(b, a, cb["side"])
            tot["side"][0] += ra == rb
        tot["dispute"][1] += 1
        tot["dispute"][0] += bool(a["sides"]) == bool(b["sides"])
        for g in a["sides"]:
            tot["parties"][1] += 1
            tot["parties"][0] += any(group_words(a, g["name"]) & group_words(b, h["name"]) for h in b["sides"])
    ratio = lambda v: v[0] / v[1] if v[1] else 0.0
    summary = {
        "articles": tot["dispute"][1],
        "entity_f1": prf(tot["ent"][0], tot["ent"][1], tot["ent"][2]),
        "claim_f1": prf(*tot["claim"]),
        "speaker_agreement": ratio(tot["speaker"]),
        "side_agreement": ratio(tot["side"]),
        "dispute_agreement": ratio(tot["dispute"]),
        "parties_agreement": ratio(tot["parties"]),
    }
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in summary.items()))
    return 0


def cmd_diff(args):
    a, b = (json.load(open(p, encoding="utf-8")) for p in args[:2])
    text = article_text(pool()[a["id"]])
    forms = lambda g: {(e["text"], e["type"]) for e in g["entities"]}
    for label, only in (("only in A", forms(a) - forms(b)), ("only in B", forms(b) - forms(a))):
        for t, k in sorted(only):
            print(f"entity {label}: {k} {t!r}")
    for label, g in (("A", a), ("B", b)):
        print(f"sides {label}: " + " vs ".join(s["name"] for s in g["sides"]) or "(none)")
        for s in g["sides"] + g["third_parties"]:
            print(f"  {s['name']}: {', '.join(s['aliases'])}")
    pairs = match_claims(text, a, b)
    paired_a = {id(x) for x, _ in pairs}
    paired_b = {id(y) for _, y in pairs}
    for ca, cb in pairs:
        diffs = [k for k in ("speaker", "kind") if ca.get(k) != cb.get(k)]
        if role(a, a, ca["side"]) != role(b, a, cb["side"]) or (ca["side"] == "none") != (cb["side"] == "none"):
            diffs.append("side")
        if diffs or ca["anchor"] != cb["anchor"]:
            print(f"claim pair: A {ca['anchor']!r} / B {cb['anchor']!r}")
            for k in diffs:
                print(f"    {k}: A {ca.get(k)!r} / B {cb.get(k)!r}")
    for label, g, paired in (("A", a, paired_a), ("B", b, paired_b)):
        for c in g["claims"]:
            if id(c) not in paired:
                print(f"claim only in {label}: {c['anchor']!r} speaker={c['speaker']!r} kind={c['kind']} side={c['side']!r}")
    return 0


# --- floors ---------------------------------------------------------------------------------------

def score(dirs, cmd):
    out = subprocess.run([sys.executable, SCORER, "--cmd", cmd, *dirs], capture_output=True, text=True, check=True)
    last = out.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (kv.split("=") for kv in last.split())}, out.stdout


def cmd_floors(args):
    """Scores each set named in eval/floors.json and fails when any figure is below its floor."""
    cmd = args[0] if args else "target/debug/article-explorer analyze --json {file}"
    floors = json.load(open(os.path.join(ROOT, "eval", "floors.json"), encoding="utf-8"))
    cmd_materialise([])
    failed = []
    for name, spec in floors["sets"].items():
        got, table = score([os.path.join(ROOT, d) for d in spec["dirs"]], cmd)
        print(f"--- {name} ({' '.join(spec['dirs'])})")
        print(" ".join(f"{k}={v:.3f}" for k, v in got.items()))
        for k, floor in spec["floors"].items():
            if round(got.get(k, 0.0), 3) + 1e-9 < floor:
                failed.append(f"{name}: {k} = {got.get(k, 0.0):.3f} is below its floor {floor:.3f}")
    for f in failed:
        print("FLOOR BROKEN:", f)
    print(f"{'floors hold' if not failed else 'floors broken'}: {len(failed)} below")
    return 1 if failed else 0


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("texts", "materialise", "check", "agree", "diff", "floors"):
        print(__doc__)
        return 2
    fn = {"texts": cmd_texts, "materialise": cmd_materialise, "check": cmd_check, "agree": cmd_agree,
          "diff": cmd_diff, "floors": cmd_floors}[sys.argv[1]]
    return fn(sys.argv[2:]) or 0


if __name__ == "__main__":
    sys.exit(main())
