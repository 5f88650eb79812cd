"""Relation cues (cooperation, a deal, a summit): which actors are their parties, and the mutual
statements of parties whose relation the text reports as fact."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_rows import statement_rows
from monitor.stance_subjects import LIST_SEPARATOR

MUTUAL_FACT = "mutual_fact"


def relation_parties(
    cues: pl.DataFrame,
    listed: pl.DataFrame,
    excluded: pl.DataFrame,
    late_subjects: pl.DataFrame,
    agents: pl.DataFrame,
) -> pl.DataFrame:
    """States/organisations mentioned inside each relation cue's window, or listed on past its end with one
    that is ("with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan"; `listed` is
    listed_runs' frame), less `excluded` mentions and the speaking subject when it comes after the cue
    ('... cooperation with Russia, Miller said'). `before` marks who acts: named before the cue, or one of the
    `agents` [sid, mid] named after "by"."""
    relations = cues.filter(pl.col("scope") == "relation")
    candidates = (
        listed.join(excluded, on=[*KEY, "mid"], how="anti")
        .join(late_subjects.select(*KEY, "mid", late=pl.lit(True)), on=[*KEY, "mid"], how="left")
        .join(agents.select(*KEY, "mid", agent=pl.lit(True)), on=[*KEY, "mid"], how="left")
    )
    return (
        relations.select(*KEY, "cue_id", "m_start", "m_end", "w_lo", "w_hi")
        .join(
            candidates.select(*KEY, "country", "r_start", "r_end", "run_start", "late", "agent"),
            on=KEY,
            how="inner",
        )
        .filter(pl.col("r_start") >= pl.col("w_lo"))
        .filter((pl.col("r_end") <= pl.col("w_hi")) | (pl.col("run_start") <= pl.col("w_hi")))
        .filter(pl.col("late").is_null() | (pl.col("r_end") <= pl.col("m_start")))
        .select(
            *KEY,
            "cue_id",
            party="country",
            before=(pl.col("r_end") <= pl.col("m_start")) | pl.col("agent").fill_null(False),
            inside=(pl.col("r_start") >= pl.col("m_start")) & (pl.col("r_end") <= pl.col("m_end")),
        )
        .unique()
    )


def listed_runs(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """The mentions of the sentences with a relation cue (a small share of them: lists are looked for only
    there), with `run_start`: where the list a mention stands in begins, for a mention joined to the one
    before by a comma or "and" (null for the first of a list or a mention on its own)."""
    cued = cues.filter(pl.col("scope") == "relation").select(KEY).unique()
    prev_end = pl.col("r_end").shift(1).over(KEY)
    gap = pl.col("text").str.slice(prev_end, (pl.col("r_start") - prev_end).clip(0))
    linked = prev_end.is_not_null() & gap.str.contains(LIST_SEPARATOR)
    return (
        smentions.join(cued, on=KEY, how="semi")
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .sort(*KEY, "r_start")
        .with_columns(linked=linked)
        .with_columns(run=(~pl.col("linked")).cast(pl.Int32).cum_sum().over(KEY))
        .with_columns(run_start=pl.when(pl.col("linked")).then(pl.col("r_start").min().over(*KEY, "run")))
        .drop("text", "linked", "run")
    )


def joint_parties(cues: pl.DataFrame, joint: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """States named together as the subject ("The Philippines and Japan on Monday signed a pact",
    "both leaders pledged") are the parties of the relation cues from their verb on, however far
    they stand, up to a stance cue; those cues take no other parties from their window (what
    follows is a topic or a place). A relation that names its own parties ("the cooperation between
    Seoul, Tokyo and Washington") is not theirs, nor is one after a clause break with its own subject
    ("which Moscow and Minsk say are purely defensive, come days after Polish forces shot down")."""
    return (
        cues.filter((pl.col("scope") == "relation") & ~pl.col("named_parties"))
        .select(*KEY, "cue_id", "m_start", "prev_stance_end")
        .join(joint, on=KEY, how="inner")
        .join(_clause_ends(joint, hits), on=[*KEY, "a_start"], how="left")
        .filter(
            (pl.col("m_start") >= pl.col("a_start"))
            & (pl.col("prev_stance_end").is_null() | (pl.col("prev_stance_end") <= pl.col("a_start")))
            & (pl.col("clause_end").is_null() | (pl.col("m_start") < pl.col("clause_end")))
        )
        .select(*KEY, "cue_id", party="country", before=pl.lit(True))
        .unique()
    )


def subject_parties(cues: pl.DataFrame, subjects: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """A lone subject is a party of the relation cues after its verb up to a stance cue or a clause
    break, besides the actors in their window ("Russia launched a new wave of drone attacks on the
    Ukrainian port city"; not "..., a day after Muizzu returned from a state visit to China"). "and
    has", "but" go on with the same subject. A relation that names its own parties ("called the
    trilateral security cooperation between Seoul, Tokyo and Washington") is not the subject's."""
    return (
        cues.filter((pl.col("scope") == "relation") & ~pl.col("named_parties"))
        .select(*KEY, "cue_id", "m_start", "prev_stance_end")
        .join(subjects, on=KEY, how="inner")
        .join(_clause_ends(subjects, hits), on=[*KEY, "a_start"], how="left")
        .filter(
            (pl.col("m_start") >= pl.col("a_start"))
            & (pl.col("prev_stance_end").is_null() | (pl.col("prev_stance_end") <= pl.col("a_start")))
            & (pl.col("clause_end").is_null() | (pl.col("m_start") < pl.col("clause_end")))
        )
        .select(*KEY, "cue_id", party="country", before=pl.lit(True))
        .unique()
    )


def _clause_ends(subjects: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """[sid, a_start, clause_end]: the first subordinate clause break after each subject's verb ("and has",
    "but" go on with the same subject)."""
    same_subject = pl.col("phrase").str.contains(r"^(and|but)\b")
    subordinate = hits.filter(pl.col("is_clause_break") & ~same_subject)
    return (
        subjects.select(*KEY, "a_start")
        .unique()
        .join(subordinate.select(*KEY, "m_start"), on=KEY, how="inner")
        .filter(pl.col("m_start") > pl.col("a_start"))
        .group_by(*KEY, "a_start")
        .agg(clause_end=pl.col("m_start").min())
    )


def with_joint(parties: pl.DataFrame, joint: pl.DataFrame) -> pl.DataFrame:
    return pl.concat(
        [parties.join(joint.select("cue_id").unique(), on="cue_id", how="anti"), joint], how="diagonal"
    )


def mutual_statements(cues: pl.DataFrame, parties: pl.DataFrame, directed: list[str]) -> pl.DataFrame:
    """Cooperation reported as fact between two actors: both directions, mutual=true; a relation of a
    `directed` class (an attack) only from the parties before the cue to those after it, and it outweighs
    other relations of the pair ("fired water cannons at a Philippine supply boat"). Strained relations
    say neither who is hostile nor that the pair cooperates: no fact. Two parties both named after the cue
    are no pair unless joined as its subjects (joint_objects) or one is named inside
    a gapped cue ("recognized a Palestinian state together with Spain"): "both of which have close ties with
    New Delhi and Islamabad" is no India-Pakistan tie."""
    facts = cues.filter((pl.col("scope") == "relation") & ~pl.col("negated") & ~pl.col("strained")).join(
        parties.drop(KEY).with_columns(pl.col("inside").fill_null(False)), on="cue_id"
    )
    one_way = pl.col("cue_class").is_in(directed) | pl.col("intent")
    return (
        facts.join(
            facts.select("cue_id", other="party", other_before="before", other_inside="inside"), on="cue_id"
        )
        .filter(pl.col("party") != pl.col("other"))
        .filter(~one_way | (pl.col("before") & ~pl.col("other_before")))
        .filter(
            one_way
            | pl.col("before")
            | pl.col("other_before")
            | pl.col("joint_after")
            | pl.col("inside")
            | pl.col("other_inside")
        )
        .with_columns(attack=pl.col("cue_class").is_in(directed))
        .sort(
            *KEY,
            "party",
            "other",
            "attack",
            "polarity",
            "m_start",
            descending=[*(False for _ in KEY), False, False, True, True, False],
        )
        .unique([*KEY, "party", "other"], keep="first", maintain_order=True)
        .pipe(
            statement_rows,
            source="party",
            target="other",
            rule=MUTUAL_FACT,
            mutual=True,
            factor=1.0,
            speaker=None,
        )
    )


def relation_objects(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """[sid, cue_id, party, before]: the object of a relation cue, inside a gapped cue ("recognize a
    Palestinian state") or right after "with"/"to" ("reaffirmed their ties with Taipei"): a party beside
    the joint subjects that claim the cue."""
    gap = pl.col("text").str.slice(pl.col("m_end"), (pl.col("r_start") - pl.col("m_end")).clip(0, 12))
    inside = (pl.col("r_start") >= pl.col("m_start")) & (pl.col("r_end") <= pl.col("m_end"))
    after = (pl.col("r_start") >= pl.col("m_end")) & (pl.col("r_start") - pl.col("m_end") <= 12)
    return (
        cues.filter(pl.col("scope") == "relation")
        .select(*KEY, "cue_id", "m_start", "m_end")
        .join(smentions.select(*KEY, "country", "r_start", "r_end"), on=KEY, how="inner")
        .filter(inside | after)
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(inside | gap.str.contains(r"^\s+(with|to)\s+(the\s+)?$"))
        .select(*KEY, "cue_id", party="country", before=pl.lit(False), inside=inside)
        .unique()
    )


# what stands between a relation cue and objects it takes: "with", "to the", "with the presidents of", and
# the listed names before the last two ("with Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan")
OBJECT_LEAD = (
    r"^\s+(\w+\s+)?(with|to)\s+(the\s+)?((\w+\s+){1,2}of\s+(the\s+)?)?"
    r"(\p{Lu}[\w'’.-]*(\s+\p{Lu}[\w'’.-]*)*,\s+(the\s+)?)*$"
)


def joint_objects(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Cues with `joint_after`: two actors joined by "and" follow the cue, not as its objects after
    "with"/"to" ("... and that Japan and the Philippines would soon sign"): the pair may be the relation's
    parties though named after it, unlike "close ties with New Delhi and Islamabad" or "the visit comes a
    week before Peters travels to Washington" (mutual_statements)."""
    text = sentences.select(*KEY, "text")
    first = smentions.select(*KEY, a_start="r_start", a_end="r_end")
    second = smentions.select(*KEY, b_start="r_start")
    pairs = (
        first.join(second, on=KEY)
        .filter(pl.col("b_start") > pl.col("a_end"))
        .join(text, on=KEY)
        .filter(
            pl.col("text")
            .str.slice(pl.col("a_end"), pl.col("b_start") - pl.col("a_end"))
            .str.contains(r"^\s+and\s+(the\s+)?$")
        )
        .select(*KEY, "a_start")
    )
    lead = pl.col("text").str.slice(pl.col("m_end"), pl.col("a_start") - pl.col("m_end"))
    joint = (
        cues.select(*KEY, "cue_id", "m_end")
        .join(pairs, on=KEY)
        .filter(pl.col("a_start") >= pl.col("m_end"))
        .join(text, on=KEY)
        .filter(~lead.str.contains(OBJECT_LEAD))
        .select("cue_id")
        .unique()
    )
    return cues.with_columns(joint_after=pl.col("cue_id").is_in(joint["cue_id"].implode()))
