"""A denial of a claim takes no stance toward the actors of the claim: "denied that the agreement was aimed at
China", "He denied that Albania had received any promise on its EU accession talks". The clause from the
denial to the next clause break says what the speaker says did not happen: its cues judge nobody and the
actors it names are no targets. A refusal to comment ("Cairo did not immediately comment on the Ankara talks")
opens such a clause too: what it names is left unjudged."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def denied_clauses(hits: pl.DataFrame, sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, d_start, d_end]: from a denial verb followed by "that", or a refusal to comment ("did not
    comment on the Ankara talks"), to the next clause break, comma or semicolon (d_end null: the end of the
    sentence)."""
    verbs = rule_alternatives(rules, "denial_verbs")
    silences = rule_alternatives(rules, "silence_phrases")
    opening = rf"\b(?:(?:{verbs})\s+that|{silences})\s"
    denials = (
        sentences.select(*KEY, "text", d_start=pl.col("text").str.find(opening))
        .filter(pl.col("d_start").is_not_null())
        .with_columns(stop=pl.col("d_start") + pl.col("text").str.slice(pl.col("d_start")).str.find(r"[,;]"))
        .drop("text")
    )
    breaks = (
        hits.filter(pl.col("is_clause_break"))
        .select(*KEY, b_start="m_start")
        .join(denials, on=KEY)
        .filter(pl.col("b_start") > pl.col("d_start"))
        .group_by(KEY)
        .agg(d_end=pl.col("b_start").min())
    )
    return denials.join(breaks, on=KEY, how="left").select(
        *KEY, "d_start", d_end=pl.min_horizontal("d_end", "stop")
    )


def _inside(at: str) -> pl.Expr:
    return (pl.col(at) >= pl.col("d_start")) & (pl.col("d_end").is_null() | (pl.col(at) < pl.col("d_end")))


def denied_cues(cues: pl.DataFrame, clauses: pl.DataFrame) -> pl.Series:
    """Ids of the cues in a denied clause."""
    return cues.select(*KEY, "cue_id", "m_start").join(clauses, on=KEY).filter(_inside("m_start"))["cue_id"]


def denied_mentions(smentions: pl.DataFrame, clauses: pl.DataFrame) -> pl.DataFrame:
    """[sid, mid] of the actors a denied clause names."""
    return (
        smentions.select(*KEY, "mid", "r_start")
        .join(clauses, on=KEY)
        .filter(_inside("r_start"))
        .select(*KEY, "mid")
    )
