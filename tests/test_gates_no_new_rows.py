"""A gate whose step added no rows: Great Expectations is not run again, the run says so, and a verdict on
the step's totals stands until new rows change them."""

from __future__ import annotations

import dagster as dg
import pytest
from conftest import SAMPLE_DAYS, Pipeline

from monitor import data_docs, ge_session

QUARANTINED_SHARE = "expect_column_max_to_be_between(quarantined_share)"
GATED = ("raw_articles", "cleaned_articles", "entity_mentions", "stance_statements")


def evaluations(result) -> dict[str, dg.AssetCheckEvaluation]:
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def ge_note(evaluation: dg.AssetCheckEvaluation) -> str:
    return evaluation.metadata["great_expectations"].value


@pytest.fixture
def without_great_expectations(monkeypatch):
    """Any validation or Data Docs rendering from here on fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("Great Expectations was run")

    monkeypatch.setattr(ge_session, "validate_suite", refuse)
    monkeypatch.setattr(data_docs, "write_report", refuse)


@pytest.fixture
def probe():
    @dg.asset(deps=["raw_articles"])
    def downstream_probe() -> None:
        """Stands for the next layer: it must not run when the raw gate fails."""

    return downstream_probe


def test_a_run_that_adds_no_rows_runs_no_great_expectations_and_says_so(sample_pipeline, request):
    assert sample_pipeline.materialize().success
    request.getfixturevalue("without_great_expectations")
    result = sample_pipeline.materialize()
    assert result.success
    checks = evaluations(result)
    for step in GATED:
        gate = checks[f"{step}_table_gate"]
        assert gate.passed, step
        assert ge_note(gate).startswith("not run: no rows reached the gate"), step
        [materialization] = result.asset_materializations_for_node(step)
        assert materialization.metadata["great_expectations"].value == ge_note(gate)
    assert ge_note(checks["raw_articles_rows_gate"]) == "not run: no rows reached the gate"


def test_the_carried_verdict_links_the_data_docs_of_the_validation_it_comes_from(sample_pipeline):
    first = evaluations(sample_pipeline.materialize())["cleaned_articles_table_gate"]
    again = evaluations(sample_pipeline.materialize())["cleaned_articles_table_gate"]
    assert ge_note(first) == "validated"
    assert again.metadata["data_docs_path"].value == first.metadata["data_docs_path"].value
    summary_outcomes = {
        name: outcome
        for name, outcome in first.metadata["expectations"].value.items()
        if outcome["scope"] == "summary"
    }
    assert list(summary_outcomes) == [QUARANTINED_SHARE]
    assert again.metadata["expectations"].value == summary_outcomes


def test_the_rows_check_of_a_run_with_nothing_new_links_the_last_report_of_its_rows(sample_pipeline):
    first = evaluations(sample_pipeline.materialize())["raw_articles_rows_gate"]
    again = evaluations(sample_pipeline.materialize())["raw_articles_rows_gate"]
    assert ge_note(again) == "not run: no rows reached the gate"
    assert again.metadata["data_docs_path"].value == first.metadata["data_docs_path"].value


def test_a_failed_quarantined_share_keeps_blocking_downstream_when_nothing_new_arrives(
    pipeline, sample_text, probe, request
):
    pipeline.write("good.txt", sample_text["004"])
    for n in range(3):
        pipeline.write(f"empty_{n}.txt", b"")
    assert not evaluations(pipeline.materialize(extra_assets=[probe]))["raw_articles_table_gate"].passed
    request.getfixturevalue("without_great_expectations")
    result = pipeline.materialize(extra_assets=[probe])
    gate = evaluations(result)["raw_articles_table_gate"]
    assert not gate.passed
    assert gate.severity == dg.AssetCheckSeverity.ERROR
    assert gate.metadata["failed_expectations"].value == [QUARANTINED_SHARE]
    assert "carried" in ge_note(gate)
    assert result.asset_materializations_for_node("downstream_probe") == []


def test_new_bad_rows_after_a_run_with_nothing_new_are_validated_and_fail_the_gate(sample_pipeline, probe):
    assert sample_pipeline.materialize(extra_assets=[probe]).success
    assert sample_pipeline.materialize(extra_assets=[probe]).success
    for n in range(3):
        sample_pipeline.write(f"binary_{n}.txt", bytes([0, 159, 146, 150, n]) * 40)
    result = sample_pipeline.materialize(extra_assets=[probe])
    gate = evaluations(result)["raw_articles_table_gate"]
    assert ge_note(gate) == "validated"
    assert not gate.passed
    assert result.asset_materializations_for_node("downstream_probe") == []


def test_with_no_earlier_verdict_on_the_same_totals_a_run_with_nothing_new_is_validated(sample_pipeline):
    assert sample_pipeline.materialize().success
    instance = dg.DagsterInstance.ephemeral()
    result = Pipeline(sample_pipeline.landing, sample_pipeline.db_path, instance).materialize()
    assert result.success
    for step in GATED:
        assert ge_note(evaluations(result)[f"{step}_table_gate"]) == "validated", step


def test_a_daily_run_that_rebuilt_no_day_runs_no_great_expectations(days_pipeline, request):
    request.getfixturevalue("without_great_expectations")
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert result.success
    gate = evaluations(result)["actor_stance_daily_table_gate"]
    assert gate.passed
    assert gate.metadata["days_rebuilt"].value == 0
    assert ge_note(gate) == "not run: no rows reached the gate"
