"""What cleaned_articles keeps of each written batch until its table gate: the same rows, as a copy."""

import polars as pl

from assets import clean
from monitor import gates

PAGE = "SEOUL, Nov. 21 (Yonhap) -- South Korea on Monday reiterated its concerns over North Korea. " * 40


def _kept_batch() -> gates.GateResult:
    batch = pl.DataFrame({"article_id": ["a1", "a2"], "text": [PAGE, PAGE.replace("Monday", "Tuesday")]})
    passed = batch.select(
        "article_id", outlet_id=pl.col("text").str.extract(r"\((\w+)\)"), body=pl.col("text").str.slice(0, 40)
    )
    quarantine = pl.DataFrame(schema=gates.QUARANTINE_SCHEMA)
    return gates.GateResult("cleaned_articles", passed, quarantine, [])


def test_the_kept_gate_result_has_the_rows_and_outcomes_of_the_batch():
    kept = _kept_batch()
    detached = clean._detached(kept)
    assert detached.passed.equals(kept.passed)
    assert detached.quarantine.equals(kept.quarantine)
    assert detached.row_outcomes == kept.row_outcomes
