"""The date vocabulary of seeds/date_patterns.yaml as regexes, and reading a matched date as a day.

Kept apart from monitor.dates (which decides where a page's own date is and when to abstain) so the
vocabulary can be extended, or swapped in tests, without touching the rules that use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import polars as pl
import yaml

PATTERNS_FILE = Path(__file__).resolve().parent.parent / "seeds" / "date_patterns.yaml"


# after the era's name: its year, the common-era year in brackets, then month.day ("Juche 113 (2024) 6.30.",
# "Juche 113(2024). 6. 30.")
_ERA_DATE = r"\s*\d{1,3}\s*\((\d{4})\)\.?\s*(\d{1,2})\.\s?(\d{1,2})"
_EDGE = r"(?-u:\b)"
_YEAR_FIRST = r"(\d{4})(?:[-/.]|\.\s)(\d{1,2})(?:[-/.]|\.\s)(\d{1,2})"


def _uncaptured(pattern: str) -> str:
    """The pattern with its groups made non-capturing, to sit inside date_re (read by extract_groups)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class DateVocabulary:
    """The regexes and limits built once from seeds/date_patterns.yaml."""

    month_numbers: dict[str, int]
    weekday_numbers: dict[str, int]
    era_re: str
    date_re: str
    label_re: str
    wire_re: str
    wire_month_day_re: str
    noise_re: str
    time_on_re: str
    byline_re: str
    day_first_host_re: str
    day_first_countries: tuple[str, ...]
    day_first_zone_stamp_re: str
    event_prepositions: tuple[str, ...]
    published_labels: tuple[str, ...]
    top_lines: int
    wire_lines: int
    stamp_lines: int
    stamp_prose_before: int
    nav_max_words: int
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
        weekdays = {name: int(num) for num, names in spec["weekdays"].items() for name in names}
        month = rf"(?:{_alt(months)})\.?"
        suffix = rf"(?:{_alt(spec['ordinal_suffixes'])})?"
        weekday = rf"(?:{_alt(weekdays)})\.?,?"
        era = _alt(spec["era_years"])
        # year first: "2024-06-30", and the Korean "2024. 6. 30."; a month name may be run together with the
        # day and year by dots (Folha: "Feb.19.2024", "19.Feb.2024"); an era year: "Juche 113(2024). 6. 30."
        # The word boundaries are ASCII ones (a date begins and ends with a digit or a Latin letter): Unicode
        # ones keep the regex engine off its fast path, and every line of every undated page is searched.
        date_re = (
            rf"(?i:{_EDGE}(?:{_uncaptured(_YEAR_FIRST)}"
            rf"|(?:{_alt(months)})(?:\.\s*|\s+)\d{{1,2}}{suffix}(?:,?\s+|\.)\d{{4}}"
            rf"|\d{{1,2}}(?:{suffix}(?:\s+of)?\s+{month},?\s+|\.(?:{_alt(months)})\.)\d{{4}}"
            r"|\d{1,2}[/.-]\d{1,2}[/.-]\s?\d{4}|\d{1,2}/\d{1,2}/\d{2}"
            rf"|(?:{era}){_uncaptured(_ERA_DATE)}){_EDGE})"
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
        # "SEOUL, Nov. 21, 2023 (Yonhap) --", "Riyadh, February 18, 2025, SPA --": the credit in brackets or
        # after a comma; a title-case city only before such a credit and a dash, which prose does not have
        wire_re = (
            r"^\s*(?:\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.'’ -]*?)?,\s*"
            rf"(?P<date>{date_re})\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|[-–—:])"
            r"|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,\s*"
            rf"(?P<date2>{date_re})(?:\s*\([^)]{{1,40}}\)|,\s*\p{{Lu}}[\p{{Lu}}\p{{L}}.&]{{1,24}})\s*(?:--|[-–—]))"
        )
        # "KUWAIT, Sept 10 (KUNA) --", "Taipei, April 2 (CNA) Taiwan's ...": a wire dateline without its year,
        # the city in capitals or title case, an agency's credit in brackets, then a dash or the lead itself
        wire_month_day_re = (
            r"^\s*(?:\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.'’ -]*?)?"
            r"|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s*"
            rf"(?P<month>(?i:{_alt(months)}))\.?\s+(?P<day>\d{{1,2}})\s*\([^)]{{1,40}}\)\s*(?:--|[-–—:]|\p{{Lu}})"
        )
        noise = [w for key in ("filler", "time_zones") for w in spec[key]] + list(weekdays) + all_label_words
        noise_re = rf"{date_re}|{time_re}|\d+|(?i:\b(?:{_alt(noise)})\b)"
        tlds = _alt(str(t).lower() for t in spec["day_first_dotted_tlds"])
        limits = spec["max_extra_words"]
        # authors' names and a bar before the date, no "By": "Zehra Nur Duz, Burak Bir |23.01.2024"
        name = r"\p{Lu}[\p{L}'’.-]*"
        names = rf"{name}(?:(?:\s+|,\s*|\s+and\s+){name})*"
        return cls(
            month_numbers=months,
            weekday_numbers=weekdays,
            era_re=era,
            date_re=date_re,
            label_re=label_re,
            wire_re=wire_re,
            wire_month_day_re=wire_month_day_re,
            noise_re=noise_re,
            time_on_re=rf"^[\W_]*{time_re}[\s,|–—-]*(?i:on)\s*$",
            byline_re=rf"^[\W_]*(?:(?i:{_alt(spec['byline_leads'])})\s+\p{{Lu}}[^.!?]*\s(?i:on)|{names}\s*\|)\s*$",
            day_first_host_re=rf"(?i)^[a-z][a-z0-9+.-]*://[^/?#:]+\.(?:{tlds})\.?(?:[:/?#]|$)",
            day_first_countries=tuple(str(c).upper() for c in spec["day_first_dotted_countries"]),
            # an all-numeric date (captured), a time and a zone of day-first countries: "07-01-2024 21:14 IST"
            day_first_zone_stamp_re=(
                r"(?i:\b(\d{1,2}[/.-]\d{1,2}[/.-]\s?\d{4})\b[\s,|–—-]*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*"
                rf"(?:[ap]\.?\s?m\b\.?)?\s*\(?(?:{_alt(spec['day_first_time_zones'])})\b)"
            ),
            event_prepositions=tuple(w.lower() for w in spec["event_prepositions"]),
            published_labels=tuple(w.lower() for w in labels["published"]),
            top_lines=int(spec["top_lines"]),
            wire_lines=int(spec["wire_dateline_lines"]),
            stamp_lines=int(spec["stamp_lines"]),
            stamp_prose_before=int(spec["stamp_prose_before"]),
            nav_max_words=int(spec["nav_max_words"]),
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


def prose_line(line: pl.Expr, words: pl.Expr, vocab: DateVocabulary) -> pl.Expr:
    """A sentence of the copy (body, standfirst, caption), not a headline as long: prose_min_words words
    ending in sentence punctuation, or twice as many."""
    return (words >= vocab.prose_min_words) & line.str.contains(r"[.!?…][\"'”’)\]]*$") | (
        words >= 2 * vocab.prose_min_words
    )


def parse_date_text(text: pl.Expr, vocab: DateVocabulary, day_first: pl.Expr | None = None) -> pl.Expr:
    """A date matched by `vocab.date_re` as pl.Date; null when invalid or numerically ambiguous.

    Day/month order of all-numeric dates (9/11/2023) is only trusted when one number exceeds 12
    or both are equal, or for dotted dates (05.08.2024) where `day_first` says the site writes them
    day first; year-first numeric dates are always year-month-day.
    """
    s = text.str.strip_chars()
    month = rf"({_alt(vocab.month_numbers)})\.?"
    iso = s.str.extract_groups(rf"^{_YEAR_FIRST}")
    mdy = s.str.extract_groups(rf"(?i)^{month}\s*(\d{{1,2}})\D*?(\d{{4}})")
    dmy = s.str.extract_groups(rf"(?i)^(\d{{1,2}})\D*?[\s.]{month},?\s*(\d{{4}})")
    num = s.str.extract_groups(r"^(\d{1,2})[/.-](\d{1,2})[/.-]\s?(\d{4}|\d{2}\b)")
    era = s.str.extract_groups(rf"(?i)^(?:{vocab.era_re}){_ERA_DATE}")
    # a two-digit year only in the US style with slashes (11/30/24, The Hill's bylines), read as 20yy
    num_year = num.struct.field("3").cast(pl.Int32)
    short_year = s.str.contains(r"^\d{1,2}/\d{1,2}/\d{2}\b")
    num_year = pl.when(num_year >= 100).then(num_year).when(short_year).then(2000 + num_year)

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
        num_year,
        era.struct.field("1").cast(pl.Int32),
    )
    month_ = pl.coalesce(
        iso.struct.field("2").cast(pl.Int32),
        month_no(mdy.struct.field("1")),
        month_no(dmy.struct.field("2")),
        num_month,
        era.struct.field("2").cast(pl.Int32),
    )
    day = pl.coalesce(
        iso.struct.field("3").cast(pl.Int32),
        mdy.struct.field("2").cast(pl.Int32),
        dmy.struct.field("1").cast(pl.Int32),
        num_day,
        era.struct.field("3").cast(pl.Int32),
    )
    ymd = pl.concat_str(
        year.cast(pl.String),
        month_.cast(pl.String).str.zfill(2),
        day.cast(pl.String).str.zfill(2),
        separator="-",
    )
    return ymd.str.to_date("%Y-%m-%d", strict=False)
