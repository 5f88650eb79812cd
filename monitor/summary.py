"""What a run produced, in the words an analyst reads at the end of `monitor run`."""

from __future__ import annotations

import duckdb


def _has_table(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()[0]
    )


def _count(
    conn: duckdb.DuckDBPyConnection, table: str, where: str = "", params: list | None = None
) -> int | None:
    if not _has_table(conn, table):
        return None
    return conn.execute(f"SELECT count(*) FROM {table} {where}", params or []).fetchone()[0]  # noqa: S608


def collect(conn: duckdb.DuckDBPyConnection, run_id: str | None = None) -> dict:
    """Totals of the database, and what this run added where `run_id` is given."""
    summary = {
        "files_in_landing_ledger": _count(conn, "landing_files"),
        "raw_articles": _count(conn, "raw_articles"),
        "cleaned_articles": _count(conn, "cleaned_articles"),
        "entity_mentions": _count(conn, "entity_mentions"),
        "stance_statements": _count(conn, "stance_statements"),
        "actor_stance_daily_rows": _count(conn, "actor_stance_daily"),
    }
    if run_id is not None:
        summary["raw_articles_added_by_this_run"] = _count(conn, "raw_articles", "WHERE run_id = ?", [run_id])
    if _has_table(conn, "cleaned_articles"):
        summary["days_with_articles"] = conn.execute(
            "SELECT count(DISTINCT published_on) FROM cleaned_articles"
        ).fetchone()[0]
    summary["quarantined_by_reason"] = conn.execute(
        """SELECT step, reason, count(DISTINCT item_id) AS items FROM quarantine
           GROUP BY step, reason ORDER BY step, items DESC, reason"""
    ).fetchall()
    return {k: v for k, v in summary.items() if v is not None}


def render(summary: dict) -> str:
    lines = ["", "monitor: what the database holds now", ""]
    for name, value in summary.items():
        if name != "quarantined_by_reason":
            lines.append(f"  {name.replace('_', ' '):<36} {value}")
    quarantined = summary.get("quarantined_by_reason") or []
    total = sum(items for _, _, items in quarantined)
    lines.append(f"  {'quarantined items (by step and reason)':<36} {total}")
    lines += [f"    {step:<18} {items:>6}  {reason}" for step, reason, items in quarantined]
    return "\n".join(lines) + "\n"
