"""The rows a step's table gate reads, kept on disk until the gate, so that a run's memory does not grow
with what it wrote.

The table expectations judge every row a run wrote (uniqueness holds across batches), and a run used to
keep each batch's table view in memory until its gate: 13M mention rows at 1M articles, then a pandas copy
of them for GE. Each written batch's view goes to a scratch DuckDB file instead, and the gate validates it
in parts of at most ROWS_PER_PART rows cut by a hash of the suite's unique columns: duplicates land in the
same part and the row-wise expectations add up, so the parts' outcomes are the verdict on the whole. A
suite holding an expectation that does not add up over parts (a row count, a column mean) gets one part.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import polars as pl
import psutil

from monitor import gates, ge_session

ROWS_PER_PART = 500_000
SCRATCH_PREFIX = "monitor-gate-"
SCRATCH_MEMORY_LIMIT = "256MB"
UNIQUE_TYPES = {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}
# verdicts that are the conjunction of the rows' (or, for the column set, of any part's)
ADDITIVE_TYPES = UNIQUE_TYPES | {
    "expect_table_columns_to_match_set",
    "expect_table_columns_to_match_ordered_list",
    "expect_column_to_exist",
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_null",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_not_be_in_set",
    "expect_column_values_to_be_between",
    "expect_column_values_to_match_regex",
    "expect_column_pair_values_a_to_be_greater_than_b",
    "expect_column_pair_values_to_be_equal",
    "expect_column_pair_values_to_differ",
}


def partition_key(step: str) -> list[str] | None:
    """Columns whose hash cuts the table rows into parts, [] when any cut will do, None when the suite
    must see every row at once."""
    expectations = ge_session.suite_expectations(step, "table")
    # a share ("mostly": 0.95) met over all rows may be missed by one part
    if any(e["type"] not in ADDITIVE_TYPES or "mostly" in e["kwargs"] for e in expectations):
        return None
    keys = {
        tuple(e["kwargs"].get("column_list") or [e["kwargs"]["column"]])
        for e in expectations
        if e["type"] in UNIQUE_TYPES
    }
    if len(keys) > 1:
        return None
    return list(keys.pop()) if keys else []


def _scratch_prefix(step: str) -> str:
    """A scratch folder names its process and host ("monitor-gate-4242@host@raw_articles-..."): only its own
    host can tell whether that process is alive."""
    return f"{SCRATCH_PREFIX}{os.getpid()}@{socket.gethostname()}@{step}-"


def _orphaned(folder: Path) -> bool:
    pid, host, *_ = [*folder.name.removeprefix(SCRATCH_PREFIX).split("@", 2), "", ""]
    return pid.isdigit() and host == socket.gethostname() and not psutil.pid_exists(int(pid))


def remove_orphans(root: Path) -> list[Path]:
    """Remove the scratch folders of runs killed before they could (kill -9, the OOM killer): a folder
    names the process that made it, and one whose process is gone from this host is nobody's. Returns what
    it removed."""
    orphans = [folder for folder in root.glob(f"{SCRATCH_PREFIX}*") if folder.is_dir() and _orphaned(folder)]
    for folder in orphans:
        shutil.rmtree(folder, ignore_errors=True)
    return orphans


class GateRows:
    """The table views (gates.table_view) of a run's passed rows, in a scratch file until its table gate."""

    def __init__(self, step: str, columns: list[str], rows_per_part: int = ROWS_PER_PART):
        self.step, self.columns, self.rows_per_part = step, columns, rows_per_part
        self.height = 0
        root = Path(tempfile.gettempdir())
        remove_orphans(root)
        self._folder = Path(tempfile.mkdtemp(prefix=_scratch_prefix(step), dir=root))
        self._conn = duckdb.connect(str(self._folder / "rows.duckdb"))
        self._conn.execute(f"SET memory_limit = '{SCRATCH_MEMORY_LIMIT}'")
        self._conn.execute("SET threads = 1")
        self._schema: pl.Schema | None = None
        self._empty_schema: pl.Schema | None = None

    def __enter__(self) -> GateRows:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def add(self, frame: pl.DataFrame) -> None:
        view = gates.table_view(self.step, frame.select(self.columns))
        if view.is_empty():
            self._empty_schema = self._empty_schema or view.schema
            return
        self._schema = self._schema or view.schema
        numbered = view.with_columns(_row=pl.int_range(self.height, self.height + view.height))
        self._conn.register("_view", numbered.to_arrow())
        try:
            if self.height == 0:
                self._conn.execute("CREATE OR REPLACE TABLE rows AS SELECT * FROM _view")
            else:
                self._conn.execute("INSERT INTO rows BY NAME SELECT * FROM _view")
        finally:
            self._conn.unregister("_view")
        self.height += view.height

    def keep(self, gate: gates.GateResult) -> gates.GateResult:
        """Add a written batch's passed rows; what the run keeps of the batch is the rest of its result."""
        self.add(gate.passed)
        return replace(gate, passed=gate.passed.clear())

    def clear(self) -> None:
        """Forget every row (a transaction that will be run again from its start)."""
        self._conn.execute("DROP TABLE IF EXISTS rows")
        self.height = 0

    def parts(self) -> Iterator[pl.DataFrame]:
        """The rows in parts the table suite can judge one by one, each in the order the rows were added."""
        if self.height == 0:
            yield pl.DataFrame(schema=self._empty_schema or {c: pl.Boolean for c in self.columns})
            return
        key = partition_key(self.step)
        count = 1 if key is None else -(-self.height // self.rows_per_part)
        cut = "hash(" + ", ".join(f'"{c}"' for c in key) + ")" if key else "_row"
        for part in range(count):
            yield (
                self._conn.execute(
                    f"SELECT * EXCLUDE (_row) FROM rows WHERE {cut} % {count} = {part} ORDER BY _row"  # noqa: S608
                )
                .pl()
                .cast(dict(self._schema))
            )
