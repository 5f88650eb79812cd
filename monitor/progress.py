"""Progress of a step's batches in the run's log, so that a long run (a first run over a year of files, a
backfill) tells the person watching the Dagster UI how far it is and how long it may take.

A line at most every LOG_INTERVAL_SECONDS and one at the end: each line is a Dagster event, which costs a
few milliseconds of instance storage, so a step of 500 small batches does not write 500 of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LOG_INTERVAL_SECONDS = 10.0


class BatchProgress:
    """Counts a step's finished items and logs `step: done of total unit (share), elapsed, time left`."""

    def __init__(
        self,
        log: Callable[[str], None],
        step: str,
        total: int,
        unit: str = "articles",
        interval: float = LOG_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log, self._step, self._total, self._unit = log, step, total, unit
        self._interval, self._clock = interval, clock
        self._started = self._last_logged = clock()
        self.done = 0

    def advance(self, items: int) -> None:
        self.done += items
        now = self._clock()
        if self.done >= self._total or now - self._last_logged >= self._interval:
            self._last_logged = now
            self._log(self.line(now))

    def line(self, now: float) -> str:
        elapsed = now - self._started
        share = self.done / self._total if self._total else 1.0
        counts = f"{self.done:,} of {self._total:,} {self._unit} ({share:.0%})"
        text = f"{self._step}: {counts} in {_duration(elapsed)}"
        if 0 < self.done < self._total:
            text += f", about {_duration(elapsed * (self._total - self.done) / self.done)} left"
        return text


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
