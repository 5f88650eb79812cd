"""Aid whose recipient the sentence leaves to the reader: "Malaysia, Singapore and Vietnam sent search and
rescue teams", "Britain pledged up to £10 million" in an article about the earthquake in Myanmar. The aid goes
to the state the article is about: the one it names most, by far."""

from __future__ import annotations

import re

import polars as pl

from monitor.stance_clauses import clause_judges
from monitor.stance_event_echoes import unnamed
from monitor.stance_event_targets import judgement_statements
from monitor.stance_holders import judging_voices
from monitor.stance_keys import KEY
from monitor.stance_rows import negation_factor
from monitor.stance_salience import naming_counts


def aid_recipient_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) of the first aid phrase of a sentence that names no
    actor but its speakers and holds no statement of them, toward the state the article names most, if it
    is named aid_recipient_dominance times as often as the next and is no speaker; rule aid_recipient."""
    gap = rf"(?:\W+\w+){{0,{int(rules.get('aid_gap_words', 3))}}}?\W+"
    phrases = [re.escape(str(p)).replace(r"\ \.\.\.\ ", gap) for p in rules.get("aid_phrases", [])]
    aid = rf"(?i)\b(?:{'|'.join(phrases) or '$^'})\b"
    dominance = float(rules.get("aid_recipient_dominance", 2.0))
    voices = judging_voices(sources)
    speakers = voices.select(*KEY, "source_actor").unique()
    strangers = smentions.select(*KEY, source_actor="country").join(
        speakers, on=[*KEY, "source_actor"], how="anti"
    )
    counts = (
        naming_counts(sentences, smentions, states_only=True)
        .group_by("article_id", maintain_order=True)
        .agg(
            recipient=pl.col("country").first(),
            n1=pl.col("n").first(),
            n2=pl.col("n").get(1, null_on_oob=True),
        )
        .filter(pl.col("n1") >= dominance * pl.col("n2").fill_null(0))
        .select("article_id", "recipient")
    )
    gifts = (
        sentences.select(*KEY, "text")
        .filter(pl.col("text").str.contains(aid))
        .select(
            *KEY,
            cue=pl.col("text").str.extract(f"({aid})"),
            cue_class=pl.lit("support"),
            polarity=pl.lit(float(rules.get("aid_polarity", 0.5))),
            negated=pl.lit(False),
            m_start=pl.col("text").str.find(aid),
        )
        .join(strangers.select(KEY).unique(), on=KEY, how="anti")
        .pipe(clause_judges, voices)
        .join(statements.select(*KEY, "source_actor").unique(), on=[*KEY, "source_actor"], how="anti")
        .pipe(unnamed, smentions)
    )
    return (
        gifts.join(sentences.select(*KEY, "article_id"), on=KEY)
        .join(counts, on="article_id")
        .filter(pl.col("recipient") != pl.col("source_actor"))
        .sort(*KEY, "source_actor", "m_start")
        .unique([*KEY, "source_actor"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "recipient", "aid_recipient", negation_factor(rules))
    )
