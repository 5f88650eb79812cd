"""Material acts stated as fact: who they are done to when the text names the patient only as a place.
An attack "in Qatar", on bases "inside Pakistani territory" or at targets "in Iraq's Kurdistan region" is
an attack on that state, though the same state after "in" is no target of a judgement ("condemned the
strike in Damascus" judges the striker, not Syria). A diplomatic mission between the act and the place
belongs to the state that sent it ("a strike on its consulate in Damascus" is no attack on Syria). And an
agent described at length before its act is still its agent ("China Coast Guard personnel armed with axes,
knives and spears boarded Philippine Navy boats")."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor, statement_rows


def attacked_places(
    cues: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Parties [sid, cue_id, party, before=false] of the cues of the rules' directed_relation_classes: a state
    named right after a location preposition (location_prepositions) after the cue, inside its window
    (relation_window_after, cut at the next stance cue), is the territory the act was done to, unless one of
    the rules' diplomatic_premises stands between them."""
    directed = [str(c) for c in rules.get("directed_relation_classes", [])]
    premises = rule_alternatives(rules, "diplomatic_premises")
    between = pl.col("text").str.slice(pl.col("m_end"), pl.col("r_start") - pl.col("m_end"))
    places = (
        smentions.filter(pl.col("actor_kind") == "state")
        .select(*KEY, "country", "r_start", "r_end")
        .join(hits.filter(pl.col("is_place_prep")).select(*KEY, p_end="m_end"), on=KEY)
        .filter((pl.col("r_start") - pl.col("p_end")).is_between(0, 2))
        .select(*KEY, "country", "r_start", "r_end")
        .unique()
    )
    return (
        cues.filter(pl.col("cue_class").is_in(directed) & ~pl.col("negated"))
        .select(*KEY, "cue_id", "m_end", "w_hi")
        .join(places, on=KEY)
        .filter((pl.col("r_start") >= pl.col("m_end")) & (pl.col("r_end") <= pl.col("w_hi")))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(~between.str.contains(rf"(?i)\b({premises})\b"))
        .select(*KEY, "cue_id", party="country", before=pl.lit(False))
        .unique()
    )


def distant_agents(
    cues: pl.DataFrame,
    smentions: pl.DataFrame,
    hits: pl.DataFrame,
    sentences: pl.DataFrame,
    not_parties: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Parties [sid, cue_id, party, before=true] of directed_relation_classes cues with no actor in their
    window before them: the nearest actor before the window in the cue's clause, when no cue, speech verb or
    clause break stands between it and the act (`not_parties` [sid, mid]: speakers and non-actors), nor a
    relative clause said of something else ("Iran backing the Houthis, whose attacks on shipping": the
    Houthis attack; "Iran, whose attacks on" would be Iran's)."""
    directed = [str(c) for c in rules.get("directed_relation_classes", [])]
    acts = cues.filter(pl.col("cue_class").is_in(directed) & ~pl.col("negated")).select(
        *KEY, "cue_id", "m_start", "w_lo", "clause_start"
    )
    actors = smentions.join(not_parties, on=[*KEY, "mid"], how="anti").select(
        *KEY, "country", "r_start", "r_end"
    )
    before = acts.join(actors, on=KEY).filter(
        (pl.col("r_end") <= pl.col("m_start")) & (pl.col("r_start") >= pl.col("clause_start").fill_null(0))
    )
    windowed = before.filter(pl.col("r_start") >= pl.col("w_lo")).select("cue_id").unique()
    nearest = before.join(windowed, on="cue_id", how="anti").filter(
        pl.col("r_start") == pl.col("r_start").max().over("cue_id")
    )
    blockers = hits.filter(pl.col("is_cue") | pl.col("is_verb") | pl.col("is_clause_break")).select(
        *KEY, b_start="m_start"
    )
    blocked = (
        nearest.join(blockers, on=KEY)
        .filter((pl.col("b_start") >= pl.col("r_end")) & (pl.col("b_start") < pl.col("m_start")))
        .select("cue_id")
        .unique()
    )
    relative = rf",\s+({rule_alternatives(rules, 'relative_openings')})\s"
    between = pl.col("text").str.slice(pl.col("r_end"), (pl.col("m_start") - pl.col("r_end")).clip(0))
    foreign = between.str.contains(relative) & ~between.str.contains(rf"^\s*{relative}")
    return (
        nearest.join(blocked, on="cue_id", how="anti")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(~foreign)
        .select(*KEY, "cue_id", party="country", before=pl.lit(True))
        .unique()
    )


def act_parties(
    cues: pl.DataFrame,
    smentions: pl.DataFrame,
    hits: pl.DataFrame,
    sentences: pl.DataFrame,
    not_parties: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """The parties of material acts that their window misses: attacked places and distant agents."""
    return pl.concat(
        [
            attacked_places(cues, smentions, hits, sentences, rules),
            distant_agents(cues, smentions, hits, sentences, not_parties, rules),
        ]
    )


def possessive_acts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, excluded: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Statements of an act named as the noun of its agent, a fact whoever reports it: "Algeria's expulsion of
    12 French embassy staff", "China's ban on Japanese seafood imports" -> the holder toward the actors after
    the cue in its window (cut at the next stance cue). The cue (possessive_act_classes) starts right after
    the "'s" or one word later; `excluded` [sid, mid] (places, documents) are no patients."""
    classes = [str(c) for c in rules.get("possessive_act_classes", [])]
    acts = cues.filter(pl.col("cue_class").is_in(classes)).select(
        *KEY, "cue_id", "m_start", "w_hi", "cue", "cue_class", "polarity", "negated"
    )
    lead = pl.col("text").str.slice(pl.col("r_end"), (pl.col("m_start") - pl.col("r_end")).clip(0, 40))
    holders = (
        smentions.join(sentences.select(*KEY, "text"), on=KEY)
        .join(acts, on=KEY)
        .filter((pl.col("r_end") < pl.col("m_start")) & lead.str.contains(r"^['’]s\s+([a-z-]+\s+)?$"))
        .select(*KEY, "cue_id", source_actor="country")
    )
    patients = (
        smentions.join(excluded, on=[*KEY, "mid"], how="anti")
        .join(acts, on=KEY)
        .filter((pl.col("r_start") > pl.col("m_start")) & (pl.col("r_end") <= pl.col("w_hi")))
        .select("cue_id", target_actor="country", distance=pl.col("r_start") - pl.col("m_start"))
    )
    return (
        holders.join(patients, on="cue_id")
        .join(acts.drop(KEY), on="cue_id")
        .filter(pl.col("source_actor") != pl.col("target_actor"))
        .sort(*KEY, "source_actor", "target_actor", "distance")
        .unique([*KEY, "source_actor", "target_actor"], keep="first", maintain_order=True)
        .pipe(statement_rows, rule="possessive_act", mutual=True, factor=negation_factor(rules), speaker=None)
    )
