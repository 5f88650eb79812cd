"""A third party that asks two actors together to calm down mediates; it judges neither: "China urged Iran
and Pakistan to exercise restraint and avoid escalating tensions", "called on Islamabad and Tehran to resolve
their differences through dialogue". The actors listed as the objects of such a demand are no targets."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def mediated_mentions(
    cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, mid] of the actors between a demand cue and the "to" of a calming request (mediation_requests),
    when two states or more stand there."""
    classes = [str(c) for c in rules.get("demand_classes", [])]
    requests = rule_alternatives(rules, "mediation_requests")
    after = pl.col("text").str.slice(pl.col("m_end"), 120)
    # the calming request may follow another thing asked: "to maintain communication and avoid escalation"
    request = rf"\bto\s+[\"“]?(?:[\w'-]+\s+){{0,5}}?(?i:{requests})"
    demands = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .select(*KEY, "m_end")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .with_columns(to=after.str.find(rf"^[^.;:\"“”]{{0,80}}?{request}"))
        .filter(pl.col("to").is_not_null())
        .with_columns(to_start=pl.col("m_end") + after.str.slice(0, 80).str.find(request))
        .select(*KEY, "m_end", "to_start")
    )
    listed = (
        smentions.select(*KEY, "mid", "country", "r_start", "r_end")
        .join(demands, on=KEY)
        .filter((pl.col("r_start") >= pl.col("m_end")) & (pl.col("r_end") <= pl.col("to_start")))
    )
    return listed.filter(pl.col("country").n_unique().over(*KEY, "m_end") >= 2).select(*KEY, "mid").unique()
