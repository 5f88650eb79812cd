"""Expectations the suites use that Great Expectations 1.x does not ship.

`expect_column_pair_values_to_differ`: a row passes when its two values differ. GE's nearest built-in,
`expect_select_column_values_to_be_unique_within_record`, asks the same of two columns but counts distinct
values row by row in Python (pandas `nunique(axis=1)`): about 25 µs a row, seconds on a daily table of a
large archive. This one compares the two columns at once. Importing the module registers it with GE.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnPairMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnPairMapMetricProvider,
    column_pair_condition_partial,
)


class ColumnPairValuesDiffer(ColumnPairMapMetricProvider):
    condition_metric_name = "column_pair_values.differ"
    condition_domain_keys = (
        "batch_id",
        "table",
        "column_A",
        "column_B",
        "row_condition",
        "condition_parser",
        "ignore_row_if",
    )
    condition_value_keys = ()

    @column_pair_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_A, column_B, **kwargs):  # noqa: N803 - GE passes these names
        return column_A != column_B


class ExpectColumnPairValuesToDiffer(ColumnPairMapExpectation):
    """Each row's value in column_A differs from its value in column_B (rows missing both are skipped)."""

    column_A: str  # noqa: N815 - GE's argument names
    column_B: str  # noqa: N815
    ignore_row_if: Literal["both_values_are_missing", "either_value_is_missing", "neither"] = (
        "both_values_are_missing"
    )

    map_metric = "column_pair_values.differ"
    success_keys = ("column_A", "column_B", "ignore_row_if", "mostly")
    args_keys = ("column_A", "column_B")
    library_metadata: ClassVar[dict] = {"maturity": "experimental", "tags": ["monitor"], "contributors": []}
