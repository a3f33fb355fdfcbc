"""Analyse a corpus of JSONL shards on Dask distributed: JSONL (and Parquet) out.

    python python/examples/dask_corpus.py 'shards/*.jsonl' out/                 # LocalCluster, 2 worker processes
    python python/examples/dask_corpus.py 'shards/*.jsonl' out/ --scheduler tcp://HOST:8786   # an existing cluster

Input: lines of {"id": ..., "text": ...}, any number of files (one partition per file, or
--blocksize). Output: out/jsonl/part-NNNNN.jsonl, byte for byte what `article-explorer analyze --jsonl`
writes for the same lines, and out/parquet/{entities,claims,sides}/ (read back with
pandas.read_parquet("out/parquet/claims")). Each worker needs `pip install ./python` (article_explorer).
"""

import argparse
import sys
import time

from article_explorer.engines import dask_corpus_run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("shards", help="JSONL file or glob of files, e.g. 'shards/*.jsonl'")
    parser.add_argument("out_dir", help="output folder (jsonl/ and parquet/ are written inside)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the LocalCluster (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="analysis threads per task (default 1; 0 = every core)")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler instead of a LocalCluster")
    parser.add_argument("--blocksize", default=None, help="split files into partitions of this size, e.g. 64MiB")
    parser.add_argument("--no-parquet", action="store_true", help="write JSONL only")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    threads = None if args.threads == 0 else args.threads
    start = time.perf_counter()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)
    try:
        ready = time.perf_counter()
        summary = dask_corpus_run(args.shards, args.out_dir, parquet=not args.no_parquet, threads=threads, blocksize=args.blocksize)
        done = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    rate = summary["articles"] / max(done - ready, 1e-9)
    print(
        f"dask: {summary['articles']} articles in {summary['partitions']} partitions, "
        f"{done - ready:.1f} s ({rate:.0f} articles/s; cluster start {ready - start:.1f} s) -> {args.out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
