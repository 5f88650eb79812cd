"""Relation nouns (relations, cooperation, a treaty, talks) read through the verb that governs them and the
frame they stand in: a relation broken off or endangered is hostile, one offered or considered is no
reported fact, one dated years back is history, and two actors listed after it are no pair."""

from __future__ import annotations

from datetime import date

import polars as pl
from stance_helpers import DETERRENCE, DETERRENCE_ACTORS, every_pair, mutual, stance, statements

MEXICO = ["Mexico", "MEX", "MEX", "state"]
ECUADOR = ["Ecuador", "ECU", "ECU", "state"]
EGYPT = ["Egypt", "EGY", "EGY", "state"]
ISRAEL = ["Israel", "ISR", "ISR", "state"]
CHINA_NAME = ["China", "CHN", "CHN", "state"]
TAIWAN = ["Taiwan", "TWN", "TWN", "state"]


def published(day: date) -> pl.DataFrame:
    return pl.DataFrame({"article_id": ["a1"], "published_on": [day]})


def test_relations_broken_off_are_a_hostile_stance_toward_the_other_state():
    out = statements(
        "Mexico has broken off diplomatic relations with Ecuador after Ecuadorian police forced their way "
        "into the Mexican embassy in Quito to arrest a former vice-president who had been granted asylum "
        "there.",
        actors=[MEXICO, ECUADOR, ["Ecuadorian", "ECU", "ECU", "state"], ["Mexican", "MEX", "MEX", "state"]],
    )
    assert stance(out)[("MEX", "ECU")] < 0
    assert not any(p > 0 for p in every_pair(out).values())


def test_a_treaty_an_offensive_could_threaten_is_no_cooperation_with_the_attacker():
    out = statements(
        'Egypt has repeatedly warned that an Israeli ground offensive in Rafah would have "disastrous '
        'consequences" and could threaten its peace treaty with Israel.',
        actors=[EGYPT, ["Israeli", "ISR", "ISR", "state"], ISRAEL],
    )
    assert not any(p > 0 for p in every_pair(out).values())


def test_dialogue_a_state_is_open_to_is_no_reported_dialogue():
    out = statements(
        'Foreign Minister Dmytro Kuleba said Ukraine was "open to dialogue" with Hungary and ready to '
        "arrange a meeting between Zelensky and Orban.",
        actors=[
            ["Dmytro Kuleba", "dmytro_kuleba", "UKR", "person"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Hungary", "HUN", "HUN", "state"],
        ],
    )
    assert ("HUN", "UKR") not in mutual(out)
    assert stance(out)[("UKR", "HUN")] > 0


def test_arms_a_state_considers_supplying_are_no_support():
    out = statements(
        "Seoul would review the possibility of supplying arms to Ukraine in response, a senior official "
        "said.",
        actors=[["Seoul", "KOR", "KOR", "state"], ["Ukraine", "UKR", "UKR", "state"]],
    )
    assert ("KOR", "UKR") not in every_pair(out)


def test_a_treaty_signed_decades_before_the_article_is_history():
    out = statements(
        "Egypt and Israel signed a peace treaty in 1979, the first between Israel and an Arab state.",
        actors=[EGYPT, ISRAEL],
        published=published(date(2024, 2, 11)),
    )
    assert out.is_empty()


def test_a_treaty_signed_in_the_articles_year_is_a_fact():
    out = statements(
        "Egypt and Israel signed a border treaty in 2024, officials said.",
        actors=[EGYPT, ISRAEL],
        published=published(date(2024, 2, 11)),
    )
    assert mutual(out)[("EGY", "ISR")] > 0


def test_a_sentence_opening_with_a_distant_year_is_history():
    out = statements(
        "In 1976, Uruguayan forces dragged a woman from the Venezuelan embassy in Montevideo, prompting "
        "Caracas to break relations.",
        actors=[
            ["Uruguayan", "URY", "URY", "state"],
            ["Venezuelan", "VEN", "VEN", "state"],
            ["Caracas", "VEN", "VEN", "state"],
        ],
        published=published(date(2024, 4, 6)),
    )
    assert out.is_empty()


def test_a_sentence_opening_with_a_distant_year_without_a_comma_is_history():
    out = statements(
        "In 2017 Panama established diplomatic relations with Beijing, cutting ties with Taiwan.",
        actors=[["Panama", "PAN", "PAN", "state"], ["Beijing", "CHN", "CHN", "state"], TAIWAN],
        published=published(date(2025, 2, 3)),
    )
    assert out.is_empty()


def test_a_visit_a_leader_is_expected_to_make_is_no_relation_yet():
    out = statements(
        "Yunus is expected to visit China early next year.",
        actors=[["Yunus", "muhammad_yunus", "BGD", "person"], CHINA_NAME],
    )
    assert ("BGD", "CHN") not in stance(out)


def test_a_summit_a_state_is_preparing_to_hold_is_no_relation_yet():
    out = statements(
        "Japan is preparing to hold a trilateral summit with China and South Korea later this year.",
        actors=[["Japan", "JPN", "JPN", "state"], CHINA_NAME, ["South Korea", "KOR", "KOR", "state"]],
    )
    assert out.is_empty()


def test_states_a_minister_will_visit_later_are_no_relation_yet():
    out = statements(
        "Rubio traveled on to El Salvador and will visit Costa Rica, Guatemala and the Dominican Republic "
        "later this week.",
        actors=[
            ["Rubio", "marco_rubio", "USA", "person"],
            ["El Salvador", "SLV", "SLV", "state"],
            ["Costa Rica", "CRI", "CRI", "state"],
            ["Guatemala", "GTM", "GTM", "state"],
            ["Dominican Republic", "DOM", "DOM", "state"],
        ],
    )
    assert not {("USA", "CRI"), ("CRI", "DOM"), ("GTM", "DOM")} & set(stance(out))


def test_a_visit_already_made_stays_a_relation():
    out = statements(
        "Three days earlier, Orban had visited Kyiv and met President Volodymyr Zelensky for the first time "
        "in more than a year.",
        actors=[
            ["Orban", "viktor_orban", "HUN", "person"],
            ["Kyiv", "UKR", "UKR", "state"],
            ["Volodymyr Zelensky", "volodymyr_zelensky", "UKR", "person"],
        ],
    )
    assert stance(out)[("HUN", "UKR")] > 0


def test_two_states_a_third_has_ties_with_are_no_pair():
    out = statements(
        "Iran and Saudi Arabia, both of which have close ties with New Delhi and Islamabad, offered to "
        "mediate.",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Saudi Arabia", "SAU", "SAU", "state"],
            ["New Delhi", "IND", "IND", "state"],
            ["Islamabad", "PAK", "PAK", "state"],
        ],
    )
    assert ("IND", "PAK") not in mutual(out) and ("PAK", "IND") not in mutual(out)


def test_a_visit_is_no_relation_between_actors_of_a_later_clause():
    out = statements(
        "The visit comes a week before Peters travels to Washington.",
        actors=[["Peters", "winston_peters", "NZL", "person"], ["Washington", "USA", "USA", "state"]],
    )
    assert ("NZL", "USA") not in every_pair(out)


def test_a_threat_countered_reaches_no_partner_of_the_next_predicate():
    out = statements(DETERRENCE, actors=DETERRENCE_ACTORS)
    assert not any(target == "JPN" and p < 0 for (_, target), p in every_pair(out).items())
    assert stance(out)[("USA", "PRK")] < 0


def test_a_demand_on_its_subject_reaches_no_actor_whose_remarks_were_asked_about():
    out = statements(
        "Additionally, US Department of State when questioned about South Korean President Yoon Suk Yeol’s "
        "remarks on China’s potential cooperation with North Korea and Russia, Miller restated the firm "
        "position that Russia should refrain from supplying technology violating UNSC resolutions, and North "
        "Korea should avoid providing arms for Russia’s actions in Ukraine.",
        actors=[
            ["US Department of State", "USA.MFA", "USA", "institution"],
            ["South Korean", "KOR", "KOR", "state"],
            ["Yoon Suk Yeol", "yoon_suk_yeol", "KOR", "person"],
            ["China", "CHN", "CHN", "state"],
            ["North Korea", "PRK", "PRK", "state"],
            ["Russia", "RUS", "RUS", "state"],
            ["Miller", "matthew_miller", "USA", "person"],
            ["Ukraine", "UKR", "UKR", "state"],
        ],
    )
    assert ("USA", "KOR") not in stance(out)
    assert stance(out)[("USA", "RUS")] < 0


def test_taiwan_independence_is_a_cause_not_taiwan():
    out = statements(
        "Biden said the U.S. does not seek a new Cold War, does not seek to change China's system, does not "
        'seek to revitalize alliances against China, does not support "Taiwan independence," and has no '
        "intention to have a conflict with China.",
        actors=[["Biden", "joe_biden", "USA", "person"], ["U.S.", "USA", "USA", "state"], CHINA_NAME, TAIWAN],
    )
    assert ("USA", "TWN") not in every_pair(out)


def test_an_executive_order_signed_is_no_deal_with_the_state_it_targets():
    out = statements(
        "Hours after his inauguration on Monday, Trump signed an executive order revoking Biden's decision, "
        'and the State Department restored the so-called "restricted list" of Cuban entities with which US '
        "citizens are prohibited from doing business.",
        actors=[["Trump", "donald_trump", "USA", "person"], ["Cuban", "CUB", "CUB", "state"]],
    )
    assert not any(p > 0 for p in every_pair(out).values())


def test_states_recognising_a_state_named_inside_the_cue_are_its_parties():
    out = statements(
        "Ireland recognized a Palestinian state together with Spain and Norway in May.",
        actors=[
            ["Ireland", "IRL", "IRL", "state"],
            ["Palestinian", "PSE", "PSE", "state"],
            ["Spain", "ESP", "ESP", "state"],
            ["Norway", "NOR", "NOR", "state"],
        ],
    )
    assert mutual(out)[("ESP", "PSE")] > 0 and mutual(out)[("NOR", "PSE")] > 0


def test_a_state_ready_to_work_with_another_is_friendly_one_way():
    out = statements(
        'Hassan Sheikh thanked Erdogan for his "tireless efforts" and said Somalia was ready to work with '
        "Ethiopia for the stability of the region.",
        actors=[["Somalia", "SOM", "SOM", "state"], ["Ethiopia", "ETH", "ETH", "state"]],
    )
    assert mutual(out)[("SOM", "ETH")] > 0
    assert ("ETH", "SOM") not in every_pair(out)


CENTRAL_ASIA = [
    ["Kazakhstan", "KAZ", "KAZ", "state"],
    ["Kyrgyzstan", "KGZ", "KGZ", "state"],
    ["Uzbekistan", "UZB", "UZB", "state"],
]
XI = ["Xi", "xi_jinping", "CHN", "person"]


def test_a_leader_signing_a_treaty_makes_it_a_fact_between_the_leaders_state_and_the_other():
    out = statements("Xi signed the treaty with Kazakhstan on Tuesday.", actors=[XI, CENTRAL_ASIA[0]])
    assert mutual(out) == {("CHN", "KAZ"): 0.5, ("KAZ", "CHN"): 0.5}


def test_states_listed_after_a_leaders_treaty_are_its_parties_but_no_pair_of_their_own():
    out = statements(
        "Xi signed the treaty with the presidents of Kazakhstan, Kyrgyzstan and Uzbekistan on Tuesday.",
        actors=[XI, *CENTRAL_ASIA],
    )
    assert set(mutual(out)) == {
        pair for state in ("KAZ", "KGZ", "UZB") for pair in (("CHN", state), (state, "CHN"))
    }


def test_a_leader_reporting_a_relation_between_others_is_no_party_of_it():
    out = statements(
        "Xi said that Kazakhstan and Uzbekistan had signed the treaty on Tuesday.",
        actors=[XI, CENTRAL_ASIA[0], CENTRAL_ASIA[2]],
    )
    assert set(mutual(out)) == {("KAZ", "UZB"), ("UZB", "KAZ")}


def test_ties_cut_in_a_month_of_a_distant_year_are_history():
    out = statements(
        "Saudi Arabia cut ties with Iran in January 2016 after protesters stormed its embassy in Tehran.",
        actors=[["Saudi Arabia", "SAU", "SAU", "state"], ["Iran", "IRN", "IRN", "state"]],
        published=published(date(2023, 3, 10)),
    )
    assert out.is_empty()


def test_wars_fought_in_a_distant_decade_are_history():
    out = statements(
        "Armenia and Azerbaijan fought wars over the region in the early 1990s.",
        actors=[["Armenia", "ARM", "ARM", "state"], ["Azerbaijan", "AZE", "AZE", "state"]],
        published=published(date(2025, 8, 9)),
    )
    assert out.is_empty()
