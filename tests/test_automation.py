"""The schedule and sensors, evaluated against a real Dagster instance and real files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import dagster as dg
import pytest

from assets.raw import LandingFolder
from monitor import automation
from monitor.definitions import defs
from monitor.warehouse import Warehouse
from monitor.writer_lock import WriterBusy

KOREA_HERALD = {"url": "https://www.koreaherald.com/view.php?ud=20231121000610"}


def _sensor_context(pipeline, cursor: str | None = None) -> dg.SensorEvaluationContext:
    return dg.build_sensor_context(
        instance=pipeline.instance,
        cursor=cursor,
        resources={"landing_folder": LandingFolder(path=str(pipeline.landing))},
    )


def _requests(result) -> list[dg.RunRequest]:
    return result.run_requests if isinstance(result, dg.SensorResult) else []


def test_new_files_in_the_landing_folder_request_a_run_of_the_chain(sample_pipeline):
    result = automation.landing_sensor(_sensor_context(sample_pipeline))
    (request,) = _requests(result)
    assert request.tags["monitor/new_or_changed_files"] == "9"
    assert result.cursor


def test_a_folder_with_nothing_new_since_the_cursor_is_skipped_with_a_reason(sample_pipeline):
    cursor = automation.landing_sensor(_sensor_context(sample_pipeline)).cursor
    context = _sensor_context(sample_pipeline, cursor)
    skipped = automation.landing_sensor(context)
    assert isinstance(skipped, dg.SkipReason)
    assert skipped.skip_message.startswith("no new or changed files among the 9 in ")


def test_a_changed_file_is_picked_up_again_and_a_deleted_one_is_not(sample_pipeline, sample_text):
    cursor = automation.landing_sensor(_sensor_context(sample_pipeline)).cursor
    page = next(sample_pipeline.landing.glob("004_*.txt"))
    page.write_text(sample_text["004"] + "\nCorrection appended.", encoding="utf-8")
    changed = automation.landing_sensor(_sensor_context(sample_pipeline, cursor))
    assert [r.tags["monitor/new_or_changed_files"] for r in _requests(changed)] == ["1"]
    next(sample_pipeline.landing.glob("000_*.json")).unlink()
    deleted = automation.landing_sensor(_sensor_context(sample_pipeline, changed.cursor))
    assert isinstance(deleted, dg.SkipReason)


def test_the_schedule_requests_one_chain_run_per_day():
    context = dg.build_schedule_context(scheduled_execution_time=datetime(2026, 3, 2, 5, 0, tzinfo=UTC))
    request = automation.daily_schedule(context)
    assert request.run_key == "daily-2026-03-02"
    assert automation.daily_schedule.job_name == "monitor_job"


def test_schedule_and_sensors_are_on_when_dagster_starts():
    statuses = [d.default_status for d in [*automation.schedules, *automation.sensors]]
    assert {s.value for s in statuses} == {"RUNNING"}


def test_both_jobs_retry_failed_steps_with_exponential_backoff():
    for name in ("monitor_job", "actor_stance_daily_job"):
        policy = defs.resolve_job_def(name).op_retry_policy
        assert (policy.max_retries, policy.backoff) == (3, dg.Backoff.EXPONENTIAL)


def _refresh_after(pipeline, result: dg.ExecuteInProcessResult):
    with dg.build_run_status_sensor_context(
        sensor_name="daily_refresh_sensor",
        dagster_event=result.get_run_success_event(),
        dagster_instance=pipeline.instance,
        dagster_run=result.dagster_run,
        resources={"warehouse": Warehouse(db_path=str(pipeline.db_path))},
    ) as context:
        return automation.daily_refresh_sensor(context)


def test_a_late_article_refreshes_only_the_day_it_was_published(pipeline, sample_text):
    pipeline.write("first.txt", sample_text["003"], sidecar={**KOREA_HERALD, "published": "2023-11-21"})
    request = _refresh_after(pipeline, pipeline.materialize())
    assert (request.tags[automation.RANGE_START_TAG], request.tags[automation.RANGE_END_TAG]) == (
        "2023-11-21",
        "2023-11-21",
    )
    assert pipeline.materialize_days("2023-11-21", "2023-11-21").success
    three_days_ago = (date.today() - timedelta(days=3)).isoformat()
    late = {"url": "https://www.koreaherald.com/view.php?ud=late", "published": three_days_ago}
    pipeline.write("late.txt", sample_text["003"] + "\nUpdated.", sidecar=late)
    request = _refresh_after(pipeline, pipeline.materialize())
    assert (request.tags[automation.RANGE_START_TAG], request.tags[automation.RANGE_END_TAG]) == (
        three_days_ago,
        three_days_ago,
    )
    assert pipeline.materialize_days(three_days_ago, three_days_ago).success
    days = pipeline.query("SELECT DISTINCT day::VARCHAR FROM actor_stance_daily ORDER BY 1")
    assert days == [("2023-11-21",), (three_days_ago,)]


def test_days_a_killed_run_left_without_a_daily_row_are_refreshed_by_the_next_run(pipeline, sample_text):
    pipeline.write("first.txt", sample_text["003"], sidecar={**KOREA_HERALD, "published": "2023-11-21"})
    assert pipeline.materialize().success
    with Warehouse(db_path=str(pipeline.db_path)).connect() as conn:
        assert automation.days_to_refresh(conn, "a-run-that-added-nothing") == ("2023-11-21", "2023-11-21")


def test_a_failed_blocking_check_upstream_keeps_the_daily_table_from_being_rebuilt(pipeline, sample_text):
    pipeline.write_mostly_undated(sample_text, good_sidecar=KOREA_HERALD)
    result = pipeline.materialize()
    skipped = automation.daily_refresh_request(
        pipeline.instance, Warehouse(db_path=str(pipeline.db_path)), result.run_id
    )
    assert isinstance(skipped, dg.SkipReason)
    assert skipped.skip_message == (
        "not building on a failed blocking check: cleaned_articles:cleaned_articles_table_gate"
    )


HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "a")
fcntl.flock(handle, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def lock_held_elsewhere(tmp_path):
    """Another process holds the writer lock of tmp_path/m.duckdb for 1.5 s."""
    warehouse = Warehouse(db_path=str(tmp_path / "m.duckdb"), lock_timeout_seconds=0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(warehouse.lock_path), "1.5"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "held\n"
    yield warehouse
    holder.wait(timeout=10)


def test_a_writer_gives_up_with_a_retryable_failure_when_another_run_keeps_the_lock(lock_held_elsewhere):
    with pytest.raises(WriterBusy), lock_held_elsewhere.transaction():
        pass


def test_a_writer_waits_for_another_runs_step_to_end(lock_held_elsewhere):
    patient = lock_held_elsewhere.model_copy(update={"lock_timeout_seconds": 10.0})
    with patient.transaction() as conn:
        conn.execute("CREATE TABLE waited AS SELECT 1 AS x")
    assert os.path.exists(patient.db_path)
