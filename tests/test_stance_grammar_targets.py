"""Who a cue judges when the sentence names more actors than its parties: the owner of a norm it says was
violated (monitor.stance_norm_owners), an actor named before a verb that opens a that-clause
(monitor.stance_reach), the actors of a claim the speaker denies (monitor.stance_denials)."""

from __future__ import annotations

from stance_helpers import stance, statements

CHINA = ["China", "CHN", "CHN", "state"]
CANADA = ["Canada", "CAN", "CAN", "state"]
WTO = ["World Trade Organization", "WTO", "WTO", "organisation"]
UNITED_STATES = ["The United States", "USA", "USA", "state"]
HONDURAS = ["Honduras", "HND", "HND", "state"]
BEIJING = ["Beijing", "CHN", "CHN", "capital"]
AUSTRALIA = ["Australia", "AUS", "AUS", "state"]


def test_the_owner_of_the_rules_a_measure_violates_is_no_target():
    out = statements(
        "China's Commerce Ministry said in a statement on Saturday that Canada's measures \"seriously "
        'violate the rules of the World Trade Organization".',
        actors=[CHINA, CANADA, WTO],
    )
    got = stance(out)
    assert got[("CHN", "CAN")] < 0
    assert ("CHN", "WTO") not in got


def test_the_state_whose_internal_affairs_are_meddled_in_is_no_target_of_the_opposition():
    bangladesh = ["Bangladesh", "BGD", "BGD", "state"]
    for sentence in (
        "China opposed any external interference in Bangladesh's internal affairs.",
        "China opposed any interference in the internal affairs of Bangladesh.",
    ):
        assert ("CHN", "BGD") not in stance(statements(sentence, actors=[CHINA, bangladesh]))


def test_a_warning_that_opens_a_clause_judges_the_actor_of_the_clause_not_one_named_before():
    out = statements(
        "The United States said Honduras' decision was a \"sovereign\" one, but warned that Beijing's "
        'promises often "remain unfulfilled."',
        actors=[UNITED_STATES, HONDURAS, BEIJING],
    )
    got = stance(out)
    assert got[("USA", "CHN")] < 0
    assert ("USA", "HND") not in got


def test_a_denied_claim_is_no_stance_toward_its_actors():
    out = statements("Australia denied that the agreement was aimed at China.", actors=[AUSTRALIA, CHINA])
    assert ("AUS", "CHN") not in stance(out)


def test_an_accusation_after_a_denied_claim_still_judges_its_object():
    out = statements(
        "Australia denied that the agreement was aimed at China, and accused Beijing of spreading "
        "falsehoods.",
        actors=[AUSTRALIA, CHINA, BEIJING],
    )
    assert stance(out)[("AUS", "CHN")] < 0


def test_a_refusal_to_comment_on_talks_is_no_stance_toward_their_party():
    out = statements(
        "Cairo did not immediately comment on the Ankara talks.",
        actors=[["Cairo", "EGY", "EGY", "state"], ["Ankara", "TUR", "TUR", "state"]],
    )
    assert out.is_empty()


def test_a_stance_after_a_refusal_to_comment_and_a_clause_break_still_counts():
    out = statements(
        "New Zealand Foreign Minister Winston Peters did not comment on the treaty but said Wellington was "
        "working closely with Australia on Pacific security.",
        actors=[
            ["Winston Peters", "winston_peters", "NZL", "person"],
            ["Wellington", "NZL", "NZL", "state"],
            AUSTRALIA,
        ],
    )
    assert stance(out)[("NZL", "AUS")] > 0


def test_the_owner_of_a_violated_sovereignty_is_no_target_of_the_violation():
    out = statements(
        "Saudi Arabia affirmed its full solidarity with Lebanon and its rejection of any violation of "
        "Lebanon's sovereignty and territorial integrity.",
        actors=[["Saudi Arabia", "SAU", "SAU", "state"], ["Lebanon", "LBN", "LBN", "state"]],
    )
    assert stance(out) == {("SAU", "LBN"): 0.7}


def test_support_for_a_states_sovereignty_still_reaches_the_state():
    out = statements(
        "Germany reaffirmed its support for Ukraine's sovereignty and territorial integrity.",
        actors=[["Germany", "DEU", "DEU", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert stance(out)[("DEU", "UKR")] > 0
