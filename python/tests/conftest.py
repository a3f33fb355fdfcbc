"""Shared fixtures: the repository's CLI (the reference every Python result is compared with), the
1,000-article generated corpus and the CLI's `--jsonl` analyses of it.

Environment:
- ARTICLE_EXPLORER_CLI: the `article-explorer` binary to compare with (default: `cargo build --bin
  article-explorer` in the repository root, then target/debug/article-explorer; cargo does nothing
  when it is current, and a stale binary can never be picked up).
- ARTICLE_EXPLORER_DEV_DIR: the shared dev articles (default ../shared/eval/dev from the repository root).
- ARTICLE_EXPLORER_REQUIRE_ENGINES=1 (scripts/test.sh sets it): a missing Dask, Spark, pandas or
  Java fails the run instead of skipping those tests.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))  # newsgen

import newsgen  # noqa: E402

CORPUS_SIZE = 1000


def dev_dir() -> Path:
    return Path(os.environ.get("ARTICLE_EXPLORER_DEV_DIR", REPO.parent / "shared" / "eval" / "dev"))


def require(module: str):
    """Imports an optional engine, or skips (fails under ARTICLE_EXPLORER_REQUIRE_ENGINES=1)."""
    try:
        return __import__(module)
    except ImportError as e:
        if os.environ.get("ARTICLE_EXPLORER_REQUIRE_ENGINES") == "1":
            pytest.fail(f"{module} is required (ARTICLE_EXPLORER_REQUIRE_ENGINES=1) but missing: {e}; run scripts/setup.sh")
        pytest.skip(f"{module} is not installed (pip install -r python/requirements-dev.txt)")


@pytest.fixture(scope="session")
def cli() -> Path:
    given = os.environ.get("ARTICLE_EXPLORER_CLI")
    if given:
        path = Path(given)
        assert path.is_file(), f"ARTICLE_EXPLORER_CLI={given} does not exist"
        return path
    cargo = shutil.which("cargo") or str(Path.home() / ".cargo" / "bin" / "cargo")
    subprocess.run([cargo, "build", "--quiet", "--bin", "article-explorer"], cwd=REPO, check=True)
    return REPO / "target" / "debug" / "article-explorer"


def cli_json(cli: Path, file: Path) -> dict:
    out = subprocess.run([str(cli), "analyze", "--json", str(file)], capture_output=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="session")
def corpus(corpus_dir):
    """The generated corpus: a list of (id, text), written to corpus.jsonl and to 4 shards."""
    articles = newsgen.write_jsonl(corpus_dir / "corpus.jsonl", CORPUS_SIZE)
    newsgen.write_shards(corpus_dir / "shards", articles, 4)
    return articles


@pytest.fixture(scope="session")
def cli_lines(cli, corpus, corpus_dir):
    """`article-explorer analyze --jsonl` output for the corpus, as text lines."""
    with open(corpus_dir / "corpus.jsonl", "rb") as f:
        out = subprocess.run([str(cli), "analyze", "--jsonl"], stdin=f, capture_output=True, check=True)
    lines = out.stdout.decode("utf-8").splitlines()
    assert len(lines) == CORPUS_SIZE
    return lines


@pytest.fixture(scope="session")
def cli_results(cli_lines):
    """The CLI's analyses of the corpus by id."""
    results = {}
    for line in cli_lines:
        r = json.loads(line)
        results[r["id"]] = r
    return results
