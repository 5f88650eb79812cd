"""End to end on the shipped samples: cleaning, sentences, actor mentions, then stance statements."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from monitor import settings
from monitor.actors import find_mentions, load_actor_dictionary
from monitor.sentences import split_sentences
from monitor.stance import extract_statements
from monitor.stance_daily import aggregate_daily
from monitor.stance_matching import load_cues
from monitor.text_cleaning import clean_articles

# Publication days as the sidecar URLs and in-text datelines give them (001 has none).
PUBLISHED = {
    "000": date(2023, 9, 14),
    "002": date(2023, 11, 21),
    "003": date(2023, 11, 11),
    "004": date(2023, 11, 9),
}


@pytest.fixture(scope="module")
def statements() -> pl.DataFrame:
    paths = sorted((settings.SEEDS_DIR / "articles").glob("*.txt"))
    raw = pl.DataFrame(
        {
            "article_id": [p.name[:3] for p in paths],
            "text": [p.read_text(encoding="utf-8") for p in paths],
            "title": [None] * len(paths),
            "site": [None] * len(paths),
        },
        schema={"article_id": pl.String, "text": pl.String, "title": pl.String, "site": pl.String},
    )
    articles = clean_articles(raw).with_columns(
        published_on=pl.col("article_id").replace_strict(PUBLISHED, default=None, return_dtype=pl.Date)
    )
    sentences = split_sentences(articles.select("article_id", "body"))
    mentions = find_mentions(articles.select("article_id", "body", "published_on"), load_actor_dictionary())
    return extract_statements(sentences, mentions, load_cues(), articles.select("article_id", "published_on"))


def mean_stance(statements: pl.DataFrame, source: str, target: str, article: str | None = None) -> float:
    rows = statements.filter(
        ~pl.col("mutual"), pl.col("source_actor") == source, pl.col("target_actor") == target
    )
    if article is not None:
        rows = rows.filter(pl.col("article_id") == article)
    assert rows.height > 0, f"no {source}->{target} statement"
    return rows["polarity"].mean()


def test_us_voices_concern_toward_north_korea_and_russia(statements):
    assert mean_stance(statements, "USA", "PRK") < 0
    assert mean_stance(statements, "USA", "RUS") < 0


def test_north_korea_asserts_ties_with_russia(statements):
    assert mean_stance(statements, "PRK", "RUS", article="003") > 0


def test_north_korea_rejects_the_us(statements):
    assert mean_stance(statements, "PRK", "USA", article="003") < 0


def test_russias_ambassador_rejects_the_us(statements):
    rows = statements.filter(pl.col("source_speaker") == "anatoly_antonov", pl.col("target_actor") == "USA")
    assert set(rows["source_actor"]) == {"RUS"}
    assert (rows["polarity"] < 0).all()


def test_russia_north_korea_cooperation_is_a_mutual_fact_not_a_speakers_stance(statements):
    mutual = statements.filter(
        pl.col("mutual"), pl.col("source_actor") == "RUS", pl.col("target_actor") == "PRK"
    )
    assert mutual.height > 0 and (mutual["polarity"] > 0).all()
    assert set(mutual["rule"]) == {"mutual_fact"}


def test_source_and_target_are_never_the_same_actor(statements):
    assert statements.filter(pl.col("source_actor") == pl.col("target_actor")).is_empty()


def test_daily_table_has_a_negative_us_to_north_korea_row(statements):
    joined = statements.with_columns(story_id=pl.col("article_id"), outlet_id=pl.lit("sample"))
    daily = aggregate_daily(joined, include_mutual=False)
    us_prk = daily.filter(pl.col("source_actor") == "USA", pl.col("target_actor") == "PRK")
    assert us_prk.height > 0 and (us_prk["mean_stance"] < 0).all()
    assert set(us_prk["day"]) <= set(PUBLISHED.values())
