"""Great Expectations is prepared in the background by a step that has new rows to validate, so that its
import overlaps the step's own work; a step with nothing new never starts it."""

from __future__ import annotations

import gc
import threading

import dagster as dg
import polars as pl
import pytest

from monitor import gates, ge_session

RAW_ONLY = dg.AssetSelection.assets("raw_articles")


@pytest.fixture
def gate_calls(monkeypatch) -> list[str]:
    """The order in which steps warm GE up and validate with it."""
    calls: list[str] = []
    warm_up, validate = ge_session.warm_up, ge_session.validate_suite

    def recorded_warm_up():
        calls.append("warm_up")
        warm_up()

    def recorded_validate(*args, **kwargs):
        calls.append("validate")
        return validate(*args, **kwargs)

    monkeypatch.setattr(ge_session, "warm_up", recorded_warm_up)
    monkeypatch.setattr(ge_session, "validate_suite", recorded_validate)
    return calls


def test_a_step_with_new_files_warms_great_expectations_up_before_it_reads_them(sample_pipeline, gate_calls):
    assert sample_pipeline.materialize(RAW_ONLY).success
    assert gate_calls[0] == "warm_up"
    assert "validate" in gate_calls


def test_a_step_with_nothing_new_does_not_warm_great_expectations_up(sample_pipeline, gate_calls):
    assert sample_pipeline.materialize(RAW_ONLY).success
    gate_calls.clear()
    assert sample_pipeline.materialize(RAW_ONLY).success
    assert gate_calls == []


def test_a_validation_that_starts_during_the_warm_up_shares_its_context():
    ge_session._cached_context.cache_clear()
    ge_session._batch_definition.cache_clear()
    ge_session.warm_up()
    frame = pl.DataFrame(
        {"article_id": ["a1", "a2"], "input_kind": ["txt", "html"], "read_error": [None, None],
         "text_length": [5, 900]}
    )  # fmt: skip
    result = gates.validate_rows("raw_articles", frame)
    for thread in [t for t in threading.enumerate() if t.name == "great-expectations-warm-up"]:
        thread.join()
    assert ge_session._cached_context.cache_info().misses == 1
    assert result.quarantine["item_id"].to_list() == ["a1"]


def test_objects_made_while_the_collector_is_paused_are_frozen_and_the_collector_runs_again_after():
    frozen_before = gc.get_freeze_count()
    with ge_session.collector_paused():
        assert not gc.isenabled()
        modules_like = [{"name": n} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(modules_like)
    gc.unfreeze()


def test_a_collector_switched_off_before_the_pause_stays_off_after_it():
    gc.disable()
    try:
        with ge_session.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
