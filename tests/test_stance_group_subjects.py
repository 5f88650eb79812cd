"""A group opening a sentence ("The three Sahel countries ... have formed", "All three have expelled") stands
for exactly the states of the latest list of that many named before it (monitor.stance_group_subjects)."""

from __future__ import annotations

from stance_helpers import CHINA, RUSSIA, SAHEL, SAHEL_OPENING, every_pair, mutual, stance, statements


def test_all_three_after_a_list_of_three_states_are_each_of_them():
    out = statements(
        SAHEL_OPENING,
        "All three have expelled French troops and turned to Russia for security assistance.",
        actors=SAHEL,
    )
    got = stance(out, sentence_no=1)
    for state in ("NER", "MLI", "BFA"):
        assert got[(state, "FRA")] < 0
        assert got[(state, "RUS")] > 0


def test_the_listed_states_named_as_a_group_are_the_parties_of_the_pact_they_formed():
    out = statements(
        SAHEL_OPENING,
        "The three Sahel countries, which together have a population of about 70 million, have formed a "
        "mutual defence pact.",
        actors=SAHEL,
    )
    got = mutual(out)
    assert got[("NER", "MLI")] > 0 and got[("MLI", "BFA")] > 0 and got[("BFA", "NER")] > 0


def test_a_group_possessive_before_a_noun_is_no_subject():
    out = statements(
        "Vietnam, Malaysia and Brunei also have competing claims in the South China Sea but were not "
        "represented at the summit.",
        "The three countries' coast guards held their first joint exercise in June 2023.",
        actors=[
            ["Vietnam", "VNM", "VNM", "state"],
            ["Malaysia", "MYS", "MYS", "state"],
            ["Brunei", "BRN", "BRN", "state"],
            CHINA,
        ],
    )
    assert every_pair(out.filter(out["sentence_no"] == 1)) == {}


def test_a_group_after_an_opening_phrase_is_each_listed_state():
    out = statements(
        SAHEL_OPENING,
        "In a joint statement read on national television, the three juntas condemned the Economic Community "
        "of West African States.",
        actors=SAHEL,
    )
    got = stance(out, sentence_no=1)
    assert all(got[(state, "ECOWAS")] < 0 for state in ("NER", "MLI", "BFA"))


def test_a_group_after_a_long_opening_phrase_naming_a_place_is_each_listed_state():
    out = statements(
        SAHEL_OPENING,
        "In a joint communique read on national television in the three countries earlier on Sunday, the "
        'juntas accused the Economic Community of West African States of having "drifted from the ideals of '
        'its founding fathers."',
        actors=SAHEL,
    )
    got = stance(out, sentence_no=1)
    assert {pair for pair in got if pair[0] in ("NER", "MLI", "BFA")} == {
        ("NER", "ECOWAS"),
        ("MLI", "ECOWAS"),
        ("BFA", "ECOWAS"),
    }


THEY_ACCUSED = 'They accused the Economic Community of West African States of imposing "illegal" sanctions.'


def test_they_right_after_a_list_of_states_are_each_of_them():
    out = statements(
        SAHEL_OPENING,
        THEY_ACCUSED,
        actors=SAHEL,
    )
    got = stance(out, sentence_no=1)
    assert all(got[(state, "ECOWAS")] < 0 for state in ("NER", "MLI", "BFA"))


GULF_PAIR = [
    ["Saudi Arabia", "SAU", "SAU", "state"],
    ["Iran", "IRN", "IRN", "state"],
    ["Iraq", "IRQ", "IRQ", "state"],
    ["Oman", "OMN", "OMN", "state"],
    ["China", "CHN", "CHN", "state"],
]


def test_they_after_a_pair_of_states_is_each_of_the_pair_that_opens_the_sentence():
    out = statements(
        "The statement said Saudi Arabia and Iran expressed their appreciation to Iraq and Oman for hosting "
        "rounds of dialogue between the two sides in 2021 and 2022.",
        "They also thanked the leadership and government of China for hosting and sponsoring the talks.",
        actors=GULF_PAIR,
    )
    got = stance(out, sentence_no=1)
    assert got[("SAU", "CHN")] > 0
    assert got[("IRN", "CHN")] > 0
    assert ("IRQ", "CHN") not in got


def test_a_group_noun_without_a_number_does_not_stand_for_a_pair():
    out = statements(
        "Saudi Arabia and Iran restored relations on Friday.",
        "The Gulf states welcomed the step by China.",
        actors=GULF_PAIR,
    )
    assert stance(out, sentence_no=1) == {}


def test_they_far_from_any_list_of_states_is_nobody():
    out = statements(
        SAHEL_OPENING,
        "Trading was thin on Monday.",
        "Markets were closed on Tuesday.",
        "Officials met on Wednesday.",
        THEY_ACCUSED,
        actors=SAHEL,
    )
    assert stance(out, sentence_no=4) == {}


def test_the_three_baltic_states_speak_though_the_article_names_none_of_them():
    out = statements(
        "Poland closed the Russian consulate in Poznan on Tuesday.",
        "The three Baltic states expressed solidarity with Poland in a joint statement issued by their "
        "foreign ministers on Tuesday afternoon.",
        actors=[["Poland", "POL", "POL", "state"], ["Russian", "RUS", "RUS", "state"]],
    )
    assert {src for (src, tgt), polarity in stance(out).items() if tgt == "POL" and polarity > 0} == {
        "EST",
        "LVA",
        "LTU",
    }


def test_the_nordic_countries_without_a_number_are_all_five():
    out = statements("The Nordic countries condemned Russia.", actors=[RUSSIA])
    assert {src for (src, tgt) in stance(out) if tgt == "RUS"} == {"DNK", "FIN", "ISL", "NOR", "SWE"}


def test_a_named_group_counted_other_than_its_members_stands_for_nobody():
    out = statements("The two Baltic states condemned Russia.", actors=[RUSSIA])
    assert out.is_empty()


def test_a_named_group_in_the_opening_phrase_is_not_the_subject():
    out = statements(
        SAHEL_OPENING,
        "In a statement on the Baltic states, the three countries condemned Russia.",
        actors=SAHEL,
    )
    assert {src for (src, tgt) in stance(out, sentence_no=1) if tgt == "RUS"} == {"NER", "MLI", "BFA"}


TRILATERAL = [
    ["Japan", "JPN", "JPN", "state"],
    ["United States", "USA", "USA", "state"],
    ["South Korea", "KOR", "KOR", "state"],
    ["North Korea", "PRK", "PRK", "state"],
    ["Ukraine", "UKR", "UKR", "state"],
    ["China", "CHN", "CHN", "state"],
]
CAMP_DAVID = "The leaders of Japan, the United States and South Korea agreed Friday to hold annual summits."


def test_the_leaders_stand_for_the_states_whose_leaders_the_article_listed():
    """Kyodo on Camp David: "The leaders reaffirmed their support for Ukraine"."""
    out = statements(CAMP_DAVID, "The leaders reaffirmed their support for Ukraine.", actors=TRILATERAL)
    assert set(stance(out, 1)) == {("JPN", "UKR"), ("USA", "UKR"), ("KOR", "UKR")}


def test_the_leaders_after_an_opening_phrase_stand_for_the_listed_states():
    out = statements(
        CAMP_DAVID,
        "In their joint statement, the leaders strongly condemned North Korea's missile launches.",
        actors=TRILATERAL,
    )
    assert set(stance(out, 1)) == {("JPN", "PRK"), ("USA", "PRK"), ("KOR", "PRK")}


def test_the_leaders_do_not_stand_for_a_list_they_did_not_introduce():
    out = statements(
        "Japan, the United States and South Korea held drills on Friday.",
        "The leaders reaffirmed their support for Ukraine.",
        actors=TRILATERAL,
    )
    assert stance(out, 1) == {}
