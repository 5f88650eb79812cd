"""The search layer: a BM25 full-text index over cleaned article titles and bodies (see search_index)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import dagster as dg

from monitor import data_docs, incremental, search_index
from monitor.warehouse import WRITER_POOL, Warehouse

STEP = "article_search_index"
COVERAGE_CHECK = "every_cleaned_article_is_searchable"


def _contents(conn) -> str:
    """What the index would be built from: rebuilt only when this changes."""
    count, latest, checksum = conn.execute(
        "SELECT count(*), max(ingested_at)::VARCHAR, bit_xor(hash(article_id)) FROM cleaned_articles"
    ).fetchone()
    return incremental.fingerprint(f"{count}|{latest}|{checksum}", search_index.SEARCH_MACRO)


@dg.asset(
    pool=WRITER_POOL,
    deps=["cleaned_articles"],
    group_name="search",
    owners=data_docs.OWNERS,
    kinds={"duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            COVERAGE_CHECK,
            asset=STEP,
            description="The index holds exactly the cleaned articles (none missing, none stale).",
        )
    ],
    description="Full-text index (DuckDB fts, BM25, Porter stemming) over cleaned article titles and "
    "bodies, and the table macro search_articles(query) that returns the matching articles with their "
    "outlet, day and score. Rebuilt when cleaned_articles changed.",
)
def article_search_index(warehouse: Warehouse) -> dg.MaterializeResult:
    with warehouse.connect() as conn:
        contents = _contents(conn)
        rebuild = (
            incremental.needs_rebuild(conn, STEP, contents, ["cleaned_articles"])
            or not conn.execute(
                "SELECT 1 FROM duckdb_functions() WHERE function_name = 'search_articles'"
            ).fetchone()
        )
    if rebuild:
        with tempfile.TemporaryDirectory(prefix="monitor-fts-") as folder:
            scratch = Path(folder) / "index.duckdb"
            with warehouse.connect(read_only=True) as conn:
                search_index.build_scratch_index(search_index.article_text(conn), scratch)
            with warehouse.connect() as conn:
                search_index.install(conn, scratch)
        with warehouse.transaction() as conn:
            incremental.record(conn, STEP, contents, ["cleaned_articles"], rebuilt=True)
    with warehouse.connect(read_only=True) as conn:
        indexed, articles, missing = conn.execute(
            f"""SELECT (SELECT count(*) FROM {search_index.INDEX_SCHEMA}.docs),
                       (SELECT count(*) FROM cleaned_articles),
                       (SELECT count(*) FROM cleaned_articles c WHERE NOT EXISTS (
                            SELECT 1 FROM {search_index.INDEX_SCHEMA}.docs d WHERE d.name = c.article_id))"""  # noqa: S608
        ).fetchone()
    return dg.MaterializeResult(
        metadata={"documents": indexed, "rebuilt": rebuild},
        check_results=[
            dg.AssetCheckResult(
                check_name=COVERAGE_CHECK,
                passed=indexed == articles and missing == 0,
                metadata={"indexed": indexed, "cleaned_articles": articles, "missing": missing},
            )
        ],
    )
