"""The instance monitor writes into DAGSTER_HOME stores a range run's materializations in one transaction per
SQLite file, and leaves on disk exactly what Dagster's own SQLite storage leaves."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import dagster as dg
import pytest
from conftest import SAMPLE_DAYS, Pipeline
from dagster._core.definitions.data_version import DATA_VERSION_TAG
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from monitor import cli
from monitor.event_storage import BatchedSqliteEventLogStorage

DAILY = dg.AssetKey("actor_stance_daily")
days_of_2024 = dg.DailyPartitionsDefinition(start_date="2024-01-01", end_date="2024-02-10")


@dg.asset(partitions_def=days_of_2024, backfill_policy=dg.BackfillPolicy.single_run())
def counted_days(context) -> dg.MaterializeResult:
    return dg.MaterializeResult(
        metadata={"days": len(context.partition_keys)}, data_version=dg.DataVersion("7")
    )


@pytest.fixture(autouse=True)
def batched_events(monkeypatch, tmp_path):
    """The event switches `monitor run` sets, restored after the test."""
    for name, value in cli.EVENT_SWITCHES.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "unused_home"))


def instance_in(home: Path, monkeypatch, config: str | None = None) -> dg.DagsterInstance:
    """An instance of DAGSTER_HOME `home` as `monitor run` opens it (its dagster.yaml written first if
    `config` is given, then prepared by monitor)."""
    home.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (home / "dagster.yaml").write_text(config, encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    cli._prepare_environment()
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))


def stock_instance(home: Path) -> dg.DagsterInstance:
    home.mkdir(parents=True)
    (home / "dagster.yaml").write_text(cli.EARLIER_INSTANCE_CONFIG, encoding="utf-8")
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home)))


def what_the_ui_shows(instance: dg.DagsterInstance, run_id: str, key: dg.AssetKey) -> dict:
    """The run's events by type, and the asset's days: materialized, their history, and those whose data
    version in the tag index (what the UI reads per day) is the one on the day's last materialization (the
    versions themselves derive from upstream runs, so differ between instances)."""
    history = instance.fetch_materializations(key, limit=10_000).records
    last_versions = {}
    for record in sorted(history, key=lambda r: r.storage_id):
        last_versions[record.partition_key] = record.asset_materialization.tags.get(DATA_VERSION_TAG)
    indexed = instance.event_log_storage.get_latest_tags_by_partition(
        key, dg.DagsterEventType.ASSET_MATERIALIZATION, [DATA_VERSION_TAG]
    )
    return {
        "events": Counter(
            r.event_log_entry.dagster_event_type for r in instance.get_records_for_run(run_id).records
        ),
        "materialized": instance.get_materialized_partitions(key),
        "history": sorted(r.partition_key for r in history),
        "versioned_days": {
            d for d, v in last_versions.items() if v and indexed.get(d, {}).get(DATA_VERSION_TAG) == v
        },
        "last": instance.get_latest_materialization_event(key).dagster_event.partition,
    }


def test_monitor_opens_a_new_home_with_the_batched_event_storage(tmp_path, monkeypatch):
    instance = instance_in(tmp_path / "home", monkeypatch)
    assert isinstance(instance.event_log_storage, BatchedSqliteEventLogStorage)
    assert (tmp_path / "home" / "dagster.yaml").read_text() == cli.INSTANCE_CONFIG


def test_a_home_monitor_wrote_opens_with_the_batched_storage_from_its_folder_alone(tmp_path, monkeypatch):
    instance_in(tmp_path / "home", monkeypatch).dispose()
    monkeypatch.delenv("DAGSTER_HOME")
    with dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(tmp_path / "home"))) as instance:
        assert isinstance(instance.event_log_storage, BatchedSqliteEventLogStorage)
        assert instance.root_directory == str(tmp_path / "home")


def test_a_dagster_yaml_of_the_users_own_is_left_as_it_is(tmp_path, monkeypatch):
    own = "telemetry:\n  enabled: true\n"
    instance = instance_in(tmp_path / "home", monkeypatch, own)
    assert (tmp_path / "home" / "dagster.yaml").read_text() == own
    assert type(instance.event_log_storage) is SqliteEventLogStorage


def test_a_home_monitor_wrote_before_keeps_its_history_on_the_batched_storage(tmp_path, monkeypatch):
    home = tmp_path / "home"
    with stock_instance(home) as before:
        run = dg.materialize([counted_days], instance=before, partition_key="2024-01-03")
        shown_before = what_the_ui_shows(before, run.run_id, counted_days.key)
    with instance_in(home, monkeypatch) as after:
        assert isinstance(after.event_log_storage, BatchedSqliteEventLogStorage)
        assert what_the_ui_shows(after, run.run_id, counted_days.key) == shown_before
    assert shown_before["materialized"] == {"2024-01-03"}


def test_a_range_run_of_the_daily_table_shows_the_same_days_and_events_as_on_dagsters_sqlite_storage(
    sample_pipeline, tmp_path, monkeypatch
):
    shown = {}
    for name in ("dagster", "monitor"):
        home = tmp_path / name / "home"
        instance = stock_instance(home) if name == "dagster" else instance_in(home, monkeypatch)
        pipeline = Pipeline(sample_pipeline.landing, tmp_path / name / "monitor.duckdb", instance)
        assert pipeline.materialize().success
        result = pipeline.materialize_days(*SAMPLE_DAYS)
        assert result.success
        shown[name] = what_the_ui_shows(instance, result.run_id, DAILY)
    every_day = {f"2023-11-{d:02d}" for d in range(9, 22)}
    assert shown["monitor"]["materialized"] == every_day
    assert shown["monitor"]["versioned_days"] == every_day
    assert shown["monitor"] == shown["dagster"]


def range_run_events(tmp_path: Path) -> list:
    """The materializations of a real 40-day range run, as Dagster hands them to its storage."""
    with stock_instance(tmp_path / "source") as instance:
        result = dg.materialize(
            [counted_days],
            instance=instance,
            tags={
                "dagster/asset_partition_range_start": "2024-01-01",
                "dagster/asset_partition_range_end": "2024-02-09",
            },
        )
        records = instance.get_records_for_run(
            result.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        )
    return [r.event_log_entry for r in records.records]


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a SQLite file, without the moments the file and its rows were made (the
    migration marks, `create_timestamp`)."""
    with sqlite3.connect(path) as conn:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for table in set(tables) - {"secondary_indexes"}:
            columns = [
                f'"{c[1]}"' for c in conn.execute(f"PRAGMA table_info({table})") if c[1] != "create_timestamp"
            ]
            found[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()  # noqa: S608
        return found


def test_a_batch_leaves_every_row_of_both_files_as_dagsters_storage_leaves_it(tmp_path):
    events = range_run_events(tmp_path)
    stock, batched = (
        SqliteEventLogStorage(str(tmp_path / "stock")),
        BatchedSqliteEventLogStorage(str(tmp_path / "b")),
    )
    stock.store_event_batch(events)
    batched.store_event_batch(events)
    run_file = f"{events[0].run_id}.db"
    assert len(events) == 40
    assert rows(tmp_path / "b" / "index.db") == rows(tmp_path / "stock" / "index.db")
    assert rows(tmp_path / "b" / run_file) == rows(tmp_path / "stock" / run_file)
    assert len(rows(tmp_path / "b" / run_file)["event_logs"]) == 40


def test_a_batch_the_index_refuses_leaves_no_event_in_the_runs_file(tmp_path):
    events = range_run_events(tmp_path)
    storage = BatchedSqliteEventLogStorage(str(tmp_path / "b"))
    with sqlite3.connect(tmp_path / "b" / "index.db") as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON event_logs WHEN NEW.partition = '2024-01-20' "
            "BEGIN SELECT RAISE(ABORT, 'disk refused the day'); END"
        )
    with pytest.raises(Exception, match="disk refused the day"):
        storage.store_event_batch(events)
    assert rows(tmp_path / "b" / f"{events[0].run_id}.db")["event_logs"] == []
    assert rows(tmp_path / "b" / "index.db")["event_logs"] == []


def test_events_stored_one_at_a_time_leave_every_row_of_both_files_as_dagsters_storage_leaves_them(tmp_path):
    events = range_run_events(tmp_path)
    stock, kept = (
        SqliteEventLogStorage(str(tmp_path / "stock")),
        BatchedSqliteEventLogStorage(str(tmp_path / "kept")),
    )
    for event in events:
        stock.store_event(event)
        kept.store_event(event)
    kept.dispose()
    run_file = f"{events[0].run_id}.db"
    assert rows(tmp_path / "kept" / "index.db") == rows(tmp_path / "stock" / "index.db")
    assert rows(tmp_path / "kept" / run_file) == rows(tmp_path / "stock" / run_file)
    assert len(rows(tmp_path / "kept" / run_file)["event_logs"]) == 40


def test_an_event_on_a_kept_connection_is_readable_and_leaves_the_files_writable_by_other_processes(tmp_path):
    events = range_run_events(tmp_path)
    storage = BatchedSqliteEventLogStorage(str(tmp_path / "kept"))
    storage.store_event(events[0])
    for name in ("index.db", f"{events[0].run_id}.db"):
        with sqlite3.connect(tmp_path / "kept" / name, timeout=0) as other:
            assert other.execute("SELECT count(*) FROM event_logs").fetchone() == (1,)
            other.execute("BEGIN IMMEDIATE")  # fails at once if the storage held a write lock
            other.execute("ROLLBACK")
    storage.store_event(events[1])
    assert len(storage.get_records_for_run(events[0].run_id).records) == 2
    storage.dispose()
