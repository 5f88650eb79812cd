"""Throughput of clean_articles: the boilerplate devset replicated to N articles in memory.

Each copy gets its own article_id and a site shared by 50 copies, so the repetition-across-site signal
does real work. Prints articles per second (best of --repeat runs).

    python scripts/bench_cleaning.py [--articles 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_boilerplate import load_devset  # noqa: E402

from monitor.language import detect_language  # noqa: E402
from monitor.text_cleaning import clean_articles  # noqa: E402

PAGES_PER_SITE = 50


def replicate(articles: pl.DataFrame, n: int) -> pl.DataFrame:
    copies = -(-n // articles.height)
    return (
        pl.concat([articles] * copies)
        .head(n)
        .with_row_index("copy")
        .select(
            pl.format("{}-{}", "article_id", "copy").alias("article_id"),
            "text",
            "title",
            pl.format(
                "{}-{}.example", "template", pl.col("copy") // (articles.height * PAGES_PER_SITE)
            ).alias("site"),
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles, _ = load_devset()
    batch = replicate(articles, args.articles)
    lines = batch["text"].str.count_matches("\n").sum() + batch.height
    print(f"{batch.height} articles, {lines} lines, {batch['text'].str.len_bytes().sum() / 1e6:.1f} MB")
    cleaned = measure("clean_articles", lambda: clean_articles(batch), batch.height, args.repeat)
    measure("detect_language", lambda: detect_language(cleaned.select("article_id", "body")), batch.height, 1)


def measure(name: str, run, n: int, repeat: int):
    """Best wall time of `repeat` runs and the CPU time used (other load on the machine shows as the gap)."""
    best_wall, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(
        f"{name}: {best_wall:.2f} s wall, {n / best_wall:,.0f} articles/s; "
        f"{best_cpu:.2f} s CPU over all threads, {n / best_cpu:,.0f} articles per CPU-second; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return result


if __name__ == "__main__":
    main()
