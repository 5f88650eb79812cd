"""Staging real `monitor run` processes: a landing folder of sample pages, an environment of a test's own,
and every table's rows to compare runs by."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb

from monitor import settings

MONITOR = Path(sys.executable).parent / "monitor"
TABLES = [
    "raw_articles", "cleaned_articles", "entity_mentions", "stance_statements", "actor_stance_daily",
    "quarantine", "sentences", "story_signatures", "landing_files", "step_articles",
]  # fmt: skip
RUN_SPECIFIC = "'run_id', 'ingested_at', 'quarantined_at', 'processed_at'"


def write_landing(folder: Path, pages: int) -> Path:
    """Each sample page under many URLs and publication days (20 of them), with a sidecar each."""
    folder.mkdir(parents=True)
    samples = sorted((settings.SEEDS_DIR / "articles").glob("*.txt"))
    for n in range(pages):
        page = samples[n % len(samples)]
        sidecar = page.with_suffix(".json")
        meta = (
            json.loads(sidecar.read_text())
            if sidecar.exists()
            else {"url": "https://www.koreaherald.com/view"}
        )
        meta["url"] += f"?copy={n}"
        meta["published"] = (date(2023, 11, 1) + timedelta(days=n % 20)).isoformat()
        shutil.copyfile(page, folder / f"{n:05d}_{page.name}")
        (folder / f"{n:05d}_{page.stem}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def environment(root: Path, landing: Path) -> dict[str, str]:
    """A database and a Dagster home under `root`, reading `landing`."""
    (root / "home").mkdir(parents=True, exist_ok=True)
    (root / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return dict(
        os.environ,
        MONITOR_LANDING_DIR=str(landing),
        MONITOR_DB=str(root / "data" / "monitor.duckdb"),
        DAGSTER_HOME=str(root / "home"),
    )


def tables(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, without the columns that name a run or a moment."""
    with duckdb.connect(str(db_path), read_only=True) as conn:
        return {
            table: conn.execute(
                f"SELECT COLUMNS(c -> c NOT IN ({RUN_SPECIFIC})) FROM {table} ORDER BY ALL"  # noqa: S608
            ).fetchall()
            for table in TABLES
        }


def run_to_completion(env: dict[str, str]) -> None:
    """One `monitor run` that must succeed; its output is the failure message when it does not."""
    finished = subprocess.run(
        [str(MONITOR), "run"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-2000:]


def uninterrupted_tables(root: Path, landing: Path) -> dict[str, list[tuple]]:
    """The tables one uninterrupted run over `landing` leaves: what every disturbed run is compared with."""
    env = environment(root, landing)
    run_to_completion(env)
    return tables(Path(env["MONITOR_DB"]))
