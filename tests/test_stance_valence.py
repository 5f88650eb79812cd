"""A judgement no cue lists is signed by the rated words near the target (monitor.stance_valence)."""

from __future__ import annotations

import polars as pl
from stance_helpers import CHINA, JAPAN, RUSSIA, statements

from monitor.stance_matching import load_cues, load_rules
from monitor.stance_valence import RULE, lexicon

EGYPT = ["Egypt", "EGY", "EGY", "state"]
ISRAEL = ["Israel", "ISR", "ISR", "state"]
QATAR = ["Qatar", "QAT", "QAT", "state"]
IRAN = ["Iran", "IRN", "IRN", "state"]
PAKISTAN = ["Pakistan", "PAK", "PAK", "state"]
NEW_ZEALAND = ["New Zealand", "NZL", "NZL", "state"]
UKRAINE = ["Ukraine", "UKR", "UKR", "state"]
MALDIVES = ["Maldives", "MDV", "MDV", "state"]
INDIA = ["India", "IND", "IND", "state"]
AUSTRALIA = ["Australia", "AUS", "AUS", "state"]
PALESTINIANS = ["Palestinians", "PSE", "PSE", "state"]
ERDOGAN = ["Recep Tayyip Erdogan", "recep_tayyip_erdogan", "TUR", "person"]
SISI = ["Abdel Fattah al-Sisi", "abdel_fattah_al_sisi", "EGY", "person"]


def _rows(out: pl.DataFrame) -> dict[tuple[str, str], tuple[float, str]]:
    return {
        (r["source_actor"], r["target_actor"]): (r["polarity"], r["rule"]) for r in out.iter_rows(named=True)
    }


def test_a_reported_judgement_no_cue_lists_is_negative_from_its_rated_words():
    out = statements(
        "Egypt said Israel's operation in Rafah was undermining the mediators' efforts.",
        actors=[EGYPT, ISRAEL],
    )
    polarity, rule = _rows(out)[("EGY", "ISR")]
    assert rule == RULE
    assert polarity < 0


def test_a_valence_statement_weighs_less_than_any_cue():
    out = statements(
        "Egypt said Israel's operation in Rafah was undermining the mediators' efforts.",
        actors=[EGYPT, ISRAEL],
    )
    weakest_cue = load_cues().filter(pl.col("polarity") != 0)["polarity"].abs().min()
    assert abs(_rows(out)[("EGY", "ISR")][0]) < weakest_cue


def test_a_reported_judgement_with_positive_words_is_positive():
    out = statements(
        "China said it respected the Cook Islands' special relationship with New Zealand.",
        actors=[CHINA, NEW_ZEALAND],
    )
    polarity, rule = _rows(out)[("CHN", "NZL")]
    assert rule == RULE
    assert polarity > 0


def test_a_negated_word_is_no_praise():
    praised = statements("Iran said Pakistan's response was helpful.", actors=[IRAN, PAKISTAN])
    negated = statements("Iran said Pakistan's response was not helpful.", actors=[IRAN, PAKISTAN])
    assert _rows(praised)[("IRN", "PAK")][0] > 0
    assert _rows(negated).get(("IRN", "PAK"), (0.0, ""))[0] <= 0


def test_a_negator_just_out_of_reach_leaves_the_word_unsigned():
    out = statements(
        "Maldives will never do anything that undermines India's security.", actors=[MALDIVES, INDIA]
    )
    assert ("MDV", "IND") not in _rows(out)


def test_a_third_actor_in_the_sentence_makes_the_target_unsure():
    out = statements(
        "Egypt said Israel's operation in Rafah was undermining Qatar's efforts.",
        actors=[EGYPT, ISRAEL, QATAR],
    )
    assert not any(rule == RULE for _, rule in _rows(out).values())


def test_two_speakers_of_one_sentence_leave_its_words_to_neither():
    out = statements(
        "Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Cairo "
        "on Wednesday.",
        "Both leaders rejected any attempt to forcibly displace Palestinians from Gaza.",
        actors=[ERDOGAN, SISI, PALESTINIANS],
    )
    assert out.filter(pl.col("rule") == RULE).is_empty()


def test_what_a_source_expects_of_the_target_rates_the_act_asked_for_not_the_target():
    described = statements(
        "Australia said China operated its military in a safe and professional manner.",
        actors=[AUSTRALIA, CHINA],
    )
    expected = statements(
        "Australia expects China to operate its military in a safe and professional manner.",
        actors=[AUSTRALIA, CHINA],
    )
    assert _rows(described)[("AUS", "CHN")][1] == RULE
    assert expected.filter(pl.col("rule") == RULE).is_empty()


def test_a_cue_statement_of_the_pair_is_kept_and_no_valence_one_added():
    out = statements(
        "Egypt condemned Israel's operation in Rafah, which was undermining the mediators' efforts.",
        actors=[EGYPT, ISRAEL],
    )
    assert _rows(out)[("EGY", "ISR")][1] != RULE
    assert out.filter(pl.col("rule") == RULE).is_empty()


def test_words_of_violence_report_an_event_and_judge_nobody():
    out = statements(
        "Russia said Ukraine's drones had left three people dead and many injured in Belgorod.",
        actors=[RUSSIA, UKRAINE],
    )
    assert out.filter(pl.col("rule") == RULE).is_empty()


def test_a_rated_word_far_from_the_target_does_not_judge_it():
    out = statements(
        "Japan said China's unilateral survey of the seabed in the disputed waters near the southern islands "
        "last week, which fishermen described, was harming them.",
        actors=[JAPAN, CHINA],
    )
    assert out.filter(pl.col("rule") == RULE).is_empty()


def test_the_lexicon_is_vaders_with_the_curated_overrides():
    words = dict(lexicon(load_rules()).rows())
    assert words["undermining"] < 0
    assert words["respected"] > 0
    assert "security" not in words
    assert words["provocative"] < 0
