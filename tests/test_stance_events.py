"""Event cues (attacks, ended relations) and the attribution patterns around them: who acts, who is
hit, and which subject a verb belongs to."""

from __future__ import annotations

from stance_helpers import every_pair, mutual, stance, statements


def test_an_attack_is_a_stance_of_the_attacker_only():
    out = statements(
        "The Turkish army carried out dozens of air strikes on Kurdish militant positions across Iraq.",
        actors=[["Turkish", "TUR", "TUR", "state"], ["Iraq", "IRQ", "IRQ", "state"]],
    )
    got = every_pair(out)
    assert got[("TUR", "IRQ")] < 0
    assert ("IRQ", "TUR") not in got


def test_a_speaker_who_reports_an_attack_takes_no_stance_on_either_side():
    out = statements(
        "Warsaw says a Russian drone that attacked western Ukraine crossed into Polish airspace.",
        actors=[
            ["Warsaw", "POL", "POL", "state"],
            ["Russian", "RUS", "RUS", "state"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Polish", "POL", "POL", "state"],
        ],
    )
    got = stance(out)
    assert ("POL", "UKR") not in got
    assert mutual(out).get(("RUS", "UKR"), 0) < 0
    assert ("UKR", "RUS") not in mutual(out)


def test_the_victim_of_a_condemned_attack_is_not_judged_by_the_condemner():
    out = statements(
        "Jordan condemned the Israeli incursion, saying it would undermine Syria's stability.",
        actors=[
            ["Jordan", "JOR", "JOR", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Syria", "SYR", "SYR", "state"],
        ],
    )
    got = stance(out)
    assert got[("JOR", "ISR")] < 0
    assert ("JOR", "SYR") not in got


def test_an_attack_after_a_clause_break_leaves_the_earlier_actor_out():
    out = statements(
        "Bahrain cut ties with Iran in 2016 after protesters attacked Bahraini diplomatic missions.",
        actors=[
            ["Bahrain", "BHR", "BHR", "state"],
            ["Iran", "IRN", "IRN", "state"],
            ["Bahraini", "BHR", "BHR", "state"],
        ],
    )
    assert ("IRN", "BHR") not in every_pair(out)


def test_forces_of_two_states_that_fought_are_hostile_both_ways():
    out = statements(
        "Armenian and Azeri troops fought along the border for two days in September.",
        actors=[["Armenian", "ARM", "ARM", "state"], ["Azeri", "AZE", "AZE", "state"]],
    )
    got = mutual(out)
    assert got[("ARM", "AZE")] < 0 and got[("AZE", "ARM")] < 0


def test_a_state_named_before_a_relative_clause_is_the_subject_of_its_verb():
    out = statements(
        "Hungary, which accuses Kyiv of mistreating its ethnic minority, blocked the aid package on Monday.",
        actors=[["Hungary", "HUN", "HUN", "state"], ["Kyiv", "UKR", "UKR", "state"]],
    )
    assert every_pair(out)[("HUN", "UKR")] < 0


def test_a_participle_after_a_comma_leaves_the_actor_before_it_a_target():
    out = statements(
        "Burundi on Friday announced its withdrawal from the East African Community, "
        "accusing the bloc of bias.",
        actors=[
            ["Burundi", "BDI", "BDI", "state"],
            ["East African Community", "EAC", "EAC", "organisation"],
        ],
    )
    assert every_pair(out)[("BDI", "EAC")] < 0


def test_an_urging_reaches_only_the_actor_it_urges():
    out = statements(
        "Spain abstained after its prime minister visited Beijing and urged the commission to reconsider.",
        actors=[["Spain", "ESP", "ESP", "state"], ["Beijing", "CHN", "CHN", "state"]],
    )
    assert stance(out).get(("ESP", "CHN"), 0) >= 0


def test_lifting_a_restriction_reads_as_easing_not_as_a_sanction():
    out = statements(
        "Beijing said it would lift restrictions imposed on Australian barley.",
        actors=[["Beijing", "CHN", "CHN", "state"], ["Australian", "AUS", "AUS", "state"]],
    )
    assert every_pair(out)[("CHN", "AUS")] > 0


def test_rescinding_sanctions_is_no_sanction():
    out = statements(
        "Washington said it had rescinded sanctions against Syria.",
        actors=[["Washington", "USA", "USA", "state"], ["Syria", "SYR", "SYR", "state"]],
    )
    assert every_pair(out)[("USA", "SYR")] > 0


def test_called_introduces_the_speakers_judgement():
    out = statements(
        'Seoul called the decision by Tokyo "deeply regrettable".',
        actors=[["Seoul", "KOR", "KOR", "state"], ["Tokyo", "JPN", "JPN", "state"]],
    )
    assert every_pair(out)[("KOR", "JPN")] < 0


def test_a_denied_attack_without_a_named_attacker_keeps_the_speakers_stance():
    out = statements(
        "Russia denied reports that it had shelled a village on the border with Ukraine.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert stance(out)[("RUS", "UKR")] < 0


def test_the_victim_of_an_attack_by_an_actor_named_well_before_it_is_not_judged_by_the_speaker():
    out = statements(
        "Egypt described Turkey's move as a dangerous escalation and a flagrant attack on Iraq's borders.",
        actors=[
            ["Egypt", "EGY", "EGY", "state"],
            ["Turkey", "TUR", "TUR", "state"],
            ["Iraq", "IRQ", "IRQ", "state"],
        ],
    )
    got = stance(out)
    assert got[("EGY", "TUR")] < 0
    assert ("EGY", "IRQ") not in got


def test_a_refusal_to_support_is_a_negative_stance_of_the_one_who_refused():
    out = statements(
        "Hungary refused to support Ukraine's request to open accession talks this year.",
        actors=[["Hungary", "HUN", "HUN", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert stance(out)[("HUN", "UKR")] < 0


def test_an_attack_outweighs_another_relation_of_the_same_pair():
    out = statements(
        "Manila lodged a diplomatic protest on Monday after Chinese coast guard vessels fired water cannons "
        "at a Philippine supply boat near Second Thomas Shoal.",
        actors=[
            ["Manila", "PHL", "PHL", "state"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Philippine", "PHL", "PHL", "state"],
        ],
    )
    assert mutual(out)[("CHN", "PHL")] < 0


def test_the_agent_of_an_act_named_after_by_is_no_victim_spared_from_the_speaker():
    out = statements(
        "Tokyo lodged a strong protest with Beijing after a Chinese military surveillance plane violated "
        "Japanese airspace off Nagasaki Prefecture on Aug. 26, the first confirmed intrusion by a Chinese "
        "military aircraft.",
        actors=[
            ["Tokyo", "JPN", "JPN", "state"],
            ["Beijing", "CHN", "CHN", "state"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Japanese", "JPN", "JPN", "state"],
        ],
    )
    assert stance(out)[("JPN", "CHN")] < 0
