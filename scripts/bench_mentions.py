"""Throughput of find_mentions on a synthetic corpus built from the dev set (default 100k articles).

Each synthetic article joins one dev-set body with the first paragraph of another and gets a random
date in 2021-2025, so people resolve through different roles. Prints MB/s and mentions/s, and the CPU
seconds of the process too: on a shared machine wall time moves with the load, CPU time much less.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import polars as pl
from eval_mentions import load_devset  # sibling script: run as `python scripts/bench_mentions.py`

from monitor.actors import find_mentions, load_actor_dictionary
from monitor.mentions import match_spans


def synthetic_corpus(n: int, seed: int = 7) -> pl.DataFrame:
    base = load_devset().with_row_index("i")
    k = base.height
    idx = pl.DataFrame({"n": pl.int_range(n, eager=True)}).with_columns(
        (pl.col("n").hash(seed) % k).cast(pl.UInt32).alias("i"),
        (pl.col("n").hash(seed + 1) % k).cast(pl.UInt32).alias("j"),
        (pl.col("n").hash(seed + 2) % 1800).cast(pl.Int32).alias("day"),
    )
    first_para = base.select(
        pl.col("i").alias("j"), pl.col("body").str.split("\n\n").list.first().alias("lead")
    )
    return (
        idx.join(base.select("i", "body"), on="i")
        .join(first_para, on="j")
        .select(
            pl.format("syn{}", pl.col("n")).alias("article_id"),
            pl.concat_str("body", pl.lit("\n\n"), "lead").alias("body"),
            (pl.lit(date(2021, 1, 1)) + pl.duration(days=pl.col("day"))).alias("published_on"),
        )
        .sort("article_id")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (figures per run)")
    args = parser.parse_args()
    dictionary = load_actor_dictionary()
    corpus = synthetic_corpus(args.articles)
    megabytes = corpus["body"].str.len_bytes().sum() / 1e6
    print(f"corpus: {corpus.height} articles, {megabytes:.1f} MB")

    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        spans = match_spans(corpus.select("article_id", "body"), dictionary)
        t1, c1 = time.perf_counter(), time.process_time()
        mentions = find_mentions(corpus, dictionary)
        t2, c2 = time.perf_counter(), time.process_time()
        print(
            f"match_spans:   {t1 - t0:6.2f} s  {megabytes / (t1 - t0):6.1f} MB/s  {spans.height} spans  "
            f"(cpu {c1 - c0:.2f} s, {megabytes / (c1 - c0):.1f} MB per CPU-second)"
        )
        print(
            f"find_mentions: {t2 - t1:6.2f} s  {megabytes / (t2 - t1):6.1f} MB/s  "
            f"{mentions.height / (t2 - t1):,.0f} mentions/s  ({mentions.height} mentions, "
            f"cpu {c2 - c1:.2f} s, {megabytes / (c2 - c1):.1f} MB per CPU-second)"
        )


if __name__ == "__main__":
    main()
