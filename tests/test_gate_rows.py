"""A run keeps the rows its table gate reads on disk, and the gate reads them back in bounded parts: the
verdict is the one of all rows at once, and no part holds more than about ROWS_PER_PART rows. A run killed
before it could remove its scratch folder leaves it to the next gate to remove."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
from datetime import date

import polars as pl

from monitor import gate_rows, gates, ge_session
from monitor.gate_rows import GateRows
from monitor.stance_daily import DAILY_SCHEMA

STEP = "cleaned_articles"
COLUMNS = ["article_id", "title", "body", "published_on", "outlet_id", "story_id", "date_source"]
BODY = "SEOUL, Nov. 21 (Yonhap) -- South Korea on Monday reiterated its concerns over North Korea's launch."


def articles(count: int, start: int = 0) -> pl.DataFrame:
    ids = [f"article-{n:06d}" for n in range(start, start + count)]
    return pl.DataFrame(
        {
            "article_id": ids,
            "title": "South Korea reiterates concerns",
            "body": BODY,
            "published_on": date(2023, 11, 21),
            "outlet_id": "yonhap",
            "story_id": ids,
            "date_source": "dateline",
        }
    ).select(COLUMNS)


def batch_result(frame: pl.DataFrame) -> gates.GateResult:
    return gates.GateResult(STEP, frame, pl.DataFrame(schema=gates.QUARANTINE_SCHEMA), [])


def table_outcomes(result: gates.GateResult) -> list[tuple]:
    verdict = gates.validate_table(result, {"quarantined_share": 0.0})
    return sorted((o.expectation, o.success, o.unexpected_count) for o in verdict.table_outcomes)


def test_a_written_batch_leaves_no_passed_rows_in_memory_only_on_disk():
    with GateRows(STEP, COLUMNS) as kept:
        remaining = kept.keep(batch_result(articles(300)))
        assert remaining.passed.height == 0
        assert kept.height == 300


def test_the_parts_hold_every_row_once_as_its_table_view_and_none_much_more_than_the_bound():
    with GateRows(STEP, COLUMNS, rows_per_part=1_000) as kept:
        for start in range(0, 6_000, 2_000):
            kept.add(articles(2_000, start))
        parts = list(kept.parts())
    assert len(parts) == 6
    assert max(p.height for p in parts) <= 1_300
    whole = pl.concat(parts).sort("article_id")
    assert whole.equals(gates.table_view(STEP, articles(6_000)))
    assert whole["body"].dtype == pl.Boolean and whole["title"].dtype == pl.Boolean  # texts are not kept


def test_the_verdict_over_parts_is_the_verdict_over_all_rows_at_once():
    frame = pl.concat(
        [
            articles(2_500),
            articles(3, start=100),  # the same three articles written again by a later batch
            articles(2, start=9_000).with_columns(published_on=None, story_id=None),
        ]
    )
    with GateRows(STEP, COLUMNS, rows_per_part=700) as kept:
        for start in range(0, frame.height, 1_000):
            kept.add(frame.slice(start, 1_000))
        combined = gates.combine(STEP, [], COLUMNS, kept)
        spilled = table_outcomes(combined)
        assert len([v for v in combined.validations if v.suite_name.endswith(".table")]) == 4
    assert spilled == table_outcomes(batch_result(frame))
    assert ("expect_column_values_to_be_unique(article_id)", False, 6) in spilled
    assert ("expect_column_values_to_not_be_null(story_id)", False, 2) in spilled


def test_the_daily_rows_are_cut_by_their_compound_key():
    assert gate_rows.partition_key("actor_stance_daily") == ["day", "source_actor", "target_actor"]
    assert gate_rows.partition_key(STEP) == ["article_id"]


def test_a_suite_with_an_expectation_that_does_not_add_up_over_parts_reads_one_part(monkeypatch):
    suite = [
        {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "article_id"}},
    ]
    monkeypatch.setattr(
        ge_session, "suite_expectations", lambda step, scope: suite if scope == "table" else []
    )
    assert gate_rows.partition_key(STEP) is None
    with GateRows(STEP, ["article_id"], rows_per_part=10) as kept:
        kept.add(articles(100).select("article_id"))
        assert [p.height for p in kept.parts()] == [100]


def test_a_suite_with_a_share_of_rows_reads_one_part(monkeypatch):
    suite = [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "article_id", "mostly": 0.95}}
    ]
    monkeypatch.setattr(
        ge_session, "suite_expectations", lambda step, scope: suite if scope == "table" else []
    )
    assert gate_rows.partition_key(STEP) is None


def test_a_run_that_wrote_nothing_gives_the_gate_one_empty_part_with_the_columns():
    with GateRows("actor_stance_daily", list(DAILY_SCHEMA)) as kept:
        kept.add(pl.DataFrame(schema=DAILY_SCHEMA))
        [part] = kept.parts()
    assert part.height == 0 and part.columns == list(DAILY_SCHEMA)


KILLED_RUN = """
import os, signal
from monitor.gate_rows import GateRows
GateRows("cleaned_articles", ["article_id"])
os.kill(os.getpid(), signal.SIGKILL)
"""
LIVE_RUN = """
import sys
from monitor.gate_rows import GateRows
with GateRows("cleaned_articles", ["article_id"]):
    print("ready", flush=True)
    sys.stdin.read()
"""


def run_in(folder, code: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(folder)}, **popen)


def test_the_scratch_folder_of_a_run_killed_with_sigkill_is_removed_by_the_next_gate(tmp_path, monkeypatch):
    killed = run_in(tmp_path, KILLED_RUN)
    assert killed.wait() == -signal.SIGKILL
    orphans = list(tmp_path.glob("monitor-gate-*"))
    assert len(orphans) == 1
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    with GateRows(STEP, COLUMNS):
        assert not orphans[0].exists()
        assert len(list(tmp_path.glob("monitor-gate-*"))) == 1


def test_the_scratch_folder_of_a_run_still_going_is_left_alone(tmp_path, monkeypatch):
    live = run_in(tmp_path, LIVE_RUN, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert live.stdout.readline().strip() == "ready"
        monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

        with GateRows(STEP, COLUMNS):
            assert len(list(tmp_path.glob("monitor-gate-*"))) == 2
    finally:
        live.communicate("")
    assert live.returncode == 0 and not list(tmp_path.glob("monitor-gate-*"))


def test_folders_that_are_not_gate_scratch_folders_are_left_alone(tmp_path):
    (tmp_path / "monitor-gate-notes").mkdir()
    (tmp_path / "other-99999999-x").mkdir()

    assert gate_rows.remove_orphans(tmp_path) == []
    assert (tmp_path / "monitor-gate-notes").exists() and (tmp_path / "other-99999999-x").exists()


def test_a_scratch_folder_of_another_host_is_left_alone(tmp_path):
    """A temp folder shared between hosts (or containers) holds folders whose pids this host cannot judge."""
    dead_pid = subprocess.Popen([sys.executable, "-c", "pass"])
    dead_pid.wait()
    elsewhere = tmp_path / f"monitor-gate-{dead_pid.pid}@another-host@raw_articles-x1"
    here = tmp_path / f"monitor-gate-{dead_pid.pid}@{socket.gethostname()}@raw_articles-x2"
    elsewhere.mkdir()
    here.mkdir()

    assert gate_rows.remove_orphans(tmp_path) == [here]
    assert elsewhere.exists() and not here.exists()
