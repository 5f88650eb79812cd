"""The run helpers give what a window over the group gives, on frames whose groups are contiguous."""

import polars as pl

from monitor.stance_runs import carried_in, cum_sum_in, fill_in, shift_in

SPEAKERS = pl.DataFrame(
    {
        "article_id": ["a", "a", "a", "a", "b", "b", "c"],
        "speaker": ["Blinken", None, None, "Wang Yi", None, "Lavrov", None],
        "quoted": [1, 0, 1, 1, 1, 0, 1],
    }
)


def _same(helper: pl.Expr, window: pl.Expr) -> None:
    both = SPEAKERS.select(helper=helper, window=window)
    assert both["helper"].to_list() == both["window"].to_list()


def test_shift_in_takes_the_row_before_within_the_article_and_nothing_across_articles():
    shifted = SPEAKERS.select(shift_in(pl.col("speaker"), "article_id"))["speaker"].to_list()
    assert shifted == [None, "Blinken", None, None, None, None, None]
    _same(shift_in(pl.col("speaker"), "article_id"), pl.col("speaker").shift(1).over("article_id"))


def test_shift_in_backwards_takes_the_row_after_within_the_article():
    _same(shift_in(pl.col("speaker"), ["article_id"], -1), pl.col("speaker").shift(-1).over("article_id"))


def test_fill_in_carries_a_speaker_down_its_article_but_not_into_the_next():
    filled = SPEAKERS.select(fill_in(pl.col("speaker"), "article_id"))["speaker"].to_list()
    assert filled == ["Blinken", "Blinken", "Blinken", "Wang Yi", None, "Lavrov", None]
    _same(fill_in(pl.col("speaker"), "article_id"), pl.col("speaker").forward_fill().over("article_id"))


def test_carried_in_is_the_last_speaker_named_before_the_sentence_in_its_article():
    carried = SPEAKERS.select(carried_in(pl.col("speaker"), "article_id"))["speaker"].to_list()
    assert carried == [None, "Blinken", "Blinken", "Blinken", None, None, None]
    _same(
        carried_in(pl.col("speaker"), "article_id"),
        pl.col("speaker").shift(1).forward_fill().over("article_id"),
    )


def test_cum_sum_in_restarts_at_each_article_in_both_directions():
    running = SPEAKERS.select(cum_sum_in(pl.col("quoted"), "article_id"))["quoted"].to_list()
    assert running == [1, 1, 2, 3, 1, 1, 1]
    _same(cum_sum_in(pl.col("quoted"), "article_id"), pl.col("quoted").cum_sum().over("article_id"))
    _same(
        cum_sum_in(pl.col("quoted"), "article_id", reverse=True),
        pl.col("quoted").cum_sum(reverse=True).over("article_id"),
    )
