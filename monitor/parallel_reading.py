"""Read a batch of landing units fast and in order: text files and exports in threads (the reading is I/O),
HTML pages in worker processes (their extraction is Python code, one core under threads), and the next
batch's pages handed to the workers while the caller gates and writes this one. What one unit reads into is
monitor.readers' business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from monitor import readers
from monitor.page_workers import PageWorkers

THREADS = 8
# text pages per thread task: one future per page cost more than reading a small page
ROWS_PER_THREAD_TASK = 64


def read_units(units: pl.DataFrame, max_bytes: int, pages: PageWorkers | None = None) -> pl.DataFrame:
    """Read every changed unit (see start_reading)."""
    if pages is None:
        with PageWorkers() as own:
            return start_reading(units, max_bytes, own)()
    return start_reading(units, max_bytes, pages)()


def read_batches(
    batches: Iterable[pl.DataFrame], max_bytes: int, pages: PageWorkers
) -> Iterator[pl.DataFrame]:
    """The candidates of each batch of units in turn. The next batch's HTML pages go to the workers before
    this batch is handed over, so they are parsed while the caller gates and writes it. `batches` is taken
    one at a time: a generator holds no more than the two batches in flight."""
    upcoming = iter(batches)
    first = next(upcoming, None)
    if first is None:
        return
    pending = start_reading(first, max_bytes, pages)
    while True:
        following = next(upcoming, None)
        candidates = pending()
        if following is not None:
            pending = start_reading(following, max_bytes, pages)
        yield candidates
        if following is None:
            return


def start_reading(units: pl.DataFrame, max_bytes: int, pages: PageWorkers) -> Callable[[], pl.DataFrame]:
    """Hand the HTML pages to worker processes when there are enough of them (extraction is Python code, one
    core under threads) and return a function that reads the rest in threads (I/O overlaps) and gathers every
    candidate. A caller can start the next batch before gating this one. HTML pages too few for the workers
    are parsed one after another: threads fighting over the GIL parsed them at half the speed.

    Candidates come out in the same order whichever way a page was read, so merging copies picks the same
    first row.
    """
    documents = units.filter(pl.col("role") == "document").join(
        units.filter(pl.col("role") == "sidecar").select("unit_key", sidecar_path="path"),
        on="unit_key",
        how="left",
    )
    rows = list(documents.select("path", "sidecar_path", "input_kind").iter_rows())
    html = [i for i, row in enumerate(rows) if row[2] == "html"]
    waiting = pages.start(readers.read_unit, [rows[i] for i in html], max_bytes, failed=readers.failed_read)
    exports = units.filter(pl.col("role") == "export")["path"].to_list()
    strays = units.filter(pl.col("role").is_in(["unsupported", "misnamed"])).select(
        "path", pl.coalesce("input_kind", "suffix", pl.lit("(none)")), "size_bytes", "role"
    )

    def finish() -> pl.DataFrame:
        text = [i for i, row in enumerate(rows) if row[2] != "html"]
        chunks = [text[i : i + ROWS_PER_THREAD_TASK] for i in range(0, len(text), ROWS_PER_THREAD_TASK)]
        read: list[dict | None] = [None] * len(rows)
        with ThreadPoolExecutor(max_workers=THREADS) as threads:
            text_read = threads.map(
                lambda chunk: [readers.read_unit(*rows[i], max_bytes) for i in chunk], chunks
            )
            for i, candidate in zip(text, (c for part in text_read for c in part), strict=True):
                read[i] = candidate
            exported = list(threads.map(lambda path: readers.read_export(path, max_bytes), exports))
        html_read = (
            waiting() if waiting is not None else (readers.read_unit(*rows[i], max_bytes) for i in html)
        )
        for i, candidate in zip(html, html_read, strict=True):
            read[i] = candidate
        read += [candidate for part in exported for candidate in part]
        read += [
            readers.stray_file(path, input_kind, size_bytes, misnamed=role == "misnamed")
            for path, input_kind, size_bytes, role in strays.iter_rows()
        ]
        return readers.candidate_frame(read)

    return finish
