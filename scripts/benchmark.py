"""End-to-end benchmark: a synthetic corpus through `monitor run`, the way a user runs it.

For each N: generate N articles (+2% bad files) into a fresh folder under data/bench/, run `monitor run` as a
subprocess (sampling the resident memory of its process tree), read per-asset step durations from the
Dagster instance, then add 1% new files and run again, then run once more with nothing new. The 1% is what
a crawler would bring: articles of the period's last 1% of days (11 of 1,096, the days a 1% share of the
archive covers) plus 5% late arrivals dated anywhere in the period (monitor.synthetic_corpus.LATE_SHARE).
Prints the figures and the accuracy against the ground truth; writes them to data/bench/benchmark-<time>.json.

    python scripts/benchmark.py                 # N = 1k, 10k, 100k
    python scripts/benchmark.py --sizes 1000    # one size
    python scripts/benchmark.py --million       # also 1M
    python scripts/benchmark.py --sizes 10000 --storage ducklake --backfill-days 30 --concurrency 1 2 4 \
        --lake-catalog "postgres:dbname=bench host=127.0.0.1 user=monitor"
    python scripts/benchmark.py --sizes 100000 --dagster-postgres postgresql+psycopg2://monitor@127.0.0.1/dagster

In DuckLake mode the catalog is a SQLite file under the size's folder unless --lake-catalog names one (use an
empty PostgreSQL database: the benchmark starts from a fresh lake). --backfill-days D rebuilds the first D
days of actor_stance_daily with 1, 2, 4... concurrent `dagster asset materialize --partition-range` runs and
checks that every split gives the rows of the one-run rebuild.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_accuracy import measure  # noqa: E402
from bench_samples import step_cpu_s, step_peak_mb, tree_cpu  # noqa: E402

from monitor import analysis, settings  # noqa: E402
from monitor import synthetic as syn  # noqa: E402
from monitor.synthetic_corpus import generate_corpus  # noqa: E402

BENCH_DIR = settings.PROJECT_ROOT / "data" / "bench"
MAX_FILE_BYTES = 262_144
INCREMENT_DAYS = round(syn.DAYS / 100)
MONITOR = Path(sys.executable).parent / "monitor"
DAGSTER = Path(sys.executable).parent / "dagster"


def run_monitor(env: dict, wrapper: tuple[str, ...] = ()) -> dict:
    """`monitor run` as a subprocess (under `wrapper`, e.g. a profiler): wall and CPU seconds, exit code and
    the peak RSS of its process tree, with the RSS samples (epoch seconds, bytes) that give each step its own
    peak. Ctrl-C stops the run (SIGTERM: it rolls back its batch) and keeps the figures of the steps so far
    (`interrupted`)."""
    started, children_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        [*wrapper, str(MONITOR), "run"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    watched, samples, cpu_samples, interrupted = psutil.Process(process.pid), [], [], False
    try:
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                at = time.time()
                samples.append((at, sum(p.memory_info().rss for p in tree if p.is_running())))
                cpu_samples.append((at, tree_cpu(tree)))
            except psutil.Error:
                pass
            time.sleep(0.1)
    except KeyboardInterrupt:
        interrupted = True
        process.terminate()
        process.wait()
    peak = max((rss for _, rss in samples), default=0)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = sum(getattr(children, f) - getattr(children_before, f) for f in ("ru_utime", "ru_stime"))
    output = process.stdout.read()
    if process.returncode != 0:
        print(output[-3000:])
    return {
        "wall_s": round(time.perf_counter() - started, 2),
        # the CPU seconds of the process and the children it waited for (not the page workers: see
        # tree_cpu_s): on a shared machine, the figure that other jobs inflate least
        "cpu_s": round(cpu_s, 2),
        # the same from the samples of the process tree: with the page workers, whose forkserver no process
        # waits for, so that `getrusage` never sees their CPU (at most the last 0.1 s is missing)
        "tree_cpu_s": round(max((c for _, c in cpu_samples), default=0.0), 2),
        "exit_code": process.returncode,
        "peak_rss_mb": round(peak / 2**20, 1),
        "rss_samples": samples,
        "cpu_samples": cpu_samples,
        "interrupted": interrupted,
    }


def dagster_figures(home: Path, seen: set[str]) -> dict:
    """Durations of the runs not in `seen` (first start to last end) and of each asset's step."""
    from dagster import DagsterInstance
    from dagster._core.instance.ref import InstanceRef

    if not home.is_dir():  # a run interrupted before Dagster started
        return {"runs": 0, "dagster_s": None, "steps_s": {}, "step_windows": {}}

    with DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
        runs = [r for r in instance.get_runs() if r.run_id not in seen]
        steps: dict[str, float] = {}
        windows: dict[str, list[tuple[float, float]]] = {}
        starts, ends = [], []
        for run in runs:
            seen.add(run.run_id)
            stats = instance.get_run_stats(run.run_id)
            starts.append(stats.start_time)
            ends.append(stats.end_time)
            for step in instance.get_run_step_stats(run.run_id):
                # a step an interrupted run left unfinished ran until the run ended
                end = step.end_time or stats.end_time or time.time()
                if step.start_time:
                    steps[step.step_key] = steps.get(step.step_key, 0.0) + end - step.start_time
                    windows.setdefault(step.step_key, []).append((step.start_time, end))
    return {
        "runs": len(runs),
        "dagster_s": round(max(e or time.time() for e in ends) - min(starts), 2) if runs else None,
        "steps_s": {key: round(value, 2) for key, value in sorted(steps.items(), key=lambda kv: -kv[1])},
        "step_windows": windows,
    }


def measured_run(
    env: dict, home: Path, seen: set[str], articles: int, text_mb: float, wrapper: tuple[str, ...] = ()
) -> dict:
    figures = run_monitor(env, wrapper)
    figures.update(dagster_figures(home, seen))
    samples, windows = figures.pop("rss_samples"), figures.pop("step_windows")
    cpu_samples = figures.pop("cpu_samples")
    seconds = figures["dagster_s"] or figures["wall_s"]
    figures["articles_per_s"] = round(articles / seconds, 1)
    figures["mb_per_s"] = round(text_mb / seconds, 2)
    figures["per_step"] = {
        key: {"s": s, "articles_per_s": round(articles / s, 1) if s else None,
              "mb_per_s": round(text_mb / s, 2) if s else None,
              "peak_rss_mb": step_peak_mb(samples, windows[key]),
              "cpu_s": step_cpu_s(cpu_samples, windows[key])}
        for key, s in figures.pop("steps_s").items()
    }  # fmt: skip
    figures["db_mb"] = storage_mb(env)
    return figures


def storage_environment(args: argparse.Namespace, root: Path) -> dict:
    if args.storage == "duckdb":
        return {"MONITOR_STORAGE": "duckdb"}
    return {
        "MONITOR_STORAGE": "ducklake",
        "MONITOR_LAKE_CATALOG": args.lake_catalog or f"sqlite:{root / 'lake' / 'catalog.sqlite'}",
        "MONITOR_LAKE_DATA": str(root / "lake" / "files"),
    }


def storage_mb(env: dict) -> float:
    """Size of what the tables occupy: the DuckDB file, or the lake's Parquet files (+ a SQLite catalog)."""
    if env.get("MONITOR_STORAGE") == "ducklake":
        files = [p for p in Path(env["MONITOR_LAKE_DATA"]).rglob("*") if p.is_file()]
        catalog = env["MONITOR_LAKE_CATALOG"]
        if catalog.startswith("sqlite:"):
            files.append(Path(catalog.split(":", 1)[1]))
    else:
        db = Path(env["MONITOR_DB"])
        files = list(db.parent.glob(db.name + "*"))
    return round(sum(p.stat().st_size for p in files if p.exists()) / 2**20, 1)


@contextmanager
def environment(env: dict) -> Iterator[None]:
    """This process reads the tables the way the benchmarked runs wrote them (either storage)."""
    saved = os.environ.copy()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def daily_rows(env: dict, first: date, last: date) -> list[tuple]:
    with environment(env), analysis.connect() as conn:
        return conn.execute(
            "SELECT * EXCLUDE (run_id) FROM actor_stance_daily WHERE day BETWEEN ? AND ? ORDER BY ALL",
            [first, last],
        ).fetchall()


def bench_backfill(env: dict, days: int, concurrency: list[int]) -> dict:
    """The first `days` days of the daily table rebuilt by k concurrent runs, for each k; rows compared."""
    with environment(env), analysis.connect() as conn:
        first = conn.execute("SELECT min(published_on) FROM stance_statements").fetchone()[0]
    last = first + timedelta(days=days - 1)
    reference = daily_rows(env, first, last)
    figures = {"first_day": str(first), "days": days, "rows": len(reference), "runs": {}}
    for k in concurrency:
        bounds = [first + timedelta(days=days * i // k) for i in range(k + 1)]
        ranges = [(bounds[i], bounds[i + 1] - timedelta(days=1)) for i in range(k)]
        started = time.perf_counter()
        processes = [
            subprocess.Popen(
                [str(DAGSTER), "asset", "materialize", "-m", "monitor.definitions", "--select",
                 "actor_stance_daily", "--partition-range", f"{a}...{b}"],
                env={**env, "MONITOR_BACKFILL_DAYS_PER_RUN": "0"}, cwd=settings.PROJECT_ROOT,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            for a, b in ranges
        ]  # fmt: skip
        codes = [p.wait() for p in processes]
        wall = round(time.perf_counter() - started, 2)
        same = daily_rows(env, first, last) == reference
        figures["runs"][k] = {"wall_s": wall, "exit_codes": codes, "tables_match": same}
    return figures


def prepare_corpus(root: Path, n: int, seed: int, reuse: bool) -> dict:
    """A fresh folder with the corpus of (n, seed): generated, or with --reuse-corpus kept from an earlier
    run of the same n and seed (its description in corpus.json) with everything else removed."""
    landing, truth, manifest = root / "landing", root / "truth", root / "corpus.json"
    if reuse and manifest.exists():
        corpus = json.loads(manifest.read_text(encoding="utf-8"))
        if (corpus["articles"], corpus["seed"]) == (n, seed):
            for path in root.iterdir():
                if path not in (landing, truth, manifest):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
            for path in [*landing.glob("b1*"), *truth.glob("b1_*")]:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            return {**corpus, "reused": True}
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    corpus = generate_corpus(landing, truth, n, seed, "b0", MAX_FILE_BYTES)
    corpus.update(seed=seed, generate_s=round(time.perf_counter() - started, 2))
    manifest.write_text(json.dumps(corpus), encoding="utf-8")
    return corpus


def bench_size(n: int, seed: int, args: argparse.Namespace) -> dict:
    root = BENCH_DIR / (f"n{n}" if args.storage == "duckdb" else f"n{n}-{args.storage}")
    landing, truth, home = root / "landing", root / "truth", root / "dagster_home"
    corpus = prepare_corpus(root, n, seed, args.reuse_corpus)
    env = {**os.environ, "MONITOR_LANDING_DIR": str(landing), "MONITOR_DB": str(root / "monitor.duckdb"),
           "DAGSTER_HOME": str(home), "MONITOR_MAX_FILE_BYTES": str(MAX_FILE_BYTES),
           **storage_environment(args, root)}  # fmt: skip
    if args.dagster_postgres:
        home.mkdir(parents=True)
        (home / "dagster.yaml").write_text(
            "telemetry:\n  enabled: false\nstorage:\n  postgres:\n"
            f"    postgres_url: {args.dagster_postgres}\n",
            encoding="utf-8",
        )
    seen: set[str] = set()
    text_mb = corpus["text_bytes"] / 2**20
    result = {
        "n": n,
        "storage": args.storage,
        "corpus": corpus,
        "full": measured_run(env, home, seen, n, text_mb),
    }
    if result["full"]["interrupted"]:
        return result
    with environment(env):
        result["accuracy"] = measure(analysis.connect, landing, truth)
    extra = generate_corpus(
        landing, truth, max(n // 100, 1), seed + 1, "b1", MAX_FILE_BYTES, recent_days=INCREMENT_DAYS
    )
    result["incremental"] = measured_run(env, home, seen, extra["articles"], extra["text_bytes"] / 2**20)
    result["incremental"]["new_articles"] = extra["articles"]
    result["nothing_new"] = measured_run(env, home, seen, 0, 0.0)
    full, inc = result["full"]["dagster_s"], result["incremental"]["dagster_s"]
    result["incremental_share_of_full"] = round(inc / full, 4) if full and inc else None
    if args.backfill_days:
        result["backfill"] = bench_backfill(env, args.backfill_days, args.concurrency)
    return result


def machine() -> dict:
    packages = ("dagster", "duckdb", "polars", "great_expectations", "trafilatura", "datasketch")
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "versions": {name: version(name) for name in packages},
    }


def print_size(result: dict) -> None:
    corpus = result["corpus"]
    print(f"\n== N = {result['n']:,} articles ({corpus['text_bytes'] / 2**20:.1f} MB of text, "
          f"{corpus['files']:,} files, generated in {corpus['generate_s']} s)")  # fmt: skip
    for name in ("full", "incremental", "nothing_new"):
        if name not in result:
            print(f"  {name}: not run (the full run was interrupted)")
            continue
        run = result[name]
        print(f"  {name:12s} wall {run['wall_s']:7.2f} s  cpu {run['cpu_s']:7.2f} s  "
              f"(with the page workers {run.get('tree_cpu_s')} s)  "
              f"dagster {run['dagster_s']} s  {run['articles_per_s']:9.1f} articles/s  "
              f"{run['mb_per_s']:6.2f} MB/s  "
              f"peak RSS {run['peak_rss_mb']:7.1f} MB  DB {run['db_mb']} MB  "
              f"exit {run['exit_code']}")  # fmt: skip
        for step, figures in run["per_step"].items():
            if figures["articles_per_s"]:
                print(f"    {step:28s} {figures['s']:8.2f} s  {figures['cpu_s']} CPU s  "
                      f"{figures['articles_per_s']:10.1f} articles/s  {figures['mb_per_s']:7.2f} MB/s  "
                      f"peak RSS {figures['peak_rss_mb']} MB")  # fmt: skip
            else:
                print(f"    {step:28s} {figures['s']:8.2f} s  {figures['cpu_s']} CPU s  "
                      f"peak RSS {figures['peak_rss_mb']} MB")  # fmt: skip
    print(f"  incremental / full: {result.get('incremental_share_of_full')}")
    if "backfill" in result:
        backfill = result["backfill"]
        print(
            f"  backfill of {backfill['days']} days from {backfill['first_day']} ({backfill['rows']} rows):"
        )
        for k, run in backfill["runs"].items():
            print(f"    {k} concurrent run(s): wall {run['wall_s']:7.2f} s  exit {run['exit_codes']}  "
                  f"tables match the one-run rebuild: {run['tables_match']}")  # fmt: skip
    print("  accuracy:", json.dumps(result.get("accuracy")))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also run N = 1,000,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--reuse-corpus", action="store_true", help="keep a corpus of the same N and seed from an earlier run"
    )
    parser.add_argument("--storage", choices=("duckdb", "ducklake"), default="duckdb")
    parser.add_argument("--lake-catalog", help="DuckLake catalog (default: a SQLite file per size)")
    parser.add_argument("--backfill-days", type=int, default=0, help="also time a backfill of this many days")
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 2, 4])
    parser.add_argument(
        "--dagster-postgres",
        help="keep the Dagster instance (runs, events) in this PostgreSQL database (an empty one), "
        "e.g. postgresql+psycopg2://monitor@127.0.0.1:5432/dagster; default: SQLite files in DAGSTER_HOME",
    )
    args = parser.parse_args()
    # a benchmark started in the background ignores SIGINT: `kill PID` stops it like Ctrl-C
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sizes = args.sizes + ([1_000_000] if args.million else [])
    report = {"machine": machine(), "sizes": []}
    report["machine"]["storage"] = args.storage
    report["machine"]["dagster_instance"] = "postgres" if args.dagster_postgres else "sqlite"
    print(json.dumps(report["machine"]))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    out = BENCH_DIR / f"benchmark-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    for n in sizes:
        report["sizes"].append(bench_size(n, args.seed, args))
        print_size(report["sizes"][-1])
        out.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        if report["sizes"][-1]["full"]["interrupted"]:
            break
    print(f"\nfigures written to {out}")


if __name__ == "__main__":
    main()
