"""Judgements in the passive voice: the actor after "by" (or "from", after a noun) is the judge, the actor
named before the cue the judged. Sentences from the unseen sets where the pair came out reversed."""

from __future__ import annotations

from stance_helpers import DETERRENCE, DETERRENCE_ACTORS, stance, statements

KENYA = ["Nairobi", "KEN", "KEN", "state"]
CONGO = ["Kinshasa", "COD", "COD", "state"]


def test_the_actor_after_by_criticises_the_actor_before_the_passive_verb():
    out = statements(
        "Nairobi was criticised by Kinshasa for hosting the rebels' leaders.", actors=[KENYA, CONGO]
    )
    assert stance(out)[("COD", "KEN")] < 0


def test_the_passive_subject_is_no_judge_of_its_agent():
    out = statements(
        "Nairobi was criticised by Kinshasa for hosting the rebels' leaders.", actors=[KENYA, CONGO]
    )
    assert ("KEN", "COD") not in stance(out)


def test_an_accusation_with_words_between_auxiliary_and_verb_still_names_its_accuser():
    out = statements(
        "Benin has also been accused by Niamey of allowing French troops to be stationed on its territory.",
        actors=[
            ["Benin", "BEN", "BEN", "state"],
            ["Niamey", "NER", "NER", "state"],
            ["French", "FRA", "FRA", "state"],
        ],
    )
    assert stance(out)[("NER", "BEN")] < 0


def test_a_move_condemned_by_a_capital_is_that_capitals_judgement_of_the_mover():
    out = statements(
        "Yerevan froze its participation in the bloc, a move condemned by Moscow.",
        actors=[["Yerevan", "ARM", "ARM", "state"], ["Moscow", "RUS", "RUS", "state"]],
    )
    assert stance(out)[("RUS", "ARM")] < 0


def test_criticism_from_a_capital_judges_the_state_whose_decision_drew_it():
    out = statements(
        "Hungary's decision drew sharp criticism from Kyiv.",
        actors=[["Hungary", "HUN", "HUN", "state"], ["Kyiv", "UKR", "UKR", "state"]],
    )
    assert stance(out) == {("UKR", "HUN"): -0.6}


def test_an_active_judgement_keeps_its_subject_as_the_judge():
    out = statements("Kinshasa criticised Nairobi for hosting the rebels' leaders.", actors=[CONGO, KENYA])
    assert stance(out) == {("COD", "KEN"): -0.7}


def test_a_threat_from_a_state_named_without_a_verb_of_meeting_it_names_no_judge():
    out = statements(DETERRENCE, actors=DETERRENCE_ACTORS)
    assert ("PRK", "KOR") not in stance(out)


def test_a_states_opposition_after_by_judges_nothing_for_the_state():
    out = statements(
        "Fico met Russian President Vladimir Putin in Moscow on Dec. 22, a visit criticised by Slovakia's "
        "opposition.",
        actors=[
            ["Fico", "robert_fico", "SVK", "person"],
            ["Russian", "RUS", "RUS", "state"],
            ["Vladimir Putin", "vladimir_putin", "RUS", "person"],
            ["Moscow", "RUS", "RUS", "state"],
            ["Slovakia", "SVK", "SVK", "state"],
        ],
    )
    assert "criticised" not in out["cue"].to_list()


def test_a_states_ministry_after_by_still_judges_for_the_state():
    out = statements(
        "Hungary's veto was criticised by Slovakia's foreign ministry.",
        actors=[["Hungary", "HUN", "HUN", "state"], ["Slovakia", "SVK", "SVK", "state"]],
    )
    assert stance(out)[("SVK", "HUN")] < 0


DEPORTATION = (
    "Thailand's deportation of 40 Uyghur men to China drew swift condemnation from the United States and the "
    "United Nations on Thursday."
)
DEPORTATION_ACTORS = [
    ["Thailand", "THA", "THA", "state"],
    ["China", "CHN", "CHN", "state"],
    ["United States", "USA", "USA", "state"],
    ["United Nations", "UN", "UN", "organisation"],
]


def test_each_actor_listed_after_from_judges():
    got = stance(statements(DEPORTATION, actors=DEPORTATION_ACTORS))
    assert got[("USA", "THA")] < 0
    assert got[("UN", "THA")] < 0


def test_an_actor_after_a_preposition_before_the_cue_is_not_the_judged():
    got = stance(statements(DEPORTATION, actors=DEPORTATION_ACTORS))
    assert ("USA", "CHN") not in got
    assert ("UN", "CHN") not in got


def test_a_participle_after_a_comma_judges_the_phrase_right_before_it_not_the_clauses_subject():
    out = statements(
        "Rome has also signed a memorandum with Tunisia, backed by the European Commission, and has "
        "repeatedly called on its EU partners to share responsibility for migrants landing in Italy.",
        actors=[
            ["Rome", "ITA", "ITA", "state"],
            ["Tunisia", "TUN", "TUN", "state"],
            ["European Commission", "EC", "EC", "organisation"],
        ],
    )
    assert ("EC", "ITA") not in stance(out)
