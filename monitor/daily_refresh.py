"""Which days of actor_stance_daily a run must rebuild: those whose inputs changed since they were built.

A run covers a range of days (a backfill, or every day a chain run touched, late articles included), but
new articles rarely change more than a few of them. Each built day stores a fingerprint of what its rows
were computed from: every statement of the day with the fields the aggregation reads, and the story and
outlet of its article (a late syndicated copy can regroup stories). A day is rebuilt when that fingerprint,
its statement count or the aggregation's version differs, when it has rows but no fingerprint, or
statements but no rows (rows deleted by hand); a day whose statements all disappeared is emptied.
Rebuilding an unchanged day gives the same rows, so skipping it changes nothing but the cost.

A rebuilt day is also listed as unrecorded, in the same transaction, until the run has stored its
materialization in Dagster: a run that dies between its commit and its events leaves the day listed, and the
next run over it records it although its rows need no rebuild.
"""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

CURRENT_INPUTS = """
    SELECT s.published_on AS day,
           hash($version, bit_xor(hash(s.statement_id, s.source_actor, s.target_actor, s.polarity, s.cue,
                                       s.mutual, c.story_id, c.outlet_id))) AS inputs_fingerprint,
           count(*)::INTEGER AS statements
    FROM stance_statements s JOIN cleaned_articles c USING (article_id)
    WHERE s.published_on BETWEEN $first AND $last
    GROUP BY s.published_on"""


def days_to_rebuild(conn: duckdb.DuckDBPyConnection, first: date, last: date, version: str) -> pl.DataFrame:
    """[day, inputs_fingerprint, statements] of the days in [first, last] to rebuild (fingerprint null: the
    day has no statements any more)."""
    return conn.execute(
        f"""WITH current AS ({CURRENT_INPUTS}),
                 built AS (SELECT day, inputs_fingerprint, statements FROM actor_stance_daily_days
                           WHERE day BETWEEN $first AND $last),
                 with_rows AS (SELECT DISTINCT day FROM actor_stance_daily WHERE day BETWEEN $first AND $last)
            SELECT coalesce(c.day, b.day, r.day) AS day, c.inputs_fingerprint, c.statements
            FROM current c
            FULL JOIN built b USING (day)
            FULL JOIN with_rows r USING (day)
            WHERE c.inputs_fingerprint IS DISTINCT FROM b.inputs_fingerprint
               OR c.statements IS DISTINCT FROM b.statements
               OR (r.day IS NOT NULL AND b.day IS NULL)
               OR (c.day IS NOT NULL AND r.day IS NULL)
            ORDER BY day""",  # noqa: S608 - a constant
        {"first": first, "last": last, "version": version},
    ).pl()


def day_chunks(days: pl.DataFrame, statements_per_chunk: int) -> list[pl.DataFrame]:
    """The days to rebuild in consecutive groups of about `statements_per_chunk` statements (a day is never
    split), so that a rebuild of years holds one group's statements at a time."""
    group = pl.col("statements").fill_null(0).cum_sum() // statements_per_chunk
    return days.with_columns(group=group).partition_by("group", maintain_order=True, include_key=False)


def record_built_days(conn: duckdb.DuckDBPyConnection, rebuilt: pl.DataFrame, run_id: str) -> None:
    """Store the fingerprints of the days just rebuilt (inside the rebuild's transaction)."""
    conn.register("rebuilt_days", rebuilt.to_arrow())
    try:
        conn.execute("DELETE FROM actor_stance_daily_days WHERE day IN (SELECT day FROM rebuilt_days)")
        conn.execute(
            """INSERT INTO actor_stance_daily_days
               SELECT day, inputs_fingerprint, statements, ? FROM rebuilt_days
               WHERE inputs_fingerprint IS NOT NULL""",
            [run_id],
        )
        conn.execute("DELETE FROM actor_stance_daily_unrecorded WHERE day IN (SELECT day FROM rebuilt_days)")
        conn.execute("INSERT INTO actor_stance_daily_unrecorded SELECT day, ? FROM rebuilt_days", [run_id])
    finally:
        conn.unregister("rebuilt_days")


def unrecorded_days(conn: duckdb.DuckDBPyConnection, first: date, last: date) -> pl.DataFrame:
    """[day, inputs_fingerprint, run_id] of the days in [first, last] whose rows no run has recorded in
    Dagster yet: the days this run just rebuilt, and any a dead run committed (fingerprint null: emptied)."""
    return conn.execute(
        """SELECT u.day, d.inputs_fingerprint, u.run_id
           FROM actor_stance_daily_unrecorded u LEFT JOIN actor_stance_daily_days d USING (day)
           WHERE u.day BETWEEN $first AND $last ORDER BY u.day""",
        {"first": first, "last": last},
    ).pl()


def forget_recorded(conn: duckdb.DuckDBPyConnection, recorded: pl.DataFrame) -> None:
    """Strike the days a run has recorded in Dagster; a day a later run rebuilt again stays listed."""
    conn.register("recorded_days", recorded.select("day", "run_id").to_arrow())
    try:
        conn.execute(
            """DELETE FROM actor_stance_daily_unrecorded u WHERE EXISTS
               (SELECT 1 FROM recorded_days r WHERE r.day = u.day AND r.run_id = u.run_id)"""
        )
    finally:
        conn.unregister("recorded_days")


def days_to_mark(
    unrecorded: pl.DataFrame, first: date, last: date, materialized: set[str], whole_range: bool = False
) -> pl.DataFrame:
    """[day, inputs_fingerprint] of the days a run over [first, last] records as materialized in Dagster:
    the unrecorded days (see unrecorded_days), and the days Dagster has never seen materialized (a day
    without statements is an empty day, not a missing one). Other days keep their last materialization:
    it made the rows they hold. Recording one event per day of a long range cost ~10 ms each on the SQLite
    instance, most of a +1% run. `whole_range` (a backfill's run) records every day: a backfill marks a
    requested day left without a materialization as failed."""
    every_day = pl.DataFrame({"day": pl.date_range(first, last, "1d", eager=True)})
    unseen = every_day.filter(
        pl.lit(whole_range) | ~pl.col("day").dt.to_string("%Y-%m-%d").is_in(sorted(materialized))
    )
    marked = pl.concat([unrecorded.select("day", "inputs_fingerprint"), unseen], how="diagonal_relaxed")
    return marked.unique("day", keep="first").sort("day")
