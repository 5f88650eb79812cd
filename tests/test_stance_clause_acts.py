"""Acts whose agent opens a relative or subordinate clause in the sentence (monitor.stance_clause_acts)."""

from __future__ import annotations

from stance_helpers import every_pair, mutual, stance, statements

US = ["US", "USA", "USA", "state"]
CHINESE = ["Chinese", "CHN", "CHN", "state"]
UNITED_STATES = ["United States", "USA", "USA", "state"]


def test_a_tariff_imposed_in_a_relative_clause_is_the_antecedents_act():
    out = statements(
        "The US, which has imposed a 100 per cent tariff on Chinese EVs, welcomed Brussels' decision.",
        actors=[US, CHINESE, ["Brussels", "EU", "EU", "organisation"]],
    )
    assert mutual(out)[("USA", "CHN")] < 0
    assert stance(out)[("USA", "EU")] > 0


def test_an_expulsion_in_a_subordinate_clause_is_its_subjects_act():
    out = statements(
        "Since August, Brazil has been looking after the Argentine embassy in Caracas, after Venezuela "
        "expelled Argentina's diplomats.",
        actors=[
            ["Brazil", "BRA", "BRA", "state"],
            ["Argentine", "ARG", "ARG", "state"],
            ["Caracas", "VEN", "VEN", "state"],
            ["Venezuela", "VEN", "VEN", "state"],
            ["Argentina", "ARG", "ARG", "state"],
        ],
    )
    assert mutual(out)[("VEN", "ARG")] < 0


PROMPTED = (
    "Ireland, Norway and Spain announced on Wednesday that they would recognize a Palestinian state on "
    "May 28, prompting Israel to immediately recall its ambassadors from Dublin and Oslo."
)
PROMPTED_ACTORS = [
    ["Ireland", "IRL", "IRL", "state"],
    ["Norway", "NOR", "NOR", "state"],
    ["Spain", "ESP", "ESP", "state"],
    ["Palestinian", "PSE", "PSE", "state"],
    ["Israel", "ISR", "ISR", "state"],
    ["Dublin", "IRL", "IRL", "capital"],
    ["Oslo", "NOR", "NOR", "capital"],
]


def test_an_act_a_participle_prompts_is_the_prompted_actors():
    got = mutual(statements(PROMPTED, actors=PROMPTED_ACTORS))
    assert got[("ISR", "IRL")] < 0
    assert got[("ISR", "NOR")] < 0


def test_the_subject_whose_step_prompted_an_act_is_not_its_agent():
    got = every_pair(statements(PROMPTED, actors=PROMPTED_ACTORS))
    assert not {("IRL", "ISR"), ("NOR", "ISR"), ("ESP", "ISR")} & set(got)


def test_the_speaker_does_not_judge_the_agent_of_an_act_named_in_a_relative_clause():
    out = statements(
        "Canada imposed a 100-per-cent surtax on Chinese EVs in October, aligning its policy with the United "
        "States, which quadrupled its tariff on Chinese EVs to 100 per cent last year.",
        actors=[["Canada", "CAN", "CAN", "state"], CHINESE, UNITED_STATES],
    )
    assert mutual(out)[("USA", "CHN")] < 0
    assert stance(out)[("CAN", "CHN")] < 0
    assert ("CAN", "USA") not in stance(out)


def test_an_act_in_the_past_perfect_of_a_relative_clause_is_no_fact_of_the_news():
    out = statements(
        "Canada, which had imposed restrictions on drone parts exports to Türkiye, said last week it would "
        "lift some of them.",
        actors=[["Canada", "CAN", "CAN", "state"], ["Türkiye", "TUR", "TUR", "state"]],
    )
    assert every_pair(out).get(("CAN", "TUR"), 0) >= 0
