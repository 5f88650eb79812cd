"""Newspaper titles are no actors: "reported by The North Korea Times", "the Bangkok Post said", "according
to The Times of India". A place name set in a masthead (a masthead word right after it, or "Times of" right
before it; seeds/actors/mastheads.csv) names a publication, whose words are not its state's stance. State
news agencies that speak for their state (KCNA, Xinhua) are institutions in the dictionary, not mastheads.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

POSITIONS = {"after", "before"}


def load_mastheads(path: Path | str) -> pl.DataFrame:
    """[masthead, position] of the curated list; a position other than after/before is refused."""
    mastheads = pl.read_csv(path, infer_schema_length=0).select("masthead", "position")
    unknown = set(mastheads["position"].unique()) - POSITIONS
    if unknown or mastheads["masthead"].is_null().any():
        raise ValueError(f"{path}: every row needs a masthead and a position in {sorted(POSITIONS)}")
    return mastheads


def _alternatives(mastheads: pl.DataFrame, position: str) -> str:
    words = mastheads.filter(pl.col("position") == position)["masthead"].to_list()
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "$^"


def outside_mastheads(mentions: pl.DataFrame, bodies: pl.Series, mastheads: pl.DataFrame) -> pl.DataFrame:
    """The mentions [article_id (row of `bodies`), start, end, ...] not set in a masthead."""
    body = pl.lit(bodies).gather(pl.col("article_id"))
    # a word or two of the title may follow the place: "The North Korea Times" matches "The North"
    title_words = r"( [A-Z][a-z]+){0,2}"
    after = body.str.slice(pl.col("end"), 40).str.contains(
        rf"^{title_words} ({_alternatives(mastheads, 'after')})\b"
    )
    reach = (pl.col("start") - 12).clip(0)
    before = body.str.slice(reach, pl.col("start") - reach)
    preceded = before.str.contains(rf"\b({_alternatives(mastheads, 'before')}) $")
    return mentions.filter(~(after | preceded))
