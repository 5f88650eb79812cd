"""A definite description as the subject ("The embassy rejected the accusation", "The president said",
"HE the Prime Minister thanked"): it names an official or institution introduced earlier in the article with
its state ("Wellington lodged a complaint with the Chinese embassy", "President Sisi stressed"). The latest
such antecedent speaks; without one, the state that spoke last does (monitor.stance_carryover)."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def definite_pattern(rules: dict) -> str:
    """The text before a verb that opens with a definite description (its noun captured as `noun`): a
    determiner and a noun of the rules, maybe a name ("Its spokesman Zabihullah Mujahid") or an aside
    ("its spokeswoman, Lt Gen Maly Socheata,") and up to two lowercase words ("also", "has")."""
    determiners = rule_alternatives(rules, "definite_subject_determiners")
    nouns = rule_alternatives(rules, "definite_subjects")
    return (
        rf"(?:^|[\s,;\"“”])(?P<det>(?i:{determiners}))\s+(?P<noun>(?i:{nouns}))(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{0,4}}"
        rf"(?:\s*,[^,;\"“”]{{1,40}},)?(?:\s+[a-z]+){{0,2}}\s+$"
    )


def definite_antecedents(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, spoken: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Sources [sid, source_actor, source_speaker, rule] of sentences not in `spoken` [sid] whose first verb
    follows a definite description: the state of the latest mention, in the definite_antecedent_sentences
    before, written next to the same noun ("Chinese embassy", "China's Ministry of Commerce", "Prime
    Minister Anthony Albanese") or ending with it (the institution "European Commission")."""
    lookback = int(rules.get("definite_antecedent_sentences", 8))
    lead = pl.col("text").str.slice(0, pl.col("m_start"))
    subjects = (
        hits.filter(pl.col("is_verb"))
        .join(spoken.select(KEY).unique(), on=KEY, how="anti")
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY)
        .sort(*KEY, "m_start")
        .unique(KEY, keep="first", maintain_order=True)
        .with_columns(found=lead.str.extract_groups(definite_pattern(rules)))
        .with_columns(
            noun=pl.col("found").struct.field("noun").str.to_lowercase(),
            owned=pl.col("found").struct.field("det").str.to_lowercase() == "its",
        )
        .filter(pl.col("noun").is_not_null())
        .select(*KEY, "article_id", "sentence_no", "noun", "owned")
    )
    if subjects.is_empty():
        return pl.DataFrame(
            schema={
                "sid": pl.Int64,
                "source_actor": pl.String,
                "source_speaker": pl.String,
                "rule": pl.String,
            }
        )
    earlier = smentions.join(sentences.select(*KEY, "article_id", e_no="sentence_no", e_text="text"), on=KEY)
    before = pl.col("e_text").str.slice(0, pl.col("r_start")).str.to_lowercase()
    after = pl.col("e_text").str.slice(pl.col("r_end")).str.to_lowercase()
    surface = (
        pl.col("e_text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start")).str.to_lowercase()
    )
    noun = pl.col("noun")
    named = (
        before.str.ends_with(noun + " ")
        | after.str.starts_with(" " + noun)
        | after.str.starts_with("'s " + noun)
        | after.str.starts_with("’s " + noun)
        | surface.str.ends_with(noun)
    )
    # "its spokeswoman": the owner is the state or institution the latest sentence naming one opens with
    thing = pl.col("actor_kind") != "person"
    owner = pl.col("owned") & thing & (pl.col("e_no") == pl.col("e_no").filter(thing).max().over(KEY))
    found = (
        subjects.join(earlier.drop(KEY), on="article_id")
        .filter(
            (pl.col("e_no") < pl.col("sentence_no")) & (pl.col("e_no") >= pl.col("sentence_no") - lookback)
        )
        .filter(named | owner)
        .with_columns(rank=pl.when(owner).then(-pl.col("r_start")).otherwise(pl.col("r_start")))
        .sort(*KEY, "e_no", "rank", descending=[False, True, True])
        .unique(KEY, keep="first", maintain_order=True)
    )
    return found.select(
        *KEY,
        source_actor="country",
        source_speaker=pl.lit(None, pl.String),
        rule=pl.lit("definite_antecedent"),
    )
