"""Publication dates for cleaned_articles: metadata, then a dateline, then the URL; abstain otherwise.

A wrong date is worse than none (DESIGN.md), so a date in the page text only counts where pages print
their own date: a short line at the top of the page, a bare date stamp ("10:35 August 21, 2023") in the page
header above the body, a labelled "Published :"/"Updated 3:41 PM GMT+2, June 13, 2024" line, or a wire
dateline ("SEOUL, Nov. 21, 2023 (Yonhap) --"). Times, zones and weekdays around the date are read past; the
day kept is the one the page prints (its local day), never the UTC day. Dates inside sentences, captions,
year-less or ambiguous numeric dates (9/11/2023) alone, dates before `min_date` and dates later than the
latest local date on Earth at ingestion are never used; a year-less wire dateline ("KUWAIT, Sept 10 (KUNA)
--") only tells which way an ambiguous numeric stamp of the same page reads. Every rule is a polars expression
over whole columns; the vocabulary (months, labels, filler words) comes from seeds/date_patterns.yaml via
monitor.date_patterns.
"""

from __future__ import annotations

from functools import partial

import dateparser
import polars as pl

from monitor import outlets
from monitor.date_local_day import local_days
from monitor.date_numeric_order import numeric_order_hints, read_by_hint, read_by_weekday, read_by_zone
from monitor.date_patterns import DateVocabulary, load_vocabulary, parse_date_text, prose_line
from monitor.line_signals import only_where

OUTPUT_SCHEMA = pl.Schema(
    {"article_id": pl.String, "published_on": pl.Date, "date_source": pl.String, "date_evidence": pl.String}
)
_DATEPARSER_SETTINGS = {"PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True}


def _plausible(day: pl.Expr, vocab: DateVocabulary) -> pl.Expr:
    latest = (pl.col("ingested_at").dt.convert_time_zone("UTC") + vocab.lead).dt.date()
    return pl.when((day >= vocab.min_date) & (day <= latest)).then(day)


def _day_first_sites(urls: pl.Series, vocab: DateVocabulary) -> pl.Series:
    """Whether each URL's site writes dotted dates day first: a day-first country-code domain, or a registry
    outlet of a day-first country (dw.com is German)."""
    by_tld = urls.fill_null("").str.contains(vocab.day_first_host_re)
    by_outlet = outlets.url_outlet_countries(urls).is_in(list(vocab.day_first_countries)).fill_null(False)
    return (by_tld | by_outlet).alias("day_first")


def _day_first_site(vocab: DateVocabulary) -> pl.Expr:
    return pl.col("day_first")


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
    """Non-empty lines, their position, whether they hold a date (date_re), how many of the lines above are
    not navigation menu items (short, digit-free lines) and how many prose lines (body, standfirst,
    caption) precede them.

    The counts above a line are only read for dated lines in the page header (line_no < stamp_lines), so
    words are only counted down to an article's last such line ("" below it: the counts there are wrong
    and never read); counting every line's words was half the cost of finding datelines.
    """
    words = pl.col("words")
    counted = only_where(pl.col("line_no") <= pl.col("last_header_date"), pl.col("line"))
    content = ((words > vocab.nav_max_words) | counted.str.contains(r"\d")).cast(pl.Int32)
    prose = prose_line(counted, words, vocab).cast(pl.Int32)
    header_date = pl.col("dated") & (pl.col("line_no") < vocab.stamp_lines)
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
        # columns first: an eager frame evaluates a repeated expression each time, and an expression inside
        # a window group by group
        .with_columns(
            pl.int_range(pl.len()).over("article_id").alias("line_no"),
            pl.col("line").str.contains(vocab.date_re).alias("dated"),
        )
        .with_columns(pl.when(header_date).then("line_no").max().over("article_id").alias("last_header_date"))
        .with_columns(counted.str.count_matches(r"\p{L}+").alias("words"))
        .with_columns(prose.alias("prose"), content.alias("content"))
        .with_columns(
            (pl.col("prose").cum_sum().over("article_id") - pl.col("prose")).alias("prose_before"),
            (pl.col("content").cum_sum().over("article_id") - pl.col("content")).alias("content_before"),
        )
        .drop("words", "prose", "content", "last_header_date")
    )


def _hit(evidence: pl.Expr, text: pl.Expr, rank: int | pl.Expr, rule: str) -> pl.Expr:
    return pl.struct(evidence=evidence, text=text, rank=rank, rule=pl.lit(rule))


def _dateline_dates(
    articles: pl.DataFrame, vocab: DateVocabulary, published_only: bool = False
) -> pl.DataFrame:
    """The page's own date line: labelled lines anywhere, wire datelines, short lines near the top and
    bare date stamps in the page header (above the body); stamps giving different days are not used.
    `published_only` leaves out "Updated" lines (a UTC instant's local day is its publication's)."""
    line, line_no = pl.col("line"), pl.col("line_no")
    # columns (the "read" stages below), not expressions: an eager frame evaluates an expression again
    # wherever it is repeated, and each of these is read by several rules
    read = {
        "labelled": line.str.extract_groups(vocab.label_re),
        "first": line.str.extract_groups(rf"^(?P<pre>.*?)(?P<date>{vocab.date_re})"),
        "extra_words": line.str.replace_all(vocab.noise_re, " ").str.count_matches(r"\p{L}+"),
        "wire_line": line.str.extract(vocab.wire_re, 0),
        "wire": line.str.extract_groups(vocab.wire_re),
    }
    labelled, first, extra_words = pl.col("labelled"), pl.col("first"), pl.col("extra_words")
    prev_word = first.struct.field("pre").str.extract(r"(\p{L}+)[^\p{L}]*$").str.to_lowercase()
    # "8:17 pm on 10 November 2023": an "on" after nothing but a time is the page's own stamp
    read_again = {
        "not_event": ~prev_word.fill_null("").is_in(list(vocab.event_prepositions))
        | first.struct.field("pre").str.contains(vocab.time_on_re),
        "byline": first.struct.field("pre").str.contains(vocab.byline_re)
        & (extra_words <= vocab.max_words_labelled),
    }
    not_event, byline = pl.col("not_event"), pl.col("byline")
    is_published = labelled.struct.field("label").str.to_lowercase().is_in(list(vocab.published_labels))
    in_header = (line_no < vocab.stamp_lines) & (pl.col("prose_before") <= vocab.stamp_prose_before)
    short = (extra_words <= vocab.max_words_top) & not_event
    top = in_header & (line_no < vocab.top_lines) & short
    # below a navigation menu, a short date line near the top of the content (title, standfirst, byline)
    below_menu = in_header & (pl.col("content_before") < vocab.top_lines) & short
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
        .when((line_no < vocab.wire_lines) & pl.col("wire_line").is_not_null())
        .then(
            _hit(
                pl.col("wire_line"),
                pl.coalesce(pl.col("wire").struct.field("date"), pl.col("wire").struct.field("date2")),
                1,
                "wire",
            )
        )
        .when(top)
        .then(_hit(line, first.struct.field("date"), 2, "top"))
        .when(in_header & (extra_words == 0) & not_event | below_menu)
        .then(_hit(line, first.struct.field("date"), 2, "stamp"))
        .when(in_header & (pl.col("content_before") < vocab.top_lines) & byline)
        .then(_hit(line, first.struct.field("date"), 2, "byline"))
    )
    reading = parse_date_text(pl.col("text"), vocab, pl.col("day_first"))
    by_weekday = read_by_weekday(pl.col("evidence"), pl.col("text"), vocab)
    by_zone = read_by_zone(pl.col("line"), pl.col("text"), vocab)
    by_hint = read_by_hint(pl.col("text"))
    # a zone's day-first habit yields to the page's own account of its day: where they disagree, abstain
    agreed_zone = pl.when(by_hint.is_null() | (by_hint == by_zone)).then(by_zone)
    unzoned_hint = pl.when(by_zone.is_null()).then(by_hint)
    day = _plausible(pl.coalesce(reading, by_weekday, agreed_zone, unzoned_hint), vocab)
    lines = _header_lines(articles, vocab)
    return (
        lines
        # every rule reads a date_re match: other lines would only be evaluated to be dropped (and this
        # cheaper test first, so that the label rule reads only lines holding a date)
        .filter(pl.col("dated"))
        .with_columns(**read)
        .filter((line_no < vocab.wire_lines) | in_header | labelled.struct.field("date").is_not_null())
        .with_columns(**read_again)
        .select("article_id", "ingested_at", "day_first", "line_no", "line", hit.alias("hit"))
        .unnest("hit")
        .join(numeric_order_hints(lines, articles, vocab), on="article_id", how="left")
        .with_columns(day.alias("day"))
        .filter(pl.col("day").is_not_null(), (pl.col("rank") < 3) if published_only else pl.lit(True))
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
    base = base.with_columns(_day_first_sites(base["url"], vocab))
    # each source only reads the pages the sources before it left undated (most pages have metadata)
    sources = {}
    undated = base
    for name, read in (("metadata", _metadata_dates), ("dateline", _dateline_dates), ("url", _url_dates)):
        sources[name] = read(undated, vocab).filter(pl.col("day").is_not_null())
        undated = undated.join(sources[name], on="article_id", how="anti")
    own_lines = partial(_dateline_dates, published_only=True)
    sources["metadata"] = local_days(sources["metadata"], base, vocab, (_url_dates, own_lines))
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
