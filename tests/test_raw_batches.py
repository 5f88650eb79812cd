"""raw_articles cuts its batches as it reads them: every unit (a page with its sidecar) in one batch, batches
in the order the listing names the units."""

from __future__ import annotations

import polars as pl

from assets import raw


def test_units_are_numbered_in_batches_of_whole_pages_in_listing_order(monkeypatch):
    monkeypatch.setattr(raw, "UNITS_PER_BATCH", 2)
    units = pl.DataFrame(
        {
            "path": ["b/seoul.txt", "b/seoul.json", "a/tokyo.txt", "c/feed.jsonl", "a/tokyo.json", "d/x.txt"],
            "unit_key": ["b/seoul", "b/seoul", "a/tokyo", "c/feed.jsonl", "a/tokyo", "d/x"],
        }
    )
    assert raw.numbered_batches(units)["batch"].to_list() == [0, 0, 0, 1, 0, 1]
