"""Score monitor.dates on devset/dates/cases.jsonl: accuracy, wrong dates (must be 0), abstentions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

from monitor.dates import resolve_published_dates

DEVSET = Path(__file__).resolve().parent.parent / "devset" / "dates" / "cases.jsonl"


def evaluate(path: Path) -> pl.DataFrame:
    cases = pl.read_ndjson(path, infer_schema_length=None).with_columns(
        pl.col("expected").str.to_date(),
        pl.col("ingested_at").str.to_datetime(time_zone="UTC"),
    )
    found = resolve_published_dates(cases.rename({"id": "article_id"}))
    return cases.join(
        found.rename({"article_id": "id"}), on="id", how="left", maintain_order="left"
    ).with_columns(
        pl.when(pl.col("published_on") == pl.col("expected"))
        .then(pl.lit("correct"))
        .when(pl.col("published_on").is_null() & pl.col("expected").is_null())
        .then(pl.lit("correct abstention"))
        .when(pl.col("published_on").is_null())
        .then(pl.lit("missed"))
        .otherwise(pl.lit("WRONG DATE"))
        .alias("outcome"),
        (pl.col("date_source").fill_null("-") == pl.col("expected_source").fill_null("-")).alias("source_ok"),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="?", type=Path, default=DEVSET)
    args = parser.parse_args()
    scored = evaluate(args.cases)
    n = scored.height
    right = scored.filter(pl.col("outcome").is_in(["correct", "correct abstention"])).height
    wrong = scored.filter(pl.col("outcome") == "WRONG DATE")
    missed = scored.filter(pl.col("outcome") == "missed")
    abstained = scored.filter(pl.col("published_on").is_null()).height
    print(f"cases: {n}  accuracy: {right / n:.1%} ({right}/{n})")
    print(
        f"wrong dates: {wrong.height}  abstentions: {abstained} "
        f"(correct {abstained - missed.height}, missed {missed.height})"
    )
    print(f"source agrees with label: {scored['source_ok'].sum()}/{n}")
    problems = scored.filter((pl.col("outcome").is_in(["WRONG DATE", "missed"])) | ~pl.col("source_ok"))
    with pl.Config(tbl_rows=100, fmt_str_lengths=60, tbl_width_chars=200):
        if problems.height:
            print(
                problems.select(
                    "id",
                    "outcome",
                    "expected",
                    "published_on",
                    "expected_source",
                    "date_source",
                    "date_evidence",
                )
            )
    return 1 if wrong.height else 0


if __name__ == "__main__":
    sys.exit(main())
