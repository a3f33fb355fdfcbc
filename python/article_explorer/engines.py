"""Corpus runs on Dask and on Spark: the map step of each engine, written once and importable by
their workers (which import ``article_explorer``, so nothing here is pickled by value).

Dask (``pip install 'dask[distributed]' pandas pyarrow``): JSONL shards of ``{"id", "text"}`` lines
in, one JSONL line per article out (byte for byte what ``article-explorer analyze --jsonl`` writes),
plus entities, claims and sides as Parquet::

    from dask.distributed import Client, LocalCluster
    from article_explorer.engines import dask_corpus_run
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        dask_corpus_run("shards/*.jsonl", "out/")

Spark (``pip install pyspark pandas pyarrow`` and a Java runtime): a DataFrame of texts analysed
with ``mapInPandas``, then DataFrames of claims, sides and entities::

    from article_explorer.engines import spark_analyze, spark_table
    analyses = spark_analyze(spark.read.schema("id string, text string").json("corpus.jsonl"))
    claims = spark_table(analyses, "claims")

Each task analyses its partition with :func:`article_explorer.analyze_many_json` on ``threads``
threads (default 1: the engine already runs one task per core; ``None`` uses every core).
Neither engine is imported until one of its functions is called.
"""

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from . import FRAME_COLUMNS, analyze_many_json, to_frames

__all__ = [
    "ANALYSES_SCHEMA",
    "analyze_jsonl_lines",
    "dask_analyze_bag",
    "dask_corpus_run",
    "spark_analyze",
    "spark_local_session",
    "spark_schema",
    "spark_table",
]


def _id_json(article_id: Any) -> str:
    return json.dumps(article_id, ensure_ascii=False, separators=(",", ":"))


def with_id(article_id: Any, analysis_json: str) -> str:
    """The CLI's ``--jsonl`` output line (no newline): ``{"id": ..., <the analysis' fields>}``."""
    return '{"id":' + _id_json(article_id) + "," + analysis_json[1:]


def analyze_jsonl_lines(lines: Iterable[str], threads: Optional[int] = 1, where: str = "input") -> List[str]:
    """Analyses JSONL input lines (``{"id": ..., "text": ...}``) and returns the output lines.

    Blank lines are skipped, as the CLI does; a line that is not such an object raises
    ``ValueError`` naming ``where`` and the line number (an engine then retries or reports it).
    """
    ids: List[Any] = []
    texts: List[str] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            article_id, text = record["id"], record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f'{where} line {n}: not a JSON object with "id" and "text" ({e})') from None
        ids.append(article_id)
        texts.append(text)
    return [with_id(i, s) for i, s in zip(ids, analyze_many_json(texts, threads))]


# --- Dask -------------------------------------------------------------------------------------


def _analyze_partition(path_lines: List[Tuple[str, str]], threads: Optional[int]) -> List[str]:
    path_lines = list(path_lines)
    where = os.path.basename(path_lines[0][1]) if path_lines else "input"
    return analyze_jsonl_lines((line for line, _ in path_lines), threads, where)


def dask_analyze_bag(pattern: Any, threads: Optional[int] = 1, blocksize: Optional[Any] = None) -> Any:
    """A ``dask.bag`` of output JSONL lines (no newline) for JSONL shards matching ``pattern``.

    One partition per shard (or per ``blocksize`` bytes of it, e.g. ``"64MiB"``), in order.
    """
    import dask.bag as db

    lines = db.read_text(pattern, blocksize=blocksize, include_path=True)
    return lines.map_partitions(_analyze_partition, threads)


def _write_part(lines: List[str], out_dir: str, index: int, parquet: bool) -> int:
    name = f"part-{index:05d}"
    jsonl_dir = os.path.join(out_dir, "jsonl")
    os.makedirs(jsonl_dir, exist_ok=True)
    tmp = os.path.join(jsonl_dir, f".{name}.jsonl.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, os.path.join(jsonl_dir, f"{name}.jsonl"))  # a retried task never leaves half a file
    if parquet:
        frames = to_frames([json.loads(line) for line in lines])
        for table, frame in frames._asdict().items():
            table_dir = os.path.join(out_dir, "parquet", table)
            os.makedirs(table_dir, exist_ok=True)
            frame.to_parquet(os.path.join(table_dir, f"{name}.parquet"), index=False)
    return len(lines)


def dask_corpus_run(
    pattern: Any,
    out_dir: str,
    parquet: bool = True,
    threads: Optional[int] = 1,
    blocksize: Optional[Any] = None,
) -> Dict[str, int]:
    """Analyses JSONL shards on the current Dask scheduler (a ``distributed.Client``, if one is
    active) and writes, per input partition ``i``:

    - ``out_dir/jsonl/part-{i:05d}.jsonl``: the CLI's ``--jsonl`` output lines, same ids, same order;
    - with ``parquet``: ``out_dir/parquet/{entities,claims,sides}/part-{i:05d}.parquet``, the
      frames of :func:`article_explorer.to_frames` (read back with ``pandas.read_parquet(dir)``).

    Each partition is analysed once for both outputs. Returns ``{"articles": n, "partitions": p}``.
    """
    import dask

    parts = dask_analyze_bag(pattern, threads, blocksize).to_delayed()
    writes = [dask.delayed(_write_part)(part, os.fspath(out_dir), i, parquet) for i, part in enumerate(parts)]
    counts = dask.compute(*writes)
    return {"articles": int(sum(counts)), "partitions": len(counts)}


# --- Spark ------------------------------------------------------------------------------------

#: The schema of :func:`spark_analyze`'s result: the article id and its contract JSON text.
ANALYSES_SCHEMA = "id string, analysis string"


def spark_schema(table: str) -> Any:
    """The Spark ``StructType`` of a :data:`article_explorer.FRAME_COLUMNS` table (article ids as strings)."""
    from pyspark.sql import types as T

    kinds = {
        "object": T.StringType(),
        "int64": T.LongType(),
        "Int64": T.LongType(),
        "float64": T.DoubleType(),
        "bool": T.BooleanType(),
    }
    fields = []
    for name, dtype in FRAME_COLUMNS[table]:
        kind = T.ArrayType(T.StringType(), containsNull=False) if name == "aliases" else kinds[dtype]
        fields.append(T.StructField(name, kind, nullable=dtype in ("object", "Int64")))
    return T.StructType(fields)


def _spark_analyze_batches(batches: Iterator[Any], id_col: str, text_col: str, threads: Optional[int]) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        texts = batch[text_col].tolist()
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"column {text_col!r}: row with id {batch[id_col].iloc[i]!r} has no text ({text!r})")
        yield pd.DataFrame({"id": batch[id_col].astype(str), "analysis": analyze_many_json(texts, threads)})


def spark_analyze(df: Any, id_col: str = "id", text_col: str = "text", threads: Optional[int] = 1, partitions: Optional[int] = None) -> Any:
    """Analyses a Spark DataFrame of texts with ``mapInPandas``; returns a DataFrame
    ``(id string, analysis string)`` whose ``analysis`` is the CLI's contract JSON.

    The input is first spread over ``partitions`` partitions (default: twice the default
    parallelism when it has fewer), so that every core works even on one input file.
    """
    if partitions is None:
        want = 2 * df.sparkSession.sparkContext.defaultParallelism
        if df.rdd.getNumPartitions() < want:
            df = df.repartition(want)
    else:
        df = df.repartition(partitions)
    df = df.select(id_col, text_col)

    def analyze_batches(batches: Iterator[Any]) -> Iterator[Any]:
        return _spark_analyze_batches(batches, id_col, text_col, threads)

    return df.mapInPandas(analyze_batches, schema=ANALYSES_SCHEMA)


def _spark_table_batches(batches: Iterator[Any], table: str) -> Iterator[Any]:
    for batch in batches:
        results = [json.loads(a) for a in batch["analysis"]]
        frame = getattr(to_frames(results, ids=batch["id"].tolist()), table)
        yield frame


def spark_table(analyses: Any, table: str = "claims") -> Any:
    """The ``entities``, ``claims`` or ``sides`` of :func:`spark_analyze`'s result as a Spark
    DataFrame, one row per mark, columns as in :data:`article_explorer.FRAME_COLUMNS`."""
    if table not in FRAME_COLUMNS:
        raise ValueError(f"table must be one of {sorted(FRAME_COLUMNS)}, not {table!r}")

    def table_batches(batches: Iterator[Any]) -> Iterator[Any]:
        return _spark_table_batches(batches, table)

    return analyses.mapInPandas(table_batches, schema=spark_schema(table))


def spark_local_session(master: str = "local[2]", app_name: str = "article-explorer") -> Any:
    """A local Spark session that stays on this machine: loopback only, no web UI, workers on
    this Python (``sys.executable``), Arrow on for ``mapInPandas``. For tests, examples and notebooks;
    on a cluster, build your own session and call :func:`spark_analyze`."""
    import sys

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark
