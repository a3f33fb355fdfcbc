"""to_frames: one row per entity mention, claim and side, with the article id; pandas optional."""

import sys

import pytest

import article_explorer as ae
from conftest import require

TEXTS = {
    "oslo": "Oslo says the port is shut, while Bergen says it is open. \u201cIt is open,\u201d Mayor Ingrid Moreau said.",
    "empty": "",
    "baku": "BAKU, May 2 \u2014 Azerbaijan's Foreign Ministry said Armenian troops had fired first. Yerevan denied it.",
}


def test_frames_have_one_row_per_mark_and_the_article_id():
    pd = require("pandas")
    ids = list(TEXTS)
    results = ae.analyze_many(TEXTS.values())
    frames = ae.to_frames(results, ids=ids)
    assert frames._fields == ("entities", "claims", "sides")
    for table, frame in frames._asdict().items():
        assert list(frame.columns) == [name for name, _ in ae.FRAME_COLUMNS[table]]
        assert {name: str(t) for name, t in frame.dtypes.items()} == dict(ae.FRAME_COLUMNS[table])
        assert len(frame) == sum(len(r[table]) for r in results)
        assert isinstance(frame, pd.DataFrame)
    claims = frames.claims
    for i, (article_id, r) in enumerate(zip(ids, results)):
        rows = claims[claims.article_id == article_id]
        assert rows.claim.tolist() == list(range(len(r["claims"])))
        for row, c in zip(rows.itertuples(), r["claims"]):
            assert (row.start, row.end, row.text, row.kind) == (c["start"], c["end"], c["text"], c["kind"])
            assert TEXTS[article_id][row.start:row.end] == row.text
            assert row.speaker_name == (c["speaker"] or {}).get("name")
            if c["side"] is None:
                assert row.side is pd.NA and row.side_name is None
            else:
                assert row.side == c["side"] and row.side_name == r["sides"][c["side"]]["name"]
    sides = frames.sides
    assert sides[sides.article_id == "oslo"].name.tolist() == [s["name"] for s in results[0]["sides"]]
    assert sides.aliases.map(type).eq(list).all()
    assert frames.entities[frames.entities.article_id == "empty"].empty


def test_frames_take_ids_from_jsonl_results_or_positions():
    require("pandas")
    results = ae.analyze_many(TEXTS.values())
    by_position = ae.to_frames(results)
    assert set(by_position.claims.article_id) <= {0, 1, 2}
    with_ids = [{"id": f"x{i}", **r} for i, r in enumerate(results)]
    assert set(ae.to_frames(with_ids).claims.article_id) == {"x0", "x2"}


def test_empty_input_gives_empty_typed_frames():
    require("pandas")
    frames = ae.to_frames([])
    for table, frame in frames._asdict().items():
        assert frame.empty and list(frame.columns) == [name for name, _ in ae.FRAME_COLUMNS[table]]


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(ImportError, match="needs pandas.*pip install pandas"):
        ae.to_frames([ae.analyze("Oslo said no.")])
    assert ae.analyze("Oslo said no.")["schema_version"] == 1  # the rest works without pandas
