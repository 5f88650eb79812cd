"""A counted group as an object ("summon the ambassadors of the three countries", "violated the obligations of
the three countries", "shared the three countries' commitment") stands for the states of the latest list of
exactly that many named before it, as a group subject does (monitor.stance_group_subjects): each is a target
of the cues that reach the phrase. Opening the sentence, the group is its subject, not a target; after a
location preposition it is a place."""

from __future__ import annotations

import polars as pl

from monitor.stance_group_subjects import listed_states
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_pair_reference import target_mentions


def group_targets(
    sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict, first_mid: int
) -> pl.DataFrame:
    """Target mentions [sid, mid, actor_id, country, actor_kind, demonym, r_start, r_end, pair_ref] for each
    state of the first "the <number> <group noun>" of a sentence that the sentence does not name itself,
    numbered from `first_mid`."""
    nouns = rule_alternatives(rules, "group_subject_nouns")
    sizes = {str(word): int(n) for word, n in rules.get("group_subject_numbers", {}).items()}
    numbers = "|".join(sizes) or "$^"
    lookback = int(rules.get("group_subject_sentences", 30))
    places = rule_alternatives(rules, "location_prepositions")
    found = pl.col("text").str.extract_groups(
        rf"^(?P<lead>.*?)(?P<phrase>\b[Tt]he\s+(?P<n>{numbers})\s+(?i:{nouns}))\b"
    )
    lead = pl.col("found").struct.field("lead")
    refs = (
        sentences.filter(pl.col("text").str.contains(rf"\b[Tt]he\s+({numbers})\s+(?i:{nouns})\b"))
        .select(*KEY, "article_id", "sentence_no", found=found)
        .filter(~lead.str.contains(r"^([^,]{0,60},\s+)?$"))
        # "read on national television in the three countries": a place, no target
        .filter(~lead.str.contains(rf"\b({places})\s+$"))
        .select(
            *KEY,
            "article_id",
            "sentence_no",
            size=pl.col("found").struct.field("n").replace_strict(sizes, return_dtype=pl.UInt32),
            r_start=lead.str.len_chars().cast(pl.Int64),
            r_end=(lead.str.len_chars() + pl.col("found").struct.field("phrase").str.len_chars()).cast(
                pl.Int64
            ),
        )
    )
    lists = listed_states(sentences, smentions).join(sentences.select(*KEY, "article_id"), on=KEY).drop(KEY)
    members = (
        refs.join(lists, on="article_id", suffix="_list")
        .filter(
            (pl.col("size") == pl.col("size_list"))
            & (pl.col("l_no") <= pl.col("sentence_no"))
            & (pl.col("l_no") >= pl.col("sentence_no") - lookback)
        )
        .sort(*KEY, "l_no", descending=[False, True])
        .unique(KEY, keep="first", maintain_order=True)
        .explode("members")
        .select(*KEY, "r_start", "r_end", country="members")
        .join(smentions.select(*KEY, "country").unique(), on=[*KEY, "country"], how="anti")
    )
    return target_mentions(members, first_mid, "country", "state", pair_ref=False)
