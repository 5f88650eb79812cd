"""A statement does not depend on which other articles were extracted with it: batch sizes and join order
leave the table exactly as one pass over every article would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from monitor.stance import extract_statements
from monitor.stance_devset import page_frames
from monitor.stance_matching import load_cues

DEVSET = Path(__file__).resolve().parent.parent / "devset"


def real_article_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    return page_frames(sorted(DEVSET.glob("blind[6-9]/pages/*.txt")), date(2024, 6, 1))


def test_statements_are_the_same_whether_articles_are_extracted_together_or_apart():
    sentences, mentions = real_article_frames()
    cues = load_cues()
    ids = sentences["article_id"].unique().sort()
    whole = extract_statements(sentences, mentions, cues)
    apart = pl.concat(
        extract_statements(
            sentences.filter(pl.col("article_id").is_in(part.implode())),
            mentions.filter(pl.col("article_id").is_in(part.implode())),
            cues,
        )
        for part in (ids.gather_every(2), ids.gather_every(2, offset=1))
    )
    again = extract_statements(sentences, mentions, cues)
    assert whole.height > 500
    order = ["article_id", "sentence_no", "mutual", "source_actor", "target_actor"]
    # to the bit: a DuckLake or a reader comparing runs sees any float that summed in another order
    assert_frame_equal(whole.sort(order), apart.sort(order), check_exact=True)
    assert_frame_equal(whole.sort(order), again.sort(order), check_exact=True)
