"""Throughput of clean_articles: the boilerplate devset replicated to N articles in memory.

Each copy gets its own article_id and a site shared by 50 copies, so the repetition-across-site signal
does real work. Prints articles per second (best of --repeat runs).

    python scripts/bench_cleaning.py [--articles 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
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
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        cleaned = clean_articles(batch)
        best = min(best, time.perf_counter() - start)
    print(f"clean_articles: {best:.2f} s, {batch.height / best:,.0f} articles/s")
    start = time.perf_counter()
    detect_language(cleaned.select("article_id", "body"))
    elapsed = time.perf_counter() - start
    print(f"detect_language: {elapsed:.2f} s, {batch.height / elapsed:,.0f} articles/s")


if __name__ == "__main__":
    main()
