""" "The two countries", "both governments": the pair the article is about, as the object of a judgement
addressed to it (monitor.stance_pair_reference, monitor.stance_speaker_pairs)."""

from __future__ import annotations

import polars as pl
from stance_helpers import mutual, stance, statements

KYRGYZ_TAJIK = [
    ["Kyrgyzstan", "KGZ", "KGZ", "state"],
    ["Tajikistan", "TJK", "TJK", "state"],
    ["Russia", "RUS", "RUS", "state"],
    ["European Union", "EU", "EU", "organisation"],
    ["U.S.", "USA", "USA", "state"],
    ["Embassy", "USA.EMBASSY", "USA", "institution"],
    ["Bishkek", "KGZ", "KGZ", "state"],
    ["Britain", "GBR", "GBR", "state"],
]
TREATY = "Kyrgyzstan and Tajikistan signed a treaty on Thursday ending decades of border disputes."


def test_both_governments_praised_are_the_two_the_article_is_about():
    out = statements(
        TREATY,
        "Russia had offered to mediate during the 2022 clashes.",
        "Russia hosted talks last year.",
        'The European Union praised the "courage and determination" of both governments.',
        actors=KYRGYZ_TAJIK,
    )
    assert stance(out, sentence_no=3) == {("EU", "KGZ"): 0.8, ("EU", "TJK"): 0.8}


def test_a_third_party_praising_the_two_countries_is_not_one_of_them():
    out = statements(TREATY, "Britain praised the two countries.", actors=KYRGYZ_TAJIK)
    assert set(stance(out, sentence_no=1)) == {("GBR", "KGZ"), ("GBR", "TJK")}


def test_cooperation_between_the_two_countries_is_no_stance_of_a_third_party():
    out = statements(
        TREATY, "Britain said cooperation between the two countries had grown.", actors=KYRGYZ_TAJIK
    )
    assert stance(out, sentence_no=1) == {}


def test_an_embassy_in_a_capital_speaks_for_its_state_not_for_the_host():
    out = statements(
        TREATY,
        "The European Union welcomed the treaty, and the U.S. Embassy in Bishkek congratulated the two "
        'countries on their "historic achievement."',
        actors=KYRGYZ_TAJIK,
    )
    got = stance(out, sentence_no=1)
    assert got[("USA", "KGZ")] > 0 and got[("USA", "TJK")] > 0
    assert ("KGZ", "USA") not in got and ("EU", "USA") not in got


def test_both_sides_agreeing_is_a_mutual_fact_of_the_pair():
    out = statements(TREATY, "Both sides agreed to set up a joint commission.", actors=KYRGYZ_TAJIK)
    assert set(mutual(out.filter(pl.col("sentence_no") == 1))) == {("KGZ", "TJK"), ("TJK", "KGZ")}


def test_a_call_on_both_sides_to_show_restraint_is_no_stance_toward_either():
    out = statements(TREATY, "Britain urged both sides to show restraint.", actors=KYRGYZ_TAJIK)
    assert stance(out, sentence_no=1) == {}


def test_both_leaders_after_other_states_spoke_are_the_articles_dyad():
    out = statements(
        TREATY,
        "Kyrgyzstan's president said Tajikistan had shown courage, and Tajikistan thanked Kyrgyzstan.",
        "Russia welcomed the agreement.",
        "Britain's embassy and the U.S. Embassy issued statements.",
        "U.N. Secretary-General Antonio Guterres commended both leaders.",
        actors=[*KYRGYZ_TAJIK, ["U.N.", "UN", "UN", "organisation"]],
    )
    assert set(stance(out, sentence_no=4)) == {("UN", "KGZ"), ("UN", "TJK")}


def test_of_two_pairs_in_one_sentence_the_two_countries_are_the_pair_that_opened_it():
    actors = [
        ["Saudi Arabia", "SAU", "SAU", "state"],
        ["Iran", "IRN", "IRN", "state"],
        ["China", "CHN", "CHN", "state"],
        ["Iraq", "IRQ", "IRQ", "state"],
        ["Oman", "OMN", "OMN", "state"],
        ["Wang Yi", "wang_yi", "CHN", "person"],
    ]
    out = statements(
        "Saudi Arabia and Iran expressed their gratitude to China for hosting the talks, as well as to Iraq "
        "and Oman for hosting earlier rounds of dialogue.",
        "Wang Yi congratulated the two countries on the achievement.",
        actors=actors,
    )
    assert stance(out, 1) == {("CHN", "SAU"): 0.7, ("CHN", "IRN"): 0.7}


def test_the_two_countries_may_carry_an_adjective():
    out = statements(
        "Kyrgyzstan and Tajikistan signed a treaty on Thursday.",
        "Britain welcomed the improvement in ties between the two Central Asian countries.",
        actors=KYRGYZ_TAJIK,
    )
    assert set(stance(out, 1)) == {("GBR", "KGZ"), ("GBR", "TJK")}


def test_the_two_sides_opening_a_sentence_speak_for_the_pair():
    """VnExpress: "The two sides also supported ASEAN's central role in the regional architecture." """
    actors = [*KYRGYZ_TAJIK, ["ASEAN", "ASEAN", "ASEAN", "organisation"]]
    out = statements(TREATY, "The two sides also supported ASEAN's central role.", actors=actors)
    assert stance(out, sentence_no=1) == {("KGZ", "ASEAN"): 0.7, ("TJK", "ASEAN"): 0.7}


def test_the_two_countries_after_an_opening_phrase_speak_with_a_speech_verb():
    out = statements(
        TREATY,
        "In a joint statement, the two countries said they opposed Russia's sanctions.",
        actors=KYRGYZ_TAJIK,
    )
    assert set(stance(out, sentence_no=1)) == {("KGZ", "RUS"), ("TJK", "RUS")}


def test_the_two_countries_possessive_is_no_speaker():
    """ "The two countries' ties with Russia": a relation the pair claims, not a judgement it speaks."""
    out = statements(TREATY, "The two countries' ties with Russia have improved.", actors=KYRGYZ_TAJIK)
    assert out.filter(pl.col("rule") == "pair_subject").is_empty()
    assert not out.filter(pl.col("sentence_no") == 1).is_empty()


def test_a_pair_speaker_does_not_judge_its_partner():
    """The Straits Times: "The two countries had suspended talks on the Kuala Lumpur-Singapore High-Speed
    Rail in 2021": a fact of the pair, not one side's judgement of the other."""
    out = statements(
        TREATY, "The two countries had suspended talks on the Bishkek railway.", actors=KYRGYZ_TAJIK
    )
    assert ("TJK", "KGZ") not in stance(out.filter(pl.col("rule") != "mutual_fact"), sentence_no=1)
