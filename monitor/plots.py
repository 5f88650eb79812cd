"""A picture of the daily stance table: stance over time for the busiest dyads.

A run that rebuilt a few days rarely changes what the picture shows, and drawing it (plus importing
matplotlib, about half a second on every process start) was a fixed cost of each run: the rows it shows are
read with one DuckDB query, and it is drawn again only when they, the actors' names or this module changed.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import duckdb
import polars as pl

PLOTTED_ROWS = """
    WITH totals AS (
        SELECT source_actor, target_actor, sum(statements) AS total FROM actor_stance_daily
        GROUP BY source_actor, target_actor),
    busiest AS (
        SELECT source_actor, target_actor,
               row_number() OVER (ORDER BY total DESC, source_actor, target_actor) AS rank
        FROM totals QUALIFY rank <= $count)
    SELECT b.rank, d.day, d.source_actor, d.target_actor, d.statements, d.story_weighted_stance,
           d.stance_ci_low, d.stance_ci_high
    FROM actor_stance_daily d JOIN busiest b USING (source_actor, target_actor)
    ORDER BY b.rank, d.day"""
# what the picture shows of them: the dyads in rank order (their colours), and each day's stance and band
SHOWN = [
    "rank",
    "day",
    "source_actor",
    "target_actor",
    "story_weighted_stance",
    "stance_ci_low",
    "stance_ci_high",
]


def busiest_dyads(daily: pl.DataFrame, count: int = 6) -> list[tuple[str, str]]:
    ranked = (
        daily.group_by("source_actor", "target_actor")
        .agg(pl.col("statements").sum())
        .sort(["statements", "source_actor", "target_actor"], descending=[True, False, False])
        .head(count)
    )
    return list(zip(ranked["source_actor"], ranked["target_actor"], strict=True))


def plotted_rows(conn: duckdb.DuckDBPyConnection, count: int = 6) -> pl.DataFrame:
    """The rows of actor_stance_daily the picture shows: every day of the `count` busiest dyads."""
    return conn.execute(PLOTTED_ROWS, {"count": count}).pl()


def stance_over_time_png(daily: pl.DataFrame, names: dict[str, str], count: int = 6) -> bytes:
    """Story-weighted stance per day with its uncertainty band, one line per dyad. Drawn on a Figure of its
    own, not through pyplot's global state, so that a worker thread can draw it (assets/daily.py)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.5), dpi=100)
    axis = figure.subplots()
    for source, target in busiest_dyads(daily, count):
        rows = daily.filter((pl.col("source_actor") == source) & (pl.col("target_actor") == target)).sort(
            "day"
        )
        label = f"{names.get(source, source)} → {names.get(target, target)}"
        line = axis.plot(
            rows["day"].to_list(), rows["story_weighted_stance"].to_list(), marker="o", label=label
        )
        axis.fill_between(
            rows["day"].to_list(),
            rows["stance_ci_low"].to_list(),
            rows["stance_ci_high"].to_list(),
            color=line[0].get_color(),
            alpha=0.12,
        )
    axis.axhline(0, color="grey", linewidth=0.8)
    axis.set_ylim(-1.05, 1.05)
    axis.set_ylabel("stance (story-weighted, −1 hostile … +1 friendly)")
    axis.set_title("Stance over time, busiest source → target dyads")
    if daily.height:
        axis.legend(fontsize=8, loc="best")
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _picture_key(rows: pl.DataFrame, names: dict[str, str]) -> str:
    shown = sorted({*rows["source_actor"], *rows["target_actor"]})
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(rows.select(SHOWN).write_csv().encode())
    digest.update(repr([(actor, names.get(actor)) for actor in shown]).encode())
    return digest.hexdigest()


def stance_over_time_file(path: Path, rows: pl.DataFrame, names: dict[str, str]) -> bytes:
    """The picture of `rows` (plotted_rows) at `path`: the one already there when it shows the same rows
    (its key is kept beside it), else drawn and written again."""
    key_path = path.with_name(path.name + ".key")
    key = _picture_key(rows, names)
    if path.is_file() and key_path.is_file() and key_path.read_text(encoding="utf-8") == key:
        return path.read_bytes()
    png = stance_over_time_png(rows, names)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    key_path.write_text(key, encoding="utf-8")
    return png
