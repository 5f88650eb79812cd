"""The Dagster side of the gate (gates.py): check specs declared on the assets, and check results.

Table and summary outcomes form the step's blocking check; row outcomes form a non-blocking check that
says how many rows each expectation sent to quarantine, with examples. Each result links its Data Docs.
Kept apart from gates.py so that GE validation does not depend on how Dagster reports it.
A step that added no rows is not validated again (table_verdict): Great Expectations is not even imported.
"""

from __future__ import annotations

from dataclasses import replace

import dagster as dg

from monitor import data_docs, gates
from monitor.gates import GateResult, Outcome, _observed
from monitor.ge_session import expectation_label, suite_expectations

GE_NOTE = "great_expectations"
VERDICT_KEY = "verdict_key"
DOCS_LINKS = ("data_docs", "data_docs_path")


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


def table_verdict(
    context: dg.AssetExecutionContext, result: GateResult, summary: dict, parameters: dict | None = None
) -> GateResult:
    """The table gate's verdict: GE on the rows the run added and on the step's totals.

    A run where no row reached the gate leaves the table expectations nothing to read, and the summary
    expectations the totals they last judged: GE is not run (nor imported, about 3 s), and the summary
    outcomes of the last evaluation of the same totals under the same suite are carried over, so a step
    whose quarantined share failed keeps blocking until it changes. Without such an evaluation, GE runs.
    """
    key = gates.verdict_key(result.step, summary)
    if gates.rows_seen(result):
        return replace(gates.validate_table(result, summary, parameters), key=key)
    # the rows check keeps linking the report of the last rows GE did validate
    _, rows_metadata = _last_evaluation(context.instance, result.step, rows_check_name(result.step))
    result = replace(result, carried_row_docs=rows_metadata)
    if not suite_expectations(result.step, "summary"):
        return replace(result, key=key, note="not run: no rows reached the gate")
    run_id, metadata = _last_evaluation(context.instance, result.step, table_check_name(result.step))
    if VERDICT_KEY not in metadata or metadata[VERDICT_KEY].value != key:
        return replace(gates.validate_table(result, summary, parameters), key=key)
    carried = [
        Outcome(name, "summary", o["critical"], o["success"], o["unexpected_count"], o["observed"])
        for name, o in metadata["expectations"].value.items()
        if o.get("scope") == "summary"
    ]
    note = f"not run: no rows reached the gate; summary outcomes of run {run_id} (same totals) carried"
    return replace(result, table_outcomes=carried, key=key, note=note, carried_docs=metadata)


def _last_evaluation(instance: dg.DagsterInstance, step: str, check: str) -> tuple[str | None, dict]:
    """(run id, metadata) of the step's last finished `check` (this run's own is still planned)."""
    from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus as Status

    records = instance.event_log_storage.get_asset_check_execution_history(
        dg.AssetCheckKey(dg.AssetKey(step), check),
        limit=1,
        status={Status.SUCCEEDED, Status.FAILED},
    )
    if not records or records[0].evaluation is None:
        return None, {}
    return records[0].run_id, dict(records[0].evaluation.metadata)


def _outcome_metadata(outcomes: list[Outcome]) -> dict:
    return {
        o.expectation: {
            "success": o.success,
            "unexpected_count": o.unexpected_count,
            "observed": _observed(o.observed),
            "examples": o.examples,
            "scope": o.scope,
            "critical": o.critical,
        }
        for o in outcomes
    }


def _report_links(result: GateResult, check_name: str, passed: bool, scopes: tuple[str, ...]) -> dict:
    """Data Docs of the check's validations (see monitor/data_docs.py), as check metadata; a check GE did
    not run links the report of the check's last evaluation, if any."""
    validations = [v for v in result.validations if v.suite_name.rsplit(".", 1)[-1] in scopes]
    if not validations:
        carried = result.carried_docs if "table" in scopes else result.carried_row_docs
        return {k: v for k, v in carried.items() if k in DOCS_LINKS}
    report = data_docs.write_report(result.step, check_name, passed, validations, expectation_label)
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
            GE_NOTE: result.note,
            VERDICT_KEY: result.key,
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
            "rows_passed": result.passed_rows,
            "rows_quarantined": quarantined,
            "failed_expectations": dg.MetadataValue.json(failed_rows),
            "expectations": dg.MetadataValue.json(_outcome_metadata(result.row_outcomes)),
            **_report_links(result, rows_check_name(result.step), not failed_rows, ("row",)),
            GE_NOTE: "validated" if result.row_outcomes else "not run: no rows reached the gate",
        },
    )
    return [rows_check, table_check]
