"""A team's setup on a real PostgreSQL: DuckLake catalog and Dagster instance in one server, partition-
parallel backfills, readers beside writers, and the catalog server going away under a run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from test_ducklake import assert_same_tables, contract_tables, lake_environment

from monitor import settings, storage
from monitor.synthetic_corpus import generate_corpus

BIN = Path(sys.executable).parent
DEPLOY_INSTANCE = settings.PROJECT_ROOT / "deploy" / "dagster.yaml"


class Setup:
    """One lake database, one Dagster database, a landing folder: the environment of every process."""

    def __init__(self, postgres, folder: Path, name: str, landing: Path) -> None:
        self.postgres = postgres
        catalog = postgres.create_database(f"{name}_lake")
        self.dagster_db = f"{name}_dagster"
        postgres.create_database(self.dagster_db)
        home = folder / "dagster_home"
        home.mkdir(parents=True)
        shutil.copy(DEPLOY_INSTANCE, home / "dagster.yaml")
        self.env = {
            **os.environ,
            **lake_environment(f"postgres:{catalog}", folder / "files"),
            "MONITOR_LANDING_DIR": str(landing),
            "MONITOR_DB": str(folder / "monitor.duckdb"),
            "DAGSTER_HOME": str(home),
            "MONITOR_DAGSTER_PG_URL": f"postgresql+psycopg2://{postgres.user}@127.0.0.1:{postgres.port}/{self.dagster_db}",
        }
        self.env.pop("MONITOR_BACKFILL_DAYS_PER_RUN", None)

    def start(self, *command: str) -> subprocess.Popen:
        return subprocess.Popen(
            command,
            env=self.env,
            cwd=settings.PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def run(self, *command: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(
            command, env=self.env, cwd=settings.PROJECT_ROOT, capture_output=True, text=True, timeout=timeout
        )

    def connect(self) -> duckdb.DuckDBPyConnection:
        lake = storage.Lake(self.env["MONITOR_LAKE_CATALOG"], self.env["MONITOR_LAKE_DATA"])
        return lake.open(read_only=True)

    def lake_exists(self) -> bool:
        try:
            self.connect().close()
        except storage.StorageUnavailable:
            return False
        return True

    def tables(self) -> dict:
        with self.connect() as conn:
            return contract_tables(conn)

    def materialize_days(self, first: str, last: str) -> subprocess.Popen:
        return self.start(
            str(BIN / "dagster"),
            "asset",
            "materialize",
            "-m",
            "monitor.definitions",
            "--select",
            "actor_stance_daily",
            "--partition-range",
            f"{first}...{last}",
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder / "landing", folder / "truth", n=240, seed=3)
    return folder / "landing"


@pytest.fixture(scope="module")
def reference_tables(postgres, corpus, tmp_path_factory) -> dict:
    """The tables one undisturbed run over the corpus leaves: what every disturbed run must converge to."""
    reference = Setup(postgres, tmp_path_factory.mktemp("reference"), "reference", corpus)
    run = reference.run(str(BIN / "monitor"), "run")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return reference.tables()


def split_days(first: date, days: int, parts: int) -> list[tuple[str, str]]:
    bounds = [first + timedelta(days=days * i // parts) for i in range(parts + 1)]
    return [(str(bounds[i]), str(bounds[i + 1] - timedelta(days=1))) for i in range(parts)]


def daily_rows(setup: Setup, first: str, last: str) -> list[tuple]:
    with setup.connect() as conn:
        return conn.execute(
            """SELECT * EXCLUDE (run_id) FROM actor_stance_daily WHERE day BETWEEN ? AND ?
               ORDER BY day, source_actor, target_actor""",
            [first, last],
        ).fetchall()


def finish(process: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    output, _ = process.communicate(timeout=timeout)
    return process.returncode, output


def daily_run_events(setup: Setup) -> list[str]:
    """What `monitor run` logged on the PostgreSQL instance for its daily range run (events written in
    batches there)."""
    probe = (
        "import dagster as dg, datetime as d; i = dg.DagsterInstance.get(); "
        "[r] = [r for r in i.get_runs() if r.job_name == 'actor_stance_daily_job']; "
        "t = dg.DagsterEventType; "
        "p = i.get_records_for_run(r.run_id, of_type=t.ASSET_MATERIALIZATION_PLANNED).records; "
        "m = i.get_records_for_run(r.run_id, of_type=t.ASSET_MATERIALIZATION).records; "
        "a, b = (d.date.fromisoformat(r.tags[k]) for k in ('dagster/asset_partition_range_start', "
        "'dagster/asset_partition_range_end')); "
        "print(f'planned {len(p)}'); "
        "print(f'days materialized = days in range: {len(m) == (b - a).days + 1 > 1}')"
    )
    result = setup.run(sys.executable, "-c", probe)
    return result.stdout.splitlines() or [result.stderr[-2000:]]


def test_a_backfill_split_over_concurrent_runs_equals_one_sequential_run_without_double_counting(
    postgres, corpus, tmp_path
):
    setup = Setup(postgres, tmp_path, "backfill", corpus)
    chain = setup.run(str(BIN / "monitor"), "run")
    assert chain.returncode == 0, chain.stdout + chain.stderr
    assert daily_run_events(setup) == ["planned 1", "days materialized = days in range: True"]
    with setup.connect() as conn:
        first = conn.execute("SELECT min(published_on) FROM stance_statements").fetchone()[0]
    ((start, end),) = split_days(first, 30, 1)
    sequential = daily_rows(setup, start, end)
    assert sequential
    lake = storage.Lake(setup.env["MONITOR_LAKE_CATALOG"], setup.env["MONITOR_LAKE_DATA"])
    with lake.open() as conn:
        conn.execute("DELETE FROM actor_stance_daily WHERE day BETWEEN ? AND ?", [start, end])
    overlapping = setup.materialize_days(start, end)  # the same days again, at the same time
    runs = [setup.materialize_days(a, b) for a, b in split_days(first, 30, 3)] + [overlapping]
    outcomes = [finish(run) for run in runs]
    assert all(code == 0 for code, _ in outcomes), [out[-2000:] for _, out in outcomes]
    assert daily_rows(setup, start, end) == sequential
    recorded = postgres.query(setup.dagster_db, "SELECT count(*) FROM runs WHERE status = 'SUCCESS'")[0][0]
    assert recorded >= 2 + 4


def test_the_deployed_instance_keeps_article_steps_to_one_writer(postgres, tmp_path):
    setup = Setup(postgres, tmp_path, "pool", tmp_path)
    probe = (
        "import dagster as dg; from monitor.warehouse import WRITER_POOL; "
        "i = dg.DagsterInstance.get(); info = i.event_log_storage.get_concurrency_info(WRITER_POOL); "
        "print(type(i.run_storage).__name__, type(i.run_coordinator).__name__, info.limit)"
    )
    result = setup.run(sys.executable, "-c", probe)
    assert result.stdout.split() == ["PostgresRunStorage", "QueuedRunCoordinator", "1"], result.stderr


def test_readers_and_a_search_query_hold_while_two_runs_write(postgres, corpus, reference_tables, tmp_path):
    setup = Setup(postgres, tmp_path, "busy", corpus)
    writers = [setup.start(str(BIN / "monitor"), "run") for _ in range(2)]
    errors: list[str] = []
    reads = 0
    while any(w.poll() is None for w in writers):
        try:
            with setup.connect() as conn:
                conn.execute("SELECT count(*) FROM raw_articles").fetchone()
                if conn.execute(
                    "SELECT 1 FROM duckdb_functions() WHERE function_name = 'search_articles'"
                ).fetchone():
                    conn.execute("SELECT count(*) FROM search_articles('minister')").fetchone()
            reads += 1
        except (duckdb.Error, storage.StorageUnavailable) as error:
            if reads or "does not exist" not in str(error):  # before the first run created the lake
                errors.append(str(error))
        time.sleep(0.2)
    outcomes = [finish(w) for w in writers]
    assert all(code == 0 for code, _ in outcomes), [out[-2000:] for _, out in outcomes]
    assert not errors and reads > 0
    with setup.connect() as conn:
        duplicates = conn.execute(
            """SELECT (SELECT count(*) - count(DISTINCT article_id) FROM raw_articles)
                    + (SELECT count(*) - count(DISTINCT article_id) FROM cleaned_articles)
                    + (SELECT count(*) - count(DISTINCT statement_id) FROM stance_statements)"""
        ).fetchone()[0]
    assert duplicates == 0
    assert_same_tables(setup.tables(), reference_tables)


def test_the_catalog_server_stopping_mid_run_fails_clearly_and_the_next_run_converges(
    postgres, corpus, reference_tables, tmp_path
):
    setup = Setup(postgres, tmp_path, "fault", corpus)
    setup.env["DAGSTER_HOME"] = str(tmp_path / "local_home")  # the run's own events stay local here
    run = setup.start(str(BIN / "monitor"), "run")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if not setup.lake_exists():
            time.sleep(0.1)
            continue
        with setup.connect() as conn:
            landed = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'raw_articles'"
            ).fetchone()[0]
            if landed and conn.execute("SELECT count(*) FROM raw_articles").fetchone()[0]:
                break
        time.sleep(0.1)
    postgres.stop("immediate")
    try:
        code, output = finish(run)
    finally:
        postgres.start()
    assert code != 0
    assert "DuckLake" in output and "Traceback" not in output.splitlines()[-1]
    again = setup.run(str(BIN / "monitor"), "run")
    assert again.returncode == 0, again.stdout + again.stderr
    assert_same_tables(setup.tables(), reference_tables)


def test_a_wrong_catalog_gives_one_clear_line_without_the_password(postgres, tmp_path):
    environment = {
        **os.environ,
        **lake_environment(
            f"postgres:dbname=no_such_lake host=127.0.0.1 port={postgres.port} user=monitor password=hunter2",
            tmp_path / "files",
        ),
        "DAGSTER_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [str(BIN / "monitor"), "run"], env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no_such_lake" in result.stderr and "does not exist" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout


def test_a_refused_password_gives_one_clear_line_without_the_password(postgres, tmp_path):
    catalog = (
        f"postgres:dbname=postgres host=127.0.0.1 port={postgres.port} "
        f"user={postgres.PASSWORD_USER} password=not-the-password"
    )
    environment = {
        **os.environ,
        **lake_environment(catalog, tmp_path / "files"),
        "DAGSTER_HOME": str(tmp_path / "home"),
    }
    result = subprocess.run(
        [str(BIN / "monitor"), "run"], env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "password authentication failed" in result.stderr
    assert "not-the-password" not in result.stderr + result.stdout
