"""Time reading the landing folder and the raw_articles step on a synthetic corpus: wall, CPU and articles/s.

    python scripts/profile_raw.py [--n 10000] [--dir /tmp/rawbench] [--materialize] [--repeat 1]

The corpus is generated once (seed 0) under DIR/n<N>/landing and reused. CPU seconds cover this process and
every process it started (reader workers included, sampled while they run), so they stay comparable on a
machine shared with other work where wall time does not. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import polars as pl
import psutil

from monitor import landing, parallel_reading
from monitor.synthetic_corpus import generate_corpus

MAX_FILE_BYTES = 262_144


class TreeCpu:
    """CPU seconds used by this process and its descendants between enter and exit."""

    def __init__(self, every: float = 0.1):
        self.every = every
        self.seen: dict[tuple[int, float], float] = {}
        self.stop = threading.Event()

    def _sample(self) -> None:
        for child in psutil.Process().children(recursive=True):
            try:
                times = child.cpu_times()
                self.seen[(child.pid, child.create_time())] = times.user + times.system
            except psutil.Error:
                continue

    def _poll(self) -> None:
        while not self.stop.wait(self.every):
            self._sample()

    def __enter__(self) -> TreeCpu:
        self._sample()
        self.before = dict(self.seen)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.own = usage.ru_utime + usage.ru_stime
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._sample()
        self.stop.set()
        self.thread.join()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.children = sum(v - self.before.get(k, 0.0) for k, v in self.seen.items())
        self.own = usage.ru_utime + usage.ru_stime - self.own
        self.seconds = self.own + self.children


def corpus(base: Path, n: int) -> Path:
    folder = base / f"n{n}"
    if not (folder / "landing").is_dir():
        shutil.rmtree(folder, ignore_errors=True)
        print("generated", generate_corpus(folder / "landing", folder / "truth", n, seed=0))
    return folder / "landing"


def report(label: str, items: int, wall: float, cpu: TreeCpu) -> None:
    """`own` is this process (its threads included), `workers` the processes it started: a caller whose own
    CPU nears the wall time sets the pace, whatever the workers could do."""
    print(
        f"{label:34s} {items:7d} {wall:8.2f} {cpu.seconds:8.2f} {cpu.own:8.2f} {cpu.children:8.2f}"
        f" {items / wall:10.0f} {cpu.seconds / wall:6.2f}"
    )


def time_reads(folder: Path, repeat: int) -> None:
    listing = landing.classify_files(landing.list_landing_files(folder))
    units = landing.changed_units(listing, pl.DataFrame(schema=landing.LISTING_SCHEMA))
    html_keys = units.filter(pl.col("input_kind") == "html")["unit_key"].implode()
    for label, subset in (("read_units, all units", units), ("read_units, HTML pages only", None)):
        subset = subset if subset is not None else units.filter(pl.col("unit_key").is_in(html_keys))
        for _ in range(repeat):
            with TreeCpu() as cpu:
                start = time.perf_counter()
                frame = parallel_reading.read_units(subset, MAX_FILE_BYTES)
                wall = time.perf_counter() - start
            report(label, frame.height, wall, cpu)


def time_materialize(folder: Path) -> None:
    import dagster as dg

    from assets.raw import LandingFolder
    from monitor.definitions import defs
    from monitor.warehouse import Warehouse

    with tempfile.TemporaryDirectory(prefix="profile-raw-") as scratch:
        resources = {
            "warehouse": Warehouse(db_path=str(Path(scratch) / "monitor.duckdb")),
            "landing_folder": LandingFolder(path=str(folder), max_file_bytes=MAX_FILE_BYTES),
        }
        with TreeCpu() as cpu:
            start = time.perf_counter()
            result = dg.materialize(
                list(defs.assets),
                selection="raw_articles",
                resources=resources,
                instance=dg.DagsterInstance.ephemeral(),
            )
            wall = time.perf_counter() - start
        metadata = result.asset_materializations_for_node("raw_articles")[0].metadata
        report("materialize raw_articles", metadata["new_articles"].value, wall, cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "rawbench")
    parser.add_argument("--materialize", action="store_true", help="also time a real raw_articles run")
    parser.add_argument("--no-reads", action="store_true", help="skip timing read_units on its own")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    folder = corpus(args.dir, args.n)
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {psutil.cpu_count()} CPUs, load {psutil.getloadavg()[0]:.1f}")
    header = ("items", "wall s", "CPU s", "own", "workers")
    print(f"{'':34s} {header[0]:>7s}", *(f"{h:>8s}" for h in header[1:]), f"{'items/s':>10s} {'cores':>6s}")
    if not args.no_reads:
        time_reads(folder, args.repeat)
    for _ in range(args.repeat if args.materialize else 0):
        time_materialize(folder)


if __name__ == "__main__":
    main()
