"""A subject that "issued a similar statement" takes the stance the last judge before it took
(monitor.stance_similar)."""

from __future__ import annotations

from stance_helpers import stance, statements

GULF = [
    ["UAE", "ARE", "ARE", "state"],
    ["United States", "USA", "USA", "state"],
    ["Qatar", "QAT", "QAT", "state"],
    ["Kuwait", "KWT", "KWT", "state"],
    ["Syria", "SYR", "SYR", "state"],
]
WELCOMED = "The UAE's Ministry of Foreign Affairs also welcomed the decision by the United States."


def test_states_issuing_similar_statements_take_the_stance_just_reported():
    out = statements(WELCOMED, "Qatar and Kuwait issued similar statements.", actors=GULF)
    assert stance(out, 1) == {("QAT", "USA"): 0.7, ("KWT", "USA"): 0.7}


def test_a_similar_statement_long_after_the_last_stance_echoes_nothing():
    out = statements(
        WELCOMED,
        "Officials met in Geneva on Tuesday.",
        "The talks lasted four hours.",
        "Markets were calm.",
        "Qatar issued a similar statement.",
        actors=GULF,
    )
    assert stance(out, 4) == {}


def test_a_similar_statement_does_not_judge_its_own_speaker():
    out = statements(
        "The UAE condemned the strike on Qatar.", "Qatar issued a similar statement.", actors=GULF
    )
    assert ("QAT", "QAT") not in stance(out, 1)


def test_a_similar_statement_after_two_judges_of_opposite_stances_echoes_neither():
    out = statements(
        "The UAE welcomed the decision by the United States, while Syria condemned the United States.",
        "Qatar issued a similar statement.",
        actors=GULF,
    )
    assert stance(out, 1) == {}
