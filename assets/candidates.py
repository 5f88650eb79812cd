"""unresolved_candidates: names the dictionary does not know, in the articles entity_mentions scanned."""

import dagster as dg
import polars as pl

from assets.mentions import ACTOR_SEEDS, ARTICLES_PER_BATCH, STEP, batch_articles
from monitor import data_docs, incremental
from monitor.actor_dictionary import load_actor_dictionary
from monitor.candidates import CANDIDATE_SCHEMA, merge_candidates, unresolved_candidates
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame, replace_table

CANDIDATES = "unresolved_candidates"
CANDIDATES_VERSION = "2"


def _candidate_inputs(conn, batch: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A batch's bodies, read within its row range (an id filter alone read every stored body for each
    batch: 1.6 of the step's 3.2 s sampled at 100k articles, most of a +1% run's), and the surfaces the
    batch's articles already resolved, the only columns of entity_mentions the candidates read."""
    articles = batch_articles(conn, batch)
    conn.register("candidate_ids", batch.select("article_id").to_arrow())
    try:
        mentions = conn.execute(
            """SELECT article_id, surface FROM entity_mentions
               WHERE article_id IN (SELECT article_id FROM candidate_ids)"""
        ).pl()
    finally:
        conn.unregister("candidate_ids")
    return articles.select("article_id", "body"), mentions


@dg.asset(
    pool=WRITER_POOL,
    name="unresolved_candidates",
    deps=[STEP],
    group_name="actors",
    owners=data_docs.OWNERS,
    tags={"for": "curators"},
    metadata=data_docs.table_metadata("unresolved_candidates"),
    kinds={"duckdb", "polars"},
    description="Names the dictionary does not know that stand where actors stand (after a title such as "
    "'Foreign Minister', before 'said'), with counts and example articles: what curators add next to "
    "seeds/actors/.",
)
def unresolved_candidates_table(warehouse: Warehouse) -> dg.MaterializeResult:
    dictionary = load_actor_dictionary()
    fingerprint = incremental.fingerprint(*ACTOR_SEEDS, CANDIDATES_VERSION)
    with warehouse.connect() as conn:
        # counts of new articles add to the stored ones; a new dictionary or new mentions mean a full scan.
        # Batches follow the table's row order (see batch_articles); merge_candidates is order-free.
        rebuild = incremental.needs_rebuild(conn, CANDIDATES, fingerprint, [STEP])
        pending = conn.execute(
            """SELECT rowid AS row, article_id FROM cleaned_articles WHERE ? OR article_id NOT IN
                   (SELECT article_id FROM step_articles WHERE step = ?) ORDER BY rowid""",
            [rebuild, CANDIDATES],
        ).pl()
        candidates = pl.DataFrame(schema=CANDIDATE_SCHEMA)
        if not rebuild:
            candidates = conn.execute("SELECT * FROM unresolved_candidates").pl()
        for start in range(0, pending.height, ARTICLES_PER_BATCH):
            articles, mentions = _candidate_inputs(conn, pending.slice(start, ARTICLES_PER_BATCH))
            candidates = merge_candidates(candidates, unresolved_candidates(articles, mentions, dictionary))
    if pending.is_empty() and not rebuild:
        return dg.MaterializeResult(metadata={"candidates": candidates.height, "articles_scanned": 0})
    with warehouse.transaction() as conn:
        if rebuild:
            conn.execute("DELETE FROM step_articles WHERE step = ?", [CANDIDATES])
        replace_table(conn, CANDIDATES, candidates)
        insert_frame(conn, "step_articles", pending.select("article_id", step=pl.lit(CANDIDATES)))
        incremental.record(conn, CANDIDATES, fingerprint, [STEP], rebuilt=rebuild)
    return dg.MaterializeResult(
        metadata={
            "candidates": candidates.height,
            "articles_scanned": pending.height,
            "full_scan": rebuild,
            "top": dg.MetadataValue.md(candidates.head(15).to_pandas().to_markdown(index=False))
            if candidates.height
            else "none",
        },
    )
