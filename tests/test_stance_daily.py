"""actor_stance_daily: per day, source and target, counts, means and the uncertainty band."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest

from monitor.stance_daily import DAILY_SCHEMA, aggregate_daily

DAY = date(2023, 9, 13)


def joined(rows: list[tuple]) -> pl.DataFrame:
    """Statements already joined with cleaned_articles: (statement_id, article_id, story_id, outlet_id,
    published_on, source, target, polarity, cue, mutual)."""
    return pl.DataFrame(
        rows,
        schema={
            "statement_id": pl.String,
            "article_id": pl.String,
            "story_id": pl.String,
            "outlet_id": pl.String,
            "published_on": pl.Date,
            "source_actor": pl.String,
            "target_actor": pl.String,
            "polarity": pl.Float64,
            "cue": pl.String,
            "mutual": pl.Boolean,
        },
        orient="row",
    )


# One wire story (s1) republished by three outlets, and one independent story (s2).
WIRE_AND_OWN = joined(
    [
        ("a1:2:USA:RUS:s", "a1", "s1", "korea_herald", DAY, "USA", "RUS", -0.6, "concerns", False),
        ("a2:2:USA:RUS:s", "a2", "s1", "prothom_alo", DAY, "USA", "RUS", -0.6, "concerns", False),
        ("a3:4:USA:RUS:s", "a3", "s1", "ruetir", DAY, "USA", "RUS", -0.6, "concerns", False),
        ("a4:1:USA:RUS:s", "a4", "s2", "ruetir", DAY, "USA", "RUS", 0.4, "cooperation", False),
    ]
)


def row(frame: pl.DataFrame, source: str = "USA", target: str = "RUS") -> dict:
    return frame.filter(pl.col("source_actor") == source, pl.col("target_actor") == target).row(0, named=True)


def test_output_has_the_documented_columns():
    assert aggregate_daily(WIRE_AND_OWN).schema == pl.Schema(DAILY_SCHEMA)


def test_counts_statements_articles_stories_and_outlets():
    r = row(aggregate_daily(WIRE_AND_OWN))
    assert (r["statements"], r["articles"], r["stories"], r["outlets"]) == (4, 4, 2, 3)


def test_story_weighted_stance_counts_a_republished_wire_story_once():
    r = row(aggregate_daily(WIRE_AND_OWN))
    assert r["mean_stance"] == pytest.approx((-0.6 * 3 + 0.4) / 4)
    assert r["story_weighted_stance"] == pytest.approx((-0.6 + 0.4) / 2)


def test_band_contains_the_story_weighted_stance_and_stays_in_range():
    r = row(aggregate_daily(WIRE_AND_OWN))
    assert -1.0 <= r["stance_ci_low"] < r["story_weighted_stance"] < r["stance_ci_high"] <= 1.0


def test_band_narrows_as_independent_stories_add_up():
    many = joined(
        [
            (f"a{i}:0:USA:PRK:s", f"a{i}", f"s{i}", "ruetir", DAY, "USA", "PRK", -0.6, "concerns", False)
            for i in range(40)
        ]
    )
    few, lots = row(aggregate_daily(many.head(2)), target="PRK"), row(aggregate_daily(many), target="PRK")
    assert lots["stance_ci_high"] - lots["stance_ci_low"] < few["stance_ci_high"] - few["stance_ci_low"]
    assert lots["stance_ci_high"] < 0


def test_top_cues_are_ordered_by_count_and_examples_capped_at_three():
    r = row(aggregate_daily(WIRE_AND_OWN))
    assert r["top_cues"] == ["concerns", "cooperation"]
    assert len(r["example_statement_ids"]) == 3
    assert set(r["example_statement_ids"]) <= set(WIRE_AND_OWN["statement_id"])


def test_missing_story_id_counts_the_article_as_its_own_story():
    frame = WIRE_AND_OWN.with_columns(story_id=pl.lit(None, pl.String))
    assert row(aggregate_daily(frame))["stories"] == 4


def test_days_and_directions_are_separate_rows():
    frame = pl.concat(
        [
            WIRE_AND_OWN,
            joined(
                [
                    (
                        "b1:0:RUS:USA:s",
                        "b1",
                        "s9",
                        "ruetir",
                        date(2023, 9, 14),
                        "RUS",
                        "USA",
                        -0.8,
                        "slammed",
                        False,
                    )
                ]
            ),
        ]
    )
    out = aggregate_daily(frame)
    assert out.select("day", "source_actor", "target_actor").rows() == [
        (DAY, "USA", "RUS"),
        (date(2023, 9, 14), "RUS", "USA"),
    ]


def test_statements_without_a_day_are_left_out():
    frame = WIRE_AND_OWN.with_columns(published_on=pl.lit(None, pl.Date))
    assert aggregate_daily(frame).is_empty()


def test_mutual_facts_can_be_left_out():
    frame = pl.concat(
        [
            WIRE_AND_OWN,
            joined([("c1:0:USA:RUS:m", "c1", "s3", "ruetir", DAY, "USA", "RUS", 0.4, "cooperation", True)]),
        ]
    )
    assert row(aggregate_daily(frame))["mutual_statements"] == 1
    assert row(aggregate_daily(frame, include_mutual=False))["statements"] == 4


def test_a_day_gets_the_same_figures_whatever_order_its_statements_arrive_in():
    """Concurrent and sequential rebuilds read statements in different orders; the table must not differ
    even in the last bit of a mean."""
    draw = random.Random(1)
    polarities = [draw.choice([0.1, 0.2, 0.3, -0.7, 0.45, -0.35, 0.6, -0.15]) for _ in range(400)]
    n = len(polarities)
    statements = pl.DataFrame(
        {
            "statement_id": [f"s{i:04d}" for i in range(n)],
            "article_id": [f"a{i % 97}" for i in range(n)],
            "published_on": [date(2024, 1, 1)] * n,
            "source_actor": ["USA"] * n,
            "target_actor": ["PRK"] * n,
            "polarity": polarities,
            "cue": ["warned"] * n,
            "mutual": [False] * n,
            "story_id": [f"story{i % 13}" for i in range(n)],
            "outlet_id": ["yonhap"] * n,
        }
    )
    shuffled = [statements.sample(fraction=1.0, shuffle=True, seed=seed) for seed in range(12)]
    results = {repr(aggregate_daily(frame).rows()) for frame in shuffled}
    assert len(results) == 1
