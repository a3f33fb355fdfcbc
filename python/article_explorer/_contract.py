"""The CLI's JSON contract (schema_version 1) as ``TypedDict`` types, for type checkers and readers.

Offsets are Unicode code points into the input text (Python ``str`` indexes), end exclusive, so
``text[claim["start"]:claim["end"]] == claim["text"]``. Fields are only ever added.
"""

from typing import List, Optional, TypedDict


class Span(TypedDict):
    start: int
    end: int
    text: str


class Entity(TypedDict):
    start: int
    end: int
    text: str
    kind: str  # PERSON, ORG, PLACE, DATE or NUMBER
    cluster: str  # canonical name of the entity it mentions
    cluster_id: int
    confidence: float


class Speaker(TypedDict):
    start: int
    end: int
    text: str
    name: str  # the resolved speaker


class Evidence(TypedDict):
    span: Optional[Span]
    note: str


class Claim(TypedDict):
    start: int
    end: int
    text: str
    kind: str  # direct, indirect or according_to
    speaker: Optional[Speaker]
    cue: Optional[Span]
    side: Optional[int]  # id of the speaker's side in "sides"
    confidence: float
    evidence: List[Evidence]


class Assertion(TypedDict):
    start: int
    end: int
    text: str
    score: float


class Balance(TypedDict):
    claims: int
    quoted_words: int
    named_claims: int
    anonymous_claims: int
    named_sources: int
    first_claim: Optional[int]
    last_claim: Optional[int]
    speaks_first: bool
    speaks_last: bool


class Side(TypedDict):
    id: int
    name: str
    role: str  # party or third_party
    aliases: List[str]
    balance: Balance


class CounterClaim(TypedDict):
    claim: int
    counter: int
    score: float


class Diagnostic(TypedDict):
    span: Optional[Span]
    message: str


class Analysis(TypedDict):
    """One article's analysis: what ``article-explorer analyze --json`` prints."""

    schema_version: int
    analyzer_version: str
    entities: List[Entity]
    claims: List[Claim]
    assertions: List[Assertion]
    sides: List[Side]
    counter_claims: List[CounterClaim]
    diagnostics: List[Diagnostic]


__all__ = [
    "Analysis",
    "Assertion",
    "Balance",
    "Claim",
    "CounterClaim",
    "Diagnostic",
    "Entity",
    "Evidence",
    "Side",
    "Span",
    "Speaker",
]
