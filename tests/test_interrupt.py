"""`monitor run` stopped the way users stop it, inside a step: Ctrl-C (SIGINT to the terminal's whole process
group) and SIGTERM (kill, pkill). It must end within seconds with one line and the shell's exit code for the
signal, leave its Dagster run canceled rather than started, publish nothing, and the next run must finish the
work as if nothing had happened.

4000 pages (the samples under other URLs, over 20 days) keep each article step busy for seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest
from run_helpers import MONITOR, environment, run_to_completion, tables, uninterrupted_tables, write_landing

PAGES = 4000
STOP_BOUND_SECONDS = 12.0  # the 8 s grace period of monitor.cli at worst, plus exiting, on a shared machine
AT_ONCE_BOUND_SECONDS = 3.0  # no grace period: the second signal ends the process (measured 0.4 s)
MESSAGE = "monitor: interrupted; the database is as of the last committed batch"


@dataclass
class Stopped:
    """What a run stopped by a signal left: its exit, its output, and its Dagster runs' statuses."""

    code: int
    seconds_to_exit: float
    output: str
    run_statuses: dict[str, str]
    env: dict[str, str]


def _run_statuses(env: dict[str, str]) -> dict[str, str]:
    """The status of each job's latest run."""
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        return {run.job_name: run.status.value for run in reversed(instance.get_runs())}


def _stop_inside(
    env: dict[str, str], step: str, delay: float, signum: int, whole_group: bool, again_after: float = 0
) -> Stopped:
    """Start `monitor run`, send `signum` `delay` seconds after `step` started (and `again_after` seconds
    later once more, if given), and wait for the exit."""
    process = subprocess.Popen(
        [str(MONITOR), "run", "--log-level", "DEBUG"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    sent_at: list[float] = []

    def send() -> None:
        sent_at.append(time.monotonic())
        if whole_group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)

    seen = []
    try:
        for line in process.stdout:
            seen.append(line)
            if f"{step} - STEP_START" in line:
                threading.Timer(delay, send).start()
                if again_after:
                    threading.Timer(delay + again_after, send).start()
                break
        seen.append(process.stdout.read())
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    output = "".join(seen)
    assert sent_at, f"the run ended before {step} started:\n{output[-3000:]}"
    return Stopped(code, time.monotonic() - sent_at[0], output, _run_statuses(env), env)


@pytest.fixture(scope="module")
def landing(tmp_path_factory) -> Path:
    return write_landing(tmp_path_factory.mktemp("landing") / "pages", PAGES)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, landing) -> dict[str, list[tuple]]:
    return uninterrupted_tables(tmp_path_factory.mktemp("uninterrupted"), landing)


@pytest.fixture(scope="module")
def ctrl_c(tmp_path_factory, landing) -> Stopped:
    """Ctrl-C half a second into cleaned_articles, sent like a terminal sends it: to the process group."""
    env = environment(tmp_path_factory.mktemp("ctrl_c"), landing)
    return _stop_inside(env, "cleaned_articles", 0.5, signal.SIGINT, whole_group=True)


@pytest.fixture(scope="module")
def ctrl_c_twice(tmp_path_factory, landing) -> Stopped:
    """Ctrl-C pressed again 0.2 s later, before the step has wound down: the run is abandoned at once."""
    env = environment(tmp_path_factory.mktemp("ctrl_c_twice"), landing)
    return _stop_inside(env, "cleaned_articles", 0.5, signal.SIGINT, whole_group=True, again_after=0.2)


@pytest.fixture(scope="module")
def sigterm(tmp_path_factory, landing) -> tuple[Stopped, dict[str, list[tuple]]]:
    """SIGTERM to the process half a second into raw_articles, after a run that published 5 pages; with
    the tables that run published."""
    root = tmp_path_factory.mktemp("sigterm")
    first = write_landing(root / "first", 5)
    env = environment(root, landing)
    run_to_completion({**env, "MONITOR_LANDING_DIR": str(first)})
    published = tables(Path(env["MONITOR_DB"]))
    return _stop_inside(env, "raw_articles", 0.5, signal.SIGTERM, whole_group=False), published


def test_ctrl_c_inside_a_step_ends_monitor_run_within_seconds_with_exit_code_130(ctrl_c):
    assert ctrl_c.code == 130, ctrl_c.output[-3000:]
    assert ctrl_c.seconds_to_exit < STOP_BOUND_SECONDS


def _step_failures(env: dict[str, str]) -> dict[str, str]:
    """The failure message of each step that recorded its own failure in the latest run (a process ended
    at the grace period records none)."""
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        run = instance.get_runs(limit=1)[0]
        events = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE)
        return {e.step_key: e.dagster_event.step_failure_data.error.message for e in events}


def test_ctrl_c_inside_cleaned_articles_winds_the_batch_down_before_the_grace_period_ends_the_process(ctrl_c):
    assert "monitor run was interrupted by a signal" in _step_failures(ctrl_c.env)["cleaned_articles"]


def test_ctrl_c_ends_with_one_line_saying_what_the_database_holds(ctrl_c):
    assert ctrl_c.output.rstrip().splitlines()[-1].startswith(MESSAGE), ctrl_c.output[-3000:]


def test_ctrl_c_leaves_the_dagster_run_canceled_and_starts_no_daily_run(ctrl_c):
    assert ctrl_c.run_statuses == {"monitor_job": "CANCELED"}


def test_the_run_after_ctrl_c_gives_the_tables_of_an_uninterrupted_run(ctrl_c, uninterrupted):
    run_to_completion(ctrl_c.env)
    assert tables(Path(ctrl_c.env["MONITOR_DB"])) == uninterrupted


def test_a_second_ctrl_c_ends_monitor_run_at_once_with_the_message_and_the_run_canceled(ctrl_c_twice):
    assert ctrl_c_twice.code == 130, ctrl_c_twice.output[-3000:]
    assert ctrl_c_twice.seconds_to_exit < AT_ONCE_BOUND_SECONDS
    assert MESSAGE in ctrl_c_twice.output
    assert ctrl_c_twice.run_statuses == {"monitor_job": "CANCELED"}


def test_sigterm_inside_a_step_ends_monitor_run_within_seconds_with_exit_code_143(sigterm):
    stopped, _ = sigterm
    assert stopped.code == 143, stopped.output[-3000:]
    assert stopped.seconds_to_exit < STOP_BOUND_SECONDS


def test_sigterm_leaves_the_dagster_run_canceled(sigterm):
    stopped, _ = sigterm
    assert stopped.run_statuses["monitor_job"] == "CANCELED"


def test_sigterm_leaves_the_published_tables_as_the_previous_run_left_them(sigterm):
    stopped, published = sigterm
    assert tables(Path(stopped.env["MONITOR_DB"])) == published
