"""A coordinated clause with a speaker of its own (monitor.stance_clause_speakers)."""

from __future__ import annotations

from stance_helpers import stance, statements

LATIN_AMERICA = [
    ["Panama", "PAN", "PAN", "state"],
    ["Venezuela", "VEN", "VEN", "state"],
    ["Peru", "PER", "PER", "state"],
    ["Caracas", "VEN", "VEN", "state"],
]
PANAMA_PERU = (
    "Panama said it was suspending relations with Venezuela, and Peru said it was recalling its ambassador "
    "from Caracas for consultations."
)


def test_the_speaker_of_a_coordinated_clause_owns_its_cues():
    assert stance(statements(PANAMA_PERU, actors=LATIN_AMERICA))[("PER", "VEN")] < 0


def test_the_speaker_of_a_coordinated_clause_judges_nobody_named_before_it():
    assert ("PER", "PAN") not in stance(statements(PANAMA_PERU, actors=LATIN_AMERICA))


def test_the_first_speaker_owns_no_cue_of_the_second_clause():
    out = stance(
        statements(
            "Panama said it would keep its embassy open, while Peru said it was recalling its ambassador "
            "from Caracas.",
            actors=LATIN_AMERICA,
        )
    )
    assert ("PAN", "VEN") not in out
    assert out[("PER", "VEN")] < 0
