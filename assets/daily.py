"""actor_stance_daily: per publication day, who expressed what stance toward whom, rebuilt day by day from
stance_statements, with the picture of the busiest dyads."""

import base64
import warnings
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

import dagster as dg
import polars as pl
from dagster._core.definitions.data_version import CODE_VERSION_TAG, DATA_VERSION_TAG
from dagster._core.storage.tags import BACKFILL_ID_TAG

from assets.stance import LOGIC_VERSION, STEP
from monitor import (
    asset_checks,
    daily_refresh,
    data_docs,
    gate_rows,
    gates,
    ge_session,
    incremental,
    plots,
    settings,
    stance_daily,
)
from monitor.stance_daily import DAILY_SCHEMA, aggregate_daily
from monitor.warehouse import Warehouse, insert_frame

DAILY = "actor_stance_daily"
PLOT_INLINE_MAX_DAYS = 31
STATEMENTS_PER_CHUNK = 250_000
DAILY_COLUMNS = list(DAILY_SCHEMA)
DAILY_VERSION = incremental.fingerprint(Path(stance_daily.__file__), LOGIC_VERSION)
DAILY_INPUTS = """
    SELECT s.statement_id, s.article_id, s.published_on, s.source_actor, s.target_actor, s.polarity, s.cue,
           s.mutual, c.story_id, c.outlet_id
    FROM stance_statements s JOIN cleaned_articles c USING (article_id)
    WHERE s.published_on IN (SELECT day FROM days_to_rebuild)"""
DAY_COUNTS = """
    SELECT day, count(*) AS rows, sum(statements)::BIGINT AS statements FROM actor_stance_daily
    WHERE day BETWEEN ? AND ? GROUP BY day"""
# Dagster 1.13 marks backfill_policy as beta; the single-run policy is what the daily table is specified
# with, so the warning (printed on every CLI start once GE no longer silenced it) gives a user nothing to do.
warnings.filterwarnings("ignore", category=dg.BetaWarning, message="Parameter `backfill_policy`")
daily_partitions = dg.DailyPartitionsDefinition(start_date=settings.start_date(), end_offset=1)


def _plot_metadata(conn, warehouse: Warehouse, days_marked: int, drawing: Executor) -> tuple[dict, Future]:
    """The picture, inline when the run records few days: it is repeated on every day's materialization,
    and a 180 KB image on each of a thousand events made the event log the slowest part of the run. Shown
    by its path, it is drawn in `drawing` while Dagster stores the days' events (the returned future: the
    run waits for it before its checks)."""
    names = dict(conn.execute("SELECT actor_id, name FROM actors").fetchall())
    path = settings.project_path(warehouse.db_path).parent / "plots" / "actor_stance_daily.png"
    png = drawing.submit(plots.stance_over_time_file, path, plots.plotted_rows(conn), names)
    if days_marked <= PLOT_INLINE_MAX_DAYS:
        image = base64.b64encode(png.result()).decode()
        shown = f"![stance over time](data:image/png;base64,{image})"
    else:
        shown = f"Stance over time: `{path}` (shown here by runs of up to {PLOT_INLINE_MAX_DAYS} days)."
    return {"plot": dg.MetadataValue.md(shown), "plot_path": dg.MetadataValue.path(str(path))}, png


def _rows_of_days(conn, days: pl.DataFrame) -> pl.DataFrame:
    conn.register("days_to_read", days.select("day").to_arrow())
    try:
        return conn.execute(
            f"SELECT {', '.join(DAILY_COLUMNS)} FROM actor_stance_daily "  # noqa: S608 - our column names
            "WHERE day IN (SELECT day FROM days_to_read)"
        ).pl()
    finally:
        conn.unregister("days_to_read")


def _day_materializations(marked: pl.DataFrame, day_counts: pl.DataFrame, plot: dict):
    """One materialization per recorded day, with that day's figures and, as its data version, the
    fingerprint of the statements it was built from."""
    for day, fingerprint, rows, statements in marked.join(day_counts, on="day", how="left").iter_rows():
        tags = {CODE_VERSION_TAG: LOGIC_VERSION}
        if fingerprint is not None:
            tags[DATA_VERSION_TAG] = f"{fingerprint & (2**64 - 1):016x}"
        yield dg.AssetMaterialization(
            asset_key=DAILY,
            partition=day.isoformat(),
            metadata={"rows": rows or 0, "statements": statements or 0, **plot},
            tags=tags,
        )


@dg.asset(
    deps=[STEP, "cleaned_articles", "actors", "outlets"],
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.multi_run(settings.backfill_days_per_run())
    if settings.backfill_days_per_run()
    else dg.BackfillPolicy.single_run(),
    check_specs=asset_checks.check_specs(DAILY),
    output_required=False,
    group_name="stance",
    owners=data_docs.OWNERS,
    tags={"gate": "great_expectations"},
    metadata=data_docs.table_metadata("actor_stance_daily"),
    kinds={"duckdb", "polars"},
    code_version=LOGIC_VERSION,
    automation_condition=dg.AutomationCondition.eager()
    & dg.AutomationCondition.all_deps_blocking_checks_passed(),
    description="Per publication day, source and target: statement, article, story and outlet counts, mean "
    "and story-weighted stance with a Wilson band, top cues and example statement ids. Each day is rebuilt "
    "from stance_statements, so reruns and late articles leave the same rows; days whose statements did not "
    "change since they were built are skipped, and keep their last materialization (the one that made "
    "their rows) instead of getting a new one.",
)
def actor_stance_daily(context: dg.AssetExecutionContext, warehouse: Warehouse):
    first, last = (date.fromisoformat(k) for k in context.partition_key_range)
    with gate_rows.GateRows(DAILY, DAILY_COLUMNS) as kept, ThreadPoolExecutor(max_workers=1) as drawing:
        yield from _daily_run(context, warehouse, first, last, kept, drawing)


def _daily_run(
    context, warehouse: Warehouse, first: date, last: date, kept: gate_rows.GateRows, drawing: Executor
):
    """The days' rows rebuilt chunk by chunk, each chunk's rows kept for the gate on disk (`kept`)."""

    def rebuild_days(conn) -> tuple[pl.DataFrame, int, pl.DataFrame]:
        kept.clear()
        days = daily_refresh.days_to_rebuild(conn, first, last, DAILY_VERSION)
        if days.height:
            ge_session.warm_up()
        statement_count = 0
        for chunk in daily_refresh.day_chunks(days, STATEMENTS_PER_CHUNK):
            conn.register("days_to_rebuild", chunk.select("day").to_arrow())
            try:
                statements = conn.execute(DAILY_INPUTS).pl()
                daily = aggregate_daily(statements).select(DAILY_COLUMNS)
                conn.execute("DELETE FROM actor_stance_daily WHERE day IN (SELECT day FROM days_to_rebuild)")
            finally:
                conn.unregister("days_to_rebuild")
            insert_frame(conn, DAILY, daily.with_columns(run_id=pl.lit(context.run_id)))
            kept.add(daily)
            statement_count += statements.height
        daily_refresh.record_built_days(conn, days, context.run_id)
        return days, statement_count, daily_refresh.unrecorded_days(conn, first, last)

    rebuilt, statement_count, unrecorded = warehouse.transaction_with_retries(DAILY, rebuild_days)
    rows_rebuilt = kept.height
    materialized = context.instance.get_materialized_partitions(dg.AssetKey(DAILY))
    backfill = context.run.tags.get(BACKFILL_ID_TAG) is not None
    marked = daily_refresh.days_to_mark(unrecorded, first, last, materialized, whole_range=backfill)
    summary = {
        "days": f"{first} .. {last}",
        "days_rebuilt": rebuilt.height,
        "days_materialized": marked.height,
        "rows_rebuilt": rows_rebuilt,
        "statements": statement_count,
    }
    with warehouse.connect(read_only=True) as conn:
        known = conn.execute("SELECT actor_id FROM actors").pl()["actor_id"].to_list()
        day_counts = conn.execute(DAY_COUNTS, [first, last]).pl()
        # rows a dead run committed but never gated: this run's gate reads them too
        kept.add(_rows_of_days(conn, unrecorded.join(rebuilt, on="day", how="anti")))
        plot, drawn = _plot_metadata(conn, warehouse, marked.height, drawing)
    # the days are recorded as soon as their rows are committed, before the gate runs
    if marked.height == (last - first).days + 1:
        # every day (first run, backfill, new rules): Dagster's own events, batched on PostgreSQL
        yield dg.MaterializeResult(metadata={**summary, **plot})
    else:
        yield from _day_materializations(marked, day_counts, plot)
    warehouse.transaction_with_retries(DAILY, lambda conn: daily_refresh.forget_recorded(conn, unrecorded))
    drawn.result()
    gate = gates.GateResult(
        DAILY, pl.DataFrame(), pl.DataFrame(schema=gates.QUARANTINE_SCHEMA), [], kept=kept
    )
    verdict = asset_checks.table_verdict(context, gate, {"rows": kept.height}, {"known_actor_ids": known})
    yield from asset_checks.check_results(verdict, run_figures=summary)
