"""Runs that look after themselves: a landing-folder sensor, a daily schedule, and the refresh of the days of
actor_stance_daily that a chain run touched (late articles included), held back while a blocking gate upstream
is red.

The chain (`monitor_job`) is incremental against the `landing_files` ledger, so whichever trigger fires, a run
reads only what is new; the days to rebuild are read from the published snapshot, never from the working file
a run may be holding.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date

import dagster as dg
import duckdb
import numpy as np
import polars as pl

from assets import LAYERS, daily
from assets.raw import LandingFolder
from monitor import landing
from monitor.warehouse import Warehouse

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
CHAIN_RUN_TAG = "monitor/chain_run_id"
TRIGGER_TAG = "monitor/trigger"

TRANSIENT_RETRIES = dg.RetryPolicy(
    max_retries=3, delay=5, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)
DAILY = dg.AssetSelection.assets(daily.DAILY)

ingest_job = dg.define_asset_job(
    "monitor_job",
    selection=dg.AssetSelection.all() - DAILY,
    description="Everything up to stance_statements, for whatever is new in the landing folder.",
    op_retry_policy=TRANSIENT_RETRIES,
)
daily_job = dg.define_asset_job(
    "actor_stance_daily_job",
    selection=DAILY,
    partitions_def=daily.daily_partitions,
    description="Rebuild actor_stance_daily for a range of days (one run covers a whole range).",
    op_retry_policy=TRANSIENT_RETRIES,
)


def _blocking_checks_upstream_of_daily() -> list[dg.AssetCheckKey]:
    assets_defs = dg.load_assets_from_modules(LAYERS)
    upstream = DAILY.upstream().resolve(assets_defs) - {dg.AssetKey(daily.DAILY)}
    return sorted(
        (s.key for a in assets_defs for s in a.check_specs if s.blocking and s.asset_key in upstream),
        key=lambda k: k.to_user_string(),
    )


UPSTREAM_BLOCKING_CHECKS = _blocking_checks_upstream_of_daily()


def failed_blocking_checks(instance: dg.DagsterInstance) -> list[str]:
    """Blocking checks upstream of the daily table whose latest evaluation failed."""
    failed = []
    for key in UPSTREAM_BLOCKING_CHECKS:
        record = instance.get_latest_asset_check_evaluation_record(key)
        if record is not None and record.status.value == "FAILED":
            failed.append(key.to_user_string())
    return failed


def file_fingerprints(listing: pl.DataFrame) -> pl.Series:
    """One 64-bit fingerprint per (path, size, mtime): a changed file gets a new one."""
    key = pl.concat_str(
        [pl.col("path"), pl.col("size_bytes").cast(pl.String), pl.col("mtime_ns").cast(pl.String)],
        separator="\x00",
    )
    return listing.select(key.hash(seed=7).alias("fingerprint"))["fingerprint"].unique().sort()


def encode_cursor(fingerprints: pl.Series) -> str:
    return base64.b64encode(fingerprints.to_numpy().astype("<u8").tobytes()).decode()


def decode_cursor(cursor: str | None) -> pl.Series:
    values = np.frombuffer(base64.b64decode(cursor), dtype="<u8") if cursor else np.array([], dtype="<u8")
    return pl.Series("fingerprint", values, dtype=pl.UInt64)


@dg.sensor(
    job=ingest_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts monitor_job when files appear or change in the landing folder. The cursor holds a "
    "fingerprint of every (path, size, mtime) seen, so a file is picked up once and again only when changed.",
)
def landing_sensor(context: dg.SensorEvaluationContext, landing_folder: LandingFolder):
    folder = landing_folder.directory()
    if not folder.is_dir():
        return dg.SkipReason(f"landing folder {folder} does not exist")
    current = file_fingerprints(landing.list_landing_files(folder))
    new = current.filter(~current.is_in(decode_cursor(context.cursor).implode()))
    cursor = encode_cursor(current)
    if new.is_empty():
        context.update_cursor(cursor)
        return dg.SkipReason(f"no new or changed files among the {current.len()} in {folder}")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=hashlib.sha256(cursor.encode()).hexdigest()[:20],
                tags={TRIGGER_TAG: "landing_sensor", "monitor/new_or_changed_files": str(new.len())},
            )
        ],
        cursor=cursor,
    )


@dg.schedule(
    cron_schedule="0 5 * * *",
    job=ingest_job,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every morning: process whatever arrived (the run reads only new or changed files); the days "
    "it touched of actor_stance_daily are then rebuilt by daily_refresh_sensor.",
)
def daily_schedule(context: dg.ScheduleEvaluationContext):
    day = context.scheduled_execution_time.date().isoformat()
    return dg.RunRequest(run_key=f"daily-{day}", tags={TRIGGER_TAG: "daily_schedule"})


def days_to_refresh(conn: duckdb.DuckDBPyConnection, run_id: str | None) -> tuple[str, str] | None:
    """First and last day to rebuild: days the run added statements to, and days where the daily table no
    longer counts what stance_statements holds (work of a killed run, a rebuilt step).
    """
    first_day = daily.daily_partitions.get_first_partition_key()
    last_day = daily.daily_partitions.get_last_partition_key()
    row = conn.execute(
        """WITH statements AS (
               SELECT s.published_on AS day, count(*) AS n
               FROM stance_statements s JOIN cleaned_articles c USING (article_id)
               WHERE s.published_on IS NOT NULL GROUP BY 1),
           daily AS (SELECT day, sum(statements) AS n FROM actor_stance_daily GROUP BY 1),
           stale AS (
               SELECT coalesce(s.day, d.day) AS day
               FROM statements s FULL JOIN daily d ON s.day = d.day WHERE s.n IS DISTINCT FROM d.n),
           touched AS (SELECT published_on AS day FROM stance_statements WHERE run_id = ?),
           wanted AS (SELECT day FROM stale UNION ALL SELECT day FROM touched)
           SELECT min(day)::VARCHAR, max(day)::VARCHAR FROM wanted WHERE day BETWEEN ? AND ?""",
        [run_id, date.fromisoformat(first_day), date.fromisoformat(last_day)],
    ).fetchone()
    return None if row[0] is None else (row[0], row[1])


def daily_refresh_request(instance: dg.DagsterInstance, warehouse: Warehouse, run_id: str):
    """A run request for the days a finished chain run touched, or why there is none."""
    failed = failed_blocking_checks(instance)
    if failed:
        return dg.SkipReason(f"not building on a failed blocking check: {', '.join(failed)}")
    try:
        with warehouse.read_snapshot() as conn:
            days = days_to_refresh(conn, run_id)
    except duckdb.Error:
        with warehouse.connect(read_only=True) as conn:
            days = days_to_refresh(conn, run_id)
    if days is None:
        return dg.SkipReason(f"run {run_id} changed no day of actor_stance_daily")
    return dg.RunRequest(
        run_key=f"daily-after-{run_id}",
        job_name=daily_job.name,
        tags={RANGE_START_TAG: days[0], RANGE_END_TAG: days[1], CHAIN_RUN_TAG: run_id, TRIGGER_TAG: "chain"},
    )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[ingest_job],
    request_job=daily_job,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="After monitor_job succeeds, rebuilds the days of actor_stance_daily it touched in one run "
    "(late articles update their own day); skipped while a blocking gate upstream has failed.",
)
def daily_refresh_sensor(context: dg.RunStatusSensorContext, warehouse: Warehouse):
    return daily_refresh_request(context.instance, warehouse, context.dagster_run.run_id)


schedules = [daily_schedule]
sensors = [landing_sensor, daily_refresh_sensor]
