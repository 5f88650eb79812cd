"""Material acts named by their verb, with no evaluative word (seeds/stance_cues.csv): surtaxes and duties,
deportations, retaliation, investigations into imports, exchanges of fire, troops sent, imports resumed,
membership joined, personnel and aid sent, airspace violated, imports suspended, an apology."""

from __future__ import annotations

from stance_helpers import CHINA, JAPAN, every_pair, mutual, stance, statements

EU = ["EU", "EU", "EU", "organisation"]


def test_a_surtax_imposed_on_a_states_goods_is_hostile_to_that_state():
    out = statements(
        "Canada imposed a 100 per cent surtax on Chinese electric vehicles and a 25 per cent surtax on "
        "Chinese steel and aluminum in October.",
        actors=[["Canada", "CAN", "CAN", "state"], ["Chinese", "CHN", "CHN", "state"]],
    )
    assert every_pair(out)[("CAN", "CHN")] < 0
    assert ("CHN", "CAN") not in every_pair(out)


def test_duties_imposed_on_imports_from_a_bloc_are_hostile_to_the_bloc():
    out = statements(
        "China has imposed provisional duties of up to 39 per cent on imports of brandy from the EU.",
        actors=[CHINA, EU],
    )
    assert stance(out)[("CHN", "EU")] < 0


def test_deporting_a_states_nationals_is_hostile_to_that_state():
    out = statements(
        "The Dominican Republic has closed its border and deported tens of thousands of Haitians this year.",
        actors=[["Dominican Republic", "DOM", "DOM", "state"], ["Haitians", "HTI", "HTI", "state"]],
    )
    assert stance(out)[("DOM", "HTI")] < 0


def test_retaliating_against_a_state_is_hostile_to_it():
    out = statements(
        "Seoul retaliated by taking Japan off its own list.",
        actors=[["Seoul", "KOR", "KOR", "state"], JAPAN],
    )
    assert stance(out)[("KOR", "JPN")] < 0


def test_opening_investigations_into_a_blocs_imports_is_hostile_to_the_bloc():
    out = statements(
        "Beijing has also opened investigations into EU pork and dairy imports.",
        actors=[["Beijing", "CHN", "CHN", "state"], EU],
    )
    assert stance(out)[("CHN", "EU")] < 0


def test_two_states_that_exchanged_artillery_fire_are_hostile_to_each_other():
    out = statements(
        "Thailand and Cambodia exchanged artillery and rocket fire along their disputed border today.",
        actors=[["Thailand", "THA", "THA", "state"], ["Cambodia", "KHM", "KHM", "state"]],
    )
    got = mutual(out)
    assert got[("THA", "KHM")] < 0 and got[("KHM", "THA")] < 0


def test_sending_troops_to_a_states_province_cooperates_with_that_state():
    out = statements(
        "Rwanda will send additional troops to the northern Mozambican province of Cabo Delgado.",
        actors=[["Rwanda", "RWA", "RWA", "state"], ["Mozambican", "MOZ", "MOZ", "state"]],
    )
    assert every_pair(out)[("RWA", "MOZ")] > 0


def test_resuming_imports_from_a_state_is_cooperation_with_it():
    out = statements(
        "China will resume imports of seafood from 37 of Japan's 47 prefectures.",
        actors=[CHINA, JAPAN],
    )
    assert every_pair(out)[("CHN", "JPN")] > 0


def test_joining_a_group_as_a_member_is_cooperation_between_the_state_and_the_group():
    out = statements(
        "Indonesia has joined the BRICS group of major emerging economies as a full member.",
        actors=[["Indonesia", "IDN", "IDN", "state"], ["BRICS", "BRICS", "BRICS", "organisation"]],
    )
    got = mutual(out)
    assert got[("IDN", "BRICS")] > 0 and got[("BRICS", "IDN")] > 0


def test_an_attack_by_a_state_on_another_is_the_attackers_act_alone():
    out = statements(
        "The operation was the first direct military attack by Iran on the Israeli regime from its own "
        "territory.",
        actors=[["Iran", "IRN", "IRN", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert every_pair(out)[("IRN", "ISR")] < 0
    assert ("ISR", "IRN") not in every_pair(out)


def test_cutting_levies_on_a_states_imports_is_no_hostility_toward_it():
    out = statements(
        "America will cut its levies on Chinese imports from 145% to 30%.",
        actors=[["America", "USA", "USA", "state"], ["Chinese", "CHN", "CHN", "state"]],
    )
    assert all(p >= 0 for p in every_pair(out).values())


def test_states_pledging_to_send_personnel_to_a_state_support_it():
    out = statements(
        "The Bahamas, Jamaica and Belize have pledged to send personnel to Haiti.",
        actors=[
            ["The Bahamas", "BHS", "BHS", "state"],
            ["Jamaica", "JAM", "JAM", "state"],
            ["Belize", "BLZ", "BLZ", "state"],
            ["Haiti", "HTI", "HTI", "state"],
        ],
    )
    got = stance(out)
    assert all(got[(state, "HTI")] > 0 for state in ("BHS", "JAM", "BLZ"))


def test_aid_sent_through_a_state_supports_its_recipient_not_the_route():
    out = statements(
        "Malaysia had sent 100 tonnes of humanitarian aid to Gaza through Egypt.",
        actors=[
            ["Malaysia", "MYS", "MYS", "state"],
            ["Gaza", "PSE", "PSE", "state"],
            ["Egypt", "EGY", "EGY", "state"],
        ],
    )
    got = every_pair(out)
    assert got[("MYS", "PSE")] > 0
    assert ("MYS", "EGY") not in got


def test_an_aircraft_violating_a_states_airspace_is_its_states_act_against_that_state():
    out = statements(
        "Japan's government has lodged a strong protest with China after a Chinese military aircraft "
        "violated Japanese airspace for the first time.",
        actors=[JAPAN, CHINA, ["Chinese", "CHN", "CHN", "state"], ["Japanese", "JPN", "JPN", "state"]],
    )
    assert every_pair(out)[("CHN", "JPN")] < 0
    assert every_pair(out)[("JPN", "CHN")] < 0


def test_a_state_that_notified_another_it_is_suspending_imports_sanctions_it():
    out = statements(
        "China has notified Japan that it is suspending imports of Japanese seafood, Kyodo News reported.",
        actors=[CHINA, JAPAN, ["Japanese", "JPN", "JPN", "state"]],
    )
    assert stance(out) == {("CHN", "JPN"): -0.6}


def test_an_apology_to_a_state_is_a_friendly_gesture_toward_it():
    """Al Jazeera: "Russian President Vladimir Putin apologised to Aliyev in a phone call"."""
    out = statements(
        "Russia apologised to Azerbaijan in a phone call on Saturday.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Azerbaijan", "AZE", "AZE", "state"]],
    )
    assert stance(out) == {("RUS", "AZE"): 0.5}
