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


DOHA = [
    ["Jordan", "JOR", "JOR", "state"],
    ["Egypt", "EGY", "EGY", "state"],
    ["Foreign Ministry", "EGY.FOREIGN_MINISTRY", "EGY", "foreign ministry"],
    ["Israel", "ISR", "ISR", "state"],
]
WITH_EGYPT_WARNING = (
    "Jordan condemned the strike by Israel, with Egypt's Foreign Ministry warning that Israel had undermined "
    "efforts to reach a ceasefire in the Gaza Strip."
)


def test_the_speaker_of_an_absolute_with_clause_owns_its_participle():
    assert stance(statements(WITH_EGYPT_WARNING, actors=DOHA))[("EGY", "ISR")] < 0


def test_the_speaker_of_an_absolute_with_clause_is_no_target_of_the_first_speaker():
    assert ("JOR", "EGY") not in stance(statements(WITH_EGYPT_WARNING, actors=DOHA))


def test_a_listed_subject_opening_its_own_with_clause_ends_the_others_reach():
    out = statements(
        "Jordan and Egypt denounced the strike by Israel, with Egypt's Foreign Ministry warning that it "
        "undermined efforts to reach a ceasefire.",
        actors=DOHA,
    )
    assert ("JOR", "EGY") not in stance(out)


def test_the_speaker_of_a_where_clause_owns_its_cues():
    """Anadolu: "Erdoğan received Zelenskyy in Ankara, where Zelenskyy thanked Türkiye for its support"."""
    out = statements(
        "President Erdogan on Thursday received Ukraine's president in Ankara, where Ukraine thanked Turkey "
        "for its support.",
        actors=[
            ["Erdogan", "recep_tayyip_erdogan", "TUR", "person"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Ankara", "TUR", "TUR", "capital"],
            ["Turkey", "TUR", "TUR", "state"],
        ],
    )
    assert stance(out) == {("UKR", "TUR"): 0.6}
