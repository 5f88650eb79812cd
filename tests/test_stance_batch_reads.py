"""stance_statements reads a batch's articles, sentences and mentions within row ranges (the samples)."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from assets.stance import BATCH_READS, _batch_inputs, _pending

ROW_COLUMNS = ("row", "s_lo", "s_hi", "m_lo", "m_hi")


@pytest.fixture
def unscanned(sample_pipeline):
    """The samples' database after a run, with stance_statements' record of the articles it read removed."""
    assert sample_pipeline.materialize().success
    conn = duckdb.connect(str(sample_pipeline.db_path))
    conn.execute("DELETE FROM step_articles WHERE step = 'stance_statements'")
    yield conn
    conn.close()


def read_by_ids(conn, ids: pl.Series) -> list[pl.DataFrame]:
    conn.register("batch_ids", pl.DataFrame({"article_id": ids}).to_arrow())
    frames = [
        conn.execute(f"{select} WHERE article_id IN (SELECT article_id FROM batch_ids)").pl()  # noqa: S608
        for *_, select in BATCH_READS.values()
    ]
    conn.unregister("batch_ids")
    return frames


def sorted_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns)


def test_the_articles_to_read_are_those_entity_mentions_scanned_in_table_order(unscanned):
    pending = _pending(unscanned, rebuild=False)
    scanned = unscanned.execute(
        "SELECT count(*) FROM step_articles WHERE step = 'entity_mentions'"
    ).fetchone()[0]
    assert pending.height == scanned > 0
    assert pending["row"].is_sorted()


def test_a_batch_read_within_its_row_ranges_has_the_rows_of_a_read_by_ids(unscanned):
    pending = _pending(unscanned, rebuild=False)
    within_ranges = _batch_inputs(unscanned, pending)
    by_ids = read_by_ids(unscanned, pending["article_id"])
    assert [f.height for f in within_ranges] == [f.height for f in by_ids]
    assert all(f.height > 0 for f in by_ids)
    for ranged, expected in zip(within_ranges, by_ids, strict=True):
        assert sorted_rows(ranged).equals(sorted_rows(expected))


def test_a_batch_whose_rows_moved_since_they_were_numbered_is_read_by_its_ids(unscanned):
    pending = _pending(unscanned, rebuild=False)
    moved = pending.with_columns(pl.col(c) + 1_000 for c in ROW_COLUMNS)
    for read, expected in zip(
        _batch_inputs(unscanned, moved), read_by_ids(unscanned, pending["article_id"]), strict=True
    ):
        assert sorted_rows(read).equals(sorted_rows(expected))
