"""Signs and forbidden stances: a relation described as strained is no cooperation, phrases that hold a
cue without being one, and what a cue inside a relative clause or a relation's own parties may reach."""

from __future__ import annotations

from stance_helpers import CHINA, US, USA, every_pair, mutual, stance, statements

PAKISTAN_CAPITAL = ["Islamabad", "PAK", "PAK", "state"]
IRAN_CAPITAL = ["Tehran", "IRN", "IRN", "state"]
CANADA_CAPITAL = ["Ottawa", "CAN", "CAN", "state"]
CHINA_CAPITAL = ["Beijing", "CHN", "CHN", "state"]


def test_relations_described_as_uneasy_are_no_cooperation_between_the_pair():
    out = statements(
        "Relations between Islamabad and Tehran have long been uneasy, with each side accusing the other of "
        "failing to act against militants operating along their shared border.",
        actors=[PAKISTAN_CAPITAL, IRAN_CAPITAL],
    )
    assert out.is_empty()


def test_strained_right_before_ties_is_no_cooperation():
    out = statements(
        "Ottawa and Beijing have kept strained ties since the detention of two Canadians.",
        actors=[CANADA_CAPITAL, CHINA_CAPITAL],
    )
    assert not any(p > 0 for p in mutual(out).values())


def test_a_strain_word_in_a_later_clause_leaves_the_relation_positive():
    out = statements(
        "Canada and China agreed to deepen cooperation, after trade ties had soured.",
        actors=[["Canada", "CAN", "CAN", "state"], CHINA],
    )
    assert mutual(out)[("CAN", "CHN")] > 0


def test_a_speaker_party_to_strained_relations_takes_the_hostile_sign():
    out = statements(
        "Erdogan said relations between Ankara and Athens had reached a low point over the Aegean islands.",
        actors=[
            ["Erdogan", "recep_tayyip_erdogan", "TUR", "person"],
            ["Ankara", "TUR", "TUR", "state"],
            ["Athens", "GRC", "GRC", "state"],
        ],
    )
    assert stance(out)[("TUR", "GRC")] < 0


def test_not_just_a_partner_is_no_negation_of_the_partnership():
    out = statements(
        '"France is not just a partner for India; it is a friend who has stood by us in every season," '
        "Mr. Modi said in Marseille.",
        actors=[
            ["France", "FRA", "FRA", "state"],
            ["India", "IND", "IND", "state"],
            ["Modi", "narendra_modi", "IND", "person"],
        ],
    )
    assert stance(out)[("IND", "FRA")] > 0


def test_phone_calls_on_a_day_call_on_nobody_to_act():
    out = statements(
        "Abdelatty held phone calls on Tuesday with his counterparts in Saudi Arabia, Jordan and Eritrea.",
        actors=[
            ["Abdelatty", "badr_abdelatty", "EGY", "person"],
            ["Saudi Arabia", "SAU", "SAU", "state"],
            ["Jordan", "JOR", "JOR", "state"],
        ],
    )
    assert not any(p < 0 for p in stance(out).values())


def test_reluctance_to_criticise_is_no_criticism():
    out = statements(
        "The formulation reflects India's longstanding reluctance to criticise Moscow directly.",
        actors=[["India", "IND", "IND", "state"], ["Moscow", "RUS", "RUS", "state"]],
    )
    assert not any(p < 0 for p in stance(out).values())


def test_a_cue_in_a_relative_clause_with_its_own_actor_is_not_the_speakers():
    out = statements(
        "Pretoria has also refused to withdraw the ICJ case, which Israel denies and which the US has "
        'called "meritless".',
        actors=[
            ["Pretoria", "ZAF", "ZAF", "state"],
            ["ICJ", "ICJ", "ICJ", "organisation"],
            ["Israel", "ISR", "ISR", "state"],
            US,
        ],
    )
    assert ("ZAF", "ICJ") not in stance(out) and ("ZAF", "USA") not in stance(out)


def test_a_relation_in_a_relative_clause_reaches_no_actor_past_its_end():
    out = statements(
        "Treasury Secretary Scott Bessent, who signed the agreement in Washington with Ukraine's First "
        "Deputy Prime Minister Yulia Svyrydenko, said it sent a clear signal to Moscow that the Trump "
        "administration was committed to a free and sovereign Ukraine.",
        actors=[
            ["Scott Bessent", "scott_bessent", "USA", "person"],
            ["Washington", "USA", "USA", "state"],
            ["Ukraine", "UKR", "UKR", "state"],
            ["Moscow", "RUS", "RUS", "state"],
            ["Trump", "donald_trump", "USA", "person"],
        ],
    )
    assert not any(target == "RUS" and p > 0 for (_, target), p in every_pair(out).items())


def test_a_cue_in_a_relative_clause_without_an_actor_of_its_own_stays_the_subjects():
    out = statements(
        "China, which signed a security deal with Solomon Islands last year, has stepped up its engagement "
        "with Pacific nations.",
        actors=[CHINA, ["Solomon Islands", "SLB", "SLB", "state"]],
    )
    assert every_pair(out)[("CHN", "SLB")] > 0


def test_a_relation_naming_its_parties_after_between_is_not_the_subjects():
    out = statements(
        "Pyongyang has rejected any talks on its nuclear arsenal and called the trilateral security "
        'cooperation between Seoul, Tokyo and Washington "an Asian version of NATO."',
        actors=[
            ["Pyongyang", "PRK", "PRK", "state"],
            ["Seoul", "KOR", "KOR", "state"],
            ["Tokyo", "JPN", "JPN", "state"],
            ["Washington", "USA", "USA", "state"],
        ],
    )
    assert not any(source == "PRK" and p > 0 for (source, _), p in every_pair(out).items())
    assert mutual(out)[("KOR", "JPN")] > 0


def test_joint_subjects_stay_parties_of_talks_between_parties_that_are_no_actors():
    out = statements(
        "The United States and Saudi Arabia co-hosted peace talks between the warring parties in Jeddah.",
        actors=[USA, ["Saudi Arabia", "SAU", "SAU", "state"]],
    )
    assert mutual(out)[("USA", "SAU")] > 0


def test_continuing_to_urge_a_state_to_remove_restrictions_is_a_demand_on_it():
    out = statements(
        "Hayashi said Tokyo would continue to urge Beijing to remove all remaining restrictions as soon as "
        "possible.",
        actors=[
            ["Hayashi", "yoshimasa_hayashi", "JPN", "person"],
            ["Tokyo", "JPN", "JPN", "state"],
            CHINA_CAPITAL,
        ],
    )
    assert stance(out)[("JPN", "CHN")] < 0


def test_ready_to_work_with_partners_is_cooperation_not_the_opposition_to_protectionism():
    out = statements(
        'Li said Beijing was ready to "work with ASEAN and GCC countries to defend free trade and oppose '
        'protectionism".',
        actors=[
            ["Li", "li_qiang", "CHN", "person"],
            CHINA_CAPITAL,
            ["ASEAN", "ASEAN", "ASEAN", "organisation"],
            ["GCC", "GCC", "GCC", "organisation"],
        ],
    )
    assert stance(out)[("CHN", "ASEAN")] > 0 and stance(out)[("CHN", "GCC")] > 0


def test_an_organisation_named_before_rules_is_a_document_not_a_target():
    out = statements(
        "Beijing says Ottawa's tariffs on Chinese electric vehicles and steel 'seriously violate' WTO rules",
        actors=[CHINA_CAPITAL, CANADA_CAPITAL, ["WTO", "WTO", "WTO", "organisation"]],
    )
    assert ("CHN", "WTO") not in stance(out)
    assert stance(out)[("CHN", "CAN")] < 0


def test_the_topic_of_remarks_is_no_target_of_their_judgement():
    out = statements(
        'The Chinese Embassy in Tokyo said that Japanese leaders had made "blatantly provocative" remarks on '
        "Taiwan.",
        actors=[
            ["Chinese Embassy", "CHN", "CHN", "institution"],
            ["Tokyo", "JPN", "JPN", "state"],
            ["Japanese", "JPN", "JPN", "state"],
            ["Taiwan", "TWN", "TWN", "state"],
        ],
    )
    assert ("CHN", "TWN") not in stance(out)
    assert stance(out)[("CHN", "JPN")] < 0


def test_criticism_of_a_named_pact_reaches_the_pact_not_the_parties_listed_after_it():
    out = statements(
        "Chinese officials also used the visit to criticise the AUKUS submarine pact between Australia, the "
        "United States and Britain.",
        actors=[
            ["Chinese", "CHN", "CHN", "state"],
            ["AUKUS", "AUKUS", "AUKUS", "organisation"],
            ["Australia", "AUS", "AUS", "state"],
            ["United States", "USA", "USA", "state"],
            ["Britain", "GBR", "GBR", "state"],
        ],
    )
    assert set(stance(out)) == {("CHN", "AUKUS")}
    assert stance(out)[("CHN", "AUKUS")] < 0


def test_a_relative_clause_with_a_pronoun_subject_is_not_the_speakers():
    out = statements(
        'The Foreign Office rejected the "political use of export controls" after the United States imposed '
        "sanctions on four companies, three of them Chinese, that it accused of supplying components for "
        "Pakistan's ballistic missile programme.",
        actors=[
            ["Foreign Office", "PAK", "PAK", "institution"],
            ["United States", "USA", "USA", "state"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Pakistan", "PAK", "PAK", "state"],
        ],
    )
    assert not any(cue == "accused" for cue in out.filter(out["source_actor"] == "PAK")["cue"])


def test_a_meeting_at_a_place_named_like_an_actor_is_no_relation_with_it():
    out = statements(
        "Zelensky called the document the first result of his meeting with US President Donald Trump at the "
        "Vatican on the sidelines of Pope Francis' funeral.",
        actors=[
            ["Zelensky", "volodymyr_zelensky", "UKR", "person"],
            US,
            ["Donald Trump", "donald_trump", "USA", "person"],
            ["Vatican", "VAT", "VAT", "state"],
        ],
    )
    assert not any("VAT" in pair for pair in every_pair(out))


def test_a_lack_of_commitment_is_no_commitment():
    out = statements(
        "Treasury Secretary Scott Bessent said the measures were needed \"due to Moscow's lack of serious "
        'commitment to a peace process to end the war."',
        actors=[["Scott Bessent", "scott_bessent", "USA", "person"], ["Moscow", "RUS", "RUS", "state"]],
    )
    assert stance(out)[("USA", "RUS")] < 0


def test_an_opposition_party_criticising_a_deal_is_no_stance_of_its_state():
    out = statements(
        "The opposition in Tuvalu has criticised the agreement, saying it was negotiated in secret and "
        "handed too much say over security matters to Australia.",
        actors=[["Tuvalu", "TUV", "TUV", "state"], ["Australia", "AUS", "AUS", "state"]],
    )
    assert out.is_empty()


def test_experts_of_a_state_speak_for_no_state():
    out = statements(
        "Chinese experts said the expulsion showed that some Lithuanian politicians were still hostage to "
        "anti-China forces.",
        actors=[["Chinese", "CHN", "CHN", "state"], ["Lithuanian", "LTU", "LTU", "state"]],
    )
    assert out.is_empty()


def test_a_state_voicing_opposition_to_a_step_keeps_its_stance():
    out = statements(
        "Beijing repeated its opposition to South Korea's deployment of the missile system.",
        actors=[CHINA_CAPITAL, ["South Korea", "KOR", "KOR", "state"]],
    )
    assert stance(out)[("CHN", "KOR")] < 0


def test_a_largest_trading_partner_is_a_trade_figure_not_a_stance():
    out = statements(
        "China is Japan's largest trading partner, with bilateral trade of about 45 trillion yen in 2023.",
        actors=[["China", "CHN", "CHN", "state"], ["Japan", "JPN", "JPN", "state"]],
    )
    assert out.is_empty()


def test_condolences_after_a_condemnation_are_sympathy_for_their_addressee():
    out = statements(
        "Iran's foreign ministry spokesman Esmaeil Baghaei condemned the strikes and expressed condolences "
        "to the Afghan people.",
        actors=[
            ["Iran", "IRN", "IRN", "state"],
            ["Esmaeil Baghaei", "esmaeil_baghaei", "IRN", "person"],
            ["Afghan", "AFG", "AFG", "state"],
        ],
    )
    assert stance(out)[("IRN", "AFG")] > 0


def test_neither_confirming_nor_denying_a_claim_takes_no_stance():
    out = statements(
        "In a statement carried by the Korean Central News Agency (KCNA), Kim Yo-jong, the leader's sister, "
        'warned that Seoul would pay "a horrible price" if another drone was found.',
        "Seoul's defense ministry initially said it could neither confirm nor deny the claim.",
        actors=[
            ["Korean Central News Agency", "PRK.KCNA", "PRK", "state media"],
            ["Kim Yo-jong", "kim_yo_jong", "PRK", "person"],
            ["Seoul", "KOR", "KOR", "state"],
        ],
    )
    assert stance(out, sentence_no=1) == {}


SOLIDARITY = "Nicaragua announced it was breaking relations with Ecuador in solidarity with Mexico."
NICARAGUA_ACTORS = [
    ["Nicaragua", "NIC", "NIC", "state"],
    ["Ecuador", "ECU", "ECU", "state"],
    ["Mexico", "MEX", "MEX", "state"],
]


def test_solidarity_with_a_named_state_reaches_no_state_named_before_it():
    got = stance(statements(SOLIDARITY, actors=NICARAGUA_ACTORS))
    assert got[("NIC", "MEX")] > 0
    assert got[("NIC", "ECU")] < 0


def test_protests_in_the_street_are_no_diplomatic_protest():
    out = statements(
        "Türkiye summoned Denmark's ambassador on Monday over the burning of a Quran in Copenhagen.",
        "Foreign Minister Hakan Fidan spoke by phone with his Danish counterpart, Lars Lokke Rasmussen, on "
        "Monday.",
        'Fidan told him the attacks were "poisoning relations" and that Türkiye expected concrete action.',
        "Rasmussen said the government would examine whether it could legally intervene in protests outside "
        "foreign embassies.",
        actors=[
            ["Hakan Fidan", "hakan_fidan", "TUR", "person"],
            ["Danish", "DNK", "DNK", "state"],
            ["Lars Lokke Rasmussen", "lars_lokke_rasmussen", "DNK", "person"],
            ["Fidan", "hakan_fidan", "TUR", "person"],
            ["Türkiye", "TUR", "TUR", "state"],
            ["Denmark", "DNK", "DNK", "state"],
            ["Copenhagen", "DNK", "DNK", "capital"],
        ],
    )
    assert stance(out, sentence_no=3) == {}


def test_a_diplomatic_protest_stays_a_protest():
    out = statements(
        "The Philippines has filed more than 190 diplomatic protests against China since 2022.",
        actors=[["Philippines", "PHL", "PHL", "state"], ["China", "CHN", "CHN", "state"]],
    )
    assert stance(out)[("PHL", "CHN")] < 0


def test_a_message_of_condolence_is_sympathy_for_its_addressee_like_condolences():
    out = statements(
        "Russia sent a message of condolence to the Indian people after the attack.",
        actors=[["Russia", "RUS", "RUS", "state"], ["Indian", "IND", "IND", "state"]],
    )
    assert stance(out)[("RUS", "IND")] > 0


def test_sharing_a_states_assessment_of_a_threat_agrees_with_that_state():
    out = statements(
        "A German government spokesman said Berlin shared Poland's assessment of the threat and supported "
        "its response.",
        actors=[["Berlin", "DEU", "DEU", "state"], ["Poland", "POL", "POL", "state"]],
    )
    assert stance(out)[("DEU", "POL")] > 0


def test_a_state_and_its_allies_named_as_a_camp_is_no_praise_of_the_alliance():
    out = statements(
        "Putin said the restrictive regime inspired by the United States and its allies in the UN Security "
        "Council should be revised.",
        actors=[["Putin", "vladimir_putin", "RUS", "person"], ["United States", "USA", "USA", "state"]],
    )
    assert "allies" not in out["cue"].to_list()


def test_destroying_what_remains_of_relations_is_hostile():
    out = statements(
        'The Russian foreign ministry said: "Warsaw is destroying what remains of our relations."',
        actors=[["Russian", "RUS", "RUS", "state"], ["Warsaw", "POL", "POL", "state"]],
    )
    assert stance(out)[("RUS", "POL")] < 0


def test_being_ready_to_discuss_a_states_concerns_is_engagement_with_it():
    out = statements(
        "The CSTO said the organization was ready to discuss Armenia's concerns.",
        actors=[["CSTO", "CSTO", "CSTO", "organisation"], ["Armenia", "ARM", "ARM", "state"]],
    )
    assert stance(out)[("CSTO", "ARM")] > 0
