"""Rebuttals whose target the sentence leaves to the reader: "Beijing rejected the accusations", "Bangladesh's
foreign ministry rejected those remarks as unfounded". The accusations are those a recent sentence reported
against the speaker: the rebuttal answers their one accuser. With two accusers in the window, or none, the
rebuttal names nobody (a wrong target is worse than a miss)."""

from __future__ import annotations

import polars as pl

from monitor.stance_event_targets import judgement_statements
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def rebuttal_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) from a cue of rebuttal_classes followed by
    "the/those <words> <rebuttal_noun>", with no actor but the speaker named after the cue, toward the single
    actor whose negative statement against the same source lies in the previous rebuttal_sentences
    sentences."""
    nouns = rule_alternatives(rules, "rebuttal_nouns")
    classes = [str(c) for c in rules.get("rebuttal_classes", [])]
    lookback = int(rules.get("rebuttal_sentences", 3))
    factor = float(rules.get("negation_factor", -0.5))
    object_np = rf"^\s+(the|those|these|such)\s+([a-z-]+\s+){{0,2}}?({nouns})\b"
    after = pl.col("text").str.slice(pl.col("m_end"), 80)
    where = sentences.select(*KEY, "article_id", "sentence_no")
    rebuttals = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(after.str.contains(object_np))
        .select(*KEY, "cue", "cue_class", "polarity", "negated", "m_start")
    )
    rebuttals = rebuttals.join(sources.select(*KEY, "source_actor", "source_speaker").unique(), on=KEY)
    # "rejected the claims by China", "rejected the remarks and warned Japan": an actor named after the cue
    # may be the accuser or another party, so the ordinary rules judge the sentence.
    named = rebuttals.join(smentions.select(*KEY, "r_start", "country"), on=KEY).filter(
        (pl.col("r_start") >= pl.col("m_start")) & (pl.col("country") != pl.col("source_actor"))
    )
    rebuttals = rebuttals.join(named.select(*KEY, "m_start").unique(), on=[*KEY, "m_start"], how="anti")
    accusations = (
        statements.filter(~pl.col("mutual") & (pl.col("polarity") < 0))
        .join(where, on=KEY)
        .select("article_id", a_no="sentence_no", accuser="source_actor", accused="target_actor")
        .unique()
    )
    back = pl.col("sentence_no") - pl.col("a_no")
    return (
        rebuttals.join(where, on=KEY)
        .join(accusations, left_on=["article_id", "source_actor"], right_on=["article_id", "accused"])
        .filter((back > 0) & (back <= lookback) & (pl.col("accuser") != pl.col("source_actor")))
        .filter(pl.col("accuser").n_unique().over(*KEY, "m_start", "source_actor") == 1)
        .sort(*KEY, "source_actor", "m_start")
        .unique([*KEY, "source_actor", "accuser"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "accuser", "rebuttal_accuser", factor)
    )
