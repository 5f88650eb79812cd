"""What a gate passes to GE as suite parameters ({"$PARAMETER": name} values of expectations/<step>.json)."""

from __future__ import annotations

import polars as pl

MEMBERSHIP = {"expect_column_values_to_be_in_set", "expect_column_values_to_not_be_in_set"}


def membership_parameters(
    expectations: list[dict], frame: pl.DataFrame, parameters: dict | None
) -> dict | None:
    """The parameters, each list that only membership expectations read cut to the values the frame holds
    in their columns: whether a value is in a set does not depend on the set's other members, and GE copies
    a value set for every metric it resolves (the 1,913 known actors made a gate of a few hundred rows 3x
    slower). A list any other expectation reads is passed whole."""
    if not parameters:
        return parameters
    readers: dict[str, set[str] | None] = {}
    for expectation in expectations:
        for value in expectation.get("kwargs", {}).values():
            if not (isinstance(value, dict) and value.get("$PARAMETER") in parameters):
                continue
            name, column = value["$PARAMETER"], expectation["kwargs"].get("column")
            if (
                expectation["type"] in MEMBERSHIP
                and column in frame.columns
                and readers.get(name, set()) is not None
            ):
                readers.setdefault(name, set()).add(column)
            else:
                readers[name] = None
    pruned = dict(parameters)
    for name, columns in readers.items():
        values = [frame[c] for c in sorted(columns or ())]
        if not values or not isinstance(parameters[name], list) or any(v.dtype != pl.String for v in values):
            continue
        held = set(pl.concat(values).drop_nulls().unique().to_list())
        pruned[name] = [v for v in parameters[name] if v in held]
    return pruned
