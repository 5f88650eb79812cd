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


def broker_mentions(sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid] of the brokers of a deal: "the US- and French-brokered agreement", "a truce mediated by
    Qatar and Egypt". A broker is no party of the deal and no target of a judgement of it."""
    verbs = rule_alternatives(rules, "broker_verbs")
    name = r"\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*)*"
    # "US-brokered", "US- and French-brokered": the name's compound ends in the verb
    compound = rf"^(?:-?\s+and\s+{name})?-(?i:{verbs})\b"
    # "brokered by Qatar and Egypt": the names listed after the verb
    agent = rf"\b(?i:{verbs})\s+by\s+(?:the\s+)?(?:{name}(?:,\s*|\s+and\s+)(?:the\s+)?)*$"
    after = pl.col("text").str.slice(pl.col("r_end"), 60)
    before = pl.col("text").str.slice(
        (pl.col("r_start") - 80).clip(0), pl.col("r_start").clip(upper_bound=80)
    )
    return (
        smentions.select(*KEY, "mid", "r_start", "r_end")
        .join(sentences.select(*KEY, "text").filter(pl.col("text").str.contains(rf"(?i:{verbs})")), on=KEY)
        .filter(after.str.contains(compound) | before.str.contains(agent))
        .select(*KEY, "mid")
    )
