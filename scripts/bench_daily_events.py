"""The daily step of a full run at scale, on Dagster's own SQLite event storage or on monitor's
(monitor.event_storage): one run of actor_stance_daily_job over every day with statements, on a copy of a
database, with a fresh Dagster home, as `monitor run`'s second Dagster run after a full chain run.

By default every day is rebuilt (the days' fingerprints are dropped from the copy), as in a full run; with
--keep-days only the events and the gate run. GE is imported before timing (the chain run has imported it).
Prints wall and CPU seconds (process time, all threads) of the run, the step's seconds from its events, the
seconds between its output and its last materialization (Dagster storing the days' events), the events by
type, the days Dagster shows materialized, and the load average.

    python scripts/bench_daily_events.py /work/an100k/monitor.duckdb --storage dagster|monitor
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor import cli  # noqa: E402

CONFIGS = {"dagster": cli.EARLIER_INSTANCE_CONFIG, "monitor": cli.INSTANCE_CONFIG}


def day_range(db: Path, first: str, last: str) -> tuple[str, str]:
    with duckdb.connect(str(db), read_only=True) as conn:
        row = conn.execute(
            "SELECT min(published_on)::VARCHAR, max(published_on)::VARCHAR FROM stance_statements "
            "WHERE published_on BETWEEN ? AND ?",
            [first, last],
        ).fetchone()
    return row[0], row[1]


def step_figures(instance, run_id: str) -> dict:
    import dagster as dg

    records = instance.get_records_for_run(run_id).records
    moments: dict[str, list[float]] = {}
    for r in records:
        moments.setdefault(r.event_log_entry.dagster_event_type, []).append(r.event_log_entry.timestamp)
    step = moments[dg.DagsterEventType.STEP_SUCCESS][0] - moments[dg.DagsterEventType.STEP_START][0]
    events = moments.get(dg.DagsterEventType.ASSET_MATERIALIZATION, [])
    storing = max(events) - min(moments[dg.DagsterEventType.STEP_OUTPUT]) if events else 0.0
    return {
        "step_s": round(step, 2),
        "output_to_last_materialization_s": round(storing, 2),
        "events": dict(Counter(str(r.event_log_entry.dagster_event_type.value) for r in records)),
        "days_materialized": len(instance.get_materialized_partitions(dg.AssetKey("actor_stance_daily"))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--storage", choices=sorted(CONFIGS), required=True)
    parser.add_argument("--keep-days", action="store_true", help="do not rebuild the days' rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=ROOT / "data") as folder:
        db, home = Path(folder) / ".monitor.duckdb.work", Path(folder) / "dagster_home"
        shutil.copyfile(args.database, db)  # the run's working file; nothing is published
        if not args.keep_days:
            with duckdb.connect(str(db)) as conn:
                conn.execute("DELETE FROM actor_stance_daily_days")
        home.mkdir()
        (home / "dagster.yaml").write_text(CONFIGS[args.storage], encoding="utf-8")
        os.environ.update(MONITOR_DB=str(Path(folder) / "monitor.duckdb"), DAGSTER_HOME=str(home))
        for name, value in cli.EVENT_SWITCHES.items():
            os.environ.setdefault(name, value)
        import dagster as dg

        from assets.daily import daily_partitions
        from monitor import ge_session
        from monitor.definitions import defs

        ge_session._context()  # GE imported and its context built, as after the chain's steps
        first, last = day_range(
            db, daily_partitions.get_first_partition_key(), daily_partitions.get_last_partition_key()
        )
        instance = dg.DagsterInstance.get()
        job = defs.resolve_job_def("actor_stance_daily_job")
        load, wall, cpu = os.getloadavg()[0], time.perf_counter(), time.process_time()
        result = job.execute_in_process(
            instance=instance,
            run_config={
                "loggers": {"console": {"config": {"log_level": "WARNING"}}},
                "resources": {"warehouse": {"config": {"publish_at_run_end": False}}},
            },
            tags={cli.RANGE_START_TAG: first, cli.RANGE_END_TAG: last},
            raise_on_error=False,
        )
        figures = {
            "storage": args.storage,
            "days": f"{first} .. {last}",
            "success": result.success,
            "wall_s": round(time.perf_counter() - wall, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            **step_figures(instance, result.run_id),
            "load_before_after": (round(load, 2), round(os.getloadavg()[0], 2)),
        }
        instance.dispose()
    for name, value in figures.items():
        print(f"  {name:34s} {value}")


if __name__ == "__main__":
    main()
