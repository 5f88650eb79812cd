"""Hostile input through the real pipeline: names that look like SQL, sidecars that name system files,
files and records far over the size cap, JSON nested past any sane depth. Each stays data or goes to
quarantine with a reason; nothing crashes, nothing outside the landing folder is opened.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

import dagster as dg
import pytest

from monitor import cli

RAW_ONLY = dg.AssetSelection.assets("raw_articles")
MB = 1024 * 1024
RSS_GROWTH_LIMIT = 150 * MB
SECRET_FILE = "/etc/passwd"
OPENED: list[str] = []
_watching = False


def _record_opens(event: str, args: tuple) -> None:
    if _watching and event == "open" and isinstance(args[0], str | bytes | Path):
        OPENED.append(str(args[0], "utf-8", "replace") if isinstance(args[0], bytes) else str(args[0]))


sys.addaudithook(_record_opens)


@pytest.fixture
def opened_files():
    """Every path the process opens while the test runs (Python's audit hook sees all opens)."""
    global _watching
    OPENED.clear()
    _watching = True
    yield OPENED
    _watching = False


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def quarantine_rows(pipeline) -> list[tuple]:
    return pipeline.query("SELECT path, reason, observed_value FROM quarantine ORDER BY path")


def test_a_file_name_with_quotes_and_semicolons_passes_every_step_as_data(sample_pipeline, sample_text):
    name = "x'; DROP TABLE raw_articles; --.txt"
    hostile = sample_pipeline.write(name, sample_text["002"] + "\nUpdated.\n")
    result = sample_pipeline.materialize()
    assert result.success
    [(paths,)] = sample_pipeline.query(
        "SELECT paths FROM raw_articles WHERE list_contains(paths, ?)", [str(hostile)]
    )
    assert paths == [str(hostile)]
    assert sample_pipeline.query("SELECT count(*) FROM raw_articles") == [(6,)]
    ledger = sample_pipeline.query("SELECT count(*) FROM landing_files WHERE path = ?", [str(hostile)])
    assert ledger == [(1,)]


def test_a_sidecar_naming_etc_passwd_keeps_the_names_as_text_and_never_opens_them(
    pipeline, sample_text, opened_files
):
    sidecar = {"url": f"file://{SECRET_FILE}", "path": SECRET_FILE, "sidecar_path": SECRET_FILE}
    page = pipeline.write("article.txt", sample_text["003"], sidecar=sidecar)
    assert pipeline.materialize(RAW_ONLY).success
    [(url, metadata, text, sidecar_path)] = pipeline.query(
        "SELECT url, metadata, text, sidecar_path FROM raw_articles"
    )
    assert url == f"file://{SECRET_FILE}"
    assert json.loads(metadata)["path"] == SECRET_FILE
    assert sidecar_path == str(page.with_suffix(".json"))
    assert text == sample_text["003"]
    assert SECRET_FILE not in opened_files


def test_a_jsonl_record_naming_etc_passwd_is_never_opened(pipeline, sample_text, opened_files):
    record = {"text": sample_text["004"], "url": SECRET_FILE, "path": SECRET_FILE, "file": SECRET_FILE}
    pipeline.write("export.jsonl", json.dumps(record) + "\n")
    assert pipeline.materialize(RAW_ONLY).success
    [(url, text)] = pipeline.query("SELECT url, text FROM raw_articles")
    assert (url, text) == (SECRET_FILE, sample_text["004"])
    assert SECRET_FILE not in opened_files


def test_a_one_gigabyte_file_is_quarantined_without_being_read_into_memory(sample_pipeline):
    big = sample_pipeline.landing / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(1024 * MB)
    before = peak_rss_bytes()
    assert sample_pipeline.materialize(RAW_ONLY).success
    assert peak_rss_bytes() - before < RSS_GROWTH_LIMIT
    [(path, reason, observed)] = quarantine_rows(sample_pipeline)
    assert path == str(big)
    assert observed.startswith("oversized: more than")
    assert sample_pipeline.query("SELECT count(*) FROM raw_articles") == [(5,)]


def test_a_hundred_megabyte_jsonl_line_is_quarantined_and_the_other_lines_ingested(
    sample_pipeline, sample_text
):
    export = sample_pipeline.landing / "export.jsonl"
    with open(export, "wb") as handle:
        handle.write(json.dumps({"text": sample_text["001"]}).encode() + b"\n")
        handle.write(b'{"text": "')
        handle.seek(100 * MB, 1)
        handle.write(b'"}\n' + json.dumps({"text": sample_text["002"]}).encode() + b"\n")
    before = peak_rss_bytes()
    assert sample_pipeline.materialize(RAW_ONLY).success
    assert peak_rss_bytes() - before < RSS_GROWTH_LIMIT
    [(path, _reason, observed)] = quarantine_rows(sample_pipeline)
    assert path == f"{export}#2"
    assert observed.startswith("oversized: JSONL record of more than")
    [(records,)] = sample_pipeline.query(
        "SELECT list(text ORDER BY text) FROM raw_articles WHERE input_kind = 'jsonl'"
    )
    assert records == sorted([sample_text["001"], sample_text["002"]])


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_a_sidecar_nested_twenty_thousand_deep_is_quarantined_with_the_reason(sample_pipeline, sample_text):
    page = sample_pipeline.write("deep.txt", sample_text["003"])
    page.with_suffix(".json").write_text(f'{{"url": "https://example.org/a", "x": {nested(20_000)}}}')
    assert sample_pipeline.materialize(RAW_ONLY).success
    [(path, _reason, observed)] = quarantine_rows(sample_pipeline)
    assert path == str(page)
    assert observed == f"malformed sidecar: nested deeper than 512 levels ({page.with_suffix('.json')})"


def test_a_jsonl_record_nested_twenty_thousand_deep_is_quarantined_and_its_neighbours_kept(
    sample_pipeline, sample_text
):
    export = sample_pipeline.write(
        "export.jsonl",
        json.dumps({"text": sample_text["000"]})
        + "\n"
        + f'{{"text": "deep", "x": {nested(20_000)}}}'
        + "\n"
        + json.dumps({"text": sample_text["004"]})
        + "\n",
    )
    assert sample_pipeline.materialize(RAW_ONLY).success
    [(path, _reason, observed)] = quarantine_rows(sample_pipeline)
    assert path == f"{export}#2"
    assert observed == "malformed JSONL record: nested deeper than 512 levels"
    assert sample_pipeline.query("SELECT count(*) FROM raw_articles WHERE input_kind = 'jsonl'") == [(2,)]


def test_brackets_inside_strings_are_not_nesting(pipeline, sample_text):
    pipeline.write(
        "brackets.txt", sample_text["003"], sidecar={"url": "https://example.org/a", "title": "[{" * 600}
    )
    assert pipeline.materialize(RAW_ONLY).success
    assert pipeline.query("SELECT title FROM raw_articles") == [("[{" * 600,)]


def test_nesting_python_can_parse_still_reaches_the_database_intact(pipeline, sample_text):
    """Deep but legal JSON (below the parser's limit) is metadata like any other."""
    pipeline.write("deep.txt", sample_text["003"], sidecar={"url": "https://example.org/a"})
    page_sidecar = pipeline.landing / "deep.json"
    page_sidecar.write_text(f'{{"url": "https://example.org/a", "x": {nested(500)}}}')
    assert pipeline.materialize(RAW_ONLY).success
    [(metadata,)] = pipeline.query("SELECT metadata FROM raw_articles")
    assert json.loads(metadata)["x"] == json.loads(nested(500))


def test_monitor_dev_binds_the_ui_to_loopback_unless_told_otherwise(monkeypatch):
    calls = []
    monkeypatch.setattr(cli.subprocess, "call", lambda command, cwd: calls.append(command) or 0)
    monkeypatch.setattr(cli, "_prepare_environment", lambda: None)
    cli.main(["dev"])
    cli.main(["dev", "--host", "0.0.0.0", "--port", "8080"])
    assert [c[2:] for c in calls] == [["-h", "127.0.0.1", "-p", "3000"], ["-h", "0.0.0.0", "-p", "8080"]]


def test_a_symlink_to_etc_passwd_in_the_landing_folder_is_quarantined_unread(sample_pipeline, opened_files):
    link = sample_pipeline.landing / "passwd.txt"
    link.symlink_to(SECRET_FILE)
    assert sample_pipeline.materialize(RAW_ONLY).success
    [(path, _reason, observed)] = quarantine_rows(sample_pipeline)
    assert (path, observed) == (str(link), "unreadable: OSError: symbolic link, not followed")
    assert SECRET_FILE not in opened_files
    assert sample_pipeline.query("SELECT count(*) FROM raw_articles WHERE raw_text LIKE 'root:%'") == [(0,)]


def test_a_named_pipe_in_the_landing_folder_is_quarantined_without_blocking_the_run(sample_pipeline):
    fifo = sample_pipeline.landing / "pipe.txt"
    os.mkfifo(fifo)
    assert sample_pipeline.materialize(RAW_ONLY).success
    [(path, _reason, observed)] = quarantine_rows(sample_pipeline)
    assert (path, observed) == (str(fifo), "unreadable: OSError: not a regular file")
