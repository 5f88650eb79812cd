"""A second clause with its own subject belongs to that subject, not to the actor the sentence opens
with (monitor.stance_clauses); easing or relaxing sanctions is no sanction."""

from __future__ import annotations

from stance_helpers import JAPAN, US, every_pair, statements

MINSK = (
    "Minsk released 52 prisoners after a visit by a US envoy, and Washington eased sanctions on the "
    "Belarusian state airline."
)
ACTORS = [
    ["Minsk", "BLR", "BLR", "state"],
    US,
    ["Washington", "USA", "USA", "state"],
    ["Belarusian", "BLR", "BLR", "state"],
]


def test_the_opening_subject_owns_no_cue_of_a_clause_with_its_own_subject():
    pairs = every_pair(statements(MINSK, actors=ACTORS))
    assert ("BLR", "USA") not in pairs


def test_eased_sanctions_are_no_sanction():
    out = statements(
        "Washington eased sanctions on Belarus's state airline Belavia on Thursday.",
        actors=[["Washington", "USA", "USA", "state"], ["Belarus", "BLR", "BLR", "state"]],
    )
    assert every_pair(out).get(("USA", "BLR"), 0.0) >= 0
    assert ("BLR", "USA") not in every_pair(out)


def test_the_opening_subject_keeps_the_cues_of_its_own_clause():
    out = statements(
        "Russia imposed sanctions on Poland, and Warsaw said it would respond.",
        actors=[
            ["Russia", "RUS", "RUS", "state"],
            ["Poland", "POL", "POL", "state"],
            ["Warsaw", "POL", "POL", "state"],
        ],  # fmt: skip
    )
    assert every_pair(out)[("RUS", "POL")] < 0


def test_a_judgement_of_a_decision_judges_its_agent_not_the_actors_inside_it():
    out = statements(
        "India on Wednesday said the decision by US President Donald Trump to impose an additional 25 per "
        "cent tariff on Indian goods over New Delhi's purchases of Russian oil was \"unfair, unjustified and "
        'unreasonable", and said it would take all actions necessary to protect its national interests.',
        actors=[
            ["India", "IND", "IND", "state"],
            US,
            ["Indian", "IND", "IND", "state"],
            ["New Delhi", "IND", "IND", "state"],
            ["Russian", "RUS", "RUS", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("IND", "USA")] < 0
    assert ("IND", "RUS") not in pairs


def test_a_term_of_a_deal_is_no_stance_between_its_parties():
    out = statements(
        "Japan and the U.S. have reached a trade deal under which Washington will impose a 15% tariff on "
        "Japanese imports, including automobiles, while Tokyo commits to $550 billion in investment in the "
        "United States, President Donald Trump announced on Tuesday U.S. time.",
        actors=[
            JAPAN,
            ["U.S.", "USA", "USA", "state"],
            ["Washington", "USA", "USA", "state"],
            ["Japanese", "JPN", "JPN", "state"],
            ["Tokyo", "JPN", "JPN", "state"],
            ["United States", "USA", "USA", "state"],
            ["President Donald Trump", "donald_trump", "USA", "person"],
        ],
    )
    pairs = every_pair(out)
    assert pairs.get(("USA", "JPN"), 0.0) >= 0
    assert pairs.get(("JPN", "USA"), 0.0) >= 0


def test_removed_trade_barriers_are_no_sanction():
    out = statements(
        "China also agreed to suspend or remove the non-tariff countermeasures it had taken against the "
        "United States since April 2.",
        actors=[["China", "CHN", "CHN", "state"], ["United States", "USA", "USA", "state"]],
    )
    assert every_pair(out).get(("CHN", "USA"), 0.0) >= 0


def test_a_cue_in_a_contrasting_clause_reaches_no_actor_before_it():
    out = statements(
        'European Council President Charles Michel said the rotating presidency had "no mandate to engage '
        'with Russia on behalf of the EU," while European Commission President Ursula von der Leyen accused '
        "Orban of appeasement.",
        actors=[
            ["European Council", "EUCO", "EUCO", "organisation"],
            ["Charles Michel", "charles_michel", "EUCO", "person"],
            ["Russia", "RUS", "RUS", "state"],
            ["EU", "EU", "EU", "organisation"],
            ["European Commission", "EC", "EC", "organisation"],
            ["Orban", "viktor_orban", "HUN", "person"],
        ],
    )
    assert ("EUCO", "RUS") not in every_pair(out)


def test_a_contrasting_clause_of_the_same_state_keeps_its_reach():
    out = statements(
        'Kremlin spokesman Dmitry Peskov called the G7 decision "criminal" and said Moscow would respond, '
        'while the Russian foreign ministry threatened "extremely painful" retaliation against Western '
        "property.",
        actors=[
            ["Kremlin", "RUS", "RUS", "state"],
            ["Dmitry Peskov", "dmitry_peskov", "RUS", "person"],
            ["G7", "G7", "G7", "organisation"],
            ["Moscow", "RUS", "RUS", "state"],
            ["Russian", "RUS", "RUS", "state"],
        ],
    )
    assert every_pair(out)[("RUS", "G7")] < 0
