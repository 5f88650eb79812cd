"""The search index heals and reports damage although a run with nothing new only compares totals: a
document of no cleaned article is removed, and a posting whose frequency changed fails the coverage check,
as does damage that cancels out in the totals (the check compares every document with its postings)."""

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


# the postings of the first document, in the order they were written
FIRST_POSTINGS = """SELECT rowid FROM search_postings
    WHERE article_id = (SELECT min(article_id) FROM search_documents)"""


def test_lengths_raised_and_lowered_by_as_much_fail_the_coverage_check(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        """UPDATE search_documents SET length = length + 4
           WHERE article_id = (SELECT min(article_id) FROM search_documents);
           UPDATE search_documents SET length = length - 4
           WHERE article_id = (SELECT max(article_id) FROM search_documents)""",
    )
    coverage = coverage_of(result)
    assert not coverage.passed
    assert (coverage.metadata["inconsistent"].value, coverage.metadata["orphan_postings"].value) == (2, 0)


def test_a_posting_moved_to_another_document_fails_the_coverage_check(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        f"""UPDATE search_postings SET article_id = (SELECT max(article_id) FROM search_documents)
            WHERE rowid = (SELECT min(rowid) FROM ({FIRST_POSTINGS}))""",  # noqa: S608 - constants
    )
    coverage = coverage_of(result)
    assert not coverage.passed
    assert coverage.metadata["inconsistent"].value == 2


def test_a_posting_moved_off_to_no_document_fails_the_coverage_check(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        f"""UPDATE search_postings SET article_id = 'no-such-article'
            WHERE rowid = (SELECT min(rowid) FROM ({FIRST_POSTINGS}))""",  # noqa: S608 - constants
    )
    coverage = coverage_of(result)
    assert not coverage.passed
    assert (coverage.metadata["inconsistent"].value, coverage.metadata["orphan_postings"].value) == (1, 1)


def test_a_document_without_terms_passes_the_coverage_check(sample_pipeline):
    result = indexed_then(
        sample_pipeline,
        f"""DELETE FROM search_postings WHERE rowid IN ({FIRST_POSTINGS});
            UPDATE search_documents SET length = 0
            WHERE article_id = (SELECT min(article_id) FROM search_documents)""",  # noqa: S608 - constants
    )
    assert coverage_of(result).passed
