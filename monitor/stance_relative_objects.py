"""A judgement in a relative clause with subjects of its own: "North Korea also fired 18 missiles ..., a
launch that Seoul, Washington and Tokyo jointly condemned", "a position that Israel has condemned". The actors
the clause opens with judge; what they judge is the act of the sentence's own speaker or subject, not that
speaker judging them."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor, statement_rows
from monitor.stance_subjects import LEAD, LIST_SEPARATOR


def relative_judgements(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame, rules: dict):
    """[cue_id, sid, country]: verb cues of event_judgement_classes right after "that"/"which" and a list of
    actors (maybe an adverb or auxiliary between: relative_object_adverbs) with no actor after the cue, with
    the actors of that list."""
    classes = [str(c) for c in rules.get("event_judgement_classes", [])]
    adverbs = rule_alternatives(rules, "relative_object_adverbs")
    lead = pl.col("text").str.slice(0, pl.col("m_start"))
    pattern = rf"\b(?:that|which)\s+((?:the\s+)?\p{{Lu}}[^;:\"“”()]{{1,80}}?)((?:\s+(?:{adverbs}))*\s+)$"
    clauses = (
        cues.filter(pl.col("cue_class").is_in(classes) & pl.col("is_verb"))
        .select(*KEY, "cue_id", "m_start")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .with_columns(found=lead.str.extract_groups(pattern))
        .with_columns(subject=pl.col("found").struct.field("1"), tail=pl.col("found").struct.field("2"))
        .filter(pl.col("subject").is_not_null())
        .with_columns(s_end=pl.col("m_start") - pl.col("tail").str.len_chars().cast(pl.Int64))
        .with_columns(s_start=pl.col("s_end") - pl.col("subject").str.len_chars().cast(pl.Int64))
        .select(*KEY, "cue_id", "text", "s_start", "s_end")
    )
    prev_end = pl.col("r_end").shift(1).over("cue_id")
    gap = pl.col("text").str.slice(prev_end, (pl.col("r_start") - prev_end).clip(0))
    opening = pl.col("text").str.slice(pl.col("s_start"), pl.col("r_start") - pl.col("s_start"))
    members = (
        clauses.join(smentions.select(*KEY, "country", "r_start", "r_end"), on=KEY)
        .filter((pl.col("r_start") >= pl.col("s_start")) & (pl.col("r_end") <= pl.col("s_end")))
        .sort("cue_id", "r_start")
        .with_columns(
            linked=pl.when(prev_end.is_null())
            .then(opening.str.contains(r"^((the|The)\s+)?$"))
            .otherwise(gap.str.contains(LIST_SEPARATOR))
        )
    )
    whole = members.group_by("cue_id").agg(
        pl.col("linked").all(), last=pl.col("r_end").max(), s_end=pl.col("s_end").first()
    )
    complete = whole.filter(pl.col("linked") & (pl.col("last") == pl.col("s_end"))).select("cue_id")
    # a clause that names its own object after the verb ("an incident that Canberra protested to Beijing")
    # is left to the speech rules
    objects = (
        cues.select(*KEY, "cue_id", "m_end")
        .join(smentions.select(*KEY, "r_start"), on=KEY)
        .filter(pl.col("r_start") >= pl.col("m_end"))
        .select("cue_id")
    )
    return (
        members.join(complete, on="cue_id")
        .join(objects, on="cue_id", how="anti")
        .select("cue_id", *KEY, "country")
        .unique()
    )


def relative_object_statements(
    cues: pl.DataFrame,
    judgements: pl.DataFrame,
    smentions: pl.DataFrame,
    sentences: pl.DataFrame,
    sources: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements of the relative clause's actors toward the sentence's source, else toward the state the
    sentence opens with (LEAD), with the `cue_id` each comes from (no other rule reads those cues)."""
    opener = (
        smentions.join(sentences.select(*KEY, "text"), on=KEY)
        .filter(pl.col("actor_kind") == "state")
        .filter(pl.col("text").str.slice(0, pl.col("r_start")).str.contains(LEAD))
        .select(*KEY, target_actor="country")
    )
    own = sources.select(*KEY, target_actor="source_actor")
    targets = pl.concat([own, opener.join(own.select(KEY), on=KEY, how="anti")]).unique()
    judged = (
        judgements.join(targets, on=KEY)
        .filter(pl.col("country") != pl.col("target_actor"))
        .filter(~pl.col("target_actor").is_in(pl.col("country").implode().over("cue_id")))
        .join(cues.select("cue_id", "cue", "cue_class", "polarity", "negated"), on="cue_id")
    )
    rows = statement_rows(
        judged,
        source="country",
        rule="relative_object",
        mutual=False,
        factor=negation_factor(rules),
        speaker=None,
    )
    return rows.with_columns(cue_id=judged["cue_id"])
