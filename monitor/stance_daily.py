"""actor_stance_daily: stance statements per publication day, source and target.

Uncertainty band: a Wilson score interval on the story-weighted stance. Polarity x in [-1, 1] is
mapped to p = (x + 1) / 2, the interval is computed with n = number of distinct stories (one wire
story republished five times is one piece of evidence) and z = 1.96, then mapped back to [-1, 1].
It stays inside [-1, 1], is wide for one or two stories and narrows as independent stories add up.
"""

from __future__ import annotations

import polars as pl

Z = 1.96
GROUP = ["day", "source_actor", "target_actor"]

DAILY_SCHEMA = {
    "day": pl.Date,
    "source_actor": pl.String,
    "target_actor": pl.String,
    "statements": pl.UInt32,
    "mutual_statements": pl.UInt32,
    "articles": pl.UInt32,
    "stories": pl.UInt32,
    "outlets": pl.UInt32,
    "mean_stance": pl.Float64,
    "story_weighted_stance": pl.Float64,
    "stance_ci_low": pl.Float64,
    "stance_ci_high": pl.Float64,
    "top_cues": pl.List(pl.String),
    "example_statement_ids": pl.List(pl.String),
}


def wilson_band(stance: pl.Expr, n: pl.Expr, z: float = Z) -> tuple[pl.Expr, pl.Expr]:
    """Wilson interval for a mean stance in [-1, 1] over n independent units."""
    p = (stance + 1.0) / 2.0
    n = n.cast(pl.Float64)
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2.0 * n)) / denom
    half = z / denom * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt()
    return ((centre - half) * 2.0 - 1.0).clip(-1.0, 1.0), ((centre + half) * 2.0 - 1.0).clip(-1.0, 1.0)


def aggregate_daily(statements: pl.DataFrame, include_mutual: bool = True) -> pl.DataFrame:
    """Statements joined with cleaned_articles [published_on, story_id, outlet_id] -> one row per
    (day, source_actor, target_actor). Rows without a publication day are left out (the gate has
    quarantined their articles). A missing story_id counts the article as its own story."""
    rows = statements.filter(pl.col("published_on").is_not_null())
    if not include_mutual:
        rows = rows.filter(~pl.col("mutual"))
    # Floating-point sums depend on the order of their terms: a fixed row order makes a day's figures the
    # same whichever run, range or database scan order produced them.
    rows = rows.with_columns(
        day=pl.col("published_on").cast(pl.Date),
        story=pl.coalesce(pl.col("story_id").cast(pl.String), pl.col("article_id").cast(pl.String)),
    ).sort([*GROUP, "statement_id"])
    per_story = (
        rows.group_by(*GROUP, "story", maintain_order=True)
        .agg(story_stance=pl.col("polarity").mean())
        .sort([*GROUP, "story"])
    )
    story_level = per_story.group_by(GROUP).agg(
        story_weighted_stance=pl.col("story_stance").mean(), stories=pl.len()
    )
    cues = (
        rows.group_by(*GROUP, "cue")
        .agg(n=pl.len())
        .sort([*GROUP, "n", "cue"], descending=[False, False, False, True, False])
        .group_by(GROUP, maintain_order=True)
        .agg(top_cues=pl.col("cue").head(3))
    )
    examples = (
        rows.sort(
            [*GROUP, pl.col("polarity").abs(), "statement_id"], descending=[False, False, False, True, False]
        )
        .group_by(GROUP, maintain_order=True)
        .agg(example_statement_ids=pl.col("statement_id").head(3))
    )
    counts = rows.group_by(GROUP).agg(
        statements=pl.len(),
        mutual_statements=pl.col("mutual").sum(),
        articles=pl.col("article_id").n_unique(),
        outlets=pl.col("outlet_id").drop_nulls().n_unique(),
        mean_stance=pl.col("polarity").mean(),
    )
    low, high = wilson_band(pl.col("story_weighted_stance"), pl.col("stories"))
    return (
        counts.join(story_level, on=GROUP)
        .join(cues, on=GROUP)
        .join(examples, on=GROUP)
        .with_columns(stance_ci_low=low, stance_ci_high=high)
        .select(list(DAILY_SCHEMA))
        .cast(DAILY_SCHEMA)
        .sort(GROUP)
    )
