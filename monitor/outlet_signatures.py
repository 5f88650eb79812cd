"""Outlet names in text, and what the phrasing around each occurrence makes of it.

Outlet names (registry signatures) are found with Aho-Corasick over the whole text column; whether an
occurrence is a wire credit ("(Yonhap)", "quoted by Reuters"), a publisher's self-signature (copyright line,
staff e-mail) or a mere citation is decided by the phrasing around it, which is data
(seeds/outlet_text_patterns.csv) so curators can extend it without code.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

TEXT_PATTERNS_PATH = Path(__file__).resolve().parent.parent / "seeds" / "outlet_text_patterns.csv"

PATTERN_COLUMNS = ("pattern_id", "role", "before", "after")
PATTERN_ROLES = frozenset({"credit", "publisher", "citation"})
# "copy": read in the article copy only; "page": also in the page around it (header byline, footer credit)
PATTERN_SCOPES = frozenset({"copy", "page"})
_ALNUM_END = r"[\p{L}\p{N}]$"
_ALNUM_START = r"^[\p{L}\p{N}]"
_BEFORE_CHARS = 60
_AFTER_CHARS = 40


def load_text_patterns(path: Path | str = TEXT_PATTERNS_PATH) -> pl.DataFrame:
    """The phrasing around an outlet name that makes it a credit, a publisher's self-signature or a mere
    citation of a source ("according to X": not a credit), and where it is read (scope: 'copy', the
    default, or 'page')."""
    raw = pl.read_csv(path, infer_schema=False)
    missing = [c for c in PATTERN_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    scope = pl.col("scope") if "scope" in raw.columns else pl.lit(None, pl.String)
    patterns = raw.select(*PATTERN_COLUMNS, scope.fill_null("copy").alias("scope")).with_columns(
        pl.col("before", "after").fill_null("")
    )
    for line, row in enumerate(patterns.iter_rows(named=True), start=2):
        if row["role"] not in PATTERN_ROLES:
            raise ValueError(f"{path} line {line} ({row['pattern_id']}): role not in {sorted(PATTERN_ROLES)}")
        if row["scope"] not in PATTERN_SCOPES:
            raise ValueError(
                f"{path} line {line} ({row['pattern_id']}): scope not in {sorted(PATTERN_SCOPES)}"
            )
        for side in ("before", "after"):
            try:
                pl.Series([""]).str.contains(row[side])
            except pl.exceptions.PolarsError as exc:
                problem = f"line {line} ({row['pattern_id']}): bad {side} regex: {exc}"
                raise ValueError(f"{path} {problem}") from exc
    return patterns


def _context_match(before: str, after: str) -> tuple[pl.Expr, pl.Expr]:
    """(does the phrasing hold, the phrase matched) for one pattern, over the hit columns."""
    ctx_before, ctx_after = pl.col("before"), pl.col("after")
    holds = pl.lit(True)
    before_text, after_text = pl.lit(""), pl.lit("")
    if before:
        holds = holds & ctx_before.str.contains(before)
        before_text = ctx_before.str.extract(f"({before})", 1)
    if after:
        holds = holds & ctx_after.str.contains(after)
        after_text = ctx_after.str.extract(f"({after})", 1)
    evidence = (
        pl.concat_str(before_text, pl.col("needle"), after_text)
        .str.strip_chars()
        .str.strip_chars_end(" \t\u00a0-–—:|,")
    )
    return holds, evidence


def _occurrences(texts: pl.DataFrame, needles: pl.DataFrame) -> pl.DataFrame:
    """Every occurrence of every needle (overlapping ones too): texts' rows with needle, outlet_id, is_wire
    and position (byte offset). One Aho-Corasick pass finds where needles start; which needles start there
    is read from the text at that offset: its prefix of each needle length joined to the needles
    (extract_many would be a second pass over the whole column, and cost as much as the first)."""
    if needles.is_empty():  # find_many needs a needle (a registry without wire agencies, say)
        empty = texts.head(0).with_columns(
            pl.col("text").cast(pl.String), pl.lit(None, pl.UInt32).alias("position")
        )
        return empty.join(needles, how="cross")
    words = needles["needle"].to_list()
    starts = (
        texts.with_columns(pl.col("text").cast(pl.String))
        .filter(pl.col("text").is_not_null())
        .with_row_index("text_row")
        .with_columns(pl.col("text").str.find_many(words, overlapping=True).alias("position"))
        .explode("position")
        .drop_nulls("position")
        .unique(["text_row", "position"], maintain_order=True)
    )
    keyed = needles.with_columns(pl.col("needle").cast(pl.Binary).alias("key"))
    lengths = pl.DataFrame({"length": keyed["key"].bin.size().unique().sort()})
    window = pl.col("text").cast(pl.Binary).bin.slice(pl.col("position"), lengths["length"].max())
    return (
        starts.with_columns(window.alias("window"))
        .join(lengths, how="cross")
        # a prefix cut short by the end of the text is left out: it could equal a shorter needle found already
        .filter(pl.col("window").bin.size() >= pl.col("length"))
        .with_columns(pl.col("window").bin.slice(0, pl.col("length")).alias("key"))
        .join(keyed, on="key")
        .drop("key", "window", "length", "text_row")
    )


def signature_hits(
    texts: pl.DataFrame, outlets: pl.DataFrame, patterns: pl.DataFrame, *, wires_only: bool = False
) -> pl.DataFrame:
    """texts[article_id, text] -> one row per outlet-name occurrence whose phrasing matches a pattern:
    article_id, outlet_id, is_wire, role ('credit'|'publisher'), pattern_id, position (byte offset),
    evidence. The first pattern (file order) that holds decides each occurrence. `wires_only` keeps the
    wire agencies' rows alone (the same rows: each name is still given to the outlet it belongs to, and
    an occurrence never displaces another outlet's), searching only for their names.
    """
    named = outlets.select("outlet_id", "is_wire", pl.col("signatures").alias("needle")).explode("needle")
    # credit lines print an agency's name in capitals ("KYODO" above the date line, "(REUTERS) -")
    capitals = named.filter(pl.col("is_wire")).with_columns(pl.col("needle").str.to_uppercase())
    needles = (
        pl.concat([named, capitals])
        .drop_nulls("needle")
        .unique("needle", keep="first", maintain_order=True)
        .sort(pl.col("needle").str.len_chars(), descending=True)
    )
    if wires_only:
        needles = needles.filter(pl.col("is_wire"))
    raw = pl.col("text").cast(pl.Binary)
    end = pl.col("position") + pl.col("needle").str.len_bytes()
    hits = (
        _occurrences(texts, needles)
        .with_columns(
            raw.bin.slice(0, pl.col("position")).cast(pl.String).str.tail(_BEFORE_CHARS).alias("before"),
            raw.bin.slice(end).cast(pl.String).str.head(_AFTER_CHARS).alias("after"),
        )
        .filter(
            pl.col("needle").str.contains(_ALNUM_START).not_()
            | pl.col("before").str.contains(_ALNUM_END).not_(),
            pl.col("needle").str.contains(_ALNUM_END).not_()
            | pl.col("after").str.contains(_ALNUM_START).not_(),
        )
    )
    verdicts = []
    for row in patterns.iter_rows(named=True):
        holds, evidence = _context_match(row["before"], row["after"])
        verdicts.append(
            pl.when(holds).then(
                pl.struct(
                    pl.lit(row["pattern_id"]).alias("pattern_id"),
                    pl.lit(row["role"]).alias("role"),
                    evidence.alias("evidence"),
                )
            )
        )
    return (
        hits.with_columns(pl.coalesce(verdicts).alias("verdict"))
        .drop_nulls("verdict")
        .unnest("verdict")
        .select("article_id", "outlet_id", "is_wire", "role", "pattern_id", "position", "evidence")
        .sort("article_id", "position", pl.col("evidence").str.len_chars(), descending=[False, False, True])
        .unique(["article_id", "outlet_id", "position"], keep="first", maintain_order=True)
    )
