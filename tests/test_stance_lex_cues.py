"""Cue words added to seeds/stance_cues.csv, each read in the sentence it was missing from: demands and
requests (not of a court), refusals to tolerate, invitations to visit, the matter raised with a state, shared
concern, formal complaints, and a call to lift measures read against whoever imposed them."""

from __future__ import annotations

import polars as pl
from stance_helpers import CHINA, every_pair, mutual, stance, statements

INDIA = ["India", "IND", "IND", "state"]
CANADA = ["Canada", "CAN", "CAN", "state"]
BANGLADESH = ["Bangladesh", "BGD", "BGD", "state"]


def test_asking_a_state_to_extradite_is_a_demand_of_it():
    out = statements(
        "Bangladesh has formally asked India to extradite her to face trial.",
        actors=[BANGLADESH, INDIA],
    )
    assert stance(out)[("BGD", "IND")] < 0


def test_we_call_on_a_state_is_a_demand_of_it():
    out = statements(
        '"We call on Beijing to cease its military, diplomatic and economic pressure," Taiwan said.',
        actors=[["Beijing", "CHN", "CHN", "state"], ["Taiwan", "TWN", "TWN", "state"]],
    )
    assert stance(out)[("TWN", "CHN")] < 0


def test_will_not_tolerate_is_a_strong_warning_not_a_weak_acceptance():
    out = statements(
        "Bangladesh will not tolerate any attack by India on its sovereignty, the adviser said.",
        actors=[BANGLADESH, INDIA],
    )
    assert stance(out)[("BGD", "IND")] <= -0.5


def test_inviting_a_leader_to_visit_is_friendly():
    out = statements(
        "South Korea also invited Japan's prime minister to visit Seoul next month.",
        actors=[["South Korea", "KOR", "KOR", "state"], ["Japan", "JPN", "JPN", "state"]],
    )
    assert every_pair(out)[("KOR", "JPN")] > 0


def test_raising_the_matter_with_a_state_is_a_complaint():
    out = statements(
        "India raised the matter with the Maldives on Sunday.",
        actors=[INDIA, ["Maldives", "MDV", "MDV", "state"]],
    )
    assert stance(out)[("IND", "MDV")] < 0


def test_sharing_a_states_concern_sides_with_it():
    out = statements(
        "Indonesia respected Malaysia's decision and shared its concern for the people of Gaza.",
        actors=[["Indonesia", "IDN", "IDN", "state"], ["Malaysia", "MYS", "MYS", "state"]],
    )
    assert stance(out)[("IDN", "MYS")] > 0


def test_calling_for_measures_to_be_lifted_opposes_who_imposed_them():
    out = statements(
        'Syria has repeatedly called for the lifting of the "unilateral coercive measures" imposed by the'
        " United States.",
        actors=[["Syria", "SYR", "SYR", "state"], ["United States", "USA", "USA", "state"]],
    )
    assert stance(out)[("SYR", "USA")] < 0


def test_made_the_right_choice_praises_the_state():
    out = statements(
        '"Honduras has made the right choice," China said at the signing ceremony.',
        actors=[["Honduras", "HND", "HND", "state"], CHINA],
    )
    assert stance(out)[("CHN", "HND")] > 0


def test_a_negated_attempt_to_undermine_cooperation_is_no_hostility():
    out = statements(
        '"Pakistan is an ironclad friend of China, and no attempt to undermine China-Pakistan cooperation'
        ' will ever succeed," China said.',
        actors=[["Pakistan", "PAK", "PAK", "state"], CHINA],
    )
    assert stance(out)[("CHN", "PAK")] > 0


def test_damaging_relations_with_a_state_is_hostile_to_it():
    out = statements(
        '"The Lithuanian side\'s move has severely damaged China-Lithuania relations," China said.',
        actors=[["Lithuanian", "LTU", "LTU", "state"], CHINA, ["Lithuania", "LTU", "LTU", "state"]],
    )
    assert stance(out)[("CHN", "LTU")] < 0


def test_support_for_extremism_is_a_charge_not_support():
    out = statements(
        "India \"reserves the right to take further steps in response to the Trudeau government's support for"
        ' extremism, violence and separatism against India," India said.',
        actors=[INDIA, ["Trudeau", "justin_trudeau", "CAN", "person"]],
    )
    assert stance(out)[("IND", "CAN")] < 0


def test_understanding_a_states_concerns_sides_with_it():
    out = statements(
        "Australia said Canberra understood New Zealand's concerns about the agreements.",
        actors=[["Australia", "AUS", "AUS", "state"], ["New Zealand", "NZL", "NZL", "state"]],
    )
    assert stance(out)[("AUS", "NZL")] > 0


def test_the_norms_of_international_relations_are_no_relation_between_the_parties():
    out = statements(
        "China and Lithuania are bound by the basic norms of international relations.",
        actors=[["Lithuania", "LTU", "LTU", "state"], CHINA],
    )
    assert every_pair(out) == {}


def test_no_longer_sending_weapons_is_a_turn_against_the_recipient():
    out = statements(
        "Poland is no longer sending weapons to Ukraine and will instead focus on its own armed forces.",
        actors=[["Poland", "POL", "POL", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert every_pair(out)[("POL", "UKR")] < 0


def test_continuing_to_back_a_state_supports_it():
    out = statements(
        "Duda said Poland continued to back Ukraine's defense.",
        actors=[["Poland", "POL", "POL", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert stance(out)[("POL", "UKR")] > 0


def test_a_refusal_to_let_a_states_team_compete_reaches_no_state_after_its_to():
    out = statements(
        "In January, Malaysia refused to let Israeli swimmers take part in the championships in Kuching,"
        " leading the committee to move the event to the United Kingdom.",
        actors=[
            ["Malaysia", "MYS", "MYS", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["United Kingdom", "GBR", "GBR", "state"],
        ],
    )
    got = stance(out)
    assert got[("MYS", "ISR")] < 0
    assert ("MYS", "GBR") not in got


def test_will_not_remain_silent_warns_the_states_addressed():
    out = statements(
        '"I am sending a clear message to Ireland and Norway: Israel will not remain silent in the face'
        ' of those who undermine its sovereignty," Katz said.',
        actors=[
            ["Ireland", "IRL", "IRL", "state"],
            ["Norway", "NOR", "NOR", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Katz", "israel_katz", "ISR", "person"],
        ],
    )
    got = stance(out)
    assert got[("ISR", "IRL")] < 0 and got[("ISR", "NOR")] < 0


def test_asking_a_state_to_act_is_a_demand_of_it():
    out = statements(
        'Tokyo had asked Beijing to explain the purpose of the flight "as soon as possible."',
        actors=[["Tokyo", "JPN", "JPN", "state"], ["Beijing", "CHN", "CHN", "state"]],
    )
    assert stance(out)[("JPN", "CHN")] < 0


def test_asking_a_court_to_rule_is_no_demand_against_the_court():
    out = statements(
        "Guyana asked the ICJ to halt the vote.",
        actors=[["Guyana", "GUY", "GUY", "state"], ["ICJ", "ICJ", "ICJ", "organisation"]],
    )
    assert ("GUY", "ICJ") not in stance(out)


def test_filing_complaints_against_states_protests_against_each():
    out = statements(
        "Ukraine on Monday filed complaints at the World Trade Organization against Poland, Hungary and "
        "Slovakia over their bans on Ukrainian grain.",
        actors=[
            ["Ukraine", "UKR", "UKR", "state"],
            ["World Trade Organization", "WTO", "WTO", "organisation"],
            ["Poland", "POL", "POL", "state"],
            ["Hungary", "HUN", "HUN", "state"],
            ["Slovakia", "SVK", "SVK", "state"],
        ],
    )
    judged = stance(out)
    assert all(judged[("UKR", other)] < 0 for other in ("POL", "HUN", "SVK"))


def test_a_request_asks_the_actor_named_in_it_not_one_of_what_it_asks_for():
    out = statements(
        "The United States said it had asked India to cooperate with Canada's investigation.",
        actors=[["United States", "USA", "USA", "state"], INDIA, CANADA],
    )
    judged = stance(out)
    assert judged[("USA", "IND")] < 0 and ("USA", "CAN") not in judged


def test_withdrawing_diplomatic_staff_from_listed_states_reduces_relations_with_each():
    out = statements(
        "The Venezuelan government on Monday ordered the withdrawal of diplomatic staff from Argentina, "
        "Chile and Uruguay.",
        actors=[
            ["Venezuelan", "VEN", "VEN", "state"],
            ["Argentina", "ARG", "ARG", "state"],
            ["Chile", "CHL", "CHL", "state"],
            ["Uruguay", "URY", "URY", "state"],
        ],
    )
    judged = stance(out)
    assert all(judged[("VEN", other)] < 0 for other in ("ARG", "CHL", "URY"))


def test_continuing_to_develop_relations_is_a_positive_intent_toward_each_state():
    out = statements(
        "Kremlin spokesman Dmitry Peskov said Moscow would continue to develop relations with Mali, "
        "Burkina Faso and Niger.",
        actors=[
            ["Kremlin", "RUS.KREMLIN", "RUS", "institution"],
            ["Dmitry Peskov", "dmitry_peskov", "RUS", "person"],
            ["Moscow", "RUS", "RUS", "state"],
            ["Mali", "MLI", "MLI", "state"],
            ["Burkina Faso", "BFA", "BFA", "state"],
            ["Niger", "NER", "NER", "state"],
        ],
    )
    judged = stance(out)
    assert all(judged[("RUS", other)] > 0 for other in ("MLI", "BFA", "NER"))


def test_asking_others_to_compel_a_state_is_a_demand_on_that_state():
    out = statements(
        "Saudi Arabia called on the international community to compel Israel to stop its attacks.",
        actors=[["Saudi Arabia", "SAU", "SAU", "state"], ["Israel", "ISR", "ISR", "state"]],
    )
    assert stance(out)[("SAU", "ISR")] < 0


def test_holding_a_government_responsible_is_an_accusation():
    out = statements(
        "Buenos Aires said it would hold the Venezuelan government responsible for the safety of the asylum "
        "seekers.",
        actors=[["Buenos Aires", "ARG", "ARG", "state"], ["Venezuelan", "VEN", "VEN", "state"]],
    )
    assert stance(out)[("ARG", "VEN")] < 0


def test_wanting_a_state_to_cooperate_is_a_request_of_that_state_only():
    out = statements(
        "State Department spokesperson Matthew Miller said the U.S. wanted India to cooperate with Canada's "
        "investigation.",
        actors=[["U.S.", "USA", "USA", "state"], INDIA, CANADA],
    )
    judged = stance(out)
    assert judged[("USA", "IND")] < 0 and ("USA", "CAN") not in judged


def test_calling_a_state_our_brother_is_a_warm_tie():
    out = statements(
        "Foreign Minister Yusuf Tuggar said Nigeria would keep working with its neighbours.",
        '"Niger is our brother and neighbour, and nothing will change that," Tuggar said.',
        actors=[
            ["Yusuf Tuggar", "yusuf_tuggar", "NGA", "person"],
            ["Nigeria", "NGA", "NGA", "state"],
            ["Niger", "NER", "NER", "state"],
            ["Tuggar", "yusuf_tuggar", "NGA", "person"],
        ],
    )
    assert stance(out, sentence_no=1)[("NGA", "NER")] > 0


def test_compelling_a_state_to_respect_another_demands_only_of_the_first():
    out = statements(
        "Saudi Arabia called on the international community to compel Israel to respect the sovereignty of "
        "Iran.",
        actors=[
            ["Saudi Arabia", "SAU", "SAU", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Iran", "IRN", "IRN", "state"],
        ],
    )
    judged = stance(out)
    assert judged[("SAU", "ISR")] < 0 and ("SAU", "IRN") not in judged


def test_deals_announced_with_two_states_are_agreements_with_each():
    out = statements(
        "Trump also announced deals with the Philippines and Indonesia this week.",
        actors=[
            ["Trump", "donald_trump", "USA", "person"],
            ["Philippines", "PHL", "PHL", "state"],
            ["Indonesia", "IDN", "IDN", "state"],
        ],
    )
    assert stance(out) == {("USA", "PHL"): 0.3, ("USA", "IDN"): 0.3}


def test_a_state_that_responded_with_counter_tariffs_speaks_in_its_own_clause():
    out = statements(
        "President Donald Trump imposed 25 per cent tariffs on many Canadian goods on Tuesday, and Ottawa "
        "responded with counter-tariffs on $30 billion of American products.",
        actors=[
            ["Donald Trump", "donald_trump", "USA", "person"],
            ["Canadian", "CAN", "CAN", "state"],
            ["Ottawa", "CAN", "CAN", "state"],
            ["American", "USA", "USA", "state"],
        ],
    )
    assert stance(out)[("CAN", "USA")] < 0


def test_both_governments_concluding_a_convention_is_an_agreement_of_the_pair_named_before():
    out = statements(
        'He said Britain and India were "natural partners".',
        "Both governments also concluded a double contribution convention on social security.",
        actors=[["Britain", "GBR", "GBR", "state"], INDIA],
    )
    assert mutual(out.filter(pl.col("sentence_no") == 1)) == {("GBR", "IND"): 0.5, ("IND", "GBR"): 0.5}


def test_welcoming_the_end_of_an_aggression_judges_its_agent_not_its_victim():
    out = statements(
        "Iran's foreign ministry welcomed the end of what it called Israeli aggression against Lebanon.",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Lebanon", "LBN", "LBN", "state"],
        ],
    )
    assert stance(out) == {("IRN", "ISR"): -0.6}


def test_becoming_a_full_member_of_a_bloc_is_joining_it():
    out = statements(
        "Indonesia has officially become a full member of BRICS, the foreign ministry said.",
        actors=[["Indonesia", "IDN", "IDN", "state"], ["BRICS", "BRICS", "BRICS", "organisation"]],
    )
    assert stance(out)[("IDN", "BRICS")] > 0


def test_saying_a_states_operation_would_obstruct_talks_judges_that_state():
    out = statements(
        "Qatar said the Israeli operation would obstruct the negotiations.",
        actors=[["Qatar", "QAT", "QAT", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert stance(out) == {("QAT", "ISR"): -0.6}


def test_postponing_a_visit_to_a_state_strains_relations_with_it():
    out = statements("Canada postponed a visit to India planned for October.", actors=[CANADA, INDIA])
    assert stance(out)[("CAN", "IND")] < 0
