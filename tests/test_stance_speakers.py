"""Who speaks in a sentence: subjects of speech verbs, speakers named after a quote, officials and
ministries standing for their state, and speakers carried over from earlier sentences."""

from __future__ import annotations

import polars as pl
from stance_helpers import JAPAN, RUSSIA, US, USA, VLADIMIR_PUTIN, XI_JINPING, every_pair, stance, statements

ANTONOV = ["Anatoly Antonov", "anatoly_antonov", "RUS", "person"]


ANTONOV_SLAMS = (
    "Anatoly Antonov, Russia's ambassador to the United States, slammed Washington's response "
    "to the Putin-Kim summit."
)


ANTONOV_ACTORS = [
    ANTONOV,
    RUSSIA,
    USA,
    ["Washington", "USA", "USA", "state"],
    ["Putin", "vladimir_putin", "RUS", "person"],
    ["Kim", "kim_jong_un", "PRK", "person"],
]


CHINA_PHILIPPINES_ACTORS = [
    ["Chinese", "CHN", "CHN", "state"],
    ["Foreign Ministry", "CHN.FOREIGN_MINISTRY", "CHN", "institution"],
    ["Philippines", "PHL", "PHL", "state"],
    ["Philippine", "PHL", "PHL", "state"],
]


def test_spokesman_named_after_a_quote_speaks_for_his_state():
    out = statements(
        "The cooperation announced during North Korean leader Kim Jong Un's visit to Russia's far east is "
        '"quite troubling and would potentially be in violation of multiple UN Security Council '
        'resolutions," '
        "State Department spokesman Matthew Miller told reporters.",
        actors=[
            ["North Korean", "PRK", "PRK", "state"],
            ["Kim Jong Un", "kim_jong_un", "PRK", "person"],
            RUSSIA,
            ["UN Security Council", "UNSC", "UNSC", "organisation"],
            ["State Department", "us_state_department", "USA", "institution"],
            ["Matthew Miller", "matthew_miller", "USA", "person"],
        ],
    )
    speaker = out.filter(~pl.col("mutual"))
    assert set(speaker["source_actor"]) == {"USA"}
    assert set(speaker["source_speaker"]) == {"matthew_miller"}
    assert {t: p < 0 for (_, t), p in stance(out).items()} == {"PRK": True, "RUS": True}


def test_ambassador_in_apposition_speaks_for_russia_not_for_the_state_he_is_posted_to():
    assert stance(statements(ANTONOV_SLAMS, actors=ANTONOV_ACTORS)).get(("RUS", "USA")) == -0.8


def test_he_said_resolves_to_the_last_named_speaker():
    out = statements(
        ANTONOV_SLAMS,
        '"The USA has no right to teach us how to live," he said in comments posted on the '
        "embassy's Telegram.",
        actors=[*ANTONOV_ACTORS, ["USA", "USA", "USA", "state"]],
    )
    row = out.filter(pl.col("sentence_no") == 1).row(0, named=True)
    assert (row["source_actor"], row["source_speaker"], row["target_actor"]) == (
        "RUS",
        "anatoly_antonov",
        "USA",
    )
    assert row["rule"] == "pronoun_carryover" and row["polarity"] < 0


def test_quote_continuing_in_the_next_sentence_keeps_its_speaker():
    out = statements(
        ANTONOV_SLAMS,
        '"The USA has no right to teach us how to live," he said in comments posted on the '
        "embassy's Telegram.",
        '"Washington\'s duplicity is absolutely nothing new."',
        actors=[*ANTONOV_ACTORS, ["USA", "USA", "USA", "state"]],
    )
    row = out.filter(pl.col("sentence_no") == 2).row(0, named=True)
    assert (row["source_actor"], row["target_actor"], row["rule"]) == ("RUS", "USA", "quote_speaker")
    assert row["cue"] == "duplicity"


def test_quote_far_from_any_speaker_gets_no_source():
    out = statements(
        ANTONOV_SLAMS,
        "The weather was cold.",
        "Markets were calm.",
        "Trading was thin.",
        '"Washington\'s duplicity is absolutely nothing new."',
        actors=ANTONOV_ACTORS,
    )
    assert out.filter(pl.col("sentence_no") == 4).is_empty()


def test_both_leaders_are_the_two_last_named_leaders():
    out = statements(
        "Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing on Thursday.",
        "Both leaders condemned US military alliances in Asia as a source of instability.",
        actors=[
            XI_JINPING,
            VLADIMIR_PUTIN,
            US,
        ],
    )
    found = stance(out, sentence_no=1)
    assert set(found) == {("CHN", "USA"), ("RUS", "USA")}
    assert all(p < 0 for p in found.values())


def test_it_said_carries_over_the_last_named_institution():
    out = statements(
        "KCNA carried a statement by the defence ministry on Saturday.",
        "The US and its puppet forces will pay dearly for their reckless war drills, it said.",
        actors=[["KCNA", "PRK.KCNA", "PRK", "institution"], US],
    )
    assert stance(out, sentence_no=1)["PRK", "USA"] < 0


def test_state_far_before_the_verb_is_not_the_source():
    out = statements(
        "Iran has no faith in Washington's promises, the foreign minister said after the talks.",
        actors=[["Iran", "IRN", "IRN", "state"], ["Washington", "USA", "USA", "state"]],
    )
    assert ("USA", "IRN") not in stance(out)


def test_demonym_adjective_of_a_noun_is_not_the_source_but_demonym_ministry_is():
    threat = statements(
        "Moscow's buildup is meant to threaten Ukrainian security and sovereignty warned analysts.",
        actors=[["Moscow", "RUS", "RUS", "state"], ["Ukrainian", "UKR", "UKR", "state"]],
    )
    assert ("UKR", "RUS") not in stance(threat)
    ministry = statements(
        "Japan should reflect on its history of aggression and stop provoking its neighbours, the Chinese "
        "foreign ministry said.",
        actors=[JAPAN, ["Chinese", "CHN", "CHN", "state"]],
    )
    assert stance(ministry)["CHN", "JPN"] < 0


def test_official_with_unknown_name_after_a_title_speaks_for_the_demonym_state():
    out = statements(
        "Irish Prime Minister Simon Harris said Ireland stood unequivocally with Israel's right to exist.",
        actors=[
            ["Irish", "IRL", "IRL", "state"],
            ["Ireland", "IRL", "IRL", "state"],
            ["Israel", "ISR", "ISR", "state"],
        ],
    )
    assert stance(out)[("IRL", "ISR")] > 0


def test_bare_surname_of_a_recently_named_official_speaks_like_he():
    out = statements(
        "Chinese Foreign Ministry spokesperson Lin Jian said on Tuesday that the Philippines bears full "
        "responsibility for the latest incident.",
        "Lin urged the Philippine side to immediately stop its infringing activities and provocations.",
        actors=CHINA_PHILIPPINES_ACTORS,
    )
    assert stance(out, sentence_no=1)[("CHN", "PHL")] < 0


def test_bare_capitalised_word_never_named_before_does_not_speak():
    out = statements(
        "Chinese Foreign Ministry spokesperson Lin Jian said the Philippines bears full responsibility.",
        "Analysts urged the Philippine side to stop.",
        actors=CHINA_PHILIPPINES_ACTORS,
    )
    assert stance(out, sentence_no=1) == {}


def test_actor_before_and_said_ends_an_object_and_is_not_the_subject():
    out = statements(
        "President Recep Tayyip Erdoğan said Friday that Sweden must take concrete steps.",
        "Erdoğan criticized Sweden for allowing demonstrations in Stockholm and said the burning of the "
        "Quran was unacceptable.",
        actors=[
            ["Recep Tayyip Erdoğan", "recep_tayyip_erdogan", "TUR", "person"],
            ["Sweden", "SWE", "SWE", "state"],
            ["Stockholm", "SWE", "SWE", "state"],
        ],
    )
    assert stance(out, sentence_no=1) == {("TUR", "SWE"): -0.7}


def test_the_ministry_said_takes_the_last_speaking_state_not_the_last_person():
    out = statements(
        "The external affairs ministry said India strongly rejects these preposterous imputations and "
        "ascribes them to the political agenda of the Trudeau government.",
        '"We have no faith in the current Canadian government\'s commitment to ensure their security," '
        "the ministry said in a statement.",
        actors=[
            ["India", "IND", "IND", "state"],
            ["Trudeau", "justin_trudeau", "CAN", "person"],
            ["Canadian", "CAN", "CAN", "state"],
        ],
    )
    assert stance(out, sentence_no=1)[("IND", "CAN")] < 0


def test_possessive_holder_of_a_concern_speaks_when_nobody_else_does():
    out = statements(
        "Foreign Minister Winston Peters raised New Zealand's concerns about malicious cyber activity "
        "during talks with Chinese Foreign Minister Wang Yi in Wellington.",
        actors=[
            ["New Zealand", "NZL", "NZL", "state"],
            ["Chinese", "CHN", "CHN", "state"],
            ["Wang Yi", "wang_yi", "CHN", "person"],
        ],
    )
    row = out.filter(~pl.col("mutual")).row(0, named=True)
    assert (row["source_actor"], row["target_actor"], row["rule"]) == ("NZL", "CHN", "possessive_holder")
    assert row["polarity"] < 0


def test_pronoun_before_any_verb_cue_speaks_like_he_said():
    out = statements(
        "Albanese is the first Australian prime minister to visit China since 2016.",
        "He also raised concerns about the Chinese navy's conduct in the region.",
        actors=[
            ["Albanese", "anthony_albanese", "AUS", "person"],
            ["Australian", "AUS", "AUS", "state"],
            ["China", "CHN", "CHN", "state"],
            ["Chinese", "CHN", "CHN", "state"],
        ],
    )
    assert stance(out, sentence_no=1)[("AUS", "CHN")] < 0


def test_official_with_a_title_but_no_state_speaks_for_the_state_that_spoke_last():
    out = statements(
        '"Poland condemns this violation of its airspace," foreign ministry spokesman Pawel Wronski told '
        "reporters.",
        'Defence Minister Wladyslaw Kosiniak-Kamysz accused Russia of "reckless behaviour" that endangered '
        "civilians.",
        actors=[["Poland", "POL", "POL", "state"], RUSSIA],
    )
    assert stance(out, sentence_no=1) == {("POL", "RUS"): -0.8}


def test_he_after_an_unknown_official_is_that_official_not_a_person_named_in_his_sentence():
    out = statements(
        "Egypt's Foreign Minister Badr Abdelatty warned Israel on Tuesday that its presence in the "
        "corridor violated the 1979 peace treaty.",
        "Abdelatty said Cairo rejected Israeli Prime Minister Benjamin Netanyahu's claims that weapons "
        "were being smuggled.",
        "He praised Qatar and the United States for their mediation efforts to reach a ceasefire.",
        actors=[
            ["Egypt", "EGY", "EGY", "state"],
            ["Israel", "ISR", "ISR", "state"],
            ["Cairo", "EGY", "EGY", "state"],
            ["Israeli", "ISR", "ISR", "state"],
            ["Benjamin Netanyahu", "benjamin_netanyahu", "ISR", "person"],
            ["Qatar", "QAT", "QAT", "state"],
            USA,
        ],
    )
    assert set(stance(out, sentence_no=2)) == {("EGY", "QAT"), ("EGY", "USA")}


def test_secretary_general_of_an_organisation_speaks_for_it():
    out = statements(
        "The Gulf Cooperation Council's Secretary-General Jasem Albudaiwi denounced the Israeli strike as "
        "a dangerous escalation.",
        actors=[
            ["Gulf Cooperation Council", "GCC", "GCC", "organisation"],
            ["Israeli", "ISR", "ISR", "state"],
        ],
    )
    assert stance(out)[("GCC", "ISR")] < 0


ENVOY_ACTORS = [
    ["U.S.", "USA", "USA", "state"],
    JAPAN,
    ["Washington", "USA", "USA", "capital"],
    ["Chinese", "CHN", "CHN", "state"],
    ["Mauritian", "MUS", "MUS", "state"],
    ["UK", "GBR", "GBR", "state"],
]


def test_an_envoy_speaks_for_the_state_that_sent_him_not_for_his_host():
    out = statements(
        "U.S. Ambassador to Japan George Glass said Washington stood firmly with Japan in the face of "
        'Chinese "coercion."',
        actors=ENVOY_ACTORS,
    )
    assert stance(out) == {("USA", "JPN"): 0.7, ("USA", "CHN"): -0.7}


def test_an_official_named_between_commas_after_the_title_speaks_for_the_state():
    out = statements(
        "The Mauritian prime minister, Navin Ramgoolam, said the two countries had closed a painful chapter "
        "and thanked the UK for negotiating in good faith.",
        actors=ENVOY_ACTORS,
    )
    assert stance(out) == {("MUS", "GBR"): 0.6}


def test_they_agreed_after_a_meeting_are_the_two_last_named_leaders_agreeing_with_each_other():
    out = statements(
        "Chinese President Xi Jinping and US President Joe Biden met at the Filoli estate on Wednesday.",
        "They agreed to establish a working group on counternarcotics cooperation.",
        actors=[XI_JINPING, ["Joe Biden", "joe_biden", "USA", "person"], US],
    )
    found = every_pair(out.filter(pl.col("sentence_no") == 1))
    assert found[("CHN", "USA")] > 0
    assert found[("USA", "CHN")] > 0


def test_they_before_a_stance_verb_other_than_agreeing_names_no_speaker():
    out = statements(
        "Chinese President Xi Jinping and US President Joe Biden met at the Filoli estate on Wednesday.",
        "They criticised Russia's invasion of Ukraine.",
        actors=[
            XI_JINPING,
            ["Joe Biden", "joe_biden", "USA", "person"],
            ["Russia", "RUS", "RUS", "state"],
            ["Ukraine", "UKR", "UKR", "state"],
        ],
    )
    assert not any(
        source in ("CHN", "USA") for source, _ in every_pair(out.filter(pl.col("sentence_no") == 1))
    )


def test_states_listed_before_a_clause_speaker_speak_with_it():
    out = statements(
        "Colombia's President Gustavo Petro called it unacceptable, and Argentina, Chile and Venezuela also "
        "criticized Quito.",
        actors=[
            ["Colombia", "COL", "COL", "state"],
            ["Argentina", "ARG", "ARG", "state"],
            ["Chile", "CHL", "CHL", "state"],
            ["Venezuela", "VEN", "VEN", "state"],
            ["Quito", "ECU", "ECU", "state"],
        ],
    )
    got = stance(out)
    assert all(got[(state, "ECU")] < 0 for state in ("ARG", "CHL", "VEN"))


def test_he_after_a_titled_official_of_unknown_name_is_that_official_not_a_person_he_named():
    out = statements(
        "Rwanda's foreign minister, Olivier Nduhungirehe, thanked President Donald Trump and said Rwanda was "
        "committed to the deal.",
        "He accused Kinshasa of having failed to act against the FDLR in the past.",
        actors=[
            ["Rwanda", "RWA", "RWA", "state"],
            ["Donald Trump", "donald_trump", "USA", "person"],
            ["Kinshasa", "COD", "COD", "state"],
        ],
    )
    got = stance(out, sentence_no=1)
    assert got[("RWA", "COD")] < 0
    assert ("USA", "COD") not in got


def test_a_subject_speaks_across_an_adverbial_set_off_by_commas():
    actors = [["Beijing", "CHN", "CHN", "capital"], ["Manila", "PHL", "PHL", "capital"]]
    for opening in ("Beijing, for its part, blamed", "Beijing, however, blamed", "Beijing, in turn, blamed"):
        assert stance(statements(f"{opening} Manila for the collision.", actors=actors)) == {
            ("CHN", "PHL"): -0.7
        }
