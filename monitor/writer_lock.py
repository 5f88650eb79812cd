"""The writer lock: an OS file lock (flock), re-entrant within a process and exclusive across processes.

The kernel releases it when a process dies, so a killed run never leaves the next one waiting.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import dagster as dg

from monitor import interrupts


class WriterBusy(dg.Failure):
    """Another process kept the working file longer than we were willing to wait (retried by the jobs)."""


_held: dict[str, list[int]] = {}
_held_guard = threading.Lock()


def acquire(lock_path: Path, timeout: float) -> None:
    """Re-entrant within a process, exclusive across processes; waits with backoff."""
    key = str(lock_path)
    with _held_guard:
        if key in _held:
            _held[key][1] += 1
            return
    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if interrupts.stop_requested():
                os.close(fd)
                raise interrupts.Interrupted() from None
            if time.monotonic() > deadline:
                os.close(fd)
                raise WriterBusy(f"{lock_path} held by another run for over {timeout:.0f} s") from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    with _held_guard:
        _held[key] = [fd, 1]


def release(lock_path: Path) -> None:
    key = str(lock_path)
    with _held_guard:
        entry = _held[key]
        entry[1] -= 1
        if entry[1]:
            return
        del _held[key]
    fcntl.flock(entry[0], fcntl.LOCK_UN)
    os.close(entry[0])
