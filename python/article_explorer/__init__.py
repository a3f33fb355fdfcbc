"""Article Explorer from Python: entities, claims and the sides of a dispute in news articles.

The same Rust core as the ``article-explorer`` CLI and the web page, compiled into this package.
Every analysis is exactly the CLI's JSON contract (schema_version 1) as a dict: offsets are code
points, i.e. Python ``str`` indexes, end exclusive.

>>> import article_explorer as ae
>>> text = "Oslo says the port is shut to all ships, while Bergen says it is open to ships."
>>> result = ae.analyze(text)
>>> [(c["speaker"]["name"], c["text"]) for c in result["claims"]]
[('Oslo', 'the port is shut to all ships'), ('Bergen', 'it is open to ships')]
>>> claim = result["claims"][1]
>>> text[claim["start"]:claim["end"]]
'it is open to ships'
>>> [r["schema_version"] for r in ae.analyze_many([text, "Nothing is said here."])]
[1, 1]
"""

from collections.abc import Mapping as _Mapping
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from . import _native
from ._contract import Analysis

__all__ = [
    "ANALYZER_VERSION",
    "FRAME_COLUMNS",
    "SCHEMA_VERSION",
    "Analysis",
    "Frames",
    "analyze",
    "analyze_json",
    "analyze_many",
    "analyze_many_json",
    "to_frames",
]

#: Version of the JSON contract every analysis carries as ``schema_version``.
SCHEMA_VERSION: int = _native.SCHEMA_VERSION
#: Version of the analyser (the Rust crate), carried as ``analyzer_version``.
ANALYZER_VERSION: str = _native.ANALYZER_VERSION
__version__ = ANALYZER_VERSION


def analyze(text: str) -> Analysis:
    """Analyses one article; returns the CLI's JSON contract (schema_version 1) as a dict.

    The result equals ``json.loads`` of ``article-explorer analyze --json FILE`` for the same text.
    The GIL is released while the Rust core works. Raises ``TypeError`` when ``text`` is not a
    ``str`` (decode bytes first) and ``UnicodeEncodeError`` for a ``str`` with lone surrogates.

    >>> import article_explorer as ae
    >>> r = ae.analyze("Oslo says the port is shut to all ships, while Bergen says it is open to ships.")
    >>> [c["speaker"]["name"] for c in r["claims"]]
    ['Oslo', 'Bergen']
    >>> r["claims"][0]["start"], r["claims"][0]["end"]
    (10, 39)
    """
    return _native.analyze_one(text)


def analyze_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Analysis]:
    """Analyses many articles in parallel; returns one contract dict per text, in input order.

    The texts are spread over every core (Rayon's global pool), or over ``threads`` threads of a
    pool made for this call, with the GIL released; the calling thread turns finished chunks into
    dicts while the next chunk is analysed. ``texts`` is any
    iterable of ``str`` (a list, a tuple, a pandas Series, a generator). Raises ``TypeError`` for a
    single ``str``, a non-iterable or a non-``str`` item (naming its index), and ``ValueError`` for
    ``threads < 1``.

    >>> import article_explorer as ae
    >>> results = ae.analyze_many(["Oslo says the port is shut.", "Bergen says it is open."], threads=2)
    >>> [r["claims"][0]["speaker"]["name"] for r in results]
    ['Oslo', 'Bergen']
    """
    return _native.analyze_many(texts, threads)


def analyze_json(text: str) -> str:
    """Like :func:`analyze`, but returns the contract as the CLI's JSON text (one line, no newline).

    Useful to write JSONL without a decode/encode round trip.

    >>> import article_explorer as ae
    >>> ae.analyze_json("Oslo says the port is shut.")[:19]
    '{"schema_version":1'
    """
    return _native.analyze_json(text)


def analyze_many_json(texts: Iterable[str], threads: Optional[int] = None) -> List[str]:
    """Like :func:`analyze_many`, but returns each contract as the CLI's JSON text.

    ``'{"id":' + json.dumps(id, ensure_ascii=False) + "," + s[1:]`` is then byte for byte the line
    ``article-explorer analyze --jsonl`` writes for a string or integer ``id``.

    >>> import article_explorer as ae
    >>> len(ae.analyze_many_json(["Oslo says the port is shut.", "Bergen says it is open."]))
    2
    """
    return _native.analyze_many_json(texts, threads)


# --- DataFrames ------------------------------------------------------------------------------

#: The columns of each frame made by :func:`to_frames`, in order, with their pandas dtypes.
#: ``Int64`` is pandas' nullable integer (``<NA>`` where the contract has ``null``); ``object``
#: columns hold ``str`` (or ``None``), the article ids as given, and lists of ``str`` (``aliases``).
FRAME_COLUMNS: Dict[str, List[Tuple[str, str]]] = {
    "entities": [
        ("article_id", "object"),
        ("entity", "int64"),  # index of the mention in the article's "entities"
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("kind", "object"),
        ("cluster", "object"),
        ("cluster_id", "int64"),
        ("confidence", "float64"),
    ],
    "claims": [
        ("article_id", "object"),
        ("claim", "int64"),  # index of the claim in the article's "claims"
        ("start", "int64"),
        ("end", "int64"),
        ("text", "object"),
        ("kind", "object"),
        ("speaker_start", "Int64"),
        ("speaker_end", "Int64"),
        ("speaker_text", "object"),
        ("speaker_name", "object"),
        ("cue_start", "Int64"),
        ("cue_end", "Int64"),
        ("cue_text", "object"),
        ("side", "Int64"),  # the side's id, as in the sides frame
        ("side_name", "object"),
        ("confidence", "float64"),
    ],
    "sides": [
        ("article_id", "object"),
        ("side", "int64"),  # the side's id
        ("name", "object"),
        ("role", "object"),
        ("aliases", "object"),  # list of str
        ("claims", "int64"),
        ("quoted_words", "int64"),
        ("named_claims", "int64"),
        ("anonymous_claims", "int64"),
        ("named_sources", "int64"),
        ("first_claim", "Int64"),
        ("last_claim", "Int64"),
        ("speaks_first", "bool"),
        ("speaks_last", "bool"),
    ],
}

_BALANCE = [name for name, _ in FRAME_COLUMNS["sides"][5:]]


class Frames(NamedTuple):
    """The three tables of :func:`to_frames`: one row per entity mention, claim and side."""

    entities: Any  # pandas.DataFrame (Any: pandas is optional)
    claims: Any
    sides: Any


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "article_explorer.to_frames needs pandas, which is not installed: "
            "pip install pandas (or pip install './python[frames]' from the repository)"
        ) from e
    return pandas


def _get(span: Any, key: str) -> Any:
    return None if span is None else span[key]


def to_frames(results: Iterable[Analysis], ids: Optional[Sequence[Any]] = None) -> Frames:
    """Turns analyses into pandas DataFrames: ``Frames(entities, claims, sides)``.

    One row per entity mention, per claim and per side, each with an ``article_id`` column:
    ``ids[i]`` for ``results[i]`` when ``ids`` is given, else the result's own ``"id"`` (as in
    ``article-explorer analyze --jsonl`` output), else its position. Columns and dtypes are listed
    in :data:`FRAME_COLUMNS`; the row's index within its article is ``entity``, ``claim`` or
    ``side``. Needs pandas (``ImportError`` with the command to install it otherwise).

    >>> import article_explorer as ae
    >>> texts = ["Oslo says the port is shut to all ships, while Bergen says it is open to ships."]
    >>> frames = ae.to_frames(ae.analyze_many(texts), ids=["a1"])
    >>> frames.claims[["article_id", "claim", "speaker_name", "text"]].values.tolist()
    [['a1', 0, 'Oslo', 'the port is shut to all ships'], ['a1', 1, 'Bergen', 'it is open to ships']]
    """
    pd = _pandas()
    if isinstance(results, _Mapping):
        raise TypeError("to_frames() argument 'results' must be an iterable of analyses; wrap one analysis in a list")
    try:
        results = list(results)
    except TypeError:
        raise TypeError(
            f"to_frames() argument 'results' must be an iterable of analyses, not {type(results).__name__}"
        ) from None
    for i, r in enumerate(results):
        if not isinstance(r, _Mapping) or "claims" not in r or "entities" not in r or "sides" not in r:
            raise TypeError(
                f"to_frames() results[{i}] must be an analysis dict (from analyze or analyze_many), "
                f"not {type(r).__name__}"
            )
    if ids is None:
        ids = [r.get("id", i) for i, r in enumerate(results)]
    else:
        if isinstance(ids, (str, bytes)):
            raise TypeError("to_frames() argument 'ids' must be a sequence of ids, not a single str")
        ids = list(ids)
        if len(ids) != len(results):
            raise ValueError(f"to_frames() got {len(results)} results but {len(ids)} ids")

    columns = {table: {name: [] for name, _ in spec} for table, spec in FRAME_COLUMNS.items()}
    ent, cla, sid = columns["entities"], columns["claims"], columns["sides"]
    for article_id, r in zip(ids, results):
        for n, e in enumerate(r["entities"]):
            ent["article_id"].append(article_id)
            ent["entity"].append(n)
            for key in ("start", "end", "text", "kind", "cluster", "cluster_id", "confidence"):
                ent[key].append(e[key])
        side_names = {s["id"]: s["name"] for s in r["sides"]}
        for n, c in enumerate(r["claims"]):
            cla["article_id"].append(article_id)
            cla["claim"].append(n)
            for key in ("start", "end", "text", "kind", "side", "confidence"):
                cla[key].append(c[key])
            speaker, cue = c["speaker"], c["cue"]
            for key in ("start", "end", "text", "name"):
                cla["speaker_" + key].append(_get(speaker, key))
            for key in ("start", "end", "text"):
                cla["cue_" + key].append(_get(cue, key))
            cla["side_name"].append(None if c["side"] is None else side_names.get(c["side"]))
        for s in r["sides"]:
            sid["article_id"].append(article_id)
            sid["side"].append(s["id"])
            for key in ("name", "role"):
                sid[key].append(s[key])
            sid["aliases"].append(list(s["aliases"]))
            for key in _BALANCE:
                sid[key].append(s["balance"][key])

    frames = {}
    for table, spec in FRAME_COLUMNS.items():
        data = columns[table]
        frames[table] = pd.DataFrame({name: pd.Series(data[name], dtype=dtype) for name, dtype in spec})
    return Frames(frames["entities"], frames["claims"], frames["sides"])

