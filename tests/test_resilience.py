"""Real processes on real files: runs killed with SIGKILL, two runs at once, an analyst holding the database.

A landing folder of 2000 pages (the five samples under other URLs and dates) makes a run last long enough to
be killed inside each step; every comparison is against one uninterrupted run over the same folder.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from run_helpers import MONITOR, environment, run_to_completion, tables, uninterrupted_tables, write_landing

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
PAGES = 2000


def _start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [str(MONITOR), "run", "--log-level", "DEBUG"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _kill_after(env: dict[str, str], marker: str, delay: float) -> tuple[int, str]:
    """Start a run, SIGKILL it `delay` seconds after a log line containing `marker`; exit code and output."""
    process = _start(env)
    seen = []
    for line in process.stdout:
        seen.append(line)
        if marker in line:
            threading.Timer(delay, process.send_signal, [signal.SIGKILL]).start()
            break
    seen.append(process.stdout.read())
    return process.wait(timeout=300), "".join(seen)[-3000:]


def _published(db_path: Path) -> dict[str, list[tuple]] | None:
    return tables(db_path) if db_path.exists() else None


@pytest.fixture(scope="module")
def landing(tmp_path_factory) -> Path:
    return write_landing(tmp_path_factory.mktemp("landing") / "pages", PAGES)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, landing) -> dict[str, list[tuple]]:
    return uninterrupted_tables(tmp_path_factory.mktemp("uninterrupted"), landing)


def test_the_uninterrupted_run_fills_every_layer(uninterrupted):
    counts = {table: len(rows) for table, rows in uninterrupted.items()}
    assert counts["raw_articles"] == PAGES
    assert counts["landing_files"] == 2 * PAGES
    assert min(counts[t] for t in ("cleaned_articles", "entity_mentions", "stance_statements")) > 0
    assert len({row[0] for row in uninterrupted["actor_stance_daily"]}) == 20


def test_runs_killed_inside_each_step_leave_the_published_tables_untouched_and_the_next_run_completes(
    tmp_path, landing, uninterrupted
):
    env = environment(tmp_path, landing)
    db_path = Path(env["MONITOR_DB"])
    kill_points = [
        ("raw_articles - STEP_START", 0.4),
        ("cleaned_articles - STEP_START", 0.8),
        ("stance_statements - STEP_START", 1.2),
        ("actor_stance_daily - STEP_START", 0.2),
    ]
    for marker, delay in kill_points:
        before = _published(db_path)
        code, output = _kill_after(env, marker, delay)
        assert code == -signal.SIGKILL, f"the run ended before {marker}:\n{output}"
        if not marker.startswith("actor_stance_daily"):
            assert _published(db_path) == before, f"a run killed at {marker} changed what analysts see"
    run_to_completion(env)
    assert tables(db_path) == uninterrupted


def test_two_runs_started_at_once_neither_corrupt_nor_double_count(tmp_path, landing, uninterrupted):
    env = environment(tmp_path, landing)
    # as under the daemon, the Dagster instance exists before its schedule and sensor fire
    create_instance = "import dagster; dagster.DagsterInstance.get()"
    subprocess.run([sys.executable, "-c", create_instance], env=env, check=True)
    first, second = _start(env), _start(env)
    outputs = [process.communicate(timeout=300)[0] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs[0][-2000:] + outputs[1][-2000:]
    assert tables(Path(env["MONITOR_DB"])) == uninterrupted


def _subset(landing: Path, folder: Path, pages: int) -> Path:
    folder.mkdir()
    for path in sorted(landing.iterdir())[: 2 * pages]:
        shutil.copyfile(path, folder / path.name)
    return folder


def test_an_analyst_holding_the_database_open_neither_blocks_a_run_nor_sees_it_half_done(tmp_path, landing):
    env = environment(tmp_path, landing)
    db_path = Path(env["MONITOR_DB"])
    run_to_completion({**env, "MONITOR_LANDING_DIR": str(_subset(landing, tmp_path / "first", 5))})
    analyst = subprocess.Popen(
        [str(DUCKDB_CLI), "-csv", "-noheader", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    count = "SELECT 'articles', count(*) FROM raw_articles;\n"
    analyst.stdin.write(count)
    analyst.stdin.flush()
    time.sleep(0.5)
    run_to_completion({**env, "MONITOR_LANDING_DIR": str(_subset(landing, tmp_path / "second", 300))})
    analyst.stdin.write(count + ".quit\n")
    seen, _ = analyst.communicate(timeout=30)
    assert analyst.returncode == 0
    assert seen.split() == ["articles,5", "articles,5"]
    with duckdb.connect(str(db_path), read_only=True) as reopened:
        assert reopened.execute(count).fetchone() == ("articles", 300)
