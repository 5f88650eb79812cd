"""The benchmark's accuracy matches stored paths to the ground truth's, relative to the landing folder."""

from __future__ import annotations

import polars as pl

from scripts.bench_accuracy import relative_paths

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
