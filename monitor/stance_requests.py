"""Requests of an actor ("asked Beijing to explain", "requests China to investigate"): the actor asked is the
one named between the verb and "to", not an actor of what it is asked to do ("asked India to cooperate with
Canada's investigation" is no demand of Canada), and asking a court to rule is a petition to it, no demand
against it ("Guyana asked the ICJ to halt the vote")."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY


def asked_only(
    statements: pl.DataFrame, cues: pl.DataFrame, smentions: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """The statements less those of a cue of the rules' request_cues whose target is not named inside the cue
    (between the verb and "to"), and less those of a class of court_petition_classes toward a court."""
    requests = [str(c) for c in rules.get("request_cues", [])]
    asked = (
        cues.filter(pl.col("cue").is_in(requests))
        .select(*KEY, "cue", "m_start", "m_end")
        .join(smentions.select(*KEY, target_actor="country", r_start="r_start", r_end="r_end"), on=KEY)
        .filter((pl.col("r_start") >= pl.col("m_start")) & (pl.col("r_end") <= pl.col("m_end")))
        .select(*KEY, "cue", "target_actor")
        .unique()
    )
    of_requests = statements.filter(pl.col("cue").is_in(requests))
    kept = pl.concat(
        [
            statements.filter(~pl.col("cue").is_in(requests)),
            of_requests.join(asked, on=[*KEY, "cue", "target_actor"], how="semi"),
        ]
    )
    petitions = pl.col("cue_class").is_in([str(c) for c in rules.get("court_petition_classes", [])])
    court = pl.col("target_actor").is_in([str(c) for c in rules.get("court_actors", [])])
    return kept.filter(~(petitions & court))
