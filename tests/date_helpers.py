"""Publication dates resolved for one hand-written page: the frame resolve_published_dates reads."""

from datetime import UTC, datetime

import polars as pl

from monitor.dates import resolve_published_dates

INGESTED = datetime(2023, 11, 22, 12, 0, tzinfo=UTC)
NAV = "Home\nWorld\nPolitics\nBusiness\nSports\nOpinion\nVideo\nSearch\n"
LATE = datetime(2025, 1, 5, 12, 0, tzinfo=UTC)
BODY = "The United States voiced concern over military cooperation between Russia and North Korea.\n"


def resolve(text="", url=None, published=None, ingested_at=INGESTED, vocab=None) -> dict:
    frame = pl.DataFrame(
        {
            "article_id": ["a"],
            "published": [published],
            "url": [url],
            "text": [text],
            "ingested_at": [ingested_at],
        },
        schema={
            "article_id": pl.String,
            "published": pl.String,
            "url": pl.String,
            "text": pl.String,
            "ingested_at": pl.Datetime("us", "UTC"),
        },
    )
    return resolve_published_dates(frame, vocab).row(0, named=True)
