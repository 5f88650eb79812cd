"""Fixtures that run the real thing: a DuckDB file, a landing folder, Dagster materialisations."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import postgres_server
import pytest
from postgres_server import PostgresServer

from assets.raw import LandingFolder
from monitor import settings
from monitor.actors import find_mentions, load_actor_dictionary
from monitor.definitions import defs
from monitor.warehouse import Warehouse

SAMPLES_DIR = settings.SEEDS_DIR / "articles"
SAMPLE_DAYS = ("2023-11-09", "2023-11-21")


@dataclass
class Pipeline:
    """A landing folder and a database of a test's own, and a way to run assets over them."""

    landing: Path
    db_path: Path
    instance: dg.DagsterInstance

    def resources(self) -> dict:
        return {
            "warehouse": Warehouse(db_path=str(self.db_path)),
            "landing_folder": LandingFolder(path=str(self.landing), max_file_bytes=64 * 1024),
        }

    def materialize(self, selection=None, extra_assets: list | None = None) -> dg.ExecuteInProcessResult:
        """Everything but the day-partitioned stance table (see materialize_days), or `selection`."""
        assets = list(defs.assets) + list(extra_assets or [])
        selection = selection or (dg.AssetSelection.all() - dg.AssetSelection.assets("actor_stance_daily"))
        return dg.materialize(
            assets,
            selection=selection,
            resources=self.resources(),
            instance=self.instance,
            raise_on_error=False,
        )

    def materialize_days(
        self, first: str, last: str, extra_assets: list | None = None, tags: dict | None = None
    ):
        """One run over a range of days of actor_stance_daily (single-run backfill)."""
        return dg.materialize(
            list(defs.assets) + list(extra_assets or []),
            selection="actor_stance_daily",
            resources=self.resources(),
            instance=self.instance,
            raise_on_error=False,
            tags={
                "dagster/asset_partition_range_start": first,
                "dagster/asset_partition_range_end": last,
                **(tags or {}),
            },
        )

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        with duckdb.connect(str(self.db_path), read_only=True) as conn:
            return conn.execute(sql, params or []).fetchall()

    def write_mostly_undated(self, sample_text: dict[str, str], good_sidecar: dict) -> None:
        """One dated article and three with no trustworthy date (copies of sample 000): a quarantined share
        above the cleaned_articles gate's bound."""
        self.write("good.txt", sample_text["004"], sidecar=good_sidecar)
        for n in range(3):
            self.write(
                f"undated_{n}.txt",
                sample_text["000"] + f"\n\nUpdate {n}.",
                sidecar={"url": f"https://en.prothomalo.com/international/x{n}"},
            )

    def write(self, name: str, content: bytes | str, sidecar: dict | None = None) -> Path:
        path = self.landing / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        if sidecar is not None:
            path.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
        return path


@pytest.fixture
def pipeline(tmp_path: Path) -> Pipeline:
    landing = tmp_path / "landing"
    landing.mkdir()
    return Pipeline(landing, tmp_path / "data" / "monitor.duckdb", dg.DagsterInstance.ephemeral())


@pytest.fixture
def sample_pipeline(pipeline: Pipeline) -> Pipeline:
    for path in SAMPLES_DIR.iterdir():
        shutil.copy(path, pipeline.landing / path.name)
    return pipeline


@pytest.fixture
def days_pipeline(tmp_path_factory) -> Iterator[Pipeline]:
    """The samples through every step, then SAMPLE_DAYS of the daily table, on a Dagster instance kept in
    files. The chain runs once per test process; each test gets a copy of what it left at the same paths
    (landing_files keeps absolute paths), so a test that adds files or runs again sees what a second run
    would."""
    base = tmp_path_factory.getbasetemp()
    root, snapshot = base / "sample_days", base / "sample_days_snapshot"
    shutil.rmtree(root, ignore_errors=True)
    if not snapshot.exists():
        shutil.copytree(SAMPLES_DIR, root / "landing")
        (root / "home").mkdir()
        (root / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
        with dg.DagsterInstance.from_config(str(root / "home")) as instance:
            chain = Pipeline(root / "landing", root / "data" / "monitor.duckdb", instance)
            assert chain.materialize().success
            assert chain.materialize_days(*SAMPLE_DAYS).success
        shutil.copytree(root, snapshot)
    else:
        shutil.copytree(snapshot, root)
    with dg.DagsterInstance.from_config(str(root / "home")) as instance:
        yield Pipeline(root / "landing", root / "data" / "monitor.duckdb", instance)


@pytest.fixture
def sample_text() -> dict[str, str]:
    """The five shipped articles by their number (000..004)."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SAMPLES_DIR.glob("*.txt"))}


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on loopback for the DuckLake catalog and the Dagster instance."""
    if not postgres_server.available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (.ci/run installs Debian's postgresql)")
        pytest.skip("PostgreSQL binaries not installed")
    folder = Path(tempfile.mkdtemp(prefix="monitor-pg-"))  # outside pytest's root-only folders
    server = PostgresServer(folder).init()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def dictionary():
    """The curated actor dictionary (seeds/actors/)."""
    return load_actor_dictionary()


@pytest.fixture
def mentions(dictionary):
    """find_mentions on one body, published on 9 November 2023 unless told."""

    def run(body: str, published_on: date | None = date(2023, 11, 9)) -> pl.DataFrame:
        frame = pl.DataFrame(
            {"article_id": ["a"], "body": [body], "published_on": [published_on]},
            schema={"article_id": pl.String, "body": pl.String, "published_on": pl.Date},
        )
        return find_mentions(frame, dictionary)

    return run
