"""Sentence splitting with character spans, vectorised over a whole body column.

Boundaries are found with regex rewrites over the column: abbreviation periods ("Mr.", "Nov.", "U.S.",
"N. Korea") are masked with a same-length placeholder, a sentinel is inserted after each boundary
(terminal punctuation, optional closing quotes, whitespace, then a sentence-opening character; or any line
break), and the body is split on the sentinel. Offsets come from cumulative piece lengths, so spans are
code-point offsets into the untouched body (see docs/CONTRACTS.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import polars as pl

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds" / "sentences"

_DOT = "\ue000"
_WRAP = "\ue001"
_CUT = "\ue002"
_B = r"(?-u:\b)"  # ASCII word boundary: the Unicode one defeats the regex DFA on non-ASCII text
_CLOSERS = "\"'”’)\\]»"
_OPENERS = "\"“‘'(\\[«"


@lru_cache(maxsize=4)
def _load_seeds(seeds_dir: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    base = Path(seeds_dir)
    abbreviations = pl.read_csv(base / "abbreviations.csv")["abbreviation"].to_list()
    starters = pl.read_csv(base / "sentence_starters.csv")["word"].to_list()
    return tuple(abbreviations), tuple(starters)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _reopened_acronyms(masked: pl.Series, starters: tuple[str, ...]) -> pl.Series:
    """A dotted acronym ("U.S.") followed by a typical sentence opener does end the sentence.

    The pattern needs Unicode word boundaries, which run slowly, so it runs only on the few bodies that
    hold a masked dot, blanks and an opener at all (a necessary condition a DFA checks fast)."""
    openers = _alternation(starters)
    candidate = masked.str.contains(rf"{_DOT}[ \t]+({openers})")
    if not candidate.any():
        return masked
    rows = candidate.arg_true()
    reopened = masked.gather(rows).str.replace_all(
        rf"\b(\p{{Lu}}){_DOT}([ \t]+)({openers})\b", "${1}.${2}${3}"
    )
    return masked.scatter(rows, reopened)


def _marked_body(body: pl.Series, abbreviations: tuple[str, ...], starters: tuple[str, ...]) -> pl.Series:
    """The body with abbreviation dots masked and a sentinel after every sentence boundary."""
    masked = (
        body.str.replace_all(_CUT, " ", literal=True)
        .str.replace_all(rf"{_B}({_alternation(abbreviations)})\.", f"${{1}}{_DOT}")
        .str.replace_all(rf"{_B}(\p{{Lu}})\.", f"${{1}}{_DOT}")
    )
    return (
        _reopened_acronyms(masked, starters)
        # a line break inside a running sentence (hard wrap) is not a boundary
        .str.replace_all(r"([\p{Ll},;])[ \t]*\n([ \t]*\p{Ll})", f"${{1}}{_WRAP}${{2}}")
        .str.replace_all(
            rf"([.!?…]+[{_CLOSERS}]*)([ \t]+)([\p{{Lu}}0-9{_OPENERS}])", f"${{1}}${{2}}{_CUT}${{3}}"
        )
        .str.replace_all(r"\n\s*", f"${{0}}{_CUT}")
    )


def split_sentences(articles: pl.DataFrame, seeds_dir: Path | str = SEEDS_DIR) -> pl.DataFrame:
    """articles[article_id, body] -> sentences[article_id, sentence_no, start, end, text].

    A sentence ends at '.', '!', '?' or '…' (plus closing quotes/brackets) before a capital, digit or
    opening quote, and at every line break except a hard wrap (lower case on both sides). Empty pieces
    are dropped; text is the stripped span, so body[start:end] == text.
    """
    abbreviations, starters = _load_seeds(str(seeds_dir))
    pieces = (
        articles.select(
            pl.col("article_id"),
            _marked_body(articles.get_column("body").fill_null(""), abbreviations, starters)
            .str.split(_CUT)
            .alias("piece"),
        )
        .explode("piece")
        .with_columns(pl.col("piece").str.replace_many([_DOT, _WRAP], [".", "\n"]))
        .with_columns(pl.col("piece").str.len_chars().alias("length"))
        .with_columns(
            (pl.col("length").cum_sum().over("article_id") - pl.col("length")).alias("offset"),
            pl.col("piece").str.strip_chars().alias("text"),
        )
        .filter(pl.col("text").str.len_chars() > 0)
    )
    lead = pl.col("length") - pl.col("piece").str.strip_chars_start().str.len_chars()
    return pieces.select(
        pl.col("article_id"),
        (pl.int_range(pl.len()).over("article_id")).cast(pl.Int32).alias("sentence_no"),
        (pl.col("offset") + lead).cast(pl.Int64).alias("start"),
        (pl.col("offset") + lead + pl.col("text").str.len_chars()).cast(pl.Int64).alias("end"),
        pl.col("text"),
    )
