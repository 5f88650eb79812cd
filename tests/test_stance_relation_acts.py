"""Acts on a relation and words on it, as the sets' ministries and leaders put them: ending an agreement,
freezing aid, applause, "an unfriendly step", damage to "the political foundation" of relations; and their
limits: a comma ends a negation, eliminating tariffs or feigning solidarity turns the cue after it, and
neither the country a speaker visits nor the monarch he calls on is a target."""

from __future__ import annotations

from stance_helpers import CHINA, JAPAN, USA, every_pair, stance, statements

FRANCE = ["France", "FRA", "FRA", "state"]
CHAD = ["Chad", "TCD", "TCD", "state"]
BERLIN = ["Berlin", "DEU", "DEU", "state"]
MOSCOW = ["Moscow", "RUS", "RUS", "state"]
CANADA = ["Canada", "CAN", "CAN", "state"]


def test_ending_a_defence_agreement_with_a_state_is_hostile_to_it():
    out = statements(
        "Chad has announced it is ending its defence cooperation agreement with France.",
        actors=[CHAD, FRANCE],
    )
    assert stance(out)[("TCD", "FRA")] < 0


def test_freezing_aid_to_a_state_is_hostile_to_it():
    out = statements(
        "Last month Trump signed an executive order freezing all US aid to South Africa.",
        actors=[
            ["Trump", "donald_trump", "USA", "person"],
            ["US", "USA", "USA", "state"],
            ["South Africa", "ZAF", "ZAF", "state"],
        ],
    )
    assert stance(out)[("USA", "ZAF")] < 0


def test_applauding_two_states_praises_each():
    out = statements(
        'US Ambassador MaryKay Carlson said in a post on X that Washington "applauds" Manila and Tokyo for '
        "strengthening their alliance network.",
        actors=[
            ["US", "USA", "USA", "state"],
            ["Washington", "USA", "USA", "state"],
            ["Manila", "PHL", "PHL", "state"],
            ["Tokyo", "JPN", "JPN", "state"],
        ],
    )
    assert stance(out)[("USA", "PHL")] > 0
    assert stance(out)[("USA", "JPN")] > 0


def test_calling_a_step_unfriendly_denounces_who_took_it():
    """Not only the sentence's faint valence: the word is a denunciation."""
    out = statements("Moscow called Berlin's decision an unfriendly step.", actors=[MOSCOW, BERLIN])
    assert out.filter(source_actor="RUS", target_actor="DEU")["cue_class"].to_list() == ["criticise_denounce"]


def test_damage_to_the_political_foundation_of_relations_is_hostile():
    out = statements(
        "Chinese Foreign Ministry spokesperson Lin Jian said Japan's remarks had seriously damaged the "
        "political foundation of China-Japan relations.",
        actors=[CHINA, ["Lin Jian", "lin_jian", "CHN", "person"], JAPAN],
    )
    assert stance(out)[("CHN", "JPN")] < 0


def test_a_negation_ends_at_a_comma():
    """ "will not back down, accuses Trump of": the accusation stands."""
    out = statements(
        "Trudeau says Canada will not back down, accuses Trump of wanting a total collapse of the Canadian "
        "economy.",
        actors=[
            ["Trudeau", "justin_trudeau", "CAN", "person"],
            CANADA,
            ["Trump", "donald_trump", "USA", "person"],
        ],
    )
    assert stance(out)[("CAN", "USA")] < 0


def test_a_negation_ends_at_and_opening_a_predicate_of_its_own():
    """ "would not change its course and accused the United States": the accusation stands."""
    out = statements(
        'Russia said the sanctions would not change its course and accused the United States of "interfering '
        'in internal affairs."',
        actors=[["Russia", "RUS", "RUS", "state"], USA],
    )
    assert stance(out)[("RUS", "USA")] < 0


def test_a_negation_still_reaches_a_cue_right_after_it_and_its_verb():
    out = statements(
        "Russia did not criticise and condemn the United States.",
        actors=[["Russia", "RUS", "RUS", "state"], USA],
    )
    assert stance(out)[("RUS", "USA")] > 0


def test_a_negation_without_a_comma_still_turns_the_cue():
    out = statements("Canada did not condemn the United States.", actors=[CANADA, USA])
    assert out.filter(source_actor="CAN", target_actor="USA")["negated"].to_list() == [True]


def test_the_country_a_speaker_visits_is_no_target():
    out = statements(
        "Foreign Minister Annalena Baerbock said during a visit to Australia that the attack was "
        "absolutely unacceptable.",
        actors=[
            ["Annalena Baerbock", "annalena_baerbock", "DEU", "person"],
            ["Australia", "AUS", "AUS", "state"],
        ],
    )
    assert ("DEU", "AUS") not in stance(out)


def test_eliminating_tariffs_on_a_states_exports_is_no_sanction():
    out = statements(
        "India and the UK on Thursday signed a comprehensive economic and trade agreement (CETA) that will "
        "eliminate tariffs on about 99 per cent of Indian exports to Britain.",
        actors=[
            ["India", "IND", "IND", "state"],
            ["UK", "GBR", "GBR", "state"],
            ["Indian", "IND", "IND", "state"],
            ["Britain", "GBR", "GBR", "state"],
        ],
    )
    assert min(stance(out).values()) > 0


def test_feigned_solidarity_is_no_solidarity():
    out = statements(
        "Ukraine said Poland was feigning solidarity.",
        actors=[["Ukraine", "UKR", "UKR", "state"], ["Poland", "POL", "POL", "state"]],
    )
    assert all(polarity <= 0 for polarity in every_pair(out).values())


def test_calling_on_a_monarch_is_a_courtesy_call_not_a_demand():
    out = statements(
        "Singapore's prime minister called on the Sultan of Johor, who is also Malaysia's King.",
        "Singapore called on Malaysia to act.",
        actors=[["Singapore", "SGP", "SGP", "state"], ["Malaysia", "MYS", "MYS", "state"]],
    )
    assert stance(out, sentence_no=0) == {}
    assert stance(out, sentence_no=1)[("SGP", "MYS")] < 0
