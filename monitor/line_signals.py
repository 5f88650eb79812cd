"""Per-line signals for boilerplate removal: one row per non-blank line, every signal a column.

Signals are generic (length, English function-word share, sentence punctuation, script, list shape,
repetition across a site's pages); the curated furniture cues in seeds/cleaning/boilerplate_cues.csv
are one signal among them. Everything is computed over whole columns; the only Python loop runs over
the small cue table.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl
import polars.selectors as cs

from monitor.settings import SEEDS_DIR

CLEANING_SEEDS = SEEDS_DIR / "cleaning"
SENTENCE_END = r"[.!?:。！？][\"'”’»)\]]*(\s*\([^()]{1,40}\))?$"
TRUNCATED = r"(\.{3}|…)\s*(\[[^\]]{1,12}\])?$"
BULLET = r"^[-–•*·▪►»]"
ASCII_EDGE = r"(?-u:\b)"
NUMERIC_DATE = (
    rf"{ASCII_EDGE}([0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}){ASCII_EDGE}"
)
YEAR = rf"{ASCII_EDGE}(19|20)[0-9]{{2}}{ASCII_EDGE}"
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff]"
MIN_SITE_PAGES = 3
PREFIX_CHARS = 120
FOREIGN_CHECK_BELOW = 0.15
MIN_PROSE_WORDS = 5
LONG_LINE_WORDS = 12
NON_LATIN_LETTER = r"[\p{L}--\p{Latin}]"
MIN_REPEAT_SHARE = 0.3


def only_where(condition: pl.Expr, text: pl.Expr) -> pl.Expr:
    """`text` where `condition` holds, else "": a bound on costly scans. Polars' string kernels still
    scan the strings behind nulls made by when/then, so the masked rows must really be empty."""
    return pl.when(condition).then(text).otherwise(pl.lit(""))


def holds_non_latin(text: pl.Expr) -> pl.Expr:
    """Whether the text holds a non-Latin letter; only texts with a non-ASCII character are scanned (most
    lines are ASCII, and a character count below the byte count is a cheap test for that)."""
    non_ascii = text.str.len_chars() < text.str.len_bytes()
    return non_ascii & only_where(non_ascii, text).str.contains(NON_LATIN_LETTER)


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
    """Cue patterns grouped into one alternation per (reason, ends_article, max_words, anchoring).

    Start- and end-anchored patterns are kept apart so that the regex engine can use its anchored
    (and reverse-anchored) search instead of scanning every line. `sieve` names the prefilter
    (cue_sieves) a group's lines must pass first: "start" for start-anchored groups, else "other".
    """
    cues = pl.read_csv(CLEANING_SEEDS / "boilerplate_cues.csv", schema_overrides={"pattern": pl.String})
    anchoring = (
        pl.when(pl.col("pattern").str.starts_with("^"))
        .then(pl.lit("start"))
        .when(pl.col("pattern").str.ends_with("$"))
        .then(pl.lit("end"))
        .otherwise(pl.lit("none"))
    )
    cues = cues.with_columns(anchoring.alias("anchoring"))
    groups = cues.group_by("reason", "ends_article", "max_words", "anchoring", maintain_order=True).agg(
        pl.concat_str(pl.lit("(?:"), "pattern", pl.lit(")")).str.join("|").alias("pattern")
    )
    sieve = pl.when(pl.col("anchoring") == "start").then(pl.lit("start")).otherwise(pl.lit("other"))
    return groups.with_columns(sieve.alias("sieve"))


@lru_cache(maxsize=1)
def cue_sieves() -> dict[str, tuple[str, int]]:
    """sieve -> (one relaxed alternation of its cue groups, their largest max_words).

    The alternation is a superset of every group in it (see _unbounded), so a line that fails it hits
    none of them: one scan per line rules out nearly all lines instead of one scan per group (19 groups).
    The start-anchored groups share one anchored alternation; mixed with the others, the start anchors
    would make the engine try every position of every line.
    """
    sieves = {}
    for (sieve,), groups in cue_table().group_by("sieve", maintain_order=True):
        union = "|".join(f"(?:{_unbounded(p) or p})" for p in groups["pattern"])
        sieves[sieve] = ("^(?:" + union + ")" if sieve == "start" else union, groups["max_words"].max())
    return sieves


def _unbounded(pattern: str) -> str | None:
    """The pattern with every counted repetition {m,n} outside a class opened to {m,} and every word
    boundary \\b dropped: a superset that is cheap to test. Counters and Unicode word boundaries bloat
    the engine's lazy DFA (and its reverse search for an end-anchored pattern gives up on counters, a slow
    scan of every line). None when there is nothing to relax."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        step = 2 if pattern[i] == "\\" else 1
        if step == 1 and pattern[i] == "[":
            depth += 1
            opening = re.match(r"\[\^?\]?", pattern[i:])  # a "]" right after "[" or "[^" is literal
            step = opening.end()
        elif step == 1 and pattern[i] == "]" and depth:
            depth -= 1
        bounded = re.match(r"\{(\d+),\d+\}", pattern[i:]) if depth == 0 else None
        # \b{start} and the like are kept whole; a plain \b only asserts, so leaving it out admits more
        boundary = depth == 0 and pattern.startswith("\\b", i) and not pattern.startswith("{", i + 2)
        if not boundary:
            out.append(f"{{{bounded.group(1)},}}" if bounded else pattern[i : i + step])
        i += bounded.end() if bounded else step
    relaxed = "".join(out)
    return relaxed if relaxed != pattern else None


def split_lines(articles: pl.DataFrame) -> pl.DataFrame:
    """doc, line_no (0-based, blank lines counted), k (ordinal among non-blank lines), line.

    The row-wise part runs on polars' streaming engine, which spreads it over all cores and keeps
    row order.
    """
    lines = (
        articles.lazy()
        .select(
            "doc",
            pl.col("text")
            .fill_null("")
            .str.replace_all("\r\n", "\n", literal=True)
            .str.replace_all("\r", "\n", literal=True)
            .str.split("\n")
            .alias("line"),
        )
        .with_columns(pl.int_ranges(0, pl.col("line").list.len()).alias("line_no"))
        .explode("line", "line_no")
        .with_columns(
            pl.col("line").str.replace_all(INVISIBLE, "").str.strip_chars(),
            pl.col("line_no").cast(pl.Int32),
        )
        .filter(pl.col("line").str.len_bytes() > 0)
        .collect(engine="streaming")
    )
    return lines.with_columns(pl.int_range(pl.len(), dtype=pl.Int32).over("doc").alias("k"))


def _cue_hits(n_words: pl.Expr) -> tuple[list[pl.Expr], list[pl.Expr]]:
    """First the cue_sieves columns (sieve_<name>: whether the line passes, and sieve_<name>_text: the
    line where it does, "" elsewhere), then each group's hit (hit_<i>), scanned only in the lines that
    pass its sieve and are short enough for it: prose paragraphs cost nothing. Columns, not expressions:
    an eager frame evaluates an expression again wherever it is repeated, and each hit is read twice
    (reason and end marker)."""
    sieves = []
    for name, (pattern, max_words) in cue_sieves().items():
        short_enough = n_words <= max_words
        sieves.append(
            (short_enough & only_where(short_enough, pl.col("lower")).str.contains(pattern)).alias(
                f"sieve_{name}"
            )
        )
    hits = []
    for i, row in enumerate(cue_table().rows(named=True)):
        scan = (n_words <= row["max_words"]) & pl.col(f"sieve_{row['sieve']}")
        hits.append(
            (scan & pl.col(f"sieve_{row['sieve']}_text").str.contains(row["pattern"])).alias(f"hit_{i}")
        )
    return sieves, hits


def _cue_verdicts() -> tuple[pl.Expr, pl.Expr]:
    """The reason of the first cue group (file order) that hits each line, and whether one that ends the
    article does, from the hit_<i> columns."""
    reason: pl.Expr = pl.lit(None, dtype=pl.String)
    ends = pl.lit(False)
    for i, row in reversed(list(enumerate(cue_table().rows(named=True)))):
        hit = pl.col(f"hit_{i}")
        reason = pl.when(hit).then(pl.lit(row["reason"])).otherwise(reason)
        if row["ends_article"]:
            ends = ends | hit
    return reason, ends


def line_signals(lines: pl.DataFrame) -> pl.DataFrame:
    """Add shape, language and cue signals to split_lines output.

    Costly scans are bounded: function words are counted in the first PREFIX_CHARS characters of
    lines long enough to be prose, scripts only in lines holding a non-Latin letter.
    """
    line = pl.col("line")
    n_words = pl.col("n_words")
    sieves, cue_hits = _cue_hits(n_words)
    cue_reason, ends_article = _cue_verdicts()
    non_latin = only_where(pl.col("has_non_latin"), line)
    may_be_prose = (n_words >= MIN_PROSE_WORDS) & (pl.col("ends_sentence") | (n_words >= LONG_LINE_WORDS))
    # "" where a scan is not needed: every count below is then 0, as the null it replaces was filled
    head = only_where(may_be_prose, pl.col("lower").str.slice(0, PREFIX_CHARS))
    short = only_where(n_words <= 6, line)
    return (
        lines.with_columns(
            line.str.to_lowercase().alias("lower"),
            (line.str.count_matches(" ") + 1).cast(pl.Int32).alias("n_words"),
            line.str.len_chars().cast(pl.Int32).alias("n_chars"),
            holds_non_latin(line).alias("has_non_latin"),
            line.str.contains(SENTENCE_END).alias("ends_sentence"),
        )
        .with_columns(head.alias("head"), short.alias("short"), *sieves)
        .with_columns(
            only_where(pl.col(f"sieve_{name}"), pl.col("lower")).alias(f"sieve_{name}_text")
            for name in cue_sieves()
        )
        .with_columns(*cue_hits)
        .with_columns(
            non_latin.str.count_matches(r"\p{L}").fill_null(0).alias("letters"),
            non_latin.str.count_matches(NON_LATIN_LETTER).fill_null(0).alias("nonlatin"),
            pl.col("head").str.count_matches(stopword_pattern()).fill_null(0).alias("stop"),
            (pl.col("head").str.count_matches(" ") + 1).fill_null(1).alias("head_words"),
            ((n_words >= 4) & line.str.contains(TRUNCATED)).alias("truncated"),
            line.str.contains(BULLET).alias("bullet"),
            (
                ~line.str.contains(r"[.!?]$")
                & (
                    pl.col("short").str.contains(NUMERIC_DATE)
                    | (
                        pl.col("short").str.contains(YEAR)
                        & (pl.col("short").str.count_matches(r"[0-9]+") >= 2)
                    )
                ).fill_null(False)
            ).alias("date_stamp"),
            cue_reason.alias("cue_reason"),
            ends_article.alias("end_marker"),
            pl.col("lower").hash().alias("line_hash"),
        )
        .with_columns(
            (pl.col("stop") / pl.col("head_words")).alias("stop_share"),
            (pl.col("nonlatin") / pl.max_horizontal(pl.col("letters"), 1)).alias("nonlatin_share"),
        )
        .with_columns(
            only_where(pl.col("stop_share") < FOREIGN_CHECK_BELOW, pl.col("head"))
            .str.count_matches(foreign_word_pattern())
            .alias("foreign_stop"),
        )
        .drop("lower", "head", "short", "head_words", "has_non_latin")
        .drop(cs.starts_with("sieve_", "hit_"))
    )


def repeated_across_site(lines: pl.DataFrame, sites: pl.Series) -> pl.DataFrame:
    """Flag lines that recur on a large share of a site's pages in this batch (site furniture).

    `sites` holds each article's site, indexed by `doc`.
    """
    keyed = lines.with_columns(sites.gather(lines["doc"]).alias("site"))
    site_pages = pl.DataFrame({"site": sites}).group_by("site").agg(pl.len().alias("site_pages"))
    line_pages = (
        keyed.filter(pl.col("site").is_not_null())
        .group_by("site", "line_hash")
        .agg(pl.col("doc").n_unique().alias("pages"))
        .join(site_pages, on="site")
        .filter(
            (pl.col("site_pages") >= MIN_SITE_PAGES)
            & (pl.col("pages") >= MIN_SITE_PAGES)
            & (pl.col("pages") >= MIN_REPEAT_SHARE * pl.col("site_pages"))
        )
        .select("site", "line_hash", pl.lit(True).alias("repeated"))
    )
    return (
        keyed.join(line_pages, on=["site", "line_hash"], how="left", maintain_order="left")
        .with_columns(pl.col("repeated").fill_null(False))
        .drop("site")
    )
