"""Full-text search over cleaned article titles and bodies, with DuckDB's fts extension (BM25).

The extension builds its index (tables and two macros in schema fts_main_article_text) with a PRAGMA
that a DuckLake cannot run in place, so the index is always built in a private scratch DuckDB and then
copied, tables and macros, into the warehouse: one code path for a DuckDB file and a DuckLake. Analysts
need the fts extension loaded to query it (its stemmer runs at query time); `monitor sql` does that.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from monitor import extensions

INDEX_SCHEMA = "fts_main_article_text"
INDEX_TABLES = ("dict", "docs", "fields", "stats", "stopwords", "terms")
# The extension's documented defaults (its catalog does not record them), except that `fields` names both
# indexed fields instead of NULL: a DuckLake cannot store a NULL default, and a typed one scores nothing.
MATCH_PARAMETERS = "docname, query_string, fields := 'title,body', k := 1.2, b := 0.75, conjunctive := 0"

SEARCH_MACRO = f"""CREATE OR REPLACE MACRO search_articles(query_string) AS TABLE
    SELECT c.article_id, c.published_on, c.outlet_id, c.title, c.url, hits.score
    FROM (SELECT article_id,
                 {INDEX_SCHEMA}.match_bm25(article_id, query_string, conjunctive := 1) AS score
          FROM cleaned_articles) AS hits
    JOIN cleaned_articles AS c USING (article_id)
    WHERE hits.score IS NOT NULL
    ORDER BY hits.score DESC, c.article_id"""  # noqa: S608 - our schema name


def build_scratch_index(articles: pa.RecordBatchReader, scratch: Path) -> None:
    """Write the article text to a private DuckDB file and let the extension index it there."""
    with duckdb.connect(str(scratch)) as conn:
        extensions.load(conn, "fts")
        conn.register("incoming", articles)
        conn.execute("CREATE TABLE article_text AS SELECT * FROM incoming")
        conn.unregister("incoming")
        conn.execute(
            "PRAGMA create_fts_index('article_text', 'article_id', 'title', 'body', "
            "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)"
        )


def article_text(conn: duckdb.DuckDBPyConnection) -> pa.RecordBatchReader:
    return conn.execute(
        "SELECT article_id, coalesce(title, '') AS title, body FROM cleaned_articles ORDER BY article_id"
    ).fetch_record_batch(20_000)


def install(conn: duckdb.DuckDBPyConnection, scratch: Path) -> int:
    """Replace the warehouse's index with the scratch one in one transaction of its own (readers see the
    old index or the new one, never a mix)."""
    extensions.load(conn, "fts")
    conn.execute(f"ATTACH '{scratch}' AS fts_scratch (READ_ONLY)")
    try:
        macros = conn.execute(
            "SELECT function_name, macro_definition FROM duckdb_functions() "
            "WHERE database_name = 'fts_scratch' AND schema_name = ?",
            [INDEX_SCHEMA],
        ).fetchall()
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(f"DROP SCHEMA IF EXISTS {INDEX_SCHEMA} CASCADE")
            conn.execute(f"CREATE SCHEMA {INDEX_SCHEMA}")
            for table in INDEX_TABLES:
                conn.execute(
                    f"CREATE TABLE {INDEX_SCHEMA}.{table} AS "  # noqa: S608
                    f"SELECT * FROM fts_scratch.{INDEX_SCHEMA}.{table}"
                )
            for name, definition in macros:
                parameters = MATCH_PARAMETERS if name == "match_bm25" else "s"
                conn.execute(f"CREATE OR REPLACE MACRO {INDEX_SCHEMA}.{name}({parameters}) AS {definition}")
            conn.execute(SEARCH_MACRO)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH fts_scratch")
    return conn.execute(f"SELECT count(*) FROM {INDEX_SCHEMA}.docs").fetchone()[0]  # noqa: S608
