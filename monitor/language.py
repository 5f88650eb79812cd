"""Language of a cleaned body: English by function-word share (vectorised), else by script, else py3langid.

Most bodies are plainly English, and the share of English function words decides them over the whole
column at once. Bodies written in a script that belongs to one language (seeds/cleaning/script_languages.csv)
are named by that script. Only the rest, Latin or Cyrillic or Arabic text that is not clearly English,
goes to py3langid, whose model ships inside the package. Shares are measured on the first
SAMPLE_CHARS characters, which is plenty to tell a language.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl
import py3langid

from monitor.line_signals import (
    CLEANING_SEEDS,
    NON_LATIN_LETTER,
    holds_non_latin,
    only_where,
    stopword_pattern,
)

ENGLISH_MIN_SCORE = 0.25
MIN_LATIN_SHARE = 0.8
MIN_SCRIPT_SHARE = 0.3
SAMPLE_CHARS = 1000
OUTPUT_SCHEMA = {"article_id": pl.String, "language": pl.String, "english_score": pl.Float64}


@lru_cache(maxsize=1)
def script_languages() -> pl.DataFrame:
    return pl.read_csv(CLEANING_SEEDS / "script_languages.csv")


def _script_language(text: pl.Expr, letters: pl.Expr) -> pl.Expr:
    """The language of the first listed single-language script holding a large share of the letters."""
    language: pl.Expr = pl.lit(None, dtype=pl.String)
    for row in reversed(script_languages().rows(named=True)):
        share = text.str.count_matches(rf"\p{{{row['script']}}}").fill_null(0) / letters
        language = pl.when(share >= MIN_SCRIPT_SHARE).then(pl.lit(row["language"])).otherwise(language)
    return language


def _langid(text: str) -> str:
    return py3langid.classify(text)[0]


def detect_language(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, body] -> [article_id, language (ISO 639-1 or null), english_score]."""
    if articles.is_empty():
        return pl.DataFrame(schema=OUTPUT_SCHEMA)
    body = pl.col("body").fill_null("")
    head, non_latin, letters = pl.col("head"), pl.col("non_latin"), pl.col("letters")
    scored = (
        articles.select(pl.col("article_id").cast(pl.String), body.alias("body"))
        .with_columns(body.str.slice(0, SAMPLE_CHARS).alias("head"))
        # columns, not expressions: each script's count would recompute an expression; "" counts 0
        .with_columns(only_where(holds_non_latin(head), head).alias("non_latin"))
        .with_columns(pl.max_horizontal(non_latin.str.count_matches(r"\p{L}"), 1).alias("letters"))
        .with_columns(
            (
                head.str.to_lowercase().str.count_matches(stopword_pattern())
                / pl.max_horizontal(head.str.count_matches(r"\s+") + 1, 1)
            )
            .cast(pl.Float64)
            .alias("english_score"),
            (1 - non_latin.str.count_matches(NON_LATIN_LETTER) / letters).alias("latin_share"),
            ~head.str.contains(r"\p{L}").alias("no_letters"),
            _script_language(non_latin, letters).alias("script_language"),
        )
    )
    fast = (
        pl.when(pl.col("no_letters"))
        .then(pl.lit(None, dtype=pl.String))
        .when((pl.col("english_score") >= ENGLISH_MIN_SCORE) & (pl.col("latin_share") >= MIN_LATIN_SHARE))
        .then(pl.lit("en"))
        .otherwise(pl.col("script_language"))
    )
    scored = scored.with_columns(fast.alias("language"))
    undecided = pl.col("language").is_null() & ~pl.col("no_letters")
    named = scored.filter(undecided).select(
        "article_id", pl.col("body").map_elements(_langid, return_dtype=pl.String).alias("named")
    )
    return (
        scored.join(named, on="article_id", how="left", maintain_order="left")
        .select("article_id", pl.coalesce("language", "named").alias("language"), "english_score")
        .cast(OUTPUT_SCHEMA)
    )
