"""The commands a user types: `monitor run`, the Dagster CLI, and the DuckDB CLI on the result."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster._core.instance.ref import InstanceRef

from monitor import settings
from monitor.cli import RANGE_END_TAG, RANGE_START_TAG

BIN = Path(sys.executable).parent


def user_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "DAGSTER_"))}
    landing = tmp_path / "landing"
    shutil.copytree(settings.SEEDS_DIR / "articles", landing)
    return {
        **env,
        "MONITOR_LANDING_DIR": str(landing),
        "MONITOR_DB": str(tmp_path / "x.duckdb"),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> tuple[dict, subprocess.CompletedProcess]:
    """One `monitor run` on the samples in an environment of its own, for the tests that only read what it
    printed and left."""
    env = user_env(tmp_path_factory.mktemp("first_run"))
    return env, subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, text=True, timeout=300)


def test_monitor_run_ingests_the_configured_folder_and_prints_a_summary(first_run):
    env, done = first_run
    assert done.returncode == 0, done.stderr[-3000:]
    assert "raw articles                         5" in done.stdout
    assert "succeeded" in done.stdout
    runs = list(Path(env["DAGSTER_HOME"]).glob("storage/*"))
    assert runs, "the run should be recorded in DAGSTER_HOME so the UI shows it"


def test_monitor_run_plans_the_daily_range_in_one_event_and_materialises_every_day(first_run):
    env, done = first_run
    assert done.returncode == 0, done.stderr[-3000:]
    with dg.DagsterInstance.from_ref(InstanceRef.from_dir(env["DAGSTER_HOME"])) as instance:
        [daily_run] = [r for r in instance.get_runs() if r.job_name == "actor_stance_daily_job"]
        planned = instance.get_records_for_run(
            daily_run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED
        ).records
        days = instance.get_materialized_partitions(dg.AssetKey("actor_stance_daily"))
    start, end = daily_run.tags[RANGE_START_TAG], daily_run.tags[RANGE_END_TAG]
    assert len(planned) == 1
    assert len(days) == (date.fromisoformat(end) - date.fromisoformat(start)).days + 1 > 1


def test_a_run_with_nothing_new_leaves_the_published_file_as_it_was(tmp_path):
    env = user_env(tmp_path)
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    first = Path(env["MONITOR_DB"]).stat()
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    again = Path(env["MONITOR_DB"]).stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


def test_a_published_file_replaced_by_hand_is_published_again_even_with_nothing_new(tmp_path):
    env = user_env(tmp_path)
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    published = Path(env["MONITOR_DB"])
    published.unlink()
    shutil.copyfile(next((settings.SEEDS_DIR / "articles").glob("*.txt")), published)
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    with duckdb.connect(str(published), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM raw_articles").fetchone() == (5,)


def test_a_run_that_adds_an_article_publishes_a_new_file(tmp_path):
    env = user_env(tmp_path)
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    first = Path(env["MONITOR_DB"]).stat()
    page = next(Path(env["MONITOR_LANDING_DIR"]).glob("*.txt"))
    (page.parent / "late").mkdir()
    (page.parent / "late" / page.name).write_text(page.read_text() + "\nCorrection.", encoding="utf-8")
    subprocess.run([BIN / "monitor", "run"], env=env, capture_output=True, timeout=300, check=True)
    assert Path(env["MONITOR_DB"]).stat().st_ino != first.st_ino
    with duckdb.connect(env["MONITOR_DB"], read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM raw_articles").fetchone() == (6,)
        daily = conn.execute("SELECT sum(statements) FROM actor_stance_daily").fetchone()[0]
        assert daily == conn.execute("SELECT count(*) FROM stance_statements").fetchone()[0] > 0


def test_dagster_cli_materialises_a_single_asset(tmp_path):
    env = user_env(tmp_path)
    (tmp_path / "dagster_home").mkdir()
    done = subprocess.run(
        [BIN / "dagster", "asset", "materialize", "-m", "monitor.definitions", "--select", "raw_articles"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=settings.PROJECT_ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "RUN_SUCCESS" in done.stderr


def test_the_database_opens_in_the_duckdb_cli(first_run):
    env, _ = first_run
    done = subprocess.run(
        [
            BIN / "duckdb",
            "-readonly",
            "-csv",
            "-noheader",
            env["MONITOR_DB"],
            "-c",
            "SELECT count(*) FROM raw_articles",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


def test_loading_the_definitions_imports_no_validation_plotting_or_hashing_library():
    """What every process pays (`monitor run` with nothing new, the UI's code server): GE, matplotlib and
    datasketch (with scipy.integrate) are imported only by a step that uses them."""
    heavy = ["great_expectations", "matplotlib", "datasketch", "scipy.integrate"]
    probe = f"import sys, monitor.definitions; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
