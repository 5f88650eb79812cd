"""Joint acts of the actors a sentence opens with: "India and China have reached an agreement ..., Foreign
Secretary Vikram Misri announced", "Pakistani and Afghan security forces exchanged fire ..., officials on
both sides said". The listed actors are the parties of the relation their verb names, whoever reports it and
however far the first of them stands from the cue: a mutual fact between each two of them."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_rows import statement_rows
from monitor.stance_subjects import LEAD, LIST_SEPARATOR


def opening_lists(sentences: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """[sid, country, l_end]: the actors listed at the opening of a sentence ("Seoul and Washington",
    "Britain, France and Germany", after "The" or an opening phrase set off by a comma), with the end of
    the last of them; only lists of two or more actors joined by "and" (an apposition, "China, the North's
    main ally and trading partner", lists nobody)."""
    prev_end = pl.col("r_end").shift(1).over(KEY)
    gap = pl.col("text").str.slice(prev_end, (pl.col("r_start") - prev_end).clip(0))
    opening = pl.col("text").str.slice(0, pl.col("r_start")).str.contains(LEAD)
    return (
        smentions.join(sentences.select(*KEY, "text"), on=KEY)
        .sort(*KEY, "r_start")
        .with_columns(
            linked=pl.when(prev_end.is_null()).then(opening).otherwise(gap.str.contains(LIST_SEPARATOR))
        )
        .filter(pl.col("linked").cast(pl.Int8).cum_min().over(KEY) == 1)
        .with_columns(
            l_end=pl.col("r_end").max().over(KEY),
            several=pl.col("country").n_unique().over(KEY),
            joined=gap.str.contains(r"\band\s").any().over(KEY),
        )
        .filter((pl.col("several") > 1) & pl.col("joined"))
        .select(*KEY, "country", "l_end")
        .unique()
    )


def pair_acts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Mutual statements between the actors of an opening list (opening_lists) and the first relation cue of
    the rules' pair_act_classes after them, when only lower-case words stand between the list and the cue (at
    most pair_act_gap_words: the verb and the noun of the state, "security forces exchanged fire", "have
    reached an agreement"), or a time phrase ("on Monday"). A negated or strained relation is no fact."""
    classes = [str(c) for c in rules.get("pair_act_classes", [])]
    words = int(rules.get("pair_act_gap_words", 6))
    token = r"(['’]s|[a-z][a-z-]*|(on|last|this|late|early)\s+[A-Z][a-z]+)"
    between = pl.col("text").str.slice(pl.col("l_end"), pl.col("m_start") - pl.col("l_end"))
    relations = cues.filter(
        pl.col("cue_class").is_in(classes)
        & (pl.col("scope") == "relation")
        & ~pl.col("negated")
        & ~pl.col("strained")
    ).select(*KEY, "cue_id", "m_start", "cue", "cue_class", "polarity", "negated")
    # lists are looked for only in the sentences with such a cue: a tenth of them, and the costly part
    cued = relations.select(*KEY).unique()
    lists = opening_lists(sentences.join(cued, on=KEY, how="semi"), smentions.join(cued, on=KEY, how="semi"))
    acts = (
        relations.join(lists.select(*KEY, "l_end").unique(), on=KEY)
        .filter(pl.col("m_start") > pl.col("l_end"))
        .filter(pl.col("m_start") == pl.col("m_start").min().over(KEY))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(between.str.contains(rf"^(\s*{token}){{0,{words}}}\s+$"))
        .drop("text", "l_end")
    )
    parties = acts.join(lists.select(*KEY, "country"), on=KEY)
    return (
        parties.join(parties.select("cue_id", other="country"), on="cue_id")
        .filter(pl.col("country") != pl.col("other"))
        .pipe(
            statement_rows,
            source="country",
            target="other",
            rule="pair_act",
            mutual=True,
            factor=1.0,
            speaker=None,
        )
    )
