"""A judgement in a relative clause with subjects of its own is theirs, of the act of the sentence's subject
(monitor.stance_relative_objects)."""

from __future__ import annotations

from stance_helpers import stance, statements

NORTH_KOREA = ["North Korea", "PRK", "PRK", "state"]
SEOUL = ["Seoul", "KOR", "KOR", "capital"]
WASHINGTON = ["Washington", "USA", "USA", "capital"]
TOKYO = ["Tokyo", "JPN", "JPN", "capital"]
TURKEY = ["Turkey", "TUR", "TUR", "state"]
ISRAEL = ["Israel", "ISR", "ISR", "state"]
CHINESE = ["Chinese", "CHN", "CHN", "state"]
AUSTRALIAN = ["Australian", "AUS", "AUS", "state"]
CANBERRA = ["Canberra", "AUS", "AUS", "capital"]
BEIJING = ["Beijing", "CHN", "CHN", "capital"]


def test_the_states_a_relative_clause_opens_with_condemn_the_act_of_the_sentence_subject():
    out = statements(
        "North Korea also fired 18 short-range ballistic missiles into the East Sea on Thursday last week, "
        'in what it called a demonstration of "pre-emptive" strike capability, a launch that Seoul, '
        "Washington and Tokyo jointly condemned.",
        actors=[NORTH_KOREA, SEOUL, WASHINGTON, TOKYO],
    )
    got = stance(out)
    for state in ("KOR", "USA", "JPN"):
        assert got[(state, "PRK")] < 0
        assert ("PRK", state) not in got


def test_a_position_a_state_has_condemned_is_judged_by_that_state():
    out = statements(
        'Turkey has described Hamas as a "liberation movement" rather than a terrorist organization, a '
        "position that Israel has condemned.",
        actors=[TURKEY, ISRAEL],
    )
    got = stance(out)
    assert got[("ISR", "TUR")] < 0
    assert ("TUR", "ISR") not in got


def test_a_relative_clause_naming_its_own_object_keeps_that_object():
    out = statements(
        "In May a Chinese fighter jet dropped flares in the path of an Australian navy helicopter, an "
        "incident that Canberra protested to Beijing.",
        actors=[CHINESE, AUSTRALIAN, CANBERRA, BEIJING],
    )
    assert stance(out)[("AUS", "CHN")] < 0
