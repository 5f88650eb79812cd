"""CPU seconds of each part of the cleaned_articles, stance_statements, entity_mentions and
article_search_index steps, one batch each, on the database of a benchmark run (`scripts/benchmark.py
--sizes 20000` leaves data/bench/n20000/monitor.duckdb).

The database is copied to a temporary file first; the parts run in the order of the step, with the same
functions (read, compute, gate, stories, write), in one transaction that is rolled back. On a shared machine
CPU seconds (process time, all threads) are the figure to compare; wall time shows the load.

    python scripts/bench_steps.py data/bench/n20000/monitor.duckdb [--articles N] [--steps mentions search]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assets import clean, mentions, stance  # noqa: E402
from monitor import gates, ge_session, search_index  # noqa: E402
from monitor.actor_dictionary import load_actor_dictionary  # noqa: E402
from monitor.stance_matching import load_cues  # noqa: E402
from monitor.warehouse import insert_frame  # noqa: E402


@contextmanager
def part(name: str, figures: dict):
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    figures[name] = (time.process_time() - cpu, time.perf_counter() - wall)
    print(f"  {name:28s} {figures[name][0]:6.2f} CPU s  {figures[name][1]:6.2f} s wall", flush=True)


def bench_clean(conn, articles: int) -> dict:
    figures: dict = {}
    batch = conn.execute(
        "SELECT rowid AS raw_row, article_id FROM raw_articles ORDER BY rowid LIMIT ?", [articles]
    )
    batch = batch.pl()
    registry = conn.execute("SELECT * FROM outlets").pl()
    conn.execute("DELETE FROM story_bands; DELETE FROM story_signatures")
    print(f"cleaned_articles, {batch.height:,} raw articles")
    with part("read raw_articles", figures):
        raw = clean._batch_raw(conn, batch)
    with part("clean_batch", figures):
        checked = clean.clean_batch(raw, registry)
    with part("GE row gate", figures):
        gate = gates.validate_rows(clean.STEP, checked)
    with part("assign_stories (+ inserts)", figures):
        stories = clean.assign_stories(conn, gate.passed)
    with part("insert cleaned_articles", figures):
        passed = gate.passed.join(stories, on="article_id", how="left").select(clean.TABLE_COLUMNS)
        insert_frame(conn, "cleaned_articles", passed.with_columns(run_id=pl.lit("bench")))
    return figures


def bench_stance(conn, articles: int) -> dict:
    figures: dict = {}
    # the step's own batch: cleaned_articles' first rows with the row spans of their sentences and mentions
    # (inside the transaction that is rolled back, so the step's ledger is left as it was)
    batch = stance._pending(conn, rebuild=True).head(articles)
    cues, known = load_cues(), load_actor_dictionary().actors["actor_id"].to_list()
    print(f"stance_statements, {batch.height:,} articles")
    with part("read sentences, mentions", figures):
        articles, sentences, mentions = stance._batch_inputs(conn, batch)
    with part("extract_statements", figures):
        candidates = stance.statement_candidates(articles, sentences, mentions, cues)
    with part("GE row gate", figures):
        gate = gates.validate_rows(stance.STEP, candidates, "statement_id", {"known_actor_ids": known})
    with part("insert stance_statements", figures):
        conn.execute("DELETE FROM stance_statements")
        passed = gate.passed.select(stance.STATEMENT_COLUMNS).with_columns(run_id=pl.lit("bench"))
        insert_frame(conn, "stance_statements", passed)
    return figures


def bench_mentions(conn, articles: int) -> dict:
    figures: dict = {}
    batch = conn.execute(
        "SELECT rowid AS row, article_id FROM cleaned_articles ORDER BY rowid LIMIT ?", [articles]
    ).pl()
    dictionary = load_actor_dictionary()
    conn.execute("DELETE FROM sentences; DELETE FROM entity_mentions")
    print(f"entity_mentions, {batch.height:,} cleaned articles")
    with part("read cleaned_articles", figures):
        bodies = mentions.batch_articles(conn, batch)
    with part("mention_candidates", figures):
        sentences, candidates = mentions.mention_candidates(bodies, dictionary)
    with part("GE row gate", figures):
        known = {"known_actor_ids": dictionary.actors["actor_id"].to_list()}
        gate = gates.validate_rows(mentions.STEP, candidates, "mention_id", known)
    with part("insert sentences", figures):
        insert_frame(conn, "sentences", sentences)
    with part("insert entity_mentions", figures):
        passed = gate.passed.select(mentions.TABLE_COLUMNS).with_columns(run_id=pl.lit("bench"))
        insert_frame(conn, mentions.STEP, passed)
    return figures


def bench_search(conn, articles: int) -> dict:
    figures: dict = {}
    print(f"article_search_index, {articles:,} cleaned articles")
    with part("reset", figures):
        search_index.reset(conn)
    with part("queue", figures):
        queued = search_index.queue_unindexed(conn, search_index.totals(conn))
    with part("add_queued", figures):
        for start in range(0, min(queued, articles), 10_000):
            search_index.add_queued(conn, start, min(10_000, articles - start))
    return figures


BENCHES = {"clean": bench_clean, "stance": bench_stance, "mentions": bench_mentions, "search": bench_search}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--steps", nargs="*", choices=sorted(BENCHES), default=["clean", "stance"])
    args = parser.parse_args()
    ge_session.warm_up()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "bench.duckdb"
        shutil.copyfile(args.database, copy)
        conn = duckdb.connect(str(copy))
        for bench in (BENCHES[name] for name in args.steps):
            conn.execute("BEGIN")
            figures = bench(conn, args.articles)
            conn.execute("ROLLBACK")
            print(f"  {'total':28s} {sum(c for c, _ in figures.values()):6.2f} CPU s")
        conn.close()


if __name__ == "__main__":
    main()
