"""Judgements in the passive voice name their judge after the cue: "Nairobi was criticised by Kinshasa",
"Benin has also been accused by Niamey of ...", "a move condemned by Moscow", "drew sharp criticism from
Kyiv". The actor right after "by" (or "from", after a noun) judges the actor named last before the cue. The
rules that read the opening actor as the speaker turn such a sentence round, so their reversed statement of
the same cue is dropped (monitor.stance)."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor, statement_rows

PASSIVE_AGENT = "passive_agent"


def passive_judgements(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Statement rows of stance cues of the rules' passive_judgement_classes whose agent follows them: a verb
    and "by" ("criticised by Kinshasa"), a noun after one of the rules' passive_noun_leads and "from" or "by"
    ("drew sharp criticism from Kyiv"), an article allowed between, and no non_state_voices after it ("by
    Slovakia's opposition"). The target is the last actor named before the cue; none when it is the agent's
    own state."""
    classes = [str(c) for c in rules.get("passive_judgement_classes", [])]
    judged = cues.filter((pl.col("scope") == "stance") & pl.col("cue_class").is_in(classes)).select(
        *KEY, "m_start", "m_end", "cue", "cue_class", "polarity", "negated", "is_verb"
    )
    text = sentences.join(judged.select(KEY).unique(), on=KEY, how="semi").select(*KEY, "text")
    # a noun only after a verb of meeting with it ("drew sharp criticism from Kyiv"), not in "to counter
    # threats from North Korea", where the threatened are not named before it
    receipt = rf"\b(?:{rule_alternatives(rules, 'passive_noun_leads')})\s+(?:[\w-]+\s+){{0,2}}$"
    received = pl.col("text").str.slice(0, pl.col("m_start")).str.contains(receipt)
    judged = judged.join(text, on=KEY, how="inner").filter(pl.col("is_verb") | received).drop("text")
    actors = smentions.join(text, on=KEY, how="inner")
    gap = pl.col("text").str.slice(pl.col("m_end"), (pl.col("r_start") - pl.col("m_end")).clip(0))
    marker = pl.when(pl.col("is_verb")).then(pl.lit("by")).otherwise(pl.lit("(?:from|by)"))
    # "criticised by Slovakia's opposition": the judge is a voice of the state, not the state
    voice = rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}(?i:{rule_alternatives(rules, 'non_state_voices')})\b"
    agents = (
        judged.join(actors, on=KEY, how="inner")
        .filter(pl.col("r_start") >= pl.col("m_end"))
        .filter(gap.str.contains(pl.concat_str(pl.lit(r"^\s+"), marker, pl.lit(r"\s+(?:the\s+|an?\s+)?$"))))
        .filter(~pl.col("text").str.slice(pl.col("r_end")).str.contains(voice))
        .select(
            *KEY,
            "m_start",
            source_actor="country",
            source_speaker=pl.when(pl.col("actor_kind").is_in(SPEAKER_KINDS)).then(pl.col("actor_id")),
        )
    )
    judged_actors = (
        actors.select(*KEY, target_actor="country", t_end="r_end")
        .join(judged.select(*KEY, "m_start").unique(), on=KEY, how="inner")
        .filter(pl.col("t_end") <= pl.col("m_start"))
        .sort("t_end")
        .group_by(*KEY, "m_start")
        .agg(pl.col("target_actor").last())
    )
    return (
        judged.join(agents, on=[*KEY, "m_start"], how="inner")
        .join(judged_actors, on=[*KEY, "m_start"], how="inner")
        .filter(pl.col("source_actor") != pl.col("target_actor"))
        .pipe(statement_rows, rule=PASSIVE_AGENT, mutual=False, factor=negation_factor(rules))
        .unique()
    )


def without_reversals(statements: pl.DataFrame, passives: pl.DataFrame) -> pl.DataFrame:
    """The rules' statements less those that read a passive judgement's target as the judge of its agent."""
    reversed_pairs = passives.select(*KEY, "cue", source_actor="target_actor", target_actor="source_actor")
    return statements.join(reversed_pairs, on=[*KEY, "cue", "source_actor", "target_actor"], how="anti")
