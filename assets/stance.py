"""stance_statements and actor_stance_daily: who expressed what stance toward whom, per day, and why."""

import base64
import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import dagster as dg
import polars as pl
from dagster._core.definitions.data_version import CODE_VERSION_TAG, DATA_VERSION_TAG
from dagster._core.storage.tags import BACKFILL_ID_TAG

from monitor import (
    asset_checks,
    code_version,
    daily_refresh,
    data_docs,
    gate_rows,
    gates,
    ge_session,
    incremental,
    plots,
    settings,
    stance_daily,
    views,
)
from monitor.actor_dictionary import load_actor_dictionary
from monitor.progress import BatchProgress
from monitor.stance import STATEMENT_SCHEMA, extract_statements
from monitor.stance_daily import DAILY_SCHEMA, aggregate_daily
from monitor.stance_matching import CUES_PATH, RULES_PATH, load_cues
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame, replace_table

STEP = "stance_statements"
DAILY = "actor_stance_daily"
UPSTREAM = ["entity_mentions"]
ARTICLES_PER_BATCH = 20_000
PLOT_INLINE_MAX_DAYS = 31
STATEMENTS_PER_CHUNK = 250_000
LOGIC_VERSION = code_version.logic_version("stance")
CUE_SEEDS = [CUES_PATH, RULES_PATH]
SEEDS = [*CUE_SEEDS, settings.EXPECTATIONS_DIR / f"{STEP}.json"]
STATEMENT_COLUMNS = list(STATEMENT_SCHEMA)
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


@dg.asset(
    pool=WRITER_POOL,
    group_name="reference",
    owners=data_docs.OWNERS,
    tags={"source": "seeds"},
    metadata=data_docs.table_metadata("stance_cues"),
    kinds={"duckdb", "csv"},
    code_version=incremental.fingerprint(*CUE_SEEDS),
    description="Stance cues (seeds/stance_cues.csv): phrases grouped in event-coding classes with a "
    "polarity each; the phrase classes (speech verbs, negators) are in seeds/stance_rules.yaml.",
)
def stance_cues(warehouse: Warehouse) -> dg.MaterializeResult:
    cues = load_cues()
    fingerprint = incremental.fingerprint(*CUE_SEEDS)
    with warehouse.transaction() as conn:
        if incremental.reference_changed(conn, "stance_cues", fingerprint, ("stance_cues",)):
            replace_table(conn, "stance_cues", cues)
            incremental.record(conn, "stance_cues", fingerprint, [], rebuilt=True)
    return dg.MaterializeResult(
        metadata={"cues": cues.height, "classes": cues["cue_class"].n_unique()},
        data_version=dg.DataVersion(fingerprint),
    )


def _batch_inputs(conn, ids: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    conn.register("batch_ids", pl.DataFrame({"article_id": ids}).to_arrow())
    articles = conn.execute(
        """SELECT article_id, published_on, length(body) AS body_length FROM cleaned_articles
           WHERE article_id IN (SELECT article_id FROM batch_ids)"""
    ).pl()
    sentences = conn.execute(
        """SELECT article_id, sentence_no, start, "end", text FROM sentences
           WHERE article_id IN (SELECT article_id FROM batch_ids)"""
    ).pl()
    mentions = conn.execute(
        """SELECT mention_id, article_id, sentence_no, start, "end", surface, actor_id, country, actor_kind,
                  role, rule
           FROM entity_mentions WHERE article_id IN (SELECT article_id FROM batch_ids)"""
    ).pl()
    conn.unregister("batch_ids")
    return articles, sentences, mentions


def statement_candidates(
    articles: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame
) -> pl.DataFrame:
    """Statements of a batch with the columns the gate reads (pure: no I/O)."""
    statements = extract_statements(sentences, mentions, cues, articles.select("article_id", "published_on"))
    counts = sentences.group_by("article_id").agg(sentence_count=pl.len())
    return (
        statements.join(articles.select("article_id", "body_length"), on="article_id", how="left")
        .join(counts, on="article_id", how="left")
        # a column GE can test row by row in one vectorised pass (its within-record check loops in pandas)
        .with_columns(self_directed=pl.col("source_actor") == pl.col("target_actor"))
    )


def _computed(inputs: tuple, cues: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    articles, sentences, mentions = inputs
    return articles, statement_candidates(articles, sentences, mentions, cues)


def _process_batch(conn, computed: tuple, known: list[str], run_id: str) -> gates.GateResult:
    articles, candidates = computed
    gate = gates.validate_rows(STEP, candidates, "statement_id", {"known_actor_ids": known})
    gate.passed = gate.passed.select(STATEMENT_COLUMNS)
    insert_frame(conn, STEP, gate.passed.with_columns(run_id=pl.lit(run_id)))
    insert_frame(conn, "quarantine", gates.quarantine_rows(gate, "statement", run_id))
    insert_frame(
        conn, "step_articles", articles.select("article_id", step=pl.lit(STEP), run_id=pl.lit(run_id))
    )
    return gate


def _pending(conn, rebuild: bool) -> pl.Series:
    if rebuild:
        incremental.reset(conn, STEP, (STEP,))
    return conn.execute(
        """SELECT article_id FROM step_articles WHERE step = 'entity_mentions'
           AND article_id NOT IN (SELECT article_id FROM step_articles WHERE step = ?) ORDER BY article_id""",
        [STEP],
    ).pl()["article_id"]


@dg.asset(
    pool=WRITER_POOL,
    deps=["entity_mentions", "stance_cues"],
    check_specs=asset_checks.check_specs(STEP),
    group_name="stance",
    owners=data_docs.OWNERS,
    tags={"gate": "great_expectations"},
    metadata=data_docs.table_metadata("stance_statements"),
    kinds={"duckdb", "polars"},
    code_version=LOGIC_VERSION,
    description="One row per sentence-level stance statement: source and target (states or organisations), "
    "the person or institution who spoke, polarity in [-1, 1], the cue and its class, negation, whether "
    "it is mutual cooperation reported as fact, the attribution rule, and the evidence span.",
)
def stance_statements(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    cues = load_cues()
    known = load_actor_dictionary().actors["actor_id"].to_list()
    fingerprint = incremental.fingerprint(*SEEDS, LOGIC_VERSION)
    results, kept = [], gate_rows.GateRows(STEP, STATEMENT_COLUMNS)
    # a batch's statements (polars, which releases the GIL) are extracted in a thread while the batch
    # before it is gated and written (GE in Python, DuckDB): the two overlap on two cores
    with kept, ThreadPoolExecutor(max_workers=1) as ahead:
        with warehouse.transaction() as conn:
            rebuild = incremental.needs_rebuild(conn, STEP, fingerprint, UPSTREAM)
            pending = _pending(conn, rebuild)
            if pending.len():
                ge_session.warm_up()
            batches = [
                pending.slice(s, ARTICLES_PER_BATCH) for s in range(0, pending.len(), ARTICLES_PER_BATCH)
            ]
            upcoming = ahead.submit(_computed, _batch_inputs(conn, batches[0]), cues) if batches else None
        progress = BatchProgress(context.log.info, STEP, pending.len())
        for number, batch in enumerate(batches):
            with warehouse.transaction() as conn:
                current = upcoming
                if number + 1 < len(batches):
                    upcoming = ahead.submit(_computed, _batch_inputs(conn, batches[number + 1]), cues)
                gate = _process_batch(conn, current.result(), known, context.run_id)
            results.append(kept.keep(gate))
            progress.advance(batch.len())
        with warehouse.transaction() as conn:
            incremental.record(conn, STEP, fingerprint, UPSTREAM, rebuilt=rebuild)
            views.create_views(conn)
            summary = gates.step_totals(conn, STEP, "stance_statements")
            days = conn.execute(
                "SELECT DISTINCT published_on::VARCHAR FROM stance_statements WHERE run_id = ? ORDER BY 1",
                [context.run_id],
            ).fetchall()
        combined = gates.combine(STEP, results, STATEMENT_COLUMNS, kept)
        verdict = asset_checks.table_verdict(context, combined, summary)
    return dg.MaterializeResult(
        metadata={
            "articles_processed": pending.len(),
            "full_rebuild": rebuild,
            **summary,
            "days_touched": dg.MetadataValue.json([d for (d,) in days]),
            asset_checks.GE_NOTE: verdict.note,
        },
        check_results=asset_checks.check_results(verdict),
    )


def _plot_metadata(conn, warehouse: Warehouse, days_marked: int) -> dict:
    """The picture, inline when the run records few days: it is repeated on every day's materialization,
    and a 180 KB image on each of a thousand events made the event log the slowest part of the run."""
    names = dict(conn.execute("SELECT actor_id, name FROM actors").fetchall())
    path = settings.project_path(warehouse.db_path).parent / "plots" / "actor_stance_daily.png"
    png = plots.stance_over_time_file(path, plots.plotted_rows(conn), names)
    if days_marked <= PLOT_INLINE_MAX_DAYS:
        image = base64.b64encode(png).decode()
        shown = f"![stance over time](data:image/png;base64,{image})"
    else:
        shown = f"Stance over time: `{path}` (shown here by runs of up to {PLOT_INLINE_MAX_DAYS} days)."
    return {"plot": dg.MetadataValue.md(shown), "plot_path": dg.MetadataValue.path(str(path))}


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
    with gate_rows.GateRows(DAILY, DAILY_COLUMNS) as kept:
        yield from _daily_run(context, warehouse, first, last, kept)


def _daily_run(context, warehouse: Warehouse, first: date, last: date, kept: gate_rows.GateRows):
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
        plot = _plot_metadata(conn, warehouse, marked.height)
    # the days are recorded as soon as their rows are committed, before the gate runs
    if marked.height == (last - first).days + 1:
        # every day (first run, backfill, new rules): Dagster's own events, batched on PostgreSQL
        yield dg.MaterializeResult(metadata={**summary, **plot})
    else:
        yield from _day_materializations(marked, day_counts, plot)
    warehouse.transaction_with_retries(DAILY, lambda conn: daily_refresh.forget_recorded(conn, unrecorded))
    gate = gates.GateResult(
        DAILY, pl.DataFrame(), pl.DataFrame(schema=gates.QUARANTINE_SCHEMA), [], kept=kept
    )
    verdict = asset_checks.table_verdict(context, gate, {"rows": kept.height}, {"known_actor_ids": known})
    yield from asset_checks.check_results(verdict, run_figures=summary)
