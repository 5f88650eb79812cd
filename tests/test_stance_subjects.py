"""The subject a sentence opens with speaks for what it does when nobody is quoted
(monitor.stance_subjects), and words inside an actor's name are no cues or verbs."""

from __future__ import annotations

import polars as pl
import pytest
from stance_helpers import JAPAN, every_pair, mutual, stance, statements

from monitor.stance_attribution import sentence_mentions
from monitor.stance_cue_hits import outside_mentions
from monitor.stance_devset import build_frames
from monitor.stance_matching import load_cues, load_rules, match_phrases, phrase_table

DIRCO = "Department of International Relations and Cooperation"


def test_a_state_that_opens_a_sentence_takes_the_stance_of_its_action():
    out = statements(
        "Ireland has been one of the most outspoken critics of Israel's conduct of the war in Gaza.",
        actors=[["Ireland", "IRL", "IRL", "state"], ["Israel", "ISR", "ISR", "state"]],
    )
    assert stance(out)[("IRL", "ISR")] < 0


def test_a_lone_subject_is_a_party_of_the_attack_it_launched():
    out = statements(
        "Russia launched a new wave of drone attacks on the Ukrainian port city of Odesa overnight.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Ukrainian", "UKR", "UKR", "state"]],
    )
    assert every_pair(out)[("RUS", "UKR")] < 0
    assert ("UKR", "RUS") not in every_pair(out)


@pytest.mark.parametrize(
    "dateline",
    ["SEOUL, Oct. 31 (Yonhap) -- ", "NEW DELHI (AP) — ", "MOSCOW, November 20. /TASS/. "],
)
def test_a_subject_after_a_wire_dateline_opens_the_sentence(dateline):
    out = statements(
        dateline
        + "Russia launched a new wave of drone attacks on the Ukrainian port city of Odesa overnight.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Ukrainian", "UKR", "UKR", "state"]],
    )
    assert every_pair(out)[("RUS", "UKR")] < 0


def test_a_launch_condemned_after_a_wire_dateline_is_the_datelined_subjects():
    """Yonhap: the lead's subject follows the dateline; "the launch" two sentences on is its act."""
    out = statements(
        "SEOUL, Oct. 31 (Yonhap) -- North Korea fired an intercontinental ballistic missile toward the East "
        "Sea on Thursday, the South's military said.",
        "The missile flew about 1,000 kilometers on a lofted trajectory.",
        'South Korea strongly condemned the launch as "a clear provocation," the JCS said.',
        actors=[["North Korea", "PRK", "PRK", "state"], ["South Korea", "KOR", "KOR", "state"]],
    )
    assert stance(out, 2) == {("KOR", "PRK"): -0.9}


@pytest.mark.parametrize(
    "subject", ["The UK and four allies have", "The UK and its allies", "The UK and other partners"]
)
def test_unnamed_companions_leave_the_named_state_the_subject(subject):
    """The Guardian: "The UK and four allies have imposed sanctions on two far-right Israeli ministers"."""
    out = statements(
        f"{subject} imposed sanctions on two far-right Israeli ministers.",
        actors=[["UK", "GBR", "GBR", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert stance(out) == {("GBR", "ISR"): -0.9}


def test_a_demonym_with_a_noun_of_the_state_is_the_subject():
    out = statements(
        "Thailand's army on Monday closed all land border crossings with Cambodia to tourists and traders.",
        actors=[["Thailand", "THA", "THA", "state"], ["Cambodia", "KHM", "KHM", "state"]],
    )
    assert stance(out)[("THA", "KHM")] < 0


def test_a_possessive_before_another_noun_is_no_subject():
    out = statements(
        "Russia's invasion of Ukraine has driven up food prices across Africa.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert ("UKR", "RUS") not in every_pair(out)
    assert all(rule != "sentence_subject" for rule in out["rule"])


def test_states_listed_as_the_subject_share_the_relation_they_reached():
    out = statements(
        "Seoul and Washington reached a trade deal in late July under which the United States set a "
        "15 percent tariff on Korean goods.",
        actors=[
            ["Seoul", "KOR", "KOR", "state"],
            ["Washington", "USA", "USA", "state"],
            ["United States", "USA", "USA", "state"],
            ["Korean", "KOR", "KOR", "state"],
        ],
    )
    got = mutual(out)
    assert got[("KOR", "USA")] > 0 and got[("USA", "KOR")] > 0
    assert stance(out) == {}


def test_a_relation_of_another_subject_after_a_clause_break_is_not_the_subjects():
    out = statements(
        "The Maldives has formally asked India to withdraw its military personnel, a senior official said "
        "on Sunday, a day after Muizzu returned from a state visit to China.",
        actors=[
            ["Maldives", "MDV", "MDV", "state"],
            ["India", "IND", "IND", "state"],
            ["China", "CHN", "CHN", "state"],
        ],
    )
    visit = out.filter(pl.col("cue").str.contains("visit"))
    assert visit.filter(pl.col("source_actor") == "MDV").is_empty()
    assert every_pair(out).get(("MDV", "IND"), 0.0) <= 0


def test_a_demonym_before_government_is_the_subject_not_an_adjective():
    out = statements(
        "The Sudanese government has repeatedly accused the UAE of arming the RSF, an allegation Abu Dhabi "
        "has denied.",
        actors=[
            ["Sudanese", "SDN", "SDN", "state"],
            ["UAE", "ARE", "ARE", "state"],
            ["Abu Dhabi", "ARE", "ARE", "state"],
        ],
    )
    got = stance(out)
    assert got[("SDN", "ARE")] < 0
    assert ("ARE", "SDN") not in got


def test_words_inside_an_actors_name_are_no_speech_verbs_or_cues():
    sentences, mentions = build_frames(
        [
            {
                "id": "a1",
                "sentences": [
                    "The Department of International Relations and Cooperation said the United States "
                    "had cut aid."
                ],
                "actors": [
                    [
                        "Department of International Relations and Cooperation",
                        "ZAF.DIRCO",
                        "ZAF",
                        "institution",
                    ],
                    ["United States", "USA", "USA", "state"],
                ],
            }
        ]
    )
    sentences = sentences.with_columns(sid=pl.int_range(pl.len()))
    rules = load_rules()
    hits = match_phrases(sentences, phrase_table(load_cues(), rules))
    kept = outside_mentions(hits, sentence_mentions(sentences, mentions))
    assert set(hits["phrase"]) >= {"relations", "cooperation", "states", "said"}
    assert sorted(kept["phrase"]) == ["cut", "said"]  # "cut" is a negator ("cut aid"), outside the name


def test_a_subject_that_opens_the_sentence_outranks_a_possessive_holder():
    out = statements(
        "The Turkish Parliament on Tuesday approved Sweden's bid to join NATO, removing a major obstacle.",
        actors=[
            ["Turkish", "TUR", "TUR", "state"],
            ["Sweden", "SWE", "SWE", "state"],
            ["NATO", "NATO", "NATO", "organisation"],
        ],
    )
    got = stance(out)
    assert got[("TUR", "SWE")] > 0
    assert ("SWE", "TUR") not in got


LISTED = [
    ["Japan", "JPN", "JPN", "state"],
    ["Australia", "AUS", "AUS", "state"],
    ["United Kingdom", "GBR", "GBR", "state"],
    ["France", "FRA", "FRA", "state"],
    ["Germany", "DEU", "DEU", "state"],
    ["China", "CHN", "CHN", "state"],
]


def test_each_state_listed_as_the_subject_takes_the_stance_of_their_action_on_another():
    out = statements(
        "Japan, Australia, the United Kingdom, France and Germany also issued statements expressing concern "
        "over China's actions.",
        actors=LISTED,
    )
    assert stance(out) == {(state, "CHN"): -0.6 for state in ("JPN", "AUS", "GBR", "FRA", "DEU")}


def test_another_mention_of_a_listed_state_is_no_target_of_the_list():
    out = statements(
        "The United States and the European Union struck a trade deal on Sunday that will impose a "
        "15 percent tariff on most European goods.",
        actors=[
            ["United States", "USA", "USA", "state"],
            ["European Union", "EU", "EU", "organisation"],
            ["European", "EU", "EU", "organisation"],
        ],
    )
    assert stance(out) == {}


FREEDOM_EDGE = [
    ["Democratic People's Republic of Korea", "PRK", "PRK", "state"],
    ["Ministry of Foreign Affairs", "PRK.FOREIGN_MINISTRY", "PRK", "foreign ministry"],
    ["United States", "USA", "USA", "state"],
    JAPAN,
]


def test_a_spokesperson_for_a_state_opening_the_sentence_speaks_for_it():
    out = statements(
        "The spokesperson for the Ministry of Foreign Affairs issued a press statement on Saturday "
        'denouncing the "Freedom Edge" multi-domain military drills staged by the United States and Japan.',
        actors=FREEDOM_EDGE,
    )
    assert stance(out)[("PRK", "USA")] < 0


def test_a_city_where_citizens_rallied_does_not_denounce_anyone():
    out = statements(
        "In south Korea, citizens and civic groups staged candlelight rallies in Seoul denouncing Japan.",
        actors=[["Korea", "KOR", "KOR", "state"], ["Seoul", "KOR", "KOR", "capital"], JAPAN],
    )
    assert ("KOR", "JPN") not in stance(out)
