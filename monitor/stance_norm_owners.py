"""Actors named as the owner of a norm ("violate the rules of the World Trade Organization", "the
principles of the UN Charter"): the norm is what a cue judges, so its owner is no target. The follower
form ("WTO rules") is monitor.stance_cue_hits' non_target_followers."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def norm_owners(sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid] of mentions right after "<norm noun> of (the)", and of the owners of a violated good
    ("any violation of Lebanon's sovereignty", "actions that undermine Somali sovereignty"): the victim of
    the violation a cue judges, not who it judges."""
    nouns = rule_alternatives(rules, "norm_nouns")
    violations = rule_alternatives(rules, "violation_words")
    goods = rule_alternatives(rules, "violated_goods")
    lead = pl.col("text").str.slice(0, pl.col("r_start"))
    follow = pl.col("text").str.slice(pl.col("r_end"), 40)
    violated = lead.str.contains(rf"\b(?i:{violations})[\"”’']?\s+(of\s+)?(the\s+)?$") & follow.str.contains(
        rf"^(['’]s)?\s+(?i:{goods})\b"
    )
    return (
        smentions.select(*KEY, "mid", "r_start", "r_end")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(lead.str.contains(rf"\b(?i:{nouns})\s+of\s+(the\s+)?$") | violated)
        .select(*KEY, "mid")
    )
