"""Peak memory of DuckDB's commit and CHECKPOINT after each raw_articles batch, as the table grows.

raw_articles writes a batch per transaction and checkpoints after it (monitor.warehouse). With DuckDB's row
groups of 122,880 rows, a batch of some 26k rows lands in a row group that earlier batches began, and the
checkpoint rewrites that row group's text columns: at 1M articles those checkpoints were the spikes of the
step. This appends copies of real raw rows (ids and texts made unique per copy) in batches, each in its own
connection as the step does, and prints the process's peak RSS from the insert to the close, the
checkpoint's seconds and the file's size.

    python scripts/bench_checkpoint.py SOURCE.duckdb --batches 6 --rows 26000
    python scripts/bench_checkpoint.py SOURCE.duckdb --row-group-size 16384 --memory-limit 1GB
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil

COPIES = """
    INSERT INTO raw_articles
    SELECT * EXCLUDE (i, copy) REPLACE (
        article_id || '-' || $batch || '-' || i::VARCHAR AS article_id,
        $batch || ' ' || i::VARCHAR || ' ' || raw_text AS raw_text,
        $batch || ' ' || i::VARCHAR || ' ' || text AS text)
    FROM (SELECT *, row_number() OVER () - 1 AS i FROM sample, range($copies) AS r(copy))
    WHERE i < $rows"""


class PeakRss:
    """The highest RSS of this process since the last reset, sampled every 20 ms."""

    def __init__(self) -> None:
        self.process, self.peak = psutil.Process(), 0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def reset(self) -> int:
        self.peak = self.process.memory_info().rss
        return self.peak


def open_database(path: Path, row_group_size: int, memory_limit: str) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    options = f" (ROW_GROUP_SIZE {row_group_size})" if row_group_size else ""
    conn.execute(f"ATTACH '{path}' AS bench{options}")
    conn.execute("USE bench")
    conn.execute(f"SET memory_limit = '{memory_limit}'")
    return conn


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", help="a monitor DuckDB file whose raw_articles rows are copied")
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--rows", type=int, default=26_000, help="rows per batch")
    parser.add_argument("--row-group-size", type=int, default=0, help="0: DuckDB's default (122,880)")
    parser.add_argument("--memory-limit", default="2GB")
    args = parser.parse_args()
    with duckdb.connect(args.source, read_only=True) as source:
        sample = source.execute("SELECT * EXCLUDE (run_id) FROM raw_articles").to_arrow_table()
    copies = -(-args.rows // sample.num_rows)
    rss = PeakRss()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "raw.duckdb"
        for batch in range(args.batches):
            conn = open_database(path, args.row_group_size, args.memory_limit)
            conn.register("sample", sample)
            if batch == 0:
                conn.execute("CREATE TABLE raw_articles AS SELECT * FROM sample LIMIT 0")
            start = rss.reset()
            conn.execute("BEGIN")
            conn.execute(COPIES, {"batch": str(batch), "copies": copies, "rows": args.rows})
            conn.execute("COMMIT")
            began = time.perf_counter()
            conn.execute("CHECKPOINT")
            seconds = time.perf_counter() - began
            [(rows,)] = conn.execute("SELECT count(*) FROM raw_articles").fetchall()
            conn.close()
            print(
                f"rows {rows:,}: peak {rss.peak / 2**20:,.0f} MB (start {start / 2**20:,.0f} MB), "
                f"checkpoint {seconds:.1f} s, file {path.stat().st_size / 2**20:,.0f} MB",
                flush=True,
            )


if __name__ == "__main__":
    main()
