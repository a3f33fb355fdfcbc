"""The Dask and Spark runs on the generated 1,000-article corpus give exactly the analyses of
`article-explorer analyze --jsonl`: the README's example scripts are run as they are documented."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import article_explorer as ae
from conftest import CORPUS_SIZE, require

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(script, *args):
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYTHONUNBUFFERED="1")
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *map(str, args)], capture_output=True, text=True, env=env, timeout=900
    )
    assert out.returncode == 0, f"{script} failed:\n{out.stdout}\n{out.stderr[-5000:]}"
    return out.stdout


def normalise(frame, table):
    """A frame read back from Parquet, with to_frames' dtypes, in (article_id, index) order."""
    pd = require("pandas")
    frame = frame[[name for name, _ in ae.FRAME_COLUMNS[table]]].copy()
    for name, dtype in ae.FRAME_COLUMNS[table]:
        if name == "aliases":
            frame[name] = frame[name].map(list)
        elif dtype != "object":
            frame[name] = frame[name].astype(dtype)
        else:
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    key = ["article_id", {"entities": "entity", "claims": "claim", "sides": "side"}[table]]
    return frame.sort_values(key).reset_index(drop=True)


def expected_frames(cli_results):
    return ae.to_frames([cli_results[k] for k in sorted(cli_results)])


def test_dask_local_cluster_run_equals_the_cli(corpus, corpus_dir, cli_lines, cli_results, tmp_path):
    require("dask")
    require("distributed")
    pd = require("pandas")
    require("pyarrow")
    out = tmp_path / "dask"
    printed = run_example("dask_corpus.py", f"{corpus_dir}/shards/*.jsonl", out, "--workers", 2)
    assert f"dask: {CORPUS_SIZE} articles in 4 partitions" in printed
    parts = sorted((out / "jsonl").glob("part-*.jsonl"))
    assert len(parts) == 4
    lines = "".join(p.read_text(encoding="utf-8") for p in parts).splitlines()
    assert lines == cli_lines  # byte for byte, in input order
    assert [json.loads(line) for line in lines] == [cli_results[json.loads(line)["id"]] for line in cli_lines]
    expected = expected_frames(cli_results)
    for table in ("entities", "claims", "sides"):
        got = normalise(pd.read_parquet(out / "parquet" / table), table)
        pd.testing.assert_frame_equal(got, normalise(getattr(expected, table), table))
        assert len(got) > CORPUS_SIZE


def test_spark_local_run_equals_the_cli(corpus, corpus_dir, cli_results, tmp_path):
    require("pyspark")
    pd = require("pandas")
    require("pyarrow")
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("ARTICLE_EXPLORER_REQUIRE_ENGINES") == "1":
            pytest.fail("no Java runtime for Spark: run scripts/setup.sh")
        pytest.skip("no Java runtime for Spark (apt-get install default-jre-headless)")
    out = tmp_path / "spark"
    printed = run_example("spark_corpus.py", corpus_dir / "corpus.jsonl", out)
    assert f"spark: {CORPUS_SIZE} articles analysed" in printed
    analyses = pd.read_parquet(out / "analyses")
    assert sorted(analyses.id) == sorted(cli_results)
    for article_id, analysis in zip(analyses.id, analyses.analysis):
        expected = dict(cli_results[article_id])
        del expected["id"]
        assert json.loads(analysis) == expected, article_id
    expected = expected_frames(cli_results)
    for table in ("claims", "sides", "entities"):
        got = normalise(pd.read_parquet(out / table), table)
        pd.testing.assert_frame_equal(got, normalise(getattr(expected, table), table))
