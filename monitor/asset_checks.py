"""The Dagster side of the gate (gates.py): check specs declared on the assets, and check results.

Table and summary outcomes form the step's blocking check; row outcomes form a non-blocking check that
says how many rows each expectation sent to quarantine, with examples. Each result links its Data Docs.
Kept apart from gates.py so that GE validation does not depend on how Dagster reports it.
"""

from __future__ import annotations

import dagster as dg

from monitor import data_docs
from monitor.gates import GateResult, Outcome, _expectation_label, _observed, suite_expectations


def rows_check_name(step: str) -> str:
    return f"{step}_rows_gate"


def table_check_name(step: str) -> str:
    return f"{step}_table_gate"


def check_specs(step: str) -> list[dg.AssetCheckSpec]:
    """A non-blocking rows check where the suite has row expectations, and the blocking table check."""
    specs = [
        dg.AssetCheckSpec(
            table_check_name(step),
            asset=step,
            blocking=True,
            description=f"Table-level expectations of expectations/{step}.json; a failure stops downstream.",
        )
    ]
    if suite_expectations(step, "row"):
        specs.insert(
            0,
            dg.AssetCheckSpec(
                rows_check_name(step),
                asset=step,
                description=f"Row expectations of expectations/{step}.json; rejected rows go to quarantine.",
            ),
        )
    return specs


def _outcome_metadata(outcomes: list[Outcome]) -> dict:
    return {
        o.expectation: {
            "success": o.success,
            "unexpected_count": o.unexpected_count,
            "observed": _observed(o.observed),
            "examples": o.examples,
        }
        for o in outcomes
    }


def _report_links(result: GateResult, check_name: str, passed: bool, scopes: tuple[str, ...]) -> dict:
    """Data Docs of the check's validations (see monitor/data_docs.py), as check metadata."""
    validations = [v for v in result.validations if v.suite_name.rsplit(".", 1)[-1] in scopes]
    report = data_docs.write_report(result.step, check_name, passed, validations, _expectation_label)
    return data_docs.link_metadata(report)


def check_results(result: GateResult, run_figures: dict | None = None) -> list[dg.AssetCheckResult]:
    """The table check (with `run_figures`, for a step whose run may record no materialization to carry
    them) and, where the suite has row expectations, the rows check."""
    quarantined = result.quarantine["item_id"].n_unique()
    failed_rows = [o.expectation for o in result.row_outcomes if not o.success]
    failed_table = [o for o in result.table_outcomes if not o.success]
    table_check = dg.AssetCheckResult(
        check_name=table_check_name(result.step),
        asset_key=result.step,
        passed=not failed_table,
        severity=dg.AssetCheckSeverity.ERROR
        if any(o.critical for o in failed_table)
        else dg.AssetCheckSeverity.WARN,
        metadata={
            "failed_expectations": dg.MetadataValue.json([o.expectation for o in failed_table]),
            "expectations": dg.MetadataValue.json(_outcome_metadata(result.table_outcomes)),
            **_report_links(result, table_check_name(result.step), not failed_table, ("table", "summary")),
            **(run_figures or {}),
        },
    )
    if not suite_expectations(result.step, "row"):
        return [table_check]
    rows_check = dg.AssetCheckResult(
        check_name=rows_check_name(result.step),
        asset_key=result.step,
        passed=not failed_rows,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "rows_passed": result.passed.height,
            "rows_quarantined": quarantined,
            "failed_expectations": dg.MetadataValue.json(failed_rows),
            "expectations": dg.MetadataValue.json(_outcome_metadata(result.row_outcomes)),
            **_report_links(result, rows_check_name(result.step), not failed_rows, ("row",)),
        },
    )
    return [rows_check, table_check]
