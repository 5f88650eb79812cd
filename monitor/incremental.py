"""Which rows a step must (re)process: only what is new, unless the rules it applies changed.

A step's fingerprint hashes what decides its output (its gate suite, the seeds it reads, the code version
of its logic). When it differs from the one stored with the step's rows, or an upstream step was rebuilt
since, the step rebuilds everything; otherwise it handles only articles it has not seen. Each full rebuild
bumps the step's generation, which is how downstream steps learn about it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

STATE_DDL = """CREATE TABLE IF NOT EXISTS step_state (
    step VARCHAR, fingerprint VARCHAR, generation BIGINT, upstream VARCHAR, updated_at TIMESTAMPTZ)"""


def fingerprint(*parts: Path | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part.encode()
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:16]


def _state(conn: duckdb.DuckDBPyConnection, step: str) -> tuple[str, int, str] | None:
    conn.execute(STATE_DDL)
    return conn.execute(
        "SELECT fingerprint, generation, upstream FROM step_state WHERE step = ?", [step]
    ).fetchone()


def _upstream_marker(conn: duckdb.DuckDBPyConnection, upstream_steps: list[str]) -> str:
    return ",".join(f"{s}:{(_state(conn, s) or ('', 0, ''))[1]}" for s in upstream_steps)


def needs_rebuild(conn: duckdb.DuckDBPyConnection, step: str, print_: str, upstream_steps: list[str]) -> bool:
    state = _state(conn, step)
    return state is None or state[0] != print_ or state[2] != _upstream_marker(conn, upstream_steps)


def reference_changed(
    conn: duckdb.DuckDBPyConnection, step: str, print_: str, tables: tuple[str, ...]
) -> bool:
    """Whether a step that copies seed files into tables must write them again: the files changed, or a
    table is missing or empty. Unchanged, it writes nothing, so a run with nothing new changes no byte."""
    if needs_rebuild(conn, step, print_, []):
        return True
    for table in tables:
        try:
            if conn.execute(f"SELECT count(*) = 0 FROM {table}").fetchone()[0]:  # noqa: S608 - our tables
                return True
        except duckdb.CatalogException:
            return True
    return False


def record(
    conn: duckdb.DuckDBPyConnection, step: str, print_: str, upstream_steps: list[str], rebuilt: bool
) -> None:
    """The step's state after a run; left as it is when unchanged, so a run with nothing new writes nothing
    (and its database file need not be published again)."""
    state = _state(conn, step)
    generation = (state[1] if state else 0) + (1 if rebuilt or state is None else 0)
    current = (print_, generation, _upstream_marker(conn, upstream_steps))
    if state == current:
        return
    conn.execute("DELETE FROM step_state WHERE step = ?", [step])
    conn.execute("INSERT INTO step_state VALUES (?, ?, ?, ?, now())", [step, *current])


def reset(conn: duckdb.DuckDBPyConnection, step: str, tables: tuple[str, ...]) -> None:
    """Forget everything a step produced, before a full rebuild (inside the caller's transaction)."""
    for table in tables:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - our table names
    conn.execute("DELETE FROM quarantine WHERE step = ?", [step])
    conn.execute("DELETE FROM step_articles WHERE step = ?", [step])
