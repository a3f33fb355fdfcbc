"""A generator of varied news-like articles for the corpus tests and the benchmark.

Every word here was written for this project: invented people, companies and disputes over real
place names, in the shapes news uses (datelines, direct and indirect quotes, "according to",
denials, anonymous sources, figures, dates), with accented names, curly quotes, dashes and the odd
non-BMP character so that code-point offsets differ from byte and UTF-16 offsets.
Deterministic: the same seed gives the same corpus on every machine and Python version >= 3.9.
"""

import json
import random
from pathlib import Path
from typing import Iterator, List, Tuple

PLACES = [
    ("Oslo", "Bergen"), ("Baku", "Yerevan"), ("Lisbon", "Porto"), ("Dhaka", "Chittagong"),
    ("Quito", "Guayaquil"), ("Gdańsk", "Kraków"), ("Reykjavík", "Akureyri"), ("Hanoi", "Hải Phòng"),
    ("Nairobi", "Mombasa"), ("Santiago", "Valparaíso"), ("Ankara", "İzmir"), ("Tbilisi", "Batumi"),
]
FIRST = [
    "Amira", "Tomasz", "Zoë", "José", "Ingrid", "Kwame", "Łucja", "Ævar", "Nguyễn", "Farida",
    "Mateus", "Søren", "Aroha", "Dmitri", "Chiara", "Olumide", "Björn", "Renée", "Hamid", "Paulo",
]
LAST = [
    "Okafor", "Lindqvist", "Ibáñez", "Wróbel", "Þórsson", "Haddad", "Mensah", "Castellanos",
    "Østergaard", "Petrenko", "Moreau", "Tanaka", "Quispe", "Abernethy", "Kowalczyk", "Duarte",
]
TITLES = [
    "Foreign Minister", "Transport Minister", "Mayor", "Senator", "Governor", "Police Chief",
    "Interior Minister", "President",
]
ROLES = [
    "a spokesperson for", "the chief executive of", "a lawyer for", "the head of", "a senior engineer at",
    "an economist at", "the chair of",
]
ORGS = [
    "Northwind Shipping", "the Harbour Workers' Union", "the Ministry of Transport", "Vega Energy",
    "the National Water Authority", "Coastal Freight Ltd", "the Farmers' Cooperative",
    "the Independent Electoral Commission", "Meridian Mining", "the Red Cross",
]
TOPICS = [
    ("port", "the port"), ("dam", "the dam on the river"), ("pipeline", "the gas pipeline"),
    ("border", "the border crossing"), ("tariff", "the new tariff"), ("strike", "the dock strike"),
    ("ballots", "the disputed ballots"), ("mine", "the copper mine"), ("ferry", "the ferry contract"),
]
STATES = [
    "closed to all traffic", "operating normally", "unsafe for workers", "fully inspected",
    "years behind schedule", "legal under international law", "a threat to local farms",
    "paid for by public money", "under military control", "ready to reopen next week",
]
ACTIONS = [
    "broke the agreement", "ignored repeated warnings", "acted within the law", "withheld key documents",
    "moved troops to the area", "offered to resume talks", "cut the water supply", "paid every invoice on time",
]
DIRECT = [
    "We will not accept {thing} being {state}", "This is a matter of basic safety",
    "Our people have waited long enough", "Nobody has shown us a single piece of evidence",
    "The figures speak for themselves", "We are open to dialogue, but not to threats",
    "That claim is simply false", "Every shipment was checked twice",
]
EVENTS = ["injured", "evacuated", "detained", "stranded", "left without power"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CUES = ["said", "told reporters", "claimed", "insisted", "warned", "argued", "stated"]
QUOTES = [("\u201c", "\u201d"), ('"', '"')]


class _Article:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.side_a, self.side_b = rng.choice(PLACES)
        if rng.random() < 0.5:
            self.side_a, self.side_b = self.side_b, self.side_a
        self.topic, self.thing = rng.choice(TOPICS)
        self.people = [self.person() for _ in range(3)]
        self.org = rng.choice(ORGS)
        self.other_org = rng.choice([o for o in ORGS if o != self.org])
        self.quote = rng.choice(QUOTES)

    def person(self) -> Tuple[str, str]:
        return (self.rng.choice(FIRST) + " " + self.rng.choice(LAST), self.rng.choice(TITLES))

    def clause(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"{self.thing} was {r.choice(STATES)}"
        return f"{r.choice([self.side_a, self.side_b, self.org])} had {r.choice(ACTIONS)}"

    def quoted(self, words: str) -> str:
        words = words.format(thing=self.thing, state=self.rng.choice(STATES))
        return self.quote[0] + words

    def sentence(self) -> str:
        s = self._sentence()
        return s[0].upper() + s[1:]

    def _sentence(self) -> str:
        r = self.rng
        (name, title) = r.choice(self.people)
        surname = name.split(" ")[-1]
        side = r.choice([self.side_a, self.side_b])
        pick = r.randrange(12)
        if pick == 0:
            return f"{self.quoted(r.choice(DIRECT))},{self.quote[1]} {title} {name} {r.choice(CUES)}."
        if pick == 1:
            return f"{name}, {r.choice(ROLES)} {self.org}, said: {self.quoted(r.choice(DIRECT))}.{self.quote[1]}"
        if pick == 2:
            return f"{side} {r.choice(['says', 'claims', 'insists'])} that {self.clause()}."
        if pick == 3:
            return f"According to {self.other_org}, {self.clause()}."
        if pick == 4:
            return f"{surname} denied the accusation, saying {self.clause()}."
        if pick == 5:
            return f"A senior official in {side}, speaking on condition of anonymity, said {self.clause()}."
        if pick == 6:
            n = r.choice([3, 12, 40, 150, 2300])
            return (
                f"At least {n} people were {r.choice(EVENTS)} near {self.thing} on {r.choice(DAYS)}, "
                f"officials in {side} said."
            )
        if pick == 7:
            return f"The {self.topic} dispute has cost more than ${r.randint(2, 900)} million since {r.randint(1995, 2024)}."
        if pick == 8:
            return f"{r.choice(['He', 'She'])} added that {self.clause()}."
        if pick == 9:
            return f"{self.org} {r.choice(CUES)} on {r.choice(DAYS)} that {self.clause()} \u2014 a claim {side} rejected."
        if pick == 10:
            return f"Talks between {self.side_a} and {self.side_b} are due to resume on {r.choice(MONTHS)} {r.randint(1, 28)}."
        return f"\u201cNo comment,\u201d a spokesperson for {self.other_org} told {r.choice(['AFP', 'local radio', 'this newspaper'])}."

    def text(self) -> str:
        r = self.rng
        name, title = self.people[0]
        lead = (
            f"{self.side_a.upper()}, {r.choice(MONTHS)} {r.randint(1, 28)} \u2014 {self.side_a} and {self.side_b} "
            f"traded accusations on {r.choice(DAYS)} over {self.thing}, after {title} {name} said "
            f"{self.clause()}."
        )
        paragraphs = [lead]
        for _ in range(r.randint(2, 9)):
            paragraphs.append(" ".join(self.sentence() for _ in range(r.randint(1, 4))))
        if r.random() < 0.05:
            paragraphs.append("\U0001F6A2 Live updates follow.")  # a non-BMP character
        if r.random() < 0.02:
            paragraphs.append("")  # a trailing blank paragraph
        return "\n\n".join(paragraphs)


def articles(n: int, seed: int = 16) -> Iterator[Tuple[str, str]]:
    """``n`` articles as ``(id, text)``: ids ``g00000``, ``g00001``, ..."""
    rng = random.Random(seed)
    for i in range(n):
        yield f"g{i:05d}", _Article(rng).text()


def write_jsonl(path: Path, n: int, seed: int = 16) -> List[Tuple[str, str]]:
    """Writes ``n`` generated articles to ``path`` as ``{"id", "text"}`` lines; returns them."""
    corpus = list(articles(n, seed))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for article_id, text in corpus:
            f.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")
    return corpus


def write_shards(directory: Path, corpus: List[Tuple[str, str]], shards: int) -> List[Path]:
    """Splits ``corpus`` into ``shards`` JSONL files ``shard-NN.jsonl`` of whole lines, in order."""
    directory.mkdir(parents=True, exist_ok=True)
    size = -(-len(corpus) // shards)
    paths = []
    for s in range(shards):
        path = directory / f"shard-{s:02d}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for article_id, text in corpus[s * size:(s + 1) * size]:
                f.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys

    for article_id, text in articles(int(sys.argv[1]) if len(sys.argv) > 1 else 1):
        print(f"--- {article_id}\n{text}\n")
