"""Where the tables live: one DuckDB file (the default), or a DuckLake (a SQL catalog plus Parquet files).

Chosen by configuration alone (MONITOR_STORAGE, MONITOR_LAKE_CATALOG, MONITOR_LAKE_DATA): the same
tables, views and SQL in both. A DuckLake's catalog is PostgreSQL for teams (many writers and readers at
once) or a SQLite file; its data path can be a shared folder or object storage.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

import duckdb

from monitor import extensions, settings

DUCKDB = "duckdb"
DUCKLAKE = "ducklake"
CATALOG_ALIAS = "monitor"
DEFAULT_CATALOG = "sqlite:data/lake/catalog.sqlite"
DEFAULT_DATA_PATH = "data/lake/files"
CONFLICT_MARKERS = ("conflict", "database is locked", "could not serialize")
UNREACHABLE_MARKERS = (
    "connection to server",
    "could not connect",
    "server closed the connection",
    "terminating connection",
    "password authentication failed",
    "unable to open database",
    "connection refused",
    "no connection to the server",
)
CREATION_RACE_MARKERS = ("duplicate key value", "already exists", "database is locked", "conflict")
_SECRET = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)


class StorageUnavailable(RuntimeError):
    """The catalog could not be reached or refused us: said in one line, secrets removed."""


def mode() -> str:
    chosen = (os.environ.get("MONITOR_STORAGE") or DUCKDB).strip().lower()
    if chosen not in (DUCKDB, DUCKLAKE):
        raise StorageUnavailable(f"MONITOR_STORAGE must be '{DUCKDB}' or '{DUCKLAKE}', not {chosen!r}")
    return chosen


def redact(text: str) -> str:
    return _SECRET.sub(r"\1***", text)


@dataclass(frozen=True)
class Lake:
    """A DuckLake: catalog "postgres:<libpq settings>" or "sqlite:<file>"; data_path a folder or URL."""

    catalog: str
    data_path: str

    @classmethod
    def from_environment(cls) -> Lake:
        return cls(
            catalog=os.environ.get("MONITOR_LAKE_CATALOG") or DEFAULT_CATALOG,
            data_path=os.environ.get("MONITOR_LAKE_DATA") or DEFAULT_DATA_PATH,
        )

    @property
    def kind(self) -> str:
        kind = self.catalog.split(":", 1)[0]
        if kind not in ("postgres", "sqlite") or ":" not in self.catalog:
            raise StorageUnavailable(
                f"MONITOR_LAKE_CATALOG must start with 'postgres:' or 'sqlite:', not {redact(self.catalog)!r}"
            )
        return kind

    def _resolved(self) -> tuple[str, str]:
        kind, target = self.catalog.split(":", 1)
        data = self.data_path if "://" in self.data_path else str(settings.project_path(self.data_path))
        if kind == "sqlite":
            path = settings.project_path(target)
            path.parent.mkdir(parents=True, exist_ok=True)
            target = str(path)
        if "://" not in data:
            os.makedirs(data, exist_ok=True)
        return f"ducklake:{kind}:{target}", data.rstrip("/") + "/"

    def attach_sql(self, read_only: bool = False) -> str:
        uri, data = self._resolved()
        options = [f"DATA_PATH '{data}'"] + (["READ_ONLY"] if read_only else [])
        return f"ATTACH '{uri}' AS {CATALOG_ALIAS} ({', '.join(options)})"

    def extensions(self) -> tuple[str, ...]:
        scanner = "postgres_scanner" if self.kind == "postgres" else "sqlite_scanner"
        return ("ducklake", scanner, "fts")

    def describe(self) -> str:
        return f"DuckLake (catalog {redact(self.catalog)}, data {self.data_path})"

    def open(self, read_only: bool = False, attempts: int = 5) -> duckdb.DuckDBPyConnection:
        """Attach the lake; two processes creating a new lake at once race in the catalog, so retry that."""
        for attempt in range(attempts):
            conn = duckdb.connect()
            try:
                conn.execute(f"SET memory_limit = '{settings.duckdb_memory_limit()}'")
                extensions.load(conn, *self.extensions())
                conn.execute(self.attach_sql(read_only))
                conn.execute(f"USE {CATALOG_ALIAS}")
                return conn
            except duckdb.Error as error:
                conn.close()
                racing = any(m in str(error) for m in CREATION_RACE_MARKERS)
                if not racing or attempt == attempts - 1:
                    raise StorageUnavailable(
                        f"cannot open the {self.describe()}: {one_line(error)}"
                    ) from None
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")


def one_line(error: BaseException) -> str:
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
    return redact(first)


def is_conflict(error: BaseException) -> bool:
    text = str(error).lower()
    return any(marker in text for marker in CONFLICT_MARKERS)


def is_unreachable(error: BaseException) -> bool:
    text = str(error).lower()
    return any(marker in text for marker in UNREACHABLE_MARKERS)
