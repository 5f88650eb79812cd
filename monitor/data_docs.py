"""Documentation of the data for the Dagster UI: Data Docs of every gate validation, and column schemas.

Each asset check links to a static HTML report beside the database (data/gx/data_docs/<step>/<run>/):
one page per check naming every failed expectation with its failing rows (ids and observed values), and
Great Expectations' own rendering of each validation behind it. Column schemas come from the table
definitions in monitor/schema.py, so the catalog and the database cannot disagree.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import dagster as dg

from monitor import schema, settings

MAX_ROWS = 200
OWNERS = ["team:monitor"]
COLUMN = re.compile(r'^\s*"?(?P<name>\w+)"?\s+(?P<type>[A-Z]+(?:\[\])?)(?P<not_null>\s+NOT NULL)?', re.M)
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}}
.failed{{color:#b00020}}.passed{{color:#1b7f3b}}</style></head><body>{body}</body></html>"""


def table_schema(table: str) -> dg.TableSchema:
    """The columns of a warehouse table, with their DuckDB types and NOT NULL constraints."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                m["name"],
                m["type"].lower(),
                constraints=dg.TableColumnConstraints(nullable=not m["not_null"]),
            )
            for m in COLUMN.finditer(schema.TABLES[table])
        ]
    )


def table_metadata(table: str) -> dict:
    """Definition metadata of an asset that is a warehouse table: its name and column schema."""
    metadata: dict = {"dagster/table_name": table}
    if table in schema.TABLES:
        metadata["dagster/column_schema"] = table_schema(table)
    return metadata


def _current_run() -> tuple[Path, str]:
    """The database the running asset writes (its Warehouse resource) and the run id."""
    try:
        context = dg.AssetExecutionContext.get()
    except dg.DagsterInvariantViolationError:
        return settings.database_path(), "no-run"
    warehouse = getattr(context.resources, "warehouse", None)
    db_path = settings.project_path(warehouse.db_path) if warehouse else settings.database_path()
    return db_path, context.run_id


def docs_dir(db_path: Path) -> Path:
    return db_path.parent / "gx" / "data_docs"


def _plain(value: object) -> object:
    """numpy scalars as Python values: GE's renderers refuse numpy floats."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value.item() if hasattr(value, "item") and hasattr(value, "dtype") else value


def _failing_rows(result) -> list[dict]:
    details = result.result or {}
    rows = details.get("unexpected_index_list")
    if rows:
        # table-scope validations carry no id column: GE lists bare row positions then
        return [dict(row) if isinstance(row, dict) else {"row": row} for row in rows[:MAX_ROWS]]
    values = details.get("partial_unexpected_list") or []
    if values:
        return [{"unexpected value": v} for v in values[:MAX_ROWS]]
    if "observed_value" in details:
        return [{"observed value": details["observed_value"]}]
    return []


def _rows_table(rows: list[dict]) -> str:
    if not rows:
        return ""
    columns = list(dict.fromkeys(k for row in rows for k in row))
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row.get(c, ''))[:500])}</td>" for c in columns) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


@cache
def _page_view():
    """GE's page view, one per process: its Jinja environment compiles the templates once and keeps them
    (a new view compiled them for every page: 64 ms of CPU per page instead of 20 ms, measured)."""
    from great_expectations.render.view import DefaultJinjaPageView

    return DefaultJinjaPageView()


def write_report(
    step: str, check_name: str, passed: bool, validations: list, label: Callable[[object], str]
) -> Path:
    """The report of one check: failed expectations with their failing rows, then each GE validation."""
    from great_expectations.render.renderer import ValidationResultsPageRenderer

    db_path, run_id = _current_run()
    folder = docs_dir(db_path) / step / re.sub(r"[^\w-]", "_", run_id)
    folder.mkdir(parents=True, exist_ok=True)
    sections, links = [], []
    for number, validation in enumerate(validations):
        for result in validation.results:
            result.result = _plain(result.result or {})
        page = folder / f"{check_name}.{number}.html"
        rendered = _page_view().render(ValidationResultsPageRenderer().render(validation))
        page.write_text(rendered, encoding="utf-8")
        state = "passed" if validation.success else "failed"
        links.append(
            f'<li><a href="{page.name}">{html.escape(validation.suite_name)}</a> '
            f'<span class="{state}">{state}</span> (Great Expectations validation result)</li>'
        )
        for result in (r for r in validation.results if not r.success):
            rows = _failing_rows(result)
            reason = (result.expectation_config.meta or {}).get("reason", "")
            sections.append(
                f'<h2 class="failed">failed: {html.escape(label(result.expectation_config))}</h2>'
                f"<p>{html.escape(reason)}</p>"
                f"<p>{int((result.result or {}).get('unexpected_count') or 0)} unexpected; "
                f"first {len(rows)} failing rows:</p>{_rows_table(rows)}"
            )
    state = "passed" if passed else "failed"
    body = (
        f"<h1>{html.escape(check_name)}: <span class='{state}'>{state}</span></h1>"
        f"<p>asset {html.escape(step)}, run {html.escape(run_id)}, "
        f"suite expectations/{html.escape(step)}.json</p>"
        f"{''.join(sections) or '<p>Every expectation passed.</p>'}"
        f"<h2>Validations</h2><ul>{''.join(links)}</ul>"
    )
    report = folder / f"{check_name}.html"
    report.write_text(PAGE.format(title=html.escape(check_name), body=body), encoding="utf-8")
    return report


def link_metadata(report: Path) -> dict:
    """Check metadata: a clickable link to the report and its path on disk."""
    return {
        "data_docs": dg.MetadataValue.url(report.resolve().as_uri()),
        "data_docs_path": dg.MetadataValue.path(str(report.resolve())),
    }
