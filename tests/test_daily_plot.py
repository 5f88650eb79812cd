"""The picture of actor_stance_daily is drawn again only when what it shows changed: the busiest dyads, in
their order, and the stance and band of each of their days."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest
from conftest import SAMPLE_DAYS

from monitor import plots

NAMES = {"USA": "United States", "PRK": "North Korea"}


@pytest.fixture
def no_drawing(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the picture was drawn")

    monkeypatch.setattr(plots, "stance_over_time_png", refuse)


def daily_table(extra_dyads: int = 6, usa_prk_stance: float = -0.6) -> duckdb.DuckDBPyConnection:
    """USA -> PRK the busiest dyad over two days, then `extra_dyads` quieter ones (one statement each)."""
    rows = [("USA", "PRK", day, 9, usa_prk_stance) for day in (dt.date(2024, 1, 1), dt.date(2024, 1, 2))]
    rows += [(f"A{n:02d}", "PRK", dt.date(2024, 1, 1), 1, 0.5) for n in range(extra_dyads)]
    frame = pl.DataFrame(
        rows,
        schema=["source_actor", "target_actor", "day", "statements", "story_weighted_stance"],
        orient="row",
    ).with_columns(stance_ci_low=pl.lit(-1.0), stance_ci_high=pl.lit(1.0))
    conn = duckdb.connect()
    conn.register("frame", frame.to_arrow())
    conn.execute("CREATE TABLE actor_stance_daily AS SELECT * FROM frame")
    return conn


def test_the_plotted_rows_are_every_day_of_the_six_busiest_dyads_busiest_first():
    rows = plots.plotted_rows(daily_table(extra_dyads=7))
    dyads = rows.select("source_actor", "target_actor").unique(maintain_order=True).rows()
    assert dyads == [("USA", "PRK"), *[(f"A{n:02d}", "PRK") for n in range(5)]]
    assert rows.filter(pl.col("source_actor") == "USA").height == 2


def test_a_picture_of_the_same_rows_is_not_drawn_again(tmp_path, request):
    path = tmp_path / "plot.png"
    first = plots.stance_over_time_file(path, plots.plotted_rows(daily_table()), NAMES)
    request.getfixturevalue("no_drawing")
    assert plots.stance_over_time_file(path, plots.plotted_rows(daily_table()), NAMES) == first


def test_a_change_to_a_dyad_the_picture_does_not_show_does_not_draw_it_again(tmp_path, request):
    path = tmp_path / "plot.png"
    plots.stance_over_time_file(path, plots.plotted_rows(daily_table(extra_dyads=6)), NAMES)
    request.getfixturevalue("no_drawing")
    plots.stance_over_time_file(path, plots.plotted_rows(daily_table(extra_dyads=8)), NAMES)


def test_a_changed_stance_of_a_shown_dyad_draws_the_picture_again(tmp_path):
    path = tmp_path / "plot.png"
    hostile = plots.stance_over_time_file(path, plots.plotted_rows(daily_table(usa_prk_stance=-0.6)), NAMES)
    friendly = plots.stance_over_time_file(path, plots.plotted_rows(daily_table(usa_prk_stance=0.6)), NAMES)
    assert friendly != hostile
    assert path.read_bytes() == friendly


def test_a_picture_removed_from_disk_is_drawn_again(tmp_path):
    path = tmp_path / "plot.png"
    plots.stance_over_time_file(path, plots.plotted_rows(daily_table()), NAMES)
    path.unlink()
    plots.stance_over_time_file(path, plots.plotted_rows(daily_table()), NAMES)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_run_that_records_days_whose_shown_rows_did_not_change_attaches_the_picture_without_drawing_it(
    sample_pipeline, request
):
    assert sample_pipeline.materialize().success
    drawn = sample_pipeline.materialize_days(*SAMPLE_DAYS).asset_materializations_for_node(
        "actor_stance_daily"
    )
    request.getfixturevalue("no_drawing")
    # a backfill's run records every day it was asked for, rebuilt or not
    result = sample_pipeline.materialize_days(*SAMPLE_DAYS, tags={"dagster/backfill": "abcdefgh"})
    assert result.success
    [first, *_] = result.asset_materializations_for_node("actor_stance_daily")
    assert first.metadata["plot"].value == drawn[0].metadata["plot"].value
    assert first.metadata["plot"].value.startswith("![stance over time](data:image/png;base64,")
