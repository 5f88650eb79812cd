"""Whether extract_statements grows worse than linearly with the batch: 20k, 50k, 100k articles of one state.

stance_statements reads its inputs in batches of 20,000 articles; the 100k benchmark's step time is the sum of
five of them plus reads, gates and writes. This takes the host and the rest of the step out: `prepare` writes
the step's inputs of a monitor database (cleaned_articles' ids and dates, sentences, entity_mentions, in
cleaned_articles' row order, as the step reads them) to Parquet once; `run` times extract_statements on the
first N of those articles in this process (CPU seconds of all its threads, wall seconds, peak RSS, the cycle
collector's seconds, the number of statements and an order-free hash of them), whole or in slices of
`--batch`, with `--profile` under cProfile (CPU seconds); `compare` runs `run` in a fresh process for every
checkout (its code by PYTHONPATH) and size, alternated, with `uptime` beside each.

    python scripts/bench_stance_scaling.py prepare data/bench/n100000/monitor.duckdb data/bench/stance_inputs
    python scripts/bench_stance_scaling.py compare data/bench/stance_inputs --code /tmp/old . --sizes 20000
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import resource
import time
from pathlib import Path

import duckdb
import polars as pl
from bench_checkouts import alternated, run_with_code

ORDER = """SELECT row_number() OVER (ORDER BY rowid) - 1 AS article_row, article_id, published_on
           FROM cleaned_articles
           WHERE article_id IN (SELECT article_id FROM step_articles WHERE step = 'entity_mentions')"""
TABLES = {
    "sentences": 'SELECT article_id, sentence_no, start, "end", text FROM sentences',
    "mentions": """SELECT mention_id, article_id, sentence_no, start, "end", surface, actor_id, country,
                          actor_kind, role, rule FROM entity_mentions""",
}


def prepare(database: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(database, read_only=True) as conn:
        articles = conn.execute(ORDER).pl()
        articles.write_parquet(out / "articles.parquet")
        conn.register("numbered", articles.select("article_row", "article_id").to_arrow())
        for name, select in TABLES.items():
            numbered = select.replace("SELECT", "SELECT rowid AS source_row,", 1)
            frame = conn.execute(
                f"SELECT t.* EXCLUDE (source_row), n.article_row FROM ({numbered}) t "  # noqa: S608
                "JOIN numbered n USING (article_id) ORDER BY n.article_row, t.source_row"
            ).pl()
            frame.write_parquet(out / f"{name}.parquet")
            print(f"{name}: {frame.height:,} rows of {articles.height:,} articles", flush=True)


def load(inputs: Path, articles: int, batch: int) -> list[tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]]:
    """The first `articles` articles' (published, sentences, mentions) as the step hands them over, in parts
    of `batch` articles (0: one part)."""
    frames = [
        pl.scan_parquet(inputs / f"{name}.parquet")
        .filter(pl.col("article_row") < articles)
        .with_columns(part=pl.col("article_row") // (batch or articles))
        .drop("article_row")
        .collect()
        for name in ("articles", "sentences", "mentions")
    ]
    parts = [frame.partition_by("part", as_dict=True, include_key=False) for frame in frames]
    return [tuple(part[key] for part in parts) for key in sorted(parts[0])]


class GcClock:
    """Seconds the cycle collector ran (all generations) and its full collections, from now to stop()."""

    def __init__(self) -> None:
        self.seconds, self.full, self._began = 0.0, 0, 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._began
            self.full += info["generation"] == 2

    def stop(self) -> None:
        gc.callbacks.remove(self._tick)


def frame_hash(frame: pl.DataFrame) -> str:
    """Of the rows whatever their order."""
    return hashlib.sha256(frame.sort(frame.columns).write_csv().encode()).hexdigest()[:16]


def run(inputs: Path, articles: int, batch: int, profile: Path | None = None) -> dict:
    import monitor
    from monitor.stance import extract_statements
    from monitor.stance_matching import load_cues

    parts = load(inputs, articles, batch)
    cues = load_cues()
    published, sentences, mentions = parts[0]
    extract_statements(sentences.head(0), mentions.head(0), cues, published.head(0))  # imports, seeds
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    collections = GcClock()
    profiler = cProfile.Profile(time.process_time) if profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    statements = pl.concat([extract_statements(s, m, cues, p) for p, s, m in parts])
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    collections.stop()
    return {
        "code": str(Path(monitor.__file__).resolve().parents[1]),
        "articles": sum(p.height for p, _, _ in parts),
        "sentences": sum(s.height for _, s, _ in parts),
        "mentions": sum(m.height for _, _, m in parts),
        "batch": batch or articles,
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_before_mb": round(rss_before / 1024),
        "gc_s": round(collections.seconds, 3),
        "gc_full": collections.full,
        "statements": statements.height,
        "hash": frame_hash(statements),
    }


def compare(inputs: Path, codes: list[str], sizes: list[int], rounds: int, batch: int) -> None:
    for size in sizes:
        for code in alternated(codes, rounds):
            arguments = ["run", str(inputs), "--articles", str(size), "--batch", str(batch)]
            print(json.dumps(run_with_code(__file__, arguments, code)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    prepared = commands.add_parser("prepare")
    prepared.add_argument("database", help="a monitor DuckDB file after a benchmark run, read only")
    prepared.add_argument("out", type=Path)
    timed = commands.add_parser("run")
    timed.add_argument("inputs", type=Path)
    timed.add_argument("--articles", type=int, default=100_000)
    timed.add_argument("--batch", type=int, default=0, help="articles per call (0: all in one)")
    timed.add_argument("--profile", type=Path, help="write cProfile's statistics of the calls here")
    compared = commands.add_parser("compare")
    compared.add_argument("inputs", type=Path)
    compared.add_argument("--code", nargs="+", required=True, help="checkouts whose monitor/ to time")
    compared.add_argument("--sizes", type=int, nargs="+", default=[20_000, 50_000, 100_000])
    compared.add_argument("--rounds", type=int, default=2)
    compared.add_argument("--batch", type=int, default=0)
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.database, args.out)
    elif args.command == "run":
        print(json.dumps(run(args.inputs, args.articles, args.batch, args.profile)))
    else:
        compare(args.inputs, args.code, args.sizes, args.rounds, args.batch)


if __name__ == "__main__":
    main()
