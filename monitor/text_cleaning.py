"""Boilerplate removal: decide per line whether it belongs to the article, then rebuild the body.

The article is the longest run of prose lines (sentence-punctuated English-looking lines, allowing a
few non-prose lines such as subheads or captions in between). What precedes it is page header unless
it reads like a standfirst; what follows it is trailing furniture (related stories, teasers, comment
forms). Curated cues, script, list shape and repetition across a site's pages drop lines anywhere.
"""

from __future__ import annotations

import polars as pl

from monitor.line_signals import (
    LONG_LINE_WORDS,
    MIN_PROSE_WORDS,
    line_signals,
    only_where,
    repeated_across_site,
    split_lines,
)

MAX_GAP = 4
MIN_PROSE_STOP_SHARE = 0.1
MAX_FOREIGN_SCRIPT_SHARE = 0.3
LEAD_MIN_WORDS = LONG_LINE_WORDS
LEAD_MIN_STOP_SHARE = 0.2
MIN_TITLE_WORDS = 3
PREFERRED_TITLE_WORDS = 5
CAPTION_LABEL_WORDS = 3
MAX_TITLE_WORDS = 25
MIN_HEADLINE_RUN = 3
DUPLICATE_PAGE_SHARE = 0.5

CLASSIFIED_SCHEMA = {
    "article_id": pl.String,
    "line_no": pl.Int32,
    "line": pl.String,
    "keep": pl.Boolean,
    "reason": pl.String,
}


def _normalised(expr: pl.Expr) -> pl.Expr:
    return expr.str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()


def _shifted(expr: pl.Expr, n: int) -> pl.Expr:
    """expr.shift(n).over("doc") for rows grouped by doc (as lines always are), without a window."""
    return pl.when(pl.col("doc").shift(n) == pl.col("doc")).then(expr.shift(n))


def _shape(lines: pl.DataFrame) -> pl.DataFrame:
    """Script, language and prose/headline shape, relative to the article's dominant script."""
    by_article = pl.col("doc")
    latin_article = pl.col("nonlatin").sum().over(by_article) < MAX_FOREIGN_SCRIPT_SHARE * pl.col(
        "n_chars"
    ).sum().over(by_article)
    caption_label = (
        (pl.col("cue_reason") == "photo_credit")
        & (pl.col("n_words") <= CAPTION_LABEL_WORDS)
        & pl.col("line").str.contains(r"[,:]$")
    )
    follows_label = _shifted(caption_label, 1).fill_null(False)
    return (
        lines.with_columns(
            latin_article.alias("latin_article"),
            pl.when(follows_label)
            .then(pl.lit("photo_credit"))
            .otherwise(pl.col("cue_reason"))
            .alias("cue_reason"),
        )
        .with_columns(
            (pl.col("latin_article") & (pl.col("nonlatin_share") > MAX_FOREIGN_SCRIPT_SHARE)).alias(
                "foreign_script"
            ),
            (
                pl.col("latin_article")
                & (pl.col("n_words") >= 5)
                & (pl.col("foreign_stop") >= 3)
                & (pl.col("foreign_stop") > 2 * pl.col("stop"))
            ).alias("foreign_language"),
        )
        .with_columns(
            (
                pl.col("cue_reason").is_null()
                & ~pl.col("foreign_script")
                & ~pl.col("foreign_language")
                & ~pl.col("truncated")
                & ~pl.col("bullet")
                & ~pl.col("date_stamp")
                & pl.col("ends_sentence")
                & (pl.col("n_words") >= MIN_PROSE_WORDS)
                & (~pl.col("latin_article") | (pl.col("stop_share") >= MIN_PROSE_STOP_SHARE))
            ).alias("prose_shape"),
            (
                pl.col("cue_reason").is_null()
                & ~pl.col("foreign_script")
                & ~pl.col("truncated")
                & ~pl.col("date_stamp")
                # a full stop inside closing quotes ends a sentence too: 'the law."' is no headline
                & ~pl.col("line").str.contains(r"[.:][\"'”’»)\]]*$")
                & pl.col("n_words").is_between(MIN_TITLE_WORDS, MAX_TITLE_WORDS)
            ).alias("headline_like"),
        )
        .with_columns(
            (
                pl.col("repeated")
                & (
                    (pl.col("repeated") & pl.col("prose_shape")).sum().over(by_article)
                    <= DUPLICATE_PAGE_SHARE * pl.col("prose_shape").sum().over(by_article)
                )
            ).alias("site_furniture")
        )
        .with_columns((pl.col("prose_shape") & ~pl.col("site_furniture")).alias("prose"))
    )


def _position(lines: pl.DataFrame) -> pl.DataFrame:
    """Find the main run of prose: main_start and main_end as non-blank ordinals (k)."""
    by_article = pl.col("doc")
    prev_headline = _shifted(pl.col("headline_like"), 1).fill_null(False)
    next_headline = _shifted(pl.col("headline_like"), -1).fill_null(False)
    lines = lines.with_columns(
        (pl.col("prose") & ~(prev_headline & next_headline)).alias("strong_prose"),
    )
    # a column, not an expression: a window nested in another window is evaluated group by group
    lines = lines.with_columns(pl.col("strong_prose").cast(pl.Int32).cum_sum().over(by_article).alias("seen"))
    cutoff = (
        pl.when(pl.col("end_marker") & (pl.col("seen") >= 2)).then(pl.col("k")).min().over(by_article)
    ).fill_null(pl.col("k").max().over(by_article) + 1)
    lines = lines.with_columns(cutoff.alias("cutoff")).drop("seen")
    prose = (
        lines.filter(pl.col("prose") & (pl.col("k") < pl.col("cutoff")))
        .select("doc", "k", "n_chars", "strong_prose")
        .with_columns((pl.col("k") - _shifted(pl.col("k"), 1) - 1).alias("gap"))
        .with_columns(
            (pl.col("gap").is_null() | (pl.col("gap") > MAX_GAP))
            .cast(pl.Int32)
            .cum_sum()
            .over(by_article)
            .alias("seg")
        )
    )
    segments = (
        prose.group_by("doc", "seg")
        .agg(
            pl.col("k").min().alias("main_start"),
            pl.col("k").filter(pl.col("strong_prose")).max().alias("main_end"),
            pl.col("n_chars").filter(pl.col("strong_prose")).sum().alias("weight"),
        )
        .filter(pl.col("main_end").is_not_null())
        .sort("weight", "seg", descending=[True, False])
        .group_by("doc")
        .first()
        .select("doc", "main_start", "main_end")
    )
    return lines.join(segments, on="doc", how="left", maintain_order="left")


def _title(lines: pl.DataFrame, titles: pl.DataFrame) -> pl.DataFrame:
    """Mark title lines: the metadata title where it recurs, else the first headline before the text,
    and any repeat of that headline further down (breadcrumbs and re-printed headlines)."""
    by_article = pl.col("doc")
    longest_word = (
        pl.col("meta_title")
        .str.split(" ")
        .list.eval(pl.element().sort_by(pl.element().str.len_bytes(), descending=True).first())
    )
    titles = titles.with_columns(longest_word.list.first().alias("title_word"))
    lines = lines.join(titles, on="doc", how="left", maintain_order="left")
    has_meta = pl.col("meta_title").is_not_null()
    candidate = (
        ~has_meta
        & pl.col("headline_like")
        & (pl.col("n_words") >= MIN_TITLE_WORDS + 1)
        & (pl.col("k") < pl.col("main_start"))
    )
    first_candidate = pl.coalesce(
        pl.when(candidate & (pl.col("n_words") >= PREFERRED_TITLE_WORDS)).then("k").min().over(by_article),
        pl.when(candidate).then("k").min().over(by_article),
    )
    title_hash = pl.when(pl.col("k") == pl.col("title_k")).then("line_hash").max().over(by_article)
    # Normalising every line cost more than the rest of this step. A line can only normalise to the title if
    # the title's longest word (a run of letters and digits) stands in the lowercased line as it is, so only
    # those lines are normalised; "" elsewhere, which never equals a title and gives null where there is none.
    may_be_title = pl.col("line").str.to_lowercase().str.contains(pl.col("title_word"), literal=True)
    is_title = (_normalised(only_where(may_be_title, pl.col("line"))) == pl.col("meta_title")) | (
        pl.col("headline_like") & (pl.col("line_hash") == title_hash)
    )
    return (
        lines.with_columns(first_candidate.alias("title_k"))
        .with_columns(is_title.fill_null(False).alias("is_title"))
        .drop("title_k", "title_word")
    )


def _headline_runs() -> pl.Expr:
    """Lines in a run of MIN_HEADLINE_RUN headlines. Rows are grouped by doc, so one run id over
    (doc, headline_like) numbers every doc's runs (cheaper than rle_id per doc)."""
    run = pl.struct("doc", "headline_like").rle_id()
    return pl.col("headline_like") & (pl.len().over(run) >= MIN_HEADLINE_RUN)


def _reason(lines: pl.DataFrame) -> pl.DataFrame:
    k = pl.col("k")
    no_main = pl.col("main_start").is_null()
    # A news lead is dense with names (few function words), so the sentence right before the main prose
    # run counts as lead by its shape alone.
    lead_like = (pl.col("n_words") >= LEAD_MIN_WORDS) & (
        ~pl.col("latin_article")
        | (pl.col("stop_share") >= LEAD_MIN_STOP_SHARE)
        | ((k == pl.col("main_start") - 1) & pl.col("ends_sentence"))
    )
    reason = (
        pl.when(pl.col("is_title"))
        .then(pl.lit("title"))
        .when(pl.col("cue_reason").is_not_null())
        .then(pl.col("cue_reason"))
        .when(pl.col("foreign_script"))
        .then(pl.lit("foreign_script"))
        .when(pl.col("foreign_language"))
        .then(pl.lit("foreign_language"))
        .when(pl.col("site_furniture"))
        .then(pl.lit("repeated_across_site"))
        .when(pl.col("truncated"))
        .then(pl.lit("teaser"))
        .when(pl.col("date_stamp"))
        .then(pl.lit("metadata"))
        .when(pl.col("bullet") & ~pl.col("prose_shape"))
        .then(pl.lit("link_list"))
        .when(no_main & (pl.col("n_words") >= 3))
        .then(pl.lit(None, dtype=pl.String))
        .when(no_main)
        .then(pl.lit("short_fragment"))
        .when(k > pl.col("main_end"))
        .then(pl.lit("trailing_block"))
        .when((k < pl.col("main_start")) & lead_like)
        .then(pl.lit(None, dtype=pl.String))
        .when(k < pl.col("main_start"))
        .then(pl.lit("header"))
        .when(pl.col("headline_run"))
        .then(pl.lit("link_list"))
        .when((pl.col("n_words") <= 2) & ~pl.col("ends_sentence"))
        .then(pl.lit("short_fragment"))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    return lines.with_columns(_headline_runs().alias("headline_run")).with_columns(reason.alias("reason"))


def _decide(articles: pl.DataFrame) -> pl.DataFrame:
    """Per non-blank line: doc (row of articles), line_no, line, reason (null when kept)."""
    lines = line_signals(split_lines(articles.select("doc", "text")))
    lines = repeated_across_site(lines, articles["site"].cast(pl.String))
    titles = articles.select("doc", _normalised(pl.col("title").cast(pl.String)).alias("meta_title"))
    titles = titles.filter(pl.col("meta_title") != "")
    return _reason(_title(_position(_shape(lines)), titles)).select("doc", "line_no", "line", "reason")


def _indexed(articles: pl.DataFrame) -> pl.DataFrame:
    return articles.with_columns(pl.col("article_id").cast(pl.String)).with_row_index("doc")


def classify_lines(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, text, title, site] -> one row per non-blank line with keep and reason."""
    if articles.is_empty():
        return pl.DataFrame(schema=CLASSIFIED_SCHEMA)
    articles = _indexed(articles)
    lines = _decide(articles)
    return lines.select(
        articles["article_id"].gather(lines["doc"]).alias("article_id"),
        "line_no",
        "line",
        pl.col("reason").is_null().alias("keep"),
        "reason",
    ).cast(CLASSIFIED_SCHEMA)


def clean_articles(articles: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, text, title, site] -> [article_id, title, body, lines_total, lines_dropped]."""
    articles = _indexed(articles)
    lines = (
        _decide(articles) if articles.height else pl.DataFrame(schema={**CLASSIFIED_SCHEMA, "doc": pl.UInt32})
    )
    kept = pl.col("reason").is_null()
    rebuilt = lines.group_by("doc", maintain_order=True).agg(
        pl.col("line").filter(kept).str.join("\n\n").alias("body"),
        pl.col("line").filter(pl.col("reason") == "title").first().alias("title_line"),
        pl.len().cast(pl.Int32).alias("lines_total"),
        (~kept & (pl.col("reason") != "title")).sum().cast(pl.Int32).alias("lines_dropped"),
    )
    meta_title = pl.col("title").cast(pl.String).str.strip_chars()
    return (
        articles.select("doc", "article_id", meta_title.alias("title"))
        .join(rebuilt, on="doc", how="left", maintain_order="left")
        .select(
            "article_id",
            pl.when(pl.col("title").str.len_chars() > 0).then("title").otherwise("title_line").alias("title"),
            pl.col("body").fill_null(""),
            pl.col("lines_total").fill_null(0),
            pl.col("lines_dropped").fill_null(0),
        )
    )
