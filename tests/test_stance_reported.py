"""What a sentence reports is not always a fact or a stance toward everyone it names: a demand's complement,
a hypothetical act, a person's nationality, a co-speaker and the victim of an act the speaker welcomes the
end of (monitor.stance_reach, monitor.stance_predicates, monitor.stance_cue_hits)."""

from __future__ import annotations

from stance_helpers import JAPAN, SOUTH_KOREA, US, every_pair, mutual, statements

INDIA = ["India", "IND", "IND", "state"]
CANADA = ["Canada", "CAN", "CAN", "state"]


def test_cooperation_urged_by_a_third_party_is_no_reported_fact():
    out = statements(
        "British Foreign Secretary David Lammy said he had urged India to co-operate with Canada's "
        "investigation into the killing.",
        actors=[["British", "GBR", "GBR", "state"], INDIA, CANADA],
    )
    assert ("CAN", "IND") not in mutual(out)
    assert ("IND", "CAN") not in mutual(out)


def test_the_victim_of_an_aggression_whose_end_is_welcomed_is_not_judged():
    out = statements(
        "Iran's foreign ministry on Wednesday welcomed the end of Israel's \"aggression against Lebanon\".",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Lebanon", "LBN", "LBN", "state"],
        ],
    )
    assert every_pair(out).get(("IRN", "LBN"), 0.0) >= 0


def test_a_hyphened_demonym_names_a_persons_origins_not_a_state():
    out = statements(
        "Germany called on Algeria to release Boualem Sansal, a French-Algerian writer jailed since "
        "November.",
        actors=[
            ["Germany", "DEU", "DEU", "state"],
            ["Algeria", "DZA", "DZA", "state"],
            ["French", "FRA", "FRA", "state"],
            ["Algerian", "DZA", "DZA", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("DEU", "DZA")] < 0
    assert ("DEU", "FRA") not in pairs


def test_a_hypothetical_attack_in_reported_remarks_is_no_fact():
    out = statements(
        "Takaichi told parliament on November 7 that a Chinese attack on Taiwan could constitute a "
        '"survival-threatening situation" for Japan.',
        actors=[
            ["Takaichi", "JPN", "JPN", "person"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Taiwan", "TWN", "TWN", "state"],
            JAPAN,
        ],
    )
    assert ("CHN", "TWN") not in mutual(out)


def test_an_attack_that_happened_stays_a_fact():
    out = statements(
        "Russia launched an attack on Ukraine's energy grid overnight, officials in Kyiv said.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert every_pair(out)[("RUS", "UKR")] < 0


def test_a_state_joined_to_the_speaking_pronoun_speaks_with_it_and_is_no_target():
    out = statements(
        "SEOUL – Minister of Foreign Affairs United States of America (AS) Antony Blinken said that he and "
        "his colleagues from South Korea (South Korea), Park Jin, has deep concerns regarding the increasing "
        "military cooperation between North Korea (North Korea) and Russia.",
        actors=[
            ["United States of America", "USA", "USA", "state"],
            ["Antony Blinken", "USA", "USA", "person"],
            SOUTH_KOREA,
            ["Park Jin", "KOR", "KOR", "person"],
            ["North Korea", "PRK", "PRK", "state"],
            ["Russia", "RUS", "RUS", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("USA", "PRK")] < 0
    assert ("USA", "KOR") not in pairs


def test_a_hypothetical_attack_is_no_stance_of_its_agent_speaking_in_the_sentence():
    out = statements(
        "China has urged its citizens to avoid traveling to Japan, escalating a diplomatic row over Prime "
        "Minister Sanae Takaichi's remarks that a Chinese attack on Taiwan could constitute a "
        '"survival-threatening situation" for Japan.',
        actors=[
            ["China", "CHN", "CHN", "state"],
            JAPAN,
            ["Sanae Takaichi", "JPN", "JPN", "person"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Taiwan", "TWN", "TWN", "state"],
        ],
    )
    assert ("CHN", "TWN") not in every_pair(out)


def test_a_demand_asks_nothing_of_an_actor_inside_what_it_asks():
    out = statements(
        'In Washington, a State Department spokesperson said the allegations were "extremely serious" and '
        "urged India to co-operate with Canada's investigation.",
        actors=[
            ["Washington", "USA", "USA", "state"],
            ["State Department", "USA", "USA", "institution"],
            INDIA,
            CANADA,
        ],
    )
    pairs = every_pair(out)
    assert pairs[("USA", "IND")] < 0
    assert pairs.get(("USA", "CAN"), 0.0) >= 0


def test_a_hyphened_pair_of_states_keeps_both_states():
    out = statements(
        "Blinken on Tuesday praised the US-Indian partnership.",
        actors=[
            ["Blinken", "USA", "USA", "person"],
            US,
            ["Indian", "IND", "IND", "state"],
        ],
    )
    assert every_pair(out)[("USA", "IND")] > 0
