"""A quote that runs over several sentences has the speaker named where it closes, not the one of the
sentences before it."""

from __future__ import annotations

from stance_helpers import stance, statements

QUOTE_ACTORS = [
    ["Lin Jian", "lin_jian", "CHN", "person"],
    ["Beijing", "CHN", "CHN", "state"],
    ["Pakistan", "PAK", "PAK", "state"],
    ["Afghan", "AFG", "AFG", "state"],
    ["Mumtaz Zahra Baloch", "mumtaz_zahra_baloch", "PAK", "person"],
]


def test_a_quote_opening_without_a_speaker_takes_the_speaker_named_where_it_closes():
    out = statements(
        "Chinese Foreign Ministry spokesperson Lin Jian said Beijing would continue to support Pakistan.",
        '"We have repeatedly shared evidence with the Afghan authorities and condemn their failure to act.',
        'We expect them to act, and to act now," Mumtaz Zahra Baloch said.',
        actors=QUOTE_ACTORS,
    )
    got = stance(out, sentence_no=1)
    assert got[("PAK", "AFG")] < 0
    assert not any(source == "CHN" for source, _ in got)


def test_a_quote_closed_in_its_own_sentence_keeps_the_speaker_of_the_sentence_before():
    out = statements(
        "Mumtaz Zahra Baloch said Pakistan's patience was not unlimited.",
        '"We condemn the Afghan authorities for sheltering the TTP."',
        'Chinese Foreign Ministry spokesperson Lin Jian said Beijing would "continue to support" Pakistan.',
        actors=QUOTE_ACTORS,
    )
    assert stance(out, sentence_no=1)[("PAK", "AFG")] < 0
