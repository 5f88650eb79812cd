"""Per-line signals for boilerplate removal: one row per non-blank line, every signal a column.

Signals are generic (length, English function-word share, sentence punctuation, script, list shape,
repetition across a site's pages); the curated furniture cues in seeds/cleaning/boilerplate_cues.csv
are one signal among them. Everything is computed over whole columns; the only Python loop runs over
the small cue table.
"""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from monitor.settings import SEEDS_DIR

CLEANING_SEEDS = SEEDS_DIR / "cleaning"
SENTENCE_END = r"[.!?:。！？][\"'”’»)\]]*(\s*\([^()]{1,40}\))?$"
TRUNCATED = r"(\.{3}|…)\s*(\[[^\]]{1,12}\])?$"
BULLET = r"^[-–•*·▪►»]"
NUMERIC_DATE = r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
YEAR = r"\b(19|20)\d{2}\b"
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff]"
MIN_SITE_PAGES = 3
PREFIX_CHARS = 240
FOREIGN_CHECK_BELOW = 0.15
MIN_REPEAT_SHARE = 0.3


def _seed_lines(name: str) -> list[str]:
    text = (CLEANING_SEEDS / name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def english_stopwords() -> tuple[str, ...]:
    return tuple(_seed_lines("english_stopwords.txt"))


@lru_cache(maxsize=1)
def stopword_pattern() -> str:
    return r"\b(?:" + "|".join(english_stopwords()) + r")\b"


@lru_cache(maxsize=1)
def foreign_word_pattern() -> str:
    table = pl.read_csv(CLEANING_SEEDS / "foreign_function_words.csv")
    english = set(english_stopwords())
    words = sorted({w for row in table["words"] for w in row.split()} - english)
    return r"\b(?:" + "|".join(words) + r")\b"


@lru_cache(maxsize=1)
def cue_table() -> pl.DataFrame:
    """Cue patterns grouped into one alternation per (reason, ends_article, max_words)."""
    cues = pl.read_csv(CLEANING_SEEDS / "boilerplate_cues.csv", schema_overrides={"pattern": pl.String})
    return cues.group_by("reason", "ends_article", "max_words", maintain_order=True).agg(
        pl.concat_str(pl.lit("(?:"), "pattern", pl.lit(")")).str.join("|").alias("pattern")
    )


def split_lines(articles: pl.DataFrame) -> pl.DataFrame:
    """article_id, line_no (0-based, blank lines counted), k (ordinal among non-blank lines), line."""
    lines = (
        articles.select(
            "article_id",
            pl.col("text").fill_null("").str.replace_all(r"\r\n?", "\n").str.split("\n").alias("line"),
        )
        .with_columns(pl.int_ranges(0, pl.col("line").list.len()).alias("line_no"))
        .explode("line", "line_no")
        .with_columns(
            pl.col("line").str.replace_all(INVISIBLE, "").str.strip_chars(),
            pl.col("line_no").cast(pl.Int32),
        )
        .filter(pl.col("line").str.len_bytes() > 0)
    )
    return lines.with_columns(pl.int_range(pl.len(), dtype=pl.Int32).over("article_id").alias("k"))


def _cue_expressions(lower: pl.Expr, n_words: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Each cue group only scans lines short enough for it: prose paragraphs cost nothing."""
    reason: pl.Expr = pl.lit(None, dtype=pl.String)
    ends = pl.lit(False)
    for row in reversed(cue_table().rows(named=True)):
        hit = pl.when(n_words <= row["max_words"]).then(lower).str.contains(row["pattern"]).fill_null(False)
        reason = pl.when(hit).then(pl.lit(row["reason"])).otherwise(reason)
        if row["ends_article"]:
            ends = ends | hit
    return reason, ends


def line_signals(lines: pl.DataFrame) -> pl.DataFrame:
    """Add shape, language and cue signals to split_lines output.

    Costly scans are bounded: function words are counted in the first PREFIX_CHARS characters of a
    line, scripts only in lines that are not plain ASCII.
    """
    line = pl.col("line")
    n_words = pl.col("n_words")
    cue_reason, ends_article = _cue_expressions(pl.col("lower"), n_words)
    non_ascii = pl.when(pl.col("n_chars") < line.str.len_bytes()).then(line)
    head = pl.col("lower").str.slice(0, PREFIX_CHARS)
    short = pl.when(n_words <= 6).then(line)
    return (
        lines.with_columns(
            line.str.to_lowercase().alias("lower"),
            (line.str.count_matches(" ", literal=True) + 1).cast(pl.Int32).alias("n_words"),
            line.str.len_chars().cast(pl.Int32).alias("n_chars"),
        )
        .with_columns(
            non_ascii.str.count_matches(r"\p{L}").fill_null(0).alias("letters"),
            non_ascii.str.count_matches(r"[\p{L}--\p{Latin}]").fill_null(0).alias("nonlatin"),
            head.str.count_matches(stopword_pattern()).alias("stop"),
            (head.str.count_matches(" ", literal=True) + 1).alias("head_words"),
            line.str.contains(SENTENCE_END).alias("ends_sentence"),
            ((n_words >= 4) & line.str.contains(TRUNCATED)).alias("truncated"),
            line.str.contains(BULLET).alias("bullet"),
            (
                ~line.str.contains(r"[.!?]$")
                & (
                    short.str.contains(NUMERIC_DATE)
                    | (short.str.contains(YEAR) & (short.str.count_matches(r"\d+") >= 2))
                ).fill_null(False)
            ).alias("date_stamp"),
            cue_reason.alias("cue_reason"),
            ends_article.alias("end_marker"),
        )
        .with_columns(
            (pl.col("stop") / pl.col("head_words")).alias("stop_share"),
            (pl.col("nonlatin") / pl.max_horizontal(pl.col("letters"), 1)).alias("nonlatin_share"),
        )
        .with_columns(
            pl.when((pl.col("stop_share") < FOREIGN_CHECK_BELOW) & (n_words >= 5))
            .then(head)
            .str.count_matches(foreign_word_pattern())
            .fill_null(0)
            .alias("foreign_stop"),
        )
        .drop("lower", "head_words")
    )


def repeated_across_site(lines: pl.DataFrame, sites: pl.DataFrame) -> pl.DataFrame:
    """Flag lines that recur on a large share of a site's pages in this batch (site furniture)."""
    keyed = lines.join(sites, on="article_id", how="left", maintain_order="left").with_columns(
        pl.col("line").str.to_lowercase().hash().alias("norm")
    )
    site_pages = sites.group_by("site").agg(pl.col("article_id").n_unique().alias("site_pages"))
    line_pages = (
        keyed.filter(pl.col("site").is_not_null())
        .group_by("site", "norm")
        .agg(pl.col("article_id").n_unique().alias("pages"))
        .join(site_pages, on="site")
        .filter(
            (pl.col("site_pages") >= MIN_SITE_PAGES)
            & (pl.col("pages") >= MIN_SITE_PAGES)
            & (pl.col("pages") >= MIN_REPEAT_SHARE * pl.col("site_pages"))
        )
        .select("site", "norm", pl.lit(True).alias("repeated"))
    )
    return (
        keyed.join(line_pages, on=["site", "norm"], how="left", maintain_order="left")
        .with_columns(pl.col("repeated").fill_null(False))
        .drop("site", "norm")
    )
