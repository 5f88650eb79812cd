"""A judgement whose sentence names nobody but its speaker judges the other side of the story the article
opened with (monitor.stance_story_targets): "The UAE rejected the decision." after a lead on Sudan cutting
ties with the UAE."""

from __future__ import annotations

import polars as pl
from stance_helpers import CHINA, NORTH_KOREA, RUSSIA, statements

SUDAN = [
    ["Sudan", "SDN", "SDN", "state"],
    ["United Arab Emirates", "ARE", "ARE", "state"],
    ["UAE", "ARE", "ARE", "state"],
    ["United States", "USA", "USA", "state"],
    ["Egypt", "EGY", "EGY", "state"],
]
SEVERED = (
    "Sudan severed diplomatic relations with the United Arab Emirates on Tuesday, accusing it of backing the "
    "paramilitary Rapid Support Forces."
)
NIGER = [["France", "FRA", "FRA", "state"], ["Niger", "NER", "NER", "state"]]
WITHDRAW = (
    "France will withdraw its ambassador from Niger in the coming hours and pull out its troops by the end "
    "of the year, President Emmanuel Macron announced on Sunday."
)
TREATY = (
    'The treaty on a "comprehensive strategic partnership" that Russia and North Korea signed in Pyongyang '
    "on June 19 goes further than most observers expected."
)
JAPAN = ["Japan", "JPN", "JPN", "state"]
TOKYO = ["Tokyo", "JPN", "JPN", "capital"]


def story(frame: pl.DataFrame, sentence_no: int) -> dict[tuple[str, str], float]:
    rows = frame.filter((pl.col("rule") == "story_target") & (pl.col("sentence_no") == sentence_no))
    return {(r["source_actor"], r["target_actor"]): r["polarity"] for r in rows.iter_rows(named=True)}


def test_a_side_that_rejects_the_decision_judges_the_other_side_of_the_lead():
    out = statements(SEVERED, "The UAE rejected the decision.", actors=SUDAN)
    assert story(out, 1) == {("ARE", "SDN"): -0.7}


def test_a_side_cutting_aid_without_naming_the_other_side_judges_it():
    out = statements(SEVERED, "Sudan also suspended 30 million dollars in trade credits.", actors=SUDAN)
    assert story(out, 1)[("SDN", "ARE")] < 0


def test_a_third_party_condemning_the_act_judges_the_agent_of_the_lead():
    out = statements(SEVERED, "The United States condemned the decision.", actors=SUDAN)
    assert story(out, 1) == {("USA", "SDN"): -0.9}


def test_a_third_party_concerned_about_the_pact_judges_both_parties():
    out = statements(
        TREATY,
        'Japan\'s chief cabinet secretary said Tokyo had "grave concerns" about the pact.',
        actors=[RUSSIA, NORTH_KOREA, JAPAN, TOKYO],
    )
    assert set(story(out, 1)) == {("JPN", "RUS"), ("JPN", "PRK")}


def test_a_third_party_described_by_an_aside_naming_others_judges_both_parties_of_the_pact():
    out = statements(
        TREATY,
        "The United States, which has its own agreements with Japan, voiced concern about the pact.",
        actors=[RUSSIA, NORTH_KOREA, JAPAN, ["United States", "USA", "USA", "state"]],
    )
    assert set(story(out, 1)) == {("USA", "RUS"), ("USA", "PRK")}


def test_a_third_party_without_a_story_noun_judges_nobody():
    out = statements(
        SEVERED, 'Egypt said it was "deeply concerned" by the deteriorating situation.', actors=SUDAN
    )
    assert story(out, 1) == {}


def test_a_side_welcoming_something_in_a_hostile_story_judges_nobody():
    out = statements(WITHDRAW, "Niger's military rulers welcomed the decision.", actors=NIGER)
    assert story(out, 1) == {}


def test_a_sentence_naming_another_actor_is_left_to_the_ordinary_rules():
    out = statements(SEVERED, "The UAE rejected the decision at a news conference in Egypt.", actors=SUDAN)
    assert story(out, 1) == {}


def test_a_sentence_with_cues_of_both_signs_judges_nobody():
    out = statements(
        SEVERED,
        'The UAE said the decision was "regrettable" but praised the mediators.',
        actors=SUDAN,
    )
    assert story(out, 1) == {}


def test_a_lead_pair_that_no_statement_links_and_that_is_not_named_most_is_no_story():
    out = statements(
        "Sudan's foreign minister spoke on Sunday about the war, days after officials from the United Arab "
        "Emirates visited Cairo.",
        "Egypt hosted the talks with Egypt's neighbours and Egypt's partners.",
        "The UAE rejected the decision.",
        actors=SUDAN + [["Cairo", "EGY", "EGY", "capital"]],
    )
    assert story(out, 2) == {}


BRICS = [
    ["Indonesia", "IDN", "IDN", "state"],
    ["BRICS", "BRICS", "BRICS", "organisation"],
    RUSSIA,
]
JOINED = (
    "Indonesia has become a full member of the BRICS group of major emerging economies, the government "
    "announced on Monday."
)
ACTIVE_ROLE = "Indonesia said joining BRICS, whose members include Russia, showed Indonesia's active role."


def test_a_lead_opening_with_the_actor_named_most_is_the_story_though_a_third_is_named_like_the_second():
    out = statements(
        JOINED,
        ACTIVE_ROLE,
        "No comment came from Russia on Monday.",
        "Indonesia welcomed the decision.",
        actors=BRICS,
    )
    assert story(out, 3) == {("IDN", "BRICS"): 0.7}


def test_a_lead_opening_with_an_actor_named_less_than_another_is_no_story():
    out = statements(
        "Brazil said on Monday that Indonesia had become a full member of the BRICS group.",
        ACTIVE_ROLE,
        "Indonesia welcomed the decision.",
        actors=[*BRICS, ["Brazil", "BRA", "BRA", "state"]],
    )
    assert story(out, 2) == {}


def test_a_third_party_condemning_an_attack_in_a_story_of_a_pact_judges_nobody():
    out = statements(TREATY, "Japan condemned the attack.", actors=[RUSSIA, NORTH_KOREA, JAPAN])
    assert story(out, 1) == {}


KUWAIT = [
    ["State of Kuwait", "KWT", "KWT", "state"],
    ["Kuwait", "KWT", "KWT", "state"],
    ["Israeli", "ISR", "ISR", "state"],
    ["Qatar", "QAT", "QAT", "state"],
    ["Qatari", "QAT", "QAT", "state"],
    ["Oman", "OMN", "OMN", "state"],
    ["Bahrain", "BHR", "BHR", "state"],
]
DOHA_STRIKE = (
    "The State of Kuwait on Tuesday strongly condemned the Israeli occupation's attack that targeted a "
    "residential headquarters in the Qatari capital Doha."
)


def test_a_third_party_condemning_the_attack_judges_the_holder_the_lead_names_not_its_judge():
    out = statements(
        DOHA_STRIKE,
        "Kuwait affirmed its full solidarity with Qatar and its support for Qatar's measures.",
        "Bahrain and Oman also condemned the attack.",
        actors=KUWAIT,
    )
    assert story(out, 2) == {("BHR", "ISR"): -0.9, ("OMN", "ISR"): -0.9}


def test_concern_over_the_act_a_lead_denounced_judges_the_state_denounced():
    out = statements(
        "North Korea on Friday denounced Japan's discharge of nuclear-contaminated water from the Fukushima "
        "plant into the sea.",
        "North Korea said Japan must stop the discharge and Japan would pay for it.",
        "The Russian Foreign Ministry expressed concern over the discharge and said it would study it.",
        actors=[
            NORTH_KOREA,
            JAPAN,
            ["Russian", "RUS", "RUS", "state"],
            ["Foreign Ministry", "RUS.FOREIGN_MINISTRY", "RUS", "foreign ministry"],
        ],
    )
    assert story(out, 2) == {("RUS", "JPN"): -0.6}


def test_a_side_vowing_the_crime_will_not_go_unanswered_judges_the_other_side():
    out = statements(
        "Iran has vowed a harsh response after an Israeli airstrike destroyed the consular section of its "
        "embassy in Damascus.",
        "Iran condemned Israel and said Israel would bear full responsibility.",
        'Iranian President Ebrahim Raisi said the "cowardly crime" would not go unanswered.',
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Iranian", "IRN", "IRN", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Ebrahim Raisi", "ebrahim_raisi", "IRN", "head of state"],
        ],
    )
    assert story(out, 2) == {("IRN", "ISR"): -0.7}


def test_a_hostile_lead_names_the_holder_of_the_act_a_few_words_before_it():
    out = statements(
        "Taiwan's government on Wednesday condemned China's second day of large-scale military exercises "
        'around the country, calling the drills a "blatant provocation".',
        "Taiwan said China must stop its intimidation of Taiwan.",
        "The United States condemned the exercises.",
        actors=[["Taiwan", "TWN", "TWN", "state"], CHINA, ["United States", "USA", "USA", "state"]],
    )
    assert story(out, 2) == {("USA", "CHN"): -0.9}
