"""Every table's row count and an order-free hash of its rows, to show that a change left the outputs alone.

Columns that differ between two runs of the same input are left out: timestamps, run ids and file mtimes
(each benchmark run writes its +1% files anew). Run it on the database of a benchmark before and after a
change and compare the two outputs with diff.

    python scripts/bench_table_hashes.py data/bench/n20000/monitor.duckdb > after.txt
"""

from __future__ import annotations

import sys

import duckdb

VARYING_NAMES = {"run_id", "mtime_ns"}


def stable_columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = 'main' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [
        f'"{name}"' for name, kind in rows if name not in VARYING_NAMES and not kind.startswith("TIMESTAMP")
    ]


def main() -> None:
    with duckdb.connect(sys.argv[1], read_only=True) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]
        for table in tables:
            columns = ", ".join(stable_columns(conn, table))
            count, digest = conn.execute(
                f"SELECT count(*), coalesce(sum(hash(({columns}))::HUGEINT), 0) FROM {table}"  # noqa: S608
            ).fetchone()
            print(f"{table:38s} {count:>10} {digest}")


if __name__ == "__main__":
    main()
