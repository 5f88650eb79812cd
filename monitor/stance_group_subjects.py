"""A group opening a sentence as its subject ("The three countries signed a mutual defence pact", "All three
have expelled French troops") stands for exactly the states of the latest list of that many named before it
("Niger, Mali and Burkina Faso"): each speaks, and together they are the parties of the relations after
their verb."""

from __future__ import annotations

import re

import polars as pl

from monitor.stance_it_subjects import SUBJECT_ADVERB
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives, subject_non_verbs
from monitor.stance_runs import cum_sum_in, shift_in
from monitor.stance_subjects import LIST_SEPARATOR


def listed_states(sentences: pl.DataFrame, smentions: pl.DataFrame, min_size: int = 3) -> pl.DataFrame:
    """[sid, l_no, l_start, l_end, members (list of states), size] of the runs of at least min_size states
    listed together ("Mali, Burkina Faso and Niger"), one row per run, from l_start to l_end."""
    states = smentions.filter(pl.col("actor_kind") == "state").join(
        sentences.select(*KEY, "text", l_no="sentence_no"), on=KEY
    )
    gap = pl.col("text").str.slice(pl.col("prev_end"), (pl.col("r_start") - pl.col("prev_end")).clip(0))
    return (
        states.sort(*KEY, "r_start")
        .with_columns(prev_end=shift_in(pl.col("r_end"), KEY))
        .with_columns(linked=pl.col("prev_end").is_not_null() & gap.str.contains(LIST_SEPARATOR))
        .with_columns(run=cum_sum_in((~pl.col("linked")).cast(pl.Int32), KEY))
        .group_by(*KEY, "l_no", "run")
        .agg(
            members=pl.col("country").unique(maintain_order=True),
            l_start=pl.col("r_start").min(),
            l_end=pl.col("r_end").max(),
        )
        .with_columns(size=pl.col("members").list.len())
        .filter(pl.col("size") >= min_size)
        .select(*KEY, "l_no", "l_start", "l_end", "members", "size")
    )


def group_subjects(
    sentences: pl.DataFrame, smentions: pl.DataFrame, spoken: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, source_actor, source_speaker, rule, a_start] for sentences not in `spoken` [sid] that open with a
    group of group_subject_nouns ("The three countries", "The three Sahel juntas", "All three") and a verb:
    the states of the latest list of exactly that many in the group_subject_sentences before. A group without
    a number ("The juntas have expelled", "The Baltic states said") of group_subject_bare_nouns stands for
    the latest list of any size in the group_subject_bare_sentences before, "They" for one in the
    group_subject_pronoun_sentences before. A group of named_state_groups ("The three Baltic states") stands
    for its members, listed or not. "The leaders" (group_subject_introduced_nouns) stands for the latest list
    it introduced ("The leaders of Japan, the United States and South Korea") in the bare nouns' window."""
    nouns = rule_alternatives(rules, "group_subject_nouns")
    sizes = {str(word): int(n) for word, n in rules.get("group_subject_numbers", {}).items()}
    numbers = "|".join(sizes) or "$^"
    named = rules.get("named_state_groups") or {}
    named_groups = {str(name).lower(): [str(m) for m in members] for name, members in named.items()}
    bare = "|".join([rule_alternatives(rules, "group_subject_bare_nouns"), *map(re.escape, named_groups)])
    introduced = rule_alternatives(rules, "group_subject_introduced_nouns")
    # "In a joint statement read on national television, the three juntas said": an opening phrase first
    openings = rule_alternatives(rules, "it_subject_openings")
    pattern = (
        rf"^(?P<head>(?:(?:{openings})\b[^,;:\"“”]{{0,120}},\s+)?"
        rf"(?P<group>(?:The|the)\s+(?P<n>{numbers})\s+(?:\p{{Lu}}\p{{L}}+\s+)?(?i:{nouns})|(?:All|all)\s+"
        rf"(?P<m>{numbers})|(?P<bare>(?:The|the)\s+(?:\p{{Lu}}\p{{L}}+\s+)?(?i:{bare}))|(?P<they>They)"
        rf"|(?P<intro>(?:The|the)\s+(?P<noun>{introduced})))"
        rf"(?:,[^,;:\"“”]{{1,120}},)?\s+{SUBJECT_ADVERB})(?P<verb>[a-z]+)\b"
    )
    found = pl.col("text").str.extract_groups(pattern)
    lookback = int(rules.get("group_subject_sentences", 30))
    bare_lookback = int(rules.get("group_subject_bare_sentences", 5))
    pronoun_lookback = int(rules.get("group_subject_pronoun_sentences", 0))
    pronoun = pl.col("found").struct.field("they").is_not_null()
    # "The leaders of Japan, ..." opens with the list itself: the word after the group must be a verb
    verb = pl.col("found").struct.field("verb")
    intro = pl.col("found").struct.field("intro").is_not_null() & ~verb.is_in(subject_non_verbs(rules))
    heads = (
        sentences.select(*KEY, "article_id", "sentence_no", "text")
        .join(spoken.select(KEY).unique(), on=KEY, how="anti")
        .with_columns(found=found)
        .with_columns(n=pl.coalesce(pl.col("found").struct.field("n"), pl.col("found").struct.field("m")))
        .filter(
            pl.col("n").is_not_null() | pl.col("found").struct.field("bare").is_not_null() | pronoun | intro
        )
        .select(
            *KEY,
            "article_id",
            "sentence_no",
            size=pl.col("n").replace_strict(sizes, default=None, return_dtype=pl.UInt32),
            back=pl.when(pl.col("n").is_not_null())
            .then(lookback)
            .when(pronoun)
            .then(pronoun_lookback)
            .otherwise(bare_lookback),
            a_start=pl.col("found").struct.field("head").str.len_chars().cast(pl.Int64),
            group=pl.col("found").struct.field("group"),
            pronoun=pronoun,
            noun=pl.when(intro).then(pl.col("found").struct.field("noun").str.to_lowercase()),
        )
    )
    if named_groups:
        group_name = rf"\b({'|'.join(re.escape(name) for name in named_groups)})\b"
        heads = heads.with_columns(named=pl.col("group").str.to_lowercase().str.extract(group_name, 1))
    else:
        heads = heads.with_columns(named=pl.lit(None, pl.String))
    fixed = (
        heads.join(
            pl.DataFrame({"named": list(named_groups), "members": list(named_groups.values())}),
            on="named",
            how="inner",
        )
        .filter(pl.col("size").is_null() | (pl.col("size") == pl.col("members").list.len()))
        .drop("size")
    )
    # and the group noun that introduced each list ("The leaders of Japan, ...")
    lists = (
        listed_states(sentences, smentions, min_size=2)
        .join(sentences.select(*KEY, "article_id", "text"), on=KEY)
        .with_columns(
            intro=pl.col("text")
            .str.slice(0, pl.col("l_start"))
            .str.to_lowercase()
            .str.extract(rf"\b({introduced})\s+of\s+(?:the\s+)?$", 1)
        )
        .drop("text")
    )
    counted = pl.col("size").is_not_null()
    # "Saudi Arabia and Iran expressed their appreciation ... They also thanked China": "They" may stand for a
    # pair, as "The leaders" for the list it introduced; a group noun without a number for three or more
    smallest = pl.when(pl.col("pronoun") | pl.col("noun").is_not_null()).then(2).otherwise(3)
    # "The leaders" stands only for a list introduced as such: "The leaders of Japan, the United States and
    # South Korea agreed", "the foreign ministers of Egypt, Jordan, ... rejected"
    introduced_list = pl.col("intro").str.ends_with(pl.col("noun"))
    listed = (
        heads.join(fixed.select(KEY), on=KEY, how="anti")
        .join(lists.drop(KEY), on="article_id", suffix="_list")
        .filter(
            pl.when(counted)
            .then(pl.col("size") == pl.col("size_list"))
            .otherwise(pl.col("size_list") >= smallest)
        )
        .filter(pl.col("noun").is_null() | introduced_list)
        .filter(
            (pl.col("l_no") < pl.col("sentence_no"))
            & (pl.col("l_no") >= pl.col("sentence_no") - pl.col("back"))
        )
        .sort(*KEY, "l_no", "l_start", descending=[False, True, False])
        .unique(KEY, keep="first", maintain_order=True)
    )
    return (
        pl.concat([fixed.select(*KEY, "members", "a_start"), listed.select(*KEY, "members", "a_start")])
        .explode("members")
        .select(
            *KEY,
            source_actor="members",
            source_speaker=pl.lit(None, pl.String),
            rule=pl.lit("group_subject"),
            a_start="a_start",
        )
    )
