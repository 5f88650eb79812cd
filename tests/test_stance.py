"""Stance statements from hand-built sentence + mention frames (real sample sentences)."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from stance_helpers import (
    CHINA,
    JAPAN,
    NORTH_KOREA,
    RUSSIA,
    SOUTH_KOREA,
    US,
    USA,
    VLADIMIR_PUTIN,
    stance,
    statements,
)

from monitor.stance import STATEMENT_SCHEMA
from monitor.stance_devset import build_frames
from monitor.stance_matching import load_cues, load_rules, match_phrases, phrase_table

MILLER = ["Miller", "matthew_miller", "USA", "person"]


def test_statements_have_the_contract_columns_and_evidence_span():
    text = (
        "The United States on Wednesday voiced alarm at new military cooperation between Russia and "
        "North Korea."
    )
    out = statements("Some earlier sentence.", text, actors=[USA, RUSSIA, NORTH_KOREA])
    assert out.schema == pl.Schema(STATEMENT_SCHEMA)
    row = out.filter(pl.col("target_actor") == "RUS", ~pl.col("mutual")).row(0, named=True)
    body = "Some earlier sentence. " + text
    assert body[row["evidence_start"] : row["evidence_end"]] == text
    assert row["statement_id"] == "a1:1:USA:RUS:s"


def test_sentences_without_a_speaker_or_actors_give_an_empty_frame_of_the_same_shape():
    out = statements("The weather was fine.", "Russia said nothing.", actors=[RUSSIA])
    assert out.is_empty() and out.schema == pl.Schema(STATEMENT_SCHEMA)


def test_state_subject_voicing_alarm_is_negative_toward_both_parties():
    out = statements(
        "The United States on Wednesday voiced alarm at new military cooperation between Russia and "
        "North Korea after the two countries' leaders met.",
        actors=[USA, RUSSIA, NORTH_KOREA],
    )
    assert stance(out) == {("USA", "RUS"): -0.7, ("USA", "PRK"): -0.7}
    assert set(out.filter(pl.col("source_actor") == "USA")["rule"]) == {"speech_verb_subject"}


def test_cooperation_reported_as_fact_is_a_mutual_statement_both_ways():
    out = statements(
        "The development comes after an arms deal apparently reached at the rare September summit between "
        "North Korean leader Kim Jong-un and Russian President Vladimir Putin.",
        actors=[
            ["North Korean", "PRK", "PRK", "state"],
            ["Kim Jong-un", "kim_jong_un", "PRK", "person"],
            ["Russian", "RUS", "RUS", "state"],
            VLADIMIR_PUTIN,
        ],
    )
    mutual = out.filter(pl.col("mutual"))
    assert set(zip(mutual["source_actor"], mutual["target_actor"], strict=True)) == {
        ("PRK", "RUS"),
        ("RUS", "PRK"),
    }
    assert (mutual["polarity"] > 0).all() and set(mutual["rule"]) == {"mutual_fact"}
    assert stance(out) == {}


def test_will_not_hesitate_to_impose_sanctions_is_a_threat_not_a_negation():
    out = statements(
        'The United States "will not hesitate" to impose sanctions on Russia if appropriate, Miller said.',
        actors=[USA, RUSSIA, MILLER],
    )
    row = out.filter(~pl.col("mutual")).row(0, named=True)
    assert (row["source_actor"], row["target_actor"], row["negated"]) == ("USA", "RUS", False)
    assert row["cue_class"] in {"threaten", "sanction"} and row["polarity"] < 0


def test_did_not_condemn_is_negated_and_softened():
    out = statements(
        "India did not condemn Russia over the invasion.", actors=[["India", "IND", "IND", "state"], RUSSIA]
    )
    row = out.row(0, named=True)
    assert row["negated"] and row["cue_class"] == "criticise_denounce"
    assert 0 < row["polarity"] < 0.9


def test_denied_arms_deal_is_no_mutual_cooperation():
    out = statements("North Korea and Russia have denied any arms deal.", actors=[NORTH_KOREA, RUSSIA])
    assert out.filter(pl.col("mutual")).is_empty()


def test_north_korea_asserts_ties_with_russia_and_brushes_the_us_aside():
    out = statements(
        "North Korea on Saturday said that its relations with Russia will remain strong despite the US "
        "warning against their arms transfers.",
        actors=[NORTH_KOREA, RUSSIA, US],
    )
    found = stance(out)
    assert found[("PRK", "RUS")] > 0
    assert found[("PRK", "USA")] < 0


def test_pyongyang_rejects_blinken_remarks_as_the_us():
    out = statements(
        "Pyongyang said, \u201cthe irresponsible and provocative remarks of Blinken only escalate the "
        "dangerous "
        "political and military tension in the Korean peninsula.\u201d",
        actors=[["Pyongyang", "PRK", "PRK", "state"], ["Blinken", "antony_blinken", "USA", "person"]],
    )
    assert stance(out) == {("PRK", "USA"): -0.9}


def test_reported_transfer_between_others_is_the_speakers_accusation_not_their_stance():
    out = statements(
        "On Friday in Seoul, visiting US Secretary of State Antony Blinken said that Russia is providing "
        "\u201ctechnology and support\u201d for North Korea\u2019s military programs.",
        actors=[
            ["Seoul", "KOR", "KOR", "state"],
            US,
            ["Antony Blinken", "antony_blinken", "USA", "person"],
            RUSSIA,
            NORTH_KOREA,
        ],
    )
    found = stance(out)
    assert found[("USA", "RUS")] < 0 and found[("USA", "PRK")] < 0
    assert ("RUS", "PRK") not in found
    assert ("USA", "KOR") not in found


def test_organisation_named_in_a_document_is_not_a_target():
    out = statements(
        "Miller said the transfers violate multiple UN Security Council resolutions.",
        actors=[MILLER, ["UN Security Council", "UNSC", "UNSC", "organisation"]],
    )
    assert out.filter(pl.col("target_actor") == "UNSC").is_empty()


def test_published_day_is_carried_onto_statements():
    published = pl.DataFrame({"article_id": ["a1"], "published_on": [date(2023, 11, 9)]})
    out = statements(
        "Seoul accused Pyongyang of violating the agreement.",
        actors=[["Seoul", "KOR", "KOR", "state"], ["Pyongyang", "PRK", "PRK", "state"]],
        published=published,
    )
    assert out["published_on"].to_list() == [date(2023, 11, 9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They will not hesitate to act.", ["will not hesitate"]),
        ("Leaders disagree on trade.", []),
        ("It is deeply troubling.", ["deeply troubling"]),
    ],
)
def test_cues_match_whole_words_and_longest_phrase_only(text, expected):
    sents = pl.DataFrame(
        {"article_id": ["a"], "sentence_no": [0], "start": [0], "end": [len(text)], "text": [text]}
    )
    hits = match_phrases(sents, phrase_table(load_cues(), load_rules())).filter(pl.col("is_cue"))
    assert hits["cue"].to_list() == expected


def test_gapped_cue_matches_with_words_in_its_gap():
    out = statements(
        "Foreign Minister Yoko Kamikawa on Thursday voiced serious concern over China's rapid military "
        "buildup.",
        actors=[["Yoko Kamikawa", "yoko_kamikawa", "JPN", "person"], CHINA],
    )
    row = out.filter(~pl.col("mutual")).row(0, named=True)
    assert (row["source_actor"], row["target_actor"], row["cue"]) == ("JPN", "CHN", "voiced ... concern")
    assert row["polarity"] < 0


def test_gapped_cue_does_not_swallow_a_negator_or_cross_punctuation():
    sents, _ = build_frames(
        [
            {
                "id": "a",
                "sentences": ["Tokyo expressed no concern.", "It expressed, he said, concern."],
                "actors": [],
            }
        ]
    )
    hits = match_phrases(sents, phrase_table(load_cues(), load_rules()))
    assert "expressed ... concern" not in hits["phrase"].to_list()
    assert "concern" in hits["phrase"].to_list()


def test_action_verb_subject_acts_for_its_state():
    out = statements(
        "Foreign Minister Israel Katz on Wednesday ordered the immediate return of Israel's ambassadors to "
        "Ireland and Norway for consultations.",
        actors=[
            ["Israel Katz", "israel_katz", "ISR", "person"],
            ["Israel", "ISR", "ISR", "state"],
            ["Ireland", "IRL", "IRL", "state"],
            ["Norway", "NOR", "NOR", "state"],
        ],
    )
    found = stance(out)
    assert found[("ISR", "IRL")] < 0 and found[("ISR", "NOR")] < 0


def test_state_named_in_a_joint_communique_is_no_target():
    out = statements(
        "The sales seriously violate the one-China principle and the three China-U.S. joint communiques, "
        "Wang told a regular press briefing.",
        actors=[["Wang", "wang_yi", "CHN", "person"], ["U.S.", "USA", "USA", "state"]],
    )
    assert out.filter(pl.col("target_actor") == "USA").is_empty()


def test_no_before_a_cue_negates_it():
    out = statements("Japan expressed no concern over China's plans.", actors=[JAPAN, CHINA])
    row = out.filter(~pl.col("mutual")).row(0, named=True)
    assert row["negated"] and row["cue"] == "concern"


def test_clause_break_after_the_cues_object_ends_its_reach():
    out = statements(
        "Poland on Sunday demanded an explanation from Moscow after a Russian cruise missile fired at "
        "western Ukraine entered its airspace.",
        actors=[
            ["Poland", "POL", "POL", "state"],
            ["Moscow", "RUS", "RUS", "state"],
            ["Russian", "RUS", "RUS", "state"],
            ["Ukraine", "UKR", "UKR", "state"],
        ],
    )
    assert set(stance(out)) == {("POL", "RUS")}


def test_object_of_the_charged_action_is_a_bystander_not_a_target():
    out = statements(
        "Lavrov accused Washington of seeking to drag Japan and South Korea into a trilateral military bloc.",
        actors=[
            ["Lavrov", "sergey_lavrov", "RUS", "person"],
            ["Washington", "USA", "USA", "state"],
            JAPAN,
            SOUTH_KOREA,
        ],
    )
    assert stance(out) == {("RUS", "USA"): -0.8}


def test_relation_inside_an_accusation_is_no_mutual_fact():
    out = statements(
        "Mao accused Washington of using its allies to contain China.",
        actors=[
            ["Mao", "mao_ning", "CHN", "person"],
            ["Washington", "USA", "USA", "state"],
            ["China", "CHN", "CHN", "state"],
        ],
    )
    assert out.filter(pl.col("mutual")).is_empty()
    assert stance(out)[("CHN", "USA")] < 0


def test_refrained_from_negates_the_criticism_after_it():
    out = statements(
        "China called on all parties to exercise restraint and refrained from criticizing Pyongyang.",
        actors=[["China", "CHN", "CHN", "state"], ["Pyongyang", "PRK", "PRK", "state"]],
    )
    assert stance(out)[("CHN", "PRK")] > 0


def test_at_equal_distance_the_cue_before_the_target_governs_it():
    out = statements(
        "US Ambassador MaryKay Carlson said the United States stands with the Philippines and condemned "
        "China's dangerous maneuvers.",
        actors=[
            US,
            USA,
            ["Philippines", "PHL", "PHL", "state"],
            ["China", "CHN", "CHN", "state"],
        ],
    )
    result = stance(out)
    assert result[("USA", "PHL")] > 0 and result[("USA", "CHN")] < 0


@pytest.mark.parametrize(
    ("text", "actors", "pair", "sign"),
    [
        (
            "The African Union has suspended Niger from all its activities.",
            [["African Union", "AU", "AU", "organisation"], ["Niger", "NER", "NER", "state"]],
            ("AU", "NER"),
            -1,
        ),
        (
            "China and Russia voted in favour of the Palestinian bid.",
            [["China", "CHN", "CHN", "state"], RUSSIA, ["Palestinian", "PSE", "PSE", "state"]],
            ("CHN", "PSE"),
            1,
        ),
        (
            "French President Emmanuel Macron said Russia was the aggressor.",
            [["Emmanuel Macron", "emmanuel_macron", "FRA", "person"], RUSSIA],
            ("FRA", "RUS"),
            -1,
        ),
        (
            "Canada's Prime Minister Justin Trudeau said his government would keep increasing pressure on "
            "Russia.",
            [["Canada", "CAN", "CAN", "state"], RUSSIA],
            ("CAN", "RUS"),
            -1,
        ),
        (
            "President Joe Biden said the United States' defense commitments to Japan are ironclad.",
            [["Joe Biden", "joe_biden", "USA", "person"], USA, JAPAN],
            ("USA", "JPN"),
            1,
        ),
    ],
)
def test_common_news_cues_carry_their_class_sign(text, actors, pair, sign):
    assert stance(statements(text, actors=actors))[pair] * sign > 0
