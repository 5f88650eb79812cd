"""SQL views with names joined in: what analysts query first (README shows examples)."""

from __future__ import annotations

import duckdb

from monitor import incremental

VIEWS = {
    "stance_statements_named": """
        SELECT s.*, src.name AS source_name, tgt.name AS target_name, spk.name AS speaker_name,
               c.title, c.outlet_id, o.name AS outlet_name, c.story_id, c.url,
               substring(c.body, s.evidence_start + 1, s.evidence_end - s.evidence_start) AS evidence
        FROM stance_statements s
        JOIN cleaned_articles c USING (article_id)
        LEFT JOIN outlets o ON o.outlet_id = c.outlet_id
        LEFT JOIN actors src ON src.actor_id = s.source_actor
        LEFT JOIN actors tgt ON tgt.actor_id = s.target_actor
        LEFT JOIN actors spk ON spk.actor_id = s.source_speaker""",
    "actor_stance_daily_named": """
        SELECT d.*, src.name AS source_name, tgt.name AS target_name
        FROM actor_stance_daily d
        LEFT JOIN actors src ON src.actor_id = d.source_actor
        LEFT JOIN actors tgt ON tgt.actor_id = d.target_actor""",
    "quarantine_named": """
        SELECT q.*, r.url, regexp_extract(r.url, '^[a-zA-Z]+://([^/:?#]+)', 1) AS host
        FROM quarantine q LEFT JOIN raw_articles r ON r.article_id = q.item_id""",
}


def create_views(conn: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the views when their SQL changed or one is missing; else write nothing."""
    print_ = incremental.fingerprint(*(f"{name} AS {sql}" for name, sql in VIEWS.items()))
    present = {
        name for (name,) in conn.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    if not incremental.needs_rebuild(conn, "views", print_, []) and present >= set(VIEWS):
        return
    for name, sql in VIEWS.items():
        conn.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
    incremental.record(conn, "views", print_, [], rebuilt=True)
