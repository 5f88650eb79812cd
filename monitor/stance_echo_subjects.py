"""Subjects that echo the verb before them: "Malaysia, Türkiye, Jordan and Bolivia have publicly backed the
case, as has the 57-member Organisation of Islamic Cooperation", "Jordan and Qatar backed the proposal, as did
Saudi Arabia's foreign minister". The names after "as has" / "as did" do what the subject did: they speak
beside it, judging what it judges, and are no targets of its cues."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives


def echo_subjects(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, sources: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`sources` with the echoing subjects added (rule echo_subject, the clause limits of the speaker whose
    cue the echo follows), and the mention ids that echo [sid, mid]: those after ", <echo_subject_opening>"
    up to the next cue, speech verb or clause break, when a cue stands before the opening."""
    opening = rf",\s+(?i:{rule_alternatives(rules, 'echo_subject_openings')})\s+(?:also\s+)?"
    openings = (
        sentences.select(*KEY, "text")
        .filter(pl.col("text").str.contains(opening))
        .select(
            *KEY,
            o_start=pl.col("text").str.find(opening),
            o_end=pl.col("text").str.find(opening)
            + pl.col("text").str.extract(f"({opening})").str.len_chars(),
        )
    )
    cues = hits.filter(pl.col("is_cue")).select(*KEY, "m_start")
    judged = openings.join(cues, on=KEY).filter(pl.col("m_start") < pl.col("o_start")).select(*KEY).unique()
    stops = (
        hits.filter(pl.col("is_cue") | pl.col("is_verb") | pl.col("is_clause_break"))
        .select(*KEY, "m_start")
        .join(openings, on=KEY)
        .filter(pl.col("m_start") >= pl.col("o_end"))
        .group_by(KEY)
        .agg(stop=pl.col("m_start").min())
    )
    echoing = (
        smentions.join(openings.join(judged, on=KEY, how="semi"), on=KEY)
        .join(stops, on=KEY, how="left")
        .filter(pl.col("r_start") >= pl.col("o_end"))
        .filter(pl.col("stop").is_null() | (pl.col("r_end") <= pl.col("stop")))
    )
    speakers = (
        sources.join(openings.select(*KEY, "o_start"), on=KEY)
        .filter(pl.col("until").is_null() | (pl.col("until") > pl.col("o_start")))
        .drop("o_start")
    )
    new = (
        echoing.join(
            sources.select(*KEY, "source_actor"),
            left_on=[*KEY, "country"],
            right_on=[*KEY, "source_actor"],
            how="anti",
        )
        .sort(*KEY, "r_start")
        .unique([*KEY, "country"], keep="first", maintain_order=True)
        .select(
            *KEY,
            echo_actor="country",
            echo_speaker=pl.when(pl.col("actor_kind").is_in(SPEAKER_KINDS)).then(pl.col("actor_id")),
        )
        .join(speakers.drop("source_speaker"), on=KEY)
        .sort(*KEY, "echo_actor", "source_actor")
        .unique([*KEY, "echo_actor"], keep="first", maintain_order=True)
        .drop("source_actor", "rule")
        .rename({"echo_actor": "source_actor", "echo_speaker": "source_speaker"})
        .with_columns(rule=pl.lit("echo_subject"))
    )
    return pl.concat([sources, new], how="diagonal_relaxed"), echoing.select(*KEY, "mid").unique()
