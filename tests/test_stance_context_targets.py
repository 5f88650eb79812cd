"""A rebuttal that names no target ("dismissed the accusations", "rejected those remarks") answers the one
actor a recent sentence reported against the speaker (monitor.stance_context_targets)."""

from __future__ import annotations

from stance_helpers import stance, statements

NEIGHBOURS = [
    ["India", "IND", "IND", "state"],
    ["Bangladesh", "BGD", "BGD", "state"],
    ["Dhaka", "BGD", "BGD", "capital"],
    ["China", "CHN", "CHN", "state"],
]
CONCERN = (
    "India last week expressed deep concern over the arrest of Hindu monk Chinmoy Krishna Das on sedition "
    "charges and urged Dhaka to ensure the safety of Hindus and other minorities."
)
REJECTED = (
    'Bangladesh\'s foreign ministry rejected those remarks as "unfounded" and said they amounted to '
    "interference in the country's internal affairs."
)


def test_rejected_remarks_answer_the_actor_that_made_them_in_the_previous_sentence():
    assert stance(statements(CONCERN, REJECTED, actors=NEIGHBOURS), 1)[("BGD", "IND")] < 0


def test_two_accusers_in_the_window_leave_the_rebuttal_without_target():
    out = statements(
        CONCERN,
        "China also urged Dhaka to protect minorities.",
        REJECTED,
        actors=NEIGHBOURS,
    )
    assert stance(out, 2) == {}


def test_remarks_of_a_sentence_beyond_the_window_are_not_answered():
    filler = "The Agartala incident came amid sharp exchanges over the treatment of minorities."
    out = statements(CONCERN, filler, filler, filler, REJECTED, actors=NEIGHBOURS)
    assert ("BGD", "IND") not in stance(out, 4)


def test_a_rebuttal_that_names_its_accuser_is_left_to_the_ordinary_rules():
    out = statements(
        CONCERN,
        "Bangladesh rejected the claims by China as baseless.",
        actors=NEIGHBOURS,
    )
    assert ("BGD", "IND") not in stance(out, 1)
