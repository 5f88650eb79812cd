"""The grammatical subject of a sentence that has no speaker: the actor (or list of actors) it opens
with, followed by its verb ("Russia has revoked the accreditation of six British diplomats",
"Seoul and Washington reached a trade deal", "Thai and Cambodian troops exchanged fire"). A report of
what a state does is that state's stance as much as what it says."""

from __future__ import annotations

import polars as pl

from monitor.stance_aside_subjects import aside_mentions, naming_asides
from monitor.stance_keys import ADJECTIVE_DEMONYM, KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives
from monitor.stance_runs import shift_in

# What may come before the subject: "The", an opening phrase set off by a comma ("On Monday, "), or a wire
# dateline ("SEOUL, Oct. 31 (Yonhap) -- ", "MOSCOW, November 20. /TASS/. ").
DATELINE = (
    r"^\s*\p{Lu}[\p{L}.'’ -]{1,30}(,\s+[^()/\n]{0,24})?\([^()\n]{1,30}\)\s*[-–—]+\s*"
    r"|^\s*\p{Lu}[\p{L}.'’ -]{1,30},\s+[^()/\n]{0,24}/[^/\n]{1,12}/\.?\s*"
)
LEAD = rf'^\s*((The|the)\s+)?$|^[A-Z][^,;:"“”]{{0,40}},\s+((the|The)\s+)?$|({DATELINE})((the|The)\s+)?$'
# A subordinate clause opening with its subject: "..., after Chinese coast guard vessels fired", or the actor
# a participle makes act (", prompting Israel to recall its ambassadors").
CLAUSE_LEAD = (
    r"(\b(after|when|while|as|since|because|although|though|whereas)"
    r"|,\s+(prompting|forcing|leading|causing|pushing))\s+((the|a|an)\s+)?$"
)
# Between two listed subjects: "Seoul and Washington", "Britain, France and Germany".
LIST_SEPARATOR = r"^(\s*,\s*|\s+and\s+|\s*,\s+and\s+)((the|The)\s+)?$"


def _tail(rules: dict) -> str:
    """After the last subject: a possessive or a noun of the state ("'s army", " government"), an
    aside in brackets, unnamed companions ("and four allies") and a time phrase, then the verb (captured)."""
    nouns = rule_alternatives(rules, "subject_nouns")
    companions = rule_alternatives(rules, "subject_companion_nouns")
    return (
        rf"^(['’]s)?(?P<noun>(\s+(?i:{nouns}))?)(\s+\([^)]*\))?"
        rf"(\s+and\s+([a-z]+|\d+)(\s+other)?\s+({companions}))?"
        r"(\s+(on|last|this|early|late|earlier)\s+[A-Z][a-z]+)?\s+(?P<verb>[a-z][a-z-]*)\b"
    )


def sentence_subjects(
    sentences: pl.DataFrame, smentions: pl.DataFrame, spoken: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """For sentences not in `spoken` [sid]: sources [sid, source_actor, source_speaker, rule] (a lone
    subject), the subject mention ids [sid, mid, co_subject, joint, a_start] and the subjects' claims
    [sid, country, a_start, several]: a subject is a party of the relations after its verb, and two or
    more are that relation's only parties (joint subjects)."""
    text = sentences.select(*KEY, "text")
    prev_end = pl.col("prev_end")
    gap = pl.col("text").str.slice(prev_end, (pl.col("r_start") - prev_end).clip(0))
    # "A spokesperson for China condemned": the post speaks for the state that follows it
    spokes = rule_alternatives(rules, "subject_spokesperson_titles")
    spoken_for = rf"^\s*(A|An|The)\s+({spokes})\s+for\s+((the|The)\s+)?$"
    opening = pl.col("text").str.slice(0, pl.col("r_start")).str.contains(f"{LEAD}|{spoken_for}")
    chain = (
        smentions.join(spoken.select(KEY).unique(), on=KEY, how="anti")
        .join(text, on=KEY, how="inner")
        .sort(*KEY, "r_start")
        # one window, not one per use: an eager frame evaluates a repeated expression each time
        .with_columns(prev_end=shift_in(pl.col("r_end"), KEY))
        .with_columns(
            linked=pl.when(prev_end.is_null()).then(opening).otherwise(gap.str.contains(LIST_SEPARATOR))
        )
        .drop("prev_end")
        .filter(pl.col("linked").cast(pl.Int8).cum_min().over(KEY) == 1)
    )
    verbs = subject_verbs(chain.filter(pl.col("r_start") == pl.col("r_start").max().over(KEY)), rules)
    # else an aside after one of them, up to its verb (monitor.stance_aside_subjects)
    asides = naming_asides(chain.join(verbs.select(KEY), on=KEY, how="anti"), smentions, rules)
    verbs = pl.concat(
        [verbs.with_columns(last=pl.lit(None, pl.Int64)), asides.select(*KEY, "mid", "a_start", "last")]
    )
    subjects = (
        chain.join(verbs.drop("mid"), on=KEY, how="inner")
        .filter(pl.col("last").is_null() | (pl.col("r_start") <= pl.col("last")))
        .with_columns(several=pl.col("country").n_unique().over(KEY) > 1)
    )
    # the actors an aside names describe the subject: no targets or parties of its verb
    described = aside_mentions(smentions, asides).select(
        *KEY, "mid", "a_start", co_subject=pl.lit(False), joint=pl.lit(False), described=pl.lit(True)
    )
    subject_ids = pl.concat(
        [
            subjects.select(
                *KEY, "mid", co_subject="several", joint="several", a_start="a_start", described=pl.lit(False)
            ),
            described,
        ],
        how="diagonal",
    )
    claims = subjects.select(*KEY, "country", "a_start", "several").unique()
    speaker = pl.col("actor_kind").is_in(SPEAKER_KINDS)
    # States listed together judge each other only by the relations they share (mutual facts), each the
    # actors outside the list ("Japan, Australia, France and Germany also issued statements expressing
    # concern over China's actions"): another mention of a listed state is no target.
    listed = (
        smentions.join(
            subjects.filter(pl.col("several")).select(*KEY, "country").unique(), on=[*KEY, "country"]
        )
        .join(subject_ids.select(*KEY, "mid"), on=[*KEY, "mid"], how="anti")
        .select(
            *KEY,
            "mid",
            co_subject=pl.lit(True),
            joint=pl.lit(False),
            a_start=pl.lit(None, pl.Int64),
            described=pl.lit(True),
        )
    )
    subject_ids = pl.concat([subject_ids, listed], how="diagonal")
    sources = (
        subjects.sort(*KEY, "r_start")
        .unique([*KEY, "country"], keep="first", maintain_order=True)
        .select(
            *KEY,
            source_actor="country",
            source_speaker=pl.when(speaker).then(pl.col("actor_id")),
            rule=pl.when(pl.col("several"))
            .then(pl.lit("list_subject"))
            .otherwise(pl.lit("sentence_subject")),
        )
    )
    inner = clause_subjects(smentions.join(text, on=KEY, how="inner"), rules)
    return sources, subject_ids, pl.concat([claims, inner]).unique([*KEY, "country", "a_start"])


def subject_verbs(mentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid, a_start]: mentions (with their sentence `text`) followed by a verb, at a_start. A
    demonym used as an adjective, or a possessive, names the subject only with a noun of the state
    after it ("Thai troops", "Thailand's army"), not in "Ukrainian port city", "Russia's war"."""
    after = pl.col("text").str.slice(pl.col("r_end"))
    surface = pl.col("text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    pattern = _tail(rules)
    not_a_verb = [str(word) for word in rules.get("not_a_verb", [])]
    adjective = pl.col("demonym") | surface.str.contains(ADJECTIVE_DEMONYM)
    needs_noun = ((pl.col("actor_kind") == "state") & adjective) | after.str.contains(r"^['’]s\s")
    return (
        mentions.with_columns(
            tail=after.str.extract_groups(pattern), matched=after.str.extract(f"({pattern})", 1)
        )
        .with_columns(verb=pl.col("tail").struct.field("verb"), noun=pl.col("tail").struct.field("noun"))
        .filter(pl.col("verb").is_not_null() & ~pl.col("verb").is_in(not_a_verb))
        .filter(~needs_noun | (pl.col("noun").fill_null("") != ""))
        .select(
            *KEY,
            "mid",
            a_start=pl.col("r_end") + pl.col("matched").str.len_chars() - pl.col("verb").str.len_chars(),
        )
    )


def clause_subjects(mentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """Claims [sid, country, a_start, several] of a subject opening a subordinate clause ("after
    Chinese coast guard vessels fired water cannons at two Philippine government ships"): a party of
    the relations after its verb in that clause, however far from them, but no speaker."""
    lead = pl.col("text").str.slice(0, pl.col("r_start")).str.contains(CLAUSE_LEAD)
    return (
        subject_verbs(mentions.filter(lead), rules)
        .join(mentions.select(*KEY, "mid", "country"), on=[*KEY, "mid"], how="inner")
        .select(*KEY, "country", "a_start", several=pl.lit(False))
    )


def acting_claims(chunk: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """Claims [sid, country, a_start, several] of a person or institution whose verb is a relation: like a
    state subject, a party of it ("Xi signed the treaty with Kazakhstan": a fact between China and
    Kazakhstan; not "Blinken said that Russia is providing ...")."""
    relation_verbs = hits.filter(pl.col("scope") == "relation").select(*KEY, a_start="m_start")
    return (
        chunk.filter(pl.col("is_source") & pl.col("actor_kind").is_in(SPEAKER_KINDS) & ~pl.col("joint"))
        .join(relation_verbs, on=[*KEY, "a_start"], how="semi")
        .select(*KEY, "country", "a_start", several=pl.lit(False))
    )
