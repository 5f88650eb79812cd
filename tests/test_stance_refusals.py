"""Refusals a state commits to ("would not allow Moscow to ..."): a demand-like cue that judges the actor it
refuses, not the actors of what it forbids (seeds/stance_cues.csv, demand_classes)."""

from __future__ import annotations

from stance_helpers import every_pair, stance, statements


def test_a_state_that_will_not_allow_another_to_act_is_hostile_to_it():
    out = statements(
        "President Volodymyr Zelensky said in December that Ukraine would not allow Moscow "
        '"to earn additional billions on our blood" and refused to extend the contract.',
        actors=[
            ["Volodymyr Zelensky", "volodymyr_zelensky", "UKR", "person"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Moscow", "RUS", "RUS", "state"],
        ],
    )
    assert stance(out)[("UKR", "RUS")] < 0


def test_a_refusal_does_not_reach_the_actor_it_protects_after_its_to():
    out = statements(
        "President Abdel Fattah El Sisi affirmed on Sunday that Egypt will not allow anyone to threaten "
        "Somalia or affect its security.",
        actors=[
            ["Abdel Fattah El Sisi", "abdel_fattah_el_sisi", "EGY", "person"],
            ["Egypt", "EGY", "EGY", "state"],
            ["Somalia", "SOM", "SOM", "state"],
        ],
    )
    assert every_pair(out).get(("EGY", "SOM"), 0) >= 0


def test_a_refusal_in_a_quote_judges_the_state_named_right_after_it():
    out = statements(
        'Vucic said Serbia "had nothing to do" with the attack and would not allow Kosovo to blame it.',
        actors=[
            ["Vucic", "aleksandar_vucic", "SRB", "person"],
            ["Serbia", "SRB", "SRB", "state"],
            ["Kosovo", "XKX", "XKX", "state"],
        ],
    )
    assert stance(out)[("SRB", "XKX")] < 0
