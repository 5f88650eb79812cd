"""The publisher's own day for a metadata instant given in UTC.

A UTC instant near midnight falls on the day before or after the day the publisher printed: NBC's
"2025-06-22T03:10:00Z" is "June 21, 2025, 11:10 PM EDT" on its page. monitor.dates keeps the local day, so
where the page itself names a day one off the UTC one (in its URL, else in its own date line), that day is
the publisher's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import polars as pl

from monitor.date_patterns import DateVocabulary

UTC_INSTANT = r"(?i)\d[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]00:?00|UTC|GMT)$"

Reader = Callable[[pl.DataFrame, DateVocabulary], pl.DataFrame]


def local_days(
    metadata: pl.DataFrame, base: pl.DataFrame, vocab: DateVocabulary, readers: Sequence[Reader]
) -> pl.DataFrame:
    """metadata[article_id, day, evidence] with the day of a UTC instant replaced by the page's own where
    that is one day off. `readers` give [article_id, day, ...] from the pages (`base`), the first that finds
    a day deciding: the URL's, then the page's own date line. A page's day two or more days off, or the same
    day, leaves the metadata's."""
    utc = pl.col("evidence").str.contains(UTC_INSTANT)
    in_utc = metadata.filter(utc)
    if in_utc.is_empty():
        return metadata
    pages, found = base.join(in_utc.select("article_id"), on="article_id"), []
    for read in readers:  # each reads only the pages the readers before it left without a day
        found.append(read(pages, vocab).select("article_id", local_day="day").drop_nulls("local_day"))
        pages = pages.join(found[-1], on="article_id", how="anti")
    local = pl.concat(found)
    off_by_one = (pl.col("local_day") - pl.col("day")).dt.total_days().abs() == 1
    return (
        metadata.join(local, on="article_id", how="left", maintain_order="left")
        .with_columns(day=pl.when(utc & off_by_one).then(pl.col("local_day")).otherwise(pl.col("day")))
        .drop("local_day")
    )
