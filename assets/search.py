"""The search layer: a BM25 full-text index over cleaned article titles and bodies (see search_index)."""

import dagster as dg

from monitor import data_docs, incremental, search_index
from monitor.progress import BatchProgress
from monitor.warehouse import WRITER_POOL, Warehouse

STEP = "article_search_index"
COVERAGE_CHECK = "every_cleaned_article_is_searchable"
UPSTREAM = ["cleaned_articles"]
ARTICLES_PER_BATCH = 10_000
LEGACY_FTS_SCHEMA = "fts_main_article_text"


@dg.asset(
    pool=WRITER_POOL,
    deps=["cleaned_articles"],
    group_name="search",
    owners=data_docs.OWNERS,
    kinds={"duckdb"},
    description="Full-text index (BM25, Porter stemming, English stop words) over cleaned article titles "
    "and bodies, as tables search_documents and search_postings, and the table macro "
    "search_articles(query) that returns the articles with every query word, with their outlet, day and "
    "score. Extended with new articles; rebuilt when cleaned_articles was rebuilt.",
)
def article_search_index(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    fingerprint = incremental.fingerprint(search_index.LOGIC_VERSION, search_index.SEARCH_MACRO)
    with warehouse.transaction() as conn:
        rebuild = (
            incremental.needs_rebuild(conn, STEP, fingerprint, UPSTREAM)
            or not conn.execute(
                "SELECT 1 FROM duckdb_functions() WHERE function_name = 'search_articles'"
            ).fetchone()
        )
        if rebuild:
            conn.execute(f"DROP SCHEMA IF EXISTS {LEGACY_FTS_SCHEMA} CASCADE")
            search_index.reset(conn)
        found = search_index.totals(conn)
        pending = search_index.queue_unindexed(conn, found)
        removed = search_index.remove_stale(conn, found, pending)
        progress = BatchProgress(context.log.info, STEP, pending)
        for start in range(0, pending, ARTICLES_PER_BATCH):
            progress.advance(search_index.add_queued(conn, start, ARTICLES_PER_BATCH))
        conn.execute("DROP TABLE temp.search_queue")
        incremental.record(conn, STEP, fingerprint, UPSTREAM, rebuilt=rebuild)
    with warehouse.connect(read_only=True) as conn:
        indexed = conn.execute("SELECT count(*) FROM search_documents").fetchone()[0]
    return dg.MaterializeResult(
        metadata={"documents": indexed, "added": pending, "removed": removed, "full_rebuild": rebuild}
    )


@dg.asset_check(
    asset=STEP,
    name=COVERAGE_CHECK,
    description="The index holds exactly the cleaned articles (none missing, none stale), every "
    "document's length is the sum of its postings (no half-written article), and every posting has its "
    "document.",
)
def every_cleaned_article_is_searchable(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as conn:
        found = search_index.coverage(conn)
    return dg.AssetCheckResult(passed=found.complete, metadata=found._asdict())
