"""Material acts reported as fact, with one actor as agent and another as patient: the agent's stance toward
the patient, in the event-coding class of the act (reduce relations, expel, sanction, use force, protest)."""

from __future__ import annotations

from stance_helpers import every_pair, mutual, stance, statements

FRANCE = ["France", "FRA", "FRA", "state"]
NIGER = ["Niger", "NER", "NER", "state"]


def test_withdrawing_an_ambassador_from_a_state_reduces_relations_with_it():
    out = statements(
        "France would withdraw its ambassador from Niger within hours and pull out its troops by the end of "
        "the year, Macron said.",
        actors=[FRANCE, NIGER, ["Macron", "emmanuel_macron", "FRA", "person"]],
    )
    assert stance(out)[("FRA", "NER")] < 0


def test_banning_a_states_aircraft_sanctions_that_state():
    out = statements(
        "Niamey on Sunday also banned French aircraft from its airspace.",
        actors=[["Niamey", "NER", "NER", "state"], ["French", "FRA", "FRA", "state"]],
    )
    assert stance(out)[("NER", "FRA")] < 0


def test_ordering_a_states_diplomats_out_expels_them():
    out = statements(
        "New Delhi ordered six Canadian diplomats, including acting high commissioner Stewart Wheeler, "
        "to leave India by Saturday.",
        actors=[
            ["New Delhi", "IND", "IND", "state"],
            ["Canadian", "CAN", "CAN", "state"],
            ["India", "IND", "IND", "state"],
        ],
    )
    assert stance(out)[("IND", "CAN")] < 0


def test_freezing_participation_in_an_organisation_reduces_relations_with_it():
    out = statements(
        "Armenia has effectively frozen its participation in the Collective Security Treaty Organization "
        "(CSTO) because the Russian-led bloc failed to meet its obligations to Yerevan, Prime Minister "
        "Nikol Pashinyan said.",
        actors=[
            ["Armenia", "ARM", "ARM", "state"],
            ["Collective Security Treaty Organization", "CSTO", "CSTO", "organisation"],
            ["CSTO", "CSTO", "CSTO", "organisation"],
            ["Nikol Pashinyan", "nikol_pashinyan", "ARM", "person"],
        ],
    )
    assert stance(out)[("ARM", "CSTO")] < 0


def test_breaking_off_relations_outweighs_the_word_relations():
    out = statements(
        "Mexico has broken off diplomatic relations with Ecuador.",
        actors=[["Mexico", "MEX", "MEX", "state"], ["Ecuador", "ECU", "ECU", "state"]],
    )
    assert stance(out)[("MEX", "ECU")] < 0


def test_police_forcing_their_way_into_an_embassy_is_force_against_its_state():
    out = statements(
        "Ecuadorian police forced their way into the Mexican embassy in Quito on Friday night.",
        actors=[["Ecuadorian", "ECU", "ECU", "state"], ["Mexican", "MEX", "MEX", "state"]],
    )
    pairs = every_pair(out)
    assert pairs[("ECU", "MEX")] < 0
    assert ("MEX", "ECU") not in pairs


def test_lodging_a_complaint_with_an_embassy_protests_to_its_state():
    out = statements(
        "Wellington lodged a complaint with the Chinese embassy.",
        actors=[["Wellington", "NZL", "NZL", "state"], ["Chinese", "CHN", "CHN", "state"]],
    )
    assert stance(out)[("NZL", "CHN")] < 0


def test_lifting_export_controls_on_a_states_goods_is_no_hostility_toward_it():
    out = statements(
        "Tokyo announced on the same day that it would lift export controls on three key materials for "
        "Korean semiconductors and displays.",
        actors=[["Tokyo", "JPN", "JPN", "state"], ["Korean", "KOR", "KOR", "state"]],
    )
    assert stance(out)[("JPN", "KOR")] > 0


def test_voting_to_close_a_states_embassy_is_hostile_to_that_state():
    out = statements(
        "South Africa recalled its diplomats from Tel Aviv in November and Parliament voted for the closure "
        "of the Israeli embassy in Pretoria.",
        actors=[["South Africa", "ZAF", "ZAF", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert stance(out)[("ZAF", "ISR")] < 0


def test_firing_at_a_states_border_posts_is_force_against_that_state():
    out = statements(
        "Afghan forces later fired at Pakistani border posts in Kurram, according to security officials.",
        actors=[["Afghan", "AFG", "AFG", "state"], ["Pakistani", "PAK", "PAK", "state"]],
    )
    assert every_pair(out)[("AFG", "PAK")] < 0


def test_a_states_border_stays_a_place_and_no_target():
    out = statements(
        "Russia accused Ukraine of shelling villages on the Belarusian border.",
        actors=[
            ["Russia", "RUS", "RUS", "state"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Belarusian", "BLR", "BLR", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("RUS", "UKR")] < 0
    assert ("RUS", "BLR") not in pairs


def test_a_relative_clause_after_a_bracketed_acronym_is_the_acts_agent():
    out = statements(
        "The Economic Community of West African States (ECOWAS), which imposed sweeping sanctions on Niger "
        "after the coup, has threatened to use force as a last resort to reinstate Bazoum.",
        actors=[
            ["Economic Community of West African States", "ECOWAS", "ECOWAS", "organisation"],
            ["ECOWAS", "ECOWAS", "ECOWAS", "organisation"],
            NIGER,
        ],
    )
    assert stance(out)[("ECOWAS", "NER")] < 0


def test_an_attack_on_people_in_a_state_is_an_attack_on_that_state():
    out = statements(
        "The deal comes a week after Israel struck Hamas officials in Qatar, an attack that Riyadh "
        'condemned as a "brutal aggression."',
        actors=[
            ["Israel", "ISR", "ISR", "state"],
            ["Qatar", "QAT", "QAT", "state"],
            ["Riyadh", "SAU", "SAU", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("ISR", "QAT")] < 0
    assert ("QAT", "ISR") not in pairs and ("SAU", "QAT") not in pairs


def test_missiles_fired_at_targets_in_two_states_attack_both():
    out = statements(
        "The Iranian attack came a day after Tehran fired missiles at targets in Iraq's Kurdistan region "
        "and in Syria.",
        actors=[
            ["Tehran", "IRN", "IRN", "state"],
            ["Iraq", "IRQ", "IRQ", "state"],
            ["Syria", "SYR", "SYR", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("IRN", "IRQ")] < 0 and pairs[("IRN", "SYR")] < 0


def test_a_strike_on_a_consulate_in_a_capital_is_no_attack_on_the_host_state():
    out = statements(
        "Iran launched more than 300 drones and missiles at Israel on Saturday night in its first ever "
        "direct attack on Israeli territory, in retaliation for a suspected Israeli strike on its consulate "
        "in Damascus.",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Damascus", "SYR", "SYR", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("IRN", "ISR")] < 0
    assert ("ISR", "SYR") not in pairs and ("IRN", "SYR") not in pairs


def test_a_state_condemning_a_strike_in_a_capital_judges_no_host_state():
    out = statements(
        "Jordan condemned the Israeli strike in Damascus on Tuesday.",
        actors=[
            ["Jordan", "JOR", "JOR", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Damascus", "SYR", "SYR", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("JOR", "ISR")] < 0
    assert ("JOR", "SYR") not in pairs


def test_an_act_after_a_clause_break_belongs_to_its_own_agent_not_to_earlier_joint_subjects():
    out = statements(
        "The Zapad 2025 drills, which Moscow and Minsk say are purely defensive, come days after Polish "
        "forces shot down Russian drones that had entered Polish airspace.",
        actors=[
            ["Moscow", "RUS", "RUS", "state"],
            ["Minsk", "BLR", "BLR", "state"],
            ["Polish", "POL", "POL", "state"],
            ["Russian", "RUS", "RUS", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("POL", "RUS")] < 0
    assert ("BLR", "POL") not in pairs and ("RUS", "POL") not in pairs


def test_an_agent_described_at_length_before_its_act_is_still_its_agent():
    out = statements(
        "MANILA, Philippines – China Coast Guard personnel armed with axes, knives and spears boarded "
        "Philippine Navy boats, seized seven rifles and injured at least eight sailors during a resupply "
        "mission, the military said on Wednesday.",
        actors=[
            ["Philippines", "PHL", "PHL", "state"],
            ["China", "CHN", "CHN", "state"],
            ["Philippine", "PHL", "PHL", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("CHN", "PHL")] < 0
    assert ("PHL", "CHN") not in pairs


def test_a_distant_actor_with_a_cue_between_it_and_the_act_is_no_agent_of_the_act():
    out = statements(
        "Talks with Chinese diplomats were welcomed last week as an unmarked vessel rammed a Philippine boat "
        "near the shoal.",
        actors=[["Chinese", "CHN", "CHN", "state"], ["Philippine", "PHL", "PHL", "state"]],
    )
    assert ("CHN", "PHL") not in mutual(out)


def test_a_ban_named_as_its_agents_noun_is_that_agents_act_against_the_banned():
    out = statements(
        "Relations between Tokyo and Beijing have also been strained by China's ban on Japanese seafood "
        "imports, imposed a year ago.",
        actors=[
            ["Tokyo", "JPN", "JPN", "state"],
            ["Beijing", "CHN", "CHN", "state"],
            ["China", "CHN", "CHN", "state"],
            ["Japanese", "JPN", "JPN", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("CHN", "JPN")] < 0
    assert ("JPN", "CHN") not in pairs


def test_an_expulsion_named_as_its_agents_noun_is_that_agents_act_inside_a_report_of_another():
    out = statements(
        "In May, Russia expelled the British defense attaché in response to the UK's expulsion of the "
        "Russian military attaché in London.",
        actors=[
            ["Russia", "RUS", "RUS", "state"],
            ["British", "GBR", "GBR", "state"],
            ["UK", "GBR", "GBR", "state"],
            ["Russian", "RUS", "RUS", "state"],
            ["London", "GBR", "GBR", "state"],
        ],
    )
    pairs = every_pair(out)
    assert pairs[("RUS", "GBR")] < 0 and pairs[("GBR", "RUS")] < 0


RED_SEA = [
    ["Iran", "IRN", "IRN", "state"],
    ["US", "USA", "USA", "state"],
    ["British", "GBR", "GBR", "state"],
]


def test_an_attack_in_a_relative_clause_said_of_a_non_actor_is_not_the_earlier_states():
    out = statements(
        "The strikes came with Iran backing the Houthis, whose attacks on shipping in the Red Sea have drawn "
        "US and British air strikes.",
        actors=RED_SEA,
    )
    assert ("IRN", "USA") not in every_pair(out)
    assert ("IRN", "GBR") not in every_pair(out)


def test_an_attack_in_a_relative_clause_said_of_the_state_is_its_own():
    out = statements(
        "Iran, whose attacks on shipping in the Red Sea have drawn US and British air strikes, denied it.",
        actors=RED_SEA,
    )
    assert mutual(out)[("IRN", "USA")] < 0
