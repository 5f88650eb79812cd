"""A demand that asks two actors together to calm down mediates and judges neither of them
(monitor.stance_mediation); a demand of anything else still judges those it is addressed to. The brokers of a
deal are no parties of it."""

from __future__ import annotations

from stance_helpers import every_pair, stance, statements

CHINA = ["China", "CHN", "CHN", "state"]
IRAN = ["Iran", "IRN", "IRN", "state"]
PAKISTAN = ["Pakistan", "PAK", "PAK", "state"]
UNITED_STATES = ["The United States", "USA", "USA", "state"]
RUSSIA = ["Russia", "RUS", "RUS", "state"]


def test_a_call_on_two_states_to_exercise_restraint_judges_neither():
    out = statements(
        "China urged Iran and Pakistan to exercise restraint and avoid escalating tensions.",
        actors=[CHINA, IRAN, PAKISTAN],
    )
    got = stance(out)
    assert ("CHN", "IRN") not in got
    assert ("CHN", "PAK") not in got


def test_a_demand_of_two_states_to_stop_an_act_judges_both():
    out = statements(
        "The United States urged Iran and China to stop supplying weapons to Russia.",
        actors=[UNITED_STATES, IRAN, CHINA, RUSSIA],
    )
    got = stance(out)
    assert got[("USA", "IRN")] < 0
    assert got[("USA", "CHN")] < 0


def test_a_call_on_two_states_that_asks_de_escalation_after_another_request_judges_neither():
    out = statements(
        "Rubio, who spoke to both Doval and Pakistan's army chief, urged India and Pakistan to maintain "
        "communication and avoid escalation.",
        actors=[["Rubio", "marco_rubio", "USA", "person"], ["India", "IND", "IND", "state"], PAKISTAN],
    )
    got = stance(out)
    assert ("USA", "IND") not in got
    assert ("USA", "PAK") not in got


def test_the_brokers_compounded_with_brokered_are_no_parties_of_the_agreement():
    out = statements(
        "A ceasefire between Israel and Lebanon is due to take effect on Wednesday, hours after the security "
        "cabinet approved the US- and French-brokered agreement by a vote of 10 to 1.",
        actors=[
            ["Israel", "ISR", "ISR", "state"],
            ["Lebanon", "LBN", "LBN", "state"],
            ["US", "USA", "USA", "state"],
            ["French", "FRA", "FRA", "state"],
        ],
    )
    assert every_pair(out) == {}


def test_states_a_truce_was_mediated_by_are_no_parties_of_it():
    out = statements(
        "Israel and Hamas agreed to a truce mediated by Qatar and Egypt.",
        actors=[
            ["Israel", "ISR", "ISR", "state"],
            ["Qatar", "QAT", "QAT", "state"],
            ["Egypt", "EGY", "EGY", "state"],
        ],
    )
    assert every_pair(out) == {}


def test_the_parties_of_a_brokered_deal_stay_its_parties():
    out = statements(
        "Israel and Lebanon signed a US-brokered deal.",
        actors=[
            ["Israel", "ISR", "ISR", "state"],
            ["Lebanon", "LBN", "LBN", "state"],
            ["US", "USA", "USA", "state"],
        ],
    )
    assert every_pair(out) == {("ISR", "LBN"): 0.5, ("LBN", "ISR"): 0.5}
