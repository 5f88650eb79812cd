"""How long raw_articles takes to find what changed in a landing folder before it reads anything.

Times, best of --repeat on a warm page cache: the listing (`landing.list_landing_files`), classifying it,
reading the `landing_files` ledger from DuckDB and comparing the two (`landing.changed_units`; and
`landing.new_or_changed`, which compares before it classifies, where the code has it). The ledger is
the listing itself written to a scratch DuckDB file, which is what the ledger holds after a run that read
every file, so the comparison finds nothing new, as in a rerun over an unchanged folder.

    python scripts/bench_listing.py data/bench/n1000000/landing --repeat 3 --save /tmp/after.parquet

--save writes the listing (in its order) to compare two versions of the code: run it again with PYTHONPATH
at an export of the other commit and compare the files with --compare.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import polars as pl

from monitor import landing


def best_of(repeat: int, work):
    """The result of the last call and the fastest call's seconds."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return result, min(times), times


def ledger_from(listing: pl.DataFrame, folder: Path) -> Path:
    """A DuckDB file whose landing_files holds every listed file, with the role classify_files gave it."""
    path = folder / "ledger.duckdb"
    classified = landing.classify_files(listing).select("path", "size_bytes", "mtime_ns", "role")
    with duckdb.connect(str(path)) as conn:
        conn.register("classified", classified.to_arrow())
        conn.execute("CREATE TABLE landing_files AS SELECT * FROM classified")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the listing to this Parquet file")
    parser.add_argument(
        "--compare", type=Path, nargs=2, help="two saved listings: are they the same rows in order"
    )
    args = parser.parse_args()
    if args.compare:
        first, second = (pl.read_parquet(path) for path in args.compare)
        print(f"rows {first.height:,} / {second.height:,}; identical in order: {first.equals(second)}")
        return
    listing, seconds, runs = best_of(args.repeat, lambda: landing.list_landing_files(args.folder))
    print(f"listing: {listing.height:,} files, best {seconds:.2f} s of {[round(s, 2) for s in runs]}")
    if args.save:
        listing.write_parquet(args.save)
    classified, seconds, _ = best_of(args.repeat, lambda: landing.classify_files(listing))
    print(f"classify_files: {seconds:.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        database = ledger_from(listing, Path(scratch))

        def read_ledger() -> pl.DataFrame:
            with duckdb.connect(str(database), read_only=True) as conn:
                return conn.execute("SELECT path, size_bytes, mtime_ns FROM landing_files").pl()

        ledger, seconds, _ = best_of(args.repeat, read_ledger)
        print(f"ledger read: {ledger.height:,} rows, {seconds:.2f} s")
    changed, seconds, _ = best_of(args.repeat, lambda: landing.changed_units(classified, ledger))
    print(f"changed_units: {changed.height:,} changed files, {seconds:.2f} s")
    if hasattr(landing, "new_or_changed"):  # what raw_articles does since it compares before classifying
        changed, seconds, _ = best_of(args.repeat, lambda: landing.new_or_changed(listing, ledger))
        print(f"new_or_changed: {changed.height:,} changed files, {seconds:.2f} s")


if __name__ == "__main__":
    main()
