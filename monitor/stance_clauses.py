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


def clause_judges(cued: pl.DataFrame, sources: pl.DataFrame) -> pl.DataFrame:
    """`cued` [sid, m_start, ...] beside each speaker of the sentence [source_actor, source_speaker] whose
    clause holds the cue: one whose clause ends before it (`until`) or starts after it (`from_start`) judges
    nothing there ("Afghanistan's interim government also called for restraint, while the United States
    condemned the strike": the United States alone condemned it)."""
    holds_cue = (pl.col("until").is_null() | (pl.col("m_start") < pl.col("until"))) & (
        pl.col("from_start").is_null() | (pl.col("m_start") >= pl.col("from_start"))
    )
    speakers = sources.select(*KEY, "source_actor", "source_speaker", "until", "from_start").unique()
    return (
        cued.join(speakers, on=KEY)
        .filter(holds_cue)
        .drop("until", "from_start")
        .unique([*KEY, "m_start", "source_actor", "source_speaker"], keep="first", maintain_order=True)
    )
