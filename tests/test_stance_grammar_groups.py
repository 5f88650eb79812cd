"""A group without a number opening a sentence ("The juntas have expelled") stands for the states of the
latest list of three or more named before it (monitor.stance_group_subjects)."""

from __future__ import annotations

from stance_helpers import SAHEL, SAHEL_OPENING, stance, statements


def test_the_juntas_after_a_list_of_states_are_each_of_them():
    out = statements(
        SAHEL_OPENING,
        "The bloc at one point threatened military intervention in Niger.",
        "The juntas have expelled French troops and turned to Russia for security support.",
        actors=SAHEL,
    )
    got = stance(out, sentence_no=2)
    for state in ("NER", "MLI", "BFA"):
        assert got[(state, "FRA")] < 0


def test_the_juntas_with_no_list_before_name_nobody():
    out = statements(
        "The juntas have expelled French troops and turned to Russia for security support.",
        actors=SAHEL,
    )
    assert stance(out) == {}
