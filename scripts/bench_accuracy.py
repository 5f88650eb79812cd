"""Accuracy of a benchmark run against the synthetic corpus's ground truth (monitor.synthetic_corpus).

Used by scripts/benchmark.py; on its own: python scripts/bench_accuracy.py DB LANDING TRUTH_DIR
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl


def _share(frame: pl.DataFrame, condition: pl.Expr) -> float | None:
    return round(frame.select(condition.mean()).item(), 4) if frame.height else None


def relative_paths(paths: pl.Expr, landing: Path) -> pl.Expr:
    """Stored paths relative to the landing folder. raw_articles keeps the folder as it was configured, which
    may reach it through a symlink, so both that form and the resolved one are stripped."""
    as_given, resolved = str(landing.absolute()) + "/", str(landing.resolve()) + "/"
    return paths.str.strip_prefix(as_given).str.strip_prefix(resolved)


def _with_paths(conn, query: str, landing: Path) -> pl.DataFrame:
    return (
        conn.execute(query)
        .pl()
        .explode("paths")
        .with_columns(path=relative_paths(pl.col("paths"), landing))
        .drop("paths")
    )


def read_truth_articles(truth_dir: Path) -> pl.DataFrame:
    """Every batch's truth rows. The generator numbers story groups from 0 in each batch, so a group is
    keyed by its batch too: the +1% batch's group 0 is not the first batch's group 0."""
    return pl.concat(
        [
            pl.read_parquet(path).with_columns(
                story_group=pl.lit(path.name.removesuffix("_articles.parquet") + ":")
                + pl.col("story_group").cast(pl.String)
            )
            for path in sorted(truth_dir.glob("*_articles.parquet"))
        ]
    )


def measure(connect: Callable[[], duckdb.DuckDBPyConnection], landing: Path, truth_dir: Path) -> dict:
    """Date, outlet, wire, story and stance accuracy, and which bad files landed in quarantine by the rule.

    `connect` opens the tables read-only (monitor.analysis.connect, whichever the storage)."""
    truth = read_truth_articles(truth_dir)
    bad = pl.concat([pl.read_parquet(p) for p in sorted(truth_dir.glob("*_bad.parquet"))])
    with connect() as conn:
        cleaned = _with_paths(
            conn,
            """SELECT c.article_id, c.published_on, c.outlet_id, c.wire, c.story_id, r.paths
               FROM cleaned_articles c JOIN raw_articles r USING (article_id)""",
            landing,
        )
        statements = _with_paths(
            conn,
            """SELECT s.source_actor AS source, s.target_actor AS target, s.polarity, r.paths
               FROM stance_statements s JOIN raw_articles r USING (article_id)""",
            landing,
        )
        quarantined = conn.execute(
            """SELECT rule, path AS full_path FROM quarantine WHERE path IS NOT NULL
               UNION ALL
               SELECT q.rule, unnest(r.paths) FROM quarantine q
               JOIN raw_articles r ON r.article_id = q.item_id WHERE q.path IS NULL"""
        ).pl()
    quarantined = quarantined.with_columns(path=relative_paths(pl.col("full_path"), landing)).unique()
    found = truth.join(cleaned, on="path", how="left", suffix="_got")
    got = found.filter(pl.col("article_id").is_not_null())
    copies = got.filter(pl.len().over("story_group") > 1)
    merged = got.group_by("story_id").agg(pl.col("story_group").n_unique().alias("groups"))
    expected = truth.select("path", "stances").explode("stances").unnest("stances")
    matched = expected.join(statements, on=["path", "source", "target"], how="left").with_columns(
        right=(pl.col("polarity").sign() == pl.col("sign"))
    )
    per_pair = matched.group_by("path", "source", "target", "sign").agg(
        pl.col("polarity").is_not_null().any().alias("pair_found"), pl.col("right").any().alias("right")
    )
    keys = expected.select("path", "source", "target").unique().with_columns(expected=pl.lit(True))
    checked = statements.join(truth.select("path"), on="path", how="semi")
    caught = bad.join(quarantined, on=["path", "rule"], how="left").with_columns(
        caught=pl.col("full_path").is_not_null()
    )
    return {
        "articles_in_truth": truth.height,
        "reached_cleaned": _share(found, pl.col("article_id").is_not_null()),
        "date_accuracy": _share(got, pl.col("published_on") == pl.col("published_on_got")),
        "date_missing": _share(got, pl.col("published_on_got").is_null()),
        "outlet_accuracy": _share(got, pl.col("outlet_id") == pl.col("outlet_id_got")),
        "wire_accuracy": _share(got, pl.col("wire").eq_missing(pl.col("wire_got"))),
        "syndicated_copies_grouped": _share(copies, pl.col("story_id").n_unique().over("story_group") == 1),
        "stories_merging_unrelated_groups": merged.filter(pl.col("groups") > 1).height,
        "stance_pair_recall": _share(per_pair, pl.col("pair_found")),
        "stance_sign_recall": _share(per_pair, pl.col("right").fill_null(False)),
        "stance_sign_accuracy": _share(per_pair.filter(pl.col("pair_found")), pl.col("right")),
        "stance_precision_pairs": _share(
            checked.join(keys, on=["path", "source", "target"], how="left"), pl.col("expected").is_not_null()
        ),
        "bad_files_quarantined_by_expected_rule": {
            kind: round(share, 4)
            for kind, share in caught.group_by("kind").agg(pl.col("caught").mean()).sort("kind").iter_rows()
        },
    }


if __name__ == "__main__":
    database = Path(sys.argv[1])
    figures = measure(
        lambda: duckdb.connect(str(database), read_only=True), Path(sys.argv[2]), Path(sys.argv[3])
    )
    print(json.dumps(figures, indent=2, default=str))
