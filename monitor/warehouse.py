"""The one door to the database: every read and write of every asset goes through `Warehouse`.

Connections are short-lived (open, one transaction, close) so that an analyst or another run can get
the file between steps; opening retries with backoff while another process holds the lock.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb
import polars as pl
from pydantic import Field

from monitor import schema, settings

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")


def _is_lock_error(error: Exception) -> bool:
    return any(marker in str(error) for marker in LOCK_MARKERS)


class Warehouse(dg.ConfigurableResource):
    """DuckDB file holding every table of the monitor."""

    db_path: str = Field(
        default_factory=lambda: str(settings.database_path()),
        description="Path of the DuckDB file (env MONITOR_DB, default data/monitor.duckdb).",
    )
    lock_timeout_seconds: float = Field(default=60.0, description="How long to wait for a busy database.")

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        path = settings.project_path(self.db_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_timeout_seconds
        delay = 0.05
        while True:
            try:
                conn = duckdb.connect(str(path), read_only=read_only)
                break
            except duckdb.Error as error:
                if not _is_lock_error(error) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
        try:
            if not read_only:
                schema.ensure_tables(conn)
            yield conn
        finally:
            conn.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: a run killed inside leaves the tables as they were."""
        with self.connect() as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def query(self, sql: str, params: list | None = None) -> pl.DataFrame:
        with self.connect() as conn:
            return conn.execute(sql, params or []).pl()


def insert_frame(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append a polars frame to a table by column name (the frame may carry a subset of columns)."""
    if frame.is_empty():
        return 0
    conn.register("_incoming", frame.to_arrow())
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")  # noqa: S608 - table names are ours
    finally:
        conn.unregister("_incoming")
    return frame.height


def replace_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Swap a whole (reference) table for a frame, inside the caller's transaction."""
    conn.register("_replacement", frame.to_arrow())
    try:
        conn.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _replacement")  # noqa: S608
    finally:
        conn.unregister("_replacement")
