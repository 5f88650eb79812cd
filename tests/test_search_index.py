"""The search index heals and reports damage although a run with nothing new only compares totals: a
document of no cleaned article is removed, and a posting whose frequency changed fails the coverage check."""

from __future__ import annotations

import dagster as dg
from conftest import Pipeline

SEARCH = dg.AssetSelection.assets("article_search_index").upstream()
COVERAGE_CHECK = "every_cleaned_article_is_searchable"


def indexed_then(pipeline: Pipeline, damage: str) -> dg.ExecuteInProcessResult:
    """Index the sample articles, damage the tables, then run the index again."""
    assert pipeline.materialize(selection=SEARCH).success
    with pipeline.resources()["warehouse"].transaction() as conn:
        conn.execute(damage)
    return pipeline.materialize(selection=SEARCH)


def coverage_of(result: dg.ExecuteInProcessResult) -> dg.AssetCheckEvaluation:
    [coverage] = [e for e in result.get_asset_check_evaluations() if e.check_name == COVERAGE_CHECK]
    return coverage


def test_a_run_with_nothing_new_adds_and_removes_nothing_and_passes_coverage(sample_pipeline):
    result = indexed_then(sample_pipeline, "SELECT 1")
    index = result.asset_materializations_for_node("article_search_index")[0].metadata
    assert (index["added"].value, index["removed"].value) == (0, 0)
    assert coverage_of(result).passed


def test_a_document_of_no_cleaned_article_is_removed_with_its_postings(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        "INSERT INTO search_documents VALUES ('no-such-article', 3); "
        "INSERT INTO search_postings VALUES ('talk', 'no-such-article', 3)",
    )
    index = result.asset_materializations_for_node("article_search_index")[0].metadata
    assert index["removed"].value == 1
    assert coverage_of(result).passed
    left = sample_pipeline.query("SELECT count(*) FROM search_postings WHERE article_id = 'no-such-article'")
    assert left == [(0,)]


def test_a_posting_whose_frequency_changed_fails_the_coverage_check(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        "UPDATE search_postings SET tf = tf + 1 WHERE rowid = (SELECT min(rowid) FROM search_postings)",
    )
    coverage = coverage_of(result)
    assert not coverage.passed
    assert (coverage.metadata["inconsistent"].value, coverage.metadata["missing"].value) == (1, 0)
