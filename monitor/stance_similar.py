"""Stances told by reference to the one reported just before: "Qatar and Kuwait issued similar statements"
after "The UAE's Ministry of Foreign Affairs also welcomed the announcement", "The Organisation of Islamic
Cooperation issued a similar statement" after the Arab League rejected the memorandum. Each subject of the
sentence takes the stances the last judge before it took, toward the same targets with the same sign."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import statement_rows
from monitor.stance_runs import shift_in
from monitor.stance_subjects import LIST_SEPARATOR

# between the last subject and the phrase: "Qatar and Kuwait also issued similar statements"
VERB_GAP = r"^\s+((also|later|then|have|has|had|both|each|jointly|separately)\s+)*$"


def similar_statements(
    sentences: pl.DataFrame, smentions: pl.DataFrame, statements: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Statements (STATEMENT_COLUMNS, rule similar_echo) of the actors a sentence opens with, listed right
    before a phrase of similar_echo_phrases, who state nothing else in the sentence: the directed statements
    of the latest of the similar_echo_sentences sentences before that has some by another source, if that
    source is the only one there, each copied to every subject (none toward itself)."""
    phrases = rf"\b({rule_alternatives(rules, 'similar_echo_phrases')})\b"
    lookback = int(rules.get("similar_echo_sentences", 2))
    where = sentences.select(*KEY, "article_id", "sentence_no")
    phrased = sentences.filter(pl.col("text").str.contains(phrases)).select(
        *KEY,
        "article_id",
        "sentence_no",
        "text",
        cue=pl.col("text").str.extract(phrases, 1),
        at=pl.col("text").str.find(phrases).cast(pl.Int64),
    )
    subjects = _opening_subjects(smentions.join(phrased.select(*KEY, "text"), on=KEY))
    before_phrase = pl.col("text").str.slice(pl.col("last_end"), (pl.col("at") - pl.col("last_end")).clip(0))
    echoing = (
        phrased.join(subjects, on=KEY)
        .filter((pl.col("last_end") <= pl.col("at")) & before_phrase.str.contains(VERB_GAP))
        .drop("text")
        .join(statements.select(*KEY, "source_actor").unique(), on=[*KEY, "source_actor"], how="anti")
    )
    earlier = (
        statements.filter(~pl.col("mutual"))
        .join(where, on=KEY)
        .select(
            "article_id",
            "polarity",
            "cue_class",
            e_no="sentence_no",
            judge="source_actor",
            target="target_actor",
        )
    )
    copied = (
        echoing.join(earlier, on="article_id")
        .filter(
            (pl.col("e_no") < pl.col("sentence_no"))
            & (pl.col("sentence_no") - pl.col("e_no") <= lookback)
            & (pl.col("judge") != pl.col("source_actor"))
        )
        .filter(pl.col("e_no") == pl.col("e_no").max().over(*KEY, "source_actor"))
        # two judges there ("The UAE welcomed it, while Israel condemned it"): which one is echoed is unsure
        .filter(pl.col("judge").n_unique().over(*KEY, "source_actor") == 1)
        .filter(pl.col("target") != pl.col("source_actor"))
        .sort(*KEY, "source_actor", "target", pl.col("polarity").abs(), descending=[False] * 3 + [True])
        .unique([*KEY, "source_actor", "target"], keep="first", maintain_order=True)
        .with_columns(negated=pl.lit(False), source_speaker=pl.lit(None, pl.String))
    )
    return statement_rows(copied, target="target", rule="similar_echo", mutual=False, factor=1.0)


def _opening_subjects(smentions: pl.DataFrame) -> pl.DataFrame:
    """[sid, source_actor, last_end] of the actors (mentions with their sentence `text`) listed at a
    sentence's opening ("Qatar and Kuwait", "The Organisation of Islamic Cooperation"), with the end of the
    last of them."""
    gap = pl.col("text").str.slice(pl.col("prev_end"), (pl.col("r_start") - pl.col("prev_end")).clip(0))
    listed = (
        smentions.select(*KEY, "country", "r_start", "r_end", "text")
        .sort(*KEY, "r_start")
        .with_columns(prev_end=shift_in(pl.col("r_end"), KEY).fill_null(0))
        .with_columns(
            linked=pl.when(pl.col("prev_end") == 0)
            .then(gap.str.contains(r"^\s*((The|the)\s+)?$"))
            .otherwise(gap.str.contains(LIST_SEPARATOR))
        )
        .filter(pl.col("linked").cast(pl.Int8).cum_min().over(KEY) == 1)
    )
    return (
        listed.group_by(KEY)
        .agg(source_actor=pl.col("country").unique(), last_end=pl.col("r_end").max())
        .explode("source_actor")
    )
