"""Joint acts of the actors a sentence opens with: "India and China have reached an agreement ..., Foreign
Secretary Vikram Misri announced", "Pakistani and Afghan security forces exchanged fire ..., officials on
both sides said". The listed actors are the parties of the relation their verb names, whoever reports it and
however far the first of them stands from the cue: a mutual fact between each two of them."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_rows import statement_rows
from monitor.stance_subjects import LEAD, LIST_SEPARATOR

# A clause whose subject is the list: "..., during which Malaysia and China agreed to step up cooperation"
CLAUSE_OPENING = r"(,|;)\s+((during|in|at|after|under|by)\s+which|where)\s+((the|The)\s+)?$"


def opening_lists(sentences: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """[sid, list_no, country, l_end]: the actors listed at the opening of a sentence ("Seoul and
    Washington", "Britain, France and Germany", after "The" or an opening phrase set off by a comma) or of
    a clause (CLAUSE_OPENING), with the end of the last of them; only lists of two or more actors joined by
    "and" (an apposition, "China, the North's main ally and trading partner", lists nobody)."""
    prev_end = pl.col("r_end").shift(1).over(KEY)
    gap = pl.col("text").str.slice(prev_end, (pl.col("r_start") - prev_end).clip(0))
    before = pl.col("text").str.slice(0, pl.col("r_start"))
    opens = (prev_end.is_null() & before.str.contains(LEAD)) | before.str.contains(CLAUSE_OPENING)
    linked = prev_end.is_not_null() & gap.str.contains(LIST_SEPARATOR)
    runs = (
        smentions.join(sentences.select(*KEY, "text"), on=KEY)
        .sort(*KEY, "r_start")
        .with_columns(opens=opens, linked=linked, joined=gap.str.contains(r"\band\s"))
        .with_columns(list_no=(~pl.col("linked")).cum_sum().over(KEY))
    )
    run = [*KEY, "list_no"]
    return (
        runs.filter(pl.col("opens").first().over(run))
        .with_columns(
            l_end=pl.col("r_end").max().over(run),
            several=pl.col("country").n_unique().over(run),
            joined=pl.col("joined").slice(1).any().over(run),
        )
        .filter((pl.col("several") > 1) & pl.col("joined"))
        .select(*run, "country", "l_end")
        .unique()
    )


def pair_acts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Mutual statements between the actors of an opening list (opening_lists) and the first relation cue of
    the rules' pair_act_classes after them, when only lower-case words stand between the list and the cue (at
    most pair_act_gap_words: the verb and the noun of the state, "security forces exchanged fire", "have
    reached an agreement"), or a time phrase ("on Monday"). A negated or strained relation is no fact, nor is
    one a cue of another class stands before: "Australia, New Zealand, Canada and Japan also welcomed the
    treaty" lists the subjects of "welcomed", not the treaty's parties."""
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
        relations.join(lists.select(*KEY, "list_no", "l_end").unique(), on=KEY)
        .filter(pl.col("m_start") > pl.col("l_end"))
        .filter(pl.col("m_start") == pl.col("m_start").min().over(*KEY, "list_no"))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(between.str.contains(rf"^(\s*{token}){{0,{words}}}\s+$"))
        .drop("text")
    )
    reactions = cues.filter(~pl.col("cue_class").is_in(classes)).select(*KEY, r_start="m_start")
    reacted = (
        acts.join(reactions, on=KEY)
        .filter(pl.col("r_start").is_between(pl.col("l_end"), pl.col("m_start"), closed="left"))
        .select("cue_id", "list_no")
    )
    acts = acts.join(reacted, on=["cue_id", "list_no"], how="anti").drop("l_end")
    parties = acts.join(lists.select(*KEY, "list_no", "country"), on=[*KEY, "list_no"])
    return (
        parties.join(parties.select("cue_id", "list_no", other="country"), on=["cue_id", "list_no"])
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
