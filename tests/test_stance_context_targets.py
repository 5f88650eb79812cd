"""A rebuttal that names no target ("dismissed the accusations", "rejected those remarks") answers the one
actor a recent sentence reported against the speaker (monitor.stance_context_targets)."""

from __future__ import annotations

import polars as pl
from stance_helpers import stance, statements

NEIGHBOURS = [
    ["India", "IND", "IND", "state"],
    ["Bangladesh", "BGD", "BGD", "state"],
    ["Dhaka", "BGD", "BGD", "capital"],
    ["China", "CHN", "CHN", "state"],
]
CONCERN = (
    "India last week expressed deep concern over the arrest of Hindu monk Chinmoy Krishna Das on sedition "
    "charges and urged Dhaka to ensure the safety of Hindus and other minorities."
)
REJECTED = (
    'Bangladesh\'s foreign ministry rejected those remarks as "unfounded" and said they amounted to '
    "interference in the country's internal affairs."
)


def test_a_rejected_protest_answers_the_state_that_lodged_it():
    """Bangkok Post: Thailand lodged a protest over a leaked call; "Cambodia's Foreign Ministry rejected the
    protest"."""
    actors = [["Thailand", "THA", "THA", "state"], ["Cambodia", "KHM", "KHM", "state"]]
    out = statements(
        "Thailand on Thursday lodged a protest with Cambodia over the release of an audio clip.",
        "Cambodia's Foreign Ministry rejected the protest.",
        actors=actors,
    )
    assert stance(out, 1) == {("KHM", "THA"): -0.7}


def test_rejected_remarks_answer_the_actor_that_made_them_in_the_previous_sentence():
    assert stance(statements(CONCERN, REJECTED, actors=NEIGHBOURS), 1)[("BGD", "IND")] < 0


def test_two_accusers_in_the_window_leave_the_rebuttal_without_target():
    out = statements(
        CONCERN,
        "China also urged Dhaka to protect minorities.",
        REJECTED,
        actors=NEIGHBOURS,
    )
    assert stance(out, 2) == {}


def test_remarks_of_a_sentence_beyond_the_window_are_not_answered():
    filler = "The Agartala incident came amid sharp exchanges over the treatment of minorities."
    out = statements(CONCERN, filler, filler, filler, REJECTED, actors=NEIGHBOURS)
    assert ("BGD", "IND") not in stance(out, 4)


def test_a_rebuttal_that_names_its_accuser_is_left_to_the_ordinary_rules():
    out = statements(
        CONCERN,
        "Bangladesh rejected the claims by China as baseless.",
        actors=NEIGHBOURS,
    )
    assert ("BGD", "IND") not in stance(out, 1)


def test_accusations_called_baseless_answer_the_actor_that_made_them():
    out = statements(
        "\"Cambodia has violated the Ottawa Convention and Thailand's sovereignty,\" Thailand's foreign "
        "ministry said.",
        'Cambodia denied laying any new mines, calling the accusations "baseless."',
        actors=[["Thailand", "THA", "THA", "state"], ["Cambodia", "KHM", "KHM", "state"]],
    )
    assert stance(out, 1)[("KHM", "THA")] < 0


def test_that_claim_dismissed_answers_the_actor_that_made_it():
    out = statements(
        'The dispute began when Canada told the House of Commons that there were "credible allegations" '
        "linking Indian government agents to Nijjar's killing.",
        'India dismissed that claim as "absurd" and temporarily suspended visa services.',
        actors=[
            ["Canada", "CAN", "CAN", "state"],
            ["India", "IND", "IND", "state"],
            ["Indian", "IND", "IND", "state"],
        ],
    )
    assert stance(out, 1)[("IND", "CAN")] < 0


CEASEFIRE_PARTIES = [
    ["Thailand", "THA", "THA", "state"],
    ["Cambodia", "KHM", "KHM", "state"],
    ["Malaysia", "MYS", "MYS", "state"],
    ["US", "USA", "USA", "state"],
    ["Washington", "USA", "USA", "capital"],
]
AGREED = (
    'Thailand and Cambodia agreed on Monday to an "immediate and unconditional" ceasefire along their '
    "disputed border."
)
TRUCE = "The truce took effect at midnight after five days of the worst fighting in more than a decade."


def test_a_welcomed_ceasefire_is_the_agreement_the_article_opened_with():
    out = statements(AGREED, TRUCE, "Washington also welcomed the ceasefire.", actors=CEASEFIRE_PARTIES)
    assert stance(out, 2) == {("USA", "THA"): 0.7, ("USA", "KHM"): 0.7}


def test_a_party_of_the_agreement_that_welcomes_it_welcomes_the_other_party():
    out = statements(AGREED, TRUCE, "Thailand welcomed the outcome.", actors=CEASEFIRE_PARTIES)
    assert stance(out, 2) == {("THA", "KHM"): 0.7}


def test_an_agreement_of_three_parties_gives_a_welcome_no_target():
    out = statements(
        "Thailand, Cambodia and Malaysia signed an agreement on Monday to end the border fighting.",
        "Washington welcomed the agreement.",
        actors=CEASEFIRE_PARTIES,
    )
    assert stance(out, 1) == {}


def test_an_agreement_reported_after_the_lead_is_not_the_outcome_welcomed():
    out = statements(
        "Fighting broke out on Thursday after a landmine wounded five Thai soldiers on patrol.",
        TRUCE,
        "Shelling continued along the border overnight.",
        AGREED,
        "Washington welcomed the decision.",
        actors=CEASEFIRE_PARTIES,
    )
    assert stance(out, 4) == {}


def test_a_place_named_after_a_welcome_leaves_the_outcome_welcomed_its_target():
    """The Philippine Star: "The United States welcomed the agreements through its embassy in Manila"."""
    actors = [*CEASEFIRE_PARTIES, ["Kuala Lumpur", "MYS", "MYS", "capital"]]
    welcome = "Washington welcomed the ceasefire through its embassy in Kuala Lumpur."
    assert stance(statements(AGREED, welcome, actors=actors), 1) == {("USA", "THA"): 0.7, ("USA", "KHM"): 0.7}


def test_a_welcome_that_names_its_own_object_is_left_to_the_ordinary_rules():
    out = statements(AGREED, "Washington welcomed the deal with Malaysia.", actors=CEASEFIRE_PARTIES)
    assert ("USA", "THA") not in stance(out, 1)


STRIKE_ACTORS = [
    ["United States", "USA", "USA", "state"],
    ["Iranian", "IRN", "IRN", "state"],
    ["Oman", "OMN", "OMN", "state"],
    ["Israel", "ISR", "ISR", "state"],
]
STRUCK = "The United States struck three Iranian nuclear sites on Saturday."


def test_a_denounced_act_of_force_is_the_one_the_article_opened_with():
    out = statements(
        STRUCK,
        "The International Atomic Energy Agency said it had detected no increase in radiation levels.",
        "Oman denounced the strikes as illegal.",
        actors=STRIKE_ACTORS,
    )
    assert stance(out, 2) == {("OMN", "USA"): -0.9}


def test_two_agents_of_a_passive_denunciation_both_judge_the_lead_attacker():
    out = statements(
        STRUCK,
        "The strikes were also denounced by Oman and Qatar.",
        actors=[*STRIKE_ACTORS, ["Qatar", "QAT", "QAT", "state"]],
    )
    assert stance(out, 1) == {("OMN", "USA"): -0.9, ("QAT", "USA"): -0.9}


def test_an_act_of_force_reported_after_the_lead_is_not_the_one_judged():
    out = statements(
        "Diplomats met in Geneva on Friday to discuss the nuclear programme.",
        "The talks ended without agreement.",
        "Envoys said a new round was unlikely this month.",
        STRUCK,
        "Oman denounced the strikes as illegal.",
        actors=STRIKE_ACTORS,
    )
    assert ("OMN", "USA") not in stance(out, 4)


def test_a_charter_named_in_the_judgement_leaves_the_lead_attacker_its_target():
    out = statements(
        STRUCK,
        'Oman condemned the strikes as an "irresponsible" violation of international law and the U.N. '
        "Charter.",
        actors=[*STRIKE_ACTORS, ["U.N.", "UN", "UN", "organisation"]],
    )
    assert stance(out, 1) == {("OMN", "USA"): -0.9}


def test_a_lead_with_two_attackers_leaves_the_judgement_without_target():
    out = statements(
        "Israel struck Iranian nuclear sites on Saturday, and Iran attacked Israeli cities hours later.",
        "Oman denounced the strikes as illegal.",
        actors=[*STRIKE_ACTORS, ["Iran", "IRN", "IRN", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert stance(out, 1) == {}


def test_dismissed_concerns_answer_the_actor_that_raised_them():
    out = statements(
        "The United States has expressed concerns that Cambodia could let China use the naval base.",
        "Cambodia has dismissed those concerns, saying its constitution forbids foreign military bases "
        "on its soil.",
        actors=[
            ["United States", "USA", "USA", "state"],
            ["Cambodia", "KHM", "KHM", "state"],
            ["China", "CHN", "CHN", "state"],
        ],
    )
    rows = out.filter(pl.col("sentence_no") == 1).select("source_actor", "target_actor", "rule").rows()
    assert rows == [("KHM", "USA", "rebuttal_accuser")]


def test_criticised_drills_judge_the_state_whose_drills_the_article_opened_with():
    out = statements(
        "China launched large-scale military drills around Taiwan on Tuesday.",
        "The drills were also criticised by Australia and New Zealand.",
        actors=[
            ["China", "CHN", "CHN", "state"],
            ["Taiwan", "TWN", "TWN", "state"],
            ["Australia", "AUS", "AUS", "state"],
            ["New Zealand", "NZL", "NZL", "state"],
        ],
    )
    assert stance(out, 1) == {("AUS", "CHN"): -0.7, ("NZL", "CHN"): -0.7}
