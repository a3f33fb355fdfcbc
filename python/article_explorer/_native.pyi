"""Type stub of the compiled module ``article_explorer._native`` (python/src/lib.rs)."""

from typing import Iterable, List, Optional

from ._contract import Analysis

SCHEMA_VERSION: int
ANALYZER_VERSION: str

def analyze_one(text: str) -> Analysis:
    """The CLI's JSON contract for one text, as a dict. TypeError if ``text`` is not a str."""

def analyze_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Analysis]:
    """One contract dict per text, in input order; analysed on every core with the GIL released."""

def analyze_json(text: str) -> str:
    """The CLI's JSON contract for one text, as JSON text. TypeError if ``text`` is not a str."""

def analyze_many_json(texts: Iterable[str], threads: Optional[int] = None) -> List[str]:
    """The contract JSON of each text, in input order, computed on every core with the GIL released."""
