""" "It" opening a sentence as the subject of an act ("It then ordered six Canadian diplomats ... to leave
India", "On Monday it also closed its airspace to flights to and from Mali") stands for the state or
organisation the sentence before was about: its one source, else the actor it opens with."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_subjects import LEAD

# an adverb between an opening pronoun or noun and its verb: "It also ordered", "The statement then said"
SUBJECT_ADVERB = r"(?:(?:also|then|later)\s+)?"


def it_subjects(
    sentences: pl.DataFrame, smentions: pl.DataFrame, sources: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Sources [sid, source_actor, source_speaker, rule] of sentences without one in `sources` that open,
    maybe after a short phrase of time (it_subject_openings: "On Monday"), with a pronoun of
    it_subject_pronouns and a verb that is no copula (it_subject_copulas: "It was the first visit" names no
    act). A sentence opening with a quote mark is left to the quote rules."""
    pronouns = rule_alternatives(rules, "it_subject_pronouns")
    copulas = rule_alternatives(rules, "it_subject_copulas")
    phrases = rule_alternatives(rules, "it_subject_openings")
    opening = rf"^(?:(?:{phrases})\b[^,;:\"“”]{{0,30}}?,?\s+)?(?i:{pronouns})\s+{SUBJECT_ADVERB}([a-z]+)\b"
    verb = pl.col("text").str.extract(opening, 1)
    candidates = (
        sentences.select(*KEY, "article_id", "text")
        .join(sources.select(KEY).unique(), on=KEY, how="anti")
        .filter(verb.is_not_null() & ~verb.str.contains(rf"^(?:{copulas})$"))
        .select(*KEY, "article_id", prev=pl.col("sid") - 1)
    )
    # the one source of the sentence before, else the actor it opens with
    single = (
        sources.group_by(KEY)
        .agg(pl.col("source_actor").unique())
        .filter(pl.col("source_actor").list.len() == 1)
        .select(prev="sid", actor=pl.col("source_actor").list.first(), rank=pl.lit(0))
    )
    lead = pl.col("text").str.slice(0, pl.col("r_start"))
    opener = (
        smentions.join(sentences.select(*KEY, "text"), on=KEY)
        .filter(lead.str.contains(LEAD))
        .select(prev="sid", actor="country", rank=pl.lit(1))
    )
    same_article = sentences.select(prev="sid", prev_article="article_id")
    return (
        candidates.join(same_article, on="prev")
        .filter(pl.col("prev_article") == pl.col("article_id"))
        .join(pl.concat([single, opener]), on="prev")
        .sort(*KEY, "rank")
        .unique(KEY, keep="first", maintain_order=True)
        .select(
            *KEY,
            source_actor="actor",
            source_speaker=pl.lit(None, pl.String),
            rule=pl.lit("it_subject"),
        )
    )
