"""Article frames for the outlet and wire-credit tests: the shipped samples, and rows built by a test."""

import json
from pathlib import Path

import polars as pl

ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"
SCHEMA = {"article_id": pl.String, "url": pl.String, "outlet": pl.String, "text": pl.String}


def sample_articles() -> pl.DataFrame:
    """The shipped samples by their number (000..004), with the URL of their sidecar where there is one."""
    rows = []
    for path in sorted(ARTICLES.glob("*.txt")):
        sidecar = path.with_suffix(".json")
        url = json.loads(sidecar.read_text())["url"] if sidecar.exists() else None
        rows.append({"article_id": path.name[:3], "url": url, "outlet": None, "text": path.read_text()})
    return pl.DataFrame(rows, schema=SCHEMA)


def articles(*rows: dict) -> pl.DataFrame:
    blank = {"url": None, "outlet": None, "text": None}
    return pl.DataFrame([{"article_id": f"a{i}"} | blank | row for i, row in enumerate(rows)], schema=SCHEMA)
