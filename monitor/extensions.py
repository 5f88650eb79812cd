"""DuckDB extensions from the Python packages pip installed (duckdb-extension-*), never from the network.

DuckDB 1.5.5 would otherwise download an extension at LOAD time, which a closed network refuses; the
registry ships the official binaries as packages, so the path of each is known without asking anyone.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import duckdb

PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "fts": "duckdb_extension_fts",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
}


class ExtensionMissing(RuntimeError):
    """An extension the configuration needs is not installed (its package names the fix)."""


@cache
def extension_path(name: str) -> Path:
    package = PACKAGES[name]
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise ExtensionMissing(
            f"DuckDB extension {name!r} is not installed: pip install {package.replace('_', '-')}"
        ) from None
    found = sorted(Path(module.__file__).parent.glob(f"extensions/v{duckdb.__version__}/*.duckdb_extension"))
    if not found:
        raise ExtensionMissing(f"{package} holds no build for DuckDB {duckdb.__version__}")
    return found[0]


def load(conn: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Load packaged extensions and switch off DuckDB's own downloads for this connection."""
    conn.execute("SET autoinstall_known_extensions = false")
    conn.execute("SET autoload_known_extensions = false")
    for name in names:
        conn.execute(f"LOAD '{extension_path(name)}'")


def cli_init_commands(*names: str) -> list[str]:
    """The same loads as SQL lines, for the DuckDB CLI an analyst opens (`monitor sql`)."""
    return [f"LOAD '{extension_path(name)}';" for name in names]
