"""The gate: Great Expectations 1.x suites in expectations/ decide which rows and tables pass.

Each suite's expectations carry `meta.scope`:
- "row": a column-map expectation run on the candidate rows; the rows GE lists as unexpected go to
  quarantine with the expectation and the observed value. GE's own result decides, nothing else.
- "table": run on the rows that passed (schema, unique keys, not-null keys).
- "summary": run on one row of step totals (quarantined share, rows processed).
Only GE and the verdicts live here; asset_checks.py turns a GateResult into what Dagster shows.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from monitor import gate_parameters, settings

if TYPE_CHECKING:
    import great_expectations as gx

logging.getLogger("great_expectations").setLevel(logging.ERROR)
MAX_EXAMPLES = 5
HEAVY_COLUMNS = {"text", "raw_text", "body"}
QUARANTINE_SCHEMA = {
    "item_id": pl.String,
    "rule": pl.String,
    "reason": pl.String,
    "observed_value": pl.String,
}


@dataclass
class Outcome:
    """One expectation's verdict, in the terms the Dagster UI shows."""

    expectation: str
    scope: str
    critical: bool
    success: bool
    unexpected_count: int = 0
    observed: object = None
    examples: list = field(default_factory=list)


@dataclass
class GateResult:
    step: str
    passed: pl.DataFrame
    quarantine: pl.DataFrame
    row_outcomes: list[Outcome]
    table_outcomes: list[Outcome] = field(default_factory=list)
    validations: list = field(default_factory=list)
    # how GE was involved, for the checks' metadata: validated, or why it was not run
    note: str = "validated"
    # the suite and the step totals the table verdict was reached on (see verdict_key)
    key: str = ""
    # the metadata of the evaluation a verdict was carried from (asset_checks.table_verdict)
    carried_docs: dict = field(default_factory=dict)
    # the metadata of the rows check's last evaluation, for a run whose rows check GE did not run
    carried_row_docs: dict = field(default_factory=dict)


@cache
def _suite_text(step: str) -> str:
    return (settings.EXPECTATIONS_DIR / f"{step}.json").read_text(encoding="utf-8")


@cache
def _suite_config(step: str) -> dict:
    return json.loads(_suite_text(step))


# one lock for the import and the context: a validation that starts while the warm-up thread imports GE
# waits for it instead of importing the same modules from a second thread
_GX_LOCK = threading.RLock()


def _gx():
    """Great Expectations, imported at the first validation: its import costs about 3 s, which a process
    that only loads the definitions (`monitor sql`, the UI's code server, `dagster definitions validate`)
    never needs to pay, nor a run whose steps added no rows (asset_checks.table_verdict)."""
    with _GX_LOCK:
        return _imported_gx()


@cache
def _imported_gx():
    import great_expectations

    from monitor import ge_expectations  # noqa: F401 - registers our own expectations with GE

    return great_expectations


def suite_expectations(step: str, scope: str) -> list[dict]:
    """The expectations of expectations/<step>.json with the given scope, as configured (no GE needed)."""
    return [e for e in _suite_config(step)["expectations"] if e.get("meta", {}).get("scope") == scope]


def load_suite(step: str, scope: str) -> gx.ExpectationSuite:
    """The part of expectations/<step>.json with the given scope, as a GE suite."""
    config = _suite_config(step)
    return _gx().ExpectationSuite(
        name=f"{config['name']}.{scope}",
        expectations=suite_expectations(step, scope),
        meta=config.get("meta"),
    )


def _expectation_label(config) -> str:
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    pair = [kwargs[k] for k in ("column_A", "column_B") if kwargs.get(k)]
    target = kwargs.get("column") or ",".join(pair or kwargs.get("column_list", []) or [])
    return f"{config.type}({target})" if target else config.type


def warm_up() -> None:
    """Import GE and build its context in a background thread, for a step that knows it will validate:
    the import (about 3 s of Python) then overlaps the step's reading, most of it spent waiting for worker
    processes, DuckDB or polars. Idempotent; a step with nothing new does not call it."""
    if _cached_context.cache_info().currsize == 0:
        threading.Thread(target=_context, name="great-expectations-warm-up", daemon=True).start()


def _context() -> gx.data_context.AbstractDataContext:
    """The one GE context of the process, whichever thread asks first (the warm-up or a validation)."""
    with _GX_LOCK:
        return _cached_context()


@cache
def _cached_context() -> gx.data_context.AbstractDataContext:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = _gx().get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.data_sources.add_pandas("monitor")
    return context


@cache
def _batch_definition(name: str):
    return (
        _context()
        .data_sources.get("monitor")
        .add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe("batch")
    )


def _validate(
    frame: pl.DataFrame, suite: gx.ExpectationSuite, id_column: str | None, parameters: dict | None = None
):
    """`parameters` fill the suite's {"$PARAMETER": name} values (e.g. the ids of the actor dictionary)."""
    return _validate_suite(frame, suite, id_column, parameters).results


def _validate_suite(
    frame: pl.DataFrame, suite: gx.ExpectationSuite, id_column: str | None, parameters: dict | None = None
):
    """The whole validation result: what Data Docs render.

    GE's validator is built on the batch definition directly: Batch.validate would first load (and
    fingerprint, hashing every cell) a batch it then throws away, as its validator loads its own.
    """
    from great_expectations.validator.v1_validator import Validator as V1Validator

    result_format = {"result_format": "COMPLETE"}
    if id_column:
        result_format["unexpected_index_column_names"] = [id_column]
    validator = V1Validator(
        batch_definition=_batch_definition(suite.name),
        batch_parameters={"dataframe": frame.to_pandas()},
        result_format=result_format,
    )
    return validator.validate_expectation_suite(suite, expectation_parameters=parameters)


def _suite_columns(expectations: list[dict]) -> set[str]:
    columns: set[str] = set()
    for expectation in expectations:
        kwargs = expectation.get("kwargs", {})
        columns.update(c for k in ("column", "column_A", "column_B") if (c := kwargs.get(k)))
        columns.update(kwargs.get("column_list") or [])
    return columns


def table_view(step: str, frame: pl.DataFrame) -> pl.DataFrame:
    """What the table suite needs of a frame: every column name, but only the values it reads.

    Long texts become their lengths and unread columns a constant, so a step can keep the view of a
    whole run in memory and GE never converts megabytes of article bodies to pandas.
    """
    needed = _suite_columns(suite_expectations(step, "table"))
    return frame.select(
        (pl.col(c).str.len_chars() if frame.schema[c] == pl.String and c in HEAVY_COLUMNS else pl.col(c))
        if c in needed
        else pl.lit(True).alias(c)
        for c in frame.columns
    )


def compact(result: GateResult, columns: list[str]) -> GateResult:
    """What a run keeps of a written batch until its table gate: the table view, not the texts, so that the
    memory of a run does not grow with the text of every batch it wrote."""
    return replace(result, passed=table_view(result.step, result.passed.select(columns)))


def combine(step: str, results: list[GateResult], columns: list[str]) -> GateResult:
    """One verdict for a run that went through the gate in several batches (each compacted or not)."""
    outcomes: dict[str, Outcome] = {}
    for outcome in (o for r in results for o in r.row_outcomes):
        merged = outcomes.setdefault(
            outcome.expectation, Outcome(outcome.expectation, "row", outcome.critical, True)
        )
        merged.success = merged.success and outcome.success
        merged.unexpected_count += outcome.unexpected_count
        merged.examples = (merged.examples + outcome.examples)[:MAX_EXAMPLES]
    passed = [table_view(step, r.passed.select(columns)) for r in results]
    quarantine = [r.quarantine for r in results]
    return GateResult(
        step,
        pl.concat(passed) if passed else pl.DataFrame(schema={c: pl.Boolean for c in columns}),
        pl.concat(quarantine) if quarantine else pl.DataFrame(schema=QUARANTINE_SCHEMA),
        list(outcomes.values()),
        validations=[v for r in results for v in r.validations],
    )


def validate_rows(
    step: str, frame: pl.DataFrame, id_column: str = "article_id", parameters: dict | None = None
) -> GateResult:
    suite = load_suite(step, "row")
    needed = sorted((_suite_columns(suite_expectations(step, "row")) | {id_column}) & set(frame.columns))
    validation = None
    if suite.expectations:
        rows = frame.select(needed)
        validation = _validate_suite(
            rows,
            suite,
            id_column,
            gate_parameters.membership_parameters(suite_expectations(step, "row"), rows, parameters),
        )
    results = validation.results if validation else []
    outcomes, rejected = [], []
    for result in results:
        config = result.expectation_config
        label = _expectation_label(config)
        columns = [c for k in ("column", "column_A", "column_B") if (c := config.kwargs.get(k))]
        unexpected = result.result.get("unexpected_index_list") or []
        reason = config.meta.get("reason", label)
        rejected += [(row[id_column], label, reason, _observed_in(row, columns)) for row in unexpected]
        outcomes.append(
            Outcome(
                label,
                "row",
                config.severity.value == "critical",
                bool(result.success),
                len(unexpected),
                examples=[row[id_column] for row in unexpected[:MAX_EXAMPLES]],
            )
        )
    quarantine = pl.DataFrame(rejected, schema=QUARANTINE_SCHEMA, orient="row")
    passed = frame.filter(~pl.col(id_column).is_in(quarantine["item_id"].implode()))
    return GateResult(step, passed, quarantine, outcomes, validations=[validation] if validation else [])


def _observed_in(row: dict, columns: list[str]) -> str | None:
    """The offending value; both values, ' | '-separated, for a column-pair expectation."""
    if len(columns) == 1:
        return _observed(row.get(columns[0]))
    return " | ".join(str(_observed(row.get(c))) for c in columns)


def _observed(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:500]


def validate_table(result: GateResult, summary: dict, parameters: dict | None = None) -> GateResult:
    """Table expectations on what passed, summary expectations on the step's totals."""
    for scope, frame in (
        ("table", table_view(result.step, result.passed)),
        ("summary", pl.DataFrame([summary])),
    ):
        suite = load_suite(result.step, scope)
        if not suite.expectations:
            continue
        validation = _validate_suite(
            frame,
            suite,
            None,
            gate_parameters.membership_parameters(suite_expectations(result.step, scope), frame, parameters),
        )
        result.validations.append(validation)
        for outcome in validation.results:
            config = outcome.expectation_config
            details = outcome.result
            result.table_outcomes.append(
                Outcome(
                    _expectation_label(config),
                    scope,
                    config.severity.value == "critical",
                    bool(outcome.success),
                    int(details.get("unexpected_count") or 0),
                    observed=details.get("observed_value"),
                    examples=[
                        _observed(v) for v in (details.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]
                    ],
                )
            )
    return result


def rows_seen(result: GateResult) -> bool:
    """Whether any row reached the step's gate this run (passed or quarantined)."""
    return result.passed.height > 0 or result.quarantine.height > 0


def verdict_key(step: str, summary: dict) -> str:
    """What a table verdict on no new rows depends on: the suite as configured and the step's totals."""
    # the file's text: GE adds ids to the expectation configurations it was given
    digest = hashlib.sha256(json.dumps([_suite_text(step), summary], sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def step_totals(conn, step: str, table: str) -> dict:
    """What the summary expectations read: rows kept at a step and items it ever quarantined."""
    kept, quarantined = conn.execute(
        f"""SELECT (SELECT count(*) FROM {table}),
                   (SELECT count(DISTINCT item_id) FROM quarantine WHERE step = ?)""",  # noqa: S608 - our table
        [step],
    ).fetchone()
    total = kept + quarantined
    return {
        f"{table}_total": kept,
        "quarantined_total": quarantined,
        "quarantined_share": quarantined / total if total else 0.0,
    }


def quarantine_rows(result: GateResult, item_kind: str, run_id: str) -> pl.DataFrame:
    """The gate's rejected rows as rows of the `quarantine` table."""
    return result.quarantine.with_columns(
        item_kind=pl.lit(item_kind),
        step=pl.lit(result.step),
        run_id=pl.lit(run_id),
        quarantined_at=pl.lit(datetime.now(UTC)),
    )
