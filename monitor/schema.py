"""Table definitions: the data contract SQL users rely on (see DESIGN.md, interface contract)."""

from __future__ import annotations

import duckdb

TABLES: dict[str, str] = {
    "raw_articles": """
        article_id      VARCHAR,
        input_kind      VARCHAR NOT NULL,
        raw_text        VARCHAR NOT NULL,
        text            VARCHAR,
        url             VARCHAR,
        outlet          VARCHAR,
        published       VARCHAR,
        title           VARCHAR,
        byline          VARCHAR,
        metadata_source VARCHAR,
        metadata        JSON,
        paths           VARCHAR[] NOT NULL,
        sidecar_path    VARCHAR,
        size_bytes      BIGINT NOT NULL,
        encoding        VARCHAR NOT NULL,
        ingested_at     TIMESTAMPTZ NOT NULL,
        run_id          VARCHAR
    """,
    "quarantine": """
        item_id         VARCHAR NOT NULL,
        item_kind       VARCHAR NOT NULL,
        step            VARCHAR NOT NULL,
        rule            VARCHAR NOT NULL,
        reason          VARCHAR NOT NULL,
        observed_value  VARCHAR,
        path            VARCHAR,
        run_id          VARCHAR,
        quarantined_at  TIMESTAMPTZ NOT NULL
    """,
    "cleaned_articles": """
        article_id           VARCHAR NOT NULL,
        title                VARCHAR,
        body                 VARCHAR NOT NULL,
        language             VARCHAR,
        published_on         DATE,
        date_source          VARCHAR,
        date_evidence        VARCHAR,
        outlet_id            VARCHAR,
        outlet_method        VARCHAR,
        wire                 VARCHAR,
        wire_evidence        VARCHAR,
        story_id             VARCHAR,
        canonical_article_id VARCHAR,
        duplicate_similarity DOUBLE,
        url                  VARCHAR,
        lines_total          INTEGER,
        lines_dropped        INTEGER,
        ingested_at          TIMESTAMPTZ,
        run_id               VARCHAR
    """,
    "story_signatures": """
        article_id      VARCHAR NOT NULL,
        story_id        VARCHAR NOT NULL,
        signature       UBIGINT[] NOT NULL
    """,
    "story_bands": """
        article_id      VARCHAR NOT NULL,
        band            INTEGER NOT NULL,
        key             UBIGINT NOT NULL
    """,
    "sentences": """
        article_id      VARCHAR NOT NULL,
        sentence_no     INTEGER NOT NULL,
        start           INTEGER NOT NULL,
        "end"           INTEGER NOT NULL,
        text            VARCHAR NOT NULL
    """,
    "entity_mentions": """
        mention_id      VARCHAR NOT NULL,
        article_id      VARCHAR NOT NULL,
        sentence_no     INTEGER,
        start           INTEGER NOT NULL,
        "end"           INTEGER NOT NULL,
        surface         VARCHAR NOT NULL,
        actor_id        VARCHAR NOT NULL,
        country         VARCHAR,
        actor_kind      VARCHAR,
        role            VARCHAR,
        rule            VARCHAR,
        run_id          VARCHAR
    """,
    "stance_statements": """
        statement_id    VARCHAR NOT NULL,
        article_id      VARCHAR NOT NULL,
        sentence_no     INTEGER,
        evidence_start  INTEGER,
        evidence_end    INTEGER,
        source_actor    VARCHAR NOT NULL,
        source_speaker  VARCHAR,
        target_actor    VARCHAR NOT NULL,
        polarity        DOUBLE NOT NULL,
        cue             VARCHAR,
        cue_class       VARCHAR,
        negated         BOOLEAN,
        mutual          BOOLEAN,
        rule            VARCHAR,
        published_on    DATE,
        run_id          VARCHAR
    """,
    "actor_stance_daily": """
        day                   DATE NOT NULL,
        source_actor          VARCHAR NOT NULL,
        target_actor          VARCHAR NOT NULL,
        statements            INTEGER NOT NULL,
        mutual_statements     INTEGER,
        articles              INTEGER NOT NULL,
        stories               INTEGER NOT NULL,
        outlets               INTEGER NOT NULL,
        mean_stance           DOUBLE,
        story_weighted_stance DOUBLE,
        stance_ci_low         DOUBLE,
        stance_ci_high        DOUBLE,
        top_cues              VARCHAR[],
        example_statement_ids VARCHAR[],
        run_id                VARCHAR
    """,
    "actor_stance_daily_days": """
        day                   DATE NOT NULL,
        inputs_fingerprint    UBIGINT NOT NULL,
        statements            INTEGER NOT NULL,
        run_id                VARCHAR
    """,
    "actor_stance_daily_unrecorded": """
        day                   DATE NOT NULL,
        run_id                VARCHAR NOT NULL
    """,
    "search_documents": """
        article_id      VARCHAR NOT NULL,
        length          INTEGER NOT NULL
    """,
    "search_postings": """
        term            VARCHAR NOT NULL,
        article_id      VARCHAR NOT NULL,
        tf              INTEGER NOT NULL
    """,
    "search_stopwords": """
        word            VARCHAR NOT NULL
    """,
    "step_articles": """
        step            VARCHAR NOT NULL,
        article_id      VARCHAR NOT NULL,
        run_id          VARCHAR
    """,
    "landing_files": """
        path            VARCHAR,
        size_bytes      BIGINT NOT NULL,
        mtime_ns        BIGINT NOT NULL,
        role            VARCHAR NOT NULL,
        run_id          VARCHAR,
        processed_at    TIMESTAMPTZ NOT NULL
    """,
}


# columns added after a table's first release, added in place to databases written before them
ADDED_COLUMNS: dict[str, dict[str, str]] = {"raw_articles": {"byline": "VARCHAR"}}
CLAIMS_DDL = "CREATE TABLE IF NOT EXISTS write_claims (name VARCHAR NOT NULL, claimed_at TIMESTAMPTZ)"
CLAIMED_TABLES = ("actor_stance_daily",)


def ensure_tables(conn: duckdb.DuckDBPyConnection) -> None:
    for name, columns in TABLES.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for name, added in ADDED_COLUMNS.items():
        for column, kind in added.items():
            conn.execute(f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {column} {kind}")
    conn.execute(CLAIMS_DDL)
    for name in CLAIMED_TABLES:
        conn.execute(
            "INSERT INTO write_claims SELECT ?, now() WHERE NOT EXISTS "
            "(SELECT 1 FROM write_claims WHERE name = ?)",
            [name, name],
        )
