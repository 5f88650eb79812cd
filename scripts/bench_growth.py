"""What of a +1% run grows with the database and the landing folder: the whole-table work of its steps.

A +1% run pays three kinds of cost: fixed per process (imports, GE's import, Dagster), per new article
(reading, cleaning, stance), and what grows with what is already stored (listing the landing folder, reading
the ledger, anti-joins that find the pending articles, the story join, the index totals and check,
checkpoints after appends). This times the third kind, part by part, each in a fresh connection as a run
opens them, on a copy of a benchmark's working file; the pending articles are the last --articles of
cleaned_articles, made pending for each step inside a transaction that is rolled back. Run it on two sizes
and compare:

    python scripts/bench_growth.py data/bench/n20000
    python scripts/bench_growth.py data/bench/n100000
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assets import clean, mentions, stance  # noqa: E402
from monitor import gates, landing, search_index, warehouse  # noqa: E402

# rows a +1% run of 1,000 articles appends to each table (about, at 100k), for the checkpoints
APPENDED = {
    "landing_files": 1_300, "raw_articles": 1_000, "cleaned_articles": 1_000, "story_bands": 25_000,
    "sentences": 25_000, "entity_mentions": 13_000, "stance_statements": 4_000, "search_postings": 120_000,
    "step_articles": 3_000,
}  # fmt: skip
LEDGER = "SELECT path, size_bytes, mtime_ns FROM landing_files"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Parts:
    """Best of `repeat` (wall, CPU incl. system time) per part, each run in a fresh connection."""

    def __init__(self, database: Path, repeat: int):
        self.database, self.repeat, self.figures = database, repeat, {}

    def time(self, name: str, work: Callable, prepare: Callable | None = None, writes: bool = False) -> None:
        best = (float("inf"), float("inf"))
        for _ in range(self.repeat):
            conn = warehouse._attached(self.database, read_only=False)
            try:
                conn.execute("BEGIN TRANSACTION")
                if prepare:
                    prepare(conn)
                wall, used = time.perf_counter(), cpu()
                work(conn)
                best = min(best, (time.perf_counter() - wall, cpu() - used))
            finally:
                if not writes:
                    conn.execute("ROLLBACK")
                conn.close()
        self.show(name, best)

    def once(self, name: str, work: Callable):
        """A part without the database, timed once."""
        wall, used = time.perf_counter(), cpu()
        result = work()
        self.show(name, (time.perf_counter() - wall, cpu() - used))
        return result

    def show(self, name: str, figures: tuple[float, float]) -> None:
        self.figures[name] = figures
        print(f"  {name:44s} {figures[0]:6.3f} s wall {figures[1]:6.3f} CPU s", flush=True)


def pending_for(step: str, ids: pl.DataFrame) -> Callable:
    """Make the articles `ids` pending for a step that records what it scanned in step_articles."""

    def prepare(conn) -> None:
        conn.register("made_pending", ids.to_arrow())
        conn.execute(
            "DELETE FROM step_articles WHERE step = ? "
            "AND article_id IN (SELECT article_id FROM made_pending)",
            [step],
        )

    return prepare


def appended(table: str, rows: int) -> Callable:
    def work(conn) -> None:
        conn.execute(f"INSERT INTO {table} SELECT * FROM {table} LIMIT {rows}")  # noqa: S608 - our tables
        conn.execute("COMMIT")
        conn.execute(f"CHECKPOINT {warehouse.WORK_CATALOG}")
        conn.execute("BEGIN TRANSACTION")

    return work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a benchmark's folder, data/bench/n<N>")
    parser.add_argument("--articles", type=int, default=1_000, help="pending articles per step")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-checkpoints", action="store_true", help="leave out the appends")
    args = parser.parse_args()
    root = args.root.resolve()
    folder = root / "landing"
    source = next(p for p in (root / ".monitor.duckdb.work", root / "monitor.duckdb") if p.exists())
    with tempfile.TemporaryDirectory(dir=root.parent) as scratch:
        database = Path(scratch) / "growth.duckdb"
        shutil.copyfile(source, database)
        parts = Parts(database, args.repeat)
        with warehouse._attached(database, read_only=True) as conn:
            ids = conn.execute(
                "SELECT article_id FROM cleaned_articles ORDER BY rowid DESC LIMIT ?", [args.articles]
            ).pl()
            keys = conn.execute(
                "SELECT article_id, band, key FROM story_bands WHERE article_id IN "
                "(SELECT article_id FROM story_signatures ORDER BY rowid DESC LIMIT ?)",
                [args.articles],
            ).pl()
            ledger = conn.execute(LEDGER).pl()
            counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in APPENDED}  # noqa: S608
        print(f"{source}: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        listing = parts.once("listing the landing folder", lambda: landing.list_landing_files(folder))
        parts.time("ledger read", lambda c: c.execute(LEDGER).pl())
        parts.once("compare with the ledger (nothing new)", lambda: landing.new_or_changed(listing, ledger))
        parts.time("raw_articles totals", lambda c: gates.step_totals(c, "raw_articles", "raw_articles"))
        parts.time("cleaned_articles pending (none)", lambda c: clean._pending(c, False))
        parts.time(f"stored story candidates ({args.articles:,})", lambda c: clean.stored_candidates(c, keys))
        parts.time(
            f"entity_mentions pending ({args.articles:,})",
            lambda c: mentions._pending(c, False),
            pending_for(mentions.STEP, ids),
        )
        parts.time(
            f"stance_statements pending ({args.articles:,})",
            lambda c: stance._pending(c, False),
            pending_for(stance.STEP, ids),
        )
        parts.time("search index totals", search_index.totals)
        parts.time("search coverage check", search_index.coverage)
        if not args.no_checkpoints:
            for table, rows in APPENDED.items():
                parts.time(f"append {rows:,} to {table}, checkpoint", appended(table, rows), writes=True)
    walls, cpus = zip(*parts.figures.values(), strict=True)
    print(f"  {'total':44s} {sum(walls):6.3f} s wall {sum(cpus):6.3f} CPU s")


if __name__ == "__main__":
    main()
