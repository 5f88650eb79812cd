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
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import polars as pl

from monitor import gate_parameters, ge_session

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
    # a run of several batches: its passed rows on disk until the table gate (gate_rows.GateRows), and
    # `passed` empty
    kept: object = None

    @property
    def passed_rows(self) -> int:
        return self.kept.height if self.kept is not None else self.passed.height


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
    needed = _suite_columns(ge_session.suite_expectations(step, "table"))
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


def combine(step: str, results: list[GateResult], columns: list[str], kept=None) -> GateResult:
    """One verdict for a run that went through the gate in several batches (each compacted or not, or
    with its passed rows in `kept`, a gate_rows.GateRows)."""
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
        kept=kept,
    )


def validate_rows(
    step: str, frame: pl.DataFrame, id_column: str = "article_id", parameters: dict | None = None
) -> GateResult:
    suite = ge_session.load_suite(step, "row")
    needed = sorted(
        (_suite_columns(ge_session.suite_expectations(step, "row")) | {id_column}) & set(frame.columns)
    )
    validation = None
    if suite.expectations:
        rows = frame.select(needed)
        validation = ge_session.validate_suite(
            rows,
            suite,
            id_column,
            gate_parameters.membership_parameters(
                ge_session.suite_expectations(step, "row"), rows, parameters
            ),
        )
    results = validation.results if validation else []
    outcomes, rejected = [], []
    for result in results:
        config = result.expectation_config
        label = ge_session.expectation_label(config)
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
    """Table expectations on what passed (kept on disk: part by part), summary expectations on the step's
    totals."""
    parts = result.kept.parts() if result.kept is not None else [result.passed]
    for scope, frames in (
        ("table", (table_view(result.step, part) for part in parts)),
        ("summary", [pl.DataFrame([summary])]),
    ):
        suite = ge_session.load_suite(result.step, scope)
        if not suite.expectations:
            continue
        outcomes: dict[str, Outcome] = {}
        for frame in frames:
            validation = ge_session.validate_suite(
                frame,
                suite,
                None,
                gate_parameters.membership_parameters(
                    ge_session.suite_expectations(result.step, scope), frame, parameters
                ),
            )
            result.validations.append(validation)
            for outcome in validation.results:
                _add_outcome(outcomes, outcome, scope)
        result.table_outcomes.extend(outcomes.values())
    return result


def _add_outcome(outcomes: dict[str, Outcome], outcome, scope: str) -> None:
    """One expectation's outcome on one part, added to its outcome on the parts before."""
    config, details = outcome.expectation_config, outcome.result
    label = ge_session.expectation_label(config)
    examples = [_observed(v) for v in (details.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]]
    merged = outcomes.get(label)
    if merged is None:
        outcomes[label] = Outcome(
            label,
            scope,
            config.severity.value == "critical",
            bool(outcome.success),
            int(details.get("unexpected_count") or 0),
            observed=details.get("observed_value"),
            examples=examples,
        )
        return
    merged.success = merged.success and bool(outcome.success)
    merged.unexpected_count += int(details.get("unexpected_count") or 0)
    merged.examples = (merged.examples + examples)[:MAX_EXAMPLES]


def rows_seen(result: GateResult) -> bool:
    """Whether any row reached the step's gate this run (passed or quarantined)."""
    return result.passed_rows > 0 or result.quarantine.height > 0


def verdict_key(step: str, summary: dict) -> str:
    """What a table verdict on no new rows depends on: the suite as configured and the step's totals."""
    # the file's text: GE adds ids to the expectation configurations it was given
    digest = hashlib.sha256(
        json.dumps([ge_session.suite_text(step), summary], sort_keys=True, default=str).encode()
    )
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
