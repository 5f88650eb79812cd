"""The warehouse's DuckDB connections: settings that keep a run's memory bounded."""

from __future__ import annotations

import pytest

from monitor.warehouse import Warehouse


def memory_limit(tmp_path) -> str:
    with Warehouse(db_path=str(tmp_path / "monitor.duckdb")).connect() as conn:
        [(limit,)] = conn.execute("SELECT current_setting('memory_limit')").fetchall()
    return limit


def test_duckdb_keeps_to_two_gigabytes_unless_told_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_DUCKDB_MEMORY_LIMIT", raising=False)
    assert memory_limit(tmp_path) == "1.8 GiB"


def test_duckdb_keeps_to_the_configured_memory_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_DUCKDB_MEMORY_LIMIT", "512MiB")
    assert memory_limit(tmp_path) == "512.0 MiB"


def test_a_memory_limit_that_is_not_a_size_is_refused_with_the_setting_named(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_DUCKDB_MEMORY_LIMIT", "2GB'; DROP TABLE raw_articles; --")
    with pytest.raises(ValueError, match="MONITOR_DUCKDB_MEMORY_LIMIT"):
        memory_limit(tmp_path)


def test_tables_are_written_in_row_groups_of_sixteen_thousand_rows(tmp_path):
    """Small row groups keep the checkpoint after a batch from rewriting a large open row group."""
    warehouse = Warehouse(db_path=str(tmp_path / "monitor.duckdb"))
    with warehouse.connect() as conn:
        conn.execute("CREATE TABLE notes AS SELECT range AS n, repeat('x', 100) AS text FROM range(40000)")
    with warehouse.connect(read_only=True) as conn:
        [(groups,)] = conn.execute(
            "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('notes')"
        ).fetchall()
    assert groups == 3


def test_a_database_with_a_quote_in_its_path_opens_and_publishes(tmp_path):
    warehouse = Warehouse(db_path=str(tmp_path / "analyst's copy" / "monitor.duckdb"))
    with warehouse.connect() as conn:
        conn.execute("CREATE TABLE notes AS SELECT 1 AS n")
    with warehouse.read_snapshot() as conn:
        assert conn.execute("SELECT n FROM notes").fetchall() == [(1,)]
