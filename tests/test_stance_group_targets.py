"""A counted group as an object stands for each state of the latest list of that many named before it
(monitor.stance_group_targets)."""

from __future__ import annotations

from stance_helpers import stance, statements

RECOGNITION = [
    ["Spain", "ESP", "ESP", "state"],
    ["Ireland", "IRL", "IRL", "state"],
    ["Norway", "NOR", "NOR", "state"],
    ["Israel", "ISR", "ISR", "state"],
    ["Katz", "israel_katz", "ISR", "person"],
]
LIST_OF_THREE = "Spain, Ireland and Norway on Tuesday formally announced the step."


def test_summoning_the_ambassadors_of_the_three_countries_reduces_relations_with_each():
    out = statements(
        LIST_OF_THREE,
        "Israel's foreign minister Katz summoned the ambassadors of the three countries for a reprimand.",
        actors=RECOGNITION,
    )
    got = stance(out, sentence_no=1)
    assert all(got[("ISR", state)] < 0 for state in ("ESP", "IRL", "NOR"))


def test_a_group_of_another_size_than_the_list_names_nobody():
    out = statements(
        LIST_OF_THREE,
        "Israel's foreign minister Katz summoned the ambassadors of the four countries for a reprimand.",
        actors=RECOGNITION,
    )
    assert stance(out, sentence_no=1) == {}
