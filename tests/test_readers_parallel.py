"""Reading HTML pages in worker processes: the same candidates as reading them in the calling thread, and a
worker that fails costs no more than the page it failed on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl

from monitor import landing, parallel_reading, readers
from monitor.page_workers import PageWorkers

MAX_BYTES = 64 * 1024
PAGE = """<html><head><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="2024-03-{day:02d}T08:00:00+00:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>The foreign ministry said on Tuesday that talks with its neighbour would resume next month, after a
pause of almost a year that both governments blamed on the other side's demands.</p>
<p>Officials said the agenda would cover border crossings, fishing rights and the return of detainees.</p>
</article><footer>Copyright {outlet}</footer></body></html>"""


def _read_or_die(path: str, sidecar_path: str | None, input_kind: str, max_bytes: int) -> dict:
    """Reads like the pipeline, but its process dies on one page, as a worker killed for memory would."""
    if path.endswith("poison.html"):
        os._exit(70)
    return readers.read_unit(path, sidecar_path, input_kind, max_bytes)


def _read_or_raise(path: str, sidecar_path: str | None, input_kind: str, max_bytes: int) -> dict:
    if path.endswith("poison.html"):
        raise RuntimeError("parser gave up")
    return readers.read_unit(path, sidecar_path, input_kind, max_bytes)


def write_pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"page_{n:03d}.html"
        html = PAGE.format(title=f"Talks resume, round {n}", outlet=f"Daily {n % 3}", day=1 + n % 28)
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def landing_units(folder: Path) -> pl.DataFrame:
    listing = landing.classify_files(landing.list_landing_files(folder))
    return landing.changed_units(listing, pl.DataFrame(schema=landing.LISTING_SCHEMA))


def test_pages_read_in_worker_processes_give_the_candidates_read_in_the_thread(tmp_path):
    write_pages(tmp_path, 40)
    (tmp_path / "page_007.json").write_text(json.dumps({"url": "https://x.example/7"}), encoding="utf-8")
    (tmp_path / "page_008.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "menu.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "note.txt").write_text("Seoul and Tokyo agreed to resume talks. " * 10, encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"text": "Talks resumed."}) + "\n{bad\n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    units = landing_units(tmp_path)
    in_thread = parallel_reading.read_units(units, MAX_BYTES, PageWorkers(processes=2, min_pages=10**9))
    with PageWorkers(processes=2, min_pages=1) as workers:
        in_workers = parallel_reading.read_units(units, MAX_BYTES, workers)
    assert in_workers.equals(in_thread)
    assert in_workers.height == 40 + 3 + 1 + 2 + 1


def test_a_read_with_fewer_pages_than_the_threshold_starts_no_workers(tmp_path):
    rows = [(str(path), None, "html") for path in write_pages(tmp_path, 4)]
    with PageWorkers(processes=2, min_pages=5) as workers:
        assert workers.start(readers.read_unit, rows, MAX_BYTES, failed=readers.failed_read) is None


def rows_with_poison(folder: Path, pages: int, poisoned: int) -> list[tuple]:
    """Read rows of `pages` pages, the one at `poisoned` named poison.html (the test readers fail on it)."""
    paths = write_pages(folder, pages)
    paths[poisoned] = paths[poisoned].rename(folder / "poison.html")
    return [(str(path), None, "html") for path in paths]


def test_a_worker_that_dies_on_a_page_costs_that_page_and_no_other(tmp_path):
    rows = rows_with_poison(tmp_path, 40, 21)
    with PageWorkers(processes=2, min_pages=1) as workers:
        read = workers.start(_read_or_die, rows, MAX_BYTES, failed=readers.failed_read)()
    assert read[21]["read_error"].startswith("reader process failed: BrokenProcessPool")
    assert read[21]["path"] == rows[21][0]
    others = [readers.read_unit(*row, MAX_BYTES) for row in rows[:21] + rows[22:]]
    assert read[:21] + read[22:] == others


def test_a_page_whose_reader_raises_in_a_worker_is_failed_and_the_others_are_read(tmp_path):
    rows = rows_with_poison(tmp_path, 20, 3)
    with PageWorkers(processes=2, min_pages=1) as workers:
        read = workers.start(_read_or_raise, rows, MAX_BYTES, failed=readers.failed_read)()
    assert read[3]["read_error"] == "reader process failed: RuntimeError: parser gave up"
    assert [r["read_error"] for r in read[:3] + read[4:]] == [None] * 19


def test_batches_read_ahead_each_give_their_own_candidates_in_order(tmp_path):
    for n in range(3):
        write_pages(tmp_path / f"batch{n}", 12)
    units = landing_units(tmp_path)
    batches = [units.filter(pl.col("path").str.contains(f"/batch{n}/")) for n in range(3)]
    with PageWorkers(processes=2, min_pages=1) as workers:
        read = list(parallel_reading.read_batches(batches, MAX_BYTES, workers))
    expected = [
        parallel_reading.read_units(batch, MAX_BYTES, PageWorkers(min_pages=10**9)) for batch in batches
    ]
    assert len(read) == 3
    assert all(got.equals(want) for got, want in zip(read, expected, strict=True))


def test_no_batches_give_no_candidates():
    with PageWorkers(processes=2, min_pages=1) as workers:
        assert list(parallel_reading.read_batches([], MAX_BYTES, workers)) == []


def test_batches_are_taken_from_a_generator_one_ahead_of_the_batch_handed_over(tmp_path):
    for n in range(4):
        write_pages(tmp_path / f"batch{n}", 3)
    units = landing_units(tmp_path)
    cut: list[int] = []

    def batches():
        for n in range(4):
            cut.append(n)
            yield units.filter(pl.col("path").str.contains(f"/batch{n}/"))

    with PageWorkers(min_pages=10**9) as workers:
        taken = [
            (len(cut), candidates.height)
            for candidates in parallel_reading.read_batches(batches(), MAX_BYTES, workers)
        ]
    assert taken == [(2, 3), (3, 3), (4, 3), (4, 3)]
