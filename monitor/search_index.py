"""Full-text search over cleaned article titles and bodies: a BM25 index kept as plain tables.

DuckDB's fts PRAGMA rebuilds its whole index from scratch (and cannot run inside a DuckLake), so a 1%
increment cost a full re-index. The index here is two tables a run can extend: one row per article
(`search_documents`, its length in terms) and one per article and stemmed term (`search_postings`, the
term frequency). Corpus statistics (document count, mean length, document frequency) are computed at
query time from the postings of the query's terms, so adding or removing articles never touches the
rows of the others. Tokens, stemmer (Porter) and stop words are those of the fts extension, whose `stem`
function analysts need loaded to query (`monitor sql` and `monitor.analysis.connect` load it).
"""

from __future__ import annotations

from typing import NamedTuple

import duckdb

from monitor import extensions

LOGIC_VERSION = "bm25-tables-1"
TOKEN_SEPARATOR = "[^a-z0-9]+"
K1, B = 1.2, 0.75

_TOKENS = f"unnest(regexp_split_to_array(lower(strip_accents({{text}})), '{TOKEN_SEPARATOR}'))"

SEARCH_MACRO = f"""CREATE OR REPLACE MACRO search_articles(query_string) AS TABLE
    WITH query_terms AS (
        SELECT DISTINCT stem(token, 'porter') AS term
        FROM (SELECT {_TOKENS.format(text="query_string")} AS token)
        WHERE token <> '' AND token NOT IN (SELECT word FROM search_stopwords)),
    corpus AS (SELECT count(*) AS documents, avg(length) AS mean_length FROM search_documents),
    matches AS (SELECT * FROM search_postings WHERE term IN (SELECT term FROM query_terms)),
    frequency AS (SELECT term, count(*) AS documents_with_term FROM matches GROUP BY term),
    scores AS (
        SELECT m.article_id, count(*) AS terms_matched,
               sum(ln(1 + (c.documents - f.documents_with_term + 0.5) / (f.documents_with_term + 0.5))
                   * m.tf * {K1 + 1} / (m.tf + {K1} * ({1 - B} + {B} * d.length / c.mean_length))) AS score
        FROM matches m JOIN frequency f USING (term) JOIN search_documents d USING (article_id), corpus c
        GROUP BY m.article_id)
    SELECT a.article_id, a.published_on, a.outlet_id, a.title, a.url, s.score
    FROM scores s JOIN cleaned_articles a USING (article_id)
    WHERE s.terms_matched = (SELECT count(*) FROM query_terms)
    ORDER BY s.score DESC, a.article_id"""  # noqa: S608 - constants only


def english_stopwords() -> list[str]:
    """The fts extension's English list (it only exposes it through an index it builds)."""
    with duckdb.connect() as conn:
        extensions.load(conn, "fts")
        conn.execute("CREATE TABLE probe AS SELECT 1 AS id, 'probe' AS text")
        conn.execute("PRAGMA create_fts_index('probe', 'id', 'text', stopwords = 'english')")
        words = conn.execute("SELECT sw FROM fts_main_probe.stopwords ORDER BY sw").fetchall()
    return [word for (word,) in words]


def reset(conn: duckdb.DuckDBPyConnection) -> None:
    """Empty the index and (re)write the stop words and the query macro (inside the caller's transaction)."""
    extensions.load(conn, "fts")
    conn.execute("DELETE FROM search_postings")
    conn.execute("DELETE FROM search_documents")
    conn.execute("DELETE FROM search_stopwords")
    conn.executemany("INSERT INTO search_stopwords VALUES (?)", [(w,) for w in english_stopwords()])
    conn.execute(SEARCH_MACRO)


class Totals(NamedTuple):
    """What the index and cleaned_articles add up to: counts, an order-free hash of their ids, and the sum
    of the documents' lengths against the sum of the postings' term frequencies."""

    documents: int
    articles: int
    document_ids: int
    article_ids: int
    lengths: int
    frequencies: int

    @property
    def same_articles(self) -> bool:
        return self.documents == self.articles and self.document_ids == self.article_ids


def totals(conn: duckdb.DuckDBPyConnection) -> Totals:
    """One pass over two id columns and the postings' frequencies, with no join: a run with nothing new
    compares these instead of joining every posting to its document (2.4-3.8 s for the step and its check
    at 1M articles and 117M postings). Damage that cancels out in the sums is the coverage check's to find."""
    return Totals(
        *conn.execute(
            """SELECT (SELECT count(*) FROM search_documents), (SELECT count(*) FROM cleaned_articles),
                      (SELECT coalesce(sum(hash(article_id)::HUGEINT), 0) FROM search_documents),
                      (SELECT coalesce(sum(hash(article_id)::HUGEINT), 0) FROM cleaned_articles),
                      (SELECT coalesce(sum(length), 0) FROM search_documents),
                      (SELECT coalesce(sum(tf), 0) FROM search_postings)"""
        ).fetchone()
    )


def remove_stale(conn: duckdb.DuckDBPyConnection, found: Totals, queued: int) -> int:
    """Forget documents that are no longer cleaned articles, and postings left without their document (a
    damaged index), so that the queued articles (queue_unindexed) have no postings yet. Each is looked for
    only when the totals show it: stale documents are those the index holds beyond the cleaned articles it
    has, and an orphan posting makes the frequencies outweigh the lengths."""
    count = 0
    if found.documents > found.articles - queued:
        stale = (
            "SELECT article_id FROM search_documents "
            "WHERE article_id NOT IN (SELECT article_id FROM cleaned_articles)"
        )
        conn.execute(f"DELETE FROM search_postings WHERE article_id IN ({stale})")  # noqa: S608
        count = conn.execute(f"DELETE FROM search_documents WHERE article_id IN ({stale})").fetchone()[0]  # noqa: S608
    if found.lengths != found.frequencies:
        conn.execute(
            "DELETE FROM search_postings WHERE article_id NOT IN (SELECT article_id FROM search_documents)"
        )
    return count


def queue_unindexed(conn: duckdb.DuckDBPyConnection, found: Totals) -> int:
    """Number the cleaned articles the index lacks, in id order (temp table search_queue[n, article_id]),
    so that add_queued takes them by ranges of n without their ids passing through Python. When the index
    holds the same articles (the totals), none is looked for."""
    lacking = "WHERE article_id NOT IN (SELECT article_id FROM search_documents)"
    if found.same_articles:
        lacking = "WHERE false"
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE search_queue AS
           SELECT row_number() OVER (ORDER BY article_id) - 1 AS n, article_id FROM cleaned_articles
           {lacking}"""  # noqa: S608 - constants only
    )
    return conn.execute("SELECT count(*) FROM search_queue").fetchone()[0]


def add_queued(conn: duckdb.DuckDBPyConnection, first: int, count: int) -> int:
    """Index the queued articles numbered first .. first + count - 1 (see queue_unindexed)."""
    conn.execute(
        "CREATE OR REPLACE TEMP VIEW search_batch AS SELECT article_id FROM search_queue "  # noqa: S608
        f"WHERE n >= {int(first)} AND n < {int(first) + int(count)}"
    )
    try:
        return add_documents(conn, "search_batch")
    finally:
        conn.execute("DROP VIEW IF EXISTS temp.search_batch")


def add_documents(conn: duckdb.DuckDBPyConnection, batch_table: str) -> int:
    """Index the cleaned articles whose ids are in `batch_table` (one column, article_id).

    The articles have no postings yet (remove_stale): a delete of theirs here scanned every posting of the
    index once per batch, a cost that grew with the archive. Tokens are stemmed once per distinct token,
    not once per occurrence, and counted once, per article and stemmed term. Articles are grouped by a
    number within the batch, not by their 64-character id (about a third more CPU); the id is joined back
    once per posting, the postings of an article kept together (scattered, they took three times the
    space: 178 MB instead of 55 MB at 100k articles).
    """
    extensions.load(conn, "fts")
    tokens = _TOKENS.format(text="coalesce(a.title, '') || ' ' || a.body")
    conn.execute(
        f"CREATE OR REPLACE TEMP TABLE batch_documents AS "  # noqa: S608 - our names
        f"SELECT row_number() OVER () AS doc, article_id FROM {batch_table}"
    )
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE batch_postings AS
            WITH tokens AS MATERIALIZED (
                SELECT doc, token
                FROM (SELECT d.doc, {tokens} AS token
                      FROM cleaned_articles a JOIN batch_documents d USING (article_id))
                WHERE token <> ''),
            vocabulary AS (
                SELECT token, stem(token, 'porter') AS term FROM (SELECT DISTINCT token FROM tokens)
                WHERE token NOT IN (SELECT word FROM search_stopwords))
            SELECT v.term, t.doc, count(*)::INTEGER AS tf
            FROM tokens t JOIN vocabulary v USING (token) GROUP BY ALL"""  # noqa: S608 - our names
    )
    try:
        conn.execute(
            """INSERT INTO search_postings
               SELECT p.term, d.article_id, p.tf FROM batch_postings p JOIN batch_documents d USING (doc)
               ORDER BY p.doc"""
        )
        return conn.execute(
            """INSERT INTO search_documents
               SELECT d.article_id, coalesce(sum(p.tf), 0)::INTEGER AS length
               FROM batch_documents d LEFT JOIN batch_postings p USING (doc)
               GROUP BY d.doc, d.article_id"""
        ).fetchone()[0]
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.batch_postings")
        conn.execute("DROP TABLE IF EXISTS temp.batch_documents")


class Coverage(NamedTuple):
    indexed: int
    cleaned_articles: int
    missing: int
    stale: int
    inconsistent: int
    orphan_postings: int

    @property
    def complete(self) -> bool:
        return self.indexed == self.cleaned_articles and not (
            self.missing or self.stale or self.inconsistent or self.orphan_postings
        )


# An order-free hash of (document, length) pairs, taken from the documents and from their postings' sums.
# The two differ when a document's length is not the sum of its postings' frequencies or a posting has no
# document, also when the damage cancels out in the totals (one length raised and another lowered by as
# much, postings moved from one document to another). A document of length 0 has no postings.
PAIR_HASHES = """
    SELECT (SELECT coalesce(sum(hash(article_id, length)::HUGEINT), 0)
            FROM search_documents WHERE length <> 0),
           (SELECT coalesce(sum(hash(article_id, total)::HUGEINT), 0)
            FROM (SELECT article_id, sum(tf)::INTEGER AS total FROM search_postings GROUP BY ALL))"""

INCONSISTENT = """
    SELECT count(*) FROM search_documents d
    LEFT JOIN (SELECT article_id, sum(tf) AS total FROM search_postings GROUP BY ALL) p USING (article_id)
    WHERE d.length <> coalesce(p.total, 0)"""

ORPHANS = (
    "SELECT count(*) FROM search_postings WHERE article_id NOT IN (SELECT article_id FROM search_documents)"
)


def coverage(conn: duckdb.DuckDBPyConnection) -> Coverage:
    """How the index compares with cleaned_articles, and what of it does not add up. The totals and the pair
    hashes decide what is counted exactly: missing and stale documents when the count or id hash differ,
    inconsistent documents and orphan postings when the pair hashes or the sums do. The pair hashes cost
    one grouping of the postings by document: on an intact index the check took 18 ms of CPU at 100k
    articles (12M postings) with the totals alone and 74 ms with the pair hashes, 0.14 s and 0.70 s on a
    tenfold copy (1M articles, 117M postings); counting inconsistent documents instead took 87 ms and
    0.82 s."""
    found = totals(conn)
    from_documents, from_postings = conn.execute(PAIR_HASHES).fetchone()
    missing = stale = inconsistent = orphans = 0
    if not found.same_articles:
        missing, stale = conn.execute(
            """SELECT (SELECT count(*) FROM cleaned_articles
                       WHERE article_id NOT IN (SELECT article_id FROM search_documents)),
                      (SELECT count(*) FROM search_documents
                       WHERE article_id NOT IN (SELECT article_id FROM cleaned_articles))"""
        ).fetchone()
    if from_documents != from_postings or found.lengths != found.frequencies:
        [(inconsistent,)] = conn.execute(INCONSISTENT).fetchall()
        [(orphans,)] = conn.execute(ORPHANS).fetchall()
    return Coverage(found.documents, found.articles, missing, stale, inconsistent, orphans)
