"""A judgement of an act named without its agent ("condemned the launch", "welcomed the vote") judges the
agent a recent sentence named for it (monitor.stance_event_targets)."""

from __future__ import annotations

from stance_helpers import SOUTH_KOREA, stance, statements

KOREAS = [
    SOUTH_KOREA,
    ["North Korea", "PRK", "PRK", "state"],
    ["United States", "USA", "USA", "state"],
]
LAUNCH = (
    "SEOUL, Nov. 22 (Yonhap) -- South Korea on Wednesday suspended part of a 2018 inter-Korean military "
    "agreement in protest of North Korea's launch of a military reconnaissance satellite, restoring "
    "surveillance flights near the border."
)
CONDEMNED = (
    "The United States strongly condemned the launch, with White House spokesperson Adrienne Watson calling "
    "it a brazen violation of multiple Security Council resolutions."
)


def test_a_condemned_launch_judges_the_actor_whose_launch_it_was():
    assert stance(statements(LAUNCH, CONDEMNED, actors=KOREAS), 1)[("USA", "PRK")] < 0


def test_the_holder_of_the_act_outranks_the_subject_that_reported_it():
    assert ("USA", "KOR") not in stance(statements(LAUNCH, CONDEMNED, actors=KOREAS), 1)


def test_a_welcomed_vote_judges_the_subject_that_voted():
    out = statements(
        "The Turkish Parliament on Tuesday approved Sweden's bid to join NATO, removing a major obstacle to "
        "the Nordic country's accession after more than 20 months of delay.",
        'Swedish Prime Minister Ulf Kristersson welcomed the vote, saying on X that Sweden was "one step '
        'closer to becoming a member of NATO."',
        actors=[
            ["Turkish", "TUR", "TUR", "state"],
            ["Sweden", "SWE", "SWE", "state"],
            ["Swedish", "SWE", "SWE", "state"],
            ["NATO", "NATO", None, "organisation"],
        ],
    )
    assert stance(out, 1)[("SWE", "TUR")] > 0


def test_a_condemned_advance_judges_the_subject_that_advanced_one_sentence_before():
    out = statements(
        "Israel on Monday moved troops into the buffer zone on the Golan Heights.",
        "Egypt condemned the advance.",
        actors=[["Israel", "ISR", "ISR", "state"], ["Egypt", "EGY", "EGY", "state"]],
    )
    assert stance(out, 1)[("EGY", "ISR")] < 0


COURT_CASE = [
    ["International Court of Justice", "ICJ", "ICJ", "organisation"],
    ["Sudan", "SDN", "SDN", "state"],
    ["UAE", "ARE", "ARE", "state"],
]


def test_a_welcomed_ruling_judges_the_court_named_before_it():
    out = statements(
        "The International Court of Justice threw out a case that Sudan had filed against the UAE.",
        'The court said it "manifestly lacked jurisdiction" because of a reservation the UAE made.',
        "Sudan had accused the UAE of arming the Rapid Support Forces.",
        "The UAE welcomed the ruling.",
        actors=COURT_CASE,
    )
    assert stance(out, 3) == {("ARE", "ICJ"): 0.7}


CONSULATE = [
    ["Iran", "IRN", "IRN", "state"],
    ["Russia", "RUS", "RUS", "state"],
    ["Moscow", "RUS", "RUS", "capital"],
    ["UN Security Council", "UNSC", "UNSC", "organisation"],
    ["Iraq", "IRQ", "IRQ", "state"],
    ["Pakistan", "PAK", "PAK", "state"],
]


def test_an_actor_that_judged_the_act_itself_is_not_its_agent():
    out = statements(
        "Russia's Foreign Ministry strongly condemned the strike, saying attacks on diplomatic missions were "
        '"absolutely unacceptable."',
        "Moscow also requested an emergency meeting of the UN Security Council.",
        "Iraq and Pakistan also condemned the attack.",
        actors=CONSULATE,
    )
    assert not {("IRQ", "RUS"), ("PAK", "RUS")} & set(stance(out, 2))
