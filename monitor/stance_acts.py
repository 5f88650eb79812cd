"""Material acts stated as fact: who they are done to when the text names the patient only as a place.
An attack "in Qatar", on bases "inside Pakistani territory" or at targets "in Iraq's Kurdistan region" is
an attack on that state, though the same state after "in" is no target of a judgement ("condemned the
strike in Damascus" judges the striker, not Syria). A diplomatic mission between the act and the place
belongs to the state that sent it ("a strike on its consulate in Damascus" is no attack on Syria)."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


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
