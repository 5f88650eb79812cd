"""Stopping `monitor run` promptly on Ctrl-C (SIGINT) or SIGTERM.

Inside a Dagster step an interrupt is raised as DagsterExecutionInterruptedError, and the jobs' retry
policy turns it into a retry (Dagster's op_execution_error_boundary "respects the retry policy when
interrupts occur"): a signal restarted the step instead of stopping the run. So `monitor run` executes
its Dagster runs in a worker thread, where Dagster installs no signal handlers, and takes the signals on
the main thread. A signal sets the stop flag and interrupts the DuckDB queries in flight; the warehouse
then raises `Interrupted`, a failure Dagster does not retry, at its next connection, lock wait or commit,
so the open batch is rolled back and every later step fails at once. A run still busy after the grace
period (a long polars or GE computation, Dagster writing events), or a second signal, ends the process
the way kill -9 would, which leaves the database as consistent as a wound-down run does.

Outside `monitor run` (runs launched by the UI, the daemon or tests) the flag is never set: nothing changes.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import dagster as dg
import duckdb

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
MESSAGE = "monitor: interrupted; the database is as of the last committed batch (the next run resumes)"
T = TypeVar("T")

_stop = threading.Event()
_force = threading.Event()
_received: list[int] = []
_on_stop: list[Callable[[], None]] = []
_terminal: list[int] = []
_queries: set[duckdb.DuckDBPyConnection] = set()
_queries_guard = threading.Lock()


class Interrupted(dg.Failure):
    """Raised in a step once a stop was requested; not retried, so the run ends instead of starting over."""

    def __init__(self) -> None:
        super().__init__(
            description="monitor run was interrupted by a signal; the open batch was rolled back",
            allow_retries=False,
        )


def stop_requested() -> bool:
    return _stop.is_set()


def raise_if_stopped() -> None:
    if _stop.is_set():
        raise Interrupted()


def exit_code() -> int:
    """The shell's convention for a process ended by a signal: 128 + its number."""
    return 128 + (_received[0] if _received else signal.SIGINT)


def request_stop() -> None:
    """Set the stop flag and interrupt every DuckDB query running now."""
    _stop.set()
    with _queries_guard:
        connections = list(_queries)
    for conn in connections:
        conn.interrupt()


@contextmanager
def interruptible(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Let a stop request interrupt the queries of `conn`; a query interrupted that way raises Interrupted."""
    with _queries_guard:
        _queries.add(conn)
    try:
        yield conn
    except duckdb.InterruptException as error:
        if _stop.is_set():
            raise Interrupted() from error
        raise
    finally:
        with _queries_guard:
            _queries.discard(conn)


def _on_signal(signum: int, _frame) -> None:
    """The run in progress records the stop first, so that Dagster ends it as canceled, not failed. A
    signal that arrives while that record is written (the handler runs again) counts as the second one."""
    if _received:
        _force.set()
        return
    _received.append(signum)
    try:
        for record_stop in _on_stop:
            record_stop()
    except Exception as error:  # the stop matters more than its record in Dagster
        print(f"monitor: could not record the stop in Dagster: {error}", file=sys.stderr)
    request_stop()


@contextmanager
def signals_stop_the_run() -> Iterator[None]:
    """SIGINT and SIGTERM request a stop for the duration (main thread only); the previous handlers after.

    Keeps a copy of the terminal's stderr: while a step runs, Dagster sends fd 2 through a `tee` process
    of its own, which a Ctrl-C to the process group kills, and `abandon` must still be heard."""
    previous = {sig: signal.signal(sig, _on_signal) for sig in STOP_SIGNALS}
    _terminal.append(os.dup(sys.stderr.fileno()))
    try:
        yield
    finally:
        os.close(_terminal.pop())
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_in_worker(
    work: Callable[[], T],
    on_stop: Callable[[], None],
    on_abandon: Callable[[], None],
    grace_seconds: float,
) -> T | None:
    """Run `work` in a worker thread while the main thread waits for it and for signals.

    A signal runs `on_stop` (say, mark the Dagster run as canceling) before the work sees the stop, and
    the work gets `grace_seconds` to wind down; past that, or on a second signal, `on_abandon` runs and the
    process ends at once with `exit_code()`. Returns what `work` returned (None if it failed after a stop
    request)."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the main thread, which re-raises it
            outcome["error"] = error

    worker = threading.Thread(target=target, name="monitor-run", daemon=True)
    _on_stop.append(on_stop)
    try:
        worker.start()
        deadline = None
        while worker.is_alive():
            worker.join(0.1)
            if _stop.is_set() and deadline is None:
                deadline = time.monotonic() + grace_seconds
            overdue = deadline is not None and (_force.is_set() or time.monotonic() > deadline)
            if overdue and worker.is_alive():
                on_abandon()
                abandon()
    finally:
        _on_stop.remove(on_stop)
    if "error" in outcome and not _stop.is_set():
        raise outcome["error"]
    return outcome.get("value")


def abandon() -> None:
    """Print the message and end the process now, with no clean-up: as safe as kill -9, and as prompt."""
    os.write(_terminal[-1], f"{MESSAGE}\n".encode())
    os._exit(exit_code())
