"""A step's batches written one after another while the next is computed: the computing (polars, which
releases the GIL) runs in a thread while the batch before it is gated and written (GE in Python, DuckDB),
so the two overlap on two cores. cleaned_articles, entity_mentions and stance_statements share this loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from typing import TypeVar

import duckdb

Batch = TypeVar("Batch")
Inputs = TypeVar("Inputs")
Computed = TypeVar("Computed")
Written = TypeVar("Written")


def overlapped(
    transaction: Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]],
    batches: Iterable[Batch],
    read: Callable[[duckdb.DuckDBPyConnection, Batch], Inputs],
    compute: Callable[[Inputs], Computed],
    write: Callable[[duckdb.DuckDBPyConnection, Computed], Written],
) -> Iterator[tuple[Batch, Written]]:
    """(batch, what `write` returned) for each batch in turn, once its transaction has committed.

    Each batch is written in a transaction of its own, which also reads the next batch's inputs and hands
    them to the thread before waiting for this batch's computation: a batch's inputs are read in the
    transaction that writes the batch before it (the first batch's in its own). `batches` is taken one at
    a time, so that only two batches are in hand at once.
    """
    upcoming = iter(batches)
    batch = next(upcoming, None)
    if batch is None:
        return
    with ThreadPoolExecutor(max_workers=1) as ahead:
        computing = None
        while batch is not None:
            following = next(upcoming, None)
            with transaction() as conn:
                if computing is None:
                    computing = ahead.submit(compute, read(conn, batch))
                current = computing
                if following is not None:
                    computing = ahead.submit(compute, read(conn, following))
                written = write(conn, current.result())
            yield batch, written
            batch = following
