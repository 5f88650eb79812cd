"""Which actors an article is about: how often it names each, most named first. The story rules
(monitor.stance_story_targets) and the aid rule (monitor.stance_aid_recipients) read the same counts."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY


def naming_counts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, states_only: bool = False
) -> pl.DataFrame:
    """[article_id, country, n] of each actor (each state with `states_only`) the article names, in the
    order an analyst would rank them: most named first, then by id so that ties never rest on row order."""
    named = smentions.filter(pl.col("actor_kind") == "state") if states_only else smentions
    return (
        named.join(sentences.select(*KEY, "article_id"), on=KEY)
        .group_by("article_id", "country")
        .agg(n=pl.len())
        .sort("article_id", "n", "country", descending=[False, True, False])
    )
