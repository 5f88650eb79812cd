"""A definite noun for an organisation named before ("the court", "the bloc") is a target when the recent
sentences name exactly one organisation of its kind (monitor.stance_definite_targets)."""

from __future__ import annotations

from stance_helpers import stance, statements

ICJ = ["ICJ", "ICJ", "ICJ", "organisation"]
ICC = ["International Criminal Court", "ICC", "ICC", "organisation"]
NATO = ["NATO", "NATO", "NATO", "organisation"]
ECOWAS = ["Economic Community of West African States", "ECOWAS", "ECOWAS", "organisation"]
THAILAND = ["Thailand", "THA", "THA", "state"]
CAMBODIA_ACTORS = [THAILAND, ["Cambodia", "KHM", "KHM", "state"], ICJ]
ASK_THE_ICJ = (
    "He said the government would ask the ICJ to rule on the Ta Moan Thom, Ta Moan Toch and Ta Krabei "
    "temples and the Mom Bei area, and called on Thailand to join the case."
)
NOT_RECOGNISED = (
    "Thailand does not recognise the court's jurisdiction on the matter and prefers to resolve the dispute "
    "through the bilateral Joint Boundary Commission (JBC), Foreign Minister Maris Sangiampongsa said."
)


def test_the_court_is_the_court_named_a_sentence_before():
    out = statements(ASK_THE_ICJ, NOT_RECOGNISED, actors=CAMBODIA_ACTORS)
    assert stance(out, 1)[("THA", "ICJ")] < 0


def test_the_court_names_nobody_when_two_courts_were_named():
    out = statements(
        "The International Criminal Court and the ICJ both sit in The Hague.",
        NOT_RECOGNISED,
        actors=[*CAMBODIA_ACTORS, ICC],
    )
    assert stance(out, 1) == {}


def test_the_court_names_nobody_when_no_court_was_named_recently():
    assert stance(statements(NOT_RECOGNISED, actors=CAMBODIA_ACTORS)) == {}


def test_the_bloc_is_the_organisation_named_a_sentence_before():
    out = statements(
        "The Economic Community of West African States, which imposed sweeping sanctions on Niger after the "
        "coup, has threatened to use force as a last resort to reinstate Bazoum.",
        'France backed the bloc\'s efforts "firmly and resolutely", Macron said.',
        actors=[["France", "FRA", "FRA", "state"], ["Niger", "NER", "NER", "state"], ECOWAS],
    )
    assert stance(out, 1)[("FRA", "ECOWAS")] > 0


def test_the_bloc_is_no_court():
    out = statements(ASK_THE_ICJ, "Thailand criticised the bloc.", actors=CAMBODIA_ACTORS)
    assert ("THA", "ICJ") not in stance(out, 1)


def test_a_reference_in_an_aside_about_the_subject_is_no_target():
    out = statements(
        "Trump signed an executive order imposing sanctions on the International Criminal Court.",
        "The Netherlands, which hosts the court, said it regretted the order.",
        actors=[["Netherlands", "NLD", "NLD", "state"], ICC, ["Trump", "donald_trump", "USA", "person"]],
    )
    assert ("NLD", "ICC") not in stance(out, 1)


def test_a_capitalised_organisation_name_is_no_reference():
    out = statements(
        "NATO leaders met in Vilnius.",
        "Russia criticised the Organization of American States.",
        actors=[NATO, ["Russia", "RUS", "RUS", "state"]],
    )
    assert ("RUS", "NATO") not in stance(out, 1)
