"""Co-speakers joined to a pronoun: "Blinken said that he and his colleague from South Korea, Park Jin,
have deep concerns regarding ..." makes South Korea a speaker beside the United States, not the target of
its concern."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def co_speakers(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, mid]: mentions between a co-speaker opening of the rules ("he and", "she and") and the
    first cue or speech verb after the first of them ("his colleagues" is a cue before it): they speak
    with the pronoun and are no targets."""
    opening = rf"\b(?i:{rule_alternatives(rules, 'co_speaker_openings')})\s"
    openings = (
        sentences.select(*KEY, "text")
        .with_columns(o_start=pl.col("text").str.find(opening))
        .filter(pl.col("o_start").is_not_null())
        .select(*KEY, o_end=pl.col("o_start") + pl.col("text").str.extract(f"({opening})").str.len_chars())
    )
    first = (
        smentions.join(openings, on=KEY, how="inner")
        .filter(pl.col("r_start") >= pl.col("o_end"))
        .group_by(KEY)
        .agg(first_end=pl.col("r_end").min())
    )
    verbs = (
        hits.filter(pl.col("is_cue") | pl.col("is_verb"))
        .select(*KEY, "m_start")
        .join(first, on=KEY, how="inner")
        .filter(pl.col("m_start") >= pl.col("first_end"))
        .group_by(KEY)
        .agg(verb_start=pl.col("m_start").min())
    )
    return (
        smentions.select(*KEY, "mid", "r_start", "r_end")
        .join(openings, on=KEY, how="inner")
        .join(verbs, on=KEY, how="left")
        .filter(pl.col("r_start") >= pl.col("o_end"))
        .filter(pl.col("verb_start").is_null() | (pl.col("r_end") <= pl.col("verb_start")))
        .select(*KEY, "mid")
    )
