"""An opening subject described by an aside before its verb: "Tanzania, which shares Mozambique's northern
border, signed an agreement with Maputo", "Egypt, a close ally of the Sudanese army, said", "Mali and Burkina
Faso, both also ruled by juntas, have backed". The subject acts or speaks after the aside; the actors the
aside names only describe the subject and are no targets of what it says or does after it."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives

# A name with "'s" opens an apposition too ("The United Kingdom, Guyana's former colonial ruler, also said").
POSSESSOR = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}['’]s"
# Inside the aside: no clause break, no quote, no bracket; a comma only in a number ("about 1,000 troops").
ASIDE_TEXT = r"(?:[^,;:\"“”()]|,\d)"


def aside_pattern(rules: dict) -> str:
    """After the last subject: the aside (captured), then maybe adverbs, then the verb (captured)."""
    openers = rule_alternatives(rules, "aside_subject_openers")
    return (
        rf"^(?P<aside>,\s+(?:(?i:{openers})\s|{POSSESSOR}\s){ASIDE_TEXT}{{1,160}}?,)"
        r"\s+(?P<verb>[a-z][a-z-]*)\b"
    )


def aside_verbs(mentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid, a_start, aside_start, aside_end] of mentions (with their sentence `text`) followed by an
    aside and a verb at a_start. A speech verb counts here: the speech rules link no state across an aside
    that names another actor (monitor.stance_gaps)."""
    not_a_verb = [str(w) for w in rules.get("not_a_verb", []) if str(w) not in ("said", "says", "told")]
    after = pl.col("text").str.slice(pl.col("r_end"))
    pattern = aside_pattern(rules)
    passive = rf"^(?:{rule_alternatives(rules, 'aside_subject_passive')})\s+[a-z]+(?:ed|en|wn)\s+by\b"
    found = after.str.extract_groups(pattern)
    aside = pl.col("found").struct.field("aside")
    verb = pl.col("found").struct.field("verb")
    return (
        mentions.with_columns(found=found, matched=after.str.extract(f"({pattern})", 1))
        .filter(verb.is_not_null() & ~verb.is_in(not_a_verb))
        .filter(
            ~after.str.slice(pl.col("matched").str.len_chars() - verb.str.len_chars()).str.contains(passive)
        )
        .select(
            *KEY,
            "mid",
            a_start=pl.col("r_end") + pl.col("matched").str.len_chars() - verb.str.len_chars(),
            aside_start=pl.col("r_end"),
            aside_end=pl.col("r_end") + aside.str.len_chars(),
        )
    )


def naming_asides(chain: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """aside_verbs of the first subject of each `chain` [sid, mid, r_start, text] (the subjects a sentence
    opens with) whose aside names an actor, with `last`: that subject's start. An aside naming nobody is left
    to the speech rules: one holding a cue relates the subject to the actors the verb then names ("China,
    which has close ties with both countries, called on Islamabad and Tehran")."""
    asides = (
        aside_verbs(chain, rules)
        .join(chain.select(*KEY, "mid", last="r_start"), on=[*KEY, "mid"])
        .sort(*KEY, "last")
        .unique(KEY, keep="first", maintain_order=True)
    )
    return asides.join(aside_mentions(smentions, asides).select(KEY).unique(), on=KEY, how="semi")


def aside_mentions(smentions: pl.DataFrame, verbs: pl.DataFrame) -> pl.DataFrame:
    """[sid, mid, a_start] of the mentions inside the asides of `verbs` [sid, a_start, aside_start,
    aside_end] (a_start: the subject's verb after the aside), and of the other mentions of their states in
    the sentence: the aside, not the verb, relates the subject to them."""
    spans = verbs.select(*KEY, "a_start", "aside_start", "aside_end").unique()
    inside = (
        smentions.join(spans, on=KEY)
        .filter((pl.col("r_start") >= pl.col("aside_start")) & (pl.col("r_end") <= pl.col("aside_end")))
        .select(*KEY, "country", "a_start")
        .unique()
    )
    return smentions.join(inside, on=[*KEY, "country"]).select(*KEY, "mid", "a_start").unique()


def outside_asides(
    parties: pl.DataFrame, subject_ids: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame
) -> pl.DataFrame:
    """`parties` [cue_id, party, ...] less the actors an aside names as parties of a relation from the
    subject's verb on ("Pakistan, which fought a conflict with India, has provided support to Saudi Arabia":
    India is no party of "provided")."""
    described = subject_ids.filter(pl.col("described")).join(
        smentions.select(*KEY, "mid", party="country"), on=[*KEY, "mid"]
    )
    # a state named again after the verb stays a party ("... Mozambique's border, signed a pact with Maputo")
    again = (
        smentions.join(described.select(*KEY, "a_start").unique(), on=KEY)
        .filter(pl.col("r_start") >= pl.col("a_start"))
        .select(*KEY, party="country")
    )
    late = (
        described.join(again, on=[*KEY, "party"], how="anti")
        .join(cues.select(*KEY, "cue_id", "m_start"), on=KEY)
        .filter(pl.col("m_start") >= pl.col("a_start"))
        .select("cue_id", "party")
    )
    return parties.join(late, on=["cue_id", "party"], how="anti")


def aside_named(subject_ids: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """[sid, mid] of the mentions an aside names before its subject's verb ("The United States, which has
    its own compacts with Palau, welcomed the treaty"): the sentence names Palau only to describe the
    subject."""
    return (
        subject_ids.filter(pl.col("described"))
        .join(smentions.select(*KEY, "mid", "r_start"), on=[*KEY, "mid"])
        .filter(pl.col("r_start") < pl.col("a_start"))
        .select(*KEY, "mid")
        .unique()
    )
