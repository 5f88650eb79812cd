"""Peak memory and seconds of reading one stance_statements batch's inputs, by ids alone or by row ranges.

stance_statements read a batch of 20,000 articles from cleaned_articles, sentences and entity_mentions with
`article_id IN (batch ids)` only: DuckDB scanned every stored row of the three tables for each batch, bodies
and sentence texts included, and kept the blocks it read up to its memory limit. In the 1M run of 2026-12-06
that was the step's peak (about 4 GB, falling back to about 2 GB between batches). Since 83621c9 the step
reads a batch within row ranges (`assets.stance._batch_inputs`): the batch is a run of cleaned_articles'
rows, and the sentences and mentions of its articles are runs of rows there too (written in that order).
This compares the two reads on a monitor database, each batch in a fresh connection as the step opens one
per batch, and checks that both return the same rows.

    python scripts/bench_stance_inputs.py data/bench/n1000000/monitor.duckdb --batches 3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_checkpoint import PeakRss  # noqa: E402

from assets.stance import ARTICLES_PER_BATCH, BATCH_READS, _batch_inputs  # noqa: E402

SPANS = """SELECT article_id, min(rowid) AS lo, max(rowid) AS hi, count(*) AS n FROM {table} GROUP BY ALL"""


def open_database(path: str, memory_limit: str) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(path, read_only=True)
    conn.execute(f"SET memory_limit = '{memory_limit}'")
    return conn


def by_ids(conn, ids: pl.Series) -> tuple[pl.DataFrame, ...]:
    """The three inputs of a batch read by `article_id IN (batch ids)` alone (the step before 83621c9)."""
    conn.register("batch_ids", pl.DataFrame({"article_id": ids}).to_arrow())
    frames = tuple(
        conn.execute(f"{select} WHERE article_id IN (SELECT article_id FROM batch_ids)").pl()  # noqa: S608
        for *_, select in BATCH_READS.values()
    )
    conn.unregister("batch_ids")
    return frames


def same_rows(left: pl.DataFrame, right: pl.DataFrame) -> bool:
    return left.height == right.height and left.sort(left.columns).equals(right.sort(right.columns))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database", help="a monitor DuckDB file (the published snapshot), read only")
    parser.add_argument("--batches", type=int, default=3, help="batches spread over the table")
    parser.add_argument("--memory-limit", default="2GB")
    args = parser.parse_args()
    rss = PeakRss()
    start, began = rss.reset(), time.perf_counter()
    with open_database(args.database, args.memory_limit) as conn:
        spans = {
            prefix: conn.execute(SPANS.format(table=table))
            .pl()
            .rename({"lo": f"{prefix}_lo", "hi": f"{prefix}_hi", "n": f"{prefix}_n"})
            for prefix, table in (("s", "sentences"), ("m", "entity_mentions"))
        }
        order = conn.execute("SELECT rowid AS row, article_id FROM cleaned_articles ORDER BY rowid").pl()
    order = order.join(spans["s"], on="article_id", how="left").join(spans["m"], on="article_id", how="left")
    print(f"row spans of {order.height:,} articles: {time.perf_counter() - began:.1f} s, "
          f"peak {rss.peak / 2**20:,.0f} MB (start {start / 2**20:,.0f} MB)", flush=True)  # fmt: skip
    count = -(-order.height // ARTICLES_PER_BATCH)
    for number in sorted({round(k * (count - 1) / max(args.batches - 1, 1)) for k in range(args.batches)}):
        batch = order.slice(number * ARTICLES_PER_BATCH, ARTICLES_PER_BATCH)
        figures = {}
        for name in ("ids", "rows"):
            start, began = rss.reset(), time.perf_counter()
            with open_database(args.database, args.memory_limit) as conn:
                frames = by_ids(conn, batch["article_id"]) if name == "ids" else _batch_inputs(conn, batch)
            figures[name] = frames
            print(f"batch {number} of {count}, {name:4s}: {time.perf_counter() - began:5.1f} s, "
                  f"peak {rss.peak / 2**20:,.0f} MB (start {start / 2**20:,.0f} MB), "
                  f"rows {[f.height for f in frames]}", flush=True)  # fmt: skip
        same = all(same_rows(a, b) for a, b in zip(figures["ids"], figures["rows"], strict=True))
        print(f"batch {number}: the same rows both ways: {same}", flush=True)


if __name__ == "__main__":
    main()
