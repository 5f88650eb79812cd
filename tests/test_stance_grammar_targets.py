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
