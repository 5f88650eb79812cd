"""Cue vocabulary of seeds/stance_cues.csv read in real sentence shapes: vetoes, strikes, closures,
backers and partners, appreciation expressed to a state, and how far a demand reaches before a second
predicate."""

from __future__ import annotations

from stance_helpers import JAPAN, RUSSIA, US, every_pair, mutual, stance, statements


def test_calling_a_state_an_important_partner_praises_it():
    out = statements(
        '"Vietnam is an important partner for us," Albanese said.',
        actors=[["Albanese", "anthony_albanese", "AUS", "person"], ["Vietnam", "VNM", "VNM", "state"]],
    )
    assert stance(out)[("AUS", "VNM")] > 0


def test_a_veto_opposes_the_state_that_drafted_the_resolution():
    out = statements(
        "China vetoed a US-drafted Security Council resolution on Myanmar on Friday.",
        actors=[["China", "CHN", "CHN", "state"], US],
    )
    assert stance(out)[("CHN", "USA")] < 0


def test_a_state_that_struck_another_is_hostile_to_it():
    out = statements(
        "Israel struck Iranian air defence sites overnight, the military said.",
        actors=[["Israel", "ISR", "ISR", "state"], ["Iranian", "IRN", "IRN", "state"]],
    )
    assert every_pair(out)[("ISR", "IRN")] < 0
    assert ("IRN", "ISR") not in every_pair(out)


def test_a_deal_struck_between_two_states_is_cooperation():
    out = statements(
        "Japan and India struck a deal on rare earth supplies on Monday.",
        actors=[JAPAN, ["India", "IND", "IND", "state"]],
    )
    got = mutual(out)
    assert got[("JPN", "IND")] > 0 and got[("IND", "JPN")] > 0


def test_a_speaker_who_says_others_are_at_war_with_its_state_is_hostile_to_them():
    out = statements(
        'Putin said NATO countries were now "at war with Russia".',
        actors=[
            ["Putin", "vladimir_putin", "RUS", "person"],
            ["NATO", "NATO", "NATO", "organisation"],
            ["Russia", "RUS", "RUS", "state"],
        ],
    )
    assert stance(out)[("RUS", "NATO")] < 0


def test_a_state_described_as_a_vocal_backer_supports_the_state_it_backs():
    out = statements(
        "Britain is one of Kyiv's most vocal backers, Foreign Secretary David Lammy said.",
        actors=[
            ["Britain", "GBR", "GBR", "state"],
            ["Kyiv", "UKR", "UKR", "state"],
            ["David Lammy", "david_lammy", "GBR", "person"],
        ],
    )
    assert stance(out)[("GBR", "UKR")] > 0


def test_revoking_the_accreditation_of_a_states_nationals_reduces_relations():
    out = statements(
        "Moscow has revoked the accreditation of two German journalists, the foreign ministry said.",
        actors=[["Moscow", "RUS", "RUS", "state"], ["German", "DEU", "DEU", "state"]],
    )
    assert stance(out)[("RUS", "DEU")] < 0


def test_revoking_an_agreement_with_a_state_ends_the_relation():
    out = statements(
        "Niger's military government has revoked an agreement that allowed US troops to operate there.",
        actors=[["Niger", "NER", "NER", "state"], ["US", "USA", "USA", "state"]],
    )
    assert stance(out)[("NER", "USA")] < 0


def test_an_offer_to_help_two_states_supports_both():
    out = statements(
        "Malaysia has offered to help Thailand and Cambodia find a peaceful solution.",
        actors=[
            ["Malaysia", "MYS", "MYS", "state"],
            ["Thailand", "THA", "THA", "state"],
            ["Cambodia", "KHM", "KHM", "state"],
        ],
    )
    got = stance(out)
    assert got[("MYS", "THA")] > 0 and got[("MYS", "KHM")] > 0


def test_good_relations_a_state_wants_with_another_are_positive():
    out = statements(
        "Foreign Adviser Touhid Hossain said Bangladesh wanted good relations with India.",
        actors=[["Bangladesh", "BGD", "BGD", "state"], ["India", "IND", "IND", "state"]],
    )
    assert every_pair(out)[("BGD", "IND")] > 0


def test_a_demand_does_not_reach_past_and_was_into_a_second_predicate():
    out = statements(
        "New Zealand's Defence Minister Judith Collins said Wellington had sought an explanation from "
        "Beijing and was working closely with Australia.",
        actors=[
            ["New Zealand", "NZL", "NZL", "state"],
            ["Wellington", "NZL", "NZL", "state"],
            ["Beijing", "CHN", "CHN", "state"],
            ["Australia", "AUS", "AUS", "state"],
        ],
    )
    got = stance(out)
    assert got[("NZL", "CHN")] < 0
    assert got.get(("NZL", "AUS"), 0) >= 0


def test_regret_does_not_reach_past_but_into_a_second_predicate():
    out = statements(
        "Cambodian Prime Minister Hun Manet said his government regretted the Thai decision, but would not "
        "back down on its request for the International Court of Justice to rule on four disputed areas.",
        actors=[
            ["Cambodian", "KHM", "KHM", "state"],
            ["Thai", "THA", "THA", "state"],
            ["International Court of Justice", "ICJ", "ICJ", "organisation"],
        ],
    )
    got = stance(out)
    assert got[("KHM", "THA")] < 0
    assert ("KHM", "ICJ") not in got


def test_a_name_with_a_letter_outside_ascii_holds_no_negator():
    out = statements(
        "French Foreign Minister Jean-Noël Barrot had visited N'Djamena for talks with President Mahamat "
        "Idriss Déby on the war in neighbouring Sudan.",
        actors=[["French", "FRA", "FRA", "state"], ["N'Djamena", "TCD", "TCD", "state"]],
    )
    assert every_pair(out).get(("FRA", "TCD"), 0) >= 0


def test_coast_guard_vessels_firing_water_cannons_use_force_on_the_ships_they_hit():
    out = statements(
        "The foreign ministry lodged a diplomatic protest after Chinese coast guard vessels fired water "
        "cannons at two Philippine government ships near Scarborough Shoal.",
        actors=[["Chinese", "CHN", "CHN", "state"], ["Philippine", "PHL", "PHL", "state"]],
    )
    assert mutual(out)[("CHN", "PHL")] < 0
    assert ("PHL", "CHN") not in every_pair(out)


def test_a_missile_fired_at_a_state_without_its_firer_is_nobodys_attack():
    out = statements(
        "Warsaw says cruise missile fired at western Ukraine spent 39 seconds over Polish territory",
        actors=[["Warsaw", "POL", "POL", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert ("POL", "UKR") not in every_pair(out)


def test_an_agreement_struck_with_words_between_is_still_an_agreement():
    out = statements(
        "Japan struck a similar agreement with Washington in July.",
        actors=[JAPAN, ["Washington", "USA", "USA", "state"]],
    )
    assert every_pair(out)[("JPN", "USA")] > 0


def test_appreciating_a_states_efforts_praises_it():
    out = statements(
        "Beijing said it appreciated Malaysia's efforts to bring the two sides to the table.",
        actors=[["Beijing", "CHN", "CHN", "capital"], ["Malaysia", "MYS", "MYS", "state"]],
    )
    assert stance(out) == {("CHN", "MYS"): 0.6}


def test_states_turning_to_another_for_assistance_back_it_against_the_one_they_expelled():
    out = statements(
        "Niger, Mali and Burkina Faso have expelled French troops and turned to Russia for security "
        "assistance.",
        actors=[
            ["Niger", "NER", "NER", "state"],
            ["Mali", "MLI", "MLI", "state"],
            ["Burkina Faso", "BFA", "BFA", "state"],
            ["French", "FRA", "FRA", "state"],
            ["Russia", "RUS", "RUS", "state"],
        ],
    )
    got = stance(out)
    assert got[("MLI", "RUS")] > 0 and got[("MLI", "FRA")] < 0


def test_two_countries_that_will_work_together_state_a_mutual_intent_to_cooperate():
    out = statements(
        "Prime Minister Narendra Modi and French President Emmanuel Macron visited the ITER project on "
        "Wednesday.",
        "A joint statement said the two countries would work together on small modular nuclear reactors.",
        actors=[
            ["Narendra Modi", "narendra_modi", "IND", "person"],
            ["French", "FRA", "FRA", "state"],
            ["Emmanuel Macron", "emmanuel_macron", "FRA", "person"],
        ],
    )
    got = mutual(out.filter(out["sentence_no"] == 1))
    assert got == {("IND", "FRA"): 0.5, ("FRA", "IND"): 0.5}


def test_a_state_that_will_work_with_another_intends_to_cooperate_with_it():
    out = statements(
        "Macron said France would work with Washington to monitor the ceasefire.",
        actors=[
            ["Macron", "emmanuel_macron", "FRA", "person"],
            ["France", "FRA", "FRA", "state"],
            ["Washington", "USA", "USA", "capital"],
        ],
    )
    assert stance(out)[("FRA", "USA")] > 0


def test_forces_firing_rockets_into_a_state_use_force_against_it():
    out = statements(
        "Cambodian forces then fired rockets into Thailand's Surin and Si Sa Ket provinces.",
        actors=[["Cambodian", "KHM", "KHM", "state"], ["Thailand", "THA", "THA", "state"]],
    )
    assert every_pair(out)[("KHM", "THA")] < 0
    assert ("THA", "KHM") not in every_pair(out)


def test_a_states_strike_on_anothers_soil_is_force_against_it():
    out = statements(
        "Pakistan retaliated two days after an Iranian strike on Pakistani soil.",
        actors=[
            ["Pakistan", "PAK", "PAK", "state"],
            ["Iranian", "IRN", "IRN", "state"],
            ["Pakistani", "PAK", "PAK", "state"],
        ],
    )
    assert every_pair(out)[("IRN", "PAK")] < 0


def test_reopening_an_embassy_in_a_state_is_friendly_to_it():
    out = statements(
        "Türkiye has reopened its embassy in the Syrian capital Damascus, the Foreign Ministry said on "
        "Saturday.",
        actors=[
            ["Türkiye", "TUR", "TUR", "state"],
            ["Syrian", "SYR", "SYR", "state"],
            ["Damascus", "SYR", "SYR", "state"],
        ],
    )
    assert stance(out)[("TUR", "SYR")] > 0


def test_appreciation_expressed_to_states_praises_each_of_them():
    out = statements(
        "Iran and Saudi Arabia also expressed their appreciation to the Republic of Iraq and the Sultanate "
        "of Oman for hosting rounds of dialogue.",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Saudi Arabia", "SAU", "SAU", "state"],
            ["Republic of Iraq", "IRQ", "IRQ", "state"],
            ["Sultanate of Oman", "OMN", "OMN", "state"],
        ],
    )
    assert set(stance(out)) == {("IRN", "IRQ"), ("IRN", "OMN"), ("SAU", "IRQ"), ("SAU", "OMN")}


def test_a_dear_price_to_pay_is_a_threat():
    out = statements("Russia said the US will have to pay a dear price.", actors=[RUSSIA, US])
    assert stance(out)[("RUS", "USA")] < 0


def test_an_encroachment_on_security_judges_the_actor_that_expands():
    out = statements(
        '"The expansion of NATO is an encroachment on our security and on Russia\'s national interests," '
        "Peskov told reporters.",
        actors=[
            RUSSIA,
            ["Peskov", "dmitry_peskov", "RUS", "spokesperson"],
            ["NATO", "NATO", "NATO", "organisation"],
        ],
    )
    assert stance(out)[("RUS", "NATO")] < 0


def test_calling_an_attack_cowardly_is_a_condemnation_not_a_faint_tone():
    out = statements(
        "Qatar described the Israeli strike as cowardly.",
        actors=[["Qatar", "QAT", "QAT", "state"], ["Israeli", "ISR", "ISR", "state"]],
    )
    assert stance(out)[("QAT", "ISR")] == -0.8
