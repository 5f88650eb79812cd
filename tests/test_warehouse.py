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
