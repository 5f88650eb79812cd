""" "The statement also criticised the European Union for 'blindly following' ...": a statement that opens a
sentence as the subject of a verb speaks for those who issued it, named in a recent sentence that introduces
the statement ("The DPRK issued a press statement ...", "In a joint statement, Saudi Arabia and Iran
said ..."). A joint statement speaks for each of its issuers; a sentence naming no issuer gives it none."""

from __future__ import annotations

import polars as pl

from monitor.stance_it_subjects import SUBJECT_ADVERB
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def statement_subjects(sentences: pl.DataFrame, sources: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """Sources [sid, source_actor, source_speaker, rule] of sentences without one in `sources` that open with
    "The <statement_subject_nouns>" and a verb: the sources of the nearest of the previous
    statement_subject_sentences sentences that introduces one of the nouns ("a", "an", "its", "their"), opens
    with it or quotes it ("..., the statement added"), passed on over statement_subject_rounds sentences."""
    nouns = rule_alternatives(rules, "statement_subject_nouns")
    copulas = rule_alternatives(rules, "it_subject_copulas")
    lookback = int(rules.get("statement_subject_sentences", 12))
    verb = pl.col("text").str.extract(rf"^The\s+(?:{nouns})\s+{SUBJECT_ADVERB}([a-z]+)\b", 1)
    openers = (
        sentences.select(*KEY, "article_id", "sentence_no", "text")
        .join(sources.select(KEY).unique(), on=KEY, how="anti")
        .filter(verb.is_not_null() & ~verb.str.contains(rf"^(?:{copulas})$"))
        .select(*KEY, "article_id", "sentence_no")
    )
    # a statement introduced ("issued a press statement", "In a joint statement") or speaking ("The statement
    # said"), not one an object ("Iran's Foreign Ministry rejected the statement")
    said = rule_alternatives(rules, "speech_verbs")
    introduced = "|".join(
        [
            rf"\b(?i:(?:a|an|its|their)\s+(?:[a-z]+\s+)?(?:{nouns}))\b",
            rf"^The\s+(?:{nouns})\b",
            rf"\bthe\s+(?:{nouns})\s+(?:{said})\b",
        ]
    )
    naming = sentences.filter(pl.col("text").str.contains(introduced)).select(
        "article_id", named_sid="sid", named_no="sentence_no"
    )
    back = pl.col("sentence_no") - pl.col("named_no")
    # the nearest statement: when its sentence names no issuer, nobody ("In a joint statement, 79 countries")
    nearest = (
        openers.join(naming, on="article_id")
        .filter((back > 0) & (back <= lookback))
        .filter(pl.col("named_no") == pl.col("named_no").max().over(KEY))
        .select(*KEY, "named_sid")
    )
    # "The statement warned ..." then "The statement also criticised ...": a few rounds pass the issuers on
    found = pl.DataFrame(schema={**{k: pl.Int64 for k in KEY}, "source_actor": pl.String})
    for _ in range(int(rules.get("statement_subject_rounds", 3))):
        known = pl.concat([sources.select(*KEY, "source_actor"), found], how="vertical_relaxed")
        issued = (
            nearest.join(found.select(KEY).unique(), on=KEY, how="anti")
            .join(known.select(named_sid="sid", source_actor="source_actor").unique(), on="named_sid")
            .select(*KEY, "source_actor")
            .unique()
        )
        if issued.is_empty():
            break
        found = pl.concat([found, issued], how="vertical_relaxed")
    return found.select(
        *KEY, "source_actor", source_speaker=pl.lit(None, pl.String), rule=pl.lit("statement_subject")
    )
