"""Publication dates for cleaned_articles: metadata, then a dateline, then the URL; abstain otherwise.

A wrong date is worse than none (DESIGN.md), so a date in the page text only counts where pages print
their own date: a short line at the top of the page, a bare date stamp ("10:35 August 21, 2023") in the page
header above the body, a labelled "Published :"/"Updated 3:41 PM GMT+2, June 13, 2024" line, or a wire
dateline ("SEOUL, Nov. 21, 2023 (Yonhap) --"). Times, zones and weekdays around the date are read past; the
day kept is the one the page prints (its local day), never the UTC day. Dates inside sentences, captions,
year-less or ambiguous numeric dates (9/11/2023), dates before `min_date` and dates later than the latest
local date on Earth at ingestion are never used. Every rule is a polars expression over whole columns; the
vocabulary (months, labels, filler words) comes from seeds/date_patterns.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import dateparser
import polars as pl
import yaml

PATTERNS_FILE = Path(__file__).resolve().parent.parent / "seeds" / "date_patterns.yaml"

OUTPUT_SCHEMA = pl.Schema(
    {"article_id": pl.String, "published_on": pl.Date, "date_source": pl.String, "date_evidence": pl.String}
)
_DATEPARSER_SETTINGS = {"PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class DateVocabulary:
    """The regexes and limits built once from seeds/date_patterns.yaml."""

    month_numbers: dict[str, int]
    date_re: str
    label_re: str
    wire_re: str
    noise_re: str
    day_first_host_re: str
    event_prepositions: tuple[str, ...]
    published_labels: tuple[str, ...]
    top_lines: int
    wire_lines: int
    stamp_lines: int
    stamp_prose_before: int
    prose_min_words: int
    max_words_top: int
    max_words_labelled: int
    min_date: date
    lead: timedelta
    metadata_formats: tuple[str, ...]

    @classmethod
    def from_yaml(cls, path: Path = PATTERNS_FILE) -> DateVocabulary:
        spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        months = {name: int(num) for num, names in spec["months"].items() for name in names}
        month = rf"(?:{_alt(months)})\.?"
        suffix = rf"(?:{_alt(spec['ordinal_suffixes'])})?"
        weekday = rf"(?:{_alt(spec['weekdays'])})\.?,?"
        date_re = (
            r"(?i:\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
            rf"|{month}\s+\d{{1,2}}{suffix},?\s+\d{{4}}"
            rf"|\d{{1,2}}{suffix}(?:\s+of)?\s+{month},?\s+\d{{4}}"
            r"|\d{1,2}[/.-]\d{1,2}[/.-]\s?\d{4})\b)"
        )
        zone = rf"(?:{_alt(spec['time_zones'])})"
        time_re = (
            r"(?i:\b\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)"
            rf"(?:\s*\b{zone}\b(?:\s*[+−-]\s*\d{{1,2}}(?::?\d{{2}})?)?)?)"
        )
        labels = spec["labels"]
        all_label_words = labels["published"] + labels["updated"]
        all_labels = _alt(all_label_words)
        label_re = (
            rf"(?:^|[|•·])[\W_]*(?i:(?P<label>{all_labels}))\s*[:：|–—-]?\s*(?i:(?:at|on)\s+)?(?i:{weekday}\s+)?"
            rf"(?:{time_re}[\s,|–—-]*(?i:on\s+)?(?i:{weekday}\s+)?)?(?P<date>{date_re})"
        )
        wire_re = (
            r"^\s*\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.'’ -]*?)?,\s*"
            rf"(?P<date>{date_re})\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|[-–—:])"
        )
        noise = [w for key in ("filler", "weekdays", "time_zones") for w in spec[key]] + all_label_words
        noise_re = rf"{date_re}|{time_re}|\d+|(?i:\b(?:{_alt(noise)})\b)"
        tlds = _alt(str(t).lower() for t in spec["day_first_dotted_tlds"])
        limits = spec["max_extra_words"]
        return cls(
            month_numbers=months,
            date_re=date_re,
            label_re=label_re,
            wire_re=wire_re,
            noise_re=noise_re,
            day_first_host_re=rf"(?i)^[a-z][a-z0-9+.-]*://[^/?#:]+\.(?:{tlds})\.?(?:[:/?#]|$)",
            event_prepositions=tuple(w.lower() for w in spec["event_prepositions"]),
            published_labels=tuple(w.lower() for w in labels["published"]),
            top_lines=int(spec["top_lines"]),
            wire_lines=int(spec["wire_dateline_lines"]),
            stamp_lines=int(spec["stamp_lines"]),
            stamp_prose_before=int(spec["stamp_prose_before"]),
            prose_min_words=int(spec["prose_min_words"]),
            max_words_top=int(limits["top"]),
            max_words_labelled=int(limits["labelled"]),
            min_date=date.fromisoformat(str(spec["min_date"])),
            lead=timedelta(hours=int(spec["max_timezone_lead_hours"])),
            metadata_formats=tuple(spec["metadata_formats"]),
        )


@lru_cache(maxsize=4)
def load_vocabulary(path: str = str(PATTERNS_FILE)) -> DateVocabulary:
    return DateVocabulary.from_yaml(Path(path))


def parse_date_text(text: pl.Expr, vocab: DateVocabulary, day_first: pl.Expr | None = None) -> pl.Expr:
    """A date matched by `vocab.date_re` as pl.Date; null when invalid or numerically ambiguous.

    Day/month order of all-numeric dates (9/11/2023) is only trusted when one number exceeds 12
    or both are equal, or for dotted dates (05.08.2024) where `day_first` says the site writes them
    day first; year-first numeric dates are always year-month-day.
    """
    s = text.str.strip_chars()
    month = rf"({_alt(vocab.month_numbers)})\.?"
    iso = s.str.extract_groups(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
    mdy = s.str.extract_groups(rf"(?i)^{month}\s+(\d{{1,2}})\D*?,?\s+(\d{{4}})")
    dmy = s.str.extract_groups(rf"(?i)^(\d{{1,2}})\D*?\s+{month},?\s+(\d{{4}})")
    num = s.str.extract_groups(r"^(\d{1,2})[/.-](\d{1,2})[/.-]\s?(\d{4})")

    def month_no(name: pl.Expr) -> pl.Expr:
        return name.str.to_lowercase().replace_strict(
            vocab.month_numbers, default=None, return_dtype=pl.Int32
        )

    a = num.struct.field("1").cast(pl.Int32)
    b = num.struct.field("2").cast(pl.Int32)
    dotted = s.str.contains(r"^\d{1,2}\.\d{1,2}\.\s?\d{4}") & (day_first if day_first is not None else False)
    num_day = pl.when(dotted).then(a).when((a > 12) & (b <= 12)).then(a).when((b > 12) & (a <= 12)).then(b)
    num_month = pl.when(dotted).then(b).when((a > 12) & (b <= 12)).then(b).when((b > 12) & (a <= 12)).then(a)
    num_day, num_month = num_day.when(a == b).then(a), num_month.when(a == b).then(a)
    year = pl.coalesce(
        iso.struct.field("1").cast(pl.Int32),
        mdy.struct.field("3").cast(pl.Int32),
        dmy.struct.field("3").cast(pl.Int32),
        num.struct.field("3").cast(pl.Int32),
    )
    month_ = pl.coalesce(
        iso.struct.field("2").cast(pl.Int32),
        month_no(mdy.struct.field("1")),
        month_no(dmy.struct.field("2")),
        num_month,
    )
    day = pl.coalesce(
        iso.struct.field("3").cast(pl.Int32),
        mdy.struct.field("2").cast(pl.Int32),
        dmy.struct.field("1").cast(pl.Int32),
        num_day,
    )
    ymd = pl.concat_str(
        year.cast(pl.String),
        month_.cast(pl.String).str.zfill(2),
        day.cast(pl.String).str.zfill(2),
        separator="-",
    )
    return ymd.str.to_date("%Y-%m-%d", strict=False)


def _plausible(day: pl.Expr, vocab: DateVocabulary) -> pl.Expr:
    latest = (pl.col("ingested_at").dt.convert_time_zone("UTC") + vocab.lead).dt.date()
    return pl.when((day >= vocab.min_date) & (day <= latest)).then(day)


def _day_first_site(vocab: DateVocabulary) -> pl.Expr:
    return pl.col("url").fill_null("").str.contains(vocab.day_first_host_re)


def _metadata_dates(articles: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """Metadata strings as dates: date patterns, strptime formats, then dateparser per distinct string."""
    raw = pl.col("published").str.strip_chars()
    flat = raw.str.replace_all(r"(\d)T(\d)", "$1 $2")
    matched = flat.str.extract(vocab.date_re, 0)
    by_formats = [
        raw.str.strptime(pl.Datetime, fmt, strict=False).dt.date() for fmt in vocab.metadata_formats
    ]
    epoch = pl.when(raw.str.contains(r"^\d{10}$")).then(
        pl.from_epoch(raw.cast(pl.Int64, strict=False), time_unit="s").dt.date()
    )
    frame = articles.select(
        "article_id",
        "ingested_at",
        raw.alias("evidence"),
        matched.is_not_null().alias("pattern_matched"),
        pl.coalesce(parse_date_text(matched, vocab, _day_first_site(vocab)), *by_formats, epoch).alias("day"),
    )
    leftover = (
        frame.filter(pl.col("day").is_null() & ~pl.col("pattern_matched") & (pl.col("evidence") != ""))
        .get_column("evidence")
        .unique()
        .to_list()
    )
    parsed = {s: dateparser.parse(s, settings=_DATEPARSER_SETTINGS) for s in leftover}
    fallback = pl.DataFrame(
        {"evidence": list(parsed), "fallback": [d.date() if d else None for d in parsed.values()]},
        schema={"evidence": pl.String, "fallback": pl.Date},
    )
    return (
        frame.join(fallback, on="evidence", how="left", nulls_equal=False)
        .with_columns(_plausible(pl.coalesce("day", "fallback"), vocab).alias("day"))
        .select("article_id", "day", "evidence")
    )


def _header_lines(articles: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """Non-empty lines, their position and how many prose lines (body, standfirst, caption) precede them."""
    words = pl.col("line").str.count_matches(r"\p{L}+")
    prose = (
        (words >= vocab.prose_min_words) & pl.col("line").str.contains(r"[.!?…][\"'”’)\]]*$")
        | (words >= 2 * vocab.prose_min_words)
    ).cast(pl.Int32)
    return (
        articles.select(
            "article_id",
            "ingested_at",
            _day_first_site(vocab).alias("day_first"),
            pl.col("text").fill_null("").str.split("\n").alias("line"),
        )
        .explode("line")
        .with_columns(pl.col("line").str.strip_chars())
        .filter(pl.col("line") != "")
        .with_columns(
            pl.int_range(pl.len()).over("article_id").alias("line_no"),
            (prose.cum_sum().over("article_id") - prose).alias("prose_before"),
        )
    )


def _hit(evidence: pl.Expr, text: pl.Expr, rank: int | pl.Expr, rule: str) -> pl.Expr:
    return pl.struct(evidence=evidence, text=text, rank=rank, rule=pl.lit(rule))


def _dateline_dates(articles: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """The page's own date line: labelled lines anywhere, wire datelines, short lines near the top and
    bare date stamps in the page header (above the body); stamps giving different days are not used."""
    line, line_no = pl.col("line"), pl.col("line_no")
    labelled = line.str.extract_groups(vocab.label_re)
    first = line.str.extract_groups(rf"^(?P<pre>.*?)(?P<date>{vocab.date_re})")
    prev_word = first.struct.field("pre").str.extract(r"(\p{L}+)[^\p{L}]*$").str.to_lowercase()
    not_event = ~prev_word.fill_null("").is_in(list(vocab.event_prepositions))
    extra_words = line.str.replace_all(vocab.noise_re, " ").str.count_matches(r"\p{L}+")
    is_published = labelled.struct.field("label").str.to_lowercase().is_in(list(vocab.published_labels))
    in_header = (line_no < vocab.stamp_lines) & (pl.col("prose_before") <= vocab.stamp_prose_before)
    top = in_header & (line_no < vocab.top_lines) & (extra_words <= vocab.max_words_top) & not_event
    hit = (
        pl.when(labelled.struct.field("date").is_not_null() & (extra_words <= vocab.max_words_labelled))
        .then(
            _hit(
                line.str.extract(vocab.label_re, 0),
                labelled.struct.field("date"),
                pl.when(is_published).then(0).otherwise(3),
                "label",
            )
        )
        .when((line_no < vocab.wire_lines) & line.str.contains(vocab.wire_re))
        .then(_hit(line.str.extract(vocab.wire_re, 0), line.str.extract(vocab.wire_re, 1), 1, "wire"))
        .when(top)
        .then(_hit(line, first.struct.field("date"), 2, "top"))
        .when(in_header & (extra_words == 0) & not_event)
        .then(_hit(line, first.struct.field("date"), 2, "stamp"))
    )
    day = _plausible(parse_date_text(pl.col("text"), vocab, pl.col("day_first")), vocab)
    return (
        _header_lines(articles, vocab)
        .filter((line_no < vocab.wire_lines) | in_header | labelled.struct.field("date").is_not_null())
        .select("article_id", "ingested_at", "day_first", "line_no", hit.alias("hit"))
        .unnest("hit")
        .with_columns(day.alias("day"))
        .filter(pl.col("day").is_not_null())
        .filter((pl.col("rule") != "stamp") | (pl.col("day").n_unique().over("article_id", "rule") == 1))
        .sort("article_id", "rank", "line_no")
        .group_by("article_id", maintain_order=True)
        .first()
        .select("article_id", "day", "evidence")
    )


_URL_RE = (
    r"(?:^|/)((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:[/?#]|$)"
    r"|(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.?#-]|$)"
    r"|(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.?#-]|$)"
)


def _url_dates(articles: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """A full day in the URL path (/2023/11/21/, /20231121/, 2023-11-21); year-month alone is not a day."""
    path = pl.col("url").str.replace(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]+", "")
    g = path.str.extract_groups(_URL_RE)
    parts = [
        pl.coalesce(g.struct.field(str(i)), g.struct.field(str(i + 3)), g.struct.field(str(i + 6)))
        for i in (1, 2, 3)
    ]
    ymd = pl.concat_str(parts[0], parts[1].str.zfill(2), parts[2].str.zfill(2), separator="-")
    return articles.select(
        "article_id",
        _plausible(ymd.str.to_date("%Y-%m-%d", strict=False), vocab).alias("day"),
        path.str.extract(_URL_RE, 0).str.strip_chars("/_-.?#").alias("evidence"),
    )


def resolve_published_dates(articles: pl.DataFrame, vocab: DateVocabulary | None = None) -> pl.DataFrame:
    """[article_id, published, url, text, ingested_at] -> [article_id, published_on, date_source,
    date_evidence].

    The first trusted source that yields a plausible day wins: metadata, then dateline, then URL.
    """
    vocab = vocab or load_vocabulary()
    base = articles.select(
        pl.col("article_id").cast(pl.String),
        pl.col("published").cast(pl.String),
        pl.col("url").cast(pl.String),
        pl.col("text").cast(pl.String),
        pl.col("ingested_at").cast(pl.Datetime("us", "UTC")),
    )
    sources = {
        "metadata": _metadata_dates(base, vocab),
        "dateline": _dateline_dates(base, vocab),
        "url": _url_dates(base, vocab),
    }
    out = base.select("article_id")
    for name, found in sources.items():
        out = out.join(
            found.rename({"day": f"{name}_day", "evidence": f"{name}_ev"}),
            on="article_id",
            how="left",
            maintain_order="left",
        )
    days = [pl.col(f"{name}_day") for name in sources]
    chosen = pl.coalesce(
        *[pl.when(pl.col(f"{name}_day").is_not_null()).then(pl.lit(name)) for name in sources]
    )
    evidence = pl.coalesce(
        *[pl.when(pl.col(f"{name}_day").is_not_null()).then(pl.col(f"{name}_ev")) for name in sources]
    )
    return out.select(
        "article_id",
        pl.coalesce(*days).alias("published_on"),
        chosen.alias("date_source"),
        evidence.alias("date_evidence"),
    ).cast(dict(OUTPUT_SCHEMA))
