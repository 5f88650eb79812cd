"""A stance held in a possessive: "raised New Zealand's concerns about ...", "China's firm
opposition to ..." name the holder of the concern, which speaks when nobody else in the sentence
does."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY

HOLDER = "possessive_holder"


def possessive_holders(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, spoken: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, mid, source_actor, source_speaker, rule] for sentences not in `spoken` [sid]: an actor
    followed by "'s" and a cue of a holder class (rules possessive_holder_classes) that covers the
    possessive or starts within possessive_holder_window characters after it."""
    classes = [str(c) for c in rules.get("possessive_holder_classes", [])]
    window = int(rules.get("possessive_holder_window", 16))
    cues = hits.filter(pl.col("is_cue") & pl.col("cue_class").is_in(classes)).select(*KEY, "m_start", "m_end")
    after = pl.col("text").str.slice(pl.col("r_end"), 3)
    covers = (pl.col("m_start") <= pl.col("r_start")) & (pl.col("m_end") > pl.col("r_end") + 2)
    follows = (pl.col("m_start") >= pl.col("r_end") + 2) & (pl.col("m_start") <= pl.col("r_end") + 2 + window)
    return (
        smentions.join(spoken.select(KEY).unique(), on=KEY, how="anti")
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(after.str.contains(r"^['’]s\s"))
        .join(cues, on=KEY, how="inner")
        .filter(covers | follows)
        .sort(*KEY, "r_start")
        .unique(KEY, keep="first", maintain_order=True)
        .select(
            *KEY,
            "mid",
            source_actor="country",
            source_speaker=pl.lit(None, pl.String),
            rule=pl.lit(HOLDER),
        )
    )


def judging_voices(sources: pl.DataFrame) -> pl.DataFrame:
    """The sources that may judge another sentence's act: a possessive holder speaks for no one
    else ("Washington's duplicity" is judged, not judging)."""
    return sources.filter(pl.col("rule") != HOLDER)
