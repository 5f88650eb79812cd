"""The benchmark's accuracy matches stored paths to the ground truth's, relative to the landing folder, and
keeps the story groups of its batches apart."""

from __future__ import annotations

import polars as pl

from monitor.synthetic_corpus import generate_corpus
from scripts.bench_accuracy import read_truth_articles, relative_paths

FILE = "b0/0042/b0-0042627.txt"


def relative(stored: str, landing) -> str:
    return pl.select(relative_paths(pl.lit(stored), landing)).item()


def test_a_path_stored_through_a_symlinked_landing_folder_is_made_relative(tmp_path):
    (tmp_path / "real" / "landing").mkdir(parents=True)
    (tmp_path / "bench").symlink_to(tmp_path / "real")
    landing = tmp_path / "bench" / "landing"

    assert relative(f"{landing}/{FILE}", landing) == FILE


def test_a_path_stored_resolved_is_made_relative_to_a_symlinked_landing_folder(tmp_path):
    (tmp_path / "real" / "landing").mkdir(parents=True)
    (tmp_path / "bench").symlink_to(tmp_path / "real")

    assert relative(f"{tmp_path}/real/landing/{FILE}", tmp_path / "bench" / "landing") == FILE


def test_story_groups_of_two_batches_that_share_a_number_stay_apart(tmp_path):
    generate_corpus(tmp_path / "landing", tmp_path / "truth", 60, seed=1, batch="b0")
    generate_corpus(tmp_path / "landing", tmp_path / "truth", 60, seed=2, batch="b1")

    truth = read_truth_articles(tmp_path / "truth")
    batch = pl.col("path").str.head(2)
    batches_per_group = truth.group_by("story_group").agg(batch.n_unique().alias("batches"))

    assert truth.select(batch.n_unique()).item() == 2
    assert batches_per_group["batches"].max() == 1
