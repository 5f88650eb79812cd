"""raw_articles cuts its batches as it reads them: every unit (a page with its sidecar) in one batch, batches
in the order the listing names the units, bounded in units and in bytes."""

from __future__ import annotations

import polars as pl

from assets import raw


def test_units_are_numbered_in_batches_of_whole_pages_in_listing_order(monkeypatch):
    monkeypatch.setattr(raw, "UNITS_PER_BATCH", 2)
    units = pl.DataFrame(
        {
            "path": ["b/seoul.txt", "b/seoul.json", "a/tokyo.txt", "c/feed.jsonl", "a/tokyo.json", "d/x.txt"],
            "unit_key": ["b/seoul", "b/seoul", "a/tokyo", "c/feed.jsonl", "a/tokyo", "d/x"],
            "size_bytes": [4_000, 200, 3_000, 90_000, 200, 2_500],
        }
    )
    assert raw.numbered_batches(units)["batch"].to_list() == [0, 0, 0, 1, 0, 1]


def test_a_run_of_large_exports_is_cut_by_bytes_before_the_unit_count_is_reached(monkeypatch):
    monkeypatch.setattr(raw, "BYTES_PER_BATCH", 100_000)
    exports = pl.DataFrame(
        {
            "path": [f"exports/feed_{n}.jsonl" for n in range(5)] + ["pages/a.txt", "pages/b.txt"],
            "unit_key": [f"exports/feed_{n}.jsonl" for n in range(5)] + ["pages/a", "pages/b"],
            "size_bytes": [60_000] * 5 + [3_000, 3_000],
        }
    )
    batches = raw.numbered_batches(exports)
    assert batches["batch"].to_list() == [0, 0, 1, 1, 2, 3, 3]
    assert batches.group_by("batch").agg(pl.col("size_bytes").sum())["size_bytes"].max() <= 2 * 60_000
