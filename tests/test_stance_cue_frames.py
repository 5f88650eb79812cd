"""Verb frames of seeds/stance_cues.csv beyond their first inflection, read in real sentence shapes:
envoys withdrawn, airspace closed, restrictions and blacklists, demands to withdraw, respect and
backing, recognition given or refused."""

from __future__ import annotations

from stance_helpers import CHINA, every_pair, stance, statements

SPAIN = ["Spain", "ESP", "ESP", "state"]
BUENOS_AIRES = ["Buenos Aires", "ARG", "ARG", "state"]
MALI = ["Mali", "MLI", "MLI", "state"]
INDIA = ["India", "IND", "IND", "state"]
TAIWAN = ["Taiwan", "TWN", "TWN", "state"]


def test_a_state_that_has_withdrawn_its_ambassador_reduces_relations():
    out = statements(
        "Spain has permanently withdrawn its ambassador from Buenos Aires, escalating a diplomatic crisis.",
        actors=[SPAIN, BUENOS_AIRES],
    )
    assert stance(out)[("ESP", "ARG")] < 0


def test_closing_its_airspace_to_flights_from_a_state_is_hostile_to_it():
    out = statements(
        "Algeria recalled its envoy.",
        "On Monday Algeria also closed its airspace to flights to and from Mali.",
        actors=[["Algeria", "DZA", "DZA", "state"], MALI],
    )
    assert stance(out, 1)[("DZA", "MLI")] < 0


def test_restricting_a_states_access_to_chips_sanctions_it():
    out = statements(
        "America still restricts China's access to advanced chips.",
        actors=[["America", "USA", "USA", "state"], CHINA],
    )
    assert stance(out)[("USA", "CHN")] < 0


def test_asking_a_state_to_withdraw_its_troops_is_a_demand_against_it():
    out = statements(
        "The Maldives has asked India to withdraw the roughly 80 military personnel stationed there.",
        actors=[["The Maldives", "MDV", "MDV", "state"], INDIA],
    )
    assert stance(out)[("MDV", "IND")] < 0


def test_a_state_that_stands_by_anothers_sovereignty_supports_it():
    out = statements(
        '"France stands by Armenia\'s sovereignty and territorial integrity," Lecornu said.',
        actors=[["France", "FRA", "FRA", "state"], ["Armenia", "ARM", "ARM", "state"]],
    )
    assert stance(out)[("FRA", "ARM")] > 0


def test_respecting_a_states_sovereignty_supports_it():
    out = statements(
        '"Pakistan fully respects the sovereignty and territorial integrity of Iran," the spokesperson said.',
        actors=[["Pakistan", "PAK", "PAK", "state"], ["Iran", "IRN", "IRN", "state"]],
    )
    assert stance(out)[("PAK", "IRN")] > 0


def test_accepting_an_organisations_assessment_supports_it():
    out = statements(
        "Australia accepted the International Atomic Energy Agency's assessment that the release was safe.",
        actors=[
            ["Australia", "AUS", "AUS", "state"],
            ["International Atomic Energy Agency", "IAEA", "IAEA", "organisation"],
        ],
    )
    assert stance(out)[("AUS", "IAEA")] > 0


def test_saying_one_does_not_recognize_a_state_rejects_it():
    out = statements(
        "Honduras said it does not recognize Taiwan and would have no official contact with Taipei.",
        actors=[["Honduras", "HND", "HND", "state"], TAIWAN],
    )
    assert every_pair(out)[("HND", "TWN")] < 0


def test_a_relationship_with_a_state_the_speaker_will_deepen_is_cooperation():
    out = statements(
        'Washington would continue to "deepen and expand" its unofficial relationship with Taiwan, a State '
        "Department spokesperson said.",
        actors=[["Washington", "USA", "USA", "state"], TAIWAN],
    )
    assert stance(out)[("USA", "TWN")] > 0


def test_peacekeepers_who_stood_by_take_no_side():
    out = statements(
        "Azerbaijan retook the region in a lightning offensive while Russian peacekeepers stood by.",
        actors=[["Azerbaijan", "AZE", "AZE", "state"], ["Russian", "RUS", "RUS", "state"]],
    )
    assert ("RUS", "AZE") not in every_pair(out)


def test_a_regret_in_quotes_still_regrets():
    out = statements(
        'President Tsai Ing-wen expressed "regret" at Honduras\' decision, the Taiwanese government said.',
        actors=[["Taiwanese", "TWN", "TWN", "state"], ["Honduras", "HND", "HND", "state"]],
    )
    assert stance(out)[("TWN", "HND")] < 0


def test_saying_a_states_boat_intruded_into_ones_waters_criticises_that_state():
    out = statements(
        'China\'s Foreign Ministry claimed that the Philippine boat had "intruded" into the waters of '
        "what it calls Ren'ai Jiao.",
        actors=[CHINA, ["Philippine", "PHL", "PHL", "state"]],
    )
    assert stance(out)[("CHN", "PHL")] < 0


def test_standing_for_a_states_territorial_integrity_supports_it():
    out = statements(
        "Egypt stressed its firm position on the unity, sovereignty and territorial integrity of Somalia.",
        actors=[["Egypt", "EGY", "EGY", "state"], ["Somalia", "SOM", "SOM", "state"]],
    )
    assert stance(out)[("EGY", "SOM")] > 0


def test_having_always_stood_by_a_states_people_supports_it():
    out = statements(
        '"India has always stood by the people of Maldives, and we will continue to do so," an Indian '
        "official said.",
        actors=[INDIA, ["Maldives", "MDV", "MDV", "state"], ["Indian", "IND", "IND", "state"]],
    )
    assert stance(out)[("IND", "MDV")] > 0


def test_credible_allegations_linking_a_states_agents_to_a_killing_accuse_it():
    out = statements(
        'Canada said there were "credible allegations" linking Indian government agents to the killing.',
        actors=[["Canada", "CAN", "CAN", "state"], ["Indian", "IND", "IND", "state"]],
    )
    assert stance(out)[("CAN", "IND")] < 0
