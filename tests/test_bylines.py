"""Bylines: who a page says wrote it, kept on raw_articles and read for a wire credit given only there."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from monitor import html_pages, schema

BLIND10_PAGES = Path(__file__).resolve().parent.parent / "devset/blind10/pages"
LE_MONDE_PAGE = BLIND10_PAGES / "lemonde_france_expels_algerian_diplomats_recalls_ambassador.html"
PAGE_WITH_AUTHOR_BIO = """<html><head><title>Seoul warns Pyongyang | The Korea Herald</title></head><body>
<article><h1>Seoul warns Pyongyang</h1><p class="byline">By Kim Arin</p>
<p>South Korea on Tuesday warned North Korea against a planned spy satellite launch, saying it would violate
UN Security Council resolutions that ban the North from using ballistic missile technology.</p>
<p>The foreign ministry said Seoul would respond firmly together with the United States and Japan.</p>
<div class="author-bio">Kim Arin covers diplomacy; she previously reported for AFP.</div>
</article></body></html>"""


def write_le_monde_page(pipeline) -> None:
    """A blind10 page whose only wire credit is its author block, `<p class="meta__author">`."""
    sidecar = json.loads(LE_MONDE_PAGE.with_suffix(".json").read_text())
    pipeline.write("lemonde.html", LE_MONDE_PAGE.read_bytes(), sidecar=sidecar)


def test_an_html_pages_author_block_is_kept_as_its_byline(pipeline):
    write_le_monde_page(pipeline)
    pipeline.materialize(selection="raw_articles")
    assert pipeline.query("SELECT byline FROM raw_articles") == [("Le Monde with AFP",)]


def test_a_wire_credited_only_in_the_html_byline_is_the_articles_wire(pipeline):
    write_le_monde_page(pipeline)
    pipeline.materialize()
    assert pipeline.query("SELECT outlet_id, wire FROM cleaned_articles") == [("le_monde", "afp")]


def test_an_author_biography_is_not_read_as_a_byline():
    _, fields = html_pages.page_fields(PAGE_WITH_AUTHOR_BIO)
    assert fields["byline"] == "By Kim Arin"


def test_a_jsonl_records_author_is_its_byline(pipeline, sample_text):
    record = {"url": "https://www.reuters.com/world/asia/x", "author": "Reuters", "text": sample_text["004"]}
    pipeline.write("export.jsonl", json.dumps(record) + "\n")
    pipeline.materialize(selection="raw_articles")
    assert pipeline.query("SELECT byline FROM raw_articles") == [("Reuters",)]


def test_a_database_written_before_bylines_gains_the_column_and_keeps_its_rows(tmp_path):
    old_columns = schema.TABLES["raw_articles"].replace("        byline          VARCHAR,\n", "")
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as conn:
        conn.execute(f"CREATE TABLE raw_articles ({old_columns})")
        conn.execute(
            "INSERT INTO raw_articles (article_id, input_kind, raw_text, paths, size_bytes, encoding,"
            " ingested_at) VALUES ('a1', 'txt', 'x', ['a.txt'], 1, 'utf-8', now())"
        )
        schema.ensure_tables(conn)
        assert conn.execute("SELECT article_id, byline FROM raw_articles").fetchall() == [("a1", None)]
