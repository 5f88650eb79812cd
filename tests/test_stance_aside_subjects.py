"""A sentence's opening subject described by an aside that names another actor acts or speaks after the aside;
the states the aside names are no targets of what it says or does after it (monitor.stance_aside_subjects)."""

from __future__ import annotations

from stance_helpers import every_pair, mutual, stance, statements

TANZANIA = ["Tanzania", "TZA", "TZA", "state"]
MOZAMBIQUE = ["Mozambique", "MOZ", "MOZ", "state"]
MAPUTO = ["Maputo", "MOZ", "MOZ", "capital"]
IRAN = ["Iran", "IRN", "IRN", "state"]
ARMENIA = ["Armenia", "ARM", "ARM", "state"]
AZERBAIJANI = ["Azerbaijani", "AZE", "AZE", "state"]
RUSSIA = ["Russia", "RUS", "RUS", "state"]
MALI = ["Mali", "MLI", "MLI", "state"]
FRENCH = ["French", "FRA", "FRA", "state"]


def test_a_subject_described_by_a_relative_clause_is_a_party_of_the_pact_it_signed():
    out = statements(
        "Tanzania, which shares Mozambique's northern border along the Rovuma river, signed a bilateral "
        "agreement with Maputo last month to keep a contingent in the province.",
        actors=[TANZANIA, MOZAMBIQUE, MAPUTO],
    )
    got = mutual(out)
    assert got[("TZA", "MOZ")] > 0
    assert got[("MOZ", "TZA")] > 0


def test_a_state_the_aside_names_is_no_target_of_the_verb_even_named_again_after_it():
    out = statements(
        "Iran, which shares a short border with Armenia, has repeatedly warned against any change to "
        "regional borders, a reference to Azerbaijani demands for a transit corridor across southern "
        "Armenia to its exclave of Nakhchivan.",
        actors=[IRAN, ARMENIA, AZERBAIJANI],
    )
    assert ("IRN", "ARM") not in stance(out)


def test_a_passive_after_the_aside_makes_its_subject_no_agent():
    out = statements(
        "Russia, which has sent mercenaries to Mali, was accused by French officials of exploiting "
        "anti-French sentiment.",
        actors=[RUSSIA, MALI, FRENCH],
    )
    assert ("RUS", "FRA") not in every_pair(out)
