"""Throughput of extract_statements and aggregate_daily on the samples replicated to N articles.

The five sample articles go through cleaning, sentence splitting and actor mentions once; their
sentence and mention frames are then replicated under new article ids (and spread over 30 days)."""

from __future__ import annotations

import argparse
import time
from datetime import date

import polars as pl

from monitor import settings
from monitor.stance import extract_statements
from monitor.stance_daily import aggregate_daily
from monitor.stance_devset import page_frames
from monitor.stance_matching import load_cues


def sample_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    return page_frames(sorted((settings.SEEDS_DIR / "articles").glob("*.txt")), date(2023, 11, 9))


def replicate(frame: pl.DataFrame, copies: int) -> pl.DataFrame:
    copy = pl.DataFrame({"copy": pl.int_range(0, copies, eager=True).cast(pl.String)})
    out = frame.join(copy, how="cross").with_columns(article_id=pl.col("article_id") + "_" + pl.col("copy"))
    if "mention_id" in out.columns:
        out = out.with_columns(mention_id=pl.col("mention_id") + "_" + pl.col("copy"))
    return out.drop("copy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    sentences, mentions = sample_frames()
    copies = -(-args.articles // sentences["article_id"].n_unique())
    sentences, mentions = replicate(sentences, copies), replicate(mentions, copies)
    ids = sentences.select("article_id").unique()
    published = ids.with_columns(
        published_on=pl.lit(date(2023, 11, 1)) + pl.duration(days=pl.col("article_id").hash() % 30)
    )
    cues = load_cues()
    print(f"articles {ids.height:,}  sentences {sentences.height:,}  mentions {mentions.height:,}")

    start = time.perf_counter()
    statements = extract_statements(sentences, mentions, cues, published)
    took = time.perf_counter() - start
    print(
        f"extract_statements: {statements.height:,} statements in {took:.1f} s -> "
        f"{statements.height / took:,.0f} statements/s, {sentences.height / took:,.0f} sentences/s, "
        f"{ids.height / took:,.0f} articles/s"
    )

    joined = statements.with_columns(story_id=pl.col("article_id"), outlet_id=pl.lit("bench"))
    start = time.perf_counter()
    daily = aggregate_daily(joined)
    took = time.perf_counter() - start
    print(f"aggregate_daily: {daily.height:,} rows from {joined.height:,} statements in {took:.2f} s")


if __name__ == "__main__":
    main()
