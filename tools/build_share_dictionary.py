#!/usr/bin/env python3
"""Builds the preset dictionaries of share links: src/share/dictionary_v2.txt (format v2, DEFLATE)
and src/share/dictionary_v3.txt (format v3, LZMA).

    python3 tools/build_share_dictionary.py ../shared/data/ner-train

The dictionary is the project's own list: the most frequent words of the openly licensed
training texts (word counts only, no sentences), then the knowledge base's country names,
capitals, demonyms, titles and reporting verbs. Most frequent words come last, where DEFLATE's
back-references are cheapest. FROZEN: v2 links decode only with exactly this file; a new
dictionary needs a new link version (and the old file kept for decoding old links).
"""
import collections, glob, json, os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ner-train"
root = os.path.join(os.path.dirname(__file__), "..")
counts = collections.Counter()
for path in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
    name = os.path.basename(path)
    if name.startswith(("btc", "wnut", "sec")):  # tweets and contracts are not news English
        continue
    with open(path, encoding="utf-8") as f:
        for line in f:
            counts.update(re.findall(r"\w+|[^\w\s]", json.loads(line)["text"]))

names = []
with open(os.path.join(root, "src/analysis/lexicon/countries.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        names += [cols[0]] + [x for x in cols[2].split("|") if x] + [x for x in cols[3].split("|") if x]
for lst in ("titles.txt", "speech_verbs.txt"):
    with open(os.path.join(root, "src/analysis/lexicon", lst), encoding="utf-8") as f:
        names += [w for line in f if not line.startswith("#") for w in line.split()]

ranked = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
text = (" ".join(names) + " " + " ".join(reversed(ranked[:3000])))[-30000:]
out = os.path.join(root, "src/share/dictionary_v2.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
print("wrote", out, len(text.encode("utf-8")), "bytes")

# v3: LZMA's window is large, so the dictionary holds the 16,000 most frequent word pairs, then
# the 12,000 most frequent words (most frequent last, nearest to the text).
pairs = collections.Counter()
for path in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
    if os.path.basename(path).startswith(("btc", "wnut", "sec")):
        continue
    with open(path, encoding="utf-8") as f:
        for line in f:
            toks = re.findall(r"\w+|[^\w\s]", json.loads(line)["text"])
            pairs.update(zip(toks, toks[1:]))


def join(pair):
    return "".join(w if re.match(r"[^\w\s]", w) else " " + w for w in pair)


top_pairs = [join(p) for p, _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:16000]]
text3 = " ".join(reversed(top_pairs)) + " " + " ".join(reversed(ranked[:12000]))
out3 = os.path.join(root, "src/share/dictionary_v3.txt")
with open(out3, "w", encoding="utf-8") as f:
    f.write(text3)
print("wrote", out3, len(text3.encode("utf-8")), "bytes")
