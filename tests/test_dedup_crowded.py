"""Band keys shared by a crowd of stored articles are boilerplate: not counted as shared with the archive,
alike in SQL (assets/clean.py) and polars (monitor/dedup.py)."""

import duckdb
import polars as pl
from test_dedup import AGGREGATOR_PAGE, FULL_REPORT, KOREA_HERALD_PAGE, _archive, _signed, _stories

from assets import clean
from monitor.dedup import assign_story_ids, band_keys, crowded_keys

# the same report stored three times (three outlets' copies kept as three stories), and one other story
ARCHIVE = _signed(
    {"report1": FULL_REPORT, "report2": FULL_REPORT, "report3": FULL_REPORT, "koreaherald": KOREA_HERALD_PAGE}
).with_columns(story_id=pl.col("article_id"))
NEW = _signed({"aggregator": AGGREGATOR_PAGE, "report4": FULL_REPORT})


def _keys(signed: pl.DataFrame) -> set[tuple[int, int]]:
    return set(band_keys(signed).select("band", "key").iter_rows())


def _sorted(keys: pl.DataFrame) -> list[tuple[int, int]]:
    return sorted(keys.select("band", "key").iter_rows())


def test_crowded_keys_are_those_of_more_stored_articles_than_the_limit():
    stored_keys = band_keys(ARCHIVE)
    assert set(crowded_keys(stored_keys, max_crowd=2).iter_rows()) == _keys(_signed({"r": FULL_REPORT}))
    assert crowded_keys(stored_keys, max_crowd=3).height == 0


def test_a_copy_sharing_only_crowded_keys_with_the_archive_starts_its_own_story():
    assert _stories(assign_story_ids(NEW, ARCHIVE, max_key_crowd=2))["report4"] == "report4"
    assert _stories(assign_story_ids(NEW, ARCHIVE, max_key_crowd=3))["report4"] == "report1"


def test_a_copy_of_an_uncrowded_story_still_joins_it_beside_crowded_keys():
    assert _stories(assign_story_ids(NEW, ARCHIVE, max_key_crowd=2))["aggregator"] == "koreaherald"


def test_sql_finds_the_crowded_keys_polars_finds(tmp_path):
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, ARCHIVE)
        _, crowded = clean.stored_candidates(conn, band_keys(NEW), max_crowd=2)
    assert _sorted(crowded) == _sorted(crowded_keys(band_keys(ARCHIVE), max_crowd=2))
    assert crowded.height == 25


def test_sql_leaves_out_stored_articles_sharing_only_crowded_keys(tmp_path):
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, ARCHIVE)
        fetched, _ = clean.stored_candidates(conn, band_keys(NEW), max_crowd=2)
    assert fetched["article_id"].to_list() == ["koreaherald"]


def test_candidates_fetched_with_the_archives_crowded_keys_give_the_ids_of_the_whole_archive(tmp_path):
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, ARCHIVE)
        fetched, crowded = clean.stored_candidates(conn, band_keys(NEW), max_crowd=2)
    from_fetched = assign_story_ids(NEW, fetched, crowded=crowded)
    assert from_fetched.equals(assign_story_ids(NEW, ARCHIVE, max_key_crowd=2))
