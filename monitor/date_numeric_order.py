"""Which way an all-numeric date stamp reads (10/09/2023: 10 September or 9 October?). The digits alone never
tell, so monitor.dates reads such a stamp only where the page itself settles it: a weekday printed beside it
that only one reading falls on ("Monday, 11/9/2023"), a time zone of day-first countries after it ("21:14
IST"), a wire dateline printed without its year ("KUWAIT, Sept 10 (KUNA) --"), failing that the one day the
lead below the stamp reports after "on", or else the month (and day) of the page's URL."""

from __future__ import annotations

import re

import polars as pl

from monitor.date_patterns import DateVocabulary, prose_line

_NUMERIC_DATE = r"^(\d{1,2})[/.-](\d{1,2})[/.-]\s?(\d{4})\b"
# the lead and the paragraph after it: further down, the copy recalls earlier months
LEAD_MONTH_LINES = 2
_URL_MONTH = (
    r"/((?:19|20)\d{2})/(\d{1,2})(?:/(\d{1,2}))?(?:[/?#]|$)"
    r"|(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})\d{0,6}(?:[/_.?#-]|$)"
)


def _year_less_datelines(lines: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """[article_id, dl_month, dl_day]: the month and day of a wire dateline printed without its year
    ("KUWAIT, Sept 10 (KUNA) --"), for pages where the top lines give one such day only."""
    found = pl.col("line").str.extract_groups(vocab.wire_month_day_re)
    month = (
        found.struct.field("month")
        .str.to_lowercase()
        .replace_strict(vocab.month_numbers, default=None, return_dtype=pl.Int32)
    )
    return (
        lines.filter(pl.col("line_no") < vocab.wire_lines)
        .select("article_id", dl_month=month, dl_day=found.struct.field("day").cast(pl.Int32))
        .drop_nulls()
        .unique()
        .filter(pl.len().over("article_id") == 1)
    )


def _months(vocab: DateVocabulary) -> str:
    return "|".join(sorted(map(re.escape, vocab.month_numbers), key=len, reverse=True))


def _month_day(months: str) -> str:
    """A month with its day, either way round ("March 6", "6 March")."""
    return rf"(?:(?i:{months})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?i:{months}))\b"


def _lead_month_days(lines: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """[article_id, dl_month, dl_day]: the one month and day the first prose line below an all-numeric stamp
    gives after "on" (VNA's "02/10/2024 21:30", then "..., spokeswoman Pham Thu Hang said on October 2"), for
    pages whose header holds such a stamp. It only tells which way that stamp reads, like a year-less wire
    dateline; a lead naming two days tells nothing."""
    months = _months(vocab)
    on_day = rf"\bon\s+{_month_day(months)}"
    days = pl.col("days").list.first()
    month = days.str.extract(rf"(?i:({months}))", 1).str.to_lowercase()
    return (
        _below_numeric_stamps(lines, vocab)
        .filter(pl.col("prose_no") == 0)
        .select("article_id", days=pl.col("line").str.extract_all(on_day).list.unique())
        .filter(pl.col("days").list.len() == 1)
        .select(
            "article_id",
            dl_month=month.replace_strict(vocab.month_numbers, default=None, return_dtype=pl.Int32),
            dl_day=days.str.extract(r"(\d{1,2})", 1).cast(pl.Int32),
        )
        .drop_nulls()
    )


def _below_numeric_stamps(lines: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """[article_id, line, prose_no]: the prose lines (numbered from 0) in the wire_lines below the first
    all-numeric stamp of a page's header."""
    stamps = (
        lines.filter(
            pl.col("dated")
            & (pl.col("line_no") < vocab.stamp_lines)
            & pl.col("line").str.contains(_NUMERIC_DATE)
        )
        .group_by("article_id")
        .agg(stamp_no=pl.col("line_no").min())
    )
    return (
        lines.join(stamps, on="article_id")
        .filter(pl.col("line_no").is_between(pl.col("stamp_no") + 1, pl.col("stamp_no") + vocab.wire_lines))
        # a sentence, not a headline as long ("Saudi Arabia and Iran agree to restore diplomatic relations in
        # China-brokered deal")
        .filter(prose_line(pl.col("line"), pl.col("line").str.count_matches(r"\p{L}+"), vocab))
        .sort("article_id", "line_no")
        .select("article_id", "line", prose_no=pl.int_range(pl.len()).over("article_id"))
    )


def _lead_months(lines: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """[article_id, dl_month]: the one month the prose lines below an all-numeric stamp name with a day
    (The National's "03/10/2023 | 17:40 GST" over "talks held in Beijing from March 6 to 10"): a weaker hint
    than a day the lead gives after "on", so only the month; prose naming two months tells nothing."""
    months = _months(vocab)
    dated_month = rf"\b{_month_day(months)}"
    return (
        _below_numeric_stamps(lines, vocab)
        .filter(pl.col("prose_no") < LEAD_MONTH_LINES)
        .with_columns(pl.col("line").str.extract_all(dated_month).alias("named"))
        .explode("named")
        .drop_nulls("named")
        .select(
            "article_id",
            dl_month=pl.col("named")
            .str.extract(rf"(?i:({months}))", 1)
            .str.to_lowercase()
            .replace_strict(vocab.month_numbers, default=None, return_dtype=pl.Int32),
        )
        .drop_nulls()
        .unique()
        .filter(pl.len().over("article_id") == 1)
        .with_columns(dl_day=pl.lit(None, pl.Int32))
    )


def read_by_hint(text: pl.Expr) -> pl.Expr:
    """An all-numeric date whose order cannot be told (10/09/2023), read the one way that gives the month (and
    the day and year, where known) of the page's hint (numeric_order_hints); null otherwise."""
    num = text.str.strip_chars().str.extract_groups(_NUMERIC_DATE)
    a, b, year = num.struct.field("1"), num.struct.field("2"), num.struct.field("3")
    month, day = pl.col("dl_month"), pl.col("dl_day")
    same_year = pl.col("dl_year").is_null() | (year.cast(pl.Int32) == pl.col("dl_year"))
    month_first = (a.cast(pl.Int32) == month) & (day.is_null() | (b.cast(pl.Int32) == day))
    day_first = (b.cast(pl.Int32) == month) & (day.is_null() | (a.cast(pl.Int32) == day))
    return (
        pl.when(same_year & month_first & ~day_first)
        .then(_ymd(year, a, b))
        .when(same_year & day_first & ~month_first)
        .then(_ymd(year, b, a))
    )


def _ymd(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    return pl.concat_str(year, month.str.zfill(2), day.str.zfill(2), separator="-").str.to_date(strict=False)


def read_by_zone(line: pl.Expr, text: pl.Expr, vocab: DateVocabulary) -> pl.Expr:
    """An all-numeric date whose order cannot be told, read day first where `line` prints it with a time in a
    zone whose countries all write dates day first ("Updated: 07-01-2024 21:14 IST" is 7 January)."""
    zoned = line.str.extract_all(vocab.day_first_zone_stamp_re).list.eval(
        pl.element().str.extract(_NUMERIC_DATE, 0)
    )
    num = text.str.strip_chars().str.extract_groups(_NUMERIC_DATE)
    a, b, year = num.struct.field("1"), num.struct.field("2"), num.struct.field("3")
    return pl.when(zoned.list.contains(text.str.strip_chars())).then(_ymd(year, b, a))


def read_by_weekday(evidence: pl.Expr, text: pl.Expr, vocab: DateVocabulary) -> pl.Expr:
    """An all-numeric date whose order cannot be told, read the one way that falls on the weekday printed
    just before it in `evidence` ("Monday, 11/9/2023" is 11 September 2023: 9 November was a Thursday);
    null when no weekday is printed there or both readings fall on it."""
    names = "|".join(sorted(map(re.escape, vocab.weekday_numbers), key=len, reverse=True))
    printed = (
        evidence.str.extract(rf"(?i)\b({names})\.?,?\s*\d{{1,2}}[/.-]\d{{1,2}}[/.-]\s?\d{{4}}\b", 1)
        .str.to_lowercase()
        .replace_strict(vocab.weekday_numbers, default=None, return_dtype=pl.Int8)
    )
    num = text.str.strip_chars().str.extract_groups(_NUMERIC_DATE)
    a, b, year = (num.struct.field(k) for k in ("1", "2", "3"))
    day_first, month_first = _ymd(year, b, a), _ymd(year, a, b)
    on_day_first = (day_first.dt.weekday() == printed).fill_null(False)
    on_month_first = (month_first.dt.weekday() == printed).fill_null(False)
    return (
        pl.when(on_day_first & ~on_month_first)
        .then(day_first)
        .when(on_month_first & ~on_day_first)
        .then(month_first)
    )


def _url_months(pages: pl.DataFrame) -> pl.DataFrame:
    """[article_id, dl_year, dl_month, dl_day]: the year and month of the URL path ("/2024/02/"), with the day
    where it gives one, or a compact date before a serial number (CNA's "/202504020019": item 19 of 2 April
    2025). Alone they do not date a page (a serial's digits are no day): they tell which way a stamp reads."""
    path = pl.col("url").str.replace(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]+", "")
    g = path.str.extract_groups(_URL_MONTH)
    return pages.select(
        "article_id",
        *[
            pl.coalesce(g.struct.field(str(i)), g.struct.field(str(i + 3))).cast(pl.Int32).alias(name)
            for i, name in enumerate(("dl_year", "dl_month", "dl_day"), start=1)
        ],
    ).filter(pl.col("dl_month").is_between(1, 12) & (pl.col("dl_day").is_null() | (pl.col("dl_day") <= 31)))


def numeric_order_hints(lines: pl.DataFrame, pages: pl.DataFrame, vocab: DateVocabulary) -> pl.DataFrame:
    """[article_id, dl_year, dl_month, dl_day]: per page, the year-less dateline's day, else the lead's, else
    the one month the lead names, else the URL's month (and day) (`pages`: [article_id, url])."""
    year_less = [
        hint(lines, vocab).with_columns(dl_year=pl.lit(None, pl.Int32))
        for hint in (_year_less_datelines, _lead_month_days, _lead_months)
    ]
    return pl.concat([*year_less, _url_months(pages)], how="diagonal").unique(
        "article_id", keep="first", maintain_order=True
    )
