"""DuckLake storage by configuration alone: the same tables as the DuckDB file, runs side by side, faults.

The PostgreSQL server is real (tests/postgres_server.py); so are the Dagster runs, the concurrent
processes and the catalog server stopping under a run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest
from conftest import SAMPLES_DIR, Pipeline

from monitor import analysis, schema, settings
from monitor.warehouse import Warehouse

VOLATILE = {"run_id", "ingested_at", "processed_at", "quarantined_at", "updated_at"}
MONITOR = str(Path(sys.executable).parent / "monitor")
DAGSTER = str(Path(sys.executable).parent / "dagster")


def lake_environment(catalog: str, data: Path) -> dict[str, str]:
    return {"MONITOR_STORAGE": "ducklake", "MONITOR_LAKE_CATALOG": catalog, "MONITOR_LAKE_DATA": str(data)}


def contract_tables(conn: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    """Every contract table without its run bookkeeping, in a stable order."""
    tables = {}
    for name in schema.TABLES:
        frame = conn.execute(f"SELECT * FROM {name}").pl()  # noqa: S608 - our table names
        frame = frame.drop([c for c in frame.columns if c in VOLATILE])
        sortable = [c for c, t in frame.schema.items() if not isinstance(t, pl.List | pl.Struct)]
        tables[name] = frame.sort(sortable, nulls_last=True)
    return tables


def assert_same_tables(left: dict[str, pl.DataFrame], right: dict[str, pl.DataFrame]) -> None:
    for name in schema.TABLES:
        assert left[name].height == right[name].height, name
        assert left[name].equals(right[name]), name


def run_chain(pipeline: Pipeline) -> None:
    chain = pipeline.materialize()
    assert chain.success
    with pipeline.resources()["warehouse"].connect(read_only=True) as conn:
        first, last = conn.execute(
            "SELECT min(published_on), max(published_on) FROM stance_statements"
        ).fetchone()
    assert pipeline.materialize_days(str(first), str(last)).success


@pytest.fixture
def lake(monkeypatch, tmp_path: Path):
    """Switch this test's process to a DuckLake with a SQLite catalog."""
    environment = lake_environment(
        f"sqlite:{tmp_path / 'lake' / 'catalog.sqlite'}", tmp_path / "lake" / "files"
    )
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    return environment


def test_the_sample_chain_in_a_ducklake_gives_the_tables_of_the_duckdb_file(
    sample_pipeline, lake, monkeypatch
):
    run_chain(sample_pipeline)
    with Warehouse().read_snapshot() as conn:
        in_lake = contract_tables(conn)
    monkeypatch.setenv("MONITOR_STORAGE", "duckdb")
    run_chain(sample_pipeline)
    with duckdb.connect(str(sample_pipeline.db_path), read_only=True) as conn:
        in_file = contract_tables(conn)
    assert in_file["stance_statements"].height > 0
    assert_same_tables(in_lake, in_file)


def test_a_ducklake_keeps_its_tables_in_parquet_files_under_the_data_path(sample_pipeline, lake):
    run_chain(sample_pipeline)
    assert list(Path(lake["MONITOR_LAKE_DATA"]).rglob("*.parquet"))


def test_search_finds_articles_about_a_spy_satellite_with_outlet_day_and_stances(sample_pipeline):
    run_chain(sample_pipeline)
    os.environ.pop("MONITOR_STORAGE", None)
    with duckdb.connect(str(sample_pipeline.db_path), read_only=True) as conn:
        conn.execute(f"LOAD '{analysis.extensions.extension_path('fts')}'")
        hits = conn.execute(
            """SELECT a.article_id, a.outlet_id, a.published_on, count(s.statement_id) AS statements
               FROM search_articles('spy satellite') a LEFT JOIN stance_statements s USING (article_id)
               GROUP BY ALL ORDER BY a.published_on"""
        ).fetchall()
        bodies = dict(conn.execute("SELECT article_id, lower(body) FROM cleaned_articles").fetchall())
    assert hits
    assert all("satellite" in bodies[article_id] for article_id, *_ in hits)
    assert sum(statements for *_, statements in hits) > 0
    without_both_words = [a for a, body in bodies.items() if "spy" not in body or "satellite" not in body]
    assert not {a for a, *_ in hits} & set(without_both_words)


def test_the_search_index_follows_new_articles(sample_pipeline, lake):
    late = sorted(SAMPLES_DIR.glob("004_*"))
    for path in late:
        shutil.move(str(sample_pipeline.landing / path.name), sample_pipeline.landing.parent / path.name)
    run_chain(sample_pipeline)
    with Warehouse().read_snapshot() as conn:
        before = conn.execute("SELECT count(*) FROM search_documents").fetchone()[0]
    for path in late:
        shutil.move(str(sample_pipeline.landing.parent / path.name), sample_pipeline.landing / path.name)
    result = sample_pipeline.materialize()
    with Warehouse().read_snapshot() as conn:
        after, articles = conn.execute(
            "SELECT (SELECT count(*) FROM search_documents), (SELECT count(*) FROM cleaned_articles)"
        ).fetchone()
    coverage = [
        e for e in result.get_asset_check_evaluations() if e.asset_key.path == ["article_search_index"]
    ]
    index = result.asset_materializations_for_node("article_search_index")[0].metadata
    assert after == articles and after > before
    assert coverage and all(e.passed for e in coverage)
    assert index["full_rebuild"].value is False and index["added"].value == after - before


SEARCH_COVERAGE = dg.AssetCheckKey(dg.AssetKey("article_search_index"), "every_cleaned_article_is_searchable")
LOSE_A_DOCUMENT_ROW = (
    "DELETE FROM search_documents WHERE article_id = (SELECT min(article_id) FROM search_documents)"
)
LOSE_A_DOCUMENTS_POSTINGS = (
    "DELETE FROM search_postings WHERE article_id = (SELECT min(article_id) FROM search_documents)"
)


def search_coverage_after(pipeline: Pipeline, damage: str, selection) -> list:
    """Build the chain, damage the index with one statement, then run `selection`: the coverage verdicts."""
    run_chain(pipeline)
    with pipeline.resources()["warehouse"].transaction() as conn:
        conn.execute(damage)
    return pipeline.materialize(selection=selection).get_asset_check_evaluations()


def test_the_search_coverage_check_fails_when_the_index_misses_articles(sample_pipeline):
    only_the_check = dg.AssetSelection.checks(SEARCH_COVERAGE)
    [coverage] = search_coverage_after(sample_pipeline, LOSE_A_DOCUMENT_ROW, only_the_check)
    assert not coverage.passed and coverage.metadata["missing"].value == 1


def test_the_search_coverage_check_fails_when_an_articles_postings_are_missing(sample_pipeline):
    [coverage] = search_coverage_after(sample_pipeline, LOSE_A_DOCUMENTS_POSTINGS, "article_search_index")
    assert not coverage.passed and coverage.metadata["inconsistent"].value == 1


def test_the_index_heals_an_article_whose_document_row_was_lost(sample_pipeline):
    [coverage] = search_coverage_after(sample_pipeline, LOSE_A_DOCUMENT_ROW, "article_search_index")
    assert coverage.passed


def readme_queries() -> list[str]:
    text = (settings.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## First queries", 1)[1]
    block = section.split("```sql", 1)[1].split("```", 1)[0]
    return [
        q.strip() for q in block.split(";") if q.strip() and not q.strip().startswith("--") or "SELECT" in q
    ]


def test_every_readme_query_gives_the_same_answer_in_both_storage_modes(sample_pipeline, lake, monkeypatch):
    queries = readme_queries()
    assert any("search_articles" in q for q in queries)
    run_chain(sample_pipeline)
    with analysis.connect() as conn:
        in_lake = [sorted(map(repr, conn.execute(q).fetchall())) for q in queries]
    monkeypatch.setenv("MONITOR_STORAGE", "duckdb")
    monkeypatch.setenv("MONITOR_DB", str(sample_pipeline.db_path))
    run_chain(sample_pipeline)
    with analysis.connect() as conn:
        in_file = [sorted(map(repr, conn.execute(q).fetchall())) for q in queries]
    assert in_lake == in_file
    assert in_file[-1], "the spy-satellite search finds the sample articles"


def test_the_duckdb_cli_of_monitor_sql_loads_the_search_extension(sample_pipeline):
    """The CLI must be the DuckDB version the packaged extensions were built for, or LOAD fails."""
    run_chain(sample_pipeline)
    environment = {**os.environ, "MONITOR_STORAGE": "duckdb", "MONITOR_DB": str(sample_pipeline.db_path)}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "monitor"), "sql"],
        input="SELECT count(*) AS satellite_hits FROM search_articles('satellite');\n",
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "satellite_hits" in result.stdout and "Error" not in result.stdout + result.stderr
