"""A stop request (Ctrl-C in `monitor run`) reaches a cleaned_articles batch between its polars and GE
phases, which DuckDB's interrupt does not reach: the batch is rolled back and the step ends."""

import threading

import dagster as dg

from assets import clean
from monitor import interrupts

UPSTREAM = dg.AssetSelection.assets("raw_articles", "outlets").upstream()


def test_a_stop_requested_while_a_batch_is_cleaned_ends_it_before_its_stories_are_assigned(
    sample_pipeline, monkeypatch
):
    assert sample_pipeline.materialize(selection=UPSTREAM).success
    monkeypatch.setattr(interrupts, "_stop", threading.Event())
    clean_batch, assigned = clean.clean_batch, []

    def clean_then_stop(raw, registry):
        cleaned = clean_batch(raw, registry)
        interrupts.request_stop()
        return cleaned

    monkeypatch.setattr(clean, "clean_batch", clean_then_stop)
    monkeypatch.setattr(clean, "assign_stories", lambda conn, articles: assigned.append(articles))
    result = sample_pipeline.materialize(selection=dg.AssetSelection.assets("cleaned_articles"))
    assert not result.success
    failure = result.get_step_failure_events()[0].step_failure_data.error
    assert "interrupted by a signal" in failure.message
    assert assigned == []
    assert sample_pipeline.query("SELECT count(*) FROM cleaned_articles") == [(0,)]


def test_a_batch_with_no_stop_request_is_written(sample_pipeline, monkeypatch):
    assert sample_pipeline.materialize(selection=UPSTREAM).success
    monkeypatch.setattr(interrupts, "_stop", threading.Event())
    assert sample_pipeline.materialize(selection=dg.AssetSelection.assets("cleaned_articles")).success
    assert sample_pipeline.query("SELECT count(*) FROM cleaned_articles")[0][0] > 0
