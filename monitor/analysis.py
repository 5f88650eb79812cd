"""The analyst's door: a read-only connection with the storage attached and the search extension loaded,
the same in both storage modes (`monitor sql` on the command line, `monitor.analysis.connect()` in Python)."""

from __future__ import annotations

import duckdb

from monitor import extensions, settings, storage


def connect() -> duckdb.DuckDBPyConnection:
    """Read-only: what the last finished step published (a DuckDB snapshot, or the lake's last commit)."""
    if storage.mode() == storage.DUCKLAKE:
        return storage.Lake.from_environment().open(read_only=True)
    path = settings.database_path()
    if not path.exists():
        raise storage.StorageUnavailable(f"no database at {path} yet: run `monitor run` first")
    conn = duckdb.connect(str(path), read_only=True)
    extensions.load(conn, "fts")
    return conn


def cli_arguments() -> list[str]:
    """Arguments for the DuckDB CLI that open the same view of the data as `connect()`."""
    if storage.mode() == storage.DUCKLAKE:
        lake = storage.Lake.from_environment()
        setup = [*extensions.cli_init_commands(*lake.extensions()), f"{lake.attach_sql(read_only=True)};"]
        return ["-cmd", " ".join([*setup, f"USE {storage.CATALOG_ALIAS};"])]
    return ["-readonly", str(settings.database_path()), "-cmd", " ".join(extensions.cli_init_commands("fts"))]
