#!/usr/bin/env python3
"""Builds src/share_dictionary.txt, the preset DEFLATE dictionary of share links (format v2).

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

words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3000]]
text = (" ".join(names) + " " + " ".join(reversed(words)))[-30000:]
out = os.path.join(root, "src/share_dictionary.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
print("wrote", out, len(text.encode("utf-8")), "bytes")
