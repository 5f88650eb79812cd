"""An incremental run measured again, on a copy of a benchmark's database and Dagster instance.

After `scripts/benchmark.py --sizes N` has left data/bench/n<N>/ (its database after the nothing-new run),
this copies the database and the instance to data/bench/n<N>-incremental/, writes --share new files (as the
benchmark's +1%: the last days of the period plus late arrivals) into the benchmark's landing folder under
b1p (which the benchmark's --reuse-corpus removes, like its own b1), runs `monitor run` on the copy, then
once more with nothing new, and prints each run's steps. With --py-spy OUT the +1% run is sampled by py-spy
(raw folded stacks in OUT, OUT.nothing_new for the second run), to see where its fixed costs go; with --idle
the samples include threads that wait (for GE's import, worker processes, a lock), which is where a step's
wall time goes that its busy threads do not show.

    python scripts/bench_incremental.py data/bench/n100000 --py-spy data/bench/incremental.folded
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import INCREMENT_DAYS, MAX_FILE_BYTES, dagster_figures, measured_run  # noqa: E402

from monitor.synthetic_corpus import generate_corpus  # noqa: E402

BATCH = "b1p"
PY_SPY = Path(sys.executable).parent / "py-spy"


def copy_state(root: Path, scratch: Path) -> dict:
    """The environment of a run on a copy of root's database and instance, over root's landing folder."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copyfile(root / "monitor.duckdb", scratch / "monitor.duckdb")
    # the working file the benchmark's runs left: without it the first writing step copies the database
    # (0.7 s at 100k), which the benchmark's +1% run does not
    if (root / ".monitor.duckdb.work").exists():
        shutil.copyfile(root / ".monitor.duckdb.work", scratch / ".monitor.duckdb.work")
    shutil.copytree(root / "dagster_home", scratch / "dagster_home")
    return {
        **os.environ,
        "MONITOR_LANDING_DIR": str(root / "landing"),
        "MONITOR_DB": str(scratch / "monitor.duckdb"),
        "DAGSTER_HOME": str(scratch / "dagster_home"),
        "MONITOR_MAX_FILE_BYTES": str(MAX_FILE_BYTES),
        "MONITOR_STORAGE": "duckdb",
    }


def print_run(name: str, run: dict) -> None:
    print(
        f"{name}: dagster {run['dagster_s']} s, wall {run['wall_s']} s, cpu {run['cpu_s']} s "
        f"({run['tree_cpu_s']} s with the page workers), "
        f"exit {run['exit_code']}"
    )
    for step, figures in run["per_step"].items():
        print(f"  {step:58s} {figures['s']:7.2f} s {figures['cpu_s']:7.2f} CPU s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("root", type=Path, help="a benchmark's folder, data/bench/n<N>")
    parser.add_argument("--share", type=float, default=0.01, help="new articles as a share of the corpus")
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--py-spy", type=Path, help="sample the runs with py-spy into this folded-stack file")
    parser.add_argument("--idle", action="store_true", help="with --py-spy, sample waiting threads too")
    args = parser.parse_args()
    root = args.root.resolve()
    corpus = json.loads((root / "corpus.json").read_text(encoding="utf-8"))
    scratch = root.with_name(root.name + "-incremental")
    env = copy_state(root, scratch)
    home, seen = scratch / "dagster_home", set()
    dagster_figures(home, seen)
    landing = root / "landing"
    try:
        extra = generate_corpus(
            landing, scratch / "truth", max(round(corpus["articles"] * args.share), 1), args.seed, BATCH,
            MAX_FILE_BYTES, recent_days=INCREMENT_DAYS,
        )  # fmt: skip
        for name, articles in (("incremental", extra["articles"]), ("nothing_new", 0)):
            wrapper = ()
            if args.py_spy:
                out = args.py_spy if name == "incremental" else args.py_spy.with_suffix(".nothing_new.folded")
                idle = ("--idle",) if args.idle else ()
                wrapper = (str(PY_SPY), "record", "--format", "raw", "--rate", "50", *idle, "-o", str(out))
                wrapper += ("--",)
            run = measured_run(env, home, seen, articles, extra["text_bytes"] / 2**20, wrapper)
            print_run(f"{name} ({articles:,} new articles)", run)
    finally:
        shutil.rmtree(landing / BATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
