"""Benchmark: articles/s on one generated corpus for the CLI, analyze_many, Dask and Spark.

    python/.venv/bin/python python/bench.py                  # 10,000 articles (builds the release CLI)
    python/.venv/bin/python python/bench.py --articles 2000 --cli target/release/article-explorer

Every run analyses the same corpus and writes its analyses (JSONL for the CLI and Dask, Parquet for
Spark; analyze_many returns dicts). Engine start-up (cluster, JVM, Spark's Python workers) is timed
apart or warmed up, and not counted in the rate. The goal of issue 16: analyze_many at least 0.9 of the CLI's rate. The machine's other
load shows in the figures: compare rows of one run, not across runs.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Import the installed package, not the source folder beside this script (no compiled module there
# unless `maturin develop` put one), and the corpus generator from tests/.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE / "tests"))

import newsgen  # noqa: E402

import article_explorer as ae  # noqa: E402


def release_cli() -> Path:
    cargo = shutil.which("cargo") or str(Path.home() / ".cargo" / "bin" / "cargo")
    subprocess.run([cargo, "build", "--release", "--quiet", "--bin", "article-explorer"], cwd=REPO, check=True)
    return REPO / "target" / "release" / "article-explorer"


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--cli", help="the article-explorer binary (default: cargo build --release)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the CLI and analyze_many, best kept")
    parser.add_argument("--skip", default="", help="comma-separated: dask,spark")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    cli = Path(args.cli) if args.cli else release_cli()
    work = Path(tempfile.mkdtemp(prefix="ae-bench-"))
    corpus_path = work / "corpus.jsonl"
    corpus = newsgen.write_jsonl(corpus_path, args.articles, seed=10_000)
    newsgen.write_shards(work / "shards", corpus, 8)
    texts = [text for _, text in corpus]
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {n} generated articles, {words} words, {corpus_path.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} cores")
    rows = []

    def row(name, seconds, note=""):
        rows.append((name, n / seconds, seconds, note))
        print(f"  {name:<44} {n / seconds:8.0f} articles/s  ({seconds:.1f} s) {note}", flush=True)

    ae.analyze("Warm-up: Oslo said the lexicon is loaded.")
    cli_best = many_best = float("inf")
    for _ in range(args.repeat):
        with open(corpus_path, "rb") as src, open(work / "cli.jsonl", "wb") as dst:
            seconds, _ = timed(lambda: subprocess.run([str(cli), "analyze", "--jsonl"], stdin=src, stdout=dst, check=True))
        cli_best = min(cli_best, seconds)
        seconds, results = timed(lambda: ae.analyze_many(texts))
        many_best = min(many_best, seconds)
        del results
    row("CLI: article-explorer analyze --jsonl", cli_best, "(all cores)")
    row("Python: analyze_many (dicts)", many_best, "(all cores, GIL released)")
    seconds, _ = timed(lambda: ae.analyze_many_json(texts))
    row("Python: analyze_many_json (JSON text)", seconds)

    if "dask" not in skip:
        from dask.distributed import Client, LocalCluster

        from article_explorer.engines import dask_corpus_run

        for workers in (1, 2):
            start, (cluster, client) = timed(lambda: (
                lambda c: (c, Client(c)))(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       host="127.0.0.1", dashboard_address=None)))
            try:
                out = work / f"dask{workers}"
                seconds, summary = timed(lambda: dask_corpus_run(f"{work}/shards/*.jsonl", str(out), parquet=False))
                assert summary["articles"] == n
            finally:
                client.close()
                cluster.close()
            row(f"Dask: LocalCluster, {workers} worker process(es)", seconds, f"(1 thread each; start {start:.1f} s)")

    if "spark" not in skip:
        from article_explorer.engines import spark_analyze, spark_local_session

        start, spark = timed(lambda: spark_local_session("local[2]"))
        try:
            # A warm-up job starts the Python workers (imports of pandas, pyarrow, the package).
            warm = spark.createDataFrame([(article_id, text) for article_id, text in corpus[:50]], "id string, text string")
            spark_analyze(warm).write.format("noop").mode("overwrite").save()
            df = spark.read.schema("id string, text string").json(str(corpus_path))
            seconds, _ = timed(lambda: spark_analyze(df).write.mode("overwrite").parquet(str(work / "spark")))
            assert spark.read.parquet(str(work / "spark")).count() == n
        finally:
            spark.stop()
        row("Spark: local[2], mapInPandas -> Parquet", seconds, f"(JVM start {start:.1f} s, then a warm-up job)")

    rate = {name: r for name, r, _, _ in rows}
    ratio = rate["Python: analyze_many (dicts)"] / rate["CLI: article-explorer analyze --jsonl"]
    print(f"analyze_many / CLI = {ratio:.2f} (goal >= 0.9)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
