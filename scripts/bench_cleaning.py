"""Throughput of clean_articles: the boilerplate devset replicated to N articles in memory.

Each copy gets its own article_id and a site shared by 50 copies, so the repetition-across-site signal
does real work. Prints articles per second (best of --repeat runs).

With --database (a benchmark run's DuckDB, opened read-only), the first --articles raw articles of that
corpus go through assets/clean.py's clean_batch instead, part by part as the step runs them (site,
boilerplate, dates, outlets, wire credits, language, then the MinHash signatures and LSH keys of
assign_stories), then whole: CPU seconds are the figure to compare on a shared machine.

    python scripts/bench_cleaning.py [--articles 100000] [--repeat 3]
    python scripts/bench_cleaning.py --database data/bench/n100000/monitor.duckdb --articles 20000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_boilerplate import load_devset  # noqa: E402

from assets.clean import clean_batch  # noqa: E402
from monitor import dates, dedup, language, minhash, outlets, text_cleaning, wire_credits  # noqa: E402
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
    parser.add_argument(
        "--database", type=Path, help="a benchmark run's DuckDB: time clean_batch on its corpus"
    )
    args = parser.parse_args()
    if args.database:
        bench_clean_batch(args.database, args.articles, args.repeat)
        return
    articles, _ = load_devset()
    batch = replicate(articles, args.articles)
    lines = batch["text"].str.count_matches("\n").sum() + batch.height
    print(f"{batch.height} articles, {lines} lines, {batch['text'].str.len_bytes().sum() / 1e6:.1f} MB")
    cleaned = measure("clean_articles", lambda: clean_articles(batch), batch.height, args.repeat)
    measure("detect_language", lambda: detect_language(cleaned.select("article_id", "body")), batch.height, 1)


def bench_clean_batch(database: Path, n: int, repeat: int) -> None:
    with duckdb.connect(str(database), read_only=True) as conn:
        raw = conn.execute(
            """SELECT article_id, input_kind, text, title, byline, url, outlet, published, ingested_at
               FROM raw_articles ORDER BY rowid LIMIT ?""",
            [n],
        ).pl()
        registry = conn.execute("SELECT * FROM outlets").pl()
    print(f"{raw.height} raw articles of {database}, {raw['text'].str.len_bytes().sum() / 1e6:.1f} MB")
    site = measure("site", lambda: outlets.registered_domain(raw["url"]), raw.height, repeat)
    pages = raw.select("article_id", "text", "title", site=site)
    cleaned = measure("clean_articles", lambda: text_cleaning.clean_articles(pages), raw.height, repeat)
    measure(
        "dates",
        lambda: dates.resolve_published_dates(
            raw.select("article_id", "published", "url", "text", "ingested_at")
        ),
        raw.height,
        repeat,
    )
    measure(
        "outlets",
        lambda: outlets.resolve_outlets(raw.select("article_id", "url", "outlet", "text"), registry),
        raw.height,
        repeat,
    )
    copy = cleaned.select("article_id", text="body").join(
        raw.select("article_id", "byline", page="text"), on="article_id", how="left"
    )
    measure("wire credits", lambda: wire_credits.detect_wire(copy, registry), raw.height, repeat)
    measure(
        "language",
        lambda: language.detect_language(raw.select("article_id", body="text")),
        raw.height,
        repeat,
    )
    bodies = cleaned.select("article_id", "body")
    signatures = measure("minhash", lambda: minhash.minhash_signatures(bodies), raw.height, repeat)
    measure("band keys", lambda: dedup.band_keys(signatures), raw.height, repeat)
    measure("clean_batch", lambda: clean_batch(raw, registry), raw.height, repeat)


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
