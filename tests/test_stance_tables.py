"""stance_statements and actor_stance_daily through Dagster, on the shipped samples."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from conftest import SAMPLE_DAYS

from assets import daily as daily_assets
from monitor import asset_checks, daily_refresh, gates
from monitor.stance_daily import DAILY_SCHEMA


def dyad_stance(pipeline, source: str, target: str) -> float:
    [(stance,)] = pipeline.query(
        """SELECT sum(story_weighted_stance * stories) / sum(stories) FROM actor_stance_daily
           WHERE source_actor = ? AND target_actor = ?""",
        [source, target],
    )
    return stance


def test_the_us_voices_concern_toward_north_korea_and_russia(days_pipeline):
    assert dyad_stance(days_pipeline, "USA", "PRK") < -0.3
    assert dyad_stance(days_pipeline, "USA", "RUS") < -0.3


def test_north_korea_asserts_ties_with_russia_and_rejects_the_us(days_pipeline):
    assert dyad_stance(days_pipeline, "PRK", "RUS") > 0.2
    assert dyad_stance(days_pipeline, "PRK", "USA") < -0.3


def test_every_daily_count_traces_back_to_its_statements(days_pipeline):
    mismatches = days_pipeline.query(
        """SELECT d.day, d.source_actor, d.target_actor FROM actor_stance_daily d
           JOIN (SELECT s.published_on AS day, source_actor, target_actor, count(*) AS n,
                        count(DISTINCT article_id) AS a, count(DISTINCT c.story_id) AS s
                 FROM stance_statements s JOIN cleaned_articles c USING (article_id) GROUP BY ALL) t
           USING (day, source_actor, target_actor)
           WHERE d.statements <> t.n OR d.articles <> t.a OR d.stories <> t.s"""
    )
    assert mismatches == []
    [(cells,)] = days_pipeline.query("SELECT count(*) FROM actor_stance_daily")
    assert cells > 10


def days_rebuilt(result) -> int:
    """Read from the table gate, which reports on every run, also one that rebuilt and recorded no day."""
    [gate] = [
        e for e in result.get_asset_check_evaluations() if e.check_name == "actor_stance_daily_table_gate"
    ]
    return gate.metadata["days_rebuilt"].value


def test_rebuilding_the_same_days_leaves_the_same_rows(days_pipeline):
    before = days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL")
    assert days_pipeline.materialize_days(*SAMPLE_DAYS).success
    assert days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL") == before


def test_days_whose_statements_did_not_change_are_not_rebuilt(days_pipeline):
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert result.success and days_rebuilt(result) == 0


def test_a_day_whose_rows_were_deleted_by_hand_is_rebuilt(days_pipeline):
    before = days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL")
    with days_pipeline.resources()["warehouse"].transaction() as conn:
        conn.execute("DELETE FROM actor_stance_daily WHERE day = ?", [SAMPLE_DAYS[0]])
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert days_rebuilt(result) == 1
    assert days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL") == before


def test_days_built_before_their_fingerprints_were_kept_are_rebuilt_to_the_same_rows(days_pipeline):
    before = days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL")
    with days_pipeline.resources()["warehouse"].transaction() as conn:
        conn.execute("DELETE FROM actor_stance_daily_days")
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert days_rebuilt(result) == len({row[0] for row in before})
    assert days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL") == before


def test_a_rebuild_read_in_chunks_of_a_few_statements_leaves_the_same_rows(days_pipeline, monkeypatch):
    before = days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL")
    with days_pipeline.resources()["warehouse"].transaction() as conn:
        conn.execute("DELETE FROM actor_stance_daily_days")
    monkeypatch.setattr(daily_assets, "STATEMENTS_PER_CHUNK", 5)
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert days_rebuilt(result) == len({row[0] for row in before}) > 1
    assert days_pipeline.query("SELECT * EXCLUDE (run_id) FROM actor_stance_daily ORDER BY ALL") == before


def test_day_chunks_keep_every_day_whole_and_in_order():
    days = pl.DataFrame(
        {"day": [dt.date(2024, 1, d) for d in range(1, 6)], "statements": [3, 40, None, 2, 9]},
        schema_overrides={"statements": pl.Int32},
    )
    chunks = daily_refresh.day_chunks(days, 10)
    assert [c["day"].to_list() for c in chunks] == [
        [dt.date(2024, 1, 1)],
        [dt.date(2024, 1, 2), dt.date(2024, 1, 3), dt.date(2024, 1, 4)],
        [dt.date(2024, 1, 5)],
    ]
    assert pl.concat(chunks).equals(days)


def test_a_late_syndicated_copy_adds_an_article_but_not_a_story(days_pipeline, sample_text):
    [(articles, stories)] = days_pipeline.query(
        """SELECT articles, stories FROM actor_stance_daily
           WHERE day = '2023-11-09' AND source_actor = 'USA' AND target_actor = 'PRK'"""
    )
    days_pipeline.write(
        "late/copy.txt",
        "Hi, what are you looking for?\n\n" + sample_text["004"],
        sidecar={"url": "https://www.koreaherald.com/view.php?ud=20231109000777"},
    )
    assert days_pipeline.materialize().success
    result = days_pipeline.materialize_days(*SAMPLE_DAYS)
    assert result.success and days_rebuilt(result) == 1
    [(articles_after, stories_after)] = days_pipeline.query(
        """SELECT articles, stories FROM actor_stance_daily
           WHERE day = '2023-11-09' AND source_actor = 'USA' AND target_actor = 'PRK'"""
    )
    assert (articles_after, stories_after) == (articles + 1, stories)


def test_the_daily_asset_shows_a_plot_of_the_busiest_dyads(sample_pipeline):
    sample_pipeline.materialize()
    result = sample_pipeline.materialize_days(*SAMPLE_DAYS)
    metadata = result.asset_materializations_for_node("actor_stance_daily")[0].metadata
    assert metadata["plot"].value.startswith("![stance over time](data:image/png;base64,")
    with open(metadata["plot_path"].value, "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_long_range_run_links_the_plot_instead_of_repeating_it_on_every_day(sample_pipeline):
    sample_pipeline.materialize()
    result = sample_pipeline.materialize_days("2023-11-01", "2024-01-31")
    metadata = result.asset_materializations_for_node("actor_stance_daily")[0].metadata
    assert "base64" not in metadata["plot"].value
    assert metadata["plot_path"].value in metadata["plot"].value


def daily_row(**overrides) -> dict:
    row = {
        "day": dt.date(2023, 11, 9),
        "source_actor": "USA",
        "target_actor": "PRK",
        "statements": 3,
        "mutual_statements": 0,
        "articles": 2,
        "stories": 1,
        "outlets": 2,
        "mean_stance": -0.6,
        "story_weighted_stance": -0.6,
        "stance_ci_low": -0.9,
        "stance_ci_high": 0.5,
        "top_cues": ["concern"],
        "example_statement_ids": ["a:1:USA:PRK:s"],
    }
    return {**row, **overrides}


@pytest.mark.parametrize(
    ("overrides", "failed"),
    [
        ({"stories": 3}, "expect_column_pair_values_a_to_be_greater_than_b(articles,stories)"),
        ({"target_actor": "USA"}, "expect_column_pair_values_to_differ(source_actor,target_actor)"),
        ({"mean_stance": -1.4}, "expect_column_values_to_be_between(mean_stance)"),
        ({"target_actor": "XXX"}, "expect_column_values_to_be_in_set(target_actor)"),
        ({"outlets": 0}, "expect_column_values_to_be_between(outlets)"),
    ],
)
def test_the_daily_gate_fails_on_inconsistent_rows(overrides, failed):
    frame = pl.DataFrame([daily_row(**overrides)], schema=DAILY_SCHEMA)
    gate = gates.GateResult("actor_stance_daily", frame, pl.DataFrame(schema=gates.QUARANTINE_SCHEMA), [])
    verdict = gates.validate_table(gate, {"rows": 1}, {"known_actor_ids": ["USA", "PRK"]})
    [check] = asset_checks.check_results(verdict)
    assert not check.passed and check.severity.value == "ERROR"
    assert check.metadata["failed_expectations"].value == [failed]
