"""Country-level recall and precision of find_mentions on devset/mentions/ (see its README).

Prints one line per article (gold, predicted, recall, precision, misses, extras) and the micro and
macro averages; exits non-zero when micro recall or precision is below --target.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

from monitor.actors import find_mentions, load_actor_dictionary

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "devset" / "mentions"


def load_devset(devset: Path = DEVSET) -> pl.DataFrame:
    """articles[article_id, body, published_on] for the written articles and the samples."""
    written = pl.read_ndjson(devset / "articles.jsonl").with_columns(pl.col("published_on").str.to_date())
    samples = pl.read_csv(devset / "samples.csv", schema_overrides={"article_id": pl.String})
    sample_bodies = samples.select(
        "article_id",
        pl.col("path")
        .map_elements(lambda p: (ROOT / p).read_text(encoding="utf-8"), return_dtype=pl.String)
        .alias("body"),
        pl.col("published_on").str.to_date(),
    )
    return pl.concat([sample_bodies, written.select("article_id", "body", "published_on")])


def score(articles: pl.DataFrame, mentions: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    gold = labels.select(
        "article_id",
        pl.col("countries")
        .fill_null("")
        .str.split(";")
        .list.eval(pl.element().filter(pl.element() != ""))
        .alias("gold"),
    )
    predicted = mentions.group_by("article_id").agg(pl.col("country").unique().alias("predicted"))
    return (
        articles.select("article_id")
        .join(gold, on="article_id", how="left")
        .join(predicted, on="article_id", how="left")
        .with_columns(pl.col("gold", "predicted").fill_null(pl.lit([], pl.List(pl.String))))
        .with_columns(
            pl.col("gold").list.set_intersection("predicted").list.len().alias("hit"),
            pl.col("gold").list.set_difference("predicted").list.sort().alias("missed"),
            pl.col("predicted").list.set_difference("gold").list.sort().alias("extra"),
        )
        .with_columns(
            pl.when(pl.col("gold").list.len() > 0)
            .then(pl.col("hit") / pl.col("gold").list.len())
            .otherwise(1.0)
            .alias("recall"),
            pl.when(pl.col("predicted").list.len() > 0)
            .then(pl.col("hit") / pl.col("predicted").list.len())
            .otherwise(1.0)
            .alias("precision"),
        )
        .sort("article_id")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=0.95)
    args = parser.parse_args()
    articles = load_devset()
    labels = pl.read_csv(
        DEVSET / "labels.csv", schema_overrides={"article_id": pl.String, "countries": pl.String}
    )
    scores = score(articles, find_mentions(articles, load_actor_dictionary()), labels)
    for row in scores.iter_rows(named=True):
        print(
            f"{row['article_id']:>6}  gold={len(row['gold']):>2} pred={len(row['predicted']):>2}  "
            f"R={row['recall']:.2f} P={row['precision']:.2f}  missed={row['missed']} extra={row['extra']}"
        )
    hits = scores["hit"].sum()
    micro_r = hits / max(scores["gold"].list.len().sum(), 1)
    micro_p = hits / max(scores["predicted"].list.len().sum(), 1)
    print(
        f"\narticles={scores.height}  micro R={micro_r:.3f} P={micro_p:.3f}  "
        f"macro R={scores['recall'].mean():.3f} P={scores['precision'].mean():.3f}"
    )
    return 0 if min(micro_r, micro_p) >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
