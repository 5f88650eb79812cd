"""A capital that names where something was agreed or held is no actor: "at the Vilnius summit", "the Minsk
agreements", "the Astana process", "the G20 summit in New Delhi". The capital stands for its government only
when it acts; set before an event noun (seeds/actors/venue_events.csv), with at most one word between
("the Doha peace talks", "the Vilnius NATO summit"), or after "summit in" or "summit at", it is a venue,
and its state may be no party at all. ("Talks in Ankara" stay: the host of talks is often their broker.)
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

# the one word allowed between the capital and the event: a name or a kind of event, not a verb ("held talks")
_BETWEEN = r"(?:(?:peace|security|climate|trade|ceasefire|\p{Lu}[\p{L}\d-]*)[ \t]+)?"


def load_venue_events(path: Path | str) -> pl.DataFrame:
    """[event] of the curated list (lower case; matched case-insensitively)."""
    events = pl.read_csv(path, infer_schema_length=0).select("event")
    if events["event"].is_null().any():
        raise ValueError(f"{path}: every row needs an event noun")
    return events.with_columns(pl.col("event").str.to_lowercase())


def outside_venues(mentions: pl.DataFrame, bodies: pl.Series, events: pl.DataFrame) -> pl.DataFrame:
    """The mentions [article_id (row of `bodies`), start, end, rule, ...] but capitals set before an event
    noun or after "summit in/at"."""
    nouns = "|".join(re.escape(e) for e in sorted(events["event"].to_list(), key=len, reverse=True))
    if not nouns:
        return mentions
    # only capitals can be venues: the text around the other mentions is never sliced
    is_capital = pl.col("rule") == "capital"
    body = pl.lit(bodies).gather(pl.col("article_id"))
    after = body.str.slice(pl.col("end"), 48)
    reach = (pl.col("start") - 24).clip(0)
    before = body.str.slice(reach, pl.col("start") - reach)
    venue = after.str.contains(rf"^[ \t]+{_BETWEEN}(?i:{nouns})\b") | before.str.contains(
        r"\b(?i:summits?)[ \t]+(?:in|at)[ \t]+$"
    )
    return pl.concat([mentions.filter(~is_capital), mentions.filter(is_capital).filter(~venue)])
