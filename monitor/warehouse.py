"""The one door to the database: every read and write of every asset goes through `Warehouse`.

In the default storage (one DuckDB file), runs write a private working file (`.<name>.work` beside the
database) and publish it as a read snapshot at the database path (copy to a temporary file in the same
folder, then `os.replace`), once a step or run ends, or after every transaction when used outside a run.
Analysts open the snapshot: they never hold a lock a run needs and never see a half-written step. Writers
are serialised by an OS file lock (released by the kernel when a process dies), held for a whole step
inside Dagster, so two runs never interleave inside one step and never process the same pending rows twice.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import dagster as dg
import duckdb
import polars as pl
from pydantic import Field, PrivateAttr

from monitor import interrupts, schema, settings, storage
from monitor.snapshots import publish_snapshot
from monitor.writer_lock import acquire, release

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")
# Rows per row group of the working file. A batch appended to a row group earlier batches began makes the
# checkpoint after it rewrite that group: with DuckDB's 122,880 rows, batches of 26k raw articles peaked at
# 0.6-2.3 GB and took up to 58 s per checkpoint, growing with the table; with 16,384 rows they stayed at
# 0.6 GB and under 0.5 s (scripts/bench_checkpoint.py). It is an option of ATTACH, not of connect().
ROW_GROUP_ROWS = 16_384
WORK_CATALOG = "warehouse"
DAILY_ASSET = dg.AssetKey("actor_stance_daily")
T = TypeVar("T")
WRITER_POOL = "monitor_writer"


def _is_lock_error(error: Exception) -> bool:
    return any(marker in str(error) for marker in LOCK_MARKERS)


class Warehouse(dg.ConfigurableResource):
    """DuckDB file holding every table of the monitor (analysts read it; runs write a working copy)."""

    db_path: str = Field(
        default_factory=lambda: str(settings.database_path()),
        description="Path of the published DuckDB file (env MONITOR_DB, default data/monitor.duckdb).",
    )
    lock_timeout_seconds: float = Field(
        default=600.0, description="How long a writer waits for another run's step to end."
    )
    publish_at_run_end: bool = Field(
        default=True,
        description="Copy the working file onto the published one when a run ends. `monitor run` turns it "
        "off and publishes once after its two runs (each copy of a large database costs seconds).",
    )
    _in_run: bool = PrivateAttr(default=False)

    @property
    def snapshot_path(self) -> Path:
        return settings.project_path(self.db_path)

    @property
    def work_path(self) -> Path:
        return self.snapshot_path.with_name(f".{self.snapshot_path.name}.work")

    @property
    def lock_path(self) -> Path:
        return self.snapshot_path.with_name(f".{self.snapshot_path.name}.lock")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """A step (or an in-process run) holds the writer lock from start to end; a sensor does not."""
        if context.run is None:
            return
        if self.lake is not None and context.run.asset_selection == {DAILY_ASSET}:
            return
        self.snapshot_path.parent.mkdir(parents=True, exist_ok=True)
        acquire(self.lock_path, self.lock_timeout_seconds)
        self._in_run = True

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if not self._in_run:
            return
        try:
            if self.lake is None and self.work_path.exists() and self.publish_at_run_end:
                publish_snapshot(self.work_path, self.snapshot_path)
        finally:
            self._in_run = False
            release(self.lock_path)

    def publish(self) -> None:
        """Publish the working file now, under the writer lock (a DuckDB file; a lake needs nothing)."""
        if self.lake is not None or not self.work_path.exists():
            return
        with self._writer():
            publish_snapshot(self.work_path, self.snapshot_path)

    @property
    def lake(self) -> storage.Lake | None:
        """The DuckLake to use, or None for the DuckDB file (read from the environment on every use, so
        that secrets in the catalog settings never enter Dagster's run config)."""
        return storage.Lake.from_environment() if storage.mode() == storage.DUCKLAKE else None

    def check_reachable(self) -> None:
        """Raise StorageUnavailable (one line) before a run starts, if the lake cannot be opened. A DuckDB
        file needs no check, and opening it here would publish an empty snapshot before the run."""
        lake = self.lake
        if lake is not None:
            lake.open().close()

    def describe(self) -> str:
        lake = self.lake
        return lake.describe() if lake else f"DuckDB file {self.snapshot_path}"

    @contextmanager
    def _lake_connection(self, lake: storage.Lake, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        interrupts.raise_if_stopped()
        conn = lake.open(read_only)
        try:
            with interrupts.interruptible(conn):
                if not read_only:
                    _ensure_lake_tables(conn)
                yield conn
        except duckdb.Error as error:
            if storage.is_unreachable(error):
                raise storage.StorageUnavailable(
                    f"lost the {lake.describe()}: {storage.one_line(error)}"
                ) from error
            raise
        finally:
            conn.close()

    @contextmanager
    def _writer(self) -> Iterator[None]:
        self.snapshot_path.parent.mkdir(parents=True, exist_ok=True)
        acquire(self.lock_path, self.lock_timeout_seconds)
        try:
            if not self.work_path.exists() and self.snapshot_path.exists():
                shutil.copyfile(self.snapshot_path, self.work_path)
            yield
        finally:
            release(self.lock_path)

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_timeout_seconds
        delay = 0.05
        while True:
            interrupts.raise_if_stopped()
            try:
                return _attached(self.work_path, read_only)
            except duckdb.Error as error:
                if not _is_lock_error(error) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection to the working file (the state runs build on), or to the lake."""
        lake = self.lake
        if lake is not None:
            with self._lake_connection(lake, read_only) as conn:
                yield conn
            return
        with self._writer():
            conn = self._open(read_only and self.work_path.exists())
            try:
                with interrupts.interruptible(conn):
                    if not read_only:
                        schema.ensure_tables(conn)
                    yield conn
                    if not read_only:
                        conn.execute(f"CHECKPOINT {WORK_CATALOG}")
            finally:
                conn.close()
            if not self._in_run and not read_only:
                publish_snapshot(self.work_path, self.snapshot_path)

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: a run killed inside, or asked to stop before it commits, leaves the tables as
        they were."""
        with self.connect() as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                yield conn
                interrupts.raise_if_stopped()
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def transaction_with_retries(
        self, claim: str, body: Callable[[duckdb.DuckDBPyConnection], T], attempts: int = 8
    ) -> T:
        """Run `body(conn)` all-or-nothing, again from the start when DuckLake reports a write conflict
        with a concurrent run (the loser re-reads what the winner committed).

        Every such transaction first updates the `claim` row of write_claims, so two of them always
        conflict: DuckLake lets two transactions that delete nothing and insert the same day both commit.
        """
        delay = 0.1
        for attempt in range(attempts):
            try:
                with self.transaction() as conn:
                    conn.execute("UPDATE write_claims SET claimed_at = now() WHERE name = ?", [claim])
                    return body(conn)
            except duckdb.Error as error:
                if not storage.is_conflict(error) or attempt == attempts - 1:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 3.0)
        raise AssertionError("unreachable")

    def query(self, sql: str, params: list | None = None) -> pl.DataFrame:
        with self.connect() as conn:
            return conn.execute(sql, params or []).pl()

    @contextmanager
    def read_snapshot(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """What analysts see: the last published state, opened read-only without the writer lock."""
        lake = self.lake
        if lake is not None:
            with self._lake_connection(lake, read_only=True) as conn:
                yield conn
            return
        conn = duckdb.connect(str(self.snapshot_path), read_only=True)
        try:
            yield conn
        finally:
            conn.close()


def _attached(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the file at `path`, attached with ROW_GROUP_ROWS; it spills
    beside the file, as a connection opened on the file itself would."""
    conn = duckdb.connect()
    try:
        conn.execute(f"SET memory_limit = '{settings.duckdb_memory_limit()}'")
        conn.execute(f"SET temp_directory = '{_quoted(f'{path}.tmp')}'")
        options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {ROW_GROUP_ROWS}"
        conn.execute(f"ATTACH '{_quoted(str(path))}' AS {WORK_CATALOG} ({options})")
        conn.execute(f"USE {WORK_CATALOG}")
    except BaseException:
        conn.close()
        raise
    return conn


def _quoted(text: str) -> str:
    return text.replace("'", "''")


def _ensure_lake_tables(conn: duckdb.DuckDBPyConnection, attempts: int = 5) -> None:
    """Two processes creating the same table at once: the loser's commit conflicts, and the table is there."""
    for attempt in range(attempts):
        try:
            schema.ensure_tables(conn)
            return
        except duckdb.Error as error:
            if attempt == attempts - 1 or not (storage.is_conflict(error) or "already" in str(error)):
                raise
            time.sleep(0.1 * (attempt + 1))


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
