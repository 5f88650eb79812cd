"""A picture of the daily stance table: stance over time for the busiest dyads."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import polars as pl  # noqa: E402


def busiest_dyads(daily: pl.DataFrame, count: int = 6) -> list[tuple[str, str]]:
    ranked = (
        daily.group_by("source_actor", "target_actor")
        .agg(pl.col("statements").sum())
        .sort(["statements", "source_actor", "target_actor"], descending=[True, False, False])
        .head(count)
    )
    return list(zip(ranked["source_actor"], ranked["target_actor"], strict=True))


def stance_over_time_png(daily: pl.DataFrame, names: dict[str, str], count: int = 6) -> bytes:
    """Story-weighted stance per day with its uncertainty band, one line per dyad."""
    figure, axis = plt.subplots(figsize=(9, 4.5), dpi=100)
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
    plt.close(figure)
    return buffer.getvalue()
