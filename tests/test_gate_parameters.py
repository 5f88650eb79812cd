"""A membership expectation reads only the members of a parameter list its rows can match: the gate's
verdict is the one the whole list gives, at a fraction of GE's cost."""

from __future__ import annotations

import polars as pl

from monitor import gate_parameters, gates
from monitor.stance_daily import DAILY_SCHEMA

KNOWN = ["USA", "PRK", "CHN", "JPN", "KOR", "RUS"]


def in_set(column: str) -> dict:
    return {
        "type": "expect_column_values_to_be_in_set",
        "kwargs": {"column": column, "value_set": {"$PARAMETER": "known_actor_ids"}},
    }


def daily_rows(*dyads: tuple[str, str]) -> pl.DataFrame:
    row = {"day": None, "statements": 3, "mutual_statements": 0, "articles": 2, "stories": 1, "outlets": 2,
           "mean_stance": -0.6, "story_weighted_stance": -0.6, "stance_ci_low": -0.9, "stance_ci_high": 0.5,
           "top_cues": ["concern"], "example_statement_ids": ["a:1:USA:PRK:s"]}  # fmt: skip
    rows = [{**row, "source_actor": s, "target_actor": t} for s, t in dyads]
    return pl.DataFrame(rows, schema=DAILY_SCHEMA).with_columns(day=pl.date(2023, 11, 9))


def test_a_list_read_only_by_membership_expectations_keeps_the_members_the_rows_hold():
    frame = pl.DataFrame({"source_actor": ["USA", "XXX", None], "target_actor": ["PRK", "USA", "CHN"]})
    pruned = gate_parameters.membership_parameters(
        [in_set("source_actor"), in_set("target_actor")], frame, {"known_actor_ids": KNOWN}
    )
    assert pruned == {"known_actor_ids": ["USA", "PRK", "CHN"]}


def test_a_list_another_kind_of_expectation_reads_is_passed_whole():
    equal_set = {
        "type": "expect_column_distinct_values_to_equal_set",
        "kwargs": {"column": "target_actor", "value_set": {"$PARAMETER": "known_actor_ids"}},
    }
    frame = pl.DataFrame({"source_actor": ["USA"], "target_actor": ["PRK"]})
    pruned = gate_parameters.membership_parameters(
        [in_set("source_actor"), equal_set], frame, {"known_actor_ids": KNOWN}
    )
    assert pruned == {"known_actor_ids": KNOWN}


def test_the_daily_gate_still_fails_an_unknown_actor_and_gives_ge_only_the_actors_of_its_rows():
    frame = daily_rows(("USA", "PRK"), ("XXX", "CHN"))
    gate = gates.GateResult("actor_stance_daily", frame, pl.DataFrame(schema=gates.QUARANTINE_SCHEMA), [])
    verdict = gates.validate_table(gate, {"rows": 2}, {"known_actor_ids": KNOWN})
    failed = [o for o in verdict.table_outcomes if not o.success]
    assert [(o.expectation, o.examples) for o in failed] == [
        ("expect_column_values_to_be_in_set(source_actor)", ["XXX"])
    ]
    [validation] = verdict.validations
    value_sets = [r.expectation_config.kwargs.get("value_set") for r in validation.results]
    assert sorted(map(sorted, filter(None, value_sets))) == [["CHN", "PRK", "USA"]] * 2
