"""States and leaders named together: each speaks, they are the parties of the relation they share
("Japan and the Philippines signed a pact"), "the two countries" stands for a pair, and listed subjects do
not target each other."""

from __future__ import annotations

import polars as pl
from stance_helpers import (
    CHINA,
    JAPAN,
    NORTH_KOREA,
    RUSSIA,
    SOUTH_KOREA,
    US,
    USA,
    VLADIMIR_PUTIN,
    XI_JINPING,
    every_pair,
    mutual,
    stance,
    statements,
)


def test_co_subjects_each_condemn_and_do_not_target_each_other():
    out = statements(
        "The US, South Korea and Japan condemned what they said was a flow of arms and military equipment "
        "from North Korea to Russia.",
        actors=[
            US,
            SOUTH_KOREA,
            JAPAN,
            NORTH_KOREA,
            RUSSIA,
        ],
    )
    found = stance(out)
    assert set(found) == {(s, t) for s in ("USA", "KOR", "JPN") for t in ("PRK", "RUS")}
    assert all(p < 0 for p in found.values())


def test_leaders_joined_by_and_each_speak_and_are_both_parties_of_their_pledge():
    out = statements(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol pledged to deepen "
        "coordination on North Korea's missile programme.",
        actors=[
            ["Japanese", "JPN", "JPN", "state"],
            ["Fumio Kishida", "fumio_kishida", "JPN", "person"],
            ["South Korean", "KOR", "KOR", "state"],
            ["Yoon Suk Yeol", "yoon_suk_yeol", "KOR", "person"],
            NORTH_KOREA,
        ],
    )
    assert set(mutual(out)) == {("JPN", "KOR"), ("KOR", "JPN")}
    assert all(p > 0 for p in mutual(out).values())
    assert ("JPN", "PRK") not in stance(out) and ("KOR", "PRK") not in stance(out)


def test_states_signing_after_a_day_phrase_are_parties_however_far_from_the_cue():
    out = statements(
        "The Philippines and Japan on Monday signed a landmark defence pact allowing their troops to train "
        "on each other's soil.",
        actors=[["Philippines", "PHL", "PHL", "state"], JAPAN],
    )
    assert set(mutual(out)) == {("PHL", "JPN"), ("JPN", "PHL")}


def test_both_leaders_pledging_closer_ties_are_the_parties_of_a_mutual_fact():
    out = statements(
        "Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing on Thursday.",
        "Both leaders pledged to deepen their strategic partnership.",
        actors=[
            XI_JINPING,
            VLADIMIR_PUTIN,
        ],
    )
    facts = mutual(out.filter(pl.col("sentence_no") == 1))
    assert set(facts) == {("CHN", "RUS"), ("RUS", "CHN")}
    assert all(p > 0 for p in facts.values())


def test_leaders_joined_by_and_before_a_relative_clause_both_sign():
    out = statements(
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un, who met in Pyongyang on "
        "Wednesday, signed a mutual defence treaty.",
        actors=[
            VLADIMIR_PUTIN,
            ["Kim Jong Un", "kim_jong_un", "PRK", "person"],
            ["Pyongyang", "PRK", "PRK", "state"],
        ],
    )
    assert set(mutual(out)) == {("RUS", "PRK"), ("PRK", "RUS")}
    assert all(p > 0 for p in mutual(out).values())


def test_date_between_joint_subject_and_verb_keeps_them_parties_of_the_pact():
    out = statements(
        "MANILA - Japan and the Philippines on July 8 signed a landmark defence pact that will allow the "
        "deployment of troops on each other's soil.",
        actors=[JAPAN, ["Philippines", "PHL", "PHL", "state"]],
    )
    assert set(mutual(out)) == {("JPN", "PHL"), ("PHL", "JPN")}
    assert all(p > 0 for p in mutual(out).values())


def test_the_two_countries_stands_for_the_pair_the_article_is_talking_about():
    out = statements(
        "Wang told Blinken that the United States should not interfere in China's internal affairs, "
        "according to a Chinese foreign ministry readout.",
        "Xi said the two countries should be partners rather than rivals.",
        actors=[
            ["Wang", "wang_yi", "CHN", "person"],
            ["Blinken", "antony_blinken", "USA", "person"],
            USA,
            CHINA,
            ["Chinese", "CHN", "CHN", "state"],
            ["Xi", "xi_jinping", "CHN", "person"],
        ],
    )
    assert stance(out, sentence_no=1) == {("CHN", "USA"): 0.7}


def test_the_two_countries_after_a_and_b_in_its_sentence_is_that_pair():
    out = statements(
        "Foreign Minister Israel Katz on Wednesday ordered the immediate return of Israel's ambassadors to "
        "Ireland and Norway, after the two countries said they would recognize a Palestinian state.",
        actors=[
            ["Israel Katz", "israel_katz", "ISR", "person"],
            ["Israel", "ISR", "ISR", "state"],
            ["Ireland", "IRL", "IRL", "state"],
            ["Norway", "NOR", "NOR", "state"],
            ["Palestinian", "PSE", "PSE", "state"],
        ],
    )
    facts = set(mutual(out))
    assert {("IRL", "NOR"), ("NOR", "IRL")} <= facts
    assert not any("ISR" in pair for pair in facts)


def test_unknown_name_inside_a_list_of_subject_states_keeps_the_list_together():
    out = statements(
        "The UAE, Jordan and Egypt also condemned the Israeli attack in separate statements.",
        actors=[
            ["UAE", "ARE", "ARE", "state"],
            ["Egypt", "EGY", "EGY", "state"],
            ["Israeli", "ISR", "ISR", "state"],
        ],
    )
    assert set(stance(out)) == {("ARE", "ISR"), ("EGY", "ISR")}


def test_states_that_traded_accusations_accuse_each_other():
    out = statements(
        "Thailand and Cambodia traded accusations on Thursday after a brief exchange of gunfire.",
        actors=[["Thailand", "THA", "THA", "state"], ["Cambodia", "KHM", "KHM", "state"]],
    )
    mutual = out.filter(pl.col("mutual"))
    assert set(zip(mutual["source_actor"], mutual["target_actor"], strict=True)) == {
        ("THA", "KHM"),
        ("KHM", "THA"),
    }
    assert (mutual["polarity"] < 0).all()


def test_the_object_of_a_relation_joint_subjects_claim_is_a_party():
    out = statements(
        "Palau and the Marshall Islands yesterday reaffirmed their ties with Taipei.",
        actors=[
            ["Palau", "PLW", "PLW", "state"],
            ["Marshall Islands", "MHL", "MHL", "state"],
            ["Taipei", "TWN", "TWN", "state"],
        ],
    )
    facts = mutual(out)
    assert facts[("PLW", "TWN")] > 0
    assert facts[("MHL", "TWN")] > 0


def test_an_actor_inside_a_gapped_relation_cue_is_its_object():
    out = statements(
        "Israel on Wednesday ordered the immediate return of its ambassadors to Ireland and Norway for "
        "consultations, after the two countries said they would formally recognize a Palestinian state later "
        "this month.",
        actors=[
            ["Israel", "ISR", "ISR", "state"],
            ["Ireland", "IRL", "IRL", "state"],
            ["Norway", "NOR", "NOR", "state"],
            ["Palestinian", "PSE", "PSE", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("IRL", "PSE")] > 0
    assert pairs[("NOR", "PSE")] > 0
