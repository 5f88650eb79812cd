"""Worker processes for reading HTML pages: extraction is Python code, so threads share one core.

A pool is only worth its start-up (about 0.35 s wall and 0.5 s CPU for two workers importing trafilatura)
from about 200 pages (measured on 2 cores), so a read with fewer is left to the caller's threads unless the
workers are already running. One PageWorkers per asset run keeps its workers across batches. Start method
forkserver (spawn where there is none): the Dagster step process runs threads, and forking it could copy a
lock another thread holds.

Nothing is lost when a worker dies (killed for memory, a crash in C code): the rows of the tasks that were
pending are read again one at a time in a fresh pool, so only a row that kills its worker again is given up,
through the caller's `failed`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

MIN_PAGES = 200
ROWS_PER_TASK = 16
OWNER_POLL_SECONDS = 1.0
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _worker_setup(owner_pid: int) -> None:
    """trafilatura logs every page it gives up on (the candidate's read_error already says so). Ctrl-C
    reaches the whole process group: the owner decides what it means, so a worker ignores it rather than
    hand a KeyboardInterrupt back as a task's result. A worker whose owner died (kill -9, or an interrupted
    run that could not wind down) exits instead of waiting for tasks forever."""
    logging.getLogger().addHandler(logging.NullHandler())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_owner, args=(owner_pid,), daemon=True).start()


def _exit_with_owner(owner_pid: int) -> None:
    while True:
        time.sleep(OWNER_POLL_SECONDS)
        try:
            os.kill(owner_pid, 0)
        except ProcessLookupError:
            os._exit(1)


def _stop_if_requested() -> None:
    """A signal to the process group (systemd's SIGTERM) kills the workers too: when the run is stopping,
    stop rather than read every page again one at a time."""
    from monitor import interrupts  # imported here: it loads Dagster, which worker processes do not need

    interrupts.raise_if_stopped()


def _run(read: Callable, rows: Sequence[tuple], args: tuple) -> list:
    return [read(*row, *args) for row in rows]


class PageWorkers:
    """A lazily started process pool for one run; close it (or use it as a context manager) at the end."""

    def __init__(self, processes: int | None = None, min_pages: int = MIN_PAGES):
        self.processes = processes or usable_cpus()
        self.min_pages = min_pages
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PageWorkers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.processes,
                mp_context=multiprocessing.get_context(START_METHOD),
                initializer=_worker_setup,
                initargs=(os.getpid(),),
            )
        return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:
            self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def start(self, read: Callable, rows: list[tuple], *args, failed: Callable) -> Callable[[], list] | None:
        """Begin `read(*row, *args)` for every row in worker processes and return a function that waits for
        the results in row order; None when the caller should read the rows itself (too few, one core, or
        processes cannot be started here). `read` and the rows must pickle; `read` should not raise."""
        if self.processes < 2 or not rows or (self._pool is None and len(rows) < self.min_pages):
            return None
        tasks = [rows[i : i + ROWS_PER_TASK] for i in range(0, len(rows), ROWS_PER_TASK)]
        for _attempt in range(2):
            pool = self._fresh_pool()
            try:
                futures = [pool.submit(_run, read, task, args) for task in tasks]
            except BrokenProcessPool:
                self._drop(pool)
                continue
            except (OSError, AssertionError, RuntimeError):
                self._drop(pool)
                self.processes = 1
                return None
            return partial(self._collect, pool, tasks, futures, read, args, failed)
        return None

    def _collect(self, pool, tasks: list, futures: list[Future], read, args, failed) -> list:
        results: list = []
        for task, future in zip(tasks, futures, strict=True):
            try:
                results += future.result()
            except Exception as error:
                if isinstance(error, BrokenProcessPool):
                    self._drop(pool)
                    _stop_if_requested()
                results += [self._alone(row, read, args, failed) for row in task]
        return results

    def _alone(self, row: tuple, read: Callable, args: tuple, failed: Callable):
        pool = self._fresh_pool()
        try:
            [result] = pool.submit(_run, read, [row], args).result()
        except Exception as error:
            if isinstance(error, BrokenProcessPool):
                self._drop(pool)
            return failed(*row, f"reader process failed: {type(error).__name__}: {error}"[:300])
        return result
