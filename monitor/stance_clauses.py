"""Second clauses with a subject of their own: "Minsk released 52 prisoners after a visit by a US envoy,
and Washington eased sanctions on the Belarusian state airline". What follows that subject's verb is
its doing, not the doing of the actor the sentence opens with (monitor.stance_subjects)."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_subjects import subject_verbs

# A coordinated clause opening right before the mention: ", and Washington", "; the EU", ", but Beijing".
CLAUSE_OPENING = r"(,\s+(and|but|while|whereas|yet)|;)\s+((the|The)\s+)?$"


def second_subject_limits(sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, country, until]: per sentence and actor, where the first coordinated clause opened by
    another actor followed by its verb starts; cues from there on are not that actor's."""
    text = sentences.select(*KEY, "text")
    opened = (
        smentions.join(text, on=KEY, how="inner")
        .filter(pl.col("text").str.slice(0, pl.col("r_start")).str.contains(CLAUSE_OPENING))
        .filter(pl.col("r_start") > 0)
    )
    starts = (
        subject_verbs(opened, rules)
        .join(opened.select(*KEY, "mid", "country", "r_start"), on=[*KEY, "mid"], how="inner")
        .select(*KEY, clause_actor="country", until="r_start")
    )
    return (
        smentions.select(*KEY, "country")
        .unique()
        .join(starts, on=KEY, how="inner")
        .filter(pl.col("clause_actor") != pl.col("country"))
        .group_by(*KEY, "country")
        .agg(pl.col("until").min())
    )
