"""A second clause with its own subject belongs to that subject, not to the actor the sentence opens
with (monitor.stance_clauses); easing or relaxing sanctions is no sanction."""

from __future__ import annotations

from stance_helpers import every_pair, statements

MINSK = (
    "Minsk released 52 prisoners after a visit by a US envoy, and Washington eased sanctions on the "
    "Belarusian state airline."
)
ACTORS = [
    ["Minsk", "BLR", "BLR", "state"],
    ["US", "USA", "USA", "state"],
    ["Washington", "USA", "USA", "state"],
    ["Belarusian", "BLR", "BLR", "state"],
]


def test_the_opening_subject_owns_no_cue_of_a_clause_with_its_own_subject():
    pairs = every_pair(statements(MINSK, actors=ACTORS))
    assert ("BLR", "USA") not in pairs


def test_eased_sanctions_are_no_sanction():
    out = statements(
        "Washington eased sanctions on Belarus's state airline Belavia on Thursday.",
        actors=[["Washington", "USA", "USA", "state"], ["Belarus", "BLR", "BLR", "state"]],
    )
    assert every_pair(out).get(("USA", "BLR"), 0.0) >= 0
    assert ("BLR", "USA") not in every_pair(out)


def test_the_opening_subject_keeps_the_cues_of_its_own_clause():
    out = statements(
        "Russia imposed sanctions on Poland, and Warsaw said it would respond.",
        actors=[
            ["Russia", "RUS", "RUS", "state"],
            ["Poland", "POL", "POL", "state"],
            ["Warsaw", "POL", "POL", "state"],
        ],  # fmt: skip
    )
    assert every_pair(out)[("RUS", "POL")] < 0
