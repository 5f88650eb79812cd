"""A state speaks across an aside set off by commas between it and its verb, when the aside only describes it
(monitor.stance_gaps); an aside that names another actor or holds a cue relates the state to others and
links nothing across it for the speech rules."""

from __future__ import annotations

from stance_helpers import CHINA, stance, statements

ASIDE_ACTORS = [
    CHINA,
    ["Indonesia", "IDN", "IDN", "state"],
    ["French", "FRA", "FRA", "state"],
    ["Britain", "GBR", "GBR", "state"],
    ["UN", "UN", "UN", "organisation"],
    ["Pakistan", "PAK", "PAK", "state"],
    ["Islamabad", "PAK", "PAK", "capital"],
    ["Tehran", "IRN", "IRN", "capital"],
    ["United States", "USA", "USA", "state"],
    ["Philippines", "PHL", "PHL", "state"],
]


def test_a_state_described_by_an_apposition_speaks_through_it():
    out = statements(
        "China, the bloc's largest economy, welcomed Indonesia's decision to join.", actors=ASIDE_ACTORS
    )
    assert stance(out) == {("CHN", "IDN"): 0.7}


def test_a_state_government_described_by_a_relative_clause_speaks_through_it():
    out = statements(
        "The French government, which had pushed hardest for long-term access for its fishermen, "
        "praised Britain for its flexibility.",
        actors=ASIDE_ACTORS,
    )
    assert stance(out) == {("FRA", "GBR"): 0.8}


def test_the_aide_of_an_organisations_titled_official_speaks_for_the_organisation():
    out = statements(
        "The UN Secretary-General's spokesperson praised Pakistan for its restraint.", actors=ASIDE_ACTORS
    )
    assert stance(out) == {("UN", "PAK"): 0.8}


def test_an_aside_naming_another_actor_makes_that_actor_no_target_of_the_verb_after_it():
    # the state speaks through the sentence-subject rule (monitor.stance_aside_subjects)
    out = statements(
        'The United States, a treaty ally of the Philippines, condemned what it called "the latest reckless '
        'action" by China.',
        actors=ASIDE_ACTORS,
    )
    assert stance(out) == {("USA", "CHN"): -0.7}


def test_an_aside_holding_a_cue_links_no_state_to_the_verb_after_it():
    out = statements(
        "China, which has close ties with both countries, called on Islamabad and Tehran to exercise "
        "restraint.",
        actors=ASIDE_ACTORS,
    )
    assert stance(out) == {}


def test_a_state_speaks_through_an_apposition_that_opens_with_one_of():
    out = statements(
        "The United States, one of the first signatories of the accords in 2020, congratulated Indonesia.",
        actors=ASIDE_ACTORS,
    )
    assert stance(out)[("USA", "IDN")] > 0


def test_a_state_speaks_through_the_acronym_of_its_institution():
    out = statements(
        "China's Ministry of Commerce (MOFCOM) thanked Indonesia and the Philippines for their support.",
        actors=ASIDE_ACTORS,
    )
    assert stance(out)[("CHN", "PHL")] > 0


def test_a_place_before_an_acronym_is_no_speaker():
    out = statements(
        "The UN Assistance Mission in Pakistan (UNAMP) had earlier expressed concern over the casualties.",
        actors=ASIDE_ACTORS,
    )
    assert ("PAK", "UN") not in stance(out)
