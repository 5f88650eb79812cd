"""Data Docs behind every gate check, and the catalog metadata that lets the UI explain each asset."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb

from monitor import data_docs, schema
from monitor.definitions import defs

RAW_ONLY = dg.AssetSelection.assets("raw_articles")
TOO_SHORT = "Seoul said on Tuesday it would respond firmly."


def evaluation(result: dg.ExecuteInProcessResult, check_name: str):
    [found] = [e for e in result.get_asset_check_evaluations() if e.check_name == check_name]
    return found


def test_a_failing_rows_check_links_to_a_report_naming_the_expectation_and_the_failing_row(sample_pipeline):
    sample_pipeline.write("short.txt", TOO_SHORT)
    result = sample_pipeline.materialize(RAW_ONLY)
    check = evaluation(result, "raw_articles_rows_gate")
    assert not check.passed
    report = Path(check.metadata["data_docs_path"].value)
    assert check.metadata["data_docs"].value == report.as_uri()
    html = report.read_text(encoding="utf-8")
    assert "failed: expect_column_values_to_be_between(text_length)" in html
    [(article_id,)] = sample_pipeline.query("SELECT item_id FROM quarantine")
    assert f"<td>{article_id}</td>" in html


def test_the_report_sits_beside_the_database_and_links_great_expectations_own_rendering(sample_pipeline):
    sample_pipeline.write("short.txt", TOO_SHORT)
    result = sample_pipeline.materialize(RAW_ONLY)
    report = Path(evaluation(result, "raw_articles_rows_gate").metadata["data_docs_path"].value)
    assert report.is_relative_to(data_docs.docs_dir(sample_pipeline.db_path) / "raw_articles" / result.run_id)
    validation_page = report.with_name("raw_articles_rows_gate.0.html")
    assert 'href="raw_articles_rows_gate.0.html"' in report.read_text(encoding="utf-8")
    page = validation_page.read_text(encoding="utf-8")
    assert "Data documentation compiled by Great Expectations" in page
    assert "raw_articles.row" in page


def test_a_passing_table_check_links_to_a_report_that_says_so(sample_pipeline):
    result = sample_pipeline.materialize(RAW_ONLY)
    check = evaluation(result, "raw_articles_table_gate")
    assert check.passed
    html = Path(check.metadata["data_docs_path"].value).read_text(encoding="utf-8")
    assert "Every expectation passed." in html


def test_article_text_in_a_report_is_escaped_not_rendered(sample_pipeline):
    sample_pipeline.write("x.txt", "<script>alert(1)</script>")
    result = sample_pipeline.materialize(RAW_ONLY)
    rows_report = Path(evaluation(result, "raw_articles_rows_gate").metadata["data_docs_path"].value)
    assert "<script>alert(1)" not in rows_report.read_text(encoding="utf-8")


def test_column_schemas_in_the_catalog_match_the_tables_in_duckdb(tmp_path):
    with duckdb.connect(str(tmp_path / "x.duckdb")) as conn:
        schema.ensure_tables(conn)

        def canonical(kind: str) -> str:
            return conn.execute(f"SELECT typeof(NULL::{kind})").fetchone()[0]  # noqa: S608

        for spec in defs.resolve_all_asset_specs():
            table_schema = spec.metadata.get("dagster/column_schema")
            if table_schema is None:
                continue
            described = conn.execute(f"DESCRIBE {spec.key.path[-1]}").fetchall()  # noqa: S608
            assert [(c.name, canonical(c.type), c.constraints.nullable) for c in table_schema.columns] == [
                (name, kind, nullable == "YES") for name, kind, nullable, *_ in described
            ]


def test_every_table_in_the_schema_is_described_in_the_catalog():
    specs = {spec.key.path[-1]: spec for spec in defs.resolve_all_asset_specs()}
    gated = {"raw_articles", "cleaned_articles", "entity_mentions", "stance_statements", "actor_stance_daily"}
    assert {name for name, spec in specs.items() if "dagster/column_schema" in spec.metadata} == gated
    assert gated <= set(schema.TABLES)


def test_every_asset_has_a_description_an_owner_a_group_and_kinds():
    for spec in defs.resolve_all_asset_specs():
        assert spec.description, spec.key
        assert spec.owners == data_docs.OWNERS, spec.key
        assert spec.group_name != "default", spec.key
        assert spec.kinds, spec.key
