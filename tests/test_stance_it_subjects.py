""" "It" opening a sentence as the subject of an act stands for the actor the sentence before was about
(monitor.stance_it_subjects)."""

from __future__ import annotations

from stance_helpers import CHINA, stance, statements

INDIA = ["India", "IND", "IND", "state"]
MEA = ["Ministry of External Affairs", "IND.FOREIGN_MINISTRY", "IND", "institution"]
CANADIAN = ["Canadian", "CAN", "CAN", "state"]
NAURU = ["Nauru", "NRU", "NRU", "state"]
TAIWAN = ["Taiwan", "TWN", "TWN", "state"]
BEIJING = ["Beijing", "CHN", "CHN", "capital"]


def test_it_opening_a_sentence_acts_for_the_source_of_the_sentence_before():
    out = statements(
        "India responded within hours.",
        "The Ministry of External Affairs said it had decided to withdraw High Commissioner Sanjay Kumar "
        'Verma and other "targeted diplomats and officials".',
        "It then ordered six Canadian diplomats, including acting high commissioner Stewart Wheeler, to "
        "leave India by midnight on Saturday.",
        actors=[INDIA, MEA, CANADIAN],
    )
    assert stance(out, sentence_no=2)[("IND", "CAN")] < 0


def test_it_inside_a_sentence_with_its_own_subject_stands_for_nobody_before():
    out = statements(
        "Nauru said it would switch diplomatic recognition from Taiwan to China.",
        "The Presidential Office condemned what it called Beijing's attempts to suppress Taiwan's "
        "international space.",
        actors=[NAURU, TAIWAN, CHINA, BEIJING],
    )
    assert not any(source == "NRU" for source, _ in stance(out, sentence_no=1))
