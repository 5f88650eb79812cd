"""`monitor run` materialises the whole chain through Dagster; `monitor dev` opens the Dagster UI;
`monitor sql` opens the data for analysis (DuckDB CLI, or one query printed).

Both use the same DAGSTER_HOME (default data/dagster_home), so runs started here show in the UI.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import uuid
from pathlib import Path

from monitor import settings

EVENT_SWITCHES = {
    "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS": "true",
    "DAGSTER_EVENT_BATCH_SIZE": "1000",
}
# The instance monitor writes into a new DAGSTER_HOME: Dagster's SQLite storage, with the batches of a range
# run's materializations written in one transaction per file (monitor.event_storage), in the same files.
INSTANCE_CONFIG = """telemetry:
  enabled: false
instance_class:
  module: monitor.event_storage
  class: MonitorInstance
"""
EARLIER_INSTANCE_CONFIG = "telemetry:\n  enabled: false\n"  # what monitor wrote before; upgraded in place
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
STOP_GRACE_SECONDS = 8.0


def _prepare_environment() -> None:
    home = settings.dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    instance_config = home / "dagster.yaml"
    # a dagster.yaml of the user's own (PostgreSQL, another storage) is left as it is
    if not instance_config.exists() or instance_config.read_text(encoding="utf-8") == EARLIER_INSTANCE_CONFIG:
        instance_config.write_text(INSTANCE_CONFIG, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    # A run over a range of days logs a "planned" and a materialization event per day, one write each:
    # 1,096 days took 16 s on the SQLite instance and 20 s on PostgreSQL (measured). One planned event for
    # the range (the days of a failed range run are then not marked failed; the run is), and the days'
    # materializations written in batches, which PostgreSQL storage does in one insert (0.6 s in all) and
    # INSTANCE_CONFIG's SQLite storage in one transaction per file.
    for name, value in EVENT_SWITCHES.items():
        os.environ.setdefault(name, value)


def _execute(instance, job, run_config: dict, tags: dict | None = None):
    """One Dagster run in a worker thread, so that SIGINT/SIGTERM stop it (monitor.interrupts); the run is
    marked canceling when a signal arrives, and canceled if it has to be abandoned."""
    from monitor import interrupts

    run_id = str(uuid.uuid4())

    def mark(final: bool) -> None:
        run = instance.get_run_by_id(run_id)
        if run is None or run.is_finished:
            return
        if final:
            instance.report_run_canceled(run, message="monitor run was stopped by a signal")
        else:
            instance.report_run_canceling(run, message="monitor run received a signal: stopping")

    return interrupts.run_in_worker(
        lambda: job.execute_in_process(
            instance=instance, run_config=run_config, raise_on_error=False, run_id=run_id, tags=tags
        ),
        on_stop=lambda: mark(final=False),
        on_abandon=lambda: mark(final=True),
        grace_seconds=STOP_GRACE_SECONDS,
    )


def run(args: argparse.Namespace) -> int:
    """Two Dagster runs: the chain up to stance_statements, then the days of the daily table it touched
    (and any a killed run left behind); the database file is published once, after both. Ctrl-C or SIGTERM
    stops it within seconds, with the tables as of the last committed batch and nothing published."""
    from monitor.ge_session import collector_paused

    _prepare_environment()
    # Dagster, the definitions and what they import: 1.1 CPU s of imports, whose objects the cycle
    # collector would otherwise scan again at every full collection of the run
    with collector_paused():
        from monitor import automation, interrupts, summary  # noqa: F401
        from monitor.definitions import defs  # noqa: F401

    with interrupts.signals_stop_the_run():
        try:
            code = _run_chain(args)
        except interrupts.Interrupted:  # a signal between the runs, met by the main thread's own reads
            code = 1
    if interrupts.stop_requested():
        print(interrupts.MESSAGE, file=sys.stderr)
        return interrupts.exit_code()
    return code


def _run_chain(args: argparse.Namespace) -> int:
    import dagster as dg

    from monitor import automation, interrupts, storage, summary
    from monitor.definitions import defs
    from monitor.warehouse import Warehouse

    try:
        Warehouse().check_reachable()
    except storage.StorageUnavailable as error:
        print(f"monitor: {error}", file=sys.stderr)
        return 2
    instance = dg.DagsterInstance.get()
    run_config = {
        "loggers": {"console": {"config": {"log_level": args.log_level}}},
        "resources": {"warehouse": {"config": {"publish_at_run_end": False}}},
    }
    if interrupts.stop_requested():
        return 1
    chain = _execute(instance, defs.resolve_job_def("monitor_job"), run_config)
    if interrupts.stop_requested():
        return 1
    results = [chain]
    try:
        with Warehouse().connect(read_only=True) as conn:
            first, last = automation.days_to_refresh(conn, chain.run_id) or (None, None)
        if chain.success and first is not None:
            results.append(
                _execute(
                    instance,
                    defs.resolve_job_def("actor_stance_daily_job"),
                    run_config,
                    tags={RANGE_START_TAG: first, RANGE_END_TAG: last},
                )
            )
    finally:
        if not interrupts.stop_requested():
            Warehouse().publish()
    if interrupts.stop_requested():
        return 1
    with Warehouse().connect(read_only=True) as conn:
        print(summary.render(summary.collect(conn, chain.run_id)))
    for result in results:
        for check in (e for e in result.get_asset_check_evaluations() if not e.passed):
            level = "FAILED (blocks downstream)" if check.severity.value == "ERROR" else "warning"
            print(f"  check {level}: {check.asset_key.to_user_string()} / {check.check_name}")
    for result in results:
        print(
            f"  dagster run {result.run_id} ({result.job_def.name}): "
            + ("succeeded" if result.success else "FAILED")
        )
    if first is not None:
        print(f"  days of the stance table rebuilt: {first} .. {last}")
    print(f"  database: {Warehouse().describe()}")
    return 0 if all(r.success for r in results) else 1


def sql(args: argparse.Namespace) -> int:
    from monitor import analysis, storage

    try:
        if not args.query:
            duckdb_cli = Path(sys.executable).parent / "duckdb"
            return subprocess.call([str(duckdb_cli), *analysis.cli_arguments()])
        with analysis.connect() as conn:
            conn.sql(args.query).show(max_width=args.width, max_rows=args.max_rows)
    except storage.StorageUnavailable as error:
        print(f"monitor: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # a query error is the analyst's to read, in one line
        print(f"monitor: {storage.one_line(error)}", file=sys.stderr)
        return 1
    return 0


def dev(args: argparse.Namespace) -> int:
    _prepare_environment()
    dagster = Path(sys.executable).parent / "dagster"
    command = [str(dagster), "dev", "-h", args.host, "-p", str(args.port)]
    return subprocess.call(command, cwd=settings.PROJECT_ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="monitor", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="materialise the whole chain for the landing folder")
    run_parser.add_argument("--log-level", default="WARNING", help="Dagster console log level")
    run_parser.set_defaults(handler=run)
    sql_parser = commands.add_parser(
        "sql", help="open the data read-only in the DuckDB CLI, or run one query"
    )
    sql_parser.add_argument("query", nargs="?", help="SQL to run and print (omit for the interactive CLI)")
    sql_parser.add_argument("--width", type=int, default=160, help="table width when printing a query")
    sql_parser.add_argument("--max-rows", type=int, default=40, help="rows printed")
    sql_parser.set_defaults(handler=sql)
    dev_parser = commands.add_parser("dev", help="start the Dagster UI and daemon (dagster dev)")
    dev_parser.add_argument("--host", default="127.0.0.1", help="bind address (Dagster OSS has no login)")
    dev_parser.add_argument("--port", type=int, default=3000)
    dev_parser.set_defaults(handler=dev)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
