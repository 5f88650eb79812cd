"""A quote that runs over several sentences has one speaker, named where the quote closes ('"We have
repeatedly shared evidence with the Afghan authorities. We expect them to act," she said.') or, failing
that, where it opens. Its earlier sentences take that speaker instead of the one of the sentences before."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_runs import cum_sum_in, shift_in

QUOTE_MARKS = r"[\"“”]"
OPENS = r"^\s*[\"“]"


def quote_runs(sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, run, first, last] for the sentences of quotes spanning two to quote_run_sentences sentences. A
    sentence starting with a quote mark opens one, even if the one before never closed (a quote continued in
    a new paragraph); otherwise each quote mark toggles between inside and outside a quote."""
    longest = int(rules.get("quote_run_sentences", 5))
    article = pl.col("article_id")
    starts = pl.col("text").str.contains(OPENS).cast(pl.Int64)
    frame = (
        sentences.select(*KEY, "article_id", "sentence_no", "text")
        .sort("article_id", "sentence_no")
        .with_columns(starts=starts, marks=pl.col("text").str.count_matches(QUOTE_MARKS).cast(pl.Int64))
        .with_columns(segment=cum_sum_in(pl.col("starts"), "article_id"))
        .with_columns(
            inside_after=(
                (pl.col("segment") > 0).cast(pl.Int64)
                + (pl.col("marks") - pl.col("starts")).cum_sum().over(article, "segment")
            )
            % 2
            == 1
        )
        .with_columns(inside_before=shift_in(pl.col("inside_after"), "article_id").fill_null(False))
        .with_columns(run=cum_sum_in((~pl.col("inside_before")).cast(pl.Int64), "article_id"))
        .with_columns(
            size=pl.len().over(article, "run"),
            closed=~pl.col("inside_after").last().over(article, "run"),
            first=pl.col("sid").min().over(article, "run"),
            last=pl.col("sid").max().over(article, "run"),
        )
    )
    return frame.filter((pl.col("size") >= 2) & (pl.col("size") <= longest) & pl.col("closed")).select(
        *KEY, "first", "last"
    )


def quote_run_speakers(
    sentences: pl.DataFrame, own: pl.DataFrame, carried: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """`carried` [sid, source_actor, source_speaker, rule, ...] with the sentences of a multi-sentence quote
    that have no speaker of their own (not in `own`) given the speaker of the sentence closing the quote,
    else of the one opening it."""
    runs = quote_runs(sentences, rules)
    # a speaker the sentence names or refers to ("she said"), not one it took from the sentences before
    columns = [*KEY, "source_actor", "source_speaker"]
    spoken = pl.concat(
        [own.select(columns), carried.filter(pl.col("rule") != "quote_speaker").select(columns)]
    ).unique(KEY, keep="first", maintain_order=True)
    closing = runs.join(spoken, left_on="last", right_on="sid").select(*KEY, "source_actor", "source_speaker")
    opening = runs.join(spoken, left_on="first", right_on="sid").select(
        *KEY, "source_actor", "source_speaker"
    )
    speaker = pl.concat([closing, opening.join(closing.select(KEY), on=KEY, how="anti")])
    given = speaker.join(own.select(KEY).unique(), on=KEY, how="anti").with_columns(
        source_rank=pl.lit(0, pl.Int64), rule=pl.lit("quote_run")
    )
    return pl.concat([carried.join(given.select(KEY), on=KEY, how="anti"), given], how="diagonal_relaxed")
