"""The stance_statements step alone, through dagster.materialize, on a copy of a benchmark's state.

The 100k benchmark times every step in one run, so a step's figure carries whatever ran beside it. This copies
a monitor database (a benchmark's published file) to a scratch folder, empties stance_statements and its
record of the articles it read, and materializes stance_statements alone with the Warehouse resource and an
ephemeral Dagster instance: every article is read, computed, gated and written in the step's batches. It
prints CPU seconds of the process (all threads), wall seconds, peak RSS, the step's rows and an order-free
hash of them (run_id aside). With `compare`, each checkout runs in a fresh process (its code by PYTHONPATH),
alternated, with `uptime` beside each.

    python scripts/bench_stance_step.py compare data/bench/n100000/monitor.duckdb --code /tmp/old . --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
from bench_checkouts import alternated, run_with_code
from bench_checkpoint import PeakRss
from bench_table_hashes import stable_columns

STEP = "stance_statements"


def emptied_copy(database: Path, folder: Path) -> Path:
    """A copy of `database` whose stance_statements is to be built again from every article."""
    copy = folder / "monitor.duckdb"
    shutil.copyfile(database, copy)
    with duckdb.connect(str(copy)) as conn:
        conn.execute(f"DELETE FROM {STEP}")  # noqa: S608
        conn.execute("DELETE FROM step_articles WHERE step = ?", [STEP])
        conn.execute("CHECKPOINT")
    shutil.copyfile(copy, copy.with_name(f".{copy.name}.work"))
    return copy


def run(database: Path) -> dict:
    import dagster as dg

    import monitor
    from assets.stance import stance_statements
    from monitor.warehouse import Warehouse

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as folder:
        copy = emptied_copy(database, Path(folder))
        rss = PeakRss()
        rss.reset()
        cpu, wall = time.process_time(), time.perf_counter()
        result = dg.materialize(
            [stance_statements],
            resources={"warehouse": Warehouse(db_path=str(copy), publish_at_run_end=False)},
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
        )
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        with duckdb.connect(str(copy.with_name(f".{copy.name}.work")), read_only=True) as conn:
            columns = ", ".join(stable_columns(conn, STEP))
            rows, digest = conn.execute(
                f"SELECT count(*), coalesce(sum(hash(({columns}))::HUGEINT), 0) FROM {STEP}"  # noqa: S608
            ).fetchone()
    return {
        "code": str(Path(monitor.__file__).resolve().parents[1]),
        "success": result.success,
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(rss.peak / 2**20),
        "rows": rows,
        "hash": str(digest),
    }


def compare(database: Path, codes: list[str], rounds: int) -> None:
    for code in alternated(codes, rounds):
        print(json.dumps(run_with_code(__file__, ["run", str(database)], code)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    timed = commands.add_parser("run")
    timed.add_argument("database", type=Path, help="a benchmark's monitor DuckDB file, copied first")
    compared = commands.add_parser("compare")
    compared.add_argument("database", type=Path)
    compared.add_argument("--code", nargs="+", required=True, help="checkouts whose step to time")
    compared.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if args.command == "run":
        print(json.dumps(run(args.database)))
    else:
        compare(args.database, args.code, args.rounds)


if __name__ == "__main__":
    main()
