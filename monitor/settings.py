"""Where things live: one place that turns environment variables into absolute paths.

Relative paths are taken from the project root (the folder holding workspace.yaml), so `monitor run`
and `dagster dev` agree whatever the shell's working directory is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

DEFAULT_LANDING_DIR = "seeds/articles"
DEFAULT_DB = "data/monitor.duckdb"
DEFAULT_DAGSTER_HOME = "data/dagster_home"
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


def project_path(value: str | os.PathLike) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def landing_dir() -> Path:
    return project_path(os.environ.get("MONITOR_LANDING_DIR") or DEFAULT_LANDING_DIR)


def database_path() -> Path:
    return project_path(os.environ.get("MONITOR_DB") or DEFAULT_DB)


def dagster_home() -> Path:
    return project_path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME)


def max_file_bytes() -> int:
    return int(os.environ.get("MONITOR_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES)


DEFAULT_DUCKDB_MEMORY_LIMIT = "2GB"


def duckdb_memory_limit() -> str:
    """How much memory DuckDB may keep before it spills to disk (env MONITOR_DUCKDB_MEMORY_LIMIT, a DuckDB
    size such as 2GB or 512MiB). DuckDB's own default, 80% of RAM, let the checkpoint after a batch hold
    gigabytes of table blocks once the tables were large."""
    value = (os.environ.get("MONITOR_DUCKDB_MEMORY_LIMIT") or DEFAULT_DUCKDB_MEMORY_LIMIT).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", value, flags=re.IGNORECASE):
        raise ValueError(f"MONITOR_DUCKDB_MEMORY_LIMIT must be a size such as 2GB or 512MiB, not {value!r}")
    return value


DEFAULT_START_DATE = "2023-11-01"


def start_date() -> str:
    """First day of the daily stance partitions (env MONITOR_START_DATE): the first day of your archive."""
    return os.environ.get("MONITOR_START_DATE") or DEFAULT_START_DATE


def backfill_days_per_run() -> int | None:
    """Days of the daily table per backfill run (env MONITOR_BACKFILL_DAYS_PER_RUN; unset or 0: one run
    for any range). A DuckDB file has one writer, so one run is right there; a DuckLake takes runs side by
    side, and a week per run lets a backfill launched from the UI fan out over the run queue."""
    value = os.environ.get("MONITOR_BACKFILL_DAYS_PER_RUN")
    return (int(value) or None) if value else None
