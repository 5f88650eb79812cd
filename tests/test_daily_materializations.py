"""What a run over days of actor_stance_daily records in Dagster: a materialization for each day it rebuilt or
that was never materialized, none for a day whose rows it left as they were."""

from __future__ import annotations

from datetime import date

import dagster as dg
import polars as pl
from conftest import SAMPLE_DAYS

from monitor import daily_refresh

LATE_COPY_URL = "https://www.koreaherald.com/view.php?ud=20231109000777"


def recorded_days(result) -> list[str]:
    return [m.partition for m in result.asset_materializations_for_node("actor_stance_daily")]


def table_gate(result):
    [gate] = [
        e for e in result.get_asset_check_evaluations() if e.check_name == "actor_stance_daily_table_gate"
    ]
    return gate


def add_late_copy_of_the_9_november_story(pipeline, sample_text) -> None:
    pipeline.write(
        "late/copy.txt",
        "Hi, what are you looking for?\n\n" + sample_text["004"],
        sidecar={"url": LATE_COPY_URL},
    )
    assert pipeline.materialize().success


def test_a_first_run_records_every_day_of_its_range_with_or_without_statements(sample_pipeline):
    assert sample_pipeline.materialize().success
    result = sample_pipeline.materialize_days(*SAMPLE_DAYS)
    assert recorded_days(result) == [f"2023-11-{d:02d}" for d in range(9, 22)]
    days_with_rows = {
        d for (d,) in sample_pipeline.query("SELECT DISTINCT day::VARCHAR FROM actor_stance_daily")
    }
    assert len(days_with_rows) < len(recorded_days(result))


def test_a_rerun_records_only_the_day_a_late_article_changed(days_pipeline, sample_text):
    add_late_copy_of_the_9_november_story(days_pipeline, sample_text)
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert result.success
    assert recorded_days(result) == ["2023-11-09"]
    materialized = days_pipeline.instance.get_materialized_partitions(dg.AssetKey("actor_stance_daily"))
    assert materialized == {f"2023-11-{d:02d}" for d in range(9, 22)}


def test_a_rerun_that_changed_nothing_records_no_day_and_still_reports_its_gate(days_pipeline):
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert result.success
    assert recorded_days(result) == []
    gate = table_gate(result)
    assert gate.passed
    assert (gate.metadata["days_rebuilt"].value, gate.metadata["days_materialized"].value) == (0, 0)


def test_a_backfills_run_records_every_day_it_was_asked_for_even_when_nothing_changed(days_pipeline):
    result = days_pipeline.materialize_days(*SAMPLE_DAYS, tags={"dagster/backfill": "abcdefgh"})
    assert result.success
    assert recorded_days(result) == [f"2023-11-{d:02d}" for d in range(9, 22)]
    assert table_gate(result).metadata["days_rebuilt"].value == 0


def test_a_wider_range_records_only_the_days_never_materialized_before(days_pipeline):
    result = days_pipeline.materialize_days("2023-11-07", "2023-11-23")
    assert recorded_days(result) == ["2023-11-07", "2023-11-08", "2023-11-22", "2023-11-23"]


def test_a_recorded_day_carries_the_fingerprint_of_its_statements_as_data_version(days_pipeline, sample_text):
    [(before,)] = days_pipeline.query(
        "SELECT inputs_fingerprint FROM actor_stance_daily_days WHERE day = ?", [SAMPLE_DAYS[0]]
    )
    add_late_copy_of_the_9_november_story(days_pipeline, sample_text)
    [materialization] = days_pipeline.materialize_days(*SAMPLE_DAYS).asset_materializations_for_node(
        "actor_stance_daily"
    )
    [(after,)] = days_pipeline.query(
        "SELECT inputs_fingerprint FROM actor_stance_daily_days WHERE day = ?", [SAMPLE_DAYS[0]]
    )
    assert after != before
    assert materialization.tags["dagster/data_version"] == f"{after:016x}"
    assert materialization.metadata["rows"].value > 0


def test_days_to_mark_are_the_unrecorded_days_and_the_days_never_materialized():
    unrecorded = pl.DataFrame(
        {"day": [date(2024, 1, 3)], "inputs_fingerprint": [42], "statements": [7]},
        schema_overrides={"inputs_fingerprint": pl.UInt64},
    )
    marked = daily_refresh.days_to_mark(
        unrecorded, date(2024, 1, 1), date(2024, 1, 5), {"2024-01-01", "2024-01-03", "2024-01-04"}
    )
    assert marked.rows() == [(date(2024, 1, 2), None), (date(2024, 1, 3), 42), (date(2024, 1, 5), None)]


def test_a_run_recording_its_whole_range_keeps_dagsters_record_of_the_inputs_it_read(sample_pipeline):
    assert sample_pipeline.materialize().success
    [first, *_] = sample_pipeline.materialize_days(*SAMPLE_DAYS).asset_materializations_for_node(
        "actor_stance_daily"
    )
    assert "dagster/input_data_version/stance_statements" in first.tags


def test_a_day_committed_by_a_run_that_died_before_recording_it_is_recorded_by_the_next_run(
    days_pipeline, sample_text
):
    add_late_copy_of_the_9_november_story(days_pipeline, sample_text)
    plot = days_pipeline.db_path.parent / "plots" / "actor_stance_daily.png"
    plot.unlink()
    plot.mkdir()  # the picture cannot be written: the run fails after its commit, before its events
    died = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert not died.success
    assert recorded_days(died) == []
    [(fingerprint,)] = days_pipeline.query(
        "SELECT inputs_fingerprint FROM actor_stance_daily_days WHERE day = ?", [SAMPLE_DAYS[0]]
    )
    plot.rmdir()
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert table_gate(result).metadata["days_rebuilt"].value == 0
    [materialization] = result.asset_materializations_for_node("actor_stance_daily")
    assert materialization.partition == SAMPLE_DAYS[0]
    assert materialization.tags["dagster/data_version"] == f"{fingerprint:016x}"
    assert materialization.metadata["rows"].value > 0


def test_the_rows_a_dead_run_committed_are_validated_by_the_run_that_records_them(days_pipeline, sample_text):
    add_late_copy_of_the_9_november_story(days_pipeline, sample_text)
    plot = days_pipeline.db_path.parent / "plots" / "actor_stance_daily.png"
    plot.unlink()
    plot.mkdir()
    assert not days_pipeline.materialize_days(*SAMPLE_DAYS).success
    plot.rmdir()
    gate = table_gate(days_pipeline.materialize_days(*SAMPLE_DAYS))
    assert gate.metadata["days_rebuilt"].value == 0
    assert gate.metadata["great_expectations"].value == "validated"


def test_a_run_that_recorded_its_days_leaves_none_unrecorded(days_pipeline, sample_text):
    add_late_copy_of_the_9_november_story(days_pipeline, sample_text)
    assert days_pipeline.materialize_days(*SAMPLE_DAYS).success
    assert days_pipeline.query("SELECT * FROM actor_stance_daily_unrecorded") == []
