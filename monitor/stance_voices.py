"""Sentences whose subject is a voice that speaks for no state: "The opposition in Tuvalu has criticised the
agreement", "Chinese experts said", "Brazilian opposition lawmakers criticised". Their words are no stance of
the state the voice belongs to, nor are the relations they report facts the pipeline vouches for; the
statements of such sentences are dropped, whichever rule or model made them."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def non_state_voices(sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid] of sentences opening with at most `non_state_voice_lead_words` words and then one of the rules'
    non_state_voices (not "opposition to", "critics of": a stance or its object)."""
    voices = rule_alternatives(rules, "non_state_voices")
    lead = int(rules.get("non_state_voice_lead_words", 4))
    opening = rf"^(?:[\w'’-]+\s+){{0,{lead}}}(?i:{voices})\b"
    stance_noun = rf"^(?:[\w'’-]+\s+){{0,{lead}}}(?i:{voices})\s+(?:to|of)\b"
    text = pl.col("text")
    return sentences.filter(text.str.contains(opening) & ~text.str.contains(stance_noun)).select(KEY)
