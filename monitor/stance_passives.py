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
from monitor.stance_runs import cum_sum_in, shift_in
from monitor.stance_subjects import LIST_SEPARATOR

PASSIVE_AGENT = "passive_agent"
PREPOSITIONS = "of|to|from|with|against|on|into|towards?|over|for"


def passive_judgements(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Statement rows of stance cues of the rules' passive_judgement_classes whose agent follows them: a verb
    and "by" ("criticised by Kinshasa"), a noun after one of the rules' passive_noun_leads and "from" or "by"
    ("drew sharp criticism from Kyiv"), an article allowed between, and no non_state_voices after it ("by
    Slovakia's opposition"). The target is the last actor named before the cue; none when it is the agent's
    own state. Beside them, the agents of the judgements that name no actor before their cue ("The attack
    was also denounced by Indonesia and Malaysia") as speakers [sid, source_actor, source_speaker, rule]:
    another sentence may supply the target (monitor.stance_context_targets)."""
    judged, agents, judged_actors = _passive_parts(sentences, smentions, cues, rules)
    statements = (
        judged.join(agents, on=[*KEY, "m_start"], how="inner")
        .join(judged_actors, on=[*KEY, "m_start"], how="inner")
        .filter(pl.col("source_actor") != pl.col("target_actor"))
        .pipe(statement_rows, rule=PASSIVE_AGENT, mutual=False, factor=negation_factor(rules))
        .unique()
    )
    voices = (
        agents.join(judged_actors, on=[*KEY, "m_start"], how="anti")
        .select(*KEY, "source_actor", "source_speaker", rule=pl.lit(PASSIVE_AGENT))
        .unique()
    )
    return statements, voices


def _passive_parts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The passive judgements [sid, m_start, cue ...], their agents [sid, m_start, source_actor,
    source_speaker] and the actor each judges [sid, m_start, target_actor] (see passive_judgements)."""
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
    after_cue = (
        judged.join(actors, on=KEY, how="inner")
        .filter(pl.col("r_start") >= pl.col("m_end"))
        .filter(~pl.col("text").str.slice(pl.col("r_end")).str.contains(voice))
        .with_columns(judgement=pl.struct(*KEY, "m_start").rank("dense"))
        .sort("judgement", "r_start")
        .with_columns(prev_end=shift_in(pl.col("r_end"), "judgement"))
    )
    # the first actor after the marker judges, and so does each actor listed with it ("drew swift
    # condemnation from the United States and the United Nations")
    opens = gap.str.contains(pl.concat_str(pl.lit(r"^\s+"), marker, pl.lit(r"\s+(?:the\s+|an?\s+)?$")))
    listed = pl.col("text").str.slice(pl.col("prev_end"), (pl.col("r_start") - pl.col("prev_end")).clip(0))
    agents = (
        after_cue.with_columns(
            linked=pl.when(pl.col("prev_end").is_null())
            .then(opens)
            .otherwise(listed.str.contains(LIST_SEPARATOR))
        )
        .filter(cum_sum_in((~pl.col("linked")).cast(pl.Int32), "judgement") == 0)
        .select(
            *KEY,
            "m_start",
            source_actor="country",
            source_speaker=pl.when(pl.col("actor_kind").is_in(SPEAKER_KINDS)).then(pl.col("actor_id")),
        )
    )
    # "Thailand's deportation of 40 Uyghur men to China drew condemnation": an actor after a preposition is
    # part of what was judged, so the judged actor is the last one named before the cue after none, in the
    # cue's clause (no comma between), if there is one; else the last named before the cue
    complement = (
        pl.col("text").str.slice(0, pl.col("t_start")).str.contains(rf"\b(?:{PREPOSITIONS})\s+(?:the\s+)?$")
    )
    same_clause = ~pl.col("text").str.slice(
        pl.col("t_end"), pl.col("m_start") - pl.col("t_end")
    ).str.contains("[,;]")
    judged_actors = (
        actors.select(*KEY, "text", target_actor="country", t_start="r_start", t_end="r_end")
        .join(judged.select(*KEY, "m_start").unique(), on=KEY, how="inner")
        .filter(pl.col("t_end") <= pl.col("m_start"))
        .with_columns(owner=~complement & same_clause)
        .sort("owner", "t_end")
        .group_by(*KEY, "m_start")
        .agg(pl.col("target_actor").last())
    )
    return judged, agents, judged_actors


def without_reversals(statements: pl.DataFrame, passives: pl.DataFrame) -> pl.DataFrame:
    """The rules' statements less those that read a passive judgement's target as the judge of its agent."""
    reversed_pairs = passives.select(*KEY, "cue", source_actor="target_actor", target_actor="source_actor")
    return statements.join(reversed_pairs, on=[*KEY, "cue", "source_actor", "target_actor"], how="anti")
