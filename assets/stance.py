"""stance_cues and stance_statements: who expressed what stance toward whom, in which sentence, and why
(the daily table is assets/daily.py)."""

import dagster as dg
import polars as pl

from monitor import (
    asset_checks,
    batch_overlap,
    code_version,
    data_docs,
    gate_rows,
    gates,
    ge_session,
    incremental,
    settings,
    views,
)
from monitor.actor_dictionary import load_actor_dictionary
from monitor.progress import BatchProgress
from monitor.stance import STATEMENT_SCHEMA, extract_statements
from monitor.stance_learned import MODEL_PATH
from monitor.stance_matching import CUES_PATH, RULES_PATH, load_cues
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame, replace_table

STEP = "stance_statements"
UPSTREAM = ["entity_mentions"]
ARTICLES_PER_BATCH = 20_000
LOGIC_VERSION = code_version.logic_version("stance")
CUE_SEEDS = [CUES_PATH, RULES_PATH]
SEEDS = [*CUE_SEEDS, MODEL_PATH, settings.EXPECTATIONS_DIR / f"{STEP}.json"]
STATEMENT_COLUMNS = list(STATEMENT_SCHEMA)


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


BATCH_READS = {
    "articles": (
        "row",
        "row",
        None,
        # the country of the copy's author, its wire's or its outlet's ("the Foreign Office" of Dawn's copy)
        """SELECT article_id, published_on, length(body) AS body_length,
                  (SELECT country FROM outlets WHERE outlet_id = coalesce(cleaned_articles.wire,
                   cleaned_articles.outlet_id)) AS home_country
           FROM cleaned_articles""",
    ),
    "sentences": ("s_lo", "s_hi", "s_n", 'SELECT article_id, sentence_no, start, "end", text FROM sentences'),
    "mentions": (
        "m_lo",
        "m_hi",
        "m_n",
        """SELECT mention_id, article_id, sentence_no, start, "end", surface, actor_id, country, actor_kind,
                  role, rule
           FROM entity_mentions""",
    ),
}


def _batch_inputs(conn, batch: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """A batch is a run of cleaned_articles' rows, and its sentences and mentions runs of theirs (written in
    that order): each is read within its row range, since an id filter alone scans the whole of the three
    tables for every batch (at 1M articles 2.3-2.7 s and 2 GB of DuckDB's buffer per batch). Should a
    table's rows have moved since they were numbered, the batch is read there by its ids alone."""
    conn.register("batch_ids", batch.select("article_id").to_arrow())
    try:
        frames = []
        for low, high, count, select in BATCH_READS.values():
            expected = batch.height if count is None else int(batch[count].sum())
            frame = conn.execute(
                f"{select} WHERE rowid BETWEEN ? AND ? AND article_id IN (SELECT article_id FROM batch_ids)",  # noqa: S608
                [batch[low].min() or 0, batch[high].max() or -1],
            ).pl()
            if frame.height != expected:
                by_ids = f"{select} WHERE article_id IN (SELECT article_id FROM batch_ids)"  # noqa: S608
                frame = conn.execute(by_ids).pl()
            frames.append(frame)
        return tuple(frames)
    finally:
        conn.unregister("batch_ids")


def statement_candidates(
    articles: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, cues: pl.DataFrame
) -> pl.DataFrame:
    """Statements of a batch with the columns the gate reads (pure: no I/O)."""
    statements = extract_statements(
        sentences, mentions, cues, articles.select("article_id", "published_on", "home_country")
    )
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


def _pending(conn, rebuild: bool) -> pl.DataFrame:
    """[row, article_id] of the articles entity_mentions scanned and this step did not, in cleaned_articles'
    row order, with the first and last row and the count of their sentences and mentions (see
    _batch_inputs)."""
    if rebuild:
        incremental.reset(conn, STEP, (STEP,))
    return conn.execute(
        """WITH todo AS (
               SELECT rowid AS row, article_id FROM cleaned_articles
               WHERE article_id IN (SELECT article_id FROM step_articles WHERE step = 'entity_mentions')
                 AND article_id NOT IN (SELECT article_id FROM step_articles WHERE step = ?)),
           s AS (SELECT article_id, min(rowid) AS s_lo, max(rowid) AS s_hi, count(*) AS s_n
                 FROM sentences WHERE article_id IN (SELECT article_id FROM todo) GROUP BY ALL),
           m AS (SELECT article_id, min(rowid) AS m_lo, max(rowid) AS m_hi, count(*) AS m_n
                 FROM entity_mentions WHERE article_id IN (SELECT article_id FROM todo) GROUP BY ALL)
           SELECT * FROM todo LEFT JOIN s USING (article_id) LEFT JOIN m USING (article_id) ORDER BY row""",
        [STEP],
    ).pl()


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
    with kept:
        with warehouse.transaction() as conn:
            rebuild = incremental.needs_rebuild(conn, STEP, fingerprint, UPSTREAM)
            pending = _pending(conn, rebuild)
            if pending.height:
                ge_session.warm_up()
        progress = BatchProgress(context.log.info, STEP, pending.height)
        for batch, gate in batch_overlap.overlapped(
            warehouse.transaction,
            pending.iter_slices(ARTICLES_PER_BATCH),
            read=_batch_inputs,
            compute=lambda inputs: _computed(inputs, cues),
            write=lambda conn, computed: _process_batch(conn, computed, known, context.run_id),
        ):
            results.append(kept.keep(gate))
            progress.advance(batch.height)
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
            "articles_processed": pending.height,
            "full_rebuild": rebuild,
            **summary,
            "days_touched": dg.MetadataValue.json([d for (d,) in days]),
            asset_checks.GE_NOTE: verdict.note,
        },
        check_results=asset_checks.check_results(verdict),
    )
