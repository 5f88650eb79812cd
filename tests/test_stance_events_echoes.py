"""A judgement of "the <noun>" that names no actor judges the agents of the act an earlier sentence reported
with the noun's stem (monitor.stance_event_echoes): "Lammy called the veto 'a disgrace'" after "Russia
vetoed a British-drafted resolution"."""

from __future__ import annotations

import polars as pl
from stance_helpers import RUSSIA, every_pair, stance, statements

IRAN = [
    ["Iran", "IRN", "IRN", "state"],
    ["Iranian", "IRN", "IRN", "state"],
    ["Germany", "DEU", "DEU", "state"],
    ["Olaf Scholz", "olaf_scholz", "DEU", "person"],
]
EXECUTED = (
    'Iran\'s judiciary announced on Monday that Sharmahd, 69, had been executed for "corruption on earth" '
    "after being convicted of masterminding a 2008 bombing of a mosque in Shiraz that killed 14 people."
)
ABDUCTED = "He was abducted by Iranian agents in Dubai in 2020 and taken to Iran, according to his family."
CONDEMNED = 'Chancellor Olaf Scholz said he "sharply condemned" the execution.'
UNSC = [
    RUSSIA,
    ["Russian", "RUS", "RUS", "state"],
    ["British", "GBR", "GBR", "state"],
    ["David Lammy", "david_lammy", "GBR", "person"],
    ["Sudan", "SDN", "SDN", "state"],
]
VETOED = (
    "The U.N. Security Council has not adopted any new measures on Sudan since Russia vetoed a "
    "British-drafted resolution in November calling for a cease-fire and the protection of civilians."
)
DISGRACE = 'British Foreign Secretary David Lammy called the veto "a disgrace."'


def echoes(frame: pl.DataFrame, sentence_no: int) -> dict[tuple[str, str], float]:
    rows = frame.filter((pl.col("rule") == "event_echo") & (pl.col("sentence_no") == sentence_no))
    return {(r["source_actor"], r["target_actor"]): r["polarity"] for r in rows.iter_rows(named=True)}


def test_condemning_the_execution_judges_who_an_earlier_sentence_said_executed():
    out = statements(EXECUTED, ABDUCTED, CONDEMNED, actors=IRAN)
    assert echoes(out, 2) == {("DEU", "IRN"): -0.9}


def test_an_execution_never_reported_as_an_act_judges_nobody():
    out = statements(ABDUCTED, CONDEMNED, actors=IRAN)
    assert echoes(out, 1) == {}


def test_calling_the_veto_a_disgrace_judges_the_actor_whose_cue_vetoed():
    out = statements(VETOED, DISGRACE, actors=UNSC)
    got = echoes(out, 1)
    assert set(got) == {("GBR", "RUS")}
    assert got[("GBR", "RUS")] < 0


def test_a_judgement_naming_its_own_target_after_the_cue_is_left_to_the_other_rules():
    out = statements(
        VETOED,
        "Britain called the veto by Russia a disgrace.",
        actors=[*UNSC, ["Britain", "GBR", "GBR", "state"]],
    )
    assert echoes(out, 1) == {}


def test_an_act_reported_beyond_the_window_judges_nobody():
    filler = ["The talks resumed in Geneva on Monday."] * 16
    out = statements(VETOED, *filler, DISGRACE, actors=UNSC)
    assert echoes(out, 17) == {}


CHAGOS = [
    ["Britain", "GBR", "GBR", "state"],
    ["Mauritius", "MUS", "MUS", "state"],
    ["Chagos Islands", "MUS", "MUS", "state"],
    ["Joe Biden", "joe_biden", "USA", "person"],
    ["UK", "GBR", "GBR", "state"],
    ["US", "USA", "USA", "state"],
    ["Jugnauth", "pravind_jugnauth", "MUS", "person"],
]
HANDED = (
    "Britain will hand sovereignty of the Chagos Islands to Mauritius after more than half a century of "
    "dispute, the Government announced on Thursday, in a deal that keeps the strategically important UK-US "
    "military base on Diego Garcia."
)
COMPLETED = "Mr Jugnauth said the agreement completed the decolonisation of Mauritius."
FINALLY = '"After 50 years, our country is finally complete," he said in a televised address in Port Louis.'

WELCOMED = "President Joe Biden welcomed the deal."


def test_welcoming_the_deal_judges_both_parties_of_the_earlier_deal():
    out = statements(HANDED, COMPLETED, FINALLY, WELCOMED, actors=CHAGOS)
    got = echoes(out, 3)
    assert set(got) == {("USA", "GBR"), ("USA", "MUS")}
    assert all(polarity > 0 for polarity in got.values())


def test_condemning_the_order_judges_who_signed_an_order_earlier():
    out = statements(
        "President Trump has signed an executive order imposing sanctions on the International Criminal "
        "Court.",
        "It takes effect immediately.",
        "Officials did not say when the measures would be reviewed.",
        "The Netherlands condemned the order.",
        actors=[
            ["President Trump", "donald_trump", "USA", "person"],
            ["International Criminal Court", "ICC", "ICC", "organisation"],
            ["Netherlands", "NLD", "NLD", "state"],
        ],
    )
    got = echoes(out, 3)
    assert set(got) == {("NLD", "USA")}
    assert got[("NLD", "USA")] < 0


RECALLED = (
    "Pakistan on Wednesday recalled its ambassador from Tehran, a day after Iran carried out a strike inside "
    "Pakistani territory."
)
PANJGUR = [
    ["Pakistan", "PAK", "PAK", "state"],
    ["Pakistani", "PAK", "PAK", "state"],
    ["Tehran", "IRN", "IRN", "capital"],
    ["Iran", "IRN", "IRN", "state"],
    ["Afghanistan", "AFG", "AFG", "state"],
    ["United States", "USA", "USA", "state"],
]


def test_an_act_introduced_after_its_own_subject_is_that_subjects_not_the_speakers():
    out = statements(RECALLED, "The United States condemned the strike.", actors=PANJGUR)
    assert echoes(out, 1) == {("USA", "IRN"): -0.9}


def test_a_speaker_of_an_earlier_clause_does_not_share_the_judgement_of_the_next():
    out = statements(
        RECALLED,
        "Afghanistan's interim government also called for restraint, while the United States condemned the "
        "strike.",
        actors=PANJGUR,
    )
    assert {source for source, _ in every_pair(out.filter(pl.col("sentence_no") == 1))} == {"USA"}


def test_condemned_sanctions_judge_every_state_listed_as_imposing_them():
    out = statements(
        "Britain, Canada, Australia and New Zealand imposed sanctions on Israel's far-right ministers on "
        "Tuesday.",
        'Israel condemned the sanctions as "outrageous".',
        actors=[
            ["Britain", "GBR", "GBR", "state"],
            ["Canada", "CAN", "CAN", "state"],
            ["Australia", "AUS", "AUS", "state"],
            ["New Zealand", "NZL", "NZL", "state"],
            ["Israel", "ISR", "ISR", "state"],
        ],
    )
    assert stance(out, 1) == {
        ("ISR", "GBR"): -0.9,
        ("ISR", "CAN"): -0.9,
        ("ISR", "AUS"): -0.9,
        ("ISR", "NZL"): -0.9,
    }
