"""What a run's process-tree samples (taken every 0.1 s by scripts/benchmark.py) say of each step: its CPU
seconds and its peak RSS, read between the step's start and end."""

from __future__ import annotations

import psutil


def tree_cpu(tree: list[psutil.Process]) -> float:
    """CPU seconds of a process tree so far, with the children each process has waited for (page workers
    that ended)."""
    total = 0.0
    for process in tree:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def step_peak_mb(samples: list[tuple[float, int]], windows: list[tuple[float, float]]) -> float | None:
    """The highest RSS sampled while the step ran (None when it ran between two samples)."""
    inside = [rss for at, rss in samples if any(start <= at <= end for start, end in windows)]
    return round(max(inside) / 2**20, 1) if inside else None


def step_cpu_s(samples: list[tuple[float, float]], windows: list[tuple[float, float]]) -> float | None:
    """The CPU seconds the process tree used while the step ran, read off the samples (every 0.1 s, so a
    step's figure is within about 0.2 CPU s): what a loaded machine inflates less than a step's wall time."""

    def at(moment: float) -> float:
        before = [(t, c) for t, c in samples if t <= moment]
        after = [(t, c) for t, c in samples if t >= moment]
        if not before:
            return after[0][1]
        if not after:
            return before[-1][1]
        (t0, c0), (t1, c1) = before[-1], after[0]
        return c0 if t1 == t0 else c0 + (c1 - c0) * (moment - t0) / (t1 - t0)

    if len(samples) < 2:
        return None
    return round(sum(at(end) - at(start) for start, end in windows), 2)
