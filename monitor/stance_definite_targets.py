"""A definite noun for an organisation named before, as a target: "Thailand does not recognize the court's
jurisdiction" after the International Court of Justice, "Yerevan also refused to finance the organisation's
activities" after the CSTO. The noun stands for the one organisation of its kind the recent sentences name
(a court among court_actors for "the court"; any other organisation for "the bloc"); with two candidates, or
none, it names nobody: a wrong target is worse than a miss. Like a pair phrase (monitor.stance_pair_reference)
it becomes a target mention only: it never speaks, and reported facts never take it as a party."""

from __future__ import annotations

import polars as pl

from monitor.stance_aside_subjects import aside_verbs
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_pair_reference import target_mentions


def definite_targets(
    sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict, first_mid: int
) -> pl.DataFrame:
    """Target mentions [sid, mid, actor_id, country, actor_kind, demonym, r_start, r_end, pair_ref] of the
    first "the <noun>" of definite_target_court_nouns / definite_target_bloc_nouns in a sentence (lowercase,
    or opening the sentence and followed by no name: "The Organisation of Islamic Cooperation" is a name),
    outside any mention, for the one organisation of that kind named in the previous definite_target_sentences
    sentences or earlier in the same sentence. Mention ids count from `first_mid`."""
    courts = rule_alternatives(rules, "definite_target_court_nouns")
    blocs = rule_alternatives(rules, "definite_target_bloc_nouns")
    court_actors = [str(c) for c in rules.get("court_actors", [])]
    lookback = int(rules.get("definite_target_sentences", 8))
    pattern = (
        rf"^(?P<lead>.*?(?:^|[^\p{{L}}]))(?P<det>[Tt]he)\s+(?P<noun>{courts}|{blocs})\b(?P<next>\s+\S+)?"
    )
    found = pl.col("text").str.extract_groups(pattern)
    det = pl.col("found").struct.field("det")
    noun = pl.col("found").struct.field("noun")
    refs = (
        sentences.filter(pl.col("text").str.contains(rf"\b(?i:the)\s+({courts}|{blocs})\b"))
        .select(*KEY, "article_id", "sentence_no", found=found)
        .filter(noun.is_not_null())
        .with_columns(
            r_start=pl.col("found").struct.field("lead").str.len_chars().cast(pl.Int64),
            court=noun.str.contains(rf"^({courts})$"),
        )
        .with_columns(r_end=pl.col("r_start") + det.str.len_chars() + 1 + noun.str.len_chars())
        .filter(
            (det == "the")
            | (
                (pl.col("r_start") == 0)
                & ~pl.col("found").struct.field("next").fill_null("").str.contains(r"^\s+(of\s+)?\p{Lu}")
            )
        )
        .select(*KEY, "article_id", "sentence_no", "r_start", "r_end", "court")
    )
    # "the Court of Justice" resolved as an actor is a name, not a reference
    inside = refs.join(smentions.select(*KEY, m_start="r_start", m_end="r_end"), on=KEY).filter(
        (pl.col("m_start") < pl.col("r_end")) & (pl.col("m_end") > pl.col("r_start"))
    )
    refs = refs.join(inside.select(*KEY).unique(), on=KEY, how="anti")
    # "The Netherlands, which hosts the court, said it regretted the order": an aside describes its subject
    asides = aside_verbs(
        smentions.join(refs.select(KEY).unique(), on=KEY).join(sentences.select(*KEY, "text"), on=KEY), rules
    )
    described = refs.join(asides.select(*KEY, "aside_start", "aside_end"), on=KEY).filter(
        (pl.col("r_start") >= pl.col("aside_start")) & (pl.col("r_end") <= pl.col("aside_end"))
    )
    refs = refs.join(described.select(KEY).unique(), on=KEY, how="anti")
    organisations = (
        smentions.filter(pl.col("actor_kind") == "organisation")
        .join(sentences.select(*KEY, "article_id", o_no="sentence_no"), on=KEY)
        .select(
            "article_id",
            "o_no",
            "actor_id",
            "country",
            o_end="r_end",
            court=pl.col("country").is_in(court_actors),
        )
    )
    back = pl.col("sentence_no") - pl.col("o_no")
    window = ((back > 0) & (back <= lookback)) | ((back == 0) & (pl.col("o_end") <= pl.col("r_start")))
    chosen = (
        refs.join(organisations, on=["article_id", "court"])
        .filter(window)
        .filter(pl.col("country").n_unique().over(KEY) == 1)
        .sort(*KEY, "r_start", "o_no", descending=[False, False, True])
        .unique(KEY, keep="first", maintain_order=True)
    )
    return target_mentions(chosen, first_mid, "actor_id", "organisation", pair_ref=False)
