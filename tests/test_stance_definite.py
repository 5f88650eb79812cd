"""A definite description as the subject ("The embassy rejected", "The president said") speaks for the state
of the official or institution it names back to, else for the state that spoke last."""

from __future__ import annotations

from datetime import date

import polars as pl
from stance_helpers import USA, stance, statements

NEW_ZEALAND = ["New Zealand", "NZL", "NZL", "state"]
WELLINGTON = ["Wellington", "NZL", "NZL", "state"]
CHINESE = ["Chinese", "CHN", "CHN", "state"]
CHINA = ["China", "CHN", "CHN", "state"]
EGYPT = ["Egypt", "EGY", "EGY", "state"]
ISRAEL = ["Israel", "ISR", "ISR", "state"]


def test_the_embassy_speaks_for_the_state_whose_embassy_was_named_before_not_for_the_last_speaker():
    out = statements(
        "The United States said it shared New Zealand's assessment of the cyber attack.",
        "Wellington lodged a complaint with the Chinese embassy.",
        'The embassy rejected the accusation as "groundless" and urged New Zealand to stop "smearing" China.',
        actors=[USA, NEW_ZEALAND, WELLINGTON, CHINESE, CHINA],
    )
    got = stance(out, sentence_no=2)
    assert got[("CHN", "NZL")] < 0
    assert not any(source == "USA" for source, _ in got)


def test_the_president_speaks_for_the_state_of_the_president_named_before():
    out = statements(
        "President Sisi stressed Egypt's firm position of supporting the unity of Somalia.",
        "He said Somalia was an Arab League member state entitled to the support of its brothers.",
        "The president said the memorandum of understanding signed by Ethiopia and Somaliland on January 1 "
        'was "unacceptable".',
        actors=[
            ["Sisi", "abdel_fattah_el_sisi", "EGY", "person"],
            EGYPT,
            ["Somalia", "SOM", "SOM", "state"],
            ["Ethiopia", "ETH", "ETH", "state"],
        ],
    )
    assert stance(out, sentence_no=2)[("EGY", "ETH")] < 0


def test_the_ministry_with_no_antecedent_speaks_for_the_state_that_spoke_last():
    out = statements(
        "Egypt said it would formally join the genocide case at the International Court of Justice.",
        "The ministry called on Israel, as the occupying power, to comply with its obligations.",
        actors=[EGYPT, ISRAEL],
    )
    assert stance(out, sentence_no=1)[("EGY", "ISR")] < 0


def test_a_definite_description_with_nobody_before_it_speaks_for_nobody():
    out = statements(
        "The ministry called on Israel, as the occupying power, to comply with its obligations.",
        actors=[ISRAEL],
    )
    assert stance(out) == {}


def test_its_spokeswoman_named_after_a_quote_speaks_for_the_ministry_before():
    out = statements(
        "Cambodia's Ministry of National Defence gave a different account, accusing Thai soldiers of "
        'attacking Cambodian troops "in their own territory".',
        '"The Thai side opened fire first and violated our sovereignty," its spokeswoman, '
        "Lt Gen Maly Socheata, said.",
        actors=[
            ["Cambodia", "KHM", "KHM", "state"],
            ["Thai", "THA", "THA", "state"],
            ["Cambodian", "KHM", "KHM", "state"],
        ],
    )
    assert stance(out, sentence_no=1)[("KHM", "THA")] < 0


def test_the_bloc_speaks_for_the_organisation_named_last():
    out = statements(
        "ASEAN leaders met in Kuala Lumpur on Monday for the 46th summit.",
        'The bloc said it was "deeply concerned" by the unilateral tariff measures of the United States.',
        actors=[["ASEAN", "ASEAN", "ASEAN", "organisation"], ["Kuala Lumpur", "MYS", "MYS", "state"], USA],
    )
    assert stance(out, sentence_no=1)[("ASEAN", "USA")] < 0


def test_a_ministry_speaks_for_the_state_that_spoke_last_never_for_an_organisation():
    out = statements(
        "Indonesia said it had become a full member of BRICS on Monday.",
        "BRICS said it welcomed the new member.",
        'The ministry thanked Brazil for its "steadfast support".',
        actors=[
            ["Indonesia", "IDN", "IDN", "state"],
            ["BRICS", "BRICS", "BRICS", "organisation"],
            ["Brazil", "BRA", "BRA", "state"],
        ],
    )
    got = stance(out, sentence_no=2)
    assert set(got) == {("IDN", "BRA")}
    assert got[("IDN", "BRA")] > 0


def test_an_official_with_nobody_speaking_nearby_speaks_for_the_state_the_article_names_most():
    out = statements(
        "Qatar announced a ceasefire agreement between Israel and Hamas on Wednesday.",
        "The State of Qatar will monitor the agreement with Egypt.",
        "Qatar said the first phase would last 42 days.",
        "The first phase includes an exchange of prisoners.",
        "Aid trucks will enter the Strip from the first day.",
        "Displaced people will be allowed to return north.",
        "HE the Prime Minister thanked the Arab Republic of Egypt for its efforts.",
        actors=[
            ["Qatar", "QAT", "QAT", "state"],
            ["State of Qatar", "QAT", "QAT", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Egypt", "EGY", "EGY", "state"],
            ["Arab Republic of Egypt", "EGY", "EGY", "state"],
        ],
    )
    assert stance(out, sentence_no=6)[("QAT", "EGY")] > 0


def test_he_after_a_titled_definite_subject_is_that_official_not_a_person_named_in_its_object():
    out = statements(
        "Qatar's Prime Minister announced on Wednesday that a ceasefire agreement had been reached in Gaza.",
        "HE the Prime Minister thanked the Arab Republic of Egypt and the United States for their efforts, "
        "and praised the role of the administrations of both President Joe Biden and President-elect "
        "Donald Trump.",
        "He stressed that Qatar will continue to support the brotherly Palestinian people.",
        actors=[
            ["Qatar", "QAT", "QAT", "state"],
            ["Arab Republic of Egypt", "EGY", "EGY", "state"],
            USA,
            ["Joe Biden", "joe_biden", "USA", "person"],
            ["Donald Trump", "donald_trump", "USA", "person"],
            ["Palestinian", "PSE", "PSE", "state"],
        ],
    )
    assert stance(out, sentence_no=2) == {("QAT", "PSE"): 0.7}


def test_the_crown_prince_named_before_speaks_for_his_state():
    out = statements(
        "Saudi Crown Prince Mohammed bin Salman opened the summit in Riyadh on Monday.",
        "The Crown Prince also condemned Israel's attacks on Lebanon.",
        actors=[
            ["Saudi", "SAU", "SAU", "state"],
            ["Mohammed bin Salman", "mohammed_bin_salman", "SAU", "person"],
            ["Riyadh", "SAU", "SAU", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Lebanon", "LBN", "LBN", "state"],
        ],
    )
    assert stance(out, sentence_no=1)[("SAU", "ISR")] < 0


def test_the_foreign_office_speaks_for_the_state_whose_foreign_office_was_named_before():
    out = statements(
        "Pakistan's Foreign Office said India had violated its airspace.",
        "The Foreign Office summoned the Indian charge d'affaires in Islamabad and lodged a strong protest.",
        actors=[
            ["Pakistan", "PAK", "PAK", "state"],
            ["India", "IND", "IND", "state"],
            ["Indian", "IND", "IND", "state"],
            ["Islamabad", "PAK", "PAK", "state"],
        ],
    )
    assert stance(out, 1) == {("PAK", "IND"): -0.6}


def written_in(country: str, day: date) -> pl.DataFrame:
    """The article's publication row with the country of the copy's author (home_country)."""
    return pl.DataFrame({"article_id": ["a1"], "published_on": [day], "home_country": [country]})


def test_a_foreign_office_with_no_antecedent_speaks_for_nobody_not_for_the_state_that_spoke_last():
    out = statements(
        "In Beijing, China said it strongly condemned the attack.",
        "The Foreign Office called on the interim Afghan government to act against terrorist groups.",
        actors=[CHINA, ["Afghan", "AFG", "AFG", "state"]],
    )
    assert stance(out, 1) == {}


def test_a_foreign_office_with_no_antecedent_speaks_for_the_country_of_the_copys_author():
    out = statements(
        "Indian missiles struck six sites overnight.",
        "The Foreign Office summoned the Indian charge d'affaires and lodged a strong protest.",
        actors=[["Indian", "IND", "IND", "state"]],
        published=written_in("PAK", date(2025, 5, 7)),
    )
    assert stance(out, 1) == {("PAK", "IND"): -0.6}


def test_a_ministry_opening_the_article_speaks_for_the_country_of_the_copys_author():
    """Bangkok Post: "The Foreign Ministry on Thursday lodged a protest with Cambodia ..." names no state
    before it: the paper's own country protested."""
    out = statements(
        "The Foreign Ministry on Thursday lodged a protest with Cambodia over the release of an audio clip.",
        actors=[["Cambodia", "KHM", "KHM", "state"]],
        published=written_in("THA", date(2025, 6, 19)),
    )
    assert set(stance(out, 0)) == {("THA", "KHM")}


def test_a_ministry_after_a_named_state_does_not_fall_back_on_the_copys_country():
    out = statements(
        "Cambodia posted the recording on Wednesday.",
        "The Foreign Ministry on Thursday lodged a protest with Cambodia over the release of an audio clip.",
        actors=[["Cambodia", "KHM", "KHM", "state"]],
        published=written_in("THA", date(2025, 6, 19)),
    )
    assert ("THA", "KHM") not in stance(out, 1)


def test_a_time_phrase_between_the_office_and_its_verb_keeps_the_office_the_subject():
    """Dawn: "The Foreign Office had on Tuesday night lodged a strong protest with the Iranian charge
    d'affaires"."""
    out = statements(
        "Iranian missiles struck a village in Balochistan.",
        "The Foreign Office had on Tuesday night lodged a strong protest with the Iranian charge d'affaires.",
        actors=[["Iranian", "IRN", "IRN", "state"]],
        published=written_in("PAK", date(2024, 1, 18)),
    )
    assert set(stance(out, 1)) == {("PAK", "IRN")}


def test_a_spokesman_credited_after_the_lead_is_not_of_the_copys_country():
    """VOA: "Niger's military government has revoked an agreement ..., a spokesman said Saturday night": the
    spokesman is Niger's, not the United States' whose press wrote the copy."""
    out = statements(
        "Niger's military government has revoked an agreement that allowed U.S. troops to operate in the "
        "country, a spokesman said Saturday night.",
        actors=[["Niger", "NER", "NER", "state"], ["U.S.", "USA", "USA", "state"]],
        published=written_in("USA", date(2024, 3, 16)),
    )
    assert set(stance(out)) == {("NER", "USA")}


def test_an_official_after_an_opening_phrase_with_nothing_named_before_is_of_the_copys_country():
    """QNA: "Speaking at a press conference in Doha, HE the Prime Minister said ..." opens an article whose
    first sentence named no state; "He thanked the Egyptian leadership" then carries Qatar."""
    out = statements(
        "Speaking at a press conference, HE the Prime Minister said the agreement was reached after "
        "months of talks.",
        "He thanked the Egyptian leadership for its sincere partnership.",
        actors=[["Egyptian", "EGY", "EGY", "state"]],
        published=written_in("QAT", date(2025, 1, 15)),
    )
    assert stance(out, 1) == {("QAT", "EGY"): 0.6}


def test_a_definite_noun_three_words_before_the_verb_is_no_subject():
    """Daily Sabah: "Hungary is now the only member of the alliance that has not ratified Sweden's
    accession": the alliance did not speak."""
    out = statements(
        "NATO leaders met in Vilnius.",
        "Hungary is now the only member of the alliance that has not ratified Sweden's accession.",
        actors=[
            ["NATO", "NATO", "NATO", "organisation"],
            ["Hungary", "HUN", "HUN", "state"],
            ["Sweden", "SWE", "SWE", "state"],
        ],
    )
    assert not [pair for pair in stance(out, 1) if pair[0] == "NATO"]
