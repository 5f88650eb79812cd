"""raw_articles: every landing file becomes a raw article or a quarantine row, never nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import dagster as dg
import trafilatura
from trafilatura.utils import load_html

from monitor import html_pages
from monitor.decoding import decode_document

SIDECAR = {
    "url": "https://www.koreaherald.com/view.php?ud=20231121000650",
    "outlet": "The Korea Herald",
    "published": "2023-11-21T10:09:00+09:00",
    "title": "US renews concerns over N. Korea",
}

HTML_PAGE = """<html><head><title>Seoul warns Pyongyang | The Korea Herald</title>
<meta property="og:site_name" content="The Korea Herald">
<meta property="article:published_time" content="2023-11-21T10:00:00+09:00">
<link rel="canonical" href="https://www.koreaherald.com/view.php?ud=2023"></head>
<body><nav><a href="/">Home</a> <a href="/national">National</a></nav><article><h1>Seoul warns Pyongyang</h1>
<p>South Korea on Tuesday warned North Korea against a planned spy satellite launch, saying it would violate
UN Security Council resolutions that ban the North from using ballistic missile technology.</p>
<p>The foreign ministry said Seoul would respond firmly together with the United States and Japan.</p>
</article><footer>Copyright The Korea Herald</footer></body></html>"""


DEVSET = Path(__file__).resolve().parent.parent / "devset"


def raw_rows(pipeline):
    return pipeline.query(
        "SELECT article_id, input_kind, paths, url, outlet, published, title FROM raw_articles"
    )


def quarantined(pipeline):
    return pipeline.query(
        "SELECT path, rule, reason, observed_value FROM quarantine WHERE step = 'raw_articles'"
    )


def test_sample_articles_are_ingested_with_their_sidecar_metadata_untouched(sample_pipeline):
    assert sample_pipeline.materialize().success
    rows = {r[2][0].rsplit("/", 1)[1][:3]: r for r in raw_rows(sample_pipeline)}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    assert rows["000"][3] == "https://en.prothomalo.com/international/ejge3vi37j"
    assert rows["001"][3] is None
    assert quarantined(sample_pipeline) == []


def test_text_keeps_the_exact_page_text(pipeline, sample_text):
    pipeline.write("a.txt", sample_text["003"])
    pipeline.materialize()
    [(raw_text, text)] = pipeline.query("SELECT raw_text, text FROM raw_articles")
    assert raw_text == text == sample_text["003"]


def test_sidecar_fields_are_kept_as_strings_and_the_whole_sidecar_as_json(pipeline, sample_text):
    pipeline.write("a.txt", sample_text["001"], sidecar={**SIDECAR, "section": "North Korea"})
    pipeline.materialize()
    [(url, outlet, published, title, metadata, source)] = pipeline.query(
        "SELECT url, outlet, published, title, metadata, metadata_source FROM raw_articles"
    )
    assert (url, outlet, published, title) == tuple(SIDECAR.values())
    assert json.loads(metadata)["section"] == "North Korea"
    assert source == "sidecar"


def test_html_page_gets_main_text_title_date_and_site_name_from_the_extractor(pipeline):
    pipeline.write("page.html", HTML_PAGE)
    pipeline.materialize()
    [(kind, text, title, published, outlet, url)] = pipeline.query(
        "SELECT input_kind, text, title, published, outlet, url FROM raw_articles"
    )
    assert kind == "html"
    assert "warned North Korea against a planned spy satellite launch" in text
    assert "Home" not in text and "<p>" not in text
    assert (title, published, outlet) == ("Seoul warns Pyongyang", "2023-11-21", "The Korea Herald")
    assert url == "https://www.koreaherald.com/view.php?ud=2023"


def test_html_fields_are_trafilaturas_less_untrusted_dates_and_undated_pages_lead_with_stamps():
    files = sorted(DEVSET.glob("*/pages/*.htm*"))
    pages = [HTML_PAGE] + [decode_document(path.read_bytes()).text for path in files]
    assert len(pages) > 5
    stamped = 0
    for html in pages:
        full = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, date_extraction_params=html_pages.DATE_PARAMS
        )
        published = html_pages.utc_instant(html_pages.trusted_date(full.date, html), html)
        fields = {"url": full.url, "outlet": full.sitename, "published": published, "title": full.title}
        stamps = [] if published else html_pages.date_stamps(load_html(html))
        missing = [stamp for stamp in stamps if stamp not in full.text]
        stamped += bool(missing)
        text, found = html_pages.page_fields(html)
        assert (text, {field: found[field] for field in fields}) == ("\n".join([*missing, full.text]), fields)
    assert stamped >= 1


def _page_with_stamp(stamp: str, head: str = "") -> str:
    return HTML_PAGE.replace(
        '<meta property="article:published_time" content="2023-11-21T10:00:00+09:00">', head
    ).replace(
        "<h1>Seoul warns Pyongyang</h1>", f'<h1>Seoul warns Pyongyang</h1><span class="date">{stamp}</span>'
    )


def test_a_page_date_resting_on_a_swappable_numeric_date_is_not_trusted():
    assert html_pages.page_fields(_page_with_stamp("04/02/2025 07:51 PM"))[1]["published"] is None


def test_a_numeric_date_that_cannot_be_swapped_is_kept():
    assert html_pages.page_fields(_page_with_stamp("14/02/2025 07:51 PM"))[1]["published"] == "2025-02-14"


def test_a_swappable_printed_date_backed_by_an_iso_meta_tag_is_kept():
    head = '<meta property="article:published_time" content="2025-02-04T19:51:00+08:00">'
    assert (
        html_pages.page_fields(_page_with_stamp("04/02/2025 07:51 PM", head))[1]["published"] == "2025-02-04"
    )


def test_a_swappable_printed_date_read_the_other_way_by_an_iso_time_element_takes_that_reading():
    html = _page_with_stamp("05/03/2024").replace(
        "</body>", '<time datetime="2024-05-03T14:20:00Z"></time></body>'
    )
    assert html_pages.page_fields(html)[1]["published"] == "2024-05-03"


def test_jsonl_export_gives_one_article_per_record(pipeline, sample_text):
    records = [
        {
            "url": "https://www.yna.co.kr/a/1",
            "published": "2023-11-20",
            "title": "A",
            "text": sample_text["001"],
        },
        {
            "url": "https://www.yna.co.kr/a/2",
            "published": "2023-11-09",
            "title": "B",
            "text": sample_text["004"],
        },
    ]
    pipeline.write("export.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    pipeline.materialize()
    rows = pipeline.query("SELECT input_kind, url, paths[1] FROM raw_articles ORDER BY url")
    assert [(k, u) for k, u, _ in rows] == [
        ("jsonl", "https://www.yna.co.kr/a/1"),
        ("jsonl", "https://www.yna.co.kr/a/2"),
    ]
    assert rows[0][2].endswith("export.jsonl#1") and rows[1][2].endswith("export.jsonl#2")


def test_malformed_jsonl_line_is_quarantined_and_the_other_lines_ingested(pipeline, sample_text):
    good = json.dumps({"url": "https://www.yna.co.kr/a/1", "text": sample_text["004"]})
    pipeline.write("export.jsonl", good + '\n{"url": "https://broken", "text": "unterminated\n')
    pipeline.materialize()
    assert len(raw_rows(pipeline)) == 1
    [(path, rule, reason, observed)] = quarantined(pipeline)
    assert path.endswith("export.jsonl#2")
    assert "read_error" in rule and observed.startswith("malformed JSONL record")


def test_the_same_bytes_under_another_name_add_a_path_not_a_row(pipeline, sample_text):
    pipeline.write("a.txt", sample_text["004"])
    pipeline.write("copies/b.txt", sample_text["004"])
    pipeline.materialize()
    [(_, _, paths, *_)] = raw_rows(pipeline)
    assert [p.rsplit("landing/", 1)[1] for p in paths] == ["a.txt", "copies/b.txt"]
    pipeline.write("later/c.txt", sample_text["004"])
    pipeline.materialize()
    [(_, _, paths, *_)] = raw_rows(pipeline)
    assert len(paths) == 3


def test_a_second_run_over_the_same_folder_reads_nothing_and_adds_nothing(sample_pipeline):
    sample_pipeline.materialize()
    before = sample_pipeline.query("SELECT * FROM raw_articles ORDER BY article_id")
    result = sample_pipeline.materialize()
    metadata = result.asset_materializations_for_node("raw_articles")[0].metadata
    assert metadata["files_changed"].value == 0 and metadata["new_articles"].value == 0
    assert sample_pipeline.query("SELECT * FROM raw_articles ORDER BY article_id") == before


def test_a_new_file_adds_one_row(sample_pipeline, sample_text):
    sample_pipeline.materialize()
    sample_pipeline.write("new.txt", sample_text["004"].replace("Blinken", "Secretary Blinken"))
    result = sample_pipeline.materialize()
    assert result.asset_materializations_for_node("raw_articles")[0].metadata["new_articles"].value == 1
    assert len(raw_rows(sample_pipeline)) == 6


def test_a_changed_file_is_a_new_version(pipeline, sample_text):
    path = pipeline.write("a.txt", sample_text["004"])
    pipeline.materialize()
    path.write_text(sample_text["004"] + "\nUpdated with comments from Seoul.", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    pipeline.materialize()
    assert len(raw_rows(pipeline)) == 2


def test_a_sidecar_that_appears_later_makes_a_new_version_with_its_metadata(pipeline, sample_text):
    pipeline.write("a.txt", sample_text["001"])
    pipeline.materialize()
    pipeline.write("a.txt", sample_text["001"], sidecar=SIDECAR)
    pipeline.materialize()
    assert sorted(r[3] or "" for r in raw_rows(pipeline)) == ["", SIDECAR["url"]]


def test_windows_1252_page_is_decoded(pipeline):
    text = "Seoul’s foreign minister said the “cooperation” was troubling. " * 5
    pipeline.write("cp1252.txt", text.encode("cp1252"))
    pipeline.materialize()
    [(encoding, stored)] = pipeline.query("SELECT encoding, text FROM raw_articles")
    assert stored == text
    assert encoding.startswith("cp125")


def test_utf16_page_with_a_byte_order_mark_is_decoded(pipeline, sample_text):
    pipeline.write("utf16.txt", sample_text["004"].encode("utf-16"))
    pipeline.materialize()
    [(encoding, stored)] = pipeline.query("SELECT encoding, text FROM raw_articles")
    assert (encoding, stored) == ("utf-16", sample_text["004"])


def test_bad_files_are_quarantined_with_a_reason_and_the_run_goes_on(pipeline, sample_text):
    for n in range(25):
        pipeline.write(f"good/{n}.txt", f"{sample_text['004']}\nCorrection {n}.")
    pipeline.write("empty.txt", b"")
    pipeline.write("binary.txt", bytes(range(256)) * 10)
    pipeline.write("mixed.txt", "Seoul’s reply".encode() + " and Moscow’s".encode("cp1252") + b" text" * 40)
    pipeline.write("huge.txt", "A" * (64 * 1024 + 1))
    pipeline.write("bad_sidecar.txt", sample_text["003"])
    (pipeline.landing / "bad_sidecar.json").write_text("{url: oops", encoding="utf-8")
    pipeline.write("report.pdf", b"%PDF-1.4")
    os.symlink(pipeline.landing / "gone.txt", pipeline.landing / "dangling.txt")
    result = pipeline.materialize(selection="raw_articles")
    assert len(raw_rows(pipeline)) == 25
    reasons = {
        path.rsplit("/", 1)[1]: observed or reason for path, _, reason, observed in quarantined(pipeline)
    }
    assert reasons["empty.txt"] == "0"
    assert reasons["binary.txt"].startswith("binary")
    assert reasons["mixed.txt"].startswith("mixed encodings")
    assert reasons["huge.txt"].startswith("oversized")
    assert reasons["bad_sidecar.txt"].startswith("malformed sidecar")
    assert reasons["report.pdf"] == ".pdf"
    assert reasons["dangling.txt"].startswith("unreadable")
    assert result.success


def test_every_landing_file_is_in_raw_articles_or_quarantine(pipeline, sample_text):
    pipeline.write("a.txt", sample_text["000"], sidecar={"url": "https://en.prothomalo.com/x"})
    pipeline.write("b.txt", b"")
    pipeline.write("orphan.json", "{}")
    pipeline.write("notes.md", "# notes")
    pipeline.materialize()
    unaccounted = pipeline.query(
        """SELECT path FROM landing_files
           WHERE path NOT IN (SELECT unnest(paths) FROM raw_articles)
             AND path NOT IN (SELECT sidecar_path FROM raw_articles WHERE sidecar_path IS NOT NULL)
             AND path NOT IN (SELECT path FROM quarantine)"""
    )
    assert unaccounted == []
    assert pipeline.query("SELECT count(*) FROM landing_files") == [(5,)]


def test_a_file_name_that_is_not_utf8_is_quarantined_by_name_and_the_run_goes_on(pipeline, sample_text):
    for n in range(10):
        pipeline.write(f"good/{n}.txt", f"{sample_text['004']}\nCorrection {n}.")
    (pipeline.landing / os.fsdecode(b"R\xe9sum\xe9.txt")).write_text(sample_text["003"], encoding="utf-8")
    result = pipeline.materialize(selection="raw_articles")
    assert result.success
    assert len(raw_rows(pipeline)) == 10
    [(path, _, _, observed)] = quarantined(pipeline)
    assert path.endswith("R\\xe9sum\\xe9.txt")
    assert observed.startswith("file name is not valid UTF-8")
    assert pipeline.query("SELECT count(*) FROM landing_files") == [(11,)]


def test_quarantined_share_over_the_threshold_fails_the_blocking_check_and_stops_downstream(
    pipeline, sample_text
):
    @dg.asset(deps=["raw_articles"])
    def downstream_probe() -> None:
        """Stands for the next layer: it must not run when the raw gate fails."""

    pipeline.write("good.txt", sample_text["004"])
    for n in range(3):
        pipeline.write(f"empty_{n}.txt", b"")
    result = pipeline.materialize(extra_assets=[downstream_probe])
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not checks["raw_articles_table_gate"].passed
    assert checks["raw_articles_table_gate"].metadata["failed_expectations"].value == [
        "expect_column_max_to_be_between(quarantined_share)"
    ]
    assert result.asset_materializations_for_node("downstream_probe") == []


def test_the_row_gate_reports_what_each_expectation_quarantined(pipeline, sample_text):
    pipeline.write("good.txt", sample_text["004"])
    pipeline.write("empty.txt", b"")
    for n in range(4):
        pipeline.write(f"more_{n}.txt", sample_text["003"] + f" {n}")
    result = pipeline.materialize()
    rows_check = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "raw_articles_rows_gate"
    )
    assert not rows_check.passed
    expectations = rows_check.metadata["expectations"].value
    assert expectations["expect_column_values_to_be_between(text_length)"]["unexpected_count"] == 1
    assert rows_check.metadata["rows_quarantined"].value == 1
