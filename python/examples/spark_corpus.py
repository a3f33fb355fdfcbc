"""Analyse a corpus on Apache Spark: a DataFrame of texts through mapInPandas, claims and sides out.

    python python/examples/spark_corpus.py corpus.jsonl out/                  # local[2], loopback only
    python python/examples/spark_corpus.py corpus.jsonl out/ --master local[4]

Input: JSONL (or a folder of it) of {"id": ..., "text": ...}. Output, as Parquet folders:
out/analyses (id, analysis: the CLI's contract JSON), out/claims, out/sides and out/entities (one row
per mark; columns as article_explorer.FRAME_COLUMNS). On a cluster, use your own SparkSession and
article_explorer.engines.spark_analyze / spark_table; each executor needs article_explorer installed.
"""

import argparse
import os
import sys
import time

from article_explorer.engines import spark_analyze, spark_local_session, spark_table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="JSONL file or folder of {id, text} lines")
    parser.add_argument("out_dir", help="output folder (analyses/, claims/, sides/, entities/ inside)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--threads", type=int, default=1, help="analysis threads per task (default 1; 0 = every core)")
    args = parser.parse_args(argv)

    threads = None if args.threads == 0 else args.threads
    start = time.perf_counter()
    spark = spark_local_session(args.master)
    try:
        ready = time.perf_counter()
        texts = spark.read.schema("id string, text string").json(args.corpus)
        analyses_dir = os.path.join(args.out_dir, "analyses")
        spark_analyze(texts, threads=threads).write.mode("overwrite").parquet(analyses_dir)
        analysed = time.perf_counter()
        analyses = spark.read.parquet(analyses_dir)
        n = analyses.count()
        for table in ("claims", "sides", "entities"):
            spark_table(analyses, table).write.mode("overwrite").parquet(os.path.join(args.out_dir, table))
        done = time.perf_counter()
        claims = spark.read.parquet(os.path.join(args.out_dir, "claims"))
        print("claims per kind:", {r["kind"]: r["count"] for r in claims.groupBy("kind").count().collect()})
    finally:
        spark.stop()
    print(
        f"spark: {n} articles analysed in {analysed - ready:.1f} s ({n / max(analysed - ready, 1e-9):.0f} articles/s), "
        f"tables {done - analysed:.1f} s, session start {ready - start:.1f} s -> {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
