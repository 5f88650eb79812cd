"""The benchmark's CPU seconds per step: read off the CPU samples of the run's process tree."""

from __future__ import annotations

import subprocess
import sys

import psutil

from scripts.bench_samples import step_cpu_s, tree_cpu

BUSY_CHILD = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
# (epoch seconds, CPU seconds of the tree so far), every 0.1 s as run_monitor samples them
SAMPLES = [(100.0, 1.0), (100.1, 1.2), (100.2, 1.3), (100.3, 1.3), (100.4, 1.7)]


def test_a_steps_cpu_is_what_the_tree_used_between_its_start_and_end_interpolated_between_samples():
    assert step_cpu_s(SAMPLES, [(100.05, 100.15)]) == 0.15


def test_a_step_run_in_two_windows_adds_them():
    assert step_cpu_s(SAMPLES, [(100.0, 100.1), (100.3, 100.4)]) == 0.6


def test_a_window_beyond_the_samples_is_read_at_the_nearest_sample():
    assert step_cpu_s(SAMPLES, [(99.0, 101.0)]) == 0.7


def test_the_tree_cpu_counts_a_child_the_process_waited_for():
    before = tree_cpu([psutil.Process()])
    subprocess.run([sys.executable, "-c", BUSY_CHILD], check=True)
    assert tree_cpu([psutil.Process()]) - before >= 0.3
