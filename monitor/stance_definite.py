"""A definite description as the subject ("The embassy rejected the accusation", "The president said",
"HE the Prime Minister thanked"): it names an official or institution introduced earlier in the article with
its state ("Wellington lodged a complaint with the Chinese embassy", "President Sisi stressed"). The latest
such antecedent speaks; without one, the state that spoke last, else the state the article names most, else
the country whose press wrote the copy."""

from __future__ import annotations

import polars as pl

from monitor.stance_gaps import PARTICIPLE
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_subjects import DATELINE

# a dateline before a sentence's own words ("ISLAMABAD: ", "SEOUL, Oct. 31 (Yonhap) -- ")
DATELINE_OPENING = rf"^(\s*\p{{Lu}}[\p{{Lu}} .'-]+:\s*|{DATELINE})"
# Officials and institutions may fall back on a state; groups ("the leaders", "the bloc") speak only through
# an antecedent.
DEFINITE_KEYS = ("definite_subjects", "definite_group_subjects")


def definite_pattern(rules: dict, keys: tuple[str, ...] = ("definite_subjects",)) -> str:
    """The text before a verb that opens with a definite description (its noun captured as `noun`): a
    determiner and a noun of the rules, maybe a name ("Its spokesman Zabihullah Mujahid") or an aside
    ("its spokeswoman, Lt Gen Maly Socheata,") and up to two lowercase words or weekday phrases ("also has",
    "had on Tuesday night")."""
    determiners = rule_alternatives(rules, "definite_subject_determiners")
    nouns = "|".join(rule_alternatives(rules, key) for key in keys)
    return (
        rf"(?:^|[\s,;\"“”])(?P<det>(?i:{determiners}))\s+(?P<noun>(?i:{nouns}))(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{0,4}}"
        rf"(?:\s*,[^,;\"“”]{{1,40}},)?(?:\s+(?:[a-z]+|(?:on\s+)?\p{{Lu}}\p{{Ll}}+day(?:\s+[a-z]+)?)){{0,2}}\s+$"
    )


def definite_antecedents(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, own: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sources [sid, source_actor, titled, source_speaker, rule] of sentences without a speaker of their own
    (not in `own` [sid, source_actor]) whose first verb follows a definite description (titled: its noun is an
    official's title of speaker_titles), and the ids [sid] of such sentences. The source is the state of
    the latest mention, in the definite_antecedent_sentences before, written next to the same noun ("Chinese
    embassy", "China's foreign ministry", "Prime Minister Anthony Albanese", "ASEAN leaders") or ending with
    it (the institution "European Commission"); for "its" the state or institution the latest sentence naming
    one opens with; for a noun of definite_organisation_nouns ("the bloc") also the latest organisation; a
    group ("the leaders") needs an organisation. An official or institution without an antecedent speaks for
    the state that spoke last (pronoun_carryover_sentences), never for an organisation (a ministry belongs to
    a state), else for the state named most so far, else (nothing named before it) for the copy's
    home_country. The ids leave out groups without an antecedent: a list of states may stand for them."""
    lookback = int(rules.get("definite_antecedent_sentences", 8))
    openings = rule_alternatives(rules, "it_subject_openings")
    lead = pl.col("text").str.slice(0, pl.col("m_start"))
    subjects = (
        hits.filter(pl.col("is_verb"))
        .join(own.select(KEY).unique(), on=KEY, how="anti")
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY)
        .sort(*KEY, "m_start")
        .unique(KEY, keep="first", maintain_order=True)
        .with_columns(found=lead.str.extract_groups(definite_pattern(rules, DEFINITE_KEYS)))
        .with_columns(
            noun=pl.col("found").struct.field("noun").str.to_lowercase(),
            owned=pl.col("found").struct.field("det").str.to_lowercase() == "its",
            # the description opens the sentence: before its verb nothing set off by a comma or a quote but an
            # opening phrase ("Speaking at a press conference in Doha, HE the Prime Minister said")
            opens=lead.str.replace(DATELINE_OPENING, "").str.contains(
                rf"^(((?:{openings})\b|(?i:{PARTICIPLE}))[^,;\"“”]{{0,120}},\s+)?[^,;\"“”]*$"
            ),
        )
        .filter(pl.col("noun").is_not_null())
        .with_columns(
            collective=pl.col("noun").is_in([str(n) for n in rules.get("definite_organisation_nouns", [])]),
            group=pl.col("noun").is_in([str(n) for n in rules.get("definite_group_subjects", [])]),
        )
        .select(*KEY, "article_id", "sentence_no", "noun", "owned", "collective", "group", "opens")
    )
    earlier = smentions.join(sentences.select(*KEY, "article_id", e_no="sentence_no", e_text="text"), on=KEY)
    before = pl.col("e_text").str.slice(0, pl.col("r_start")).str.to_lowercase()
    after = pl.col("e_text").str.slice(pl.col("r_end")).str.to_lowercase()
    surface = pl.col("e_text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    noun = pl.col("noun")
    # a word may stand between the state and the noun: "Egyptian foreign ministry", "China's foreign ministry"
    named = (
        before.str.ends_with(noun + " ")
        | after.str.contains(pl.concat_str(pl.lit(r"^(['’]s)?(\s+[a-z]+)?\s+"), noun, pl.lit(r"\b")))
        | surface.str.to_lowercase().str.ends_with(noun)
    )
    thing = pl.col("actor_kind") != "person"
    owner = pl.col("owned") & thing & (pl.col("e_no") == pl.col("e_no").filter(thing).max().over(KEY))
    organisation = pl.col("actor_kind") == "organisation"
    member_of = pl.col("collective") & organisation
    window = (pl.col("e_no") < pl.col("sentence_no")) & (pl.col("e_no") >= pl.col("sentence_no") - lookback)
    found = (
        subjects.join(earlier.drop(KEY), on="article_id")
        .filter(window)
        # polars compiles the pattern of `named` once per run of equal nouns
        .sort("noun")
        .filter((named & (~pl.col("group") | organisation)) | owner | member_of)
        .with_columns(rank=pl.when(owner).then(-pl.col("r_start")).otherwise(pl.col("r_start")))
        .sort(*KEY, "e_no", "rank", "country", descending=[False, True, True, False])
        .unique(KEY, keep="first", maintain_order=True)
        .select(*KEY, source_actor="country")
    )
    states = smentions.filter(pl.col("actor_kind") == "state").select(source_actor="country").unique()
    recent = int(rules.get("pronoun_carryover_sentences", 3))
    spoke = own.join(states, on="source_actor").join(
        sentences.select(*KEY, "article_id", o_no="sentence_no"), on=KEY
    )
    # an office only a state's own press names bare ("the Foreign Office" in Dawn, "the Presidential Office"
    # in the Taipei Times) never speaks for the state that spoke last: that may be a foreign one
    bare_office = pl.col("noun").is_in([str(n) for n in rules.get("definite_named_only", [])])
    unsure = pl.col("group") | bare_office
    last_state = (
        subjects.filter(~unsure)
        .join(found.select(KEY), on=KEY, how="anti")
        .join(spoke.drop(KEY), on="article_id")
        .filter((pl.col("o_no") < pl.col("sentence_no")) & (pl.col("o_no") >= pl.col("sentence_no") - recent))
        .sort(*KEY, "o_no", "source_actor", descending=[False, True, False])
        .unique(KEY, keep="first", maintain_order=True)
        .select(*KEY, "source_actor")
    )
    # else the state the article has named most so far: "the president" of the story's state
    salient = (
        subjects.filter(~unsure)
        .join(pl.concat([found.select(KEY), last_state.select(KEY)]), on=KEY, how="anti")
        .join(earlier.filter(pl.col("actor_kind") == "state").drop(KEY), on="article_id")
        .filter(pl.col("e_no") < pl.col("sentence_no"))
        .group_by(*KEY, "country")
        .agg(n=pl.len(), latest=pl.col("e_no").max())
        .sort(*KEY, "n", "latest", "country", descending=[False, True, True, False])
        .unique(KEY, keep="first", maintain_order=True)
        .select(*KEY, source_actor="country")
    )
    # an office named bare with no antecedent is of the country whose press wrote the copy (home_country, as
    # the pipeline knows it from the outlet or wire), and so is any official or institution a sentence opens
    # with before the article names a state ("The Foreign Ministry on Thursday lodged a protest with
    # Cambodia"; not "..., a spokesman said": the spokesman of the state the sentence opened with, maybe)
    homes = (
        subjects.filter(bare_office | (~pl.col("group") & pl.col("opens")))
        .join(pl.concat([found.select(KEY), last_state.select(KEY), salient.select(KEY)]), on=KEY, how="anti")
        .join(sentences.select(*KEY, source_actor="home_country"), on=KEY)
        .filter(pl.col("source_actor").is_not_null())
        .select(*KEY, "source_actor")
        if "home_country" in sentences.columns
        else found.head(0)
    )
    # an official's title ("the Prime Minister") is a person a later "he" may stand for
    titles = [str(t) for t in rules.get("speaker_titles", [])]
    sources = (
        pl.concat([found, homes, last_state, salient])
        .join(subjects.select(*KEY, titled=pl.col("noun").is_in(titles)), on=KEY, how="left")
        .select(
            *KEY,
            "source_actor",
            "titled",
            source_speaker=pl.lit(None, pl.String),
            rule=pl.lit("definite_antecedent"),
        )
    )
    # a group without an antecedent ("The leaders" of a summit) is left to monitor.stance_group_subjects
    described = pl.concat([subjects.filter(~pl.col("group")).select(KEY), found.select(KEY)]).unique()
    return sources, described
